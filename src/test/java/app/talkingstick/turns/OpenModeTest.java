package app.talkingstick.turns;

import static app.talkingstick.turns.Refusal.Reason.FORBIDDEN;
import static app.talkingstick.turns.Refusal.Reason.INVALID;
import static app.talkingstick.turns.Refusal.Reason.NOT_MEMBER;
import static app.talkingstick.turns.Refusal.Reason.RATE_LIMITED;
import static app.talkingstick.turns.Room.assertAllowedWithoutEffects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenModeTest {

    private final Room room = Room.with(Mode.OPEN, RoomSettings.defaults(), "a", "b");

    @Test
    void anyPresentClientAndStaffMaySpeak() {
        assertAllowedWithoutEffects(room.say("a"));
        assertAllowedWithoutEffects(room.say("b"));
        assertAllowedWithoutEffects(room.say("t"));
        assertAllowedWithoutEffects(room.say("a"));
        assertEquals(Optional.empty(), room.state.nextDeadline());
    }

    @Test
    void strangersAndOfflineMembersMayNotSpeak() {
        room.refused(NOT_MEMBER, (s, n) -> s.say("stranger", n));
        room.leave("a");
        room.refused(NOT_MEMBER, (s, n) -> s.say("a", n));
    }

    @Test
    void slowModeRefusesTooEarlyMessagesWithRetryTime() {
        room.slow("t", 10);
        room.time(100);
        assertTrue(room.say("a").allowed());

        room.timeMillis(103_500);
        Refusal refusal = room.refused(RATE_LIMITED, (s, n) -> s.say("a", n));
        assertEquals(Room.at(110), refusal.retryAt());
        assertEquals(7, refusal.retryAfterSeconds());
        assertTrue(refusal.message().contains("7s"), refusal.message());

        room.timeMillis(109_999);
        assertEquals(1, room.refused(RATE_LIMITED, (s, n) -> s.say("a", n)).retryAfterSeconds());

        room.time(110);
        assertTrue(room.say("a").allowed());
    }

    @Test
    void slowModeIsPerClient() {
        room.slow("t", 10);
        room.time(1);
        room.say("a");
        assertTrue(room.say("b").allowed());
        assertTrue(room.say("t").allowed());
        assertTrue(room.say("t").allowed());
    }

    @Test
    void refusedMessageDoesNotRestartTheSlowModeClock() {
        room.slow("t", 10);
        room.say("a");
        room.time(5);
        room.refused(RATE_LIMITED, (s, n) -> s.say("a", n));
        room.time(10);
        assertTrue(room.say("a").allowed());
    }

    @Test
    void messagesBeforeSlowModeWasSwitchedOnCount() {
        room.say("a");
        room.time(3);
        room.slow("t", 10);
        assertEquals(Room.at(10), room.refused(RATE_LIMITED, (s, n) -> s.say("a", n)).retryAt());
    }

    @Test
    void memberOverrideSlowsDownOneClient() {
        room.slow("t", 30, "a");
        assertEquals(30, room.state.slowModeSecondsFor("a"));
        assertEquals(0, room.state.slowModeSecondsFor("b"));
        room.say("a");
        room.say("b");
        room.time(20);
        assertEquals(10, room.refused(RATE_LIMITED, (s, n) -> s.say("a", n)).retryAfterSeconds());
        assertTrue(room.say("b").allowed());
        assertTrue(room.say("b").allowed());
    }

    @Test
    void theStricterOfRoomAndMemberIntervalApplies() {
        room.slow("t", 20);
        room.slow("t", 5, "a");
        assertEquals(20, room.state.slowModeSecondsFor("a"));
        room.slow("t", 2);
        assertEquals(5, room.state.slowModeSecondsFor("a"));
        assertEquals(2, room.state.slowModeSecondsFor("b"));
    }

    @Test
    void zeroRemovesTheMemberOverride() {
        room.slow("t", 30, "a");
        room.slow("t", 0, "a");
        assertEquals(0, room.state.slowModeSecondsFor("a"));
        room.say("a");
        assertTrue(room.say("a").allowed());
    }

    @Test
    void staffAreNeverRateLimited() {
        room.slow("t", 60);
        assertEquals(0, room.state.slowModeSecondsFor("t"));
        for (int i = 0; i < 5; i++) {
            assertTrue(room.say("t").allowed());
        }
    }

    @Test
    void setSlowModeEmitsSlowModeChangedOnly() {
        Decision roomWide = room.slow("t", 15);
        assertEquals(List.of(new Effect.SlowModeChanged(null, 15)), roomWide.effects());
        assertEquals(15, room.state.settings().slowModeSeconds());
        Decision forA = room.slow("t", 40, "a");
        assertEquals(List.of(new Effect.SlowModeChanged("a", 40)), forA.effects());
    }

    @Test
    void setSlowModeRefusals() {
        room.refused(FORBIDDEN, (s, n) -> s.setSlowMode("a", 10, n));
        room.refused(FORBIDDEN, (s, n) -> s.setSlowMode("a", 10, "b", n));
        room.refused(NOT_MEMBER, (s, n) -> s.setSlowMode("stranger", 10, n));
        room.refused(INVALID, (s, n) -> s.setSlowMode("t", -1, n));
        room.refused(INVALID, (s, n) -> s.setSlowMode("t", 3601, n));
        room.refused(INVALID, (s, n) -> s.setSlowMode("t", 10, "t", n));
        room.refused(INVALID, (s, n) -> s.setSlowMode("t", 10, "stranger", n));
    }

    @Test
    void slowModeForAnOfflineMemberIsAllowed() {
        room.leave("b");
        assertEquals(List.of(new Effect.SlowModeChanged("b", 12)), room.slow("t", 12, "b").effects());
    }

    @Test
    void turnActionsAreInvalidInOpenMode() {
        assertEquals("hands are only used in raise-hand mode",
                room.refused(INVALID, (s, n) -> s.raiseHand("a", n)).message());
        room.refused(INVALID, (s, n) -> s.pass("a", n));
        room.refused(INVALID, (s, n) -> s.grant("t", "a", n));
        room.refused(INVALID, (s, n) -> s.next("t", n));
    }

    @Test
    void lowerHandWithoutRaisedHandIsANoOp() {
        TurnState before = room.state;
        Decision decision = room.lower("a");
        assertAllowedWithoutEffects(decision);
        assertEquals(before, decision.state());
    }

    @Test
    void openSnapshotHasNoFloor() {
        TurnSnapshot snapshot = room.state.snapshot();
        assertEquals(Mode.OPEN, snapshot.mode());
        assertNull(snapshot.speaker());
        assertNull(snapshot.endsAt());
        assertEquals(List.of(), snapshot.queue());
        assertEquals(List.of(), snapshot.round());
    }

    @Test
    void slowModeDoesNotApplyToTheFloorHolder() {
        room.slow("t", 60);
        room.mode("t", Mode.RAISE_HAND);
        room.raise("a");
        assertEquals("a", room.speaker());
        assertTrue(room.say("a").allowed());
        assertTrue(room.say("a").allowed());
    }
}
