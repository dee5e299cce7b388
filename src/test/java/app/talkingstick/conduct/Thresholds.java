package app.talkingstick.conduct;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The semantic layer's thresholds, chosen for the whole screening (the rules and the heads together) on
 * every training line as read by heads fitted without its writer ({@link WriterFolds}): the lowest
 * that keep within the benign budgets, so the most crises are found.
 */
record Thresholds(double urgent, double checkIn, double abuse, double notAbuse, double notCrisis, double notCrisisHigh,
                  double quiet, SemanticHeads.AbuseBlend blend) {

  /**
   * Budgets on the out-of-writer readings: the limits less a tenth (benign alerted 5%, benign
   * refused 1%), the urgent tier within half the benign budget, distress within 15% (the issue allows 20%).
   */
  static final double BENIGN_ALERTED = 0.045;
  static final double DISTRESS_ALERTED = 0.15;
  static final double BENIGN_URGENT = 0.025;
  static final double BENIGN_REFUSED = 0.009;
  /**
   * Of the crises the rules find, at most this share may be dropped as surely none by the learned layer
   * when the rules saw only a concern.
   */
  static final double CRISIS_DROPPED = 0.01;
  /** The same, half as many, when the rules saw intent, a plan, means or a time; an imminent crisis is never dropped. */
  static final double HIGH_DROPPED = 0.005;
  /** Of the abuse the lists catch on dev, at most this share may be let through as surely not abuse. */
  static final double ABUSE_LET_THROUGH = 0.03;
  /**
   * What skipping the encoder for texts the word features are sure of may cost: a point of crisis recall,
   * half a point of abuse kept out. At half a point of recall, as first set, the nineteen writers' word
   * features were sure of no crisis in too many crisis texts the heads found (0.6% at P under 0.001),
   * so every text would have paid for the encoder (about 2 ms); at a point, about 70% of everyday chat is
   * settled in microseconds.
   */
  static final double QUIET_RECALL_LOST = 0.01;
  static final double QUIET_ABUSE_LOST = 0.005;
  /** The quiet threshold as last chosen, which choosing the abuse thresholds assumes ({@link #abuseCut}). */
  static final double GLANCE_QUIET = 0.005;

  /**
   * A training line as heads fitted without its writer read it: P(crisis) of the whole layer, P(abuse) of
   * the abuse heads alone, and both of the word features alone (what the glance before the encoders goes by).
   */
  record Scored(LabelledLine line, double crisis, double headsAbuse, double wordsCrisis, double wordsAbuse) {
    /** What each kept line holds: readings kept before are reused only while this stays the same. */
    static final String COLUMNS = "crisis, heads' abuse, words' crisis, words' abuse";

    static Scored of(LabelledLine line, SemanticHeads heads, float[] x) {
      CrisisClassifier.Prediction words = heads.words(line.text());
      double[] p = heads.likelihoods(x, words);
      return new Scored(line, p[0], p[1], words.crisisProbability(), words.abuseProbability());
    }

    /** The readings kept in {@code file} when written for {@code key} and as many lines, else computed and kept. */
    static List<Scored> load(java.nio.file.Path file, String key, List<LabelledLine> lines,
                             java.util.function.Supplier<List<Scored>> compute) {
      try {
        if (java.nio.file.Files.exists(file)) {
          List<String> kept = java.nio.file.Files.readAllLines(file);
          if (kept.size() == lines.size() + 1 && kept.get(0).equals(key)) {
            List<Scored> out = new java.util.ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
              String[] f = kept.get(i + 1).split("\t");
              out.add(new Scored(lines.get(i), Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                  Double.parseDouble(f[3])));
            }
            return out;
          }
        }
        List<Scored> out = compute.get();
        StringBuilder text = new StringBuilder(key).append('\n');
        for (Scored s : out) {
          text.append(s.crisis()).append('\t').append(s.headsAbuse()).append('\t').append(s.wordsCrisis()).append('\t')
              .append(s.wordsAbuse()).append('\n');
        }
        java.nio.file.Files.writeString(file, text);
        return out;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private static String lastReport = "";

  /** The figures of the last choice, on the readings it was made on. */
  static String lastReport() {
    return lastReport;
  }

  static Thresholds choose(List<Scored> scored) {
    List<LabelledLine> dev = scored.stream().map(Scored::line).toList();
    CrisisDetector rules = CrisisDetector.defaults();
    boolean[] rulesCrisis = new boolean[dev.size()];
    boolean[] rulesConcern = new boolean[dev.size()];
    boolean[] rulesHigh = new boolean[dev.size()];
    boolean[] rulesRefuse = new boolean[dev.size()];
    double[] crisis = new double[dev.size()];
    SemanticHeads.AbuseBlend blend = AbuseBlendFit.on(scored);
    double[] abuse = new double[dev.size()];
    double[] wordsCrisis = new double[dev.size()];
    double[] wordsAbuse = new double[dev.size()];
    ConductPolicy policy = ConductPolicy.defaults();
    Instant now = Instant.parse("2026-01-01T12:00:00Z");
    for (int i = 0; i < dev.size(); i++) {
      String text = dev.get(i).text();
      Optional<CrisisSignal> found = rules.detect(text);
      rulesCrisis[i] = found.isPresent();
      rulesConcern[i] = found.map(c -> c.severity() == CrisisSignal.Severity.CONCERN).orElse(false);
      rulesHigh[i] = found.map(c -> c.severity() == CrisisSignal.Severity.HIGH).orElse(false);
      Verdict v = policy.evaluate(ChannelKind.GROUP, text, policy.newMember(now), now, Set.of(), Optional.empty()).verdict();
      rulesRefuse[i] = v.action() == Verdict.Action.BLOCK || v.action() == Verdict.Action.HOLD;
      wordsCrisis[i] = scored.get(i).wordsCrisis();
      wordsAbuse[i] = scored.get(i).wordsAbuse();
      crisis[i] = scored.get(i).crisis();
      abuse[i] = blend.of(scored.get(i).headsAbuse(), wordsAbuse[i]);
    }
    double notCrisis = highest(t -> rate(dev, "crisis", i -> rulesConcern[i] && crisis[i] < t)
        <= CRISIS_DROPPED * rate(dev, "crisis", i -> rulesCrisis[i]));
    double notCrisisHigh = highest(t -> rate(dev, "crisis", i -> rulesHigh[i] && crisis[i] < t)
        <= HIGH_DROPPED * rate(dev, "crisis", i -> rulesCrisis[i]));
    java.util.function.IntPredicate byRules = i -> rulesCrisis[i] && (rulesConcern[i] ? crisis[i] >= notCrisis
        : !rulesHigh[i] || crisis[i] >= notCrisisHigh);
    double checkIn = lowest(t -> rate(dev, "benign", i -> byRules.test(i) || crisis[i] >= t) <= BENIGN_ALERTED
        && rate(dev, "distress", i -> byRules.test(i) || crisis[i] >= t) <= DISTRESS_ALERTED, 0.05);
    double urgent = lowest(t -> rate(dev, "benign", i -> byRules.test(i) || crisis[i] >= t) <= BENIGN_URGENT, checkIn);
    double[] abuseCut = abuseCut(dev, rulesRefuse, wordsAbuse, abuse, crisis, byRules, checkIn);
    double notAbuse = abuseCut[0];
    double abuseAt = abuseCut[1];
    double quiet = quietest(dev, wordsCrisis, wordsAbuse, rulesCrisis, i -> byRules.test(i) || crisis[i] >= checkIn,
        refused(rulesRefuse, abuse, crisis, abuseAt, notAbuse, checkIn));
    Thresholds chosen = new Thresholds(urgent, checkIn, abuseAt, notAbuse, notCrisis, notCrisisHigh, quiet, blend);
    for (int i = 0; i < dev.size(); i++) {
      if (wordsAbuse[i] >= quiet) continue;
      abuse[i] = 0; // the glance settles the abuse: the word features are sure there is none
      if (!rulesCrisis[i] && wordsCrisis[i] < quiet) crisis[i] = 0; // and the crisis too: the encoders never run
    }
    lastReport = report("out-of-writer dev", dev, i -> byRules.test(i) || crisis[i] >= checkIn,
        refused(rulesRefuse, abuse, crisis, abuseAt, notAbuse, checkIn));
    System.out.println(lastReport);
    return chosen;
  }

  /**
   * {@code not-abuse} and {@code abuse} together: of the pairs that keep benign refused within
   * {@link #BENIGN_REFUSED} (and distress within twice that) and let through at most {@link #ABUSE_LET_THROUGH}
   * of the abuse the lists catch, the one that keeps out the most abuse, each {@code not-abuse} with the lowest
   * {@code abuse} that fits. Chosen together because they share one budget: a
   * list match let through as banter frees room to hold more of the abuse the lists miss. The glance's settling
   * (word features sure of no abuse) is taken at its last chosen threshold ({@link #GLANCE_QUIET}), since the
   * quiet threshold is chosen after these.
   */
  private static double[] abuseCut(List<LabelledLine> dev, boolean[] rulesRefuse, double[] wordsAbuse, double[] abuse,
                                   double[] crisis, java.util.function.IntPredicate byRules, double checkIn) {
    int n = dev.size();
    int[] group = new int[n];
    int[] count = new int[GROUPS.size()];
    boolean[] alerted = new boolean[n];
    double[] read = new double[n];
    for (int i = 0; i < n; i++) {
      group[i] = GROUPS.indexOf(dev.get(i).group());
      if (group[i] >= 0) count[group[i]]++;
      alerted[i] = byRules.test(i) || crisis[i] >= checkIn;
      read[i] = wordsAbuse[i] < GLANCE_QUIET ? 0 : abuse[i];
    }
    int listed = 0;
    for (int i = 0; i < n; i++) if (group[i] == 2 && rulesRefuse[i]) listed++;
    double[] best = {0, 0.995};
    int bestKept = -1;
    for (int na = 10; na < 199; na++) {
      double notAbuse = na / 200.0;
      int letThrough = 0;
      for (int i = 0; i < n; i++) if (group[i] == 2 && rulesRefuse[i] && abuse[i] < notAbuse) letThrough++;
      if (letThrough > ABUSE_LET_THROUGH * listed) break;
      for (int at = 10; at < 199; at++) {
        java.util.function.IntPredicate refused = refused(rulesRefuse, read, crisis, at / 200.0, notAbuse, checkIn);
        int[] held = new int[GROUPS.size()];
        int kept = 0;
        for (int i = 0; i < n; i++) {
          if (group[i] < 0) continue;
          boolean out = refused.test(i);
          if (out) held[group[i]]++;
          if (group[i] == 2 && (out || alerted[i])) kept++;
        }
        if (held[0] > BENIGN_REFUSED * count[0] || held[1] > 2 * BENIGN_REFUSED * count[1]) continue;
        if (kept > bestKept) {
          bestKept = kept;
          best = new double[] {notAbuse, at / 200.0};
        }
        break; // the lowest abuse threshold that fits holds the most
      }
    }
    return best;
  }

  /** The groups {@link #abuseCut} counts, by index. */
  private static final List<String> GROUPS = List.of("benign", "distress", "abuse");

  /**
   * The highest word-feature probability under which the glance settles a text's abuse (and, when its crisis
   * probability is under it too, the whole text, without the encoders), losing at most {@link #QUIET_RECALL_LOST}
   * of dev crisis recall and {@link #QUIET_ABUSE_LOST} of abuse kept out.
   */
  private static double quietest(List<LabelledLine> dev, double[] wordsCrisis, double[] wordsAbuse, boolean[] rulesCrisis,
                                 java.util.function.IntPredicate alerted, java.util.function.IntPredicate refused) {
    double recall = rate(dev, "crisis", alerted);
    double kept = rate(dev, "abuse", i -> alerted.test(i) || refused.test(i));
    for (double t = 0.5; t > 0; t -= 0.005) {
      double q = Math.round(t * 1000) / 1000.0;
      java.util.function.IntPredicate abuseSettled = i -> wordsAbuse[i] < q;
      java.util.function.IntPredicate settled = i -> abuseSettled.test(i) && !rulesCrisis[i] && wordsCrisis[i] < q;
      if (recall - rate(dev, "crisis", i -> alerted.test(i) && !settled.test(i)) <= QUIET_RECALL_LOST
          && kept - rate(dev, "abuse", i -> settled.test(i) ? false : alerted.test(i) || refused.test(i) && !abuseSettled.test(i))
              <= QUIET_ABUSE_LOST) {
        return q;
      }
    }
    return 0;
  }

  /** Held or blocked: the lists refuse it and the learned layer does not clear it, or the learned layer holds it. */
  private static java.util.function.IntPredicate refused(boolean[] rulesRefuse, double[] abuse, double[] crisis,
                                                         double abuseAt, double notAbuse, double checkIn) {
    return i -> crisis[i] < checkIn && (rulesRefuse[i] && abuse[i] >= notAbuse || abuse[i] >= abuseAt);
  }

  private static double highest(java.util.function.DoublePredicate ok) {
    for (double t = 0.5; t > 0.0; t -= 0.005) {
      double rounded = Math.round(t * 1000) / 1000.0;
      if (ok.test(rounded)) return rounded;
    }
    return 0;
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

  static String report(String name, List<LabelledLine> lines, java.util.function.IntPredicate alerted,
                       java.util.function.IntPredicate keptOut) {
    return String.format(Locale.ROOT, "%s: crisis recall %.1f%%, benign alerted %.1f%%, distress alerted %.1f%%,"
            + " abuse kept out %.1f%%, benign refused %.1f%%", name,
        100 * rate(lines, "crisis", alerted), 100 * rate(lines, "benign", alerted), 100 * rate(lines, "distress", alerted),
        100 * rate(lines, "abuse", i -> keptOut.test(i) || alerted.test(i)), 100 * rate(lines, "benign", keptOut));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "urgent %.3f, check-in %.3f, abuse %.3f, not-abuse %.3f, not-crisis %.3f,"
        + " not-crisis-high %.3f, quiet %.3f, abuse blend %.3f/%.3f/%.3f", urgent, checkIn, abuse, notAbuse, notCrisis,
        notCrisisHigh, quiet, blend.heads(), blend.words(), blend.bias());
  }
}
