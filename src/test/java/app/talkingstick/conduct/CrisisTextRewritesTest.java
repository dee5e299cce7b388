package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cheap tests that let two rewrites without literals skip most texts must never skip one they would change. */
class CrisisTextRewritesTest {

    private static final Pattern LETTER_RUN = Pattern.compile(CrisisText.LETTER_RUN);
    private static final Pattern BLANK_RUN = Pattern.compile(CrisisText.BLANK_RUN);

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "aa", "aaa", "sooo tired", "zzz", "111", "...", "aab", "abbb", "a  b", "a b",
        "a\tb", "a\u00a0b", " \t ", "end  ", "  ", "\u00a0"})
    void theTestsHoldExactlyWhereThePatternsMatch(String t) {
        assertEquals(LETTER_RUN.matcher(t).find(), CrisisText.hasTripledLetter(t), t);
        assertEquals(BLANK_RUN.matcher(t).find(), CrisisText.hasBlankRun(t), t);
    }

    @Test
    void theTestsAgreeWithThePatternsOnEveryCorpusLine() throws Exception {
        int checked = 0;
        for (String line : CorpusTexts.of(CorpusTexts.DEV_FRESH_AND_TRAINING)) {
            String t = CrisisText.deobfuscate(TextNormalizer.fold(line).text());
            assertEquals(LETTER_RUN.matcher(t).find(), CrisisText.hasTripledLetter(t), t);
            assertEquals(BLANK_RUN.matcher(t).find(), CrisisText.hasBlankRun(t), t);
            checked++;
        }
        assertTrue(checked >= 3_000, "corpus lines checked: " + checked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"u", "see u", "u there", "you", "thru", "u_u", "u2", "(u)", "été u", "éu", "uu u", "rn", "turn",
        "i'm", "im", "him", "ive", "i've", "give", "tho", "though"})
    void oneWordRewritesRunWhereverTheirWordIs(String t) {
        for (String w : List.of("u", "ur", "rn", "im", "ive", "tho")) {
            boolean found = Pattern.compile("\\b" + w + "\\b").matcher(t).find();
            assertTrue(!found || Rewrites.containsWord(t, w), w + " in " + t);
        }
    }

    @Test
    void oneWordRewritesRunWhereverTheirWordIsOnEveryCorpusLine() throws Exception {
        for (String line : CorpusTexts.of(CorpusTexts.DEV_FRESH_AND_TRAINING)) {
            String t = CrisisText.deobfuscate(TextNormalizer.fold(line).text());
            for (String w : List.of("u", "ur", "rn", "im", "ive", "tho", "gonna", "dont")) {
                assertEquals(Pattern.compile("\\b" + w + "\\b").matcher(t).find(), Rewrites.containsWord(t, w),
                    w + " in " + t);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "i want to d1e", "k!ll myself", "su1c1de", "$elf harm", "h@ng", "dea|)", "k*ll", "a+b",
        "costs 5€", "just an ordinary sentence", "tired, so tired."})
    void withoutADigitOrSymbolNoWordIsReadAsLeet(String t) {
        if (!CrisisText.hasLeetCharacter(t)) {
            assertEquals(t, CrisisText.readLeet(t));
        }
    }

    @Test
    void leetIsStillRead() {
        assertEquals("i want to die", CrisisText.deobfuscate("i want to d1e"));
    }

    @Test
    void withoutADigitOrSymbolNoWordIsReadAsLeetOnEveryCorpusLine() throws Exception {
        int skipped = 0;
        for (String line : CorpusTexts.of(CorpusTexts.DEV_FRESH_AND_TRAINING)) {
            String t = TextNormalizer.fold(line).text();
            if (!CrisisText.hasLeetCharacter(t)) {
                assertEquals(t, CrisisText.readLeet(t));
                skipped++;
            }
        }
        assertTrue(skipped >= 1_000, "lines without a digit or symbol: " + skipped);
    }

    @Test
    void aRewriteRunsOnlyWhereItsTestHolds() {
        Rewrites never = new Rewrites().add("x", "y", text -> false);
        Rewrites always = new Rewrites().add("x", "y", text -> true);
        assertEquals("x", never.apply("x"));
        assertEquals("y", always.apply("x"));
    }

    @Test
    void lettersAndBlanksAreStillRewritten() {
        assertEquals("i am so tired", CrisisText.of("I'm   sooooo\ttired").text);
    }
}
