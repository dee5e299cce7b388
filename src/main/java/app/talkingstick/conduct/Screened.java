package app.talkingstick.conduct;

import java.util.Optional;

/**
 * What screening found in one text, before any room rule is applied: signs of a crisis (urgent or
 * check-in); abuse aimed at someone that the learned layer saw ({@code learnedAbuse}: its kind,
 * {@code insult}, {@code threat} or {@code harass}); and whether the learned layer is sure the text is
 * not abuse ({@code surelyNotAbuse}: a quote, self-criticism, banter), which lets a word-list match pass.
 */
public record Screened(Optional<CrisisSignal> crisis, Optional<String> learnedAbuse, boolean surelyNotAbuse) {

  public static final Screened NOTHING = new Screened(Optional.empty(), Optional.empty(), false);

  /** The rules' finding alone. */
  public static Screened byRules(Optional<CrisisSignal> crisis) {
    return new Screened(crisis, Optional.empty(), false);
  }

  /** The signal when it is urgent: the one that changes what the conversation does with the text. */
  public Optional<CrisisSignal> urgent() {
    return crisis.filter(CrisisSignal::urgent);
  }

  /** The signal when it asks only for a quiet check-in. */
  public Optional<CrisisSignal> checkIn() {
    return crisis.filter(c -> !c.urgent());
  }
}
