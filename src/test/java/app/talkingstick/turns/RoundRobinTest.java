package app.talkingstick.turns;

import static app.talkingstick.turns.Mode.RAISE_HAND;
import static app.talkingstick.turns.Mode.ROUND_ROBIN;
import static app.talkingstick.turns.Refusal.Reason.INVALID;
import static app.talkingstick.turns.Refusal.Reason.NOT_YOUR_TURN;
import static app.talkingstick.turns.Room.assertAllowedWithoutEffects;
import static app.talkingstick.turns.Room.snapshot;
import static app.talkingstick.turns.Room.turnChanged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoundRobinTest {

    private static final Effect ROUND_COMPLETED = new Effect.RoundCompleted();

    private final Room room = Room.with(Mode.OPEN, RoomSettings.defaults(), "a", "b", "c");

    @Test
    void startsWithTheFirstClientInJoinOrder() {
        TurnSnapshot snapshot = turnChanged(room.mode("t", ROUND_ROBIN));
        assertEquals(snapshot(ROUND_ROBIN, ROUND_ROBIN, "a", List.of(), List.of("b", "c"), null), snapshot);
        assertTrue(room.state.roundRunning());
    }

    @Test
    void staffJoiningBetweenClientsAreNotInTheRound() {
        Room mixed = Room.of(Mode.OPEN);
        mixed.client("a");
        mixed.staff("t");
        mixed.client("b");
        mixed.staff("t2");
        mixed.client("c");
        mixed.mode("t2", ROUND_ROBIN);
        assertEquals("a", mixed.speaker());
        assertEquals(List.of("b", "c"), mixed.state.round());
    }

    @Test
    void passMovesTheStickAlongAndTheLastPassCompletesTheRound() {
        room.mode("t", ROUND_ROBIN);
        assertEquals(snapshot(ROUND_ROBIN, ROUND_ROBIN, "b", List.of(), List.of("c"), null),
                turnChanged(room.pass("a")));
        assertEquals(snapshot(ROUND_ROBIN, ROUND_ROBIN, "c", List.of(), List.of(), null),
                turnChanged(room.pass("b")));
        assertEquals(snapshot(ROUND_ROBIN, ROUND_ROBIN, null, List.of(), List.of(), null),
                turnChanged(room.pass("c"), ROUND_COMPLETED));
        assertFalse(room.state.roundRunning());
        assertEquals(ROUND_ROBIN, room.state.chosenMode());
    }

    @Test
    void onlyTheHolderAndStaffMaySpeak() {
        room.mode("t", ROUND_ROBIN);
        assertAllowedWithoutEffects(room.say("a"));
        assertAllowedWithoutEffects(room.say("t"));
        room.refused(NOT_YOUR_TURN, (s, n) -> s.say("b", n));
        room.refused(NOT_YOUR_TURN, (s, n) -> s.pass("b", n));
    }

    @Test
    void afterTheRoundNoClientMaySpeakUntilANewRound() {
        room.mode("t", ROUND_ROBIN);
        room.pass("a");
        room.pass("b");
        room.pass("c");
        room.refused(NOT_YOUR_TURN, (s, n) -> s.say("a", n));
        room.refused(NOT_YOUR_TURN, (s, n) -> s.pass("a", n));
        assertEquals("no round is running", room.refused(INVALID, (s, n) -> s.next("t", n)).message());
        assertEquals(snapshot(ROUND_ROBIN, ROUND_ROBIN, "a", List.of(), List.of("b", "c"), null),
                turnChanged(room.mode("t", ROUND_ROBIN)));
    }

    @Test
    void settingRoundRobinAgainMidRoundRestartsTheRound() {
        room.mode("t", ROUND_ROBIN);
        room.pass("a");
        assertEquals(snapshot(ROUND_ROBIN, ROUND_ROBIN, "a", List.of(), List.of("b", "c"), null),
                turnChanged(room.mode("t", ROUND_ROBIN)));
    }

    @Test
    void offlineMembersAreSkipped() {
        room.leave("b");
        room.mode("t", ROUND_ROBIN);
        assertEquals(snapshot(ROUND_ROBIN, ROUND_ROBIN, "c", List.of(), List.of(), null),
                turnChanged(room.pass("a")));
    }

    @Test
    void offlineFirstMemberIsSkippedAtTheStart() {
        room.leave("a");
        room.mode("t", ROUND_ROBIN);
        assertEquals("b", room.speaker());
        assertEquals(List.of("c"), room.state.round());
    }

    @Test
    void memberBackOnlineBeforeTheirTurnTakesIt() {
        room.leave("b");
        room.mode("t", ROUND_ROBIN);
        assertEquals(List.of("b", "c"), room.state.round());
        room.client("b");
        assertEquals("b", turnChanged(room.pass("a")).speaker());
    }

    @Test
    void skippedMemberDoesNotGetATurnLaterInTheRound() {
        room.leave("b");
        room.mode("t", ROUND_ROBIN);
        room.pass("a");
        room.client("b");
        assertEquals("c", room.speaker());
        turnChanged(room.pass("c"), ROUND_COMPLETED);
    }

    @Test
    void holderGoingOfflinePassesTheStick() {
        room.mode("t", ROUND_ROBIN);
        assertEquals(snapshot(ROUND_ROBIN, ROUND_ROBIN, "b", List.of(), List.of("c"), null),
                turnChanged(room.leave("a")));
    }

    @Test
    void lastHolderGoingOfflineCompletesTheRound() {
        room.mode("t", ROUND_ROBIN);
        room.pass("a");
        room.pass("b");
        turnChanged(room.leave("c"), ROUND_COMPLETED);
    }

    @Test
    void allRemainingOfflineCompletesTheRound() {
        room.mode("t", ROUND_ROBIN);
        room.leave("b");
        room.leave("c");
        assertNull(turnChanged(room.pass("a"), ROUND_COMPLETED).speaker());
    }

    @Test
    void noPresentClientsCompletesTheRoundAtOnce() {
        Room empty = Room.of(Mode.OPEN);
        empty.staff("t");
        empty.client("a");
        empty.leave("a");
        TurnSnapshot snapshot = turnChanged(empty.mode("t", ROUND_ROBIN), ROUND_COMPLETED);
        assertEquals(snapshot(ROUND_ROBIN, ROUND_ROBIN, null, List.of(), List.of(), null), snapshot);
    }

    @Test
    void removedHolderLosesTheStick() {
        room.mode("t", ROUND_ROBIN);
        assertEquals(snapshot(ROUND_ROBIN, ROUND_ROBIN, "b", List.of(), List.of("c"), null),
                turnChanged(room.remove("a")));
    }

    @Test
    void removedWaitingMemberLeavesTheRound() {
        room.mode("t", ROUND_ROBIN);
        assertEquals(List.of("c"), turnChanged(room.remove("b")).round());
        room.client("b");
        assertEquals(List.of("c", "b"), room.state.round());
    }

    @Test
    void newClientJoiningMidRoundIsAppended() {
        room.mode("t", ROUND_ROBIN);
        assertEquals(List.of("b", "c", "d"), turnChanged(room.client("d")).round());
    }

    @Test
    void staffJoiningMidRoundChangesNothing() {
        room.mode("t", ROUND_ROBIN);
        assertAllowedWithoutEffects(room.staff("t2"));
    }

    @Test
    void explicitOrderIsFollowed() {
        TurnSnapshot snapshot = turnChanged(room.mode("t", ModeChange.to(ROUND_ROBIN).withRoundOrder(List.of("c", "a"))));
        assertEquals(snapshot(ROUND_ROBIN, ROUND_ROBIN, "c", List.of(), List.of("a"), null), snapshot);
        assertEquals("a", turnChanged(room.pass("c")).speaker());
        turnChanged(room.pass("a"), ROUND_COMPLETED);
    }

    @Test
    void explicitOrderMayNameOfflineClientsWhoAreSkipped() {
        room.leave("c");
        room.mode("t", ModeChange.to(ROUND_ROBIN).withRoundOrder(List.of("c", "b")));
        assertEquals("b", room.speaker());
    }

    @Test
    void badRoundOrdersAreInvalid() {
        room.refused(INVALID, (s, n) -> s.setMode("t", ModeChange.to(ROUND_ROBIN).withRoundOrder(List.of("a", "x")), n));
        room.refused(INVALID, (s, n) -> s.setMode("t", ModeChange.to(ROUND_ROBIN).withRoundOrder(List.of("a", "t")), n));
        assertEquals("a appears twice in the round order", room.refused(INVALID,
                (s, n) -> s.setMode("t", ModeChange.to(ROUND_ROBIN).withRoundOrder(List.of("a", "b", "a")), n))
                .message());
        room.refused(INVALID, (s, n) -> s.setMode("t", ModeChange.to(RAISE_HAND).withRoundOrder(List.of("a")), n));
    }

    @Test
    void staffNextSkipsTheHolder() {
        room.mode("t", ROUND_ROBIN);
        assertEquals("b", turnChanged(room.next("t")).speaker());
    }

    @Test
    void handsAndGrantsAreNotUsed() {
        room.mode("t", ROUND_ROBIN);
        room.refused(INVALID, (s, n) -> s.raiseHand("b", n));
        room.refused(INVALID, (s, n) -> s.grant("t", "b", n));
    }

    @Test
    void raiseHandQueueSurvivesARoundUntouched() {
        room.mode("t", ModeChange.to(RAISE_HAND).withAutoAdvance(false));
        room.raise("c");
        room.raise("a");
        TurnSnapshot during = turnChanged(room.mode("t", ROUND_ROBIN));
        assertEquals(snapshot(ROUND_ROBIN, ROUND_ROBIN, "a", List.of("c", "a"), List.of("b", "c"), null), during);
        room.refused(NOT_YOUR_TURN, (s, n) -> s.say("c", n));
        assertEquals(List.of("a"), turnChanged(room.lower("c")).queue());
        TurnSnapshot after = turnChanged(room.mode("t", RAISE_HAND));
        assertEquals(snapshot(RAISE_HAND, RAISE_HAND, null, List.of("a"), List.of(), null), after);
    }
}
