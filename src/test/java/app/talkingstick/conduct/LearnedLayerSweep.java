package app.talkingstick.conduct;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Not a test: how the learned layer's gate and threshold trade crisis catches for false alarms, on the sets it may be
 * tuned on (dev, fresh, the phrasing tests; never held-out or unseen). For each set it prints what the rules alone
 * catch, then, per threshold, what the classifier adds on the lines the rules leave, behind three gates: a rule or
 * concept of the classifier's category matched ("same"), that or the category's topic words ("topic", the one in
 * use), or no gate ("none"); lines with a discounted rule match are always left out. Run with
 * {@code java -cp target/classes:target/test-classes app.talkingstick.conduct.LearnedLayerSweep}; {@code -Dmembers=}
 * and {@code -Dseed=} train with other settings than the bundled classifier's.
 */
public final class LearnedLayerSweep {

    private static final double[] THRESHOLDS = {0.8, 0.9, 0.95, 0.98, 0.99};

    private LearnedLayerSweep() {
    }

    public static void main(String[] args) throws Exception {
        CrisisClassifier.Training bundled = CrisisClassifier.TRAINING;
        CrisisClassifier.Training training = new CrisisClassifier.Training(bundled.epochs(), bundled.rate(),
                bundled.l2(), Long.getLong("seed", bundled.seed()), Integer.getInteger("members", bundled.members()));
        CrisisClassifier model = CrisisClassifier.train(CrisisClassifier.load(CrisisClassifier.RESOURCE), training);
        System.out.println(training + ", in use: threshold " + CrisisDetector.MODEL_THRESHOLD + ", gate topic");
        System.out.printf("%-12s %-7s %-9s", "set", "lines", "rules");
        for (double t : THRESHOLDS) {
            System.out.printf(" | %-4s same/topic/none", t);
        }
        System.out.println();
        List<ConductCorpusTest.Line> phrasing = new ArrayList<>();
        CrisisPhrasingTest.crisis().forEach(s -> phrasing.add(new ConductCorpusTest.Line("crisis-any", s)));
        CrisisPhrasingTest.benign().forEach(s -> phrasing.add(new ConductCorpusTest.Line("benign", s)));
        report("dev", ConductCorpusTest.load("conduct/dev.tsv"), model);
        report("fresh", ConductCorpusTest.load("conduct/fresh.tsv"), model);
        report("phrasing", phrasing, model);
    }

    private static void report(String name, List<ConductCorpusTest.Line> lines, CrisisClassifier model) {
        report(name, "crisis", lines.stream().filter(l -> l.label().startsWith("crisis")).toList(), model);
        report(name, "benign", lines.stream().filter(l -> l.label().equals("benign")).toList(), model);
    }

    private static void report(String name, String kind, List<ConductCorpusTest.Line> lines, CrisisClassifier model) {
        CrisisDetector detector = CrisisDetector.defaults();
        int byRules = 0;
        int[][] added = new int[THRESHOLDS.length][3];
        for (ConductCorpusTest.Line line : lines) {
            if (detector.detectByRules(line.text()).isPresent()) {
                byRules++;
                continue;
            }
            List<CrisisDetector.Hit> hits = detector.explain(line.text());
            if (hits.stream().anyMatch(h -> !h.counts())) {
                continue;
            }
            CrisisClassifier.Prediction p = model.predict(line.text());
            Predicate<CrisisDetector.Hit> sameKind = h -> h.rule().category() == p.category();
            boolean same = hits.stream().anyMatch(sameKind);
            boolean topic = same || CrisisRules.TOPICS.get(p.category()).matcher(CrisisText.of(line.text()).text).find();
            for (int i = 0; i < THRESHOLDS.length; i++) {
                if (p.crisisProbability() >= THRESHOLDS[i]) {
                    added[i][0] += same ? 1 : 0;
                    added[i][1] += topic ? 1 : 0;
                    added[i][2]++;
                }
            }
        }
        System.out.printf("%-12s %-7s %4d/%-4d", name, kind, byRules, lines.size());
        for (int[] a : added) {
            System.out.printf(" |  +%-3d +%-3d +%-3d       ", a[0], a[1], a[2]);
        }
        System.out.println();
    }
}
