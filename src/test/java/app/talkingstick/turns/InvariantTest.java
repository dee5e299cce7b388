package app.talkingstick.turns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Random event sequences (seeded, so reproducible) checked against the rules that must always hold. */
class InvariantTest {

    private static final List<String> CLIENTS = List.of("a", "b", "c", "d", "e");
    private static final List<String> STAFF = List.of("t", "u");
    private static final List<String> EVERYONE = List.of("a", "b", "c", "d", "e", "t", "u", "x");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void rulesHoldForRandomSessions(long seed) {
        Random random = new Random(seed);
        Room room = Room.of(Mode.OPEN, RoomSettings.defaults().withTurnSeconds(40));
        for (int step = 0; step < 2_000; step++) {
            room.timeMillis(room.now.toEpochMilli() - Room.T0.toEpochMilli() + random.nextInt(15_000));
            TurnState before = room.state;
            String event = randomKind(random);
            Decision decision = room.apply(randomEvent(random, event));
            String context = "seed " + seed + " step " + step + " " + event + " -> " + decision.effects();
            checkDecision(before, decision, context);
            checkState(room.state, context);
        }
    }

    private static String randomKind(Random random) {
        String[] kinds = {"join", "leave", "remove", "raise", "lower", "pass", "grant", "next", "mode", "slow",
            "say", "tick", "tick", "tick", "reset"};
        return kinds[random.nextInt(kinds.length)];
    }

    private static BiFunction<TurnState, Instant, Decision> randomEvent(Random random, String kind) {
        String anyone = pick(random, EVERYONE);
        String client = pick(random, CLIENTS);
        return switch (kind) {
            case "join" -> (s, n) -> s.join(anyone, STAFF.contains(anyone), n);
            case "leave" -> (s, n) -> s.leave(anyone, n);
            case "remove" -> random.nextInt(5) == 0 ? (s, n) -> s.removeMember(anyone, n) : (s, n) -> s.tick(n);
            case "raise" -> (s, n) -> s.raiseHand(anyone, n);
            case "lower" -> (s, n) -> s.lowerHand(anyone, n);
            case "pass" -> (s, n) -> s.pass(anyone, n);
            case "grant" -> (s, n) -> s.grant(pick(random, EVERYONE), client, n);
            case "next" -> (s, n) -> s.next(anyone, n);
            case "mode" -> modeChange(random, anyone);
            case "slow" -> (s, n) -> s.setSlowMode(anyone, random.nextInt(3) * 5, client, n);
            case "say" -> (s, n) -> s.say(anyone, n);
            case "reset" -> (s, n) -> s.resetSession(n);
            default -> (s, n) -> s.tick(n);
        };
    }

    private static BiFunction<TurnState, Instant, Decision> modeChange(Random random, String actor) {
        Mode mode = Mode.values()[random.nextInt(Mode.values().length)];
        ModeChange change = ModeChange.to(mode)
                .withAutoAdvance(random.nextBoolean())
                .withQueueOrder(random.nextBoolean() ? QueueOrder.FIFO : QueueOrder.EQUITY)
                .withTurnSeconds(random.nextInt(4) * 20);
        return (s, n) -> s.setMode(actor, change, n);
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static void checkDecision(TurnState before, Decision decision, String context) {
        List<Effect> effects = decision.effects();
        long turnChanges = effects.stream().filter(Effect.TurnChanged.class::isInstance).count();
        long reminders = effects.stream().filter(Effect.Reminder.class::isInstance).count();
        if (decision.refusal().isPresent()) {
            assertSame(before, decision.state(), context);
            assertEquals(List.of(), effects, context);
            return;
        }
        boolean floorChanged = !before.snapshot().equals(decision.state().snapshot());
        assertEquals(floorChanged ? 1 : 0, turnChanges, context);
        if (floorChanged) {
            assertEquals(new Effect.TurnChanged(decision.state().snapshot()), effects.get(effects.size() - 1), context);
        }
        assertTrue(reminders <= 1, context);
        assertEquals(decision.state().nextDeadline(), decision.nextDeadline(), context);
    }

    private static void checkState(TurnState state, String context) {
        TurnSnapshot snapshot = state.snapshot();
        Optional<String> speaker = state.speaker();
        speaker.ifPresent(holder -> {
            assertTrue(state.isPresent(holder), context);
            assertFalse(state.isStaff(holder), context);
            assertFalse(snapshot.round().contains(holder), context);
        });
        assertEquals(snapshot.queue().size(), new HashSet<>(snapshot.queue()).size(), context);
        for (String queued : snapshot.queue()) {
            assertTrue(state.isPresent(queued) && !state.isStaff(queued), context);
            if (snapshot.mode() == Mode.RAISE_HAND) {
                assertFalse(speaker.isPresent() && speaker.get().equals(queued), context);
            }
        }
        switch (snapshot.mode()) {
            case OPEN, PAUSED -> assertNull(snapshot.speaker(), context);
            case RAISE_HAND -> {
                if (state.settings().autoAdvance() && !snapshot.queue().isEmpty()) {
                    assertTrue(speaker.isPresent(), context);
                }
            }
            case ROUND_ROBIN -> assertEquals(state.roundRunning(), speaker.isPresent(), context);
        }
        if (snapshot.chosenMode() == Mode.OPEN) {
            assertEquals(List.of(), snapshot.queue(), context);
        }
        if (speaker.isEmpty()) {
            assertEquals(Optional.empty(), state.nextDeadline(), context);
        }
        state.nextDeadline().ifPresent(deadline -> assertFalse(deadline.isAfter(state.endsAt().orElseThrow()),
                context));
    }
}
