package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Measures the policy and the crisis detector on the labelled corpus in {@code src/test/resources/conduct/}:
 * {@code dev.tsv} (used for tuning) and {@code heldout.tsv} (never read by a person tuning the rules: this test is
 * the only reader, and it prints only aggregate figures for it). Each line runs through the GROUP policy with a fresh
 * member state and through the detector.
 *
 * <p>Fails, computed over dev and held-out together, below crisis recall 0.95 or abuse recall 0.85, or above 3%
 * benign messages interfered with (the issue's thresholds). Measured on this version: crisis recall 0.962 combined
 * (128 of 133), 0.906 held-out (48 of 53), benign interfered 2.1% (6 of 282), abuse recall 0.946 (see
 * docs/conduct.md). The crisis margin is one line: a change that loses one more crisis line fails here. The
 * held-out figures are printed separately.
 */
class ConductCorpusTest {

    private static final double MIN_CRISIS_RECALL = 0.95;
    private static final double MIN_ABUSE_RECALL = 0.85;
    private static final double MAX_BENIGN_INTERFERED = 0.03;
    private static final int MIN_LINES = 400;
    private static final Instant NOW = Instant.parse("2025-03-01T18:00:00Z");

    record Line(String label, String text) {
    }

    record Outcome(Line line, Verdict verdict, Optional<CrisisSignal> crisis) {
        boolean crisisLabel() {
            return line.label().startsWith("crisis-");
        }
    }

    private static final Map<String, CrisisSignal.Category> KINDS = Map.of(
            "crisis-suicide", CrisisSignal.Category.SUICIDE,
            "crisis-selfharm", CrisisSignal.Category.SELF_HARM,
            "crisis-harm-others", CrisisSignal.Category.HARM_TO_OTHERS,
            "crisis-overdose", CrisisSignal.Category.OVERDOSE,
            "crisis-relapse", CrisisSignal.Category.RELAPSE);

    @Test
    void meetsTheTargetsOnDevAndHeldOutTogether() throws IOException {
        List<Line> dev = load("conduct/dev.tsv");
        List<Line> heldout = load("conduct/heldout.tsv");
        assertTrue(dev.size() + heldout.size() >= MIN_LINES, "the corpus needs at least " + MIN_LINES
                + " labelled lines in dev.tsv and heldout.tsv together, found " + (dev.size() + heldout.size()));

        ConductPolicy policy = ConductPolicy.defaults();
        CrisisDetector detector = CrisisDetector.defaults();
        List<Outcome> devOut = run(dev, policy, detector);
        List<Outcome> heldOut = run(heldout, policy, detector);
        List<Outcome> all = new ArrayList<>(devOut);
        all.addAll(heldOut);

        Map<String, Metrics> table = new LinkedHashMap<>();
        table.put("dev", Metrics.of(devOut));
        table.put("held-out", Metrics.of(heldOut));
        table.put("combined", Metrics.of(all));
        System.out.println(render(table));
        System.out.println(misses(devOut));

        Metrics combined = table.get("combined");
        assertTrue(combined.crisisRecall() >= MIN_CRISIS_RECALL,
                "crisis recall " + pct(combined.crisisRecall()) + " is below " + pct(MIN_CRISIS_RECALL));
        assertTrue(combined.abuseRecall() >= MIN_ABUSE_RECALL,
                "abuse recall " + pct(combined.abuseRecall()) + " is below " + pct(MIN_ABUSE_RECALL));
        assertTrue(combined.benignInterferedRate() <= MAX_BENIGN_INTERFERED,
                "benign interfered " + pct(combined.benignInterferedRate()) + " is above " + pct(MAX_BENIGN_INTERFERED));
    }

    static List<Outcome> run(List<Line> lines, ConductPolicy policy, CrisisDetector detector) {
        List<Outcome> out = new ArrayList<>();
        for (Line line : lines) {
            ConductDecision decision = policy.evaluate(ChannelKind.GROUP, line.text(), policy.newMember(NOW), NOW,
                    Set.of());
            out.add(new Outcome(line, decision.verdict(), detector.detect(line.text())));
        }
        return out;
    }

    static List<Line> load(String resource) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = ConductCorpusTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "corpus file missing: src/test/resources/" + resource);
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            boolean header = true;
            for (String raw : content.split("\r?\n")) {
                if (raw.isBlank() || raw.startsWith("#")) {
                    continue;
                }
                if (header && raw.startsWith("label\t")) {
                    header = false;
                    continue;
                }
                header = false;
                int tab = raw.indexOf('\t');
                assertTrue(tab > 0, "corpus line without a tab in " + resource);
                lines.add(new Line(raw.substring(0, tab).trim(), raw.substring(tab + 1)));
            }
        }
        return lines;
    }

    /** Precision and recall per category for one set of outcomes. */
    record Metrics(int lines, Map<String, int[]> counts, int benign, int benignInterfered) {

        /** counts: label -> {true positives, false negatives, false positives}. */
        static Metrics of(List<Outcome> outcomes) {
            Map<String, int[]> counts = new LinkedHashMap<>();
            for (String key : List.of("crisis", "crisis-suicide", "crisis-selfharm", "crisis-harm-others",
                    "crisis-overdose", "crisis-relapse", "abuse", "pii")) {
                counts.put(key, new int[3]);
            }
            int benign = 0;
            int interfered = 0;
            for (Outcome o : outcomes) {
                String label = o.line().label();
                boolean signal = o.crisis().isPresent();
                tally(counts.get("crisis"), o.crisisLabel(), signal);
                for (Map.Entry<String, CrisisSignal.Category> kind : KINDS.entrySet()) {
                    boolean predicted = signal && o.crisis().get().category() == kind.getValue();
                    tally(counts.get(kind.getKey()), label.equals(kind.getKey()), predicted);
                }
                Verdict.Action action = o.verdict().action();
                tally(counts.get("abuse"), label.equals("abuse"),
                        action == Verdict.Action.BLOCK || action == Verdict.Action.HOLD);
                tally(counts.get("pii"), label.equals("pii"), action == Verdict.Action.MASK);
                if (label.equals("benign")) {
                    benign++;
                    if (action != Verdict.Action.ALLOW || signal || o.verdict().crisis().isPresent()) {
                        interfered++;
                    }
                }
            }
            return new Metrics(outcomes.size(), counts, benign, interfered);
        }

        private static void tally(int[] c, boolean actual, boolean predicted) {
            if (actual && predicted) {
                c[0]++;
            } else if (actual) {
                c[1]++;
            } else if (predicted) {
                c[2]++;
            }
        }

        double recall(String key) {
            int[] c = counts.get(key);
            return c[0] + c[1] == 0 ? Double.NaN : (double) c[0] / (c[0] + c[1]);
        }

        double precision(String key) {
            int[] c = counts.get(key);
            return c[0] + c[2] == 0 ? Double.NaN : (double) c[0] / (c[0] + c[2]);
        }

        int support(String key) {
            int[] c = counts.get(key);
            return c[0] + c[1];
        }

        double crisisRecall() {
            return recall("crisis");
        }

        double abuseRecall() {
            return recall("abuse");
        }

        double benignInterferedRate() {
            return benign == 0 ? 0 : (double) benignInterfered / benign;
        }
    }

    static String render(Map<String, Metrics> table) {
        StringBuilder b = new StringBuilder("\nConduct corpus results (precision / recall, support in brackets)\n");
        b.append(String.format(Locale.ROOT, "%-20s", "category"));
        for (String split : table.keySet()) {
            b.append(String.format(Locale.ROOT, "%-28s", split));
        }
        b.append('\n');
        Metrics any = table.values().iterator().next();
        for (String key : any.counts().keySet()) {
            b.append(String.format(Locale.ROOT, "%-20s", key));
            for (Metrics m : table.values()) {
                b.append(String.format(Locale.ROOT, "%-28s", pct(m.precision(key)) + " / " + pct(m.recall(key))
                        + " (" + m.support(key) + ")"));
            }
            b.append('\n');
        }
        b.append(String.format(Locale.ROOT, "%-20s", "benign interfered"));
        for (Metrics m : table.values()) {
            b.append(String.format(Locale.ROOT, "%-28s", pct(m.benignInterferedRate()) + " (" + m.benignInterfered()
                    + " of " + m.benign() + ")"));
        }
        b.append('\n');
        b.append(String.format(Locale.ROOT, "%-20s", "lines"));
        for (Metrics m : table.values()) {
            b.append(String.format(Locale.ROOT, "%-28s", m.lines()));
        }
        return b.append('\n').toString();
    }

    /** Dev lines only: what was missed or interfered with, for tuning. Held-out text is never printed. */
    static String misses(List<Outcome> dev) {
        StringBuilder b = new StringBuilder("Dev lines not handled as labelled:\n");
        for (Outcome o : dev) {
            String label = o.line().label();
            String got = o.verdict().action() + o.crisis().map(c -> " " + c.category() + "/" + c.severity() + " "
                    + c.label()).orElse("") + (o.verdict().reasonId().isEmpty() ? "" : " [" + o.verdict().reasonId()
                    + "]");
            boolean wrong;
            if (o.crisisLabel()) {
                wrong = o.crisis().isEmpty() || o.crisis().get().category() != KINDS.get(label);
            } else if (label.equals("abuse")) {
                wrong = o.verdict().action() != Verdict.Action.BLOCK && o.verdict().action() != Verdict.Action.HOLD;
            } else if (label.equals("pii")) {
                wrong = o.verdict().action() != Verdict.Action.MASK;
            } else {
                wrong = o.verdict().action() != Verdict.Action.ALLOW || o.crisis().isPresent();
            }
            if (wrong) {
                b.append("  ").append(label).append(" -> ").append(got).append(" : ").append(o.line().text())
                        .append('\n');
            }
        }
        return b.toString();
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }
}
