package app.talkingstick.turns;

import static app.talkingstick.turns.Mode.OPEN;
import static app.talkingstick.turns.Mode.RAISE_HAND;
import static app.talkingstick.turns.Mode.ROUND_ROBIN;
import static app.talkingstick.turns.Refusal.Reason.FORBIDDEN;
import static app.talkingstick.turns.Refusal.Reason.INVALID;
import static app.talkingstick.turns.Refusal.Reason.NOT_MEMBER;
import static app.talkingstick.turns.Room.assertAllowedWithoutEffects;
import static app.talkingstick.turns.Room.snapshot;
import static app.talkingstick.turns.Room.turnChanged;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModeSwitchTest {

    private final Room room = Room.with(RAISE_HAND, RoomSettings.defaults().withTurnSeconds(60), "a", "b", "c");

    @Test
    void raiseHandToOpenClearsFloorAndQueue() {
        room.raise("a");
        room.raise("b");
        room.time(20);
        assertEquals(snapshot(OPEN, OPEN, null, List.of(), List.of(), null), turnChanged(room.mode("t", OPEN)));
        assertEquals(new SpeakingTime(20_000, 0), room.state.speakingTime().get("a"));
        assertEquals(Optional.empty(), room.state.nextDeadline());
        assertAllowedWithoutEffects(room.say("b"));
    }

    @Test
    void raiseHandToRoundRobinStartsARoundFromTheFirstPresentClient() {
        room.raise("b");
        room.raise("c");
        room.leave("a");
        room.time(5);
        TurnSnapshot snapshot = turnChanged(room.mode("t", ROUND_ROBIN));
        assertEquals(snapshot(ROUND_ROBIN, ROUND_ROBIN, "b", List.of("c"), List.of("c"), Room.at(65)), snapshot);
        assertEquals(new SpeakingTime(5_000, 0), room.state.speakingTime().get("b"));
    }

    @Test
    void roundRobinToRaiseHandEndsTheRoundAndServesTheQueue() {
        room.mode("t", ModeChange.to(RAISE_HAND).withAutoAdvance(false));
        room.raise("c");
        room.mode("t", ROUND_ROBIN);
        room.time(10);
        assertEquals("a", room.speaker());
        TurnSnapshot snapshot = turnChanged(room.mode("t", ModeChange.to(RAISE_HAND).withAutoAdvance(true)));
        assertEquals(snapshot(RAISE_HAND, RAISE_HAND, "c", List.of(), List.of(), Room.at(70)), snapshot);
    }

    @Test
    void roundRobinToOpenEndsTheRoundWithoutRoundCompleted() {
        room.mode("t", ROUND_ROBIN);
        assertEquals(snapshot(OPEN, OPEN, null, List.of(), List.of(), null), turnChanged(room.mode("t", OPEN)));
        assertEquals(false, room.state.roundRunning());
    }

    @Test
    void openToRaiseHandOnlyChangesTheMode() {
        room.mode("t", OPEN);
        assertEquals(snapshot(RAISE_HAND, RAISE_HAND, null, List.of(), List.of(), null),
                turnChanged(room.mode("t", RAISE_HAND)));
    }

    @Test
    void reselectingTheModeKeepsTheFloorAndNewTurnLengthAppliesToTheNextGrant() {
        room.raise("a");
        room.raise("b");
        TurnState before = room.state;
        Decision decision = room.mode("t", ModeChange.to(RAISE_HAND).withTurnSeconds(90));
        assertAllowedWithoutEffects(decision);
        assertEquals(before.snapshot(), room.state.snapshot());
        assertEquals(Room.at(60), room.state.endsAt().orElseThrow());
        assertEquals(90, room.state.settings().turnSeconds());
        room.time(10);
        assertEquals(Room.at(100), turnChanged(room.pass("a")).endsAt());
    }

    @Test
    void reselectingOpenDoesNothing() {
        room.mode("t", OPEN);
        assertAllowedWithoutEffects(room.mode("t", OPEN));
    }

    @Test
    void setModeRefusals() {
        room.refused(FORBIDDEN, (s, n) -> s.setMode("a", OPEN, n));
        room.refused(NOT_MEMBER, (s, n) -> s.setMode("x", OPEN, n));
        room.refused(INVALID, (s, n) -> s.setMode("t", ModeChange.to(RAISE_HAND).withTurnSeconds(-1), n));
        room.refused(INVALID, (s, n) -> s.setMode("t", ModeChange.to(RAISE_HAND).withTurnSeconds(3601), n));
        room.staff("t2");
        room.leave("t2");
        room.refused(NOT_MEMBER, (s, n) -> s.setMode("t2", OPEN, n));
    }

    @Test
    void initialRoundRobinRoomHasNoRoundUntilTheTherapistStartsOne() {
        Room rr = Room.with(ROUND_ROBIN, RoomSettings.defaults(), "a");
        assertEquals(snapshot(ROUND_ROBIN, ROUND_ROBIN, null, List.of(), List.of(), null), rr.state.snapshot());
        assertEquals("a", turnChanged(rr.mode("t", ROUND_ROBIN)).speaker());
    }
}
