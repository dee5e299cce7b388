package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LadderTest {

    private static final Instant T0 = Instant.parse("2025-03-01T18:00:00Z");
    private static final String ABUSE = "you are pathetic";

    private ConductPolicy policy = ConductPolicy.defaults();
    private MemberConduct member;

    private ConductDecision say(String text, long atSecond) {
        ConductDecision d = policy.evaluate(ChannelKind.GROUP, text, member, T0.plusSeconds(atSecond));
        member = d.state();
        return d;
    }

    private void use(LadderSettings ladder) {
        policy = policy.withSettings(ConductSettings.defaults().withLadder(ladder));
        member = policy.newMember(T0);
    }

    @Test
    void warnThenMuteThenHoldEverythingEachExactlyOnce() {
        use(LadderSettings.defaults());

        ConductDecision first = say(ABUSE, 0);
        assertEquals(Verdict.Action.BLOCK, first.verdict().action());
        assertEquals(Optional.of(Verdict.CONTENT_BLOCKED), first.verdict().code());
        assertEquals(1, first.state().strikes());
        assertEquals(List.of(new Escalation.Warn(1, "Please keep to the group agreement: talk about your own"
                + " experience and treat other members with respect. Another message like this will mute you for 10"
                + " minutes.")), first.escalations());

        ConductDecision second = say("you absolute idiot", 10);
        assertEquals(2, second.state().strikes());
        assertEquals(List.of(new Escalation.Mute(2, T0.plusSeconds(610), "You've been muted for 10 minutes after"
                + " repeated messages that broke the group agreement.")), second.escalations());
        assertEquals(Optional.of(T0.plusSeconds(610)), second.state().mutedUntil());

        ConductDecision muted = say("hello again", 20);
        assertEquals(Optional.of(Verdict.MUTED), muted.verdict().code());
        assertEquals(Optional.of(T0.plusSeconds(610)), muted.verdict().retryAt());
        assertEquals("You're muted for 10 more minutes after messages that broke the group agreement. You can still"
                + " message your therapist privately.", muted.verdict().message());
        assertEquals(List.of(), muted.escalations());
        assertEquals(2, muted.state().strikes());

        ConductDecision third = say("shut up loser", 700);
        assertEquals(Verdict.Action.BLOCK, third.verdict().action());
        assertEquals(List.of(new Escalation.HoldAll(3, "From now on the facilitator will read your messages before"
                + " they're shared with the group.")), third.escalations());
        assertTrue(third.state().holdAll());

        ConductDecision held = say("Thanks everyone, see you next week", 710);
        assertEquals(Verdict.Action.HOLD, held.verdict().action());
        assertEquals(Optional.of(Verdict.HELD_FOR_REVIEW), held.verdict().code());
        assertEquals("ladder:hold-all", held.verdict().reasonId());

        ConductDecision fourth = say("you moron", 720);
        assertEquals(Verdict.Action.BLOCK, fourth.verdict().action());
        assertEquals(4, fourth.state().strikes());
        assertEquals(List.of(), fourth.escalations());
    }

    @Test
    void everyStepIsConfigurable() {
        use(new LadderSettings(2, 3, Duration.ofMinutes(1), 0));
        assertEquals(List.of(), say(ABUSE, 0).escalations());
        assertEquals(List.of(new Escalation.Warn(2, "Please keep to the group agreement: talk about your own"
                + " experience and treat other members with respect. Another message like this will mute you for 1"
                + " minute.")), say(ABUSE + " and weak", 1).escalations());
        assertEquals(List.of(new Escalation.Mute(3, T0.plusSeconds(62), "You've been muted for 1 minute after"
                + " repeated messages that broke the group agreement.")), say("you idiot", 2).escalations());
        assertEquals(List.of(), say("you moron", 70).escalations());
        assertEquals(false, member.holdAll());
    }

    @Test
    void stepsSharingANumberFireTogether() {
        use(new LadderSettings(1, 1, Duration.ofMinutes(5), 1));
        List<Escalation> steps = say(ABUSE, 0).escalations();
        assertEquals(3, steps.size());
        assertTrue(steps.get(0) instanceof Escalation.Warn);
        assertTrue(steps.get(1) instanceof Escalation.Mute);
        assertTrue(steps.get(2) instanceof Escalation.HoldAll);
    }

    @Test
    void aWarningWithoutALaterMuteSaysNothingAboutMuting() {
        use(new LadderSettings(1, 0, Duration.ofMinutes(5), 0));
        assertEquals(List.of(new Escalation.Warn(1, "Please keep to the group agreement: talk about your own"
                + " experience and treat other members with respect.")), say(ABUSE, 0).escalations());
    }

    @Test
    void heldAndMaskedMessagesGiveNoStrike() {
        use(LadderSettings.defaults());
        assertEquals(Verdict.Action.HOLD, say("what a loser", 0).verdict().action());
        assertEquals(Verdict.Action.MASK, say("call me on 07700 900123", 10).verdict().action());
        assertEquals(0, member.strikes());
    }

    @Test
    void liftingTheMuteAndTheHoldRestoresPosting() {
        use(new LadderSettings(0, 1, Duration.ofMinutes(10), 1));
        say(ABUSE, 0);
        member = member.liftMute();
        assertEquals(Verdict.Action.HOLD, say("hello", 5).verdict().action());
        member = member.liftHoldAll();
        assertEquals(Verdict.Action.ALLOW, say("hello again", 6).verdict().action());
    }

    @Test
    void aMemberInCrisisIsNeverSilencedEvenWhenMutedOrHeld() {
        use(new LadderSettings(0, 1, Duration.ofMinutes(10), 1));
        say(ABUSE, 0);
        ConductDecision crisis = say("I can't do this anymore, I'm going to kill myself tonight", 5);
        assertEquals(Verdict.Action.PRIVATE, crisis.verdict().action(), "muted: to the therapists, not refused");
        assertEquals(CrisisSignal.Category.SUICIDE, crisis.verdict().crisis().orElseThrow().category());
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> LadderSettings.defaults().withWarnAt(-1));
        assertThrows(IllegalArgumentException.class, () -> LadderSettings.defaults().withMuteFor(Duration.ZERO));
        LadderSettings d = LadderSettings.defaults();
        assertEquals(1, d.warnAt());
        assertEquals(2, d.muteAt());
        assertEquals(Duration.ofMinutes(10), d.muteFor());
        assertEquals(3, d.holdAllAt());
    }
}
