package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The literal prefilter must never skip a rule that matches: over every labelled text the project has (the corpus
 * splits and the classifier's training set, about two thousand varied messages), each rule that matches the prepared
 * text is among the prefilter's candidates. Only the comparison is made; no line is printed.
 */
class CrisisPrefilterTest {

    private static final List<String> CORPORA = List.of("conduct/dev.tsv", "conduct/heldout.tsv", "conduct/fresh.tsv",
            "conduct/crisis-training.tsv");

    @Test
    void skipsNoRuleThatMatches() throws IOException {
        List<String> texts = texts();
        assertTrue(texts.size() > 900, "expected the corpora, found " + texts.size() + " lines");
        List<Pattern> rules = CrisisRules.RULES.stream().map(CrisisRules.Rule::pattern).toList();
        int skipped = spared(texts, CrisisPrefilterTest::prepared, rules,
                t -> CrisisDetector.RULE_LITERALS.scan(t)::mayMatch,
                i -> "rule " + CrisisRules.RULES.get(i).id() + " matched a text the prefilter excluded");
        int checked = texts.size() * rules.size();
        assertTrue(skipped > checked / 2, "the prefilter should spare most rule runs, spared " + skipped + " of "
                + checked);
    }

    /** A rule of several alternatives is skipped only when none of its alternatives finds anything in the text. */
    @Test
    void theAlternativesCheckSkipsNoRuleThatMatches() throws IOException {
        List<Pattern> rules = CrisisRules.RULES.stream().map(CrisisRules.Rule::pattern).toList();
        int spared = spared(texts(), CrisisPrefilterTest::prepared, rules,
                t -> CrisisDetector.RULE_BRANCHES.on(t)::mayMatch,
                i -> "rule " + CrisisRules.RULES.get(i).id() + " matched a text its alternatives check excluded");
        assertTrue(spared > 1_000, "the alternatives check should spare rule runs, spared " + spared);
    }

    /**
     * The discount checks are skipped when none of their literals occurs in the prepared text; each is run here on
     * the whole text, the largest part of it any check reads, so a literal the index misses would show.
     */
    @Test
    void skipsNoDiscountCheckThatMatches() throws IOException {
        List<String> texts = texts();
        List<Pattern> checks = CrisisDetector.CHECK_PATTERNS;
        int spared = spared(texts, CrisisPrefilterTest::prepared, checks,
                t -> CrisisDetector.CHECK_LITERALS.scan(t)::mayMatch,
                i -> "check " + checks.get(i).pattern() + " matched a text the prefilter excluded");
        int checked = texts.size() * checks.size();
        assertTrue(spared > checked / 2, "the prefilter should spare most check runs, spared " + spared + " of "
                + checked);
    }

    @Test
    void skipsNoIdiomThatMatches() throws IOException {
        for (String raw : texts()) {
            String text = CrisisText.of(raw).text;
            boolean matches = CrisisDetector.IDIOMS.matcher(text).find();
            assertTrue(!matches || CrisisDetector.IDIOM_LITERALS.scan(text).mayMatch(0),
                    "an idiom matched a text the prefilter excluded");
        }
    }

    @Test
    void skipsNoPersonalDetailPatternThatMatches() throws IOException {
        List<String> texts = texts();
        texts.addAll(List.of("call me on 07700 900123", "mail me: sam (at) example (dot) com", "i live at 12 Baker St",
                "my insta is @sam_rivers", "u/quiet_owl", "www . example . org / page", "SW1A 1AA", "t.me/someone"));
        int spared = spared(texts, raw -> TextNormalizer.fold(raw).text(), PersonalDetails.GATED,
                t -> PersonalDetails.LITERALS.scan(t)::mayMatch, i -> "a personal-detail pattern matched a text the"
                        + " prefilter excluded: " + PersonalDetails.GATED.get(i).pattern());
        assertTrue(spared > texts.size() * 5, "the prefilter should spare most pattern runs, spared " + spared);
    }

    private static String prepared(String raw) {
        return CrisisDetector.blankIdioms(CrisisText.of(raw).text);
    }

    /**
     * Runs every pattern on every prepared text and asserts that none which matches was excluded by the filter under
     * test ({@code filter} gives, per prepared text, whether pattern i may match); returns how many runs it spared.
     */
    private static int spared(List<String> texts, UnaryOperator<String> prepare, List<Pattern> patterns,
                              Function<String, IntPredicate> filter, IntFunction<String> excluded) {
        int spared = 0;
        for (String raw : texts) {
            String text = prepare.apply(raw);
            IntPredicate mayMatch = filter.apply(text);
            for (int i = 0; i < patterns.size(); i++) {
                boolean matches = patterns.get(i).matcher(text).find();
                assertTrue(!matches || mayMatch.test(i), excluded.apply(i));
                spared += mayMatch.test(i) ? 0 : 1;
            }
        }
        return spared;
    }

    private static List<String> texts() throws IOException {
        return CorpusTexts.of(CORPORA);
    }
}
