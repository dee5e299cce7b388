package app.talkingstick.conduct;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells, in one pass over a text, which of many regular expressions can possibly match it: each expression's
 * {@link RegexLiterals required literals} go into one Aho-Corasick automaton, and an expression is worth running only
 * when one of its literals occurs in the text. Expressions without known literals are always worth running. The
 * answer never excludes an expression that would match, so filtering with it changes no result, only the cost.
 * Immutable and thread-safe once built.
 */
final class LiteralIndex {

    /** Which expressions may match one text: {@code mayMatch(i)} for the i-th expression given to the index. */
    final class Candidates {
        private final boolean[] possible;

        private Candidates(boolean[] possible) {
            this.possible = possible;
        }

        boolean mayMatch(int expression) {
            return possible[expression];
        }

        /** Whether {@code pattern}, one of the index's, may match; a pattern not in the index always may. */
        boolean mayMatch(Pattern pattern) {
            Integer i = positions.get(pattern);
            return i == null || possible[i];
        }
    }

    private final Map<Pattern, Integer> positions;
    private final boolean[] alwaysRun;
    private final int[] alphabet;
    private final int symbols;
    private final int[] next;
    /** Expressions whose literal ends at a state, and the nearest state down the failure chain with any. */
    private final int[][] ending;
    private final int[] outputLink;

    private LiteralIndex(List<Pattern> patterns, boolean[] alwaysRun, Trie trie) {
        this.positions = new IdentityHashMap<>();
        for (int i = 0; i < patterns.size(); i++) {
            positions.putIfAbsent(patterns.get(i), i);
        }
        this.alwaysRun = alwaysRun;
        this.alphabet = trie.alphabet;
        this.symbols = trie.symbols;
        this.next = trie.next;
        this.ending = trie.ending;
        this.outputLink = trie.outputLink;
    }

    /** An index over {@code patterns} (compiled without flags), in that order. */
    static LiteralIndex of(List<Pattern> patterns) {
        boolean[] always = new boolean[patterns.size()];
        List<Set<String>> literals = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            Pattern p = patterns.get(i);
            Set<String> required = p.flags() == 0 ? RegexLiterals.required(p.pattern()) : null;
            always[i] = required == null;
            literals.add(required == null ? Set.of() : required);
        }
        return new LiteralIndex(patterns, always, Trie.build(literals));
    }

    /** How many expressions run on every text because no literal is known for them. */
    int unfiltered() {
        int n = 0;
        for (boolean always : alwaysRun) {
            n += always ? 1 : 0;
        }
        return n;
    }

    /** The expressions that may match {@code text}. */
    Candidates scan(CharSequence text) {
        boolean[] possible = alwaysRun.clone();
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int symbol = c < alphabet.length ? alphabet[c] : 0;
            state = next[state * symbols + symbol];
            for (int s = ending[state] != null ? state : outputLink[state]; s > 0; s = outputLink[s]) {
                for (int expression : ending[s]) {
                    possible[expression] = true;
                }
            }
        }
        return new Candidates(possible);
    }

    /** The automaton as dense transition tables over the characters the literals use (any other character is 0). */
    private static final class Trie {
        int[] alphabet;
        int symbols;
        int[] next;
        int[][] ending;
        int[] outputLink;

        static Trie build(List<Set<String>> literals) {
            Trie t = new Trie();
            t.alphabet = alphabetOf(literals);
            t.symbols = 1;
            for (int symbol : t.alphabet) {
                t.symbols = Math.max(t.symbols, symbol + 1);
            }
            List<int[]> children = new ArrayList<>();
            List<List<Integer>> ends = new ArrayList<>();
            children.add(new int[t.symbols]);
            ends.add(null);
            for (int expression = 0; expression < literals.size(); expression++) {
                for (String literal : literals.get(expression)) {
                    int state = 0;
                    for (int i = 0; i < literal.length(); i++) {
                        int symbol = t.alphabet[literal.charAt(i)];
                        if (children.get(state)[symbol] == 0) {
                            children.get(state)[symbol] = children.size();
                            children.add(new int[t.symbols]);
                            ends.add(null);
                        }
                        state = children.get(state)[symbol];
                    }
                    if (ends.get(state) == null) {
                        ends.set(state, new ArrayList<>());
                    }
                    if (!ends.get(state).contains(expression)) {
                        ends.get(state).add(expression);
                    }
                }
            }
            t.link(children, ends);
            return t;
        }

        /** Breadth-first failure links, folded into a complete transition table. */
        private void link(List<int[]> children, List<List<Integer>> ends) {
            int states = children.size();
            next = new int[states * symbols];
            ending = new int[states][];
            outputLink = new int[states];
            int[] fail = new int[states];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int symbol = 1; symbol < symbols; symbol++) {
                int child = children.get(0)[symbol];
                next[symbol] = child;
                if (child != 0) {
                    queue.add(child);
                }
            }
            while (!queue.isEmpty()) {
                int state = queue.poll();
                List<Integer> own = ends.get(state);
                ending[state] = own == null ? null : own.stream().mapToInt(Integer::intValue).toArray();
                int f = fail[state];
                outputLink[state] = ending[f] != null ? f : outputLink[f];
                for (int symbol = 1; symbol < symbols; symbol++) {
                    int child = children.get(state)[symbol];
                    if (child != 0) {
                        fail[child] = next[f * symbols + symbol];
                        next[state * symbols + symbol] = child;
                        queue.add(child);
                    } else {
                        next[state * symbols + symbol] = next[f * symbols + symbol];
                    }
                }
            }
        }

        private static int[] alphabetOf(List<Set<String>> literals) {
            char max = 0;
            Map<Character, Integer> symbols = new HashMap<>();
            for (Set<String> set : literals) {
                for (String literal : set) {
                    for (int i = 0; i < literal.length(); i++) {
                        char c = literal.charAt(i);
                        symbols.putIfAbsent(c, symbols.size() + 1);
                        max = (char) Math.max(max, c);
                    }
                }
            }
            int[] alphabet = new int[max + 1];
            symbols.forEach((c, symbol) -> alphabet[c] = symbol);
            return alphabet;
        }
    }
}
