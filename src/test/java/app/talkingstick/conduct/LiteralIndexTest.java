package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LiteralIndexTest {

    private static final List<Pattern> RULES = CrisisRules.RULES.stream().map(CrisisRules.Rule::pattern).toList();

    @Test
    void aTextIsACandidateExactlyWhenItHoldsOneOfTheExpressionsCutLiterals() throws IOException {
        LiteralIndex index = LiteralIndex.of(RULES);
        List<Set<String>> literals = new ArrayList<>();
        for (Pattern rule : RULES) {
            literals.add(LiteralIndex.trimmed(RegexLiterals.required(rule.pattern())));
        }
        List<String> texts = new ArrayList<>(CorpusTexts.of(CorpusTexts.DEV_FRESH_AND_TRAINING));
        texts.addAll(ConductPolicyBenchmark.sentences(200));
        int candidates = 0;
        for (String message : texts) {
            String text = CrisisText.of(message).text;
            LiteralIndex.Candidates scanned = index.scan(text);
            for (int i = 0; i < RULES.size(); i++) {
                boolean holds = literals.get(i).stream().anyMatch(text::contains);
                assertEquals(holds, scanned.mayMatch(i), RULES.get(i) + " on " + text);
                candidates += holds ? 1 : 0;
            }
        }
        assertTrue(candidates > texts.size(), "the corpora hold many rules' literals: " + candidates);
    }

    @Test
    void longLiteralsAreCutSoTheAutomatonStaysSmall() {
        LiteralIndex index = LiteralIndex.of(List.of(Pattern.compile("i no longer see a way out")));
        assertTrue(index.scan("i no longer feel stuck").mayMatch(0), "the first ten characters are enough");
        assertFalse(index.scan("i no long").mayMatch(0));
        assertTrue(LiteralIndex.of(RULES).states() < 30_000,
                "the crisis rules' table was 110,000 states (18 MB) with whole literals");
    }
}
