package app.talkingstick.conduct;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The semantic layer's thresholds, chosen on the dev split for the whole screening (the rules and the
 * heads together): the lowest that keep within the benign budgets, so the most crises are found.
 */
record Thresholds(double urgent, double checkIn, double abuse) {

  /** Budgets on dev, kept under the (benign alerted 5%, distress alerted 20%, benign refused 1%). */
  static final double BENIGN_ALERTED = 0.035;
  static final double DISTRESS_ALERTED = 0.14;
  static final double BENIGN_URGENT = 0.012;
  static final double BENIGN_REFUSED = 0.006;

  static Thresholds choose(SemanticHeads heads, float[][] x, List<LabelledLine> dev) {
    CrisisDetector rules = CrisisDetector.defaults();
    boolean[] rulesCrisis = new boolean[dev.size()];
    boolean[] rulesRefuse = new boolean[dev.size()];
    double[] crisis = new double[dev.size()];
    double[] abuse = new double[dev.size()];
    ConductPolicy policy = ConductPolicy.defaults();
    Instant now = Instant.parse("2026-01-01T12:00:00Z");
    for (int i = 0; i < dev.size(); i++) {
      String text = dev.get(i).text();
      rulesCrisis[i] = rules.detect(text).isPresent();
      Verdict v = policy.evaluate(ChannelKind.GROUP, text, policy.newMember(now), now, Set.of(), Optional.empty()).verdict();
      rulesRefuse[i] = v.action() == Verdict.Action.BLOCK || v.action() == Verdict.Action.HOLD;
      SemanticHeads.Reading r = heads.read(x[i]);
      crisis[i] = r.crisis();
      abuse[i] = r.abuse();
    }
    double checkIn = lowest(t -> rate(dev, "benign", i -> rulesCrisis[i] || crisis[i] >= t) <= BENIGN_ALERTED
        && rate(dev, "distress", i -> rulesCrisis[i] || crisis[i] >= t) <= DISTRESS_ALERTED, 0.05);
    double urgent = lowest(t -> rate(dev, "benign", i -> rulesCrisis[i] || crisis[i] >= t) <= BENIGN_URGENT, checkIn);
    double abuseAt = lowest(t -> rate(dev, "benign", i -> rulesRefuse[i] || abuse[i] >= t && crisis[i] < checkIn) <= BENIGN_REFUSED
        && rate(dev, "distress", i -> rulesRefuse[i] || abuse[i] >= t && crisis[i] < checkIn) <= BENIGN_REFUSED * 2, 0.3);
    Thresholds chosen = new Thresholds(urgent, checkIn, abuseAt);
    report("dev", dev, i -> rulesCrisis[i] || crisis[i] >= checkIn, i -> rulesRefuse[i] || abuse[i] >= abuseAt && crisis[i] < checkIn);
    return chosen;
  }

  private static double lowest(java.util.function.DoublePredicate ok, double from) {
    for (double t = from; t < 0.995; t += 0.005) {
      double rounded = Math.round(t * 1000) / 1000.0;
      if (ok.test(rounded)) return rounded;
    }
    return 0.995;
  }

  static double rate(List<LabelledLine> lines, String group, java.util.function.IntPredicate hit) {
    int n = 0;
    int hits = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).group().equals(group)) continue;
      n++;
      if (hit.test(i)) hits++;
    }
    return n == 0 ? 0 : (double) hits / n;
  }

  static void report(String name, List<LabelledLine> lines, java.util.function.IntPredicate alerted,
                     java.util.function.IntPredicate keptOut) {
    System.out.printf(Locale.ROOT, "%s: crisis recall %.1f%%, benign alerted %.1f%%, distress alerted %.1f%%,"
            + " abuse kept out %.1f%%, benign refused %.1f%%%n", name,
        100 * rate(lines, "crisis", alerted), 100 * rate(lines, "benign", alerted), 100 * rate(lines, "distress", alerted),
        100 * rate(lines, "abuse", i -> keptOut.test(i) || alerted.test(i)), 100 * rate(lines, "benign", keptOut));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "urgent %.3f, check-in %.3f, abuse %.3f", urgent, checkIn, abuse);
  }
}
