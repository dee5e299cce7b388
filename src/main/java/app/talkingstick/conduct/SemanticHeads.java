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
 * The classifier heads on top of the sentence embeddings ({@link SentenceEncoder}): softmax
 * regressions for the kind of crisis ({@code none} or one of five), its severity, and abuse aimed at
 * someone ({@code none}, insult, threat, harassment), with the thresholds chosen on the dev split.
 * Trained offline by {@code SemanticTraining} (test sources) and shipped as a resource, with the
 * digest of the training data they were fitted on; never retrained at start.
 *
 * <p>File format ({@code conduct/semantic-heads.tsv}): {@code #} comment lines; {@code key<TAB>value}
 * settings ({@code digest}, {@code urgent}, {@code check-in}, {@code abuse}); and one line per class:
 * {@code head<TAB>class<TAB>bias<TAB>w1,w2,...,w384}.
 */
public final class SemanticHeads {

  public static final String RESOURCE = "/conduct/semantic-heads.tsv";

  /** One softmax regression: a bias and a weight vector per class. */
  public record Head(List<String> classes, double[] bias, double[][] weights) {
    public double[] probabilities(float[] x) {
      double[] z = new double[classes.size()];
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < z.length; c++) {
        double s = bias[c];
        double[] w = weights[c];
        for (int d = 0; d < x.length; d++) s += w[d] * x[d];
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

  /** What the heads say of one text. */
  public record Reading(double crisis, String kind, String severity, double abuse, String abuseKind) {}

  private final Head kind;
  private final Head severity;
  private final Head abuse;
  private final Map<String, String> settings;

  public SemanticHeads(Head kind, Head severity, Head abuse, Map<String, String> settings) {
    this.kind = kind;
    this.severity = severity;
    this.abuse = abuse;
    this.settings = Map.copyOf(settings);
  }

  private static final class Holder {
    static final SemanticHeads INSTANCE = load();

    private static SemanticHeads load() {
      try (InputStream in = SemanticHeads.class.getResourceAsStream(RESOURCE)) {
        if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
        return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public static SemanticHeads bundled() {
    return Holder.INSTANCE;
  }

  public Reading read(float[] embedding) {
    double[] k = kind.probabilities(embedding);
    int bestKind = argmax(k, 1);
    double[] s = severity.probabilities(embedding);
    double[] a = abuse.probabilities(embedding);
    return new Reading(1 - k[0], kind.classes().get(bestKind), severity.classes().get(argmax(s, 0)), 1 - a[0],
        abuse.classes().get(argmax(a, 1)));
  }

  /** P(crisis) at or above which a crisis is urgent: resources, alert, escalation. */
  public double urgentThreshold() {
    return Double.parseDouble(settings.get("urgent"));
  }

  /** P(crisis) at or above which the therapist gets a quiet check-in flag. */
  public double checkInThreshold() {
    return Double.parseDouble(settings.get("check-in"));
  }

  /** P(abuse) at or above which a message is held for the therapist. */
  public double abuseThreshold() {
    return Double.parseDouble(settings.get("abuse"));
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

  static SemanticHeads parse(BufferedReader lines) throws IOException {
    Map<String, String> settings = new HashMap<>();
    Map<String, List<String[]>> rows = new HashMap<>();
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] f = line.split("\t");
      if (f.length == 2) settings.put(f[0], f[1]);
      else rows.computeIfAbsent(f[0], h -> new ArrayList<>()).add(f);
    }
    return new SemanticHeads(head(rows.get("kind")), head(rows.get("severity")), head(rows.get("abuse")), settings);
  }

  private static Head head(List<String[]> rows) {
    if (rows == null) throw new IllegalStateException("a head is missing from " + RESOURCE);
    List<String> classes = new ArrayList<>();
    double[] bias = new double[rows.size()];
    double[][] weights = new double[rows.size()][];
    for (int c = 0; c < rows.size(); c++) {
      String[] f = rows.get(c);
      classes.add(f[1]);
      bias[c] = Double.parseDouble(f[2]);
      String[] w = f[3].split(",");
      weights[c] = new double[w.length];
      for (int d = 0; d < w.length; d++) weights[c][d] = Double.parseDouble(w[d]);
    }
    return new Head(List.copyOf(classes), bias, weights);
  }
}
