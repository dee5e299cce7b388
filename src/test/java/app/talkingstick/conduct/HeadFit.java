package app.talkingstick.conduct;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Fits one of the semantic layer's heads ({@link SemanticHeads.Head}): one hidden layer of rectified units
 * and a softmax, by mini-batch Adam with L2 on the weights, each line weighted (its class's weight, when the
 * classes are balanced, times its own). The seed fixes the starting weights and the order of the batches.
 *
 * <p>While fitting, the hidden layer's weights are kept a row per input dimension, not per unit: each
 * line's forward and backward passes then run along the hidden units, loops the JIT turns into vector
 * instructions, where a dot product per unit runs one multiply at a time (about three times faster on the
 * benchmark machine, the same heads to 1e-15: the out-of-writer readings of 44,410 lines took 28 minutes).
 */
final class HeadFit {
  static final int HIDDEN = 96;
  static final int EPOCHS = 20;
  static final int BATCH = 32;
  static final double RATE = 1e-3;
  static final double L2 = 1e-4;
  /** What the heads are: readings kept for training are reused only while this stays the same. */
  static final String SHAPE = "hidden " + HIDDEN + ", epochs " + EPOCHS + ", batch " + BATCH + ", rate " + RATE + ", l2 " + L2;

  private final int dims;
  private final int classes;
  /** The parameters: hidden biases, hidden weights by input dimension ([d][j]), class biases, class weights ([c][j]). */
  private final double[][][] p;
  private final double[][][] grad;
  private final double[][][] m;
  private final double[][][] v;
  /** The softmax layer as {@link SemanticHeads.Head} reads it, over the same arrays the steps update. */
  private final SemanticHeads.Head out;
  private int steps;

  private HeadFit(int dims, List<String> names, Random random) {
    this.dims = dims;
    this.classes = names.size();
    double[][] w1 = new double[dims][HIDDEN];
    double scale1 = Math.sqrt(2.0 / dims);
    for (int j = 0; j < HIDDEN; j++) for (int d = 0; d < dims; d++) w1[d][j] = random.nextGaussian() * scale1;
    double[][] w2 = new double[classes][HIDDEN];
    double scale2 = Math.sqrt(2.0 / HIDDEN);
    for (double[] row : w2) for (int j = 0; j < HIDDEN; j++) row[j] = random.nextGaussian() * scale2;
    p = new double[][][] {{new double[HIDDEN]}, w1, {new double[classes]}, w2};
    grad = zerosLike(p);
    m = zerosLike(p);
    v = zerosLike(p);
    out = new SemanticHeads.Head(names, p[0][0], new double[0][], p[2][0], p[3]);
  }

  /**
   * {@code balanced}: classes weighted to count alike (else each line counts once, so the head keeps their
   * priors); {@code weights}: each line's own weight on top ({@link AddressedWeights}), or null.
   */
  static SemanticHeads.Head fit(float[][] x, List<Integer> y, List<String> classes, long seed, boolean balanced,
                                double[] weights) {
    Random random = new Random(seed);
    HeadFit fit = new HeadFit(x[0].length, classes, random);
    double[] classWeight = balanced ? classWeights(y, classes.size()) : ones(classes.size());
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < x.length; i++) order.add(i);
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      Collections.shuffle(order, random);
      for (int from = 0; from < order.size(); from += BATCH) {
        double total = 0;
        for (int i : order.subList(from, Math.min(order.size(), from + BATCH))) {
          double w = classWeight[y.get(i)] * (weights == null ? 1 : weights[i]);
          fit.add(x[i], y.get(i), w);
          total += w;
        }
        fit.step(total);
      }
    }
    return fit.head(classes);
  }

  private double[] hidden(float[] x) {
    double[] h = p[0][0].clone();
    double[][] w1 = p[1];
    for (int d = 0; d < dims; d++) {
      double xd = x[d];
      double[] row = w1[d];
      for (int j = 0; j < HIDDEN; j++) h[j] += xd * row[j];
    }
    for (int j = 0; j < HIDDEN; j++) h[j] = Math.max(0, h[j]);
    return h;
  }

  /** Adds one line's gradient of the weighted cross-entropy to the batch's. */
  private void add(float[] x, int label, double weight) {
    double[] h = hidden(x);
    double[] prob = out.softmax(h);
    double[] dh = new double[HIDDEN];
    for (int c = 0; c < classes; c++) {
      double g = weight * (prob[c] - (c == label ? 1 : 0));
      grad[2][0][c] += g;
      double[] gw2 = grad[3][c];
      double[] w2 = p[3][c];
      for (int j = 0; j < HIDDEN; j++) {
        gw2[j] += g * h[j];
        dh[j] += g * w2[j];
      }
    }
    for (int j = 0; j < HIDDEN; j++) {
      if (h[j] <= 0) dh[j] = 0;
      grad[0][0][j] += dh[j];
    }
    double[][] gw1 = grad[1];
    for (int d = 0; d < dims; d++) {
      double xd = x[d];
      double[] row = gw1[d];
      for (int j = 0; j < HIDDEN; j++) row[j] += xd * dh[j];
    }
  }

  /** One Adam step on the batch's gradient (divided by the batch's weight, L2 added on the weights), then cleared. */
  private void step(double total) {
    steps++;
    double c1 = 1 - Math.pow(0.9, steps);
    double c2 = 1 - Math.pow(0.999, steps);
    double scale = 1 / Math.max(1e-9, total);
    for (int i = 0; i < 4; i++) {
      double l2 = i % 2 == 1 ? L2 : 0;
      for (int r = 0; r < p[i].length; r++) {
        double[] pr = p[i][r];
        double[] gr = grad[i][r];
        double[] mr = m[i][r];
        double[] vr = v[i][r];
        for (int c = 0; c < pr.length; c++) {
          double g = gr[c] * scale + l2 * pr[c];
          mr[c] = 0.9 * mr[c] + 0.1 * g;
          vr[c] = 0.999 * vr[c] + 0.001 * g * g;
          pr[c] -= RATE * (mr[c] / c1) / (Math.sqrt(vr[c] / c2) + 1e-8);
          gr[c] = 0;
        }
      }
    }
  }

  /** The fitted head, its hidden weights back a row per unit as {@link SemanticHeads.Head} reads them. */
  private SemanticHeads.Head head(List<String> names) {
    double[][] w1 = new double[HIDDEN][dims];
    for (int d = 0; d < dims; d++) for (int j = 0; j < HIDDEN; j++) w1[j][d] = p[1][d][j];
    double[][] w2 = new double[classes][];
    for (int c = 0; c < classes; c++) w2[c] = p[3][c].clone();
    return new SemanticHeads.Head(names, p[0][0].clone(), w1, p[2][0].clone(), w2);
  }

  private static double[][][] zerosLike(double[][][] p) {
    double[][][] z = new double[p.length][][];
    for (int i = 0; i < p.length; i++) {
      z[i] = new double[p[i].length][];
      for (int r = 0; r < p[i].length; r++) z[i][r] = new double[p[i][r].length];
    }
    return z;
  }

  private static double[] ones(int k) {
    double[] w = new double[k];
    java.util.Arrays.fill(w, 1);
    return w;
  }

  private static double[] classWeights(List<Integer> y, int k) {
    double[] count = new double[k];
    y.forEach(c -> count[c]++);
    double[] weight = new double[k];
    for (int c = 0; c < k; c++) weight[c] = count[c] == 0 ? 0 : y.size() / (k * count[c]);
    return weight;
  }
}
