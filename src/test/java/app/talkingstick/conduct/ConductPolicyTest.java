package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConductPolicyTest {

    private static final Instant T0 = Instant.parse("2025-03-01T18:00:00Z");
    private static final ConductPolicy POLICY = ConductPolicy.defaults();

    private static Verdict group(String text) {
        return POLICY.evaluate(ChannelKind.GROUP, text, POLICY.newMember(T0), T0).verdict();
    }

    private static Verdict inPrivate(String text) {
        return POLICY.evaluate(ChannelKind.PRIVATE, text, POLICY.newMember(T0), T0).verdict();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "You are pathetic.|harassment:you are pathetic|HARASSMENT",
        "you a$$hole|insults:asshole|INSULT",
        "ѕhut uр уоu іdіоt|insults:idiot|INSULT",
        "you're a l.o.s.e.r|insults:loser|INSULT",
        "What a m0r0n, did you even read what I wrote?|insults:moron|INSULT",
        "Don't be such a jerk, Leo.|insults:jerk|INSULT",
        "Stop whining, snowflake.|insults:snowflake|INSULT",
        "you people are all pathetic losers|targeted_insults:pathetic|INSULT",
        "just kys already|threats:kys|THREAT",
        "I'll find you after group|threats:i will find you|THREAT",
        "i hope you choke on your pills, you freak|threats:i hope you choke|THREAT",
        "nobody likes you.|harassment:nobody likes you|HARASSMENT",
        "fuuuuck youuuu|harassment:fuck you|HARASSMENT",
        "You make me sick.|harassment:you make me sick|HARASSMENT",
        "ur so r e t @ r d e d|slurs:retarded|SLUR"
    })
    void abuseAimedAtMembersIsBlockedWithAKindSpecificReason(String text, String reasonId, Flag.Kind kind) {
        Verdict v = group(text);
        assertEquals(Verdict.Action.BLOCK, v.action());
        assertEquals(Optional.of(Verdict.CONTENT_BLOCKED), v.code());
        assertEquals(reasonId, v.reasonId());
        assertEquals(ConductPolicy.blockMessage(kind), v.message());
        assertTrue(v.flags().contains(new Flag(kind, reasonId)), () -> v.flags().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lmao what a loooooser|insults:loser|INSULT",
        "Oh look, the attention seeker is back.|insults:attention seeker|INSULT",
        "shut up|hostile:shut up|HOSTILE",
        "Get over it.|hostile:get over it|HOSTILE",
        "sh1t|profanity:shit|OBFUSCATION"
    })
    void borderlineMessagesAreHeldForStaff(String text, String reasonId, Flag.Kind kind) {
        Verdict v = group(text);
        assertEquals(Verdict.Action.HOLD, v.action());
        assertEquals(Optional.of(Verdict.HELD_FOR_REVIEW), v.code());
        assertEquals(reasonId, v.reasonId());
        assertEquals(ConductPolicy.holdMessage(kind), v.message());
        assertEquals(text, v.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I'm so stupid for forgetting the appointment.", "I'm such a loser at this mindfulness stuff.",
        "I feel useless since I lost my job.", "This week has been shit.", "Fuck anxiety. Seriously.",
        "f*** this weather, I just want some sun", "Cancer is a bastard.", "My ex is a narcissistic asshole.",
        "You're not stupid, you're exhausted.", "You are not a burden.", "Are you okay? You seem sad today.",
        "My inner critic told me I'm worthless today.", "My mum used to say 'I'll kill you' whenever we broke"
        + " something.", "That pisses me off too, Jess. You deserved so much better.", "I can't get over it.",
        "I killed it at my interview!", "Scunthorpe", "Uncle Dick visits on Sundays.", "Thank you all ❤️",
        "He'd yell 'you are worthless' at me every night.", "Damn, I missed the start of group, sorry all."
    })
    void ordinaryGroupTalkIsAllowedUntouched(String text) {
        Verdict v = group(text);
        assertEquals(Verdict.Action.ALLOW, v.action(), () -> v.reasonId() + " " + v.flags());
        assertEquals(text, v.text());
        assertEquals(Optional.empty(), v.code());
        assertEquals("", v.message());
        assertTrue(v.clean());
    }

    @Test
    void personalDetailsAreMaskedInGroups() {
        Verdict v = group("my number is 07700 900123, text me");
        assertEquals(Verdict.Action.MASK, v.action());
        assertEquals("my number is [phone removed], text me", v.text());
        assertEquals("mask:phone", v.reasonId());
        assertEquals(List.of(new PersonalDetails.Span(PersonalDetails.Kind.PHONE, 13, 25)), v.masked());
        assertEquals(List.of(new Flag(Flag.Kind.PERSONAL_DETAILS, "mask:phone")), v.flags());
        assertTrue(v.published());
    }

    @Test
    void mentionsOfMembersAreNotHandles() {
        Verdict v = POLICY.evaluate(ChannelKind.GROUP, "@River follow up on that please", POLICY.newMember(T0), T0,
                Set.of("River")).verdict();
        assertEquals(Verdict.Action.ALLOW, v.action());
    }

    @Test
    void privateChannelsAreNotMaskedOrModerated() {
        assertEquals(Verdict.Action.ALLOW, inPrivate("my number is 07700 900123").action());
        assertEquals("my number is 07700 900123", inPrivate("my number is 07700 900123").text());
        assertEquals(Verdict.Action.ALLOW, inPrivate("you are pathetic").action());
        assertEquals(Verdict.Action.ALLOW, inPrivate("shut up").action());
    }

    @Test
    void privateChannelsGetNoStrikes() {
        MemberConduct m = POLICY.newMember(T0);
        ConductDecision d = POLICY.evaluate(ChannelKind.PRIVATE, "you are pathetic", m, T0);
        assertEquals(0, d.state().strikes());
        assertEquals(List.of(), d.escalations());
    }

    @Test
    void privateChannelsStillHaveFloodLimitsAndCrisisDetection() {
        ConductPolicy tight = POLICY.withSettings(ConductSettings.defaults()
                .withFlood(FloodSettings.defaults().withCapacity(1)));
        MemberConduct m = tight.newMember(T0);
        m = tight.evaluate(ChannelKind.PRIVATE, "hello", m, T0).state();
        assertEquals(Optional.of(Verdict.RATE_LIMITED),
                tight.evaluate(ChannelKind.PRIVATE, "hello again", m, T0).verdict().code());
        Verdict crisis = inPrivate("I've been saving up my pills.");
        assertEquals(Verdict.Action.ALLOW, crisis.action());
        assertEquals(CrisisSignal.Category.OVERDOSE, crisis.crisis().orElseThrow().category());
        assertEquals(List.of(new Flag(Flag.Kind.CRISIS, "overdose.stockpile")), crisis.flags());
    }

    @Test
    void aCrisisMessageIsNeverBlockedOrStruckEvenWhenAbusiveItGoesToTheTherapistsInstead() {
        String text = "you're all pathetic and I'm going to kill myself tonight";
        MemberConduct before = POLICY.newMember(T0);
        ConductDecision d = POLICY.evaluate(ChannelKind.GROUP, text, before, T0);
        Verdict v = d.verdict();
        assertEquals(Verdict.Action.PRIVATE, v.action(), "not shared with the group, not refused either");
        assertEquals(text, v.text(), "the therapists read it as written");
        assertEquals(Optional.empty(), v.code());
        assertEquals("crisis:suicide.explicit", v.reasonId());
        assertEquals(CrisisSignal.Severity.IMMINENT, v.crisis().orElseThrow().severity());
        assertTrue(v.flags().contains(new Flag(Flag.Kind.INSULT, "targeted_insults:pathetic")));
        assertEquals(0, d.state().strikes(), "no strike");
        assertEquals(List.of(), d.escalations(), "no ladder step");
    }

    @Test
    void aCrisisMessageOverTheFloodLimitOrFromAMutedMemberGoesToTheTherapists() {
        ConductPolicy tight = POLICY.withSettings(ConductSettings.defaults()
                .withFlood(FloodSettings.defaults().withCapacity(1)));
        MemberConduct m = tight.evaluate(ChannelKind.GROUP, "hello", tight.newMember(T0), T0).state();
        assertEquals(Verdict.Action.PRIVATE,
                tight.evaluate(ChannelKind.GROUP, "I want to kill myself", m, T0).verdict().action());
        MemberConduct muted = POLICY.newMember(T0).mutedTill(T0.plusSeconds(600));
        assertEquals(Verdict.Action.PRIVATE,
                POLICY.evaluate(ChannelKind.GROUP, "I want to kill myself", muted, T0).verdict().action());
    }

    @Test
    void aCrisisMessageTheRoomWouldShareIsSharedWithTheSignal() {
        Verdict v = group("I want to kill myself");
        assertEquals(Verdict.Action.ALLOW, v.action());
        assertTrue(v.crisis().isPresent());
    }

    @Test
    void aCrisisMessageWithPersonalDetailsIsMaskedNotBlocked() {
        Verdict v = group("I want to die. My address is 17 Willow Close, Leeds.");
        assertEquals(Verdict.Action.MASK, v.action());
        assertEquals("I want to die. My address is [address removed].", v.text());
        assertTrue(v.crisis().isPresent());
    }

    @Test
    void defaultsAreTheBundledListsAndDefaultSettings() {
        assertEquals(ConductSettings.defaults(), POLICY.settings());
        assertEquals(WordLists.bundled(), POLICY.lists());
    }

    @Test
    void groupExtraTermsApplyOnlyToThatGroup() {
        ConductPolicy strict = POLICY.withLists(WordLists.bundled().withExtra(WordLists.Kind.INSULTS,
                List.of("wally")));
        assertEquals(Verdict.Action.BLOCK, strict.evaluate(ChannelKind.GROUP, "you wally", strict.newMember(T0), T0)
                .verdict().action());
        assertEquals(Verdict.Action.ALLOW, group("you wally").action());
    }
}
