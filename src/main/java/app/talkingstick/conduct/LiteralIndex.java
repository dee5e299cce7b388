package app.talkingstick.conduct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
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

    /** How much of each literal the automaton holds; see {@link #trimmed}. */
    static final int LITERAL_PREFIX = 10;

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
            literals.add(required == null ? Set.of() : trimmed(required));
        }
        return new LiteralIndex(patterns, always, Trie.build(literals));
    }

    /**
     * Each literal cut to its first {@link #LITERAL_PREFIX} characters. A text holding a literal holds its prefix, so
     * the index still never excludes an expression that would match; it only lets a few more run. Whole literals
     * (some 16,000 of up to 50 characters for the crisis rules) made an automaton of 110,000 states, 18 MB of table
     * that a busy server's cache could not keep, and a scan cost more in cache misses than in steps.
     */
    static Set<String> trimmed(Set<String> literals) {
        Set<String> out = new LinkedHashSet<>();
        for (String literal : literals) {
            out.add(literal.length() <= LITERAL_PREFIX ? literal : literal.substring(0, LITERAL_PREFIX));
        }
        return out;
    }

    /** How many states the automaton has: its table holds one row of ints per state. */
    int states() {
        return next.length / symbols;
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
            int target = next[state * symbols + symbol];
            if (target >= 0) {
                state = target;
                continue;
            }
            state = ~target;
            for (int s = ending[state] != null ? state : outputLink[state]; s > 0; s = outputLink[s]) {
                for (int expression : ending[s]) {
                    possible[expression] = true;
                }
            }
        }
        return new Candidates(possible);
    }

    /**
     * The automaton as dense transition tables over the characters the literals use (any other character is 0).
     * Its states are numbered breadth first, so the shallow ones, where a scan spends most of its steps, share a few
     * cache lines; a transition into a state where some literal ends is stored negated ({@code ~state}), so a step
     * that finds nothing reads one table entry.
     */
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
            int[] rank = breadthFirstRanks(children, t.symbols);
            t.link(renumberedChildren(children, rank), renumbered(ends, rank));
            t.flagOutputs();
            return t;
        }

        /** Each state's position in breadth-first order from the root, children in symbol order. */
        private static int[] breadthFirstRanks(List<int[]> children, int symbols) {
            int[] rank = new int[children.size()];
            int[] queue = new int[children.size()];
            int head = 0;
            int tail = 1;
            while (head < tail) {
                int state = queue[head];
                rank[state] = head++;
                for (int symbol = 1; symbol < symbols; symbol++) {
                    int child = children.get(state)[symbol];
                    if (child != 0) {
                        queue[tail++] = child;
                    }
                }
            }
            return rank;
        }

        private static List<int[]> renumberedChildren(List<int[]> children, int[] rank) {
            int[][] out = new int[children.size()][];
            for (int state = 0; state < children.size(); state++) {
                int[] row = children.get(state).clone();
                for (int symbol = 0; symbol < row.length; symbol++) {
                    row[symbol] = row[symbol] == 0 ? 0 : rank[row[symbol]];
                }
                out[rank[state]] = row;
            }
            return Arrays.asList(out);
        }

        private static <T> List<T> renumbered(List<T> perState, int[] rank) {
            List<T> out = new ArrayList<>(Collections.nCopies(perState.size(), null));
            for (int state = 0; state < perState.size(); state++) {
                out.set(rank[state], perState.get(state));
            }
            return out;
        }

        /**
         * Failure links, folded into a complete transition table. The states are numbered breadth first, so taking
         * them in order reaches each one after its parent and after every shallower state its failure link can be.
         */
        private void link(List<int[]> children, List<List<Integer>> ends) {
            int states = children.size();
            next = new int[states * symbols];
            ending = new int[states][];
            outputLink = new int[states];
            int[] fail = new int[states];
            System.arraycopy(children.get(0), 1, next, 1, symbols - 1);
            for (int state = 1; state < states; state++) {
                List<Integer> own = ends.get(state);
                ending[state] = own == null ? null : own.stream().mapToInt(Integer::intValue).toArray();
                int f = fail[state];
                outputLink[state] = ending[f] != null ? f : outputLink[f];
                for (int symbol = 1; symbol < symbols; symbol++) {
                    int child = children.get(state)[symbol];
                    if (child != 0) {
                        fail[child] = next[f * symbols + symbol];
                        next[state * symbols + symbol] = child;
                    } else {
                        next[state * symbols + symbol] = next[f * symbols + symbol];
                    }
                }
            }
        }

        /** Negates every transition into a state where a literal ends, its own or one down its output links. */
        private void flagOutputs() {
            for (int i = 0; i < next.length; i++) {
                int target = next[i];
                if (ending[target] != null || outputLink[target] > 0) {
                    next[i] = ~target;
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
