package app.talkingstick.conduct;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The literal strings a regular expression cannot match without: {@link #required} returns a set such that every
 * match of the expression contains at least one of them, or null when no such set is known. "{@code \bi (?:just
 * )?want to (?:die|disappear)\b}" gives {"i want to die", "i want to disappear", "i just want to die", "i just want
 * to disappear"}; a text containing none of these cannot match, so the expression need not run on it.
 *
 * <p>Understands the subset of {@link java.util.regex.Pattern} syntax the conduct rules use: literals, escapes,
 * character classes, groups (capturing, non-capturing, named, lookaround), alternation and quantifiers. Anything it
 * does not understand (inline flags, back references, quoting) makes the answer null, which is always safe: the
 * expression then runs on every text. Patterns compiled with flags (case-insensitive) must not be analysed.
 */
final class RegexLiterals {

    private static final Info DIGITS = new Info(Set.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            Set.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));

    /** More alternatives than this are not multiplied out: the shorter factors are kept instead. */
    private static final int MAX_SET = 256;

    private final String regex;
    private int pos;

    private RegexLiterals(String regex) {
        this.regex = regex;
    }

    /** A set of literals one of which every match contains, or null when unknown (the pattern must always run). */
    static Set<String> required(String regex) {
        try {
            RegexLiterals parser = new RegexLiterals(regex);
            Info info = parser.alternation();
            if (parser.pos != regex.length()) {
                return null;
            }
            Set<String> best = info.best();
            return best == null || best.contains("") ? null : best;
        } catch (Unsupported e) {
            return null;
        }
    }

    /**
     * The expression's top-level alternatives as expressions of their own ({@code "a|b(c|d)"} gives {@code "a"} and
     * {@code "b(c|d)"}): the expression matches somewhere in a text exactly when one of them does. An expression this
     * class does not understand, or of one alternative, is returned whole.
     */
    static List<String> topLevelBranches(String regex) {
        try {
            RegexLiterals parser = new RegexLiterals(regex);
            List<String> branches = new ArrayList<>();
            int start = 0;
            parser.sequence();
            while (parser.pos < regex.length() && regex.charAt(parser.pos) == '|') {
                branches.add(regex.substring(start, parser.pos));
                start = ++parser.pos;
                parser.sequence();
            }
            if (parser.pos != regex.length()) {
                return List.of(regex);
            }
            branches.add(regex.substring(start));
            return List.copyOf(branches);
        } catch (Unsupported e) {
            return List.of(regex);
        }
    }

    /**
     * What is known of a sub-expression: {@code exact} is every string it can match (null when not a small finite
     * set); {@code factor} is a set one of which every match contains (null when unknown); {@code repeated}, for a
     * repetition X+ or X{n,} of an atom with finitely many strings, those strings: every match starts and ends with
     * one of them, so they join what comes before and after ("\\d+(?:st|nd)" contains "1st" or "2nd" ..., not just
     * "st" or "nd").
     */
    private record Info(Set<String> exact, Set<String> factor, Set<String> repeated) {
        static final Info UNKNOWN = new Info(null, null);

        Info(Set<String> exact, Set<String> factor) {
            this(exact, factor, null);
        }

        static final Info EMPTY = new Info(Set.of(""), null);

        Set<String> best() {
            return better(exact, factor);
        }
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private Info alternation() {
        List<Info> branches = new ArrayList<>();
        branches.add(sequence());
        while (pos < regex.length() && regex.charAt(pos) == '|') {
            pos++;
            branches.add(sequence());
        }
        if (branches.size() == 1) {
            return branches.get(0);
        }
        Set<String> exact = new LinkedHashSet<>();
        Set<String> factor = new LinkedHashSet<>();
        for (Info branch : branches) {
            if (exact != null && branch.exact() != null && exact.size() + branch.exact().size() <= MAX_SET) {
                exact.addAll(branch.exact());
            } else {
                exact = null;
            }
            Set<String> best = branch.best();
            if (factor != null && best != null && !best.contains("")) {
                factor.addAll(best);
            } else {
                factor = null;
            }
        }
        return new Info(exact, factor);
    }

    /** A concatenation: multiplies out runs of finitely many strings, and keeps the most selective factor seen. */
    private Info sequence() {
        Set<String> run = Set.of("");
        Set<String> factor = null;
        boolean broken = false;
        while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
            Info item = quantified(atom());
            if (item.exact() != null && run != null && run.size() * item.exact().size() <= MAX_SET) {
                run = product(run, item.exact());
                continue;
            }
            if (item.repeated() != null && run != null && run.size() * item.repeated().size() <= MAX_SET) {
                run = product(run, item.repeated());
            }
            factor = better(factor, better(run, item.factor()));
            run = item.exact() != null ? item.exact() : item.repeated();
            broken = true;
        }
        factor = better(factor, run);
        return new Info(broken ? null : run, factor);
    }

    private Info quantified(Info atom) {
        if (pos >= regex.length()) {
            return atom;
        }
        char c = regex.charAt(pos);
        int min;
        int max;
        if (c == '?') {
            min = 0;
            max = 1;
            pos++;
        } else if (c == '*') {
            min = 0;
            max = Integer.MAX_VALUE;
            pos++;
        } else if (c == '+') {
            min = 1;
            max = Integer.MAX_VALUE;
            pos++;
        } else if (c == '{') {
            int close = regex.indexOf('}', pos);
            if (close < 0) {
                throw new Unsupported();
            }
            String[] bounds = regex.substring(pos + 1, close).split(",", -1);
            min = Integer.parseInt(bounds[0].trim());
            max = bounds.length == 1 ? min : bounds[1].isBlank() ? Integer.MAX_VALUE : Integer.parseInt(bounds[1].trim());
            pos = close + 1;
        } else {
            return atom;
        }
        if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
            pos++;
        }
        if (min == 0 && max == 1 && atom.exact() != null) {
            Set<String> optional = new LinkedHashSet<>(atom.exact());
            optional.add("");
            return new Info(optional, null);
        }
        if (min == 0) {
            return Info.UNKNOWN;
        }
        if (min == 1 && max == 1) {
            return atom;
        }
        return new Info(null, atom.best(), atom.exact());
    }

    private Info atom() {
        char c = regex.charAt(pos++);
        switch (c) {
            case '(':
                return group();
            case '[':
                return characterClass();
            case '.':
                return Info.UNKNOWN;
            case '^':
            case '$':
                return Info.EMPTY;
            case '\\':
                return escape();
            case '*':
            case '+':
            case '?':
            case '{':
                throw new Unsupported();
            default:
                return literal(c);
        }
    }

    private Info group() {
        boolean zeroWidth = false;
        if (regex.startsWith("?:", pos)) {
            pos += 2;
        } else if (regex.startsWith("?=", pos) || regex.startsWith("?!", pos)) {
            pos += 2;
            zeroWidth = true;
        } else if (regex.startsWith("?<=", pos) || regex.startsWith("?<!", pos)) {
            pos += 3;
            zeroWidth = true;
        } else if (regex.startsWith("?<", pos)) {
            int close = regex.indexOf('>', pos);
            if (close < 0) {
                throw new Unsupported();
            }
            pos = close + 1;
        } else if (pos < regex.length() && regex.charAt(pos) == '?') {
            throw new Unsupported();
        }
        Info inner = alternation();
        if (pos >= regex.length() || regex.charAt(pos) != ')') {
            throw new Unsupported();
        }
        pos++;
        return zeroWidth ? Info.EMPTY : inner;
    }

    private Info escape() {
        if (pos >= regex.length()) {
            throw new Unsupported();
        }
        char c = regex.charAt(pos++);
        switch (c) {
            case 'b':
            case 'B':
            case 'A':
            case 'z':
            case 'Z':
            case 'G':
                return Info.EMPTY;
            case 'd':
                return DIGITS;
            case 'w':
            case 'W':
            case 'D':
            case 's':
            case 'S':
            case 'h':
            case 'H':
            case 'v':
            case 'V':
            case 'R':
            case 'X':
                return Info.UNKNOWN;
            case 'p':
            case 'P':
                if (pos < regex.length() && regex.charAt(pos) == '{') {
                    pos = regex.indexOf('}', pos) + 1;
                    if (pos == 0) {
                        throw new Unsupported();
                    }
                } else {
                    pos++;
                }
                return Info.UNKNOWN;
            case 'n':
                return literal('\n');
            case 't':
                return literal('\t');
            default:
                if (Character.isLetterOrDigit(c)) {
                    throw new Unsupported();
                }
                return literal(c);
        }
    }

    /** A class of a few plain characters ("['’]") is a small set of strings; any other class is unknown. */
    private Info characterClass() {
        int start = pos;
        boolean plain = pos < regex.length() && regex.charAt(pos) != '^' && regex.charAt(pos) != ']';
        Set<String> chars = new LinkedHashSet<>();
        int depth = 1;
        while (pos < regex.length() && depth > 0) {
            char c = regex.charAt(pos++);
            if (c == '\\') {
                plain = false;
                pos++;
            } else if (c == '[' || c == '&') {
                plain = false;
                depth += c == '[' ? 1 : 0;
            } else if (c == ']' && pos - 1 > start) {
                depth--;
            } else if (c == '-' && pos - 1 > start && pos < regex.length() && regex.charAt(pos) != ']') {
                plain = false;
            } else {
                chars.add(String.valueOf(c));
            }
        }
        if (depth > 0) {
            throw new Unsupported();
        }
        return plain && chars.size() <= 8 ? new Info(chars, chars) : Info.UNKNOWN;
    }

    private static Info literal(char c) {
        Set<String> one = Set.of(String.valueOf(c));
        return new Info(one, one);
    }

    private static Set<String> product(Set<String> left, Set<String> right) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : left) {
            for (String b : right) {
                out.add(a + b);
            }
        }
        return out;
    }

    /** The more selective of two factor sets: the one whose shortest string is longest, then the smaller one. */
    private static Set<String> better(Set<String> a, Set<String> b) {
        if (a == null || a.contains("")) {
            return b == null || b.contains("") ? null : b;
        }
        if (b == null || b.contains("")) {
            return a;
        }
        int rarestA = leastTelling(a);
        int rarestB = leastTelling(b);
        if (rarestA != rarestB) {
            return rarestA > rarestB ? a : b;
        }
        int shortestA = shortest(a);
        int shortestB = shortest(b);
        if (shortestA != shortestB) {
            return shortestA > shortestB ? a : b;
        }
        return a.size() <= b.size() ? a : b;
    }

    private static int shortest(Set<String> set) {
        int min = Integer.MAX_VALUE;
        for (String s : set) {
            min = Math.min(min, s.length());
        }
        return min;
    }

    /**
     * Words nearly every message contains: a literal made only of them ("and ", "with my") lets its expression run
     * on almost every text, so a set of rarer words is preferred even when it is shorter ("gin", "rum").
     */
    private static final Set<String> COMMON_WORDS = Set.of("a", "an", "the", "and", "or", "but", "so", "if", "to",
            "of", "in", "on", "at", "for", "with", "by", "from", "up", "out", "as", "it", "is", "was", "be", "am",
            "are", "i", "me", "my", "you", "we", "he", "she", "they", "this", "that", "all", "just", "not", "no",
            "do", "have", "had", "has", "can", "will", "would", "what", "when", "then", "there", "about", "like");

    /** The smallest {@link #telling} length in the set. */
    private static int leastTelling(Set<String> set) {
        int min = Integer.MAX_VALUE;
        for (String s : set) {
            min = Math.min(min, telling(s));
        }
        return min;
    }

    /** The literal's length without its common words and separators: how rarely a text is likely to contain it. */
    static int telling(String literal) {
        int length = 0;
        for (String word : literal.split("[^\\p{L}\\p{N}]+")) {
            if (!COMMON_WORDS.contains(word)) {
                length += word.length();
            }
        }
        return length;
    }
}
