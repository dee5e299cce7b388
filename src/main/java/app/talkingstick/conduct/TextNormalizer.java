package app.talkingstick.conduct;

import java.text.Normalizer;
import java.util.ArrayList;
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

    /** Folds {@code text}; see the class comment. */
    public static Folded fold(String text) {
        int n = text.length();
        StringBuilder out = new StringBuilder(n);
        List<int[]> spans = new ArrayList<>(n);
        List<Boolean> disguise = new ArrayList<>(n);
        boolean pendingDisguise = false;
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp < 0x80) {
                char c = (char) cp;
                append(out, spans, disguise, Character.toLowerCase(c), i, i + width, pendingDisguise);
                pendingDisguise = false;
                i += width;
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                // Invisible characters and stand-alone marks are dropped; the letters around them count as disguised.
                if (!disguise.isEmpty() && isLetterOrDigit(out.charAt(out.length() - 1))) {
                    disguise.set(disguise.size() - 1, true);
                }
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
                append(out, spans, disguise, c, i, i + width, disguised || mapped);
            }
            pendingDisguise = false;
            i += width;
        }
        int[] from = new int[spans.size()];
        int[] to = new int[spans.size()];
        boolean[] flags = new boolean[spans.size()];
        for (int k = 0; k < from.length; k++) {
            from[k] = spans.get(k)[0];
            to[k] = spans.get(k)[1];
            flags[k] = disguise.get(k);
        }
        return new Folded(text, out.toString(), from, to, flags);
    }

    private static boolean isLetterOrDigit(char c) {
        return Character.isLetterOrDigit(c);
    }

    private static void append(StringBuilder out, List<int[]> spans, List<Boolean> disguise, char c, int from, int to,
                               boolean disguised) {
        out.append(c);
        spans.add(new int[]{from, to});
        disguise.add(disguised);
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
