package app.talkingstick.turns;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Mutable working copy used while one event is applied; frozen into the next {@link TurnState}. */
final class Draft {

    private final Instant now;
    private RoomSettings settings;
    private Mode chosen;
    /** The state drafted from: its members, hands and slow-mode overrides serve until an event changes them. */
    private final TurnState from;
    private Map<String, Member> members;
    private List<RaisedHand> hands;
    private Floor floor;
    private List<String> round;
    private Map<String, Integer> slowOverrides;
    private final Map<String, Instant> lastSpokeAt;
    private final Map<String, SpeakingTime> speaking;
    private long seq;
    private final List<Effect> effects = new ArrayList<>();

    Draft(TurnState state, Instant now) {
        this.now = now;
        this.from = state;
        this.settings = state.settings;
        this.chosen = state.chosenMode;
        this.members = state.members;
        this.hands = state.hands;
        this.floor = state.floor;
        this.round = state.round == null ? null : new ArrayList<>(state.round);
        this.slowOverrides = state.slowOverrides;
        this.lastSpokeAt = new HashMap<>(state.lastSpokeAt);
        this.speaking = new HashMap<>(state.speaking);
        this.seq = state.seq;
    }

    /** Copied from the state's on the first change: most events (a message) change none of these. */
    private Map<String, Member> changedMembers() {
        if (members == from.members) {
            members = new HashMap<>(members);
        }
        return members;
    }

    private List<RaisedHand> changedHands() {
        if (hands == from.hands) {
            hands = new ArrayList<>(hands);
        }
        return hands;
    }

    private Map<String, Integer> changedSlowOverrides() {
        if (slowOverrides == from.slowOverrides) {
            slowOverrides = new HashMap<>(slowOverrides);
        }
        return slowOverrides;
    }

    TurnState freeze() {
        return new TurnState(settings, chosen, members, hands, floor, round, slowOverrides, lastSpokeAt, speaking, seq);
    }

    List<Effect> effects() {
        return effects;
    }

    void join(String id, boolean staff) {
        Mode before = effectiveMode();
        Member known = members.get(id);
        if (known == null) {
            changedMembers().put(id, new Member(id, staff, true, ++seq));
            if (!staff && round != null) {
                round.add(id);
            }
        } else {
            changedMembers().put(id, known.withPresent(true));
        }
        onPresenceChange(before);
    }

    void leave(String id) {
        Mode before = effectiveMode();
        changedMembers().computeIfPresent(id, (key, member) -> member.withPresent(false));
        loseFloorAndHand(id);
        onPresenceChange(before);
    }

    void remove(String id) {
        Mode before = effectiveMode();
        if (round != null) {
            round.remove(id);
        }
        loseFloorAndHand(id);
        changedMembers().remove(id);
        changedSlowOverrides().remove(id);
        lastSpokeAt.remove(id);
        onPresenceChange(before);
    }

    void raiseHand(String id) {
        changedHands().add(new RaisedHand(id, ++seq, false));
    }

    void lowerHand(String id) {
        changedHands().removeIf(hand -> hand.memberId().equals(id));
    }

    void pass() {
        handOn();
    }

    void grant(String id) {
        endTurn();
        lowerHand(id);
        floor = Floor.grant(id, now, settings);
    }

    void next() {
        endTurn();
        if (effectiveMode() == Mode.ROUND_ROBIN) {
            advanceRound();
        } else if (!hands.isEmpty()) {
            grant(servingOrder().get(0));
        }
    }

    void setMode(ModeChange change) {
        settings = change.applyTo(settings);
        Mode target = change.mode();
        if (target == chosen && target != Mode.ROUND_ROBIN) {
            return;
        }
        switch (target) {
            case OPEN -> {
                endTurn();
                changedHands().clear();
                round = null;
            }
            case RAISE_HAND -> {
                endTurn();
                round = null;
            }
            case ROUND_ROBIN -> {
                endTurn();
                round = new ArrayList<>(change.roundOrder().isEmpty() ? clientsByJoinOrder() : change.roundOrder());
                advanceRound();
            }
            case PAUSED -> {
                interrupt();
                round = null;
            }
        }
        chosen = target;
    }

    void setSlowMode(String memberId, int seconds) {
        if (memberId == null) {
            settings = settings.withSlowModeSeconds(seconds);
        } else if (seconds == 0) {
            changedSlowOverrides().remove(memberId);
        } else {
            changedSlowOverrides().put(memberId, seconds);
        }
        effects.add(new Effect.SlowModeChanged(memberId, seconds));
    }

    void say(String id, boolean staff) {
        speaking.merge(id, SpeakingTime.NONE.plusMessage(), (old, one) -> old.plusMessage());
        if (!staff) {
            lastSpokeAt.put(id, now);
        }
    }

    void tick() {
        if (floor == null) {
            return;
        }
        if (floor.endsAt() != null && !now.isBefore(floor.endsAt())) {
            effects.add(new Effect.TurnExpired(floor.holder()));
            handOn();
        } else if (floor.remindAt() != null && !now.isBefore(floor.remindAt())) {
            long secondsLeft = (Duration.between(now, floor.endsAt()).toMillis() + 999) / 1000;
            effects.add(new Effect.Reminder(floor.holder(), secondsLeft));
            floor = floor.reminded();
        }
    }

    void resetSession() {
        speaking.clear();
        if (floor != null) {
            floor = floor.restartedAt(now);
        }
    }

    /** Auto-advance: a free floor in raise-hand mode goes to the head of the queue. */
    void settle() {
        if (effectiveMode() == Mode.RAISE_HAND && floor == null && settings.autoAdvance() && !hands.isEmpty()) {
            grant(servingOrder().get(0));
        }
    }

    private Mode effectiveMode() {
        return TurnState.effectiveMode(chosen, members);
    }

    private List<String> servingOrder() {
        return RaisedHand.inServingOrder(hands, settings.queueOrder(), speaking);
    }

    private void loseFloorAndHand(String id) {
        lowerHand(id);
        if (floor != null && floor.holder().equals(id)) {
            handOn();
        }
    }

    /** The holder is done (passed, expired, left, removed): the stick moves on; settle() serves the queue. */
    private void handOn() {
        endTurn();
        if (effectiveMode() == Mode.ROUND_ROBIN) {
            advanceRound();
        }
    }

    private void endTurn() {
        if (floor == null) {
            return;
        }
        long millis = Duration.between(floor.grantedAt(), now).toMillis();
        speaking.merge(floor.holder(), SpeakingTime.NONE.plusFloor(millis), (old, added) -> old.plusFloor(millis));
        floor = null;
    }

    private void advanceRound() {
        if (round == null) {
            return;
        }
        while (!round.isEmpty()) {
            String candidate = round.remove(0);
            Member member = members.get(candidate);
            if (member != null && member.present()) {
                floor = Floor.grant(candidate, now, settings);
                return;
            }
        }
        round = null;
        effects.add(new Effect.RoundCompleted());
    }

    private void onPresenceChange(Mode before) {
        Mode after = effectiveMode();
        if (before != Mode.PAUSED && after == Mode.PAUSED) {
            interrupt();
        } else if (before == Mode.PAUSED && after == Mode.ROUND_ROBIN) {
            advanceRound();
        }
    }

    /** A pause cuts the holder off; they go first when the room resumes. */
    private void interrupt() {
        if (floor == null) {
            return;
        }
        String holder = floor.holder();
        endTurn();
        if (round != null) {
            round.add(0, holder);
        } else {
            changedHands().add(new RaisedHand(holder, ++seq, true));
        }
    }

    private List<String> clientsByJoinOrder() {
        return members.values().stream()
                .filter(member -> !member.staff())
                .sorted(Comparator.comparingLong(Member::joinSeq))
                .map(Member::id)
                .toList();
    }
}
