package app.talkingstick.turns;

import static app.talkingstick.turns.Mode.OPEN;
import static app.talkingstick.turns.Mode.RAISE_HAND;
import static app.talkingstick.turns.Refusal.Reason.RATE_LIMITED;
import static app.talkingstick.turns.Room.assertAllowedWithoutEffects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SpeakingTimeTest {

    private final Room room = Room.with(RAISE_HAND, RoomSettings.defaults().withTurnSeconds(60), "a", "b");

    @Test
    void floorTimeIsAccumulatedWhenTurnsEnd() {
        room.raise("a");
        room.timeMillis(45_500);
        room.pass("a");
        room.raise("a");
        room.time(50);
        room.pass("a");
        assertEquals(Map.of("a", new SpeakingTime(50_000, 0)), room.state.speakingTime());
    }

    @Test
    void expiredTurnCountsItsFullLength() {
        room.raise("a");
        room.time(60);
        room.tick();
        assertEquals(new SpeakingTime(60_000, 0), room.state.speakingTime().get("a"));
    }

    @Test
    void messagesAreCountedForEveryoneWhoSpeaks() {
        room.mode("t", OPEN);
        room.say("a");
        room.say("a");
        room.say("t");
        assertEquals(Map.of("a", new SpeakingTime(0, 2), "t", new SpeakingTime(0, 1)), room.state.speakingTime());
    }

    @Test
    void refusedMessagesAreNotCounted() {
        room.say("a");
        room.mode("t", OPEN);
        room.slow("t", 10);
        room.say("b");
        room.refused(RATE_LIMITED, (s, n) -> s.say("b", n));
        assertEquals(Map.of("b", new SpeakingTime(0, 1)), room.state.speakingTime());
    }

    @Test
    void liveViewIncludesTheCurrentTurn() {
        room.raise("a");
        room.say("a");
        room.time(12);
        assertEquals(Map.of("a", new SpeakingTime(0, 1)), room.state.speakingTime());
        assertEquals(Map.of("a", new SpeakingTime(12_000, 1)), room.state.speakingTime(room.now));
    }

    @Test
    void resetSessionClearsEverything() {
        room.raise("a");
        room.say("a");
        room.time(10);
        room.pass("a");
        assertAllowedWithoutEffects(room.resetSession());
        assertEquals(Map.of(), room.state.speakingTime());
    }

    @Test
    void resetMidTurnCountsOnlyTheTimeAfterTheReset() {
        room.raise("a");
        room.time(10);
        room.resetSession();
        room.time(25);
        room.pass("a");
        assertEquals(Map.of("a", new SpeakingTime(15_000, 0)), room.state.speakingTime());
    }

    @Test
    void resetMidTurnKeepsTheTurnEnd() {
        room.raise("a");
        room.time(10);
        room.resetSession();
        assertEquals(Room.at(60), room.state.endsAt().orElseThrow());
    }

    @Test
    void removedMembersKeepTheirSpeakingTime() {
        room.raise("a");
        room.say("a");
        room.time(7);
        room.remove("a");
        assertEquals(Map.of("a", new SpeakingTime(7_000, 1)), room.state.speakingTime());
    }

    @Test
    void speakingTimeIsImmutable() {
        room.raise("a");
        room.pass("a");
        Map<String, SpeakingTime> view = room.state.speakingTime();
        assertThrows(UnsupportedOperationException.class, () -> view.put("b", SpeakingTime.NONE));
        assertThrows(UnsupportedOperationException.class, () -> room.state.speakingTime(room.now).clear());
        assertThrows(UnsupportedOperationException.class, () -> room.state.queue().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> room.state.round().add("x"));
    }
}
