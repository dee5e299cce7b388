package app.talkingstick.turns;

import static app.talkingstick.turns.Refusal.Reason.FORBIDDEN;
import static app.talkingstick.turns.Refusal.Reason.NOT_MEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActorCheckTest {

    private static final Map<String, Function<String, BiFunction<TurnState, Instant, Decision>>> STAFF_ONLY = Map.of(
            "grant", actor -> (s, n) -> s.grant(actor, "b", n),
            "next", actor -> (s, n) -> s.next(actor, n),
            "setMode", actor -> (s, n) -> s.setMode(actor, Mode.OPEN, n),
            "setSlowMode", actor -> (s, n) -> s.setSlowMode(actor, 5, n),
            "setSlowModeFor", actor -> (s, n) -> s.setSlowMode(actor, 5, "b", n));

    private static final Map<String, Function<String, BiFunction<TurnState, Instant, Decision>>> MEMBER = Map.of(
            "say", member -> (s, n) -> s.say(member, n),
            "raiseHand", member -> (s, n) -> s.raiseHand(member, n),
            "lowerHand", member -> (s, n) -> s.lowerHand(member, n),
            "pass", member -> (s, n) -> s.pass(member, n));

    static Stream<Arguments> staffOnlyCommands() {
        return STAFF_ONLY.keySet().stream().sorted().flatMap(name -> Stream.of(
                Arguments.of(name, "a", FORBIDDEN),
                Arguments.of(name, "stranger", NOT_MEMBER),
                Arguments.of(name, "gone", NOT_MEMBER),
                Arguments.of(name, "gone-staff", NOT_MEMBER)));
    }

    @ParameterizedTest(name = "{0} by {1} -> {2}")
    @MethodSource("staffOnlyCommands")
    void staffOnlyCommandsCheckTheActor(String command, String actor, Refusal.Reason reason) {
        Room room = Room.with(Mode.RAISE_HAND, RoomSettings.defaults().withAutoAdvance(false), "a", "b", "gone");
        room.staff("gone-staff");
        room.leave("gone-staff");
        room.leave("gone");
        room.raise("b");
        Refusal refusal = room.refused(reason, STAFF_ONLY.get(command).apply(actor));
        assertNull(refusal.retryAt());
        assertEquals(0, refusal.retryAfterSeconds());
    }

    static Stream<Arguments> memberCommands() {
        return MEMBER.keySet().stream().sorted()
                .flatMap(name -> Stream.of(Arguments.of(name, "stranger"), Arguments.of(name, "gone")));
    }

    @ParameterizedTest(name = "{0} by {1} -> NOT_MEMBER")
    @MethodSource("memberCommands")
    void memberCommandsRequireAPresentMember(String command, String actor) {
        Room room = Room.with(Mode.RAISE_HAND, RoomSettings.defaults(), "a", "gone");
        room.raise("gone");
        room.leave("gone");
        room.refused(NOT_MEMBER, MEMBER.get(command).apply(actor));
    }
}
