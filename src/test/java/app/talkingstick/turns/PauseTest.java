package app.talkingstick.turns;

import static app.talkingstick.turns.Mode.OPEN;
import static app.talkingstick.turns.Mode.PAUSED;
import static app.talkingstick.turns.Mode.RAISE_HAND;
import static app.talkingstick.turns.Mode.ROUND_ROBIN;
import static app.talkingstick.turns.Refusal.Reason.INVALID;
import static app.talkingstick.turns.Refusal.Reason.ROOM_PAUSED;
import static app.talkingstick.turns.Room.assertAllowedWithoutEffects;
import static app.talkingstick.turns.Room.snapshot;
import static app.talkingstick.turns.Room.turnChanged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PauseTest {

    @Nested
    class WithoutStaff {

        @Test
        void aRoomWithoutStaffIsPausedButRemembersTheChosenMode() {
            Room room = Room.of(RAISE_HAND);
            assertAllowedWithoutEffects(room.client("a"));
            assertEquals(PAUSED, room.state.effectiveMode());
            assertEquals(RAISE_HAND, room.state.chosenMode());
            assertEquals("the room is paused until the therapist is back",
                    room.refused(ROOM_PAUSED, (s, n) -> s.say("a", n)).message());
        }

        @Test
        void staffArrivingRestoresTheChosenMode() {
            Room room = Room.of(OPEN);
            room.client("a");
            assertEquals(snapshot(OPEN, OPEN, null, List.of(), List.of(), null), turnChanged(room.staff("t")));
            assertAllowedWithoutEffects(room.say("a"));
        }

        @Test
        void lastStaffLeavingPausesAnOpenRoom() {
            Room room = Room.with(OPEN, RoomSettings.defaults(), "a");
            assertEquals(snapshot(PAUSED, OPEN, null, List.of(), List.of(), null), turnChanged(room.leave("t")));
        }

        @Test
        void removingTheLastStaffPausesTheRoom() {
            Room room = Room.with(OPEN, RoomSettings.defaults(), "a");
            assertEquals(PAUSED, turnChanged(room.remove("t")).mode());
        }

        @Test
        void oneOfTwoTherapistsLeavingChangesNothing() {
            Room room = Room.with(OPEN, RoomSettings.defaults(), "a");
            room.staff("t2");
            assertAllowedWithoutEffects(room.leave("t"));
            assertEquals(OPEN, room.state.effectiveMode());
        }

        @Test
        void secondConnectionOfAPresentMemberIsANoOp() {
            Room room = Room.with(OPEN, RoomSettings.defaults(), "a");
            TurnState before = room.state;
            assertSame(before, room.staff("t").state());
            assertSame(before, room.client("a").state());
        }

        @Test
        void raiseHandHolderIsInterruptedAndResumesFirst() {
            Room room = Room.with(RAISE_HAND, RoomSettings.defaults().withTurnSeconds(60), "a", "b");
            room.raise("a");
            room.raise("b");
            room.time(10);
            assertEquals(snapshot(PAUSED, RAISE_HAND, null, List.of("a", "b"), List.of(), null),
                    turnChanged(room.leave("t")));
            assertEquals(Optional.empty(), room.state.nextDeadline());
            assertEquals(10_000, room.state.speakingTime().get("a").floorMillis());
            room.refused(ROOM_PAUSED, (s, n) -> s.say("a", n));
            room.refused(ROOM_PAUSED, (s, n) -> s.pass("a", n));

            room.time(100);
            assertEquals(snapshot(RAISE_HAND, RAISE_HAND, "a", List.of("b"), List.of(), Room.at(160)),
                    turnChanged(room.staff("t")));
        }

        @Test
        void interruptedHolderGoesFirstEvenInEquityOrder() {
            Room room = Room.with(RAISE_HAND, RoomSettings.defaults().withQueueOrder(QueueOrder.EQUITY), "a", "b");
            room.raise("a");
            room.raise("b");
            room.time(30);
            assertEquals(List.of("a", "b"), turnChanged(room.leave("t")).queue());
        }

        @Test
        void interruptedHolderWhoLeftIsNotServed() {
            Room room = Room.with(RAISE_HAND, RoomSettings.defaults(), "a", "b");
            room.raise("a");
            room.raise("b");
            room.leave("t");
            assertEquals(List.of("b"), turnChanged(room.leave("a")).queue());
            assertEquals("b", turnChanged(room.staff("t")).speaker());
        }

        @Test
        void handsMayBeRaisedWhileWaitingForTheTherapist() {
            Room room = Room.with(RAISE_HAND, RoomSettings.defaults(), "a");
            room.leave("t");
            assertEquals(snapshot(PAUSED, RAISE_HAND, null, List.of("a"), List.of(), null),
                    turnChanged(room.raise("a")));
            assertEquals("a", turnChanged(room.staff("t")).speaker());
        }

        @Test
        void roundRobinHolderIsInterruptedAndTheRoundResumesWithThem() {
            Room room = Room.with(OPEN, RoomSettings.defaults(), "a", "b", "c");
            room.mode("t", ROUND_ROBIN);
            room.pass("a");
            assertEquals(snapshot(PAUSED, ROUND_ROBIN, null, List.of(), List.of("b", "c"), null),
                    turnChanged(room.leave("t")));
            assertEquals(snapshot(ROUND_ROBIN, ROUND_ROBIN, "b", List.of(), List.of("c"), null),
                    turnChanged(room.staff("t")));
        }

        @Test
        void roundResumesPastMembersWhoLeftDuringThePause() {
            Room room = Room.with(OPEN, RoomSettings.defaults(), "a", "b", "c");
            room.mode("t", ROUND_ROBIN);
            room.leave("t");
            room.leave("a");
            assertEquals("b", turnChanged(room.staff("t")).speaker());
        }

        @Test
        void roundCompletesOnResumeIfEveryoneLeft() {
            Room room = Room.with(OPEN, RoomSettings.defaults(), "a");
            room.mode("t", ROUND_ROBIN);
            room.leave("t");
            room.leave("a");
            TurnSnapshot snapshot = turnChanged(room.staff("t"), new Effect.RoundCompleted());
            assertEquals(snapshot(ROUND_ROBIN, ROUND_ROBIN, null, List.of(), List.of(), null), snapshot);
        }

        @Test
        void finishedRoundStaysFinishedAfterAPause() {
            Room room = Room.with(OPEN, RoomSettings.defaults(), "a");
            room.mode("t", ROUND_ROBIN);
            room.pass("a");
            room.leave("t");
            assertEquals(snapshot(ROUND_ROBIN, ROUND_ROBIN, null, List.of(), List.of(), null),
                    turnChanged(room.staff("t")));
        }
    }

    @Nested
    class ChosenByTherapist {

        private final Room room = Room.with(RAISE_HAND, RoomSettings.defaults(), "a", "b");

        @Test
        void onlyStaffSpeakWhilePaused() {
            assertEquals(snapshot(PAUSED, PAUSED, null, List.of(), List.of(), null), turnChanged(room.mode("t", PAUSED)));
            assertEquals("the therapist has paused the room",
                    room.refused(ROOM_PAUSED, (s, n) -> s.say("a", n)).message());
            assertAllowedWithoutEffects(room.say("t"));
        }

        @Test
        void turnActionsAreRefusedWhilePaused() {
            room.mode("t", PAUSED);
            room.refused(INVALID, (s, n) -> s.raiseHand("a", n));
            room.refused(ROOM_PAUSED, (s, n) -> s.pass("a", n));
            room.refused(INVALID, (s, n) -> s.grant("t", "a", n));
            room.refused(INVALID, (s, n) -> s.next("t", n));
        }

        @Test
        void pausingKeepsTheQueueAndTheHolderResumesFirst() {
            room.raise("a");
            room.raise("b");
            assertEquals(snapshot(PAUSED, PAUSED, null, List.of("a", "b"), List.of(), null),
                    turnChanged(room.mode("t", PAUSED)));
            assertEquals(snapshot(RAISE_HAND, RAISE_HAND, "a", List.of("b"), List.of(), null),
                    turnChanged(room.mode("t", RAISE_HAND)));
        }

        @Test
        void staffLeavingAManuallyPausedRoomChangesNothingVisible() {
            room.mode("t", PAUSED);
            assertAllowedWithoutEffects(room.leave("t"));
            assertAllowedWithoutEffects(room.staff("t"));
            assertEquals(PAUSED, room.state.effectiveMode());
        }

        @Test
        void pausingARoundEndsItAndRoundRobinStartsAFreshOne() {
            room.mode("t", ROUND_ROBIN);
            room.pass("a");
            assertEquals(snapshot(PAUSED, PAUSED, null, List.of(), List.of(), null),
                    turnChanged(room.mode("t", PAUSED)));
            assertEquals("a", turnChanged(room.mode("t", ROUND_ROBIN)).speaker());
        }
    }
}
