package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDetailsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "mail me at sam.jones@gmail.com", "sam at gmail dot com", "sam at gmail  dot  co",
        "sam(at)gmail(dot)com", "sam [at] gmail [ . ] org", "sam@gmail .com", "sam@gmail. com", "ends with dot com",
        "dotcom", " dot", "gmail{dot}uk!", "www <.> io", "I went home. com was down", "a.b", "ice. cold. coffee.",
        "the dog.\tcom", "x\u001fdot com"})
    void emailEndingIsFoundWhereverTheFullSearchFindsIt(String t) {
        assertEquals(PersonalDetails.EMAIL_ENDING.matcher(t).find(), PersonalDetails.hasEmailEnding(t), t);
    }

    @Test
    void emailEndingAgreesWithTheFullSearchOnEveryCorpusLine() throws Exception {
        int checked = 0;
        for (String line : CorpusTexts.of(CorpusTexts.DEV_FRESH_AND_TRAINING)) {
            String t = TextNormalizer.fold(line).text();
            assertEquals(PersonalDetails.EMAIL_ENDING.matcher(t).find(), PersonalDetails.hasEmailEnding(t), t);
            checked++;
        }
        assertFalse(checked < 3_000, "corpus lines checked: " + checked);
    }

    private static String masked(String text) {
        return PersonalDetails.mask(text).text();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+1 415 555 0132|[phone removed]",
        "my home number is (020) 7946 0958|my home number is [phone removed]",
        "call me at 555.123.4567|call me at [phone removed]",
        "ring me: 07700900456|ring me: [phone removed]",
        "WhatsApp me on +61 491 570 156|WhatsApp me on [phone removed]",
        "my cell is (212) 555-0187, call whenever|my cell is [phone removed], call whenever",
        "text 555-0123 after 6pm|text [phone removed] after 6pm",
        "reach me on 0 7 7 0 0 9 0 0 3 3 3|reach me on [phone removed]",
        "sms me at +15555550100|sms me at [phone removed]",
        "call me on five five five, oh one two three|call me on [phone removed]",
        "Grace, my number's 07700 900 219, text me|Grace, my number's [phone removed], text me",
        "call ０７７００ ９００ ２１９|call [phone removed]"
    })
    void phoneNumbers(String text, String expected) {
        assertEquals(expected, masked(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "email me: sunny.days@example.com|email me: [email removed]",
        "mark_t1987@example.org - message me there|[email removed] - message me there",
        "my work email is k.oduya@example.co.uk but|my work email is [email removed] but",
        "write to me: riverstone42 @ example . net|write to me: [email removed]",
        "email me at quietmorning(at)example(dot)org|email me at [email removed]",
        "jo at example dot com|[email removed]"
    })
    void emailAddresses(String text, String expected) {
        assertEquals(expected, masked(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "come round anytime, it's 17 Willow Close, Headingley|come round anytime, it's [address removed]",
        "my address is 1208 Maple Ave, Springfield|my address is [address removed]",
        "post it to 14b Kingsway Road, second floor flat?|post it to [address removed], second floor flat?",
        "I'm at 301 West Pine St Apt 12B if anyone|I'm at [address removed] if anyone",
        "my postcode is LS6 3AB|my postcode is [address removed]",
        "I'm in the phone book under Whitlock, Harbour Row|I'm in the phone book under Whitlock, [address removed]"
    })
    void streetAddresses(String text, String expected) {
        assertEquals(expected, masked(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "check out my blog https://healingjourney.example.com/posts/week-3|check out my blog [link removed]",
        "please sign my petition bit.ly/3xYzAb9|please sign my petition [link removed]",
        "http://example.net/mypage|[link removed]",
        "join my discord: discord.gg/abc123XY|join my discord: [link removed]",
        "look at www . example . org / support-circle|look at [link removed]",
        "see www.example.org.|see [link removed]."
    })
    void links(String text, String expected) {
        assertEquals(expected, masked(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "my snap is quiet.river22|my snap is [handle removed]",
        "follow me on tiktok @sober_steph_example|follow me on tiktok [handle removed]",
        "I'm @greyskies91 on twitter|I'm [handle removed] on twitter",
        "my IG is t.o.m.w.r.i.t.e.s|my IG is [handle removed]",
        "discord: nightowl#4821|discord: [handle removed]",
        "my telegram is @hopefulhen|my telegram is [handle removed]",
        "reddit u/throwaway_healing_22 - DM me|reddit [handle removed] - DM me",
        "my insta is janedoe|my insta is [handle removed]"
    })
    void socialHandles(String text, String expected) {
        assertEquals(expected, masked(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "find me on LinkedIn, Priya Nandakumar-Reyes, there's only one|find me on LinkedIn, [name removed], there's only one",
        "I'm Marcus Bell on fb|I'm [name removed] on fb",
        "my full name is Chloe Anne Barrett, born 14/03/1991|my full name is [name removed], born 14/03/1991"
    })
    void namesGivenToBeLookedUp(String text, String expected) {
        assertEquals(expected, masked(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Day 45 sober.", "It was 2019 when everything fell apart.", "I weigh 70 kg now.",
        "My score on the PHQ-9 was 14, down from 22.", "Walked 12,500 steps today!", "Rent went up £150 a month.",
        "my daughter turned 7 on the 3rd", "Got 87% on my nursing exam.", "Slept from 23:00 to 06:45.",
        "My chip says 180 days.", "Half marathon done in 2:14:05!", "Blood pressure 128/82.",
        "Sober since 11 November 2021.", "My doctor raised my sertraline to 100mg.", "24/7 support line.",
        "Born 14/03/1991.", "From 2015-2019 I lived abroad.", "Meeting 12.03.2024 at 10.30.",
        "@Sarah I loved what you said.", "I walked 5 miles down the road.", "Took 20mg of citalopram.",
        "We meet at 7:30pm on Thursdays, room 12.", "It took 3 years, 2 months and 14 days.",
        "Deleted Facebook off my phone for a week.", "I emailed my therapist about it.",
        "e.g. the second one", "Welcome, Sam. Take your time.", "I'm on twitter too much."
    })
    void ordinaryNumbersAndWordsAreLeftAlone(String text) {
        PersonalDetails.Result result = PersonalDetails.mask(text);
        assertFalse(result.masked(), () -> "masked: " + result.text());
        assertEquals(text, result.text());
    }

    @Test
    void aMentionOfAMemberIsKeptEvenWithSocialWords() {
        assertEquals("@sam follow up on that?", PersonalDetails.mask("@sam follow up on that?", Set.of("Sam")).text());
        assertEquals("[handle removed] follow up on that?", PersonalDetails.mask("@sam follow up on that?").text());
    }

    /** A room's prepared names answer as the names they hold; a plain set is read as it is now. */
    @Test
    void aRoomWhoseMembersChangedIsJudgedByItsNewMembers() {
        String text = "@sam follow up on that?";
        java.util.Set<String> names = new java.util.HashSet<>(Set.of("Sam", "Alex"));
        assertEquals(text, PersonalDetails.mask(text, names).text());
        names.remove("Sam");
        assertEquals("[handle removed] follow up on that?", PersonalDetails.mask(text, names).text(),
                "Sam left: the same set object, changed");
        assertEquals(text, PersonalDetails.mask(text, MemberNames.of(Set.of("Sam", "Alex"))).text());
        assertEquals("[handle removed] follow up on that?",
                PersonalDetails.mask(text, MemberNames.of(Set.of("Alex"))).text());
        assertEquals(Set.of("sam", "alex"), MemberNames.lowered(MemberNames.of(Set.of("@Sam", "ALEX"))));
    }

    @Test
    void spansPointIntoTheOriginalText() {
        String text = "email lou@example.com / 555-0110";
        PersonalDetails.Result result = PersonalDetails.mask(text);
        assertEquals("email [email removed] / [phone removed]", result.text());
        assertEquals(List.of(new PersonalDetails.Span(PersonalDetails.Kind.EMAIL, 6, 21),
                new PersonalDetails.Span(PersonalDetails.Kind.PHONE, 24, 32)), result.spans());
    }
}
