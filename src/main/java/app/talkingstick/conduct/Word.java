package app.talkingstick.conduct;

import java.util.List;

/**
 * One normalised word.
 *
 * @param text      the word as matched: folded, leetspeak undone, contractions expanded
 * @param plain     the folded word without leetspeak (letters and digits as written)
 * @param forms     every form a list term may match: {@code plain}, leetspeak readings, a {@code *} wildcard form
 * @param start     start of the word in the folded text
 * @param end       end (exclusive) of the word in the folded text
 * @param disguised the word used look-alike letters, invisible characters or stacked marks
 * @param spelled   the word was joined from letters spelled out one by one
 * @param pause     punctuation before this word: none, a comma-like pause, or the end of a sentence
 */
public record Word(String text, String plain, List<String> forms, int start, int end, boolean disguised,
                   boolean spelled, Pause pause) {

    /** Punctuation between a word and the one before it. */
    public enum Pause {
        NONE,
        COMMA,
        SENTENCE
    }

    public Word {
        forms = List.copyOf(forms);
    }

    Word withText(String newText) {
        return new Word(newText, newText, List.of(newText), start, end, disguised, spelled, pause);
    }

    Word withPause(Pause newPause) {
        return new Word(text, plain, forms, start, end, disguised, spelled, newPause);
    }

    /** Whether reading this word needed leetspeak, i.e. it has symbols or digits standing for letters. */
    boolean leet() {
        return !text.equals(plain) && !spelled;
    }
}
