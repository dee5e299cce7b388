package app.talkingstick.turns;

import static app.talkingstick.turns.Refusal.Reason.FORBIDDEN;
import static app.talkingstick.turns.Refusal.Reason.NOT_MEMBER;
import static app.talkingstick.turns.Refusal.Reason.NOT_YOUR_TURN;
import static app.talkingstick.turns.Refusal.Reason.ROOM_PAUSED;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Immutable turn-taking state of one room. Each event method is a pure function of this state, its arguments and
 * the {@code now} passed in: it returns a {@link Decision} with the next state, the effects to publish and, when the
 * action is refused, the refusal (the state is then returned unchanged).
 *
 * <p>A {@link Effect.TurnChanged} is emitted exactly when the {@link #snapshot()} differs after the event.
 */
public final class TurnState {

    final RoomSettings settings;
    final Mode chosenMode;
    final Map<String, Member> members;
    final List<RaisedHand> hands;
    final Floor floor;
    final List<String> round;
    final Map<String, Integer> slowOverrides;
    final Map<String, Instant> lastSpokeAt;
    final Map<String, SpeakingTime> speaking;
    final long seq;
    /** Worked out on first use: a state is compared with its successor's snapshot on every event. */
    private TurnSnapshot snapshot;

    TurnState(RoomSettings settings, Mode chosenMode, Map<String, Member> members, List<RaisedHand> hands,
              Floor floor, List<String> round, Map<String, Integer> slowOverrides, Map<String, Instant> lastSpokeAt,
              Map<String, SpeakingTime> speaking, long seq) {
        this.settings = settings;
        this.chosenMode = chosenMode;
        this.members = Map.copyOf(members);
        this.hands = List.copyOf(hands);
        this.floor = floor;
        this.round = round == null ? null : List.copyOf(round);
        this.slowOverrides = Map.copyOf(slowOverrides);
        this.lastSpokeAt = Map.copyOf(lastSpokeAt);
        this.speaking = Map.copyOf(speaking);
        this.seq = seq;
    }

    /** An empty room in the given chosen mode. A ROUND_ROBIN room starts without a round (the therapist starts one). */
    public static TurnState initial(Mode mode, RoomSettings settings) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(settings, "settings");
        return new TurnState(settings, mode, Map.of(), List.of(), null, null, Map.of(), Map.of(), Map.of(), 0);
    }

    /** A member comes online. The role (staff or client) is fixed by the first join; later joins only restore presence. */
    public Decision join(String memberId, boolean staff, Instant now) {
        Objects.requireNonNull(memberId, "memberId");
        Member known = members.get(memberId);
        if (known != null && known.present()) {
            return Decision.unchanged(this);
        }
        return change(now, draft -> draft.join(memberId, staff));
    }

    /** A member goes offline: they lose the floor and their raised hand, but keep their place in a running round. */
    public Decision leave(String memberId, Instant now) {
        if (!isPresent(memberId)) {
            return Decision.unchanged(this);
        }
        return change(now, draft -> draft.leave(memberId));
    }

    /**
     * A member is removed (or muted) by moderation: they lose the floor, their raised hand, their place in the round,
     * their slow-mode override and their membership. Their speaking time is kept. Rejoining makes them a new member.
     */
    public Decision removeMember(String memberId, Instant now) {
        if (!isMember(memberId)) {
            return Decision.unchanged(this);
        }
        return change(now, draft -> draft.remove(memberId));
    }

    /**
     * A client joins the raise-hand queue (chosen mode RAISE_HAND, also while auto-paused). Raising an already raised
     * hand is a no-op; staff, the floor holder, and any other mode are refused INVALID.
     */
    public Decision raiseHand(String memberId, Instant now) {
        Optional<Refusal> refusal = requirePresent(memberId).or(() -> raiseHandRefusal(memberId));
        if (refusal.isEmpty() && hasHandRaised(memberId)) {
            return Decision.unchanged(this);
        }
        return decide(refusal, () -> change(now, draft -> draft.raiseHand(memberId)));
    }

    /** A member leaves the queue. Lowering a hand that is not raised is a no-op. */
    public Decision lowerHand(String memberId, Instant now) {
        Optional<Refusal> refusal = requirePresent(memberId);
        if (refusal.isEmpty() && !hasHandRaised(memberId)) {
            return Decision.unchanged(this);
        }
        return decide(refusal, () -> change(now, draft -> draft.lowerHand(memberId)));
    }

    /** The floor holder yields: the floor goes to the next in queue or round. */
    public Decision pass(String memberId, Instant now) {
        Optional<Refusal> refusal = requirePresent(memberId).or(() -> passRefusal(memberId));
        return decide(refusal, () -> change(now, Draft::pass));
    }

    /** Staff give the floor to a present client (raise-hand mode), whether or not they are queued. */
    public Decision grant(String actorId, String targetId, Instant now) {
        Optional<Refusal> refusal = requireStaff(actorId).or(() -> grantRefusal(targetId));
        return decide(refusal, () -> change(now, draft -> draft.grant(targetId)));
    }

    /** Staff end the current turn and hand the floor to the head of the queue (raise-hand) or the next in the round. */
    public Decision next(String actorId, Instant now) {
        Optional<Refusal> refusal = requireStaff(actorId).or(this::nextRefusal);
        return decide(refusal, () -> change(now, Draft::next));
    }

    /** Staff switch mode; see {@link ModeChange}. Setting ROUND_ROBIN always starts a new round. */
    public Decision setMode(String actorId, ModeChange change, Instant now) {
        Objects.requireNonNull(change, "change");
        Optional<Refusal> refusal = requireStaff(actorId).or(() -> modeChangeRefusal(change));
        return decide(refusal, () -> change(now, draft -> draft.setMode(change)));
    }

    /** {@link #setMode(String, ModeChange, Instant)} keeping the current settings. */
    public Decision setMode(String actorId, Mode mode, Instant now) {
        return setMode(actorId, ModeChange.to(mode), now);
    }

    /** Staff set room-wide slow mode (seconds, 0 = off). */
    public Decision setSlowMode(String actorId, int seconds, Instant now) {
        Optional<Refusal> refusal = requireStaff(actorId).or(() -> secondsRefusal("slow mode", seconds));
        return decide(refusal, () -> change(now, draft -> draft.setSlowMode(null, seconds)));
    }

    /**
     * Staff set slow mode for one client. The client's interval is the larger of the room's and this one;
     * 0 removes the override.
     */
    public Decision setSlowMode(String actorId, int seconds, String memberId, Instant now) {
        Optional<Refusal> refusal = requireStaff(actorId)
                .or(() -> secondsRefusal("slow mode", seconds))
                .or(() -> slowModeTargetRefusal(memberId));
        return decide(refusal, () -> change(now, draft -> draft.setSlowMode(memberId, seconds)));
    }

    /** Check before a message is stored. When allowed, the message is counted and the slow-mode clock restarts. */
    public Decision say(String memberId, Instant now) {
        Objects.requireNonNull(now, "now");
        Optional<Refusal> refusal = requirePresent(memberId).or(() -> sayRefusal(memberId, now));
        boolean staff = refusal.isEmpty() && members.get(memberId).staff();
        return decide(refusal, () -> change(now, draft -> draft.say(memberId, staff)));
    }

    /** Fires the pending reminder or expires the turn when due; call at {@link #nextDeadline()}. */
    public Decision tick(Instant now) {
        return change(now, Draft::tick);
    }

    /**
     * Starts a new session: speaking time is cleared (which may reorder an EQUITY queue); a turn in progress keeps
     * its end time but counts floor time from {@code now}.
     */
    public Decision resetSession(Instant now) {
        return change(now, Draft::resetSession);
    }

    public RoomSettings settings() {
        return settings;
    }

    public Mode chosenMode() {
        return chosenMode;
    }

    /** PAUSED while no staff member is present, otherwise the chosen mode. */
    public Mode effectiveMode() {
        return effectiveMode(chosenMode, members);
    }

    public Optional<String> speaker() {
        return Optional.ofNullable(floor).map(Floor::holder);
    }

    public Optional<Instant> endsAt() {
        return Optional.ofNullable(floor).map(Floor::endsAt);
    }

    /** Raised hands in serving order. */
    public List<String> queue() {
        return RaisedHand.inServingOrder(hands, settings.queueOrder(), speaking);
    }

    /** Clients still to take the stick in the current round; empty when no round is running. */
    public List<String> round() {
        return round == null ? List.of() : round;
    }

    public boolean roundRunning() {
        return round != null;
    }

    public TurnSnapshot snapshot() {
        if (snapshot == null) {
            snapshot = new TurnSnapshot(effectiveMode(), chosenMode, floor == null ? null : floor.holder(), queue(),
                    round(), floor == null ? null : floor.endsAt());
        }
        return snapshot;
    }

    /** Earliest time {@link #tick} must be called: the pending reminder, else the end of the current turn. */
    public Optional<Instant> nextDeadline() {
        return Optional.ofNullable(floor).map(Floor::deadline);
    }

    /** Floor time of finished turns and message counts this session. */
    public Map<String, SpeakingTime> speakingTime() {
        return speaking;
    }

    /** Like {@link #speakingTime()}, counting the current turn up to {@code now}. */
    public Map<String, SpeakingTime> speakingTime(Instant now) {
        if (floor == null) {
            return speaking;
        }
        Map<String, SpeakingTime> live = new HashMap<>(speaking);
        long millis = Duration.between(floor.grantedAt(), now).toMillis();
        live.merge(floor.holder(), SpeakingTime.NONE.plusFloor(millis), (old, added) -> old.plusFloor(millis));
        return Map.copyOf(live);
    }

    public boolean isMember(String memberId) {
        return members.containsKey(memberId);
    }

    public boolean isPresent(String memberId) {
        Member member = members.get(memberId);
        return member != null && member.present();
    }

    public boolean isStaff(String memberId) {
        Member member = members.get(memberId);
        return member != null && member.staff();
    }

    /** Slow-mode interval that applies to this member in OPEN mode (0 for staff). */
    public int slowModeSecondsFor(String memberId) {
        if (isStaff(memberId)) {
            return 0;
        }
        return Math.max(settings.slowModeSeconds(), slowOverrides.getOrDefault(memberId, 0));
    }

    static Mode effectiveMode(Mode chosen, Map<String, Member> members) {
        boolean staffPresent = members.values().stream().anyMatch(member -> member.staff() && member.present());
        return staffPresent ? chosen : Mode.PAUSED;
    }

    private Optional<Refusal> requirePresent(String memberId) {
        Objects.requireNonNull(memberId, "memberId");
        return isPresent(memberId) ? Optional.empty() : refuse(NOT_MEMBER, "you are not in this room");
    }

    private Optional<Refusal> requireStaff(String actorId) {
        return requirePresent(actorId)
                .or(() -> isStaff(actorId) ? Optional.empty() : refuse(FORBIDDEN, "only the therapist can do that"));
    }

    private Optional<Refusal> raiseHandRefusal(String memberId) {
        if (isStaff(memberId)) {
            return invalid("staff may always speak; hands are for clients");
        }
        if (chosenMode != Mode.RAISE_HAND) {
            return invalid("hands are only used in raise-hand mode");
        }
        if (isHolder(memberId)) {
            return invalid("you already have the floor");
        }
        return Optional.empty();
    }

    private Optional<Refusal> passRefusal(String memberId) {
        if (isStaff(memberId)) {
            return invalid("staff do not hold the floor");
        }
        if (isHolder(memberId)) {
            return Optional.empty();
        }
        if (effectiveMode() == Mode.OPEN) {
            return invalid("there are no turns in open mode");
        }
        return notYourTurn();
    }

    private Optional<Refusal> grantRefusal(String targetId) {
        Objects.requireNonNull(targetId, "targetId");
        if (effectiveMode() != Mode.RAISE_HAND) {
            return invalid("the floor can only be granted in raise-hand mode");
        }
        if (!isPresent(targetId)) {
            return invalid(targetId + " is not in the room");
        }
        if (isStaff(targetId)) {
            return invalid("staff may always speak");
        }
        return Optional.empty();
    }

    private Optional<Refusal> nextRefusal() {
        return switch (effectiveMode()) {
            case RAISE_HAND -> floor == null && hands.isEmpty() ? invalid("no one is waiting") : Optional.empty();
            case ROUND_ROBIN -> round == null ? invalid("no round is running") : Optional.empty();
            default -> invalid("next is only used in raise-hand and round-robin modes");
        };
    }

    private Optional<Refusal> modeChangeRefusal(ModeChange change) {
        if (change.turnSeconds().isPresent()) {
            Optional<Refusal> refusal = secondsRefusal("turn length", change.turnSeconds().getAsInt());
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        if (change.roundOrder().isEmpty()) {
            return Optional.empty();
        }
        if (change.mode() != Mode.ROUND_ROBIN) {
            return invalid("a round order is only used in round-robin mode");
        }
        return roundOrderRefusal(change.roundOrder());
    }

    private Optional<Refusal> roundOrderRefusal(List<String> order) {
        Set<String> seen = new HashSet<>();
        for (String id : order) {
            if (!isMember(id) || isStaff(id)) {
                return invalid(id + " is not a client in this room");
            }
            if (!seen.add(id)) {
                return invalid(id + " appears twice in the round order");
            }
        }
        return Optional.empty();
    }

    private Optional<Refusal> slowModeTargetRefusal(String memberId) {
        Objects.requireNonNull(memberId, "memberId");
        if (!isMember(memberId)) {
            return invalid(memberId + " is not in the room");
        }
        return isStaff(memberId) ? invalid("staff are never slowed down") : Optional.empty();
    }

    private Optional<Refusal> sayRefusal(String memberId, Instant now) {
        if (isStaff(memberId)) {
            return Optional.empty();
        }
        return switch (effectiveMode()) {
            case OPEN -> slowModeRefusal(memberId, now);
            case PAUSED -> notYourTurn();
            case RAISE_HAND, ROUND_ROBIN -> isHolder(memberId) ? Optional.empty() : notYourTurn();
        };
    }

    private Optional<Refusal> slowModeRefusal(String memberId, Instant now) {
        int interval = slowModeSecondsFor(memberId);
        Instant last = lastSpokeAt.get(memberId);
        if (interval == 0 || last == null) {
            return Optional.empty();
        }
        Instant retryAt = last.plusSeconds(interval);
        return now.isBefore(retryAt) ? Optional.of(Refusal.rateLimited(retryAt, now)) : Optional.empty();
    }

    private Optional<Refusal> notYourTurn() {
        if (effectiveMode() != Mode.PAUSED) {
            return refuse(NOT_YOUR_TURN, "it is not your turn");
        }
        return chosenMode == Mode.PAUSED
                ? refuse(ROOM_PAUSED, "the therapist has paused the room")
                : refuse(ROOM_PAUSED, "the room is paused until the therapist is back");
    }

    private static Optional<Refusal> secondsRefusal(String what, int seconds) {
        return RoomSettings.validSeconds(seconds)
                ? Optional.empty()
                : invalid(what + " must be between 0 and " + RoomSettings.MAX_SECONDS + " seconds");
    }

    private boolean isHolder(String memberId) {
        return floor != null && floor.holder().equals(memberId);
    }

    private boolean hasHandRaised(String memberId) {
        return hands.stream().anyMatch(hand -> hand.memberId().equals(memberId));
    }

    private static Optional<Refusal> refuse(Refusal.Reason reason, String message) {
        return Optional.of(Refusal.of(reason, message));
    }

    private static Optional<Refusal> invalid(String message) {
        return Optional.of(Refusal.invalid(message));
    }

    private Decision decide(Optional<Refusal> refusal, Supplier<Decision> action) {
        return refusal.map(r -> Decision.refused(this, r)).orElseGet(action);
    }

    private Decision change(Instant now, Consumer<Draft> event) {
        Objects.requireNonNull(now, "now");
        Draft draft = new Draft(this, now);
        event.accept(draft);
        draft.settle();
        TurnState next = draft.freeze();
        List<Effect> effects = new ArrayList<>(draft.effects());
        TurnSnapshot after = next.snapshot();
        if (!after.equals(snapshot())) {
            effects.add(new Effect.TurnChanged(after));
        }
        return new Decision(next, effects, Optional.empty());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TurnState that
                && seq == that.seq
                && settings.equals(that.settings)
                && chosenMode == that.chosenMode
                && members.equals(that.members)
                && hands.equals(that.hands)
                && Objects.equals(floor, that.floor)
                && Objects.equals(round, that.round)
                && slowOverrides.equals(that.slowOverrides)
                && lastSpokeAt.equals(that.lastSpokeAt)
                && speaking.equals(that.speaking);
    }

    @Override
    public int hashCode() {
        return Objects.hash(settings, chosenMode, members, hands, floor, round, slowOverrides, lastSpokeAt, speaking,
                seq);
    }

    @Override
    public String toString() {
        return "TurnState" + snapshot();
    }
}
