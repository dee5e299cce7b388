package app.talkingstick.conduct;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The word lists the abuse check matches against: an immutable value built from the bundled resource files under
 * {@code conduct/} plus any per-group extra terms.
 *
 * <p>A term is one or more words, matched on whole words of the {@link TextNormalizer normalised} message, so
 * {@code kill} never matches {@code skilled} and {@code ass} never matches {@code assessment}. In the files, one
 * term a line; {@code #} starts a comment; a word written {@code a|b} stands for either ({@code i will|would hurt
 * you}), {@code (a b|c)} for either phrase and {@code (a b)?} for an optional phrase; a line starting with {@code ^} matches only at the start of a
 * clause (imperatives such as {@code ^get over it}). Terms are normalised like messages, so {@code you're} in a
 * file matches {@code youre}, {@code ur} and {@code you are}. A matched word may stretch the term's letters ({@code stuuupid}), read leetspeak ({@code 1d10t}),
 * use {@code *} for letters ({@code f*ck}), or add a plural {@code s}.
 */
public final class WordLists {

    /** The lists, each with its own resource file and its own consequence. */
    public enum Kind {
        /** Slurs: blocked wherever they appear. */
        SLURS("slurs.txt"),
        /** Insults (words and phrases): blocked when aimed at someone here, held when aimed at no one clear. */
        INSULTS("insults.txt"),
        /** Words that insult only when aimed at someone ("cow", "trash", "thick"): otherwise ignored. */
        TARGETED_INSULTS("insults-targeted.txt"),
        /** Swearing: allowed about situations, blocked when aimed at someone ("f*** you"). */
        PROFANITY("profanity.txt"),
        /** Threats against members: always blocked. */
        THREATS("threats.txt"),
        /** Harassment and attacks on members ("nobody likes you"): always blocked. */
        HARASSMENT("harassment.txt"),
        /** Hostile but not clearly abusive ("shut up", "nobody asked"): held for staff. */
        HOSTILE("hostile.txt");

        private final String file;

        Kind(String file) {
            this.file = file;
        }

        /** File name under the resource folder {@code conduct/}. */
        public String file() {
            return file;
        }
    }

    /** One term: its list and its normalised words. */
    public record Term(Kind kind, List<String> words, boolean clauseStart) {

        public Term {
            Objects.requireNonNull(kind, "kind");
            words = List.copyOf(words);
        }

        public Term(Kind kind, List<String> words) {
            this(kind, words, false);
        }

        /** Stable id used in reasons and audit, e.g. {@code insults:loser}. Never contains message text. */
        public String id() {
            return kind.name().toLowerCase() + ":" + String.join(" ", words);
        }
    }

    /** A term found in a message: words {@code [start, end)} of the normalised text. */
    record Hit(Term term, int start, int end, boolean obfuscated, boolean wildcard) {
        Kind kind() {
            return term.kind();
        }
    }

    private static final String RESOURCE_DIR = "conduct/";
    private static final Set<String> CLAUSE_LEADERS = Set.of("just", "please", "oh", "so", "and", "now", "then",
            "honestly", "seriously", "mate", "lol", "lmao", "ugh", "god", "jesus", "omg", "ffs", "pls", "plz",
            "why");
    private static volatile WordLists bundled;

    private final Map<Kind, Set<Term>> terms;
    private final Map<String, Bucket> byFirstWord;
    private final Bucket all;
    /** A number for each word key that is some term's second word, so the screen compares ints. */
    private final Map<String, Integer> secondKeyIds = new HashMap<>();

    private WordLists(Map<Kind, Set<Term>> terms) {
        Map<Kind, Set<Term>> copy = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            copy.put(kind, Set.copyOf(terms.getOrDefault(kind, Set.of())));
        }
        this.terms = copy;
        Map<String, List<Term>> index = new HashMap<>();
        List<Term> everything = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (Term term : terms.getOrDefault(kind, Set.of())) {
                index.computeIfAbsent(squeeze(term.words().get(0)), k -> new ArrayList<>()).add(term);
                if (term.words().size() > 1) {
                    secondKeyIds.putIfAbsent(squeeze(term.words().get(1)), secondKeyIds.size());
                }
                everything.add(term);
            }
        }
        this.byFirstWord = new HashMap<>();
        index.forEach((key, list) -> byFirstWord.put(key, bucket(list)));
        this.all = bucket(everything);
    }

    /**
     * Terms that start alike, with each one's second word's key number beside it ({@link #ONE_WORD} for a term of one
     * word): the screen reads one int array instead of visiting each term, which in a busy server's cold cache cost
     * more than the matching it spares.
     */
    private record Bucket(Term[] terms, int[] secondKeys) {
    }

    private static final int ONE_WORD = -1;
    private static final Bucket NO_TERMS = new Bucket(new Term[0], new int[0]);

    private Bucket bucket(List<Term> list) {
        Term[] array = list.toArray(new Term[0]);
        int[] seconds = new int[array.length];
        for (int t = 0; t < array.length; t++) {
            seconds[t] = array[t].words().size() > 1 ? secondKeyIds.get(squeeze(array[t].words().get(1))) : ONE_WORD;
        }
        return new Bucket(array, seconds);
    }

    /** No terms at all. */
    public static WordLists empty() {
        return new WordLists(Map.of());
    }

    /** The lists bundled in {@code src/main/resources/conduct/}; loaded once. */
    public static WordLists bundled() {
        WordLists lists = bundled;
        if (lists == null) {
            synchronized (WordLists.class) {
                lists = bundled;
                if (lists == null) {
                    lists = fromClasspath(WordLists.class.getClassLoader(), RESOURCE_DIR);
                    bundled = lists;
                }
            }
        }
        return lists;
    }

    /**
     * Loads every list file from {@code folder} (e.g. {@code "conduct/"}) on the class path of {@code loader}.
     * A missing file is an empty list.
     */
    public static WordLists fromClasspath(ClassLoader loader, String folder) {
        Map<Kind, Set<Term>> terms = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            String name = folder + kind.file();
            try (InputStream in = loader.getResourceAsStream(name)) {
                terms.put(kind, in == null ? Set.of() : parse(kind, read(in)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
        return new WordLists(terms);
    }

    /** These lists plus the given terms (written as in the files) on list {@code kind}. */
    public WordLists withExtra(Kind kind, Collection<String> extraTerms) {
        return withExtra(Map.of(kind, extraTerms));
    }

    /** These lists plus per-group extra terms, e.g. stored by the group's therapist. */
    public WordLists withExtra(Map<Kind, ? extends Collection<String>> extraTerms) {
        Map<Kind, Set<Term>> merged = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            Set<Term> set = new LinkedHashSet<>(terms.get(kind));
            Collection<String> extra = extraTerms.get(kind);
            if (extra != null) {
                set.addAll(parse(kind, List.copyOf(extra)));
            }
            merged.put(kind, set);
        }
        return new WordLists(merged);
    }

    /** The terms of one list. */
    public Set<Term> terms(Kind kind) {
        return terms.get(kind);
    }

    /** Whether {@code word} (already normalised) matches a one-word term of any list. */
    boolean isSingleWordTerm(String word) {
        for (String key : candidateKeys(word)) {
            for (Term term : byFirstWord.getOrDefault(key, NO_TERMS).terms()) {
                if (term.words().size() == 1 && matchForm(word, term.words().get(0), true) != Match.NONE) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every term occurrence in {@code words}, in order of start. */
    List<Hit> find(List<Word> words) {
        return find(words, true);
    }

    /**
     * {@link #find}; {@code screenSecondWord} (false only in the test that compares the two) skips a term of several
     * words at once when the next word cannot be its second: "i" starts a hundred threats, and most sentences have
     * an "i" followed by a word none of them has next.
     */
    List<Hit> find(List<Word> words, boolean screenSecondWord) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            addHitsStartingAt(words, i, screenSecondWord, hits);
        }
        return hits;
    }

    private void addHitsStartingAt(List<Word> words, int i, boolean screenSecondWord, List<Hit> hits) {
        List<Bucket> buckets = bucketsStarting(words.get(i));
        NextWord next = null;
        for (int b = 0; b < buckets.size(); b++) {
            Bucket bucket = buckets.get(b);
            for (int t = 0; t < bucket.terms().length; t++) {
                int second = bucket.secondKeys()[t];
                if (screenSecondWord && second != ONE_WORD) {
                    if (i + 1 >= words.size()) {
                        continue;
                    }
                    next = next != null ? next : nextWord(words.get(i + 1));
                    if (!next.mayBe(second)) {
                        continue;
                    }
                }
                Term term = bucket.terms()[t];
                if (b > 0 && inEarlier(buckets, b, term)) {
                    continue; // tried already: only the bucket of every term, for a wildcard, repeats any
                }
                Hit hit = match(words, i, term);
                if (hit != null) {
                    hits.add(hit);
                }
            }
        }
    }

    /** The buckets of the terms a word may start, in the order of its forms and their keys, each bucket once. */
    private List<Bucket> bucketsStarting(Word first) {
        List<Bucket> buckets = new ArrayList<>(2);
        for (String form : forms(first)) {
            if (form.indexOf('*') >= 0) {
                addOnce(buckets, all);
            } else {
                for (String key : candidateKeys(form)) {
                    Bucket bucket = byFirstWord.get(key);
                    if (bucket != null) {
                        addOnce(buckets, bucket);
                    }
                }
            }
        }
        return buckets;
    }

    private static void addOnce(List<Bucket> buckets, Bucket bucket) {
        for (Bucket had : buckets) {
            if (had == bucket) {
                return;
            }
        }
        buckets.add(bucket);
    }

    /** Whether a bucket before {@code b} holds {@code term}; by identity (a term's hash walks all its words). */
    private static boolean inEarlier(List<Bucket> buckets, int b, Term term) {
        for (int e = 0; e < b; e++) {
            for (Term had : buckets.get(e).terms()) {
                if (had == term) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What a word may stand for as a term's second word: a form matches a term word only when both squeeze to the
     * same letters (a plural form once its ending is cut), which {@link #candidateKeys} lists; a wildcard form
     * ("f*ck") may be anything.
     */
    private NextWord nextWord(Word w) {
        int[] ids = new int[0];
        boolean wildcard = false;
        for (String form : forms(w)) {
            wildcard |= form.indexOf('*') >= 0;
            for (String key : candidateKeys(form)) {
                Integer id = secondKeyIds.get(key);
                if (id != null) {
                    ids = Arrays.copyOf(ids, ids.length + 1);
                    ids[ids.length - 1] = id;
                }
            }
        }
        return new NextWord(ids, wildcard);
    }

    private record NextWord(int[] keys, boolean wildcard) {
        boolean mayBe(int key) {
            if (wildcard) {
                return true;
            }
            for (int k : keys) {
                if (k == key) {
                    return true;
                }
            }
            return false;
        }
    }

    private static List<String> forms(Word w) {
        if (w.forms().contains(w.text())) {
            return w.forms();
        }
        List<String> forms = new ArrayList<>(w.forms());
        forms.add(0, w.text());
        return forms;
    }

    private Hit match(List<Word> words, int start, Term term) {
        int n = term.words().size();
        if (start + n > words.size()) {
            return null;
        }
        if (term.clauseStart() && start > 0 && words.get(start).pause() == Word.Pause.NONE
                && !CLAUSE_LEADERS.contains(words.get(start - 1).text())) {
            return null;
        }
        boolean obfuscated = false;
        boolean wildcard = false;
        for (int k = 0; k < n; k++) {
            Word w = words.get(start + k);
            if (k > 0 && w.pause() == Word.Pause.SENTENCE) {
                return null;
            }
            Match best = Match.NONE;
            boolean last = k == n - 1;
            for (String form : forms(w)) {
                Match m = matchForm(form, term.words().get(k), last);
                if (m != Match.NONE && (best == Match.NONE || m.ordinal() < best.ordinal())) {
                    best = m;
                }
            }
            if (best == Match.NONE) {
                return null;
            }
            boolean plainForm = best == Match.PLAIN && matchForm(w.plain(), term.words().get(k), last) != Match.NONE;
            obfuscated |= w.disguised() || w.spelled() || (best == Match.PLAIN && !plainForm && w.leet());
            wildcard |= best == Match.WILDCARD;
        }
        return new Hit(term, start, start + n, obfuscated, wildcard);
    }

    private enum Match {
        PLAIN,
        WILDCARD,
        NONE
    }

    private static Match matchForm(String form, String termWord, boolean allowPlural) {
        if (form.indexOf('*') >= 0) {
            return wildcard(form, termWord) ? Match.WILDCARD : Match.NONE;
        }
        if (stretches(form, termWord)) {
            return Match.PLAIN;
        }
        if (allowPlural && termWord.length() >= 3 && form.length() > 3) {
            if (form.endsWith("es") && stretches(form.substring(0, form.length() - 2), termWord)) {
                return Match.PLAIN;
            }
            if (form.endsWith("s") && !termWord.endsWith("s")
                    && stretches(form.substring(0, form.length() - 1), termWord)) {
                return Match.PLAIN;
            }
        }
        return Match.NONE;
    }

    private static boolean wildcard(String form, String termWord) {
        if (form.length() != termWord.length() || form.chars().allMatch(c -> c == '*')) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            if (c != '*') {
                letter = true;
                if (c != termWord.charAt(i)) {
                    return false;
                }
            }
        }
        return letter;
    }

    /**
     * Whether {@code form} is {@code term} with some letters repeated ("stuuupid" for "stupid"). For terms of five
     * letters or more a doubled letter may also be written single ("ashole" for "asshole").
     */
    static boolean stretches(String form, String term) {
        if (form.equals(term)) {
            return true;
        }
        int i = 0;
        int j = 0;
        while (i < form.length() && j < term.length()) {
            char c = term.charAt(j);
            if (form.charAt(i) != c) {
                return false;
            }
            int termRun = run(term, j);
            int formRun = run(form, i);
            if (formRun < termRun && !(termRun == 2 && formRun == 1 && term.length() >= 5)) {
                return false;
            }
            i += formRun;
            j += termRun;
        }
        return i == form.length() && j == term.length();
    }

    private static int run(String s, int at) {
        int end = at;
        while (end < s.length() && s.charAt(end) == s.charAt(at)) {
            end++;
        }
        return end - at;
    }

    /** The word with every run of a repeated letter collapsed to one letter. */
    static String squeeze(String word) {
        StringBuilder b = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            if (i == 0 || word.charAt(i) != word.charAt(i - 1)) {
                b.append(word.charAt(i));
            }
        }
        return b.toString();
    }

    private static List<String> candidateKeys(String form) {
        List<String> keys = new ArrayList<>(3);
        keys.add(squeeze(form));
        if (form.length() > 3 && form.endsWith("s")) {
            keys.add(squeeze(form.substring(0, form.length() - 1)));
            if (form.endsWith("es")) {
                keys.add(squeeze(form.substring(0, form.length() - 2)));
            }
        }
        return keys;
    }

    private static List<String> read(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static Set<Term> parse(Kind kind, List<String> lines) {
        Set<Term> out = new LinkedHashSet<>();
        for (String line : lines) {
            int hash = line.indexOf('#');
            String body = (hash >= 0 ? line.substring(0, hash) : line).trim();
            boolean clauseStart = body.startsWith("^");
            if (clauseStart) {
                body = body.substring(1).trim();
            }
            if (body.isEmpty()) {
                continue;
            }
            for (String phrase : expand(tokens(body))) {
                List<String> words = new ArrayList<>();
                for (Word w : TextNormalizer.normalize(phrase).words()) {
                    words.add(w.text());
                }
                if (!words.isEmpty()) {
                    out.add(new Term(kind, words, clauseStart));
                }
            }
        }
        return out;
    }

    /** Splits a term line into tokens: words, {@code a|b} alternatives, {@code (a b|c)} multi-word alternatives. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (char c : line.toCharArray()) {
            if (c == '(' && depth == 0 && cur.length() > 0) {
                out.add(cur.toString()); // "(here )?(likes|wants)": two groups
                cur.setLength(0);
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
            if (Character.isWhitespace(c) && depth == 0) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    private static List<String> expand(List<String> tokens) {
        List<String> phrases = new ArrayList<>();
        phrases.add("");
        for (String token : tokens) {
            boolean optional = token.startsWith("(") && token.endsWith(")?");
            String body = optional ? token.substring(1, token.length() - 2)
                    : token.startsWith("(") && token.endsWith(")") ? token.substring(1, token.length() - 1) : token;
            List<String> next = new ArrayList<>();
            for (String prefix : phrases) {
                if (optional) {
                    next.add(prefix);
                }
                for (String alternative : body.split("\\|", -1)) {
                    String alt = alternative.trim();
                    if (alt.isEmpty()) {
                        next.add(prefix);
                    } else {
                        next.add(prefix.isEmpty() ? alt : prefix + " " + alt);
                    }
                }
            }
            phrases = next;
            if (phrases.size() > 4096) {
                throw new IllegalArgumentException("too many alternatives in one term: " + String.join(" ", tokens));
            }
        }
        return phrases;
    }
}
