package app.talkingstick.conduct;

import app.talkingstick.conduct.CrisisSignal.Category;
import app.talkingstick.conduct.CrisisSignal.Severity;
import app.talkingstick.conduct.CrisisSignal.Tier;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Screening with both layers: the rules ({@link CrisisDetector}), fast and precise, and the learned
 * layer, a sentence encoder with classifier heads ({@link SentenceEncoder}, {@link SemanticHeads}),
 * which stands on its own: it reads every text, whatever the rules found. A crisis the rules find is
 * urgent, unless it is only a concern and the learned layer is sure there is none (an idiom, someone
 * else's story): intent, a plan, means or a time are never let go; one only
 * the learned layer finds is urgent when it is sure and a quiet check-in when it is less so. Abuse only the learned layer finds is returned for the policy to hold for review, and a
 * text it is sure is not abuse (a quote, self-criticism, banter) is marked so the word lists'
 * match does not refuse it. Pure and
 * thread-safe; about a millisecond of CPU per text, most of it in the encoder.
 */
public final class SemanticLayer {

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

  /** Several texts at once: the encoder runs them together. */
  public List<Screened> screenAll(List<String> texts) {
    float[][] vectors = encoder.encodeAll(texts);
    Screened[] out = new Screened[texts.size()];
    for (int i = 0; i < out.length; i++) out[i] = combine(rules.detect(texts.get(i)), heads.read(vectors[i], texts.get(i)));
    return List.of(out);
  }

  /** The two layers' findings as one. */
  Screened combine(Optional<CrisisSignal> byRules, SemanticHeads.Reading reading) {
    boolean rulesStand = byRules.isPresent()
        && (byRules.get().severity() != Severity.CONCERN || reading.crisis() >= heads.notCrisisThreshold());
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
