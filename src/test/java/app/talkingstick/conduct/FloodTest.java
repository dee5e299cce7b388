package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FloodTest {

    private static final Instant T0 = Instant.parse("2025-03-01T18:00:00Z");
    private final ConductPolicy policy = ConductPolicy.defaults().withSettings(ConductSettings.defaults()
            .withFlood(new FloodSettings(3, Duration.ofSeconds(10), 50, Duration.ofSeconds(60), 2)));
    private MemberConduct member = policy.newMember(T0);

    private Verdict say(String text, long atSecond) {
        ConductDecision d = policy.evaluate(ChannelKind.GROUP, text, member, T0.plusSeconds(atSecond));
        member = d.state();
        return d.verdict();
    }

    @Test
    void aFullBucketAllowsABurstThenRateLimitsWithTheRetryTime() {
        assertEquals(Verdict.Action.ALLOW, say("one", 0).action());
        assertEquals(Verdict.Action.ALLOW, say("two", 0).action());
        assertEquals(Verdict.Action.ALLOW, say("three", 0).action());
        Verdict fourth = say("four", 0);
        assertEquals(Verdict.Action.BLOCK, fourth.action());
        assertEquals(Optional.of(Verdict.RATE_LIMITED), fourth.code());
        assertEquals("flood:rate", fourth.reasonId());
        assertEquals(Optional.of(T0.plusSeconds(10)), fourth.retryAt());
        assertEquals("You're sending messages faster than the group can read them. Please wait 10 seconds and try"
                + " again.", fourth.message());
        assertEquals(List.of(new Flag(Flag.Kind.FLOOD, "flood:rate")), fourth.flags());
    }

    @Test
    void theBucketRefillsOneTokenPerInterval() {
        say("one", 0);
        say("two", 0);
        say("three", 0);
        assertEquals(Verdict.Action.BLOCK, say("four", 9).action());
        assertEquals(Verdict.Action.ALLOW, say("four", 10).action());
        assertEquals(Verdict.Action.BLOCK, say("five", 15).action());
        assertEquals(Optional.of(T0.plusSeconds(20)), say("five", 15).retryAt());
    }

    @Test
    void theBucketNeverFillsAboveCapacity() {
        say("one", 0);
        MemberConduct later = policy.evaluate(ChannelKind.GROUP, "two", member, T0.plusSeconds(3600)).state();
        assertEquals(2.0, later.tokens(), 1e-9);
    }

    @Test
    void aRefusedMessageSpendsNoToken() {
        say("one", 0);
        say("two", 0);
        say("three", 0);
        say("four", 1);
        assertEquals(0.1, member.tokens(), 1e-9);
    }

    @Test
    void theSameMessageTwiceIsFineAThirdTimeIsRefused() {
        assertEquals(Verdict.Action.ALLOW, say("Thank you all!", 0).action());
        assertEquals(Verdict.Action.ALLOW, say("thank you all", 20).action());
        Verdict third = say("THANK YOU ALL!!!", 30);
        assertEquals(Verdict.Action.BLOCK, third.action());
        assertEquals(Optional.of(Verdict.RATE_LIMITED), third.code());
        assertEquals("flood:repeat", third.reasonId());
        assertEquals("You've already sent this message. Please give people a moment to respond.", third.message());
    }

    @Test
    void nearlyIdenticalLongMessagesCountAsRepeats() {
        say("this is the same long message again", 0);
        say("this is the same long message agian", 20);
        assertEquals("flood:repeat", say("this is the same long mesage again", 40).reasonId());
    }

    @Test
    void differentMessagesAreNotRepeats() {
        say("this is one message about my week", 0);
        say("this is one message about my weekend", 10);
        assertEquals(Verdict.Action.ALLOW, say("and this is a completely different one", 20).action());
    }

    @Test
    void repeatsOutsideTheWindowAreForgotten() {
        say("same", 0);
        say("same", 10);
        assertEquals(Verdict.Action.BLOCK, say("same", 30).action());
        assertEquals(Verdict.Action.ALLOW, say("same", 71).action());
        assertTrue(member.recent().stream().allMatch(r -> !r.at().isBefore(T0.plusSeconds(11))));
    }

    @Test
    void aMessageLongerThanTheMaximumIsRefused() {
        Verdict v = say("x".repeat(51), 0);
        assertEquals(Optional.of(Verdict.TOO_LONG), v.code());
        assertEquals("Your message is longer than 50 characters. Please split it into shorter messages.", v.message());
        assertEquals(Verdict.Action.ALLOW, say("x".repeat(50), 0).action());
    }

    @Test
    void anEmptyMessageIsInvalid() {
        assertEquals(Optional.of(Verdict.INVALID), say("   ", 0).code());
    }

    @Test
    void aCrisisMessageIsNeverRateLimited() {
        say("one", 0);
        say("two", 0);
        say("three", 0);
        Verdict crisis = say("I want to die", 0);
        assertEquals(Verdict.Action.PRIVATE, crisis.action(), "over the limit: to the therapists, not refused");
        assertTrue(crisis.crisis().isPresent());
        assertEquals(0.0, member.tokens(), 1e-9);
    }

    @Test
    void aRepeatedCrisisMessageIsNeverRefused() {
        Verdict last = null;
        for (int i = 0; i < 4; i++) {
            last = say("I'm going to kill myself", i * 20);
            assertTrue(last.action() == Verdict.Action.ALLOW || last.action() == Verdict.Action.PRIVATE, last.action().name());
            assertTrue(last.crisis().isPresent());
        }
        assertEquals(Verdict.Action.PRIVATE, last.action(), "a repeat the room refuses goes to the therapists");
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> FloodSettings.defaults().withCapacity(0));
        assertThrows(IllegalArgumentException.class, () -> FloodSettings.defaults().withRefillEvery(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> FloodSettings.defaults().withMaxLength(0));
        assertThrows(IllegalArgumentException.class, () -> FloodSettings.defaults().withMaxRepeats(0));
        assertThrows(IllegalArgumentException.class,
                () -> FloodSettings.defaults().withRepeatWindow(Duration.ofSeconds(-1)));
    }

    @Test
    void defaults() {
        FloodSettings d = FloodSettings.defaults();
        assertEquals(5, d.capacity());
        assertEquals(Duration.ofSeconds(4), d.refillEvery());
        assertEquals(2000, d.maxLength());
        assertEquals(Duration.ofMinutes(2), d.repeatWindow());
        assertEquals(2, d.maxRepeats());
        assertFalse(policy.newMember(T0).holdAll());
    }
}
