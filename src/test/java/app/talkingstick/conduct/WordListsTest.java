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

    /**
     * Skipping terms whose second word cannot be the next word changes no hit: the same hits, in the same order, as
     * trying every candidate term, on every dev, fresh and training corpus line and on stretched, plural, disguised,
     * wildcard and text-final cases.
     */
    @Test
    void theSecondWordScreenFindsTheSameHitsAsTryingEveryTerm() throws java.io.IOException {
        List<String> texts = new java.util.ArrayList<>(CorpusTexts.of(CorpusTexts.DEV_FRESH_AND_TRAINING));
        texts.addAll(List.of("i wiiill kill you", "i will kill youuu", "i h*pe you die", "i hope u die", "you are a l0ser",
                "you are losers", "you're all idiots", "i will", "i", "shut up", "sh*t up you idiot", "I will find you.",
                "I will. Find you", "i will k i l l you", "go to hell", "go 2 hell", "kill yourselves", "kys"));
        int hits = 0;
        for (String text : texts) {
            List<Word> words = TextNormalizer.normalize(text, LISTS).words();
            List<WordLists.Hit> screened = LISTS.find(words, true);
            assertEquals(LISTS.find(words, false), screened, text);
            hits += screened.size();
        }
        assertTrue(hits > 100, "expected the corpora to hold terms, found " + hits);
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
