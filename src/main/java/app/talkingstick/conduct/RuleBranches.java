package app.talkingstick.conduct;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A cheaper "can this rule match at all?" for rules written as several top-level alternatives. The literal prefilter
 * lets a rule run when any alternative's literal occurs; the whole alternation then tries every alternative at every
 * position of the text. Here each alternative is also its own expression with its own literals, and only those whose
 * literals occur are tried: when none of them finds anything, the rule cannot match. When one does, the rule runs as
 * written, so its matches, and their order, are the rule's own.
 */
final class RuleBranches {

    /** Per rule, the indexes of its alternatives in {@link #branches}; null for a rule of one alternative. */
    private final int[][] byRule;
    private final List<Pattern> branches;
    private final LiteralIndex literals;

    private RuleBranches(int[][] byRule, List<Pattern> branches) {
        this.byRule = byRule;
        this.branches = branches;
        this.literals = LiteralIndex.of(branches);
    }

    /** Over {@code rules} (compiled without flags), in that order. */
    static RuleBranches of(List<Pattern> rules) {
        int[][] byRule = new int[rules.size()][];
        List<Pattern> branches = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            List<String> alternatives = rules.get(r).flags() == 0
                    ? RegexLiterals.topLevelBranches(rules.get(r).pattern()) : List.of();
            if (alternatives.size() < 2) {
                continue;
            }
            byRule[r] = new int[alternatives.size()];
            for (int b = 0; b < alternatives.size(); b++) {
                byRule[r][b] = branches.size();
                branches.add(Pattern.compile(alternatives.get(b)));
            }
        }
        return new RuleBranches(byRule, List.copyOf(branches));
    }

    /** The check for one text; the text is scanned for the alternatives' literals once, when first needed. */
    Text on(String text) {
        return new Text(text);
    }

    final class Text {
        private final String text;
        private LiteralIndex.Candidates candidates;

        private Text(String text) {
            this.text = text;
        }

        /** False only when rule {@code rule} cannot match this text; true for a rule of one alternative. */
        boolean mayMatch(int rule) {
            int[] mine = byRule[rule];
            if (mine == null) {
                return true;
            }
            if (candidates == null) {
                candidates = literals.scan(text);
            }
            for (int branch : mine) {
                if (candidates.mayMatch(branch) && branches.get(branch).matcher(text).find()) {
                    return true;
                }
            }
            return false;
        }
    }
}
