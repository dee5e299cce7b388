package app.talkingstick.conduct;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classifier heads on top of the sentence embeddings ({@link SentenceEncoder}): small networks
 * (one hidden layer, then a softmax), joined with a word-feature classifier fitted on the same lines
 * ({@link CrisisClassifier}'s features: averaged for a crisis, blended for abuse, {@link AbuseBlend}), for
 * the kind of crisis ({@code none} or one of five), its severity, and abuse aimed at
 * someone ({@code none}, insult, threat, harassment), with the thresholds chosen on the dev split.
 * Trained offline by {@code SemanticTraining} (test sources) and shipped as a resource, with the
 * digest of the training data they were fitted on ({@code conduct/semantic-lexical.bin.gz} holds the
 * word-feature weights); never retrained at start.
 *
 * <p>File format ({@code conduct/semantic-heads.tsv}): {@code #} comment lines; {@code key<TAB>value}
 * settings ({@code digest}, {@code urgent}, {@code check-in}, {@code abuse}, {@code not-abuse}, {@code not-crisis},
 * {@code not-crisis-high}, {@code quiet}, {@code abuse-blend}); per head ({@code kind}, {@code severity}, {@code abuse}, and the
 * further members of an ensemble, {@code kind.2}, {@code abuse.2}, {@code abuse.3}), one line
 * per hidden unit ({@code head<TAB>hidden<TAB>bias<TAB>w1,...,wD}, D the encoder's width) and one per class
 * ({@code head<TAB>class:name<TAB>bias<TAB>w1,...,wH}).
 */
public final class SemanticHeads {

  public static final String RESOURCE = "/conduct/semantic-heads.tsv";
  public static final String LEXICAL = "/conduct/semantic-lexical.bin.gz";

  /**
   * One head: a hidden layer of rectified units on the embedding, then a softmax over the classes.
   * {@code hiddenWeights[j]} and {@code outWeights[c]} are rows.
   */
  public record Head(List<String> classes, double[] hiddenBias, double[][] hiddenWeights, double[] outBias,
                     double[][] outWeights) {

    public double[] hidden(float[] x) {
      double[] h = new double[hiddenBias.length];
      for (int j = 0; j < h.length; j++) {
        h[j] = Math.max(0, hiddenBias[j] + dot(hiddenWeights[j], x));
      }
      return h;
    }

    /** Four running sums, not one: the loop then runs about three times faster (a single sum waits on itself). */
    private static double dot(double[] w, float[] x) {
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      int d = 0;
      for (; d + 3 < x.length; d += 4) {
        s0 += w[d] * x[d];
        s1 += w[d + 1] * x[d + 1];
        s2 += w[d + 2] * x[d + 2];
        s3 += w[d + 3] * x[d + 3];
      }
      for (; d < x.length; d++) s0 += w[d] * x[d];
      return (s0 + s1) + (s2 + s3);
    }

    public double[] probabilities(float[] x) {
      return softmax(hidden(x));
    }

    double[] softmax(double[] h) {
      double[] z = new double[classes.size()];
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < z.length; c++) {
        double s = outBias[c];
        double[] w = outWeights[c];
        for (int j = 0; j < h.length; j++) s += w[j] * h[j];
        z[c] = s;
        max = Math.max(max, s);
      }
      double sum = 0;
      for (int c = 0; c < z.length; c++) {
        z[c] = Math.exp(z[c] - max);
        sum += z[c];
      }
      for (int c = 0; c < z.length; c++) z[c] /= sum;
      return z;
    }
  }

  /**
   * Heads fitted alike from different seeds, their probabilities averaged: steadier on writers none of
   * them saw than any one of them (out-of-writer, three abuse heads kept out 2 points more abuse than one).
   */
  public record Ensemble(List<Head> members) {
    public Ensemble {
      members = List.copyOf(members);
      if (members.isEmpty()) throw new IllegalArgumentException("an ensemble needs a head");
    }

    public List<String> classes() {
      return members.get(0).classes();
    }

    public double[] probabilities(float[] x) {
      double[] sum = members.get(0).probabilities(x);
      for (int m = 1; m < members.size(); m++) {
        double[] p = members.get(m).probabilities(x);
        for (int c = 0; c < sum.length; c++) sum[c] += p[c];
      }
      for (int c = 0; c < sum.length; c++) sum[c] /= members.size();
      return sum;
    }
  }

  /**
   * How the abuse heads' P(abuse) and the word features' are made one: a logistic blend of their log-odds,
   * {@code sigmoid(heads * logit(pHeads) + words * logit(pWords) + bias)}, fitted on the out-of-writer readings
   * ({@code SemanticTraining}). Fitted so, the heads weigh about two and a half times the word features: out-of-writer, the
   * words were sure of more of the abuse they missed, and of more of the banter they took for abuse, than the
   * heads (a plain average kept out 2 points less abuse on the same readings).
   */
  public record AbuseBlend(double heads, double words, double bias) {
    /** Before a blend is fitted (heads being trained have none, like their thresholds): no reading. */
    static final AbuseBlend NONE = new AbuseBlend(Double.NaN, Double.NaN, Double.NaN);
    private static final double EDGE = 1e-6;

    public double of(double pHeads, double pWords) {
      return 1 / (1 + Math.exp(-(heads * logit(pHeads) + words * logit(pWords) + bias)));
    }

    public static double logit(double p) {
      double q = Math.min(1 - EDGE, Math.max(EDGE, p));
      return Math.log(q / (1 - q));
    }

    /** {@code heads,words,bias}, as the heads file keeps it. */
    static AbuseBlend parse(String value) {
      if (value == null) return NONE;
      String[] f = value.split(",");
      return new AbuseBlend(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
    }

    @Override
    public String toString() {
      return heads + "," + words + "," + bias;
    }
  }

  /** What the heads say of one text. */
  public record Reading(double crisis, String kind, String severity, double abuse, String abuseKind) {}

  private final Ensemble kind;
  private final Head severity;
  private final Ensemble abuse;
  private final CrisisClassifier lexical;
  private final Map<String, String> settings;
  /** The thresholds, read from {@code settings} once: every screened message consults them. */
  private final double urgent;
  private final double checkIn;
  private final double abuseAt;
  private final double notAbuse;
  private final double notCrisis;
  private final double notCrisisHigh;
  private final double quiet;
  private final AbuseBlend blend;

  /**
   * {@code lexical}: a hashed word-feature classifier fitted on the same lines; its probabilities are
   * averaged with the heads', since the two see different things (meaning, and the exact words).
   */
  public SemanticHeads(Ensemble kind, Head severity, Ensemble abuse, CrisisClassifier lexical, Map<String, String> settings) {
    this.kind = kind;
    this.severity = severity;
    this.abuse = abuse;
    this.lexical = lexical;
    this.settings = Map.copyOf(settings);
    this.urgent = threshold("urgent", Double.NaN);
    this.checkIn = threshold("check-in", Double.NaN);
    this.abuseAt = threshold("abuse", Double.NaN);
    this.notAbuse = threshold("not-abuse", Double.NaN);
    this.notCrisis = threshold("not-crisis", Double.NaN);
    this.notCrisisHigh = threshold("not-crisis-high", 0);
    this.quiet = threshold("quiet", 0);
    this.blend = AbuseBlend.parse(settings.get("abuse-blend"));
  }

  /** A threshold from the file, or {@code absent} (heads being trained have none yet). */
  private double threshold(String name, double absent) {
    String value = settings.get(name);
    return value == null ? absent : Double.parseDouble(value);
  }

  private static final class Holder {
    static final SemanticHeads INSTANCE = load();

    private static SemanticHeads load() {
      try (InputStream in = SemanticHeads.class.getResourceAsStream(RESOURCE);
           InputStream words = SemanticHeads.class.getResourceAsStream(LEXICAL)) {
        if (in == null || words == null) throw new IllegalStateException("missing resource " + RESOURCE + " or " + LEXICAL);
        return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), CrisisClassifier.read(words));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public static SemanticHeads bundled() {
    return Holder.INSTANCE;
  }

  /** The word-feature classifier alone: cheap (microseconds), read before the encoder runs. */
  public CrisisClassifier.Prediction words(String text) {
    return lexical.predict(text);
  }

  /**
   * True when the word features are sure {@code words} shows no crisis (P under {@code quiet}, chosen on the
   * out-of-writer readings so that no more than a point of crisis recall or half a point of abuse kept out
   * is lost); with {@link #quietOfAbuse} too, the encoders need not run.
   */
  public boolean quietOfCrisis(CrisisClassifier.Prediction words) {
    return words.crisisProbability() < quiet;
  }

  /**
   * True when the word features are sure {@code words} shows no abuse (P under {@code quiet}): the abuse is
   * settled without the encoder, whatever they make of a crisis.
   */
  public boolean quietOfAbuse(CrisisClassifier.Prediction words) {
    return words.abuseProbability() < quiet;
  }

  /** What the heads and the word-feature classifier, together, make of {@code text} with its embedding. */
  public Reading read(float[] embedding, String text) {
    return read(embedding, lexical.predict(text));
  }

  Reading read(float[] embedding, CrisisClassifier.Prediction words) {
    double[] k = kind.probabilities(embedding);
    double[] s = severity.probabilities(embedding);
    double[] a = abuse.probabilities(embedding);
    return new Reading(crisis(k, words), kind.classes().get(argmax(k, 1)), severity.classes().get(argmax(s, 0)),
        blend.of(1 - a[0], words.abuseProbability()), abuse.classes().get(argmax(a, 1)));
  }

  /**
   * P(crisis) of a text, the heads' and the word features' averaged (what the crisis thresholds apply to), and
   * the abuse heads' own P(abuse), before it is blended with the word features'.
   */
  double[] likelihoods(float[] embedding, CrisisClassifier.Prediction words) {
    return new double[] {crisis(kind.probabilities(embedding), words), 1 - abuse.probabilities(embedding)[0]};
  }

  private static double crisis(double[] kinds, CrisisClassifier.Prediction words) {
    return (1 - kinds[0] + words.crisisProbability()) / 2;
  }

  /** P(crisis) at or above which a crisis is urgent: resources, alert, escalation. */
  public double urgentThreshold() {
    return urgent;
  }

  /** P(crisis) at or above which the therapist gets a quiet check-in flag. */
  public double checkInThreshold() {
    return checkIn;
  }

  /** P(abuse) at or above which a message is held for the therapist. */
  public double abuseThreshold() {
    return abuseAt;
  }

  /**
   * P(abuse) below which a message the word lists would refuse is let through: the learned layer reads
   * it as a quote, self-criticism or friendly banter, not as abuse aimed at someone.
   */
  public double notAbuseThreshold() {
    return notAbuse;
  }

  /**
   * P(crisis) below which a crisis the rules found at {@code severity} is let go, the learned layer sure
   * there is none: for a concern (an idiom, someone else's story, a past long over), a threshold chosen
   * to drop at most 1% of the rules' finds; for intent, a plan, means or a time, a stricter one dropping
   * at most half a per cent (someone else's story told with the words of a plan); never for an imminent
   * crisis.
   */
  public double notCrisisBelow(CrisisSignal.Severity severity) {
    return switch (severity) {
      case CONCERN -> notCrisis;
      case HIGH -> notCrisisHigh;
      case IMMINENT -> 0;
    };
  }

  /** SHA-256 of the training data the heads were fitted on. */
  public String digest() {
    return settings.get("digest");
  }

  private static int argmax(double[] p, int from) {
    int best = from;
    for (int i = from + 1; i < p.length; i++) if (p[i] > p[best]) best = i;
    return best;
  }

  static SemanticHeads parse(BufferedReader lines, CrisisClassifier lexical) throws IOException {
    Map<String, String> settings = new HashMap<>();
    Map<String, List<String[]>> rows = new HashMap<>();
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] f = line.split("\t");
      if (f.length == 2) settings.put(f[0], f[1]);
      else rows.computeIfAbsent(f[0], h -> new ArrayList<>()).add(f);
    }
    return new SemanticHeads(ensemble(rows, "kind"), head(rows.get("severity")), ensemble(rows, "abuse"), lexical, settings);
  }

  /** The heads named {@code name}, {@code name.2}, {@code name.3} and so on. */
  private static Ensemble ensemble(Map<String, List<String[]>> rows, String name) {
    List<Head> members = new ArrayList<>();
    members.add(head(rows.get(name)));
    for (int m = 2; rows.containsKey(name + "." + m); m++) members.add(head(rows.get(name + "." + m)));
    return new Ensemble(members);
  }

  /** Rows {@code head<TAB>hidden<TAB>bias<TAB>weights} then {@code head<TAB>class:<name><TAB>bias<TAB>weights}. */
  private static Head head(List<String[]> rows) {
    if (rows == null) throw new IllegalStateException("a head is missing from " + RESOURCE);
    List<String[]> hidden = rows.stream().filter(f -> f[1].equals("hidden")).toList();
    List<String[]> out = rows.stream().filter(f -> f[1].startsWith("class:")).toList();
    return new Head(out.stream().map(f -> f[1].substring("class:".length())).toList(), biases(hidden), weights(hidden),
        biases(out), weights(out));
  }

  private static double[] biases(List<String[]> rows) {
    return rows.stream().mapToDouble(f -> Double.parseDouble(f[2])).toArray();
  }

  private static double[][] weights(List<String[]> rows) {
    double[][] w = new double[rows.size()][];
    for (int r = 0; r < w.length; r++) {
      String[] values = rows.get(r)[3].split(",");
      w[r] = new double[values.length];
      for (int d = 0; d < values.length; d++) w[r][d] = Double.parseDouble(values[d]);
    }
    return w;
  }
}
