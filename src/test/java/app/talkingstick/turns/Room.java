package app.talkingstick.turns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/** Test driver: holds the current state and clock, applies events and keeps the state of allowed decisions. */
final class Room {

    static final Instant T0 = Instant.parse("2025-03-01T18:00:00Z");

    TurnState state;
    Instant now = T0;

    Room(Mode mode, RoomSettings settings) {
        state = TurnState.initial(mode, settings);
    }

    static Room of(Mode mode) {
        return new Room(mode, RoomSettings.defaults());
    }

    static Room of(Mode mode, RoomSettings settings) {
        return new Room(mode, settings);
    }

    /** A room with therapist "t" and clients in the order given, all present, no effects checked. */
    static Room with(Mode mode, RoomSettings settings, String... clients) {
        Room room = new Room(mode, settings);
        room.staff("t");
        for (String client : clients) {
            room.client(client);
        }
        return room;
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    Room time(long seconds) {
        now = at(seconds);
        return this;
    }

    Room timeMillis(long millis) {
        now = T0.plusMillis(millis);
        return this;
    }

    Decision apply(BiFunction<TurnState, Instant, Decision> event) {
        Decision decision = event.apply(state, now);
        state = decision.state();
        return decision;
    }

    Decision staff(String id) {
        return apply((s, n) -> s.join(id, true, n));
    }

    Decision client(String id) {
        return apply((s, n) -> s.join(id, false, n));
    }

    Decision leave(String id) {
        return apply((s, n) -> s.leave(id, n));
    }

    Decision remove(String id) {
        return apply((s, n) -> s.removeMember(id, n));
    }

    Decision raise(String id) {
        return apply((s, n) -> s.raiseHand(id, n));
    }

    Decision lower(String id) {
        return apply((s, n) -> s.lowerHand(id, n));
    }

    Decision pass(String id) {
        return apply((s, n) -> s.pass(id, n));
    }

    Decision grant(String actor, String target) {
        return apply((s, n) -> s.grant(actor, target, n));
    }

    Decision next(String actor) {
        return apply((s, n) -> s.next(actor, n));
    }

    Decision mode(String actor, Mode mode) {
        return apply((s, n) -> s.setMode(actor, mode, n));
    }

    Decision mode(String actor, ModeChange change) {
        return apply((s, n) -> s.setMode(actor, change, n));
    }

    Decision slow(String actor, int seconds) {
        return apply((s, n) -> s.setSlowMode(actor, seconds, n));
    }

    Decision slow(String actor, int seconds, String member) {
        return apply((s, n) -> s.setSlowMode(actor, seconds, member, n));
    }

    Decision say(String id) {
        return apply((s, n) -> s.say(id, n));
    }

    Decision tick() {
        return apply((s, n) -> s.tick(n));
    }

    Decision resetSession() {
        return apply((s, n) -> s.resetSession(n));
    }

    String speaker() {
        return state.speaker().orElse(null);
    }

    // ---- assertions ----

    /** Asserts the refusal reason and that the state and effects are untouched. */
    static Refusal assertRefused(Refusal.Reason reason, TurnState before, Decision decision) {
        assertTrue(decision.refusal().isPresent(), "expected refusal " + reason + " but was allowed");
        assertEquals(reason, decision.refusal().get().reason());
        assertSame(before, decision.state(), "a refusal must return the input state");
        assertEquals(List.of(), decision.effects());
        return decision.refusal().get();
    }

    Refusal refused(Refusal.Reason reason, BiFunction<TurnState, Instant, Decision> event) {
        TurnState before = state;
        return assertRefused(reason, before, apply(event));
    }

    static void assertAllowedWithoutEffects(Decision decision) {
        assertTrue(decision.allowed(), () -> "refused: " + decision.refusal());
        assertEquals(List.of(), decision.effects());
    }

    /** Asserts the decision was allowed and its effects are exactly {@code others} followed by one TurnChanged. */
    static TurnSnapshot turnChanged(Decision decision, Effect... others) {
        assertTrue(decision.allowed(), () -> "refused: " + decision.refusal());
        List<Effect> effects = decision.effects();
        assertEquals(others.length + 1, effects.size(), () -> "effects: " + effects);
        assertEquals(List.of(others), effects.subList(0, others.length));
        Effect last = effects.get(others.length);
        assertTrue(last instanceof Effect.TurnChanged, () -> "last effect should be TurnChanged: " + effects);
        TurnSnapshot snapshot = ((Effect.TurnChanged) last).snapshot();
        assertEquals(decision.state().snapshot(), snapshot);
        return snapshot;
    }

    static TurnSnapshot snapshot(Mode mode, Mode chosen, String speaker, List<String> queue, List<String> round,
                                 Instant endsAt) {
        return new TurnSnapshot(mode, chosen, speaker, queue, round, endsAt);
    }
}
