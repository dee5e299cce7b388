package app.talkingstick.conduct;

import app.talkingstick.conduct.CrisisSignal.Category;
import app.talkingstick.conduct.CrisisSignal.Severity;
import app.talkingstick.conduct.CrisisSignal.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Screening with both layers: the rules ({@link CrisisDetector}), fast and precise, and the learned
 * layer, a sentence encoder with classifier heads ({@link SentenceEncoder}, {@link SemanticHeads}),
 * which stands on its own: it reads every text, whatever the rules found. A crisis the rules find is
 * urgent, unless the learned layer is sure there is none (an idiom, someone else's story): surer still
 * for intent, a plan, means or a time, and an imminent crisis is never let go; one only
 * the learned layer finds is urgent when it is sure and a quiet check-in when it is less so. Abuse only the learned layer finds is returned for the policy to hold for review, and a
 * text it is sure is not abuse (a quote, self-criticism, banter) is marked so the word lists'
 * match does not refuse it. Pure and
 * thread-safe. The word features go first: a text they are sure is neither crisis nor abuse (and in
 * which the rules found nothing) is settled in microseconds; any other costs about two milliseconds
 * of CPU, most of it in the encoder.
 */
public final class SemanticLayer {

  /** What a text the word features are sure of comes to: no crisis, and no abuse (a listed word in it is let through). */
  private static final Screened SURELY_NOTHING = new Screened(Optional.empty(), Optional.empty(), true);

  private final CrisisDetector rules;
  private final SentenceEncoder encoder;
  private final SemanticHeads heads;

  public SemanticLayer(CrisisDetector rules, SentenceEncoder encoder, SemanticHeads heads) {
    this.rules = rules;
    this.encoder = encoder;
    this.heads = heads;
  }

  /** The bundled rules, encoder and heads (the encoder loads in about a second, once). */
  public static SemanticLayer bundled() {
    return new SemanticLayer(CrisisDetector.defaults(), SentenceEncoder.bundled(), SemanticHeads.bundled());
  }

  public Screened screen(String text) {
    return screenAll(List.of(text)).get(0);
  }

  /**
   * Several texts at once: the encoder runs them together, on those the word features are not sure of
   * (most ordinary chat is settled by them in microseconds, without the encoder).
   */
  public List<Screened> screenAll(List<String> texts) {
    Screened[] out = new Screened[texts.size()];
    List<Integer> unsure = new ArrayList<>();
    List<CrisisClassifier.Prediction> words = new ArrayList<>();
    List<Optional<CrisisSignal>> byRules = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      words.add(heads.words(texts.get(i)));
      byRules.add(rules.detect(texts.get(i)));
      if (byRules.get(i).isEmpty() && heads.quiet(words.get(i))) out[i] = SURELY_NOTHING;
      else unsure.add(i);
    }
    if (unsure.isEmpty()) return List.of(out);
    float[][] vectors = encoder.encodeAll(unsure.stream().map(texts::get).toList());
    for (int j = 0; j < unsure.size(); j++) {
      int i = unsure.get(j);
      out[i] = combine(byRules.get(i), heads.read(vectors[j], words.get(i)));
    }
    return List.of(out);
  }

  /** The two layers' findings as one. */
  Screened combine(Optional<CrisisSignal> byRules, SemanticHeads.Reading reading) {
    boolean rulesStand = byRules.isPresent() && reading.crisis() >= heads.notCrisisBelow(byRules.get().severity());
    Optional<CrisisSignal> crisis = rulesStand ? byRules : learned(reading);
    boolean abusive = reading.abuse() >= heads.abuseThreshold() && crisis.isEmpty();
    return new Screened(crisis, abusive ? Optional.of(reading.abuseKind()) : Optional.empty(),
        reading.abuse() < heads.notAbuseThreshold());
  }

  private Optional<CrisisSignal> learned(SemanticHeads.Reading reading) {
    if (reading.crisis() < heads.checkInThreshold()) return Optional.empty();
    Tier tier = reading.crisis() >= heads.urgentThreshold() ? Tier.URGENT : Tier.CHECK_IN;
    Severity severity = Severity.valueOf(reading.severity().toUpperCase(Locale.ROOT));
    return Optional.of(new CrisisSignal(category(reading.kind()), severity, "model." + reading.kind(), tier));
  }

  static Category category(String kind) {
    return switch (kind) {
      case "suicide" -> Category.SUICIDE;
      case "selfharm" -> Category.SELF_HARM;
      case "overdose" -> Category.OVERDOSE;
      case "others" -> Category.HARM_TO_OTHERS;
      case "relapse" -> Category.RELAPSE;
      default -> throw new IllegalArgumentException("not a crisis kind: " + kind);
    };
  }
}
