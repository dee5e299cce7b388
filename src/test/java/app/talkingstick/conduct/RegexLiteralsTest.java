package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RegexLiteralsTest {

    @Test
    void anExpressionIsCutAtItsTopLevelAlternativesOnly() {
        assertEquals(List.of("\\bpills\\b", "over(?:dose|do)", "[|]x", "a\\|b", "(?<=c)d"),
                RegexLiterals.topLevelBranches("\\bpills\\b|over(?:dose|do)|[|]x|a\\|b|(?<=c)d"));
        assertEquals(List.of("\\b(?:a|b)\\b"), RegexLiterals.topLevelBranches("\\b(?:a|b)\\b"));
        assertEquals(List.of("(?i)a|b"), RegexLiterals.topLevelBranches("(?i)a|b"), "inline flags: kept whole");
        assertEquals(List.of("(a)\\1|b"), RegexLiterals.topLevelBranches("(a)\\1|b"), "back references: kept whole");
        assertEquals(List.of("a", ""), RegexLiterals.topLevelBranches("a|"));
    }

    @Test
    void aLiteralRunIsRequiredWhole() {
        assertEquals(Set.of("end it all"), RegexLiterals.required("\\bend it all\\b"));
    }

    @Test
    void smallAlternativesAreMultipliedOut() {
        assertEquals(Set.of("i want to die", "i just want to die", "i want to vanish", "i just want to vanish"),
                RegexLiterals.required("\\bi (?:just )?want to (?:die|vanish)\\b"));
    }

    @Test
    void alternationNeedsALiteralInEveryBranch() {
        assertEquals(Set.of("pills", "overdose"), RegexLiterals.required("pills|\\boverdose\\b"));
        assertNull(RegexLiterals.required("pills|\\w+"));
    }

    @Test
    void theMostSelectivePartOfASequenceIsKept() {
        assertEquals(Set.of("tonight"), RegexLiterals.required("\\w+ (?:\\w+ ){0,3}tonight\\b"));
        assertEquals(Set.of(" bridge"), RegexLiterals.required("[a-z]+ bridge\\d*"));
    }

    @Test
    void aRepeatedPartJoinsWhatComesBeforeAndAfterIt() {
        // "st" alone is in most English texts ("first", "just"); "1st" is not.
        Set<String> ordinals = RegexLiterals.required("\\b\\d+(?:st|nd)\\b");
        assertEquals(20, ordinals.size());
        assertTrue(ordinals.containsAll(Set.of("1st", "2nd", "0st")), ordinals.toString());
        // "xaay" matches too, so "xay" is not required; "xa" and "ay" are.
        assertTrue(Set.of(Set.of("xa"), Set.of("ay")).contains(RegexLiterals.required("xa+y")));
    }

    @Test
    void optionalAndRepeatedPartsAreNotRequired() {
        assertEquals(Set.of("ab"), RegexLiterals.required("ab(?:cd)*"));
        assertEquals(Set.of("pill"), RegexLiterals.required("(?:pill)+"));
        assertEquals(Set.of("cut", "cutt"), RegexLiterals.required("cut(?:t)?(?=ing)"));
    }

    @Test
    void aClassOfAFewPlainCharactersIsASmallSet() {
        assertEquals(Set.of("im", "i'm", "i’m"), RegexLiterals.required("\\bi['’]?m\\b"));
        assertNull(RegexLiterals.required("[a-z]"));
        assertNull(RegexLiterals.required("[^']"));
        assertEquals(Set.of("a-", "b-"), RegexLiterals.required("[ab]-"));
    }

    @Test
    void rewritesGiveWhatApplyingEveryOneInOrderGives() {
        Rewrites rewrites = new Rewrites().add("\\bim\\b", "i am").add("\\bi am done\\b", "DONE")
                .add("([a-z])\\1{2,}", "$1");
        assertEquals("DONE now", rewrites.apply("im done now"));
        assertEquals("so tired", rewrites.apply("sooooo tired"));
        assertEquals("a quiet day", rewrites.apply("a quiet day"));
    }

    @Test
    void lookaroundsAndAnchorsConsumeNothing() {
        assertEquals(Set.of("gone"), RegexLiterals.required("^(?<!not )gone(?! shopping)$"));
    }

    @Test
    void whatItDoesNotUnderstandRunsAlways() {
        assertNull(RegexLiterals.required("(?i)suicide"));
        assertNull(RegexLiterals.required("(\\w)\\1"));
        assertNull(RegexLiterals.required("\\Qa.b\\E"));
        assertNull(RegexLiterals.required("\\w+"));
        assertNull(RegexLiterals.required("(?:x)?"));
    }

    @Test
    void theIndexNeverExcludesAPatternThatMatches() {
        List<Pattern> patterns = List.of(Pattern.compile("\\bi (?:just )?want to (?:die|vanish)\\b"),
                Pattern.compile("\\w+ing"), Pattern.compile("pills|overdose"), Pattern.compile("(?i)SUICIDE"));
        LiteralIndex index = LiteralIndex.of(patterns);
        assertEquals(1, index.unfiltered());
        for (String text : List.of("i just want to vanish", "no pills left", "a quiet evening", "an overdose",
                "suicide", "i want to vanish", "pill", "i want to")) {
            LiteralIndex.Candidates candidates = index.scan(text);
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matcher(text).find()) {
                    assertTrue(candidates.mayMatch(i), patterns.get(i) + " on " + text);
                }
            }
        }
        assertTrue(!index.scan("a quiet evening").mayMatch(0) && !index.scan("a quiet evening").mayMatch(2));
        assertTrue(index.scan("xx overdose").mayMatch(2) && !index.scan("xx overdose").mayMatch(0));
    }
}
