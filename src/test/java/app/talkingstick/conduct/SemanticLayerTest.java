package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.talkingstick.conduct.CrisisSignal.Category;
import app.talkingstick.conduct.CrisisSignal.Severity;
import app.talkingstick.conduct.CrisisSignal.Tier;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the rules' finding and the learned layer's reading are combined, on made-up readings (no encoder). */
class SemanticLayerTest {

  private static final SemanticHeads HEADS = new SemanticHeads(null, null, null, null, Map.of(
      "urgent", "0.8", "check-in", "0.5", "abuse", "0.7", "not-abuse", "0.2", "not-crisis", "0.2",
      "not-crisis-high", "0.05", "quiet", "0.01"));
  private static final SemanticLayer LAYER = new SemanticLayer(CrisisDetector.defaults(), null, HEADS);

  private static Optional<CrisisSignal> rules(Severity severity) {
    return Optional.of(new CrisisSignal(Category.SUICIDE, severity, "rule"));
  }

  private static SemanticHeads.Reading reading(double crisis, double abuse) {
    return new SemanticHeads.Reading(crisis, "suicide", "high", abuse, "insult");
  }

  @Test
  void aConcernTheLayerIsSureIsNoneIsLetGo() {
    assertTrue(LAYER.combine(rules(Severity.CONCERN), reading(0.1, 0)).crisis().isEmpty());
    assertTrue(LAYER.combine(rules(Severity.CONCERN), reading(0.3, 0)).crisis().isPresent());
  }

  @Test
  void aPlanOrMeansNeedsTheLayerSurerStillBeforeItIsLetGo() {
    assertTrue(LAYER.combine(rules(Severity.HIGH), reading(0.1, 0)).crisis().isPresent());
    assertTrue(LAYER.combine(rules(Severity.HIGH), reading(0.01, 0)).crisis().isEmpty());
  }

  @Test
  void anImminentCrisisIsNeverLetGo() {
    Screened s = LAYER.combine(rules(Severity.IMMINENT), reading(0.0, 0.99));
    assertEquals(Severity.IMMINENT, s.crisis().orElseThrow().severity());
    assertTrue(s.learnedAbuse().isEmpty(), "a crisis is never held as abuse");
  }

  @Test
  void theLayerAloneGivesACheckInOrAnUrgentAlertByItsConfidence() {
    assertEquals(Tier.CHECK_IN, LAYER.combine(Optional.empty(), reading(0.6, 0)).crisis().orElseThrow().tier());
    assertEquals(Tier.URGENT, LAYER.combine(Optional.empty(), reading(0.9, 0)).crisis().orElseThrow().tier());
    assertTrue(LAYER.combine(Optional.empty(), reading(0.4, 0)).crisis().isEmpty());
  }

  @Test
  void abuseIsHeldOnlyWhenTheLayerIsConfidentAndClearedWhenItIsSureItIsNone() {
    assertTrue(LAYER.combine(Optional.empty(), reading(0, 0.8)).learnedAbuse().isPresent());
    assertFalse(LAYER.combine(Optional.empty(), reading(0, 0.5)).learnedAbuse().isPresent());
    assertTrue(LAYER.combine(Optional.empty(), reading(0, 0.1)).surelyNotAbuse());
    assertFalse(LAYER.combine(Optional.empty(), reading(0, 0.5)).surelyNotAbuse());
  }
}
