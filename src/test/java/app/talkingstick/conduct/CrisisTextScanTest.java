package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The crisis text's hand-written scans give what the patterns they replace give: the sentence and clause breaks on
 * every dev, fresh and training corpus line (as prepared, and merely lower-cased) and on crafted edge cases, and the
 * spelled-letters precondition never rules out a text the pattern matches.
 */
class CrisisTextScanTest {

    private static final Pattern SENTENCE_END = Pattern.compile(CrisisText.SENTENCE_END_PATTERN);
    private static final Pattern CLAUSE_BREAK = Pattern.compile(CrisisText.CLAUSE_BREAK_PATTERN);

    private static final List<String> CRAFTED = List.of("", ".", "...", "a.b", "end...", "end...\n", "so... and then",
            "a - b", "a -b", "a – b", "a\t-\tb", "a\n\n\nb", "a\r\nb.\r\n", "wait.\u2028", "wait.\u2029", "wait.\u0085",
            "what?!", "what?!x", "one;two; three", "i, but, and", " but ", "x but", "but y", "a and b and c",
            "so so so", "because\tbecause", "cos\fthen", "x cos y", "x whereas y, except z", "x however y although z though w", "x\u000Bthen\u000By", "a , b", "k i l l", "d.i.e", "a_b_c",
            "x k i", "k  i  l  l m y s e l f", "i felt a b", "ok a b c", "é a b c", "1 a b c", "_a b c");

    @Test
    void sentencesAndClausesAreCutWhereThePatternsCutThem() throws IOException {
        List<String> texts = new ArrayList<>(CRAFTED);
        for (String raw : CorpusTexts.of(CorpusTexts.DEV_FRESH_AND_TRAINING)) {
            texts.add(CrisisText.of(raw).text);
            texts.add(raw.toLowerCase(java.util.Locale.ROOT));
        }
        for (String t : texts) {
            assertEquals(byPatterns(t), CrisisText.sentencesOf(t), t);
        }
    }

    @Test
    void theSpelledLettersPreconditionRulesOutNoTextThePatternMatches() throws IOException {
        List<String> texts = new ArrayList<>(CRAFTED);
        texts.addAll(CorpusTexts.of(CorpusTexts.DEV_FRESH_AND_TRAINING).stream()
                .map(raw -> TextNormalizer.fold(raw).text()).toList());
        int matched = 0;
        for (String t : texts) {
            if (CrisisText.SPELLED.matcher(t).find()) {
                matched++;
                assertTrue(CrisisText.mayHaveSpelledLetters(t), t);
            }
        }
        assertTrue(matched >= 5, "expected spelled-out letters among the texts, found " + matched);
    }

    private static List<CrisisText.Sentence> byPatterns(String t) {
        List<CrisisText.Sentence> sentences = new ArrayList<>();
        Matcher m = SENTENCE_END.matcher(t);
        int start = 0;
        while (m.find()) {
            if (m.start() > start) {
                sentences.add(sentence(t, start, m.start()));
            }
            start = m.end();
        }
        if (start < t.length()) {
            sentences.add(sentence(t, start, t.length()));
        }
        return sentences;
    }

    private static CrisisText.Sentence sentence(String t, int start, int end) {
        List<Integer> clauses = new ArrayList<>();
        Matcher c = CLAUSE_BREAK.matcher(t).region(start, end);
        while (c.find()) {
            clauses.add(c.start());
        }
        return new CrisisText.Sentence(start, end, clauses);
    }
}
