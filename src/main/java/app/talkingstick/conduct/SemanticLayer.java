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
 * thread-safe. The word features go first ({@link #glance}): a text they are sure is neither crisis nor
 * abuse (and in which the rules found nothing) is settled in microseconds; one they are sure is not
 * abuse, whatever the rules found, has its abuse settled there too, so a conversation can share it before
 * its crisis reading comes; any other waits for the encoders (about 9 ms of CPU a text on the benchmark
 * machine).
 */
public final class SemanticLayer {

  /**
   * What a text the word features are sure of comes to: no crisis, and no abuse (a listed word in it is let
   * through). It is also all that is known of a text whose crisis reading is still to come.
   */
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

  /** Several texts at once: each glanced at, then read, the encoders run together on those the glance did not settle. */
  public List<Screened> screenAll(List<String> texts) {
    return read(texts.stream().map(this::glance).toList());
  }

  /**
   * The rules and the word features alone, in microseconds: settled when they are sure of neither a crisis
   * nor abuse and the rules found none; the abuse settled and the crisis still to read when they are sure
   * only of no abuse, or the rules found a crisis (which the encoders may still find to be an idiom or
   * someone else's story); else everything waits for the encoders.
   */
  public Glance glance(String text) {
    CrisisClassifier.Prediction words = heads.words(text);
    Optional<CrisisSignal> byRules = rules.detect(text);
    Glance.Stage stage = !heads.quietOfAbuse(words) ? Glance.Stage.TO_READ
        : byRules.isEmpty() && heads.quietOfCrisis(words) ? Glance.Stage.SETTLED : Glance.Stage.CRISIS_TO_READ;
    Screened known = stage == Glance.Stage.TO_READ ? Screened.NOTHING : SURELY_NOTHING;
    return new Glance(text, stage, known, byRules, words);
  }

  /**
   * The whole finding for texts glanced at: the encoders run together on those the glance did not settle.
   * Where the glance settled the abuse, the reading adds only the crisis, so that what a conversation
   * decided before it came still holds.
   */
  public List<Screened> read(List<Glance> glances) {
    Screened[] out = new Screened[glances.size()];
    List<Integer> unsure = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      if (glances.get(i).stage() == Glance.Stage.SETTLED) out[i] = glances.get(i).known();
      else unsure.add(i);
    }
    if (unsure.isEmpty()) return List.of(out);
    float[][] vectors = encoder.encodeAll(unsure.stream().map(i -> glances.get(i).text()).toList());
    for (int j = 0; j < unsure.size(); j++) {
      Glance glance = glances.get(unsure.get(j));
      CrisisClassifier.Prediction words = glance.words() != null ? glance.words() : heads.words(glance.text());
      Screened read = combine(glance.byRules(), heads.read(vectors[j], words));
      Screened settled = glance.known();
      out[unsure.get(j)] = glance.stage() == Glance.Stage.CRISIS_TO_READ
          ? new Screened(read.crisis(), settled.learnedAbuse(), settled.surelyNotAbuse()) : read;
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
