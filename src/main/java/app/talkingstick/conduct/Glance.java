package app.talkingstick.conduct;

import java.util.Objects;
import java.util.Optional;

/**
 * What the rules and the word features make of a text on their own, in microseconds, before the
 * sentence encoders run ({@link SemanticLayer#glance}): enough to settle it ({@link Stage#SETTLED}:
 * they are sure of neither a crisis nor abuse, and the rules found none); enough to decide what the conversation does with it,
 * with only the crisis reading to follow ({@link Stage#CRISIS_TO_READ}: sure of no abuse, and either the
 * rules found a crisis, which the encoders may still let go as an idiom or someone else's story, or the
 * word features are unsure of one); or not enough ({@link Stage#TO_READ}).
 *
 * <p>{@code known} is what is known now: the whole finding when settled, everything but the crisis
 * reading when that is to follow, nothing otherwise.
 */
public record Glance(String text, Stage stage, Screened known, Optional<CrisisSignal> byRules,
                     CrisisClassifier.Prediction words) {

  public enum Stage { SETTLED, CRISIS_TO_READ, TO_READ }

  public Glance {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(known, "known");
    Objects.requireNonNull(byRules, "byRules");
  }

  /** A text the glance settles: {@code screened} is the whole finding. */
  public static Glance settled(String text, Screened screened) {
    return new Glance(text, Stage.SETTLED, screened, screened.crisis(), null);
  }

  /** A text that needs the encoders before anything is decided. */
  public static Glance toRead(String text) {
    return new Glance(text, Stage.TO_READ, Screened.NOTHING, Optional.empty(), null);
  }
}
