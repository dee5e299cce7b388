package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
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
        int checked = 0;
        int skipped = 0;
        for (String raw : texts) {
            String scan = CrisisDetector.blankIdioms(CrisisText.of(raw).text);
            LiteralIndex.Candidates candidates = CrisisDetector.RULE_LITERALS.scan(scan);
            for (int i = 0; i < CrisisRules.RULES.size(); i++) {
                boolean matches = CrisisRules.RULES.get(i).pattern().matcher(scan).find();
                assertTrue(!matches || candidates.mayMatch(i), "rule " + CrisisRules.RULES.get(i).id()
                        + " matched a text the prefilter excluded");
                checked++;
                skipped += candidates.mayMatch(i) ? 0 : 1;
            }
        }
        assertTrue(skipped > checked / 2, "the prefilter should spare most rule runs, spared " + skipped + " of "
                + checked);
    }

    /** A rule of several alternatives is skipped only when none of its alternatives finds anything in the text. */
    @Test
    void theAlternativesCheckSkipsNoRuleThatMatches() throws IOException {
        int spared = 0;
        for (String raw : texts()) {
            String scan = CrisisDetector.blankIdioms(CrisisText.of(raw).text);
            RuleBranches.Text branches = CrisisDetector.RULE_BRANCHES.on(scan);
            for (int i = 0; i < CrisisRules.RULES.size(); i++) {
                boolean matches = CrisisRules.RULES.get(i).pattern().matcher(scan).find();
                boolean mayMatch = branches.mayMatch(i);
                assertTrue(!matches || mayMatch, "rule " + CrisisRules.RULES.get(i).id()
                        + " matched a text its alternatives check excluded");
                spared += mayMatch ? 0 : 1;
            }
        }
        assertTrue(spared > 1_000, "the alternatives check should spare rule runs, spared " + spared);
    }

    /**
     * The discount checks are skipped when none of their literals occurs in the prepared text; each is run here on
     * the whole text, the largest part of it any check reads, so a literal the index misses would show.
     */
    @Test
    void skipsNoDiscountCheckThatMatches() throws IOException {
        int spared = 0;
        int checked = 0;
        for (String raw : texts()) {
            String scan = CrisisDetector.blankIdioms(CrisisText.of(raw).text);
            LiteralIndex.Candidates candidates = CrisisDetector.CHECK_LITERALS.scan(scan);
            for (int i = 0; i < CrisisDetector.CHECK_PATTERNS.size(); i++) {
                boolean matches = CrisisDetector.CHECK_PATTERNS.get(i).matcher(scan).find();
                assertTrue(!matches || candidates.mayMatch(i), "check " + CrisisDetector.CHECK_PATTERNS.get(i).pattern()
                        + " matched a text the prefilter excluded");
                checked++;
                spared += candidates.mayMatch(i) ? 0 : 1;
            }
        }
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
        int spared = 0;
        for (String raw : texts) {
            String folded = TextNormalizer.fold(raw).text();
            LiteralIndex.Candidates candidates = PersonalDetails.LITERALS.scan(folded);
            for (int i = 0; i < PersonalDetails.GATED.size(); i++) {
                boolean matches = PersonalDetails.GATED.get(i).matcher(folded).find();
                assertTrue(!matches || candidates.mayMatch(i), "a personal-detail pattern matched a text the"
                        + " prefilter excluded: " + PersonalDetails.GATED.get(i).pattern());
                spared += candidates.mayMatch(i) ? 0 : 1;
            }
        }
        assertTrue(spared > texts.size() * 5, "the prefilter should spare most pattern runs, spared " + spared);
    }

    private static List<String> texts() throws IOException {
        return CorpusTexts.of(CORPORA);
    }
}
