package app.talkingstick.conduct;

import java.util.List;
import java.util.stream.Collectors;

/** A message folded and split into normalised words. */
public record NormalizedText(Folded folded, List<Word> words) {

    public NormalizedText {
        words = List.copyOf(words);
    }

    /** The normalised words joined by single spaces, e.g. {@code "you are a loser"}. */
    public String text() {
        return words.stream().map(Word::text).collect(Collectors.joining(" "));
    }

    /** Whether any word was disguised (look-alikes, invisible characters, marks) or spelled out letter by letter. */
    public boolean disguised() {
        return words.stream().anyMatch(w -> w.disguised() || w.spelled());
    }
}
