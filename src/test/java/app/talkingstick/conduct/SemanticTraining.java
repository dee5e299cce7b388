package app.talkingstick.conduct;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Trains the semantic layer's heads ({@link SemanticHeads}) from the training writers' lines and
 * writes {@code src/main/resources/conduct/semantic-heads.tsv}. Reproducible: fixed seeds, the lines
 * in file order, a dev split chosen by a hash of each text. It never reads the test split
 * ({@code semantic/test-*.tsv}). Run from the project directory after {@code mvn test-compile}:
 * {@code java -cp "$(cat target/classpath.txt):target/classes:target/test-classes" app.talkingstick.conduct.SemanticTraining}
 * (see docs/conduct.md).
 */
public final class SemanticTraining {

  static final Path DATA = Path.of("src/test/resources/conduct/semantic");
  static final Path OUT = Path.of("src/main/resources/conduct/semantic-heads.tsv");
  static final List<String> KINDS = List.of("none", "suicide", "selfharm", "overdose", "others", "relapse");
  static final List<String> SEVERITIES = List.of("concern", "high", "imminent");
  static final List<String> ABUSE = List.of("none", "insult", "threat", "harass");
  /** Per cent of the training lines kept aside to choose thresholds on. */
  static final int DEV_PERCENT = 15;

  private SemanticTraining() {}

  public static void main(String[] args) throws IOException {
    List<LabelledLine> all = LabelledLine.read(trainingFiles());
    List<LabelledLine> train = all.stream().filter(l -> !l.dev()).toList();
    List<LabelledLine> dev = all.stream().filter(LabelledLine::dev).toList();
    System.out.printf(Locale.ROOT, "%d training lines, %d dev lines%n", train.size(), dev.size());
    long start = System.nanoTime();
    float[][] xTrain = embed(train);
    float[][] xDev = embed(dev);
    System.out.printf(Locale.ROOT, "embedded in %.1f s%n", (System.nanoTime() - start) / 1e9);
    SemanticHeads.Head kind = Softmax.fit(xTrain, train.stream().map(l -> KINDS.indexOf(l.kind())).toList(), KINDS, 1);
    List<Integer> crisisRows = indexesWhere(train, LabelledLine::crisis);
    SemanticHeads.Head severity = Softmax.fit(rows(xTrain, crisisRows),
        crisisRows.stream().map(i -> SEVERITIES.indexOf(train.get(i).severity())).toList(), SEVERITIES, 2);
    SemanticHeads.Head abuse = Softmax.fit(xTrain, train.stream().map(l -> ABUSE.indexOf(l.abuseKind())).toList(), ABUSE, 3);
    Thresholds chosen = Thresholds.choose(new SemanticHeads(kind, severity, abuse, java.util.Map.of()), xDev, dev);
    write(kind, severity, abuse, chosen, digest(trainingFiles()), train.size(), dev.size());
    System.out.println("wrote " + OUT + ": " + chosen);
  }

  static List<Path> trainingFiles() throws IOException {
    try (Stream<Path> files = Files.list(DATA)) {
      List<Path> list = new ArrayList<>(files.filter(p -> p.getFileName().toString().startsWith("train-")).toList());
      Collections.sort(list);
      return list;
    }
  }

  static float[][] embed(List<LabelledLine> lines) {
    SentenceEncoder encoder = SentenceEncoder.bundled();
    float[][] x = new float[lines.size()][];
    for (int from = 0; from < lines.size(); from += 32) {
      List<String> batch = lines.subList(from, Math.min(lines.size(), from + 32)).stream().map(LabelledLine::text).toList();
      float[][] vectors = encoder.encodeAll(batch);
      System.arraycopy(vectors, 0, x, from, vectors.length);
    }
    return x;
  }

  private static List<Integer> indexesWhere(List<LabelledLine> lines, java.util.function.Predicate<LabelledLine> test) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) if (test.test(lines.get(i))) rows.add(i);
    return rows;
  }

  private static float[][] rows(float[][] x, List<Integer> rows) {
    return rows.stream().map(i -> x[i]).toArray(float[][]::new);
  }

  /** SHA-256 over the training files' names and bytes, in name order. */
  static String digest(List<Path> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Path file : files) {
        sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        sha.update(Files.readAllBytes(file));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(SemanticHeads.Head kind, SemanticHeads.Head severity, SemanticHeads.Head abuse,
                            Thresholds t, String digest, int trained, int dev) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("# The semantic layer's heads, written by SemanticTraining: do not edit by hand.\n");
    out.append("# Fitted on ").append(trained).append(" training lines; thresholds chosen on ").append(dev)
        .append(" dev lines: ").append(t).append('\n');
    out.append("digest\t").append(digest).append('\n');
    out.append("urgent\t").append(t.urgent()).append('\n');
    out.append("check-in\t").append(t.checkIn()).append('\n');
    out.append("abuse\t").append(t.abuse()).append('\n');
    append(out, "kind", kind);
    append(out, "severity", severity);
    append(out, "abuse", abuse);
    Files.writeString(OUT, out.toString());
  }

  private static void append(StringBuilder out, String name, SemanticHeads.Head head) {
    for (int c = 0; c < head.classes().size(); c++) {
      out.append(name).append('\t').append(head.classes().get(c)).append('\t').append((float) head.bias()[c]).append('\t');
      double[] w = head.weights()[c];
      for (int d = 0; d < w.length; d++) {
        if (d > 0) out.append(',');
        out.append((float) w[d]);
      }
      out.append('\n');
    }
  }

  /** Softmax regression by full-batch gradient descent with Adam, L2, and classes weighted to count alike. */
  static final class Softmax {
    static final int EPOCHS = 400;
    static final double RATE = 0.05;
    static final double L2 = 1e-4;

    static SemanticHeads.Head fit(float[][] x, List<Integer> y, List<String> classes, long seed) {
      int k = classes.size();
      int dims = x[0].length;
      double[][] w = new double[k][dims];
      double[] b = new double[k];
      Random random = new Random(seed);
      for (double[] row : w) for (int d = 0; d < dims; d++) row[d] = random.nextGaussian() * 0.01;
      double[] classWeight = classWeights(y, k);
      Adam adam = new Adam(k, dims);
      for (int epoch = 0; epoch < EPOCHS; epoch++) {
        double[][] gw = new double[k][dims];
        double[] gb = new double[k];
        SemanticHeads.Head head = new SemanticHeads.Head(classes, b, w);
        double total = 0;
        for (int i = 0; i < x.length; i++) {
          double[] p = head.probabilities(x[i]);
          double weight = classWeight[y.get(i)];
          total += weight;
          for (int c = 0; c < k; c++) {
            double g = weight * (p[c] - (c == y.get(i) ? 1 : 0));
            gb[c] += g;
            for (int d = 0; d < dims; d++) gw[c][d] += g * x[i][d];
          }
        }
        for (int c = 0; c < k; c++) {
          gb[c] /= total;
          for (int d = 0; d < dims; d++) gw[c][d] = gw[c][d] / total + L2 * w[c][d];
        }
        adam.step(w, b, gw, gb);
      }
      return new SemanticHeads.Head(classes, b, w);
    }

    private static double[] classWeights(List<Integer> y, int k) {
      double[] count = new double[k];
      y.forEach(c -> count[c]++);
      double[] weight = new double[k];
      for (int c = 0; c < k; c++) weight[c] = count[c] == 0 ? 0 : y.size() / (k * count[c]);
      return weight;
    }
  }

  /** Adam's moving averages for one softmax regression. */
  private static final class Adam {
    private final double[][] mw;
    private final double[][] vw;
    private final double[] mb;
    private final double[] vb;
    private int t;

    Adam(int k, int dims) {
      mw = new double[k][dims];
      vw = new double[k][dims];
      mb = new double[k];
      vb = new double[k];
    }

    void step(double[][] w, double[] b, double[][] gw, double[] gb) {
      t++;
      double c1 = 1 - Math.pow(0.9, t);
      double c2 = 1 - Math.pow(0.999, t);
      for (int c = 0; c < w.length; c++) {
        for (int d = 0; d < w[c].length; d++) {
          mw[c][d] = 0.9 * mw[c][d] + 0.1 * gw[c][d];
          vw[c][d] = 0.999 * vw[c][d] + 0.001 * gw[c][d] * gw[c][d];
          w[c][d] -= Softmax.RATE * (mw[c][d] / c1) / (Math.sqrt(vw[c][d] / c2) + 1e-8);
        }
        mb[c] = 0.9 * mb[c] + 0.1 * gb[c];
        vb[c] = 0.999 * vb[c] + 0.001 * gb[c] * gb[c];
        b[c] -= Softmax.RATE * (mb[c] / c1) / (Math.sqrt(vb[c] / c2) + 1e-8);
      }
    }
  }
}
