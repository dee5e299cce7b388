package app.talkingstick.conduct;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Undoes the usual ways of disguising words before anything is matched.
 *
 * <p>Two levels:
 * <ol>
 *   <li>{@link #fold}: Unicode compatibility forms (full-width, stylised maths letters, circled letters) to plain
 *       letters, accents and combining marks removed, zero-width and other invisible characters removed, Cyrillic and
 *       Greek look-alikes (and small capitals, dotless i, ...) mapped to the Latin letter they imitate, typographic
 *       quotes and dashes to ASCII, lower case. Keeps a map back to the original text.</li>
 *   <li>{@link #normalize}: folding, then words: leetspeak inside words ({@code 1d10t}, {@code b!tch},
 *       {@code a$$hole}), {@code *} as a wildcard letter ({@code c*nt}), letters spelled out one by one
 *       ({@code p a t h e t i c}, {@code l.o.s.e.r}, {@code s-t-u-p-i-d}) joined when the result is a listed word,
 *       contractions expanded ({@code you're} to {@code you are}). Repeated letters are handled by the matcher
 *       ({@link WordLists}), which lets a word's letters be stretched ({@code stuuupid}).</li>
 * </ol>
 */
public final class TextNormalizer {

    private static final Map<Integer, Character> LOOK_ALIKES = new HashMap<>();

    static {
        // Cyrillic capitals by shape, then small letters.
        pairs("АaВbЕeЁeЅsІiЇiЈjКkМmНhОoРpСcТtУyХxԜwҮyҺhӀi");
        pairs("аaвbеeёeѕsіiїiјjкkмmнhоoрpсcтtуyхxԝwүyһhӏiԁdԛqґrѵvɡgԍgᴦrпnьbгr");
        // Greek capitals by shape, then small letters.
        pairs("ΑaΒbΕeΖzΗhΙiΚkΜmΝnΟoΡpΤtΥyΧxϹcϺmϷpϜf");
        pairs("αaβbεeιiκkνvοoρpτtυuχxωwϲcηnγyδdμuθoλl");
        // Latin look-alikes and small capitals.
        pairs("ıiȷjłlŀløođdħhŧtƀbɑaɡgɩiɪiʏyʀrʙbᴀaᴄcᴅdᴇeꜰfɢgʜhᴊjᴋkʟlᴍmɴnᴏoᴘpꜱsᴛtᴜuᴠvᴡwᴢz");
        // Quotes and dashes.
        pairs("’'‘'‛'ʼ'′'`'´'“\"”\"„\"″\"‐-‑-‒-–-—-―-−-");
    }

    private static void pairs(String table) {
        for (int i = 0; i + 1 < table.length(); i += 2) {
            LOOK_ALIKES.put((int) table.charAt(i), table.charAt(i + 1));
        }
    }

    private TextNormalizer() {
    }

    /**
     * The last text folded on this thread and its result: the conduct policy folds the same message for each of its
     * checks (crisis, repeats, personal details, abuse), so the work is done once. Keyed by identity; a
     * {@link Folded} is immutable.
     */
    private static final ThreadLocal<Folded> LAST = new ThreadLocal<>();

    /** Folds {@code text}; see the class comment. */
    public static Folded fold(String text) {
        Folded last = LAST.get();
        if (last != null && last.original() == text) {
            return last;
        }
        Folded folded = foldAnew(text);
        LAST.set(folded);
        return folded;
    }

    private static Folded foldAnew(String text) {
        int n = text.length();
        FoldedBuilder out = new FoldedBuilder(n);
        boolean pendingDisguise = false;
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp < 0x80) {
                out.append(Character.toLowerCase((char) cp), i, i + width, pendingDisguise);
                pendingDisguise = false;
                i += width;
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                // Invisible characters and stand-alone marks are dropped; the letters around them count as disguised.
                out.disguiseLastIfLetterOrDigit();
                pendingDisguise = true;
                i += width;
                continue;
            }
            String single = new String(Character.toChars(cp));
            String compat = Normalizer.normalize(single, Normalizer.Form.NFKC);
            boolean disguised = pendingDisguise || (!compat.equals(single) && Character.isLetterOrDigit(cp));
            String decomposed = Normalizer.normalize(compat, Normalizer.Form.NFD);
            for (int k = 0; k < decomposed.length(); k++) {
                char c = decomposed.charAt(k);
                int t = Character.getType(c);
                if (t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK
                        || t == Character.COMBINING_SPACING_MARK || t == Character.FORMAT) {
                    continue;
                }
                boolean mapped = false;
                Character alike = LOOK_ALIKES.get((int) c);
                if (alike != null) {
                    mapped = Character.isLetter(c);
                    c = alike;
                }
                c = Character.toLowerCase(c);
                alike = LOOK_ALIKES.get((int) c);
                if (alike != null) {
                    mapped = mapped || Character.isLetter(c);
                    c = alike;
                }
                if (Character.isSpaceChar(c) || Character.isWhitespace(c)) {
                    c = ' ';
                }
                out.append(c, i, i + width, disguised || mapped);
            }
            pendingDisguise = false;
            i += width;
        }
        return out.build(text);
    }

    /** The folded characters with, for each, the original span it came from and whether it was disguised. */
    private static final class FoldedBuilder {
        private final StringBuilder text;
        private int[] from;
        private int[] to;
        private boolean[] disguised;
        private int size;

        FoldedBuilder(int capacity) {
            int c = Math.max(16, capacity);
            text = new StringBuilder(c);
            from = new int[c];
            to = new int[c];
            disguised = new boolean[c];
        }

        void append(char c, int start, int end, boolean disguise) {
            if (size == from.length) {
                from = Arrays.copyOf(from, size * 2);
                to = Arrays.copyOf(to, size * 2);
                disguised = Arrays.copyOf(disguised, size * 2);
            }
            text.append(c);
            from[size] = start;
            to[size] = end;
            disguised[size] = disguise;
            size++;
        }

        void disguiseLastIfLetterOrDigit() {
            if (size > 0 && Character.isLetterOrDigit(text.charAt(size - 1))) {
                disguised[size - 1] = true;
            }
        }

        Folded build(String original) {
            return new Folded(original, text.toString(), Arrays.copyOf(from, size), Arrays.copyOf(to, size),
                    Arrays.copyOf(disguised, size));
        }
    }

    /** Folds {@code text} and splits it into normalised words; see the class comment. */
    public static NormalizedText normalize(String text) {
        return normalize(text, WordLists.empty());
    }

    /**
     * Folds {@code text} and splits it into normalised words. Letters spelled out one by one are joined only when the
     * joined word is in {@code lists}.
     */
    public static NormalizedText normalize(String text, WordLists lists) {
        Folded folded = fold(text);
        List<Word> words = Tokenizer.words(folded);
        words = Tokenizer.joinSpelledOut(words, lists);
        words = Tokenizer.expandContractions(words);
        return new NormalizedText(folded, List.copyOf(words));
    }
}
