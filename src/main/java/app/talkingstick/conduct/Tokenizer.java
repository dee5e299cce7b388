package app.talkingstick.conduct;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Splits folded text into {@link Word}s; the word-level half of {@link TextNormalizer#normalize}. */
final class Tokenizer {

    private static final String SYMBOLS = "@$!|*+€#";
    private static final String LEET_FROM = "0134578@$!|+€9";
    private static final String LEET_TO = "oieastbasilteg";
    private static final String LEET_ALT_TO = "oleastbasliteg"; // 1 and ! read as l, | as i
    private static final int MAX_SPELLED = 24;

    private static final Map<String, String[]> CONTRACTIONS = Map.ofEntries(
            Map.entry("youre", new String[]{"you", "are"}),
            Map.entry("urself", new String[]{"yourself"}),
            Map.entry("urselves", new String[]{"yourselves"}),
            Map.entry("yourslef", new String[]{"yourself"}),
            Map.entry("yaself", new String[]{"yourself"}),
            Map.entry("u", new String[]{"you"}),
            Map.entry("ya", new String[]{"you"}),
            Map.entry("yall", new String[]{"you", "all"}),
            Map.entry("youve", new String[]{"you", "have"}),
            Map.entry("youll", new String[]{"you", "will"}),
            Map.entry("youd", new String[]{"you", "would"}),
            Map.entry("im", new String[]{"i", "am"}),
            Map.entry("ive", new String[]{"i", "have"}),
            Map.entry("dont", new String[]{"do", "not"}),
            Map.entry("doesnt", new String[]{"does", "not"}),
            Map.entry("didnt", new String[]{"did", "not"}),
            Map.entry("cant", new String[]{"can", "not"}),
            Map.entry("cannot", new String[]{"can", "not"}),
            Map.entry("wont", new String[]{"will", "not"}),
            Map.entry("isnt", new String[]{"is", "not"}),
            Map.entry("arent", new String[]{"are", "not"}),
            Map.entry("wasnt", new String[]{"was", "not"}),
            Map.entry("werent", new String[]{"were", "not"}),
            Map.entry("havent", new String[]{"have", "not"}),
            Map.entry("hasnt", new String[]{"has", "not"}),
            Map.entry("wouldnt", new String[]{"would", "not"}),
            Map.entry("couldnt", new String[]{"could", "not"}),
            Map.entry("shouldnt", new String[]{"should", "not"}),
            Map.entry("thats", new String[]{"that", "is"}),
            Map.entry("whats", new String[]{"what", "is"}),
            Map.entry("hes", new String[]{"he", "is"}),
            Map.entry("shes", new String[]{"she", "is"}),
            Map.entry("theyre", new String[]{"they", "are"}),
            Map.entry("gonna", new String[]{"going", "to"}),
            Map.entry("wanna", new String[]{"want", "to"}),
            Map.entry("gotta", new String[]{"got", "to"}));

    private static final Set<String> ARE_FOLLOWERS = setOf("a", "an", "so", "such", "the", "very", "really", "just",
            "being", "not", "going", "literally", "actually", "always", "never", "truly", "totally", "completely",
            "absolutely", "clearly", "obviously", "honestly", "too", "as", "still", "no", "nothing", "one", "only",
            "pathetic", "stupid", "dumb", "useless", "worthless", "disgusting", "ugly", "thick", "trash", "garbage",
            "annoying", "fat", "dead", "mad", "crazy", "insane", "sick", "fake", "toxic", "weak");

    private static final Set<String> WILL_LEADERS = setOf("and", "then", "but", "so", "or", "because", "cos", "coz",
            "otherwise", "else", "now", "ok", "okay", "yes", "yeah", "think", "promise", "swear");

    private Tokenizer() {
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || SYMBOLS.indexOf(c) >= 0;
    }

    static List<Word> words(Folded folded) {
        String t = folded.text();
        int n = t.length();
        List<Word> out = new ArrayList<>();
        Word.Pause pause = Word.Pause.NONE;
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            if (!isWordChar(c)) {
                pause = stronger(pause, separatorPause(t, i));
                i++;
                continue;
            }
            int start = i;
            StringBuilder raw = new StringBuilder();
            while (i < n) {
                char d = t.charAt(i);
                if (isWordChar(d)) {
                    raw.append(d);
                    i++;
                } else if (d == '\'' && i + 1 < n && Character.isLetter(t.charAt(i + 1)) && raw.length() > 0
                        && Character.isLetter(raw.charAt(raw.length() - 1))) {
                    i++; // apostrophe inside a word: "you're" -> "youre"
                } else {
                    break;
                }
            }
            int end = i;
            // Trim punctuation that is not leetspeak: "idiot!" "!!" "+44" keeps the digits.
            int lead = 0;
            while (lead < raw.length() && "!|+".indexOf(raw.charAt(lead)) >= 0) {
                lead++;
            }
            int trail = raw.length();
            boolean exclaimed = false;
            while (trail > lead && "!|+#".indexOf(raw.charAt(trail - 1)) >= 0) {
                exclaimed |= raw.charAt(trail - 1) == '!';
                trail--;
            }
            String word = raw.substring(lead, trail);
            if (onlyStarsAndHashes(word)) {
                if (exclaimed) {
                    pause = Word.Pause.SENTENCE;
                }
                continue;
            }
            out.add(makeWord(word, start + lead, end - (raw.length() - trail), folded, pause));
            pause = exclaimed ? Word.Pause.SENTENCE : Word.Pause.NONE;
        }
        return out;
    }

    private static Word.Pause separatorPause(String t, int i) {
        char c = t.charAt(i);
        boolean spaceAfter = i + 1 >= t.length() || Character.isWhitespace(t.charAt(i + 1))
                || !isWordChar(t.charAt(i + 1));
        switch (c) {
            case '.':
            case '?':
            case ';':
                return spaceAfter ? Word.Pause.SENTENCE : Word.Pause.NONE;
            case '\n':
            case '\r':
                return Word.Pause.SENTENCE;
            case ',':
            case ':':
            case '(':
            case ')':
            case '[':
            case ']':
            case '"':
            case '\'':
            case '/':
                return Word.Pause.COMMA;
            case '-':
                boolean spaceBefore = i == 0 || Character.isWhitespace(t.charAt(i - 1));
                return spaceBefore && spaceAfter ? Word.Pause.COMMA : Word.Pause.NONE;
            default:
                return Word.Pause.NONE;
        }
    }

    private static Word.Pause stronger(Word.Pause a, Word.Pause b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** True for "" too. */
    private static boolean onlyStarsAndHashes(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) != '*' && word.charAt(i) != '#') {
                return false;
            }
        }
        return true;
    }

    /** Whether the word mixes letters with digits or symbols (the only words leetspeak can hide in). */
    static boolean mixesLettersWithOthers(String word) {
        boolean letters = false;
        boolean others = false;
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                letters = true;
            } else {
                others = true;
            }
        }
        return letters && others;
    }

    private static Word makeWord(String word, int start, int end, Folded folded, Word.Pause pause) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        String text = word;
        if (mixesLettersWithOthers(word)) {
            text = map(word, LEET_TO);
            forms.add(text);
            forms.add(map(word, LEET_ALT_TO));
        } else if (word.length() == 1 && !Character.isLetter(word.charAt(0))) {
            // A lone symbol or digit in letters spelled out one by one ("r e t @ r d e d").
            forms.add(map(word, LEET_TO));
        }
        return new Word(text, word, new ArrayList<>(forms), start, end, folded.disguised(start, end), false, pause);
    }

    private static String map(String word, String to) {
        StringBuilder b = new StringBuilder(word.length());
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            int at = LEET_FROM.indexOf(c);
            if (c == '#') {
                b.append('*');
            } else {
                b.append(at >= 0 ? to.charAt(at) : c);
            }
        }
        return b.toString();
    }

    /** Letter of a one-character word as a spelled-out letter: the letter itself or its leetspeak reading. */
    private static char spelledLetter(Word w) {
        char c = w.plain().charAt(0);
        if (Character.isLetter(c)) {
            return c;
        }
        int at = LEET_FROM.indexOf(c);
        return at >= 0 ? LEET_TO.charAt(at) : 0;
    }

    /**
     * Joins runs of one-letter words ("p a t h e t i c", "l.o.s.e.r") into one word when the joined word is a
     * single-word term of {@code lists}. Longest match first, left to right.
     */
    static List<Word> joinSpelledOut(List<Word> words, WordLists lists) {
        List<Word> out = new ArrayList<>(words.size());
        int i = 0;
        while (i < words.size()) {
            int runEnd = i;
            while (runEnd < words.size() && runEnd - i < MAX_SPELLED && words.get(runEnd).plain().length() == 1
                    && spelledLetter(words.get(runEnd)) != 0
                    && (runEnd == i || words.get(runEnd).pause() == Word.Pause.NONE)) {
                runEnd++;
            }
            if (runEnd - i < 3) {
                out.add(words.get(i));
                i++;
                continue;
            }
            boolean joined = false;
            for (int to = runEnd; to - i >= 3 && !joined; to--) {
                StringBuilder letters = new StringBuilder();
                for (int k = i; k < to; k++) {
                    letters.append(spelledLetter(words.get(k)));
                }
                String candidate = letters.toString();
                if (lists.isSingleWordTerm(candidate)) {
                    Word first = words.get(i);
                    Word last = words.get(to - 1);
                    boolean disguised = false;
                    for (int k = i; k < to; k++) {
                        disguised |= words.get(k).disguised();
                    }
                    out.add(new Word(candidate, candidate, List.of(candidate), first.start(), last.end(), disguised,
                            true, first.pause()));
                    i = to;
                    joined = true;
                }
            }
            if (!joined) {
                out.add(words.get(i));
                i++;
            }
        }
        return out;
    }

    /** Expands contractions and chat spellings to their canonical words ("you're" to "you are", "u" to "you"). */
    static List<Word> expandContractions(List<Word> words) {
        List<Word> out = new ArrayList<>(words.size() + 8);
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            String next = i + 1 < words.size() && words.get(i + 1).pause() == Word.Pause.NONE
                    ? words.get(i + 1).text() : "";
            String prev = out.isEmpty() ? "" : out.get(out.size() - 1).text();
            boolean clauseStart = out.isEmpty() || w.pause() != Word.Pause.NONE;
            String[] parts = null;
            switch (w.text()) {
                case "ur":
                    parts = ARE_FOLLOWERS.contains(next) ? new String[]{"you", "are"} : new String[]{"your"};
                    break;
                case "your":
                    if (Set.of("a", "an", "so", "such", "being").contains(next)) {
                        parts = new String[]{"you", "are"};
                    }
                    break;
                case "r":
                    if (prev.equals("you")) {
                        parts = new String[]{"are"};
                    }
                    break;
                case "ill":
                    if (clauseStart || WILL_LEADERS.contains(prev)) {
                        parts = new String[]{"i", "will"};
                    }
                    break;
                default:
                    parts = CONTRACTIONS.get(w.text());
            }
            if (parts == null) {
                out.add(w);
                continue;
            }
            for (int k = 0; k < parts.length; k++) {
                Word part = w.withText(parts[k]);
                out.add(k == 0 ? part : part.withPause(Word.Pause.NONE));
            }
        }
        return out;
    }

    private static Set<String> setOf(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }
}
