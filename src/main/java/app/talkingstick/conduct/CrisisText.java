package app.talkingstick.conduct;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message prepared for crisis rules: folded (see {@link TextNormalizer#fold}), contractions and chat spellings
 * written out ("im" to "i am", "dont" to "do not", "wanna" to "want to", "rn" to "right now"), letters repeated three
 * times or more cut to one, spaces collapsed; then cut into sentences and clauses.
 */
final class CrisisText {

    private static final Rewrites SPELLINGS = new Rewrites();
    /** "sooo" to "so". */
    static final String LETTER_RUN = "([a-z])\\1{2,}";
    /** Runs of blanks to one space (a lone space is left as it is). */
    static final String BLANK_RUN = "[ \\t\\u00a0]*[\\t\\u00a0][ \\t\\u00a0]*| {2,}";

    static {
        spell("(\\w)['’]s\\b", "$1's");
        spell("\\bi['’]?m\\b", "i am");
        spell("\\bi['’]?ve\\b", "i have");
        spell("\\bi['’]ll\\b", "i will");
        spell("\\bi['’]d\\b", "i would");
        spell("\\bcan['’]?t\\b", "can not");
        spell("\\bcannot\\b", "can not");
        spell("\\bwon['’]t\\b", "will not");
        spell("\\bshan['’]?t\\b", "shall not");
        spell("\\bain['’]?t\\b", "am not");
        spell("\\b(do|does|did|is|are|was|were|have|has|had|would|could|should|must|need)n['’]?t\\b", "$1 not");
        spell("\\b(you|we|they|he|she|it|that|who|there)['’]ll\\b", "$1 will");
        spell("\\b(you|we|they)['’]re\\b", "$1 are");
        spell("\\b(you|we|they)['’]ve\\b", "$1 have");
        spell("\\b(you|we|they|he|she)['’]d\\b", "$1 would");
        spell("\\b(it|that|what|there|he|she|who|here|where|nothing|everything|something|nobody|everyone"
                + "|everybody|life|this|today|tonight)['’]s\\b", "$1 is");
        spell("\\b(someone|somebody|anyone|nobody)['’]s (?=going|gonna|been|got|coming|about)", "$1 is ");
        spell("\\b(youll)\\b", "you will");
        spell("\\b(youre)\\b", "you are");
        spell("\\b(theyll)\\b", "they will");
        spell("\\b(theyd)\\b", "they would");
        spell("\\b(theyre)\\b", "they are");
        spell("\\b(itll)\\b", "it will");
        spell("\\b(hes)\\b", "he is");
        spell("\\b(its)\\b(?= (?:a|an|the|not|so|too|all|just|been|going|getting|my|over|open|on|in|like|really|"
                + "always|never|ok|okay|fine|hard|late|only|time|the|over)\\b)", "it is");
        spell("\\b(?:wats|whats|wat is)\\b", "what is");
        spell("\\bthats\\b", "that is");
        spell("\\btheres\\b", "there is");
        spell("\\b(\\w+)['’]s (?=(?:in|on|at|open|gone|half|empty|out|here|there|ready|next|right|already|all|written"
                + "|done|sorted)\\b)", "$1 is ");
        spell("\\bwanna\\b", "want to");
        spell("\\bgonna\\b", "going to");
        spell("\\bgotta\\b", "got to");
        spell("\\bidk\\b", "i do not know");
        spell("\\bidc\\b", "i do not care");
        spell("\\brn\\b", "right now");
        spell("\\b(?:tonite|2nite|tonigth|tongiht)\\b", "tonight");
        spell("\\b2day\\b", "today");
        spell("\\b(?:2moro|2morrow|tmrw|tmr|tomoz)\\b", "tomorrow");
        spell("\\bu\\b", "you");
        spell("\\bur\\b", "your");
        spell("\\b(?:bc|cuz|coz|cos)\\b", "because");
        spell("\\btho\\b", "though");
        spell("\\b(?:pls|plz)\\b", "please");
        spell("\\byrs?\\b", "years");
        spell("\\bmos\\b", "months");
        spell("\\bhrs?\\b", "hours");
        spell("\\bmins\\b", "minutes");
        spell("\\bppl\\b", "people");
        spell("\\babt\\b", "about");
        spell("\\bsmth\\b", "something");
        spell("\\bw/", "with ");
        spell("\\bkms\\b", "kill myself");
        spell("\\bkys\\b", "kill yourself");
        spell("\\bod(?:'?d|'?ed)\\b", "overdosed");
        spell("\\bmy ?self\\b", "myself");
        spell("\\bany ?more\\b", "anymore");
        spell("\\bno ?one\\b|\\bno-one\\b", "nobody");
        spell("\\bdont\\b", "do not");
        spell("\\bdoesnt\\b", "does not");
        spell("\\bdidnt\\b", "did not");
        spell("\\bisnt\\b", "is not");
        spell("\\barent\\b", "are not");
        spell("\\bwasnt\\b", "was not");
        spell("\\bwerent\\b", "were not");
        spell("\\bhavent\\b", "have not");
        spell("\\bhasnt\\b", "has not");
        spell("\\bhadnt\\b", "had not");
        spell("\\bwouldnt\\b", "would not");
        spell("\\bcouldnt\\b", "could not");
        spell("\\bshouldnt\\b", "should not");
        spell("\\bwont\\b", "will not");
        spell("\\bive\\b", "i have");
        spell("\\bim\\b", "i am");
        // "ill" is "I'll" at the start of a clause or after a few words that lead into a promise.
        spell("(^|[.!?,;:]\\s*|\\b(?:and|then|but|so|or|think|swear|promise|know|guess|maybe|probably|just|"
                + "because|otherwise|tonight|today|now)\\s+)ill\\b(?! (?:health|feeling|effects?|people)\\b)",
                "$1i will");
        spell("[’‘`´]", "'");
        SPELLINGS.add(LETTER_RUN, "$1", CrisisText::hasTripledLetter);
        SPELLINGS.add(BLANK_RUN, " ", CrisisText::hasBlankRun);
    }

    /** Whether a letter a-z occurs three times in a row ("sooo"): the only texts the letter-run rewrite changes. */
    static boolean hasTripledLetter(String t) {
        for (int i = 2; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= 'a' && c <= 'z' && t.charAt(i - 1) == c && t.charAt(i - 2) == c) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code t} has a tab, a no-break space or two spaces in a row: the only texts the blank rewrite changes. */
    static boolean hasBlankRun(String t) {
        return t.indexOf('\t') >= 0 || t.indexOf('\u00a0') >= 0 || t.contains("  ");
    }

    private static void spell(String regex, String replacement) {
        SPELLINGS.add(regex, replacement);
    }

    /** A sentence: {@code [start, end)} of {@link #text}, with its clause boundaries. */
    record Sentence(int start, int end, List<Integer> clauseStarts) {

        /** Start of the clause holding {@code index}. */
        int clauseStart(int index) {
            int best = start;
            for (int c : clauseStarts) {
                if (c <= index) {
                    best = c;
                }
            }
            return best;
        }

        /** End of the clause holding {@code index}. */
        int clauseEnd(int index) {
            for (int c : clauseStarts) {
                if (c > index) {
                    return c;
                }
            }
            return end;
        }
    }

    /** What ends a sentence, as a pattern (scanned by hand in {@link #sentencesOf}). */
    static final String SENTENCE_END_PATTERN = "[.!?;]+(?=\\s|$)|\\n+|\\s-\\s|\\s–\\s";
    /** What ends a clause, as a pattern (scanned by hand in {@link #sentencesOf}). */
    static final String CLAUSE_BREAK_PATTERN =
            ",|\\s(?:but|though|although|however|whereas|except|and|so|because|cos|then)\\s";

    final String text;
    final List<Sentence> sentences;

    private CrisisText(String text, List<Sentence> sentences) {
        this.text = text;
        this.sentences = sentences;
    }

    static CrisisText of(String message) {
        String t = SPELLINGS.apply(deobfuscate(TextNormalizer.fold(message).text())).strip();
        return new CrisisText(t, sentencesOf(t));
    }

    /**
     * {@code t} cut where {@link #SENTENCE_END_PATTERN} finds a break, and each sentence at its {@link
     * #CLAUSE_BREAK_PATTERN clause breaks}. Both are scanned by hand, with the same result as the patterns (tested on
     * every corpus line): the patterns tried their alternatives at every position of every message.
     */
    static List<Sentence> sentencesOf(String t) {
        List<Sentence> sentences = new ArrayList<>();
        int start = 0;
        int at = 0;
        while (at < t.length()) {
            int end = sentenceBreakEnd(t, at);
            if (end < 0) {
                at++;
                continue;
            }
            if (at > start) {
                sentences.add(sentence(t, start, at));
            }
            start = end;
            at = end;
        }
        if (start < t.length()) {
            sentences.add(sentence(t, start, t.length()));
        }
        return sentences;
    }

    /** Where a {@link #SENTENCE_END_PATTERN} match starting at {@code at} ends, or -1 when none starts there. */
    private static int sentenceBreakEnd(String t, int at) {
        char c = t.charAt(at);
        if (c == '.' || c == '!' || c == '?' || c == ';') {
            int end = at + 1;
            while (end < t.length() && ".!?;".indexOf(t.charAt(end)) >= 0) {
                end++;
            }
            return end == t.length() || isSpace(t.charAt(end)) || atFinalLineEnd(t, end) ? end : -1;
        }
        if (c == '\n') {
            int end = at + 1;
            while (end < t.length() && t.charAt(end) == '\n') {
                end++;
            }
            return end;
        }
        if (isSpace(c) && at + 2 < t.length() && (t.charAt(at + 1) == '-' || t.charAt(at + 1) == '–')
                && isSpace(t.charAt(at + 2))) {
            return at + 3;
        }
        return -1;
    }

    /** Where {@code $} also matches: before a line terminator that ends the text. */
    private static boolean atFinalLineEnd(String t, int at) {
        int rest = t.length() - at;
        char c = t.charAt(at);
        return rest == 1 && (c == '\u0085' || c == '\u2028' || c == '\u2029') || rest == 2 && t.startsWith("\r\n", at);
    }

    /** {@code \s}: space, tab, newline, vertical tab, form feed, carriage return. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static final String[] CLAUSE_WORDS = {"but", "though", "although", "however", "whereas", "except", "and",
        "so", "because", "cos", "then"};

    /** Where a {@link #CLAUSE_BREAK_PATTERN} match starting at {@code at} ends (within {@code limit}), or -1. */
    private static int clauseBreakEnd(String t, int at, int limit) {
        char c = t.charAt(at);
        if (c == ',') {
            return at + 1;
        }
        if (!isSpace(c)) {
            return -1;
        }
        for (String word : CLAUSE_WORDS) {
            int after = at + 1 + word.length();
            if (after < limit && t.startsWith(word, at + 1) && isSpace(t.charAt(after))) {
                return after + 1;
            }
        }
        return -1;
    }

    /** Words that matter for crisis rules, to undo leetspeak, "*" and spelled-out letters only where they apply. */
    private static final java.util.Set<String> VOCAB = java.util.Set.of("die", "dying", "dead", "death", "kill",
            "killing", "myself", "suicide", "suicidal", "overdose", "pills", "cut", "cutting", "harm", "self",
            "blade", "razor", "hang", "rope", "jump", "bridge", "end", "life", "drunk", "drink", "high", "relapse",
            "relapsed", "using", "dealer", "heroin", "alive", "gun", "stab", "hurt", "murder", "bleed", "noose",
            "wrists", "cuts", "burn");
    private static final Rewrites ALGOSPEAK = new Rewrites();
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\d@$!|*+€]+");
    static final Pattern SPELLED = Pattern.compile("\\b(?:[a-z][ .\\-_]+){2,}[a-z]\\b");

    static {
        ALGOSPEAK.add("\\bunalive(?:d)? myself\\b|\\bunaliving myself\\b|\\bself[ -]?delet(?:e|ing)\\b"
                + "|\\bkms\\b|\\bctb\\b|\\bcatch the bus\\b(?= *(?:tonight|soon|now|[.!?]|$))", "kill myself");
        ALGOSPEAK.add("\\bunalive\\b", "kill");
        ALGOSPEAK.add("\\bunaliving\\b", "killing");
        ALGOSPEAK.add("\\bsewer[ -]?slide\\b|\\bsu[i1!*]c[i1!*]d[e3*]\\b|\\bs[*]+cide\\b", "suicide");
        ALGOSPEAK.add("\\bs/h\\b|\\bsh\\b(?= (?:again|urges?|thoughts|relapse|scars?))", "self harm");
        ALGOSPEAK.add("\\bkys\\b", "kill yourself");
    }

    /** Undoes leetspeak ("d1e"), "*" ("k*ll"), spelled-out letters ("k i l l") and algospeak ("unalive"). */
    static String deobfuscate(String folded) {
        String t = ALGOSPEAK.apply(folded);
        return joinSpelled(hasLeetCharacter(t) ? readLeet(t) : t);
    }

    /**
     * Whether {@code t} has a digit or one of {@code @$!|*+€}: without one, no word mixes letters with other
     * characters and {@link #readLeet} returns {@code t} unchanged (most messages).
     */
    static boolean hasLeetCharacter(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9' || "@$!|*+€".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Each word that mixes letters with digits or symbols, read as the crisis word it spells ("d1e"), if any. */
    static String readLeet(String t) {
        Matcher word = WORD.matcher(t);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (word.find()) {
            String w = word.group();
            String replacement = null;
            if (w.length() >= 3 && Tokenizer.mixesLettersWithOthers(w)) {
                for (String candidate : leetReadings(w)) {
                    if (VOCAB.contains(candidate)) {
                        replacement = candidate;
                        break;
                    }
                }
            }
            out.append(t, last, word.start()).append(replacement != null ? replacement : w);
            last = word.end();
        }
        out.append(t.substring(last));
        return out.toString();
    }

    private static List<String> leetReadings(String w) {
        String from = "0134578@$!|+€";
        String a = "oieastbasilte";
        String b = "oleastbaslite";
        StringBuilder x = new StringBuilder();
        StringBuilder y = new StringBuilder();
        for (char c : w.toCharArray()) {
            int i = from.indexOf(c);
            x.append(i >= 0 ? a.charAt(i) : c);
            y.append(i >= 0 ? b.charAt(i) : c);
        }
        List<String> out = new ArrayList<>(List.of(x.toString(), y.toString()));
        if (w.indexOf('*') >= 0) {
            for (String v : VOCAB) {
                if (v.length() == w.length()) {
                    boolean ok = true;
                    for (int i = 0; i < v.length() && ok; i++) {
                        char c = x.charAt(i);
                        ok = c == '*' || c == v.charAt(i);
                    }
                    if (ok) {
                        out.add(v);
                    }
                }
            }
        }
        return out;
    }

    /** "k i l l  m y s e l f" and "d.i.e": runs of single letters joined where they spell crisis words. */
    private static String joinSpelled(String t) {
        if (!mayHaveSpelledLetters(t)) {
            return t;
        }
        Matcher run = SPELLED.matcher(t);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (run.find()) {
            String letters = run.group().replaceAll("[^a-z]", "");
            String joined = splitIntoVocab(letters);
            out.append(t, last, run.start()).append(joined != null ? joined : run.group());
            last = run.end();
        }
        out.append(t.substring(last));
        return out.toString();
    }

    /**
     * Whether three single letters a-z stand at a word start separated by runs of {@code " .-_"} ("k i l l"), which
     * every {@link #SPELLED} match begins with; ordinary text ("i felt", "a plan") has none.
     */
    static boolean mayHaveSpelledLetters(String t) {
        for (int at = 0; at < t.length(); at++) {
            if (!isLetter(t.charAt(at)) || at > 0 && Rewrites.isWordChar(t.charAt(at - 1))) {
                continue;
            }
            int second = afterSeparators(t, at + 1);
            if (second == at + 1 || second >= t.length() || !isLetter(t.charAt(second))) {
                continue;
            }
            int third = afterSeparators(t, second + 1);
            if (third > second + 1 && third < t.length() && isLetter(t.charAt(third))) {
                return true;
            }
        }
        return false;
    }

    private static int afterSeparators(String t, int from) {
        int at = from;
        while (at < t.length() && " .-_".indexOf(t.charAt(at)) >= 0) {
            at++;
        }
        return at;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** The letters as a sequence of crisis words ("killmyself" to "kill myself"), or null. */
    private static String splitIntoVocab(String letters) {
        if (letters.isEmpty()) {
            return "";
        }
        for (String v : VOCAB) {
            if (letters.startsWith(v)) {
                String rest = splitIntoVocab(letters.substring(v.length()));
                if (rest != null) {
                    return rest.isEmpty() ? v : v + " " + rest;
                }
            }
        }
        return null;
    }

    private static Sentence sentence(String t, int start, int end) {
        List<Integer> clauses = new ArrayList<>();
        int at = start;
        while (at < end) {
            int breakEnd = clauseBreakEnd(t, at, end);
            if (breakEnd < 0) {
                at++;
            } else {
                clauses.add(at);
                at = breakEnd;
            }
        }
        return new Sentence(start, end, clauses);
    }

    Sentence sentenceAt(int index) {
        for (Sentence s : sentences) {
            if (index >= s.start() && index < s.end()) {
                return s;
            }
        }
        return sentences.isEmpty() ? new Sentence(0, text.length(), List.of())
                : sentences.get(sentences.size() - 1);
    }
}
