package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole screening (rules and learned layer) and the conduct policy on the test split that no tuning
 * ever reads (written by three writers with their own briefs, who wrote no training line), less the few
 * of its texts a training writer also happened to write. Prints its figures beside the out-of-writer
 * dev figures the thresholds were chosen on (recorded in the heads' file); asserts the test split's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SemanticEvaluationTest {

  /** What one line came to. */
  record Outcome(LabelledLine line, Screened screened, Verdict verdict) {
    boolean alerted() {
      return screened.crisis().isPresent();
    }

    boolean urgent() {
      return screened.urgent().isPresent();
    }

    boolean refused() {
      return verdict.action() == Verdict.Action.BLOCK || verdict.action() == Verdict.Action.HOLD;
    }

    boolean keptOut() {
      return refused() || verdict.action() == Verdict.Action.PRIVATE || alerted();
    }
  }

  /** The figures the issue asks for, in per cent. */
  record Figures(double crisisRecall, double urgentRecall, double benignAlerted, double benignUrgent,
                 double distressAlerted, double distressBlocked, double abuseKeptOut, double benignRefused, int lines) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d lines: crisis recall %.1f%% (urgent %.1f%%), benign alerted %.1f%% (urgent"
              + " %.1f%%), distress alerted %.1f%% (blocked %.1f%%), abuse kept out %.1f%%, benign refused %.1f%%", lines,
          crisisRecall, urgentRecall, benignAlerted, benignUrgent, distressAlerted, distressBlocked, abuseKeptOut,
          benignRefused);
    }
  }

  private Figures test;

  @BeforeAll
  void screenTheTestSplit() throws IOException {
    Set<String> trained = LabelledLine.read(SemanticTraining.trainingFiles()).stream()
        .map(l -> l.text().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    List<LabelledLine> all = LabelledLine.read(testFiles());
    List<LabelledLine> unseen = all.stream().filter(l -> !trained.contains(l.text().toLowerCase(Locale.ROOT))).toList();
    List<Outcome> outcomes = screen(unseen);
    test = figures(outcomes);
    System.out.println("Semantic screening, " + devFigures());
    System.out.println("Semantic screening, test (never tuned on; " + (all.size() - unseen.size())
        + " texts also in training left out): " + test);
    unseen.stream().map(LabelledLine::file).distinct().sorted().forEach(file -> System.out.println(
        "  of which " + file + ": " + figures(outcomes.stream().filter(o -> o.line().file().equals(file)).toList())));
    System.out.println("  the split as it was before test-g (test-e and test-f): "
        + figures(outcomes.stream().filter(o -> !o.line().file().startsWith("test-g")).toList()));
  }

  /** The out-of-writer dev figures, as the trainer wrote them into the heads' file. */
  static String devFigures() throws IOException {
    try (java.io.InputStream in = SemanticHeads.class.getResourceAsStream(SemanticHeads.RESOURCE)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(l -> l.startsWith("# out-of-writer dev")).map(l -> l.substring(2)).findFirst().orElse("(no dev figures)");
    }
  }

  static List<Path> testFiles() throws IOException {
    try (Stream<Path> files = Files.list(SemanticTraining.DATA)) {
      return files.filter(p -> p.getFileName().toString().startsWith("test-")).sorted().toList();
    }
  }

  static List<Outcome> screen(List<LabelledLine> lines) {
    SemanticLayer layer = SemanticLayer.bundled();
    ConductPolicy policy = ConductPolicy.defaults();
    Instant now = Instant.parse("2026-01-01T12:00:00Z");
    List<Outcome> out = new ArrayList<>();
    for (int from = 0; from < lines.size(); from += 32) {
      List<LabelledLine> batch = lines.subList(from, Math.min(lines.size(), from + 32));
      List<Screened> screened = layer.screenAll(batch.stream().map(LabelledLine::text).toList());
      for (int i = 0; i < batch.size(); i++) {
        String text = batch.get(i).text();
        Verdict v = policy.evaluate(ChannelKind.GROUP, text, policy.newMember(now), now, Set.of(), screened.get(i)).verdict();
        out.add(new Outcome(batch.get(i), screened.get(i), v));
      }
    }
    return out;
  }

  static Figures figures(List<Outcome> outcomes) {
    return new Figures(percent(outcomes, "crisis", Outcome::alerted), percent(outcomes, "crisis", Outcome::urgent),
        percent(outcomes, "benign", Outcome::alerted), percent(outcomes, "benign", Outcome::urgent),
        percent(outcomes, "distress", Outcome::alerted),
        percent(outcomes, "distress", o -> o.verdict().action() == Verdict.Action.BLOCK),
        percent(outcomes, "abuse", Outcome::keptOut), percent(outcomes, "benign", Outcome::refused), outcomes.size());
  }

  private static double percent(List<Outcome> outcomes, String group, java.util.function.Predicate<Outcome> hit) {
    List<Outcome> of = outcomes.stream().filter(o -> o.line().group().equals(group)).toList();
    return 100.0 * of.stream().filter(hit).count() / Math.max(1, of.size());
  }

  @Test
  void theHeadsWereFittedOnTheTrainingDataAsItIsNow() throws IOException {
    assertEquals(SemanticTraining.digest(SemanticTraining.trainingFiles()), SemanticHeads.bundled().digest(),
        "the training lines changed: run SemanticTraining again (docs/conduct.md)");
  }

  @Test
  void distressIsNeverBlocked() {
    assertEquals(0.0, test.distressBlocked(), test.toString());
  }

  /**
   * The test split's figures as measured when the layer was built (docs/conduct.md), less a point of
   * slack: a change that makes screening worse on words nobody tuned to fails here. The targets
   * (recall 95%, benign alerted 5%, distress 20%, abuse kept out 90%, benign refused 1%) are met on the
   * whole split but for abuse kept out (89.5%); on the first two test writers alone benign alerted is
   * 4.8% and 5.6% (docs/conduct.md).
   */
  @Test
  void theNeverTunedSplitHoldsItsMeasuredFigures() {
    assertTrue(test.crisisRecall() >= MEASURED_RECALL - 1, test.toString());
    assertTrue(test.benignAlerted() <= MEASURED_BENIGN_ALERTED + 1, test.toString());
    assertTrue(test.distressAlerted() <= 20, test.toString());
    assertTrue(test.abuseKeptOut() >= MEASURED_ABUSE_KEPT_OUT - 1, test.toString());
    assertTrue(test.benignRefused() <= MEASURED_BENIGN_REFUSED + 1, test.toString());
  }

  /** Measured on the test split with the heads as trained (docs/conduct.md has the rules alone beside them). */
  static final double MEASURED_RECALL = 97.0;
  static final double MEASURED_BENIGN_ALERTED = 4.4;
  static final double MEASURED_ABUSE_KEPT_OUT = 89.5;
  static final double MEASURED_BENIGN_REFUSED = 0.2;
}
