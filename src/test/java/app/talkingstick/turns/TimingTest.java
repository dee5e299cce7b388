package app.talkingstick.turns;

import static app.talkingstick.turns.Mode.RAISE_HAND;
import static app.talkingstick.turns.Mode.ROUND_ROBIN;
import static app.talkingstick.turns.Refusal.Reason.NOT_YOUR_TURN;
import static app.talkingstick.turns.Room.assertAllowedWithoutEffects;
import static app.talkingstick.turns.Room.at;
import static app.talkingstick.turns.Room.snapshot;
import static app.talkingstick.turns.Room.turnChanged;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimingTest {

    private static final RoomSettings TWO_MINUTES = RoomSettings.defaults().withTurnSeconds(120);

    private final Room room = Room.with(RAISE_HAND, TWO_MINUTES, "a", "b", "c");

    @Test
    void grantedTurnEndsAfterTurnSecondsAndRemindsThirtySecondsBefore() {
        room.time(10);
        assertEquals(at(130), turnChanged(room.raise("a")).endsAt());
        assertEquals(Optional.of(at(100)), room.state.nextDeadline());
    }

    @Test
    void reminderFiresOnceAtItsTime() {
        room.raise("a");
        room.time(89);
        TurnState before = room.state;
        Decision early = room.tick();
        assertAllowedWithoutEffects(early);
        assertEquals(before, early.state());
        assertEquals(Optional.of(at(90)), early.nextDeadline());

        room.time(90);
        Decision reminder = room.tick();
        assertEquals(List.of(new Effect.Reminder("a", 30)), reminder.effects());
        assertEquals(Optional.of(at(120)), reminder.nextDeadline());

        room.time(91);
        assertAllowedWithoutEffects(room.tick());
        room.time(119);
        assertAllowedWithoutEffects(room.tick());
    }

    @Test
    void lateReminderReportsTheRealTimeLeftRoundedUp() {
        room.raise("a");
        room.timeMillis(100_500);
        assertEquals(List.of(new Effect.Reminder("a", 20)), room.tick().effects());
    }

    @Test
    void expiryHandsTheFloorOnAndSchedulesTheNextHolder() {
        room.raise("a");
        room.raise("b");
        room.time(90);
        room.tick();
        room.time(120);
        TurnSnapshot snapshot = turnChanged(room.tick(), new Effect.TurnExpired("a"));
        assertEquals(snapshot(RAISE_HAND, RAISE_HAND, "b", List.of(), List.of(), at(240)), snapshot);
        assertEquals(Optional.of(at(210)), room.state.nextDeadline());
        room.refused(NOT_YOUR_TURN, (s, n) -> s.say("a", n));
    }

    @Test
    void expiryWithEmptyQueueFreesTheFloor() {
        room.raise("a");
        room.time(120);
        assertEquals(snapshot(RAISE_HAND, RAISE_HAND, null, List.of(), List.of(), null),
                turnChanged(room.tick(), new Effect.TurnExpired("a")));
        assertEquals(Optional.empty(), room.state.nextDeadline());
    }

    @Test
    void lateTickExpiresWithoutAReminder() {
        room.raise("a");
        room.time(500);
        turnChanged(room.tick(), new Effect.TurnExpired("a"));
    }

    @Test
    void passingBeforeTheReminderMeansNoReminder() {
        room.raise("a");
        room.raise("b");
        room.time(50);
        room.pass("a");
        assertEquals(Optional.of(at(140)), room.state.nextDeadline());
        room.time(90);
        assertAllowedWithoutEffects(room.tick());
        room.time(140);
        assertEquals(List.of(new Effect.Reminder("b", 30)), room.tick().effects());
    }

    @Test
    void regrantingTheHolderStartsAFreshTurn() {
        room.raise("a");
        room.time(95);
        room.tick();
        TurnSnapshot snapshot = turnChanged(room.grant("t", "a"));
        assertEquals(at(215), snapshot.endsAt());
        assertEquals(Optional.of(at(185)), room.state.nextDeadline());
    }

    @Test
    void noLimitMeansNoDeadline() {
        Room unlimited = Room.with(RAISE_HAND, RoomSettings.defaults(), "a");
        unlimited.raise("a");
        assertEquals(Optional.empty(), unlimited.state.endsAt());
        assertEquals(Optional.empty(), unlimited.state.nextDeadline());
        unlimited.time(100_000);
        assertAllowedWithoutEffects(unlimited.tick());
        assertEquals("a", unlimited.speaker());
    }

    @Test
    void shortTurnsGetAQuarterTurnReminderAndVeryShortOnesNone() {
        Room shortTurns = Room.with(RAISE_HAND, RoomSettings.defaults().withTurnSeconds(8), "a");
        shortTurns.raise("a");
        assertEquals(Optional.of(at(6)), shortTurns.state.nextDeadline());
        shortTurns.mode("t", ModeChange.to(RAISE_HAND).withTurnSeconds(3));
        shortTurns.time(1);
        shortTurns.grant("t", "a");
        assertEquals(Optional.of(at(4)), shortTurns.state.nextDeadline());
    }

    @Test
    void roundRobinTurnsAreTimedToo() {
        room.mode("t", ModeChange.to(ROUND_ROBIN).withTurnSeconds(60));
        assertEquals(Optional.of(at(45)), room.state.nextDeadline());
        room.time(60);
        assertEquals(snapshot(ROUND_ROBIN, ROUND_ROBIN, "b", List.of(), List.of("c"), at(120)),
                turnChanged(room.tick(), new Effect.TurnExpired("a")));
        room.time(120);
        room.tick();
        room.time(180);
        turnChanged(room.tick(), new Effect.TurnExpired("c"), new Effect.RoundCompleted());
        assertEquals(Optional.empty(), room.state.nextDeadline());
    }

    @Test
    void refusalKeepsTheDeadline() {
        room.raise("a");
        Decision refused = room.say("b");
        assertEquals(Optional.of(at(90)), refused.nextDeadline());
    }

    @Test
    void pauseClearsTheDeadlineAndResumeStartsAFreshTurn() {
        room.raise("a");
        room.time(30);
        room.leave("t");
        assertEquals(Optional.empty(), room.state.nextDeadline());
        room.time(300);
        room.staff("t");
        assertEquals(Optional.of(at(390)), room.state.nextDeadline());
        assertEquals(Optional.of(at(420)), room.state.endsAt());
    }

    @Test
    void reminderDoesNotChangeTheFloor() {
        room.raise("a");
        TurnSnapshot before = room.state.snapshot();
        room.time(90);
        room.tick();
        assertEquals(before, room.state.snapshot());
    }
}
