package app.talkingstick.conduct;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ordered list of regular-expression replacements applied one after the other, each only when a {@link LiteralIndex}
 * (and, for a pattern whose literals say little, a cheap test of its own) says it can match: most texts need few of
 * them. After a replacement changes the text the remaining ones are checked again on the new text, so the result is
 * exactly that of applying every replacement in order.
 */
final class Rewrites {

    /** A pattern that is one word between word boundaries ({@code \bu\b}): its literal alone is in too many texts. */
    private static final Pattern ONE_WORD = Pattern.compile("\\\\b([a-z]+)\\\\b");

    private final List<Pattern> patterns = new ArrayList<>();
    private final List<String> replacements = new ArrayList<>();
    private final List<Predicate<String>> preconditions = new ArrayList<>();
    private LiteralIndex index;

    /** Adds {@code regex} replaced by {@code replacement} (with {@code $1} group references) after those before. */
    Rewrites add(String regex, String replacement) {
        Matcher word = ONE_WORD.matcher(regex);
        if (word.matches()) {
            String w = word.group(1);
            return add(regex, replacement, text -> containsWord(text, w));
        }
        return add(regex, replacement, text -> true);
    }

    /**
     * Whether {@code word} occurs in {@code text} with no ASCII letter, digit or '_' on either side: false only where
     * {@code \bword\b} cannot match (whether the JDK's {@code \b} reads letters as ASCII or as Unicode).
     */
    static boolean containsWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !isWordChar(text.charAt(at - 1))) && (end == text.length() || !isWordChar(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** Java's {@code \w} without UNICODE_CHARACTER_CLASS. */
    static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /**
     * Like {@link #add(String, String)}, for a pattern with no literal to index: {@code mayMatch} is a cheap test
     * that holds for every text the pattern can match in, and the pattern runs only where it holds.
     */
    Rewrites add(String regex, String replacement, Predicate<String> mayMatch) {
        patterns.add(Pattern.compile(regex));
        replacements.add(replacement);
        preconditions.add(mayMatch);
        index = null;
        return this;
    }

    /** {@code text} with every replacement applied in order. */
    String apply(String text) {
        LiteralIndex literals = index();
        LiteralIndex.Candidates candidates = literals.scan(text);
        String t = text;
        for (int i = 0; i < patterns.size(); i++) {
            if (!candidates.mayMatch(i) || !preconditions.get(i).test(t)) {
                continue;
            }
            String replaced = patterns.get(i).matcher(t).replaceAll(replacements.get(i));
            if (!replaced.equals(t)) {
                t = replaced;
                candidates = literals.scan(t);
            }
        }
        return t;
    }

    private LiteralIndex index() {
        LiteralIndex built = index;
        if (built == null) {
            built = LiteralIndex.of(patterns);
            index = built;
        }
        return built;
    }
}
