package app.talkingstick.turns;

import static app.talkingstick.turns.Mode.RAISE_HAND;
import static app.talkingstick.turns.Refusal.Reason.FORBIDDEN;
import static app.talkingstick.turns.Refusal.Reason.INVALID;
import static app.talkingstick.turns.Refusal.Reason.NOT_MEMBER;
import static app.talkingstick.turns.Refusal.Reason.NOT_YOUR_TURN;
import static app.talkingstick.turns.Room.assertAllowedWithoutEffects;
import static app.talkingstick.turns.Room.snapshot;
import static app.talkingstick.turns.Room.turnChanged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RaiseHandTest {

    private static final RoomSettings MANUAL = RoomSettings.defaults().withAutoAdvance(false);

    @Nested
    class AutoAdvance {

        private final Room room = Room.with(RAISE_HAND, RoomSettings.defaults(), "a", "b", "c");

        @Test
        void raisingOnAFreeFloorGrantsIt() {
            TurnSnapshot snapshot = turnChanged(room.raise("a"));
            assertEquals(snapshot(RAISE_HAND, RAISE_HAND, "a", List.of(), List.of(), null), snapshot);
        }

        @Test
        void furtherHandsQueueInOrder() {
            room.raise("a");
            assertEquals(List.of("b"), turnChanged(room.raise("b")).queue());
            assertEquals(List.of("b", "c"), turnChanged(room.raise("c")).queue());
            assertEquals("a", room.speaker());
        }

        @Test
        void passHandsTheFloorToTheHeadOfTheQueue() {
            room.raise("a");
            room.raise("b");
            room.raise("c");
            assertEquals(snapshot(RAISE_HAND, RAISE_HAND, "b", List.of("c"), List.of(), null),
                    turnChanged(room.pass("a")));
            assertEquals(snapshot(RAISE_HAND, RAISE_HAND, "c", List.of(), List.of(), null),
                    turnChanged(room.pass("b")));
            assertEquals(snapshot(RAISE_HAND, RAISE_HAND, null, List.of(), List.of(), null),
                    turnChanged(room.pass("c")));
        }

        @Test
        void onlyTheHolderAndStaffMaySpeak() {
            room.raise("a");
            room.raise("b");
            assertAllowedWithoutEffects(room.say("a"));
            assertAllowedWithoutEffects(room.say("t"));
            Refusal refusal = room.refused(NOT_YOUR_TURN, (s, n) -> s.say("b", n));
            assertEquals("it is not your turn", refusal.message());
            room.refused(NOT_YOUR_TURN, (s, n) -> s.say("c", n));
        }

        @Test
        void nobodySpeaksOnAFreeFloor() {
            room.refused(NOT_YOUR_TURN, (s, n) -> s.say("a", n));
        }

        @Test
        void raisingTwiceIsANoOp() {
            room.raise("a");
            room.raise("b");
            TurnState before = room.state;
            Decision decision = room.raise("b");
            assertAllowedWithoutEffects(decision);
            assertSame(before, decision.state());
        }

        @Test
        void theHolderCannotRaiseAgain() {
            room.raise("a");
            assertEquals("you already have the floor", room.refused(INVALID, (s, n) -> s.raiseHand("a", n)).message());
        }

        @Test
        void staffCannotRaiseAHand() {
            room.refused(INVALID, (s, n) -> s.raiseHand("t", n));
        }

        @Test
        void strangersCannotRaiseOrLower() {
            room.refused(NOT_MEMBER, (s, n) -> s.raiseHand("x", n));
            room.refused(NOT_MEMBER, (s, n) -> s.lowerHand("x", n));
        }

        @Test
        void loweringLeavesTheQueue() {
            room.raise("a");
            room.raise("b");
            room.raise("c");
            assertEquals(List.of("c"), turnChanged(room.lower("b")).queue());
        }

        @Test
        void loweringWhenNotQueuedHasNoEffect() {
            room.raise("a");
            room.raise("b");
            TurnState before = room.state;
            Decision decision = room.lower("c");
            assertAllowedWithoutEffects(decision);
            assertSame(before, decision.state());
            assertAllowedWithoutEffects(room.lower("a"));
        }

        @Test
        void onlyTheHolderMayPass() {
            room.raise("a");
            room.raise("b");
            room.refused(NOT_YOUR_TURN, (s, n) -> s.pass("b", n));
            room.refused(NOT_YOUR_TURN, (s, n) -> s.pass("c", n));
            room.refused(INVALID, (s, n) -> s.pass("t", n));
        }

        @Test
        void holderGoingOfflineHandsTheFloorOn() {
            room.raise("a");
            room.raise("b");
            assertEquals(snapshot(RAISE_HAND, RAISE_HAND, "b", List.of(), List.of(), null),
                    turnChanged(room.leave("a")));
        }

        @Test
        void queuedMemberGoingOfflineLosesTheirPlace() {
            room.raise("a");
            room.raise("b");
            room.raise("c");
            assertEquals(List.of("c"), turnChanged(room.leave("b")).queue());
            room.client("b");
            assertEquals(List.of("c"), room.state.queue());
        }

        @Test
        void removedHolderLosesTheFloorMidTurn() {
            room.raise("a");
            room.raise("b");
            room.raise("c");
            assertEquals(snapshot(RAISE_HAND, RAISE_HAND, "b", List.of("c"), List.of(), null),
                    turnChanged(room.remove("a")));
            assertFalse(room.state.isMember("a"));
            room.refused(NOT_MEMBER, (s, n) -> s.say("a", n));
        }

        @Test
        void removedQueuedMemberLosesTheirPlace() {
            room.raise("a");
            room.raise("b");
            room.raise("c");
            assertEquals(List.of("c"), turnChanged(room.remove("b")).queue());
        }

        @Test
        void removingANonMemberIsANoOp() {
            TurnState before = room.state;
            assertSame(before, room.remove("x").state());
        }

        @Test
        void grantGivesTheFloorToAnyPresentClient() {
            room.raise("a");
            room.raise("b");
            assertEquals(snapshot(RAISE_HAND, RAISE_HAND, "c", List.of("b"), List.of(), null),
                    turnChanged(room.grant("t", "c")));
            assertEquals(snapshot(RAISE_HAND, RAISE_HAND, "b", List.of(), List.of(), null),
                    turnChanged(room.grant("t", "b")));
        }

        @Test
        void grantRefusals() {
            room.raise("a");
            room.refused(FORBIDDEN, (s, n) -> s.grant("b", "b", n));
            room.refused(FORBIDDEN, (s, n) -> s.grant("a", "c", n));
            room.refused(NOT_MEMBER, (s, n) -> s.grant("x", "b", n));
            room.refused(INVALID, (s, n) -> s.grant("t", "t", n));
            room.refused(INVALID, (s, n) -> s.grant("t", "x", n));
            room.leave("c");
            assertEquals("c is not in the room", room.refused(INVALID, (s, n) -> s.grant("t", "c", n)).message());
        }

        @Test
        void nextEndsTheTurnAndServesTheQueue() {
            room.raise("a");
            room.raise("b");
            assertEquals("b", turnChanged(room.next("t")).speaker());
            assertNull(turnChanged(room.next("t")).speaker());
            assertEquals("no one is waiting", room.refused(INVALID, (s, n) -> s.next("t", n)).message());
        }

        @Test
        void nextIsStaffOnly() {
            room.raise("a");
            room.refused(FORBIDDEN, (s, n) -> s.next("a", n));
        }
    }

    @Nested
    class ManualAdvance {

        private final Room room = Room.with(RAISE_HAND, MANUAL, "a", "b", "c");

        @Test
        void raisingDoesNotGrant() {
            assertEquals(snapshot(RAISE_HAND, RAISE_HAND, null, List.of("a"), List.of(), null),
                    turnChanged(room.raise("a")));
        }

        @Test
        void nextGrantsTheHead() {
            room.raise("b");
            room.raise("a");
            assertEquals(snapshot(RAISE_HAND, RAISE_HAND, "b", List.of("a"), List.of(), null),
                    turnChanged(room.next("t")));
        }

        @Test
        void passLeavesTheFloorFree() {
            room.raise("a");
            room.raise("b");
            room.next("t");
            assertEquals(snapshot(RAISE_HAND, RAISE_HAND, null, List.of("b"), List.of(), null),
                    turnChanged(room.pass("a")));
        }

        @Test
        void turningAutoAdvanceOnServesTheWaitingQueue() {
            room.raise("a");
            room.raise("b");
            TurnSnapshot snapshot = turnChanged(room.mode("t", ModeChange.to(RAISE_HAND).withAutoAdvance(true)));
            assertEquals(snapshot(RAISE_HAND, RAISE_HAND, "a", List.of("b"), List.of(), null), snapshot);
        }
    }

    @Nested
    class Equity {

        private final Room room = Room.with(RAISE_HAND, MANUAL.withQueueOrder(QueueOrder.EQUITY), "a", "b", "c", "d");

        private void holdFloor(String member, long seconds) {
            room.grant("t", member);
            room.time(room.now.getEpochSecond() - Room.T0.getEpochSecond() + seconds);
            room.pass(member);
        }

        @Test
        void whoeverSpokeLeastGoesFirst() {
            holdFloor("a", 60);
            holdFloor("b", 20);
            room.raise("a");
            room.raise("b");
            room.raise("c");
            assertEquals(List.of("c", "b", "a"), room.state.queue());
            assertEquals("c", turnChanged(room.next("t")).speaker());
        }

        @Test
        void tiesGoToWhoeverRaisedFirst() {
            room.raise("d");
            room.raise("c");
            room.raise("b");
            assertEquals(List.of("d", "c", "b"), room.state.queue());
        }

        @Test
        void messagesDoNotCountOnlyFloorTime() {
            room.mode("t", Mode.OPEN);
            room.say("a");
            room.say("a");
            room.mode("t", RAISE_HAND);
            room.raise("a");
            room.raise("b");
            assertEquals(List.of("a", "b"), room.state.queue());
        }

        @Test
        void switchingOrderReordersTheQueueWithOneTurnChanged() {
            holdFloor("a", 30);
            room.mode("t", ModeChange.to(RAISE_HAND).withQueueOrder(QueueOrder.FIFO));
            room.raise("a");
            room.raise("b");
            assertEquals(List.of("a", "b"), room.state.queue());
            TurnSnapshot snapshot = turnChanged(room.mode("t", ModeChange.to(RAISE_HAND)
                    .withQueueOrder(QueueOrder.EQUITY)));
            assertEquals(List.of("b", "a"), snapshot.queue());
        }

        @Test
        void resettingTheSessionRestoresRaiseOrder() {
            holdFloor("a", 30);
            room.raise("a");
            room.raise("b");
            assertEquals(List.of("b", "a"), room.state.queue());
            assertEquals(List.of("a", "b"), turnChanged(room.resetSession()).queue());
        }
    }
}
