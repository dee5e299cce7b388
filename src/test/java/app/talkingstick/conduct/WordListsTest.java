package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WordListsTest {

    private static final WordLists LISTS = WordLists.bundled();

    private static List<String> ids(String text) {
        return ids(LISTS, text);
    }

    private static List<String> ids(WordLists lists, String text) {
        return lists.find(TextNormalizer.normalize(text, lists).words()).stream()
                .map(h -> h.term().id()).collect(Collectors.toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "My cousin lives in Scunthorpe.", "He is very skilled.", "Got my care assessment on Tuesday.",
        "I killed it at my interview!", "We went walking near Penistone.", "Cocktail sausages at the party.",
        "We're reading Dickens.", "Made a stir-fry with shitake mushrooms.", "Made grape juice.",
        "Moving to Sussex.", "The assassination of Lincoln.", "I got 'classic' on a triple word score.",
        "My therapist is great.", "Our therapist's cocker spaniel.", "The analysis was normal.",
        "I massaged my shoulders.", "Arsenal mad.", "I passed my test.", "Hello everyone.",
        "The bass was loud.", "Assistant manager!", "Pass the glass please.", "Uncle Dick visits on Sundays."
    })
    void wordBoundariesKeepInnocentWordsClean(String text) {
        List<String> found = ids(text).stream()
                .filter(id -> !id.equals("targeted_insults:dick"))
                .collect(Collectors.toList());
        assertEquals(List.of(), found);
    }

    @Test
    void uncleDickIsOnlyATargetedWordAndNeverAnInsultOnItsOwn() {
        assertEquals(List.of("targeted_insults:dick"), ids("Uncle Dick visits on Sundays."));
    }

    @Test
    void stretchedLettersMatch() {
        assertEquals(List.of("targeted_insults:stupid"), ids("sooo stuuupid"));
    }

    @Test
    void aDoubledLetterMayBeWrittenSingleInLongWordsOnly() {
        assertEquals(List.of("insults:asshole"), ids("ashole"));
        assertEquals(List.of(), ids("as"));
    }

    @Test
    void pluralsMatch() {
        assertEquals(List.of("insults:idiot"), ids("idiots"));
        assertEquals(List.of("insults:loser"), ids("losers"));
    }

    @Test
    void leetspeakMatches() {
        assertEquals(List.of("insults:idiot"), ids("1d10t"));
    }

    @Test
    void wildcardMatchesSameLengthTerms() {
        assertEquals(List.of("profanity:fuck"), ids("f**k"));
    }

    @Test
    void phrasesMatchAcrossWordsButNotAcrossSentences() {
        assertTrue(ids("shut up").contains("hostile:shut up"));
        assertFalse(ids("shut. up").contains("hostile:shut up"));
    }

    @Test
    void clauseStartTermsMatchOnlyAtTheStartOfAClause() {
        assertTrue(ids("Get over it.").contains("hostile:get over it"));
        assertFalse(ids("I can't get over it.").contains("hostile:get over it"));
    }

    @Test
    void alternativesAndOptionalPhrasesExpand() {
        WordLists lists = WordLists.empty().withExtra(WordLists.Kind.HARASSMENT,
                List.of("(nobody|no one) (here )?(likes|wants) you"));
        assertEquals(8, lists.terms(WordLists.Kind.HARASSMENT).size());
        assertEquals(List.of("harassment:no one here wants you"), ids(lists, "No one here wants you"));
    }

    @Test
    void termsAreNormalisedLikeMessages() {
        WordLists lists = WordLists.empty().withExtra(WordLists.Kind.HOSTILE, List.of("you're a bore"));
        assertEquals(List.of("hostile:you are a bore"), ids(lists, "ur a bore"));
    }

    @Test
    void extraTermsExtendTheBundledListsPerGroup() {
        WordLists group = LISTS.withExtra(Map.of(WordLists.Kind.INSULTS, List.of("gobshite")));
        assertEquals(List.of("insults:gobshite"), ids(group, "gobshite"));
        assertEquals(List.of(), ids("gobshite"));
        assertTrue(group.terms(WordLists.Kind.SLURS).containsAll(LISTS.terms(WordLists.Kind.SLURS)));
    }

    @Test
    void commentsAndBlankLinesAreIgnored() {
        WordLists lists = WordLists.empty().withExtra(WordLists.Kind.PROFANITY, List.of("# a comment", "", "feck # x"));
        assertEquals(1, lists.terms(WordLists.Kind.PROFANITY).size());
    }

    @Test
    void bundledListsAreLoaded() {
        for (WordLists.Kind kind : WordLists.Kind.values()) {
            assertFalse(LISTS.terms(kind).isEmpty(), kind + " is empty");
        }
    }
}
