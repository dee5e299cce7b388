package app.talkingstick.conduct;

import java.util.List;

/**
 * Fits the {@link SemanticHeads.AbuseBlend}: a logistic regression of "is abuse" on the log-odds of the abuse
 * heads' and of the word features' P(abuse), by Newton's method, on the out-of-writer readings (so the blend
 * weighs each by how well it reads writers it never saw, not by how well it fits its own).
 */
final class AbuseBlendFit {
  private static final int ITERATIONS = 50;
  /** A touch of L2, so that the fit stays finite should the readings separate the classes. */
  private static final double L2 = 1e-6;

  private AbuseBlendFit() {}

  static SemanticHeads.AbuseBlend on(List<Thresholds.Scored> readings) {
    int n = readings.size();
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      Thresholds.Scored s = readings.get(i);
      x[i] = new double[] {SemanticHeads.AbuseBlend.logit(s.headsAbuse()), SemanticHeads.AbuseBlend.logit(s.wordsAbuse()), 1};
      y[i] = "abuse".equals(s.line().group()) ? 1 : 0;
    }
    double[] b = new double[3];
    for (int it = 0; it < ITERATIONS; it++) {
      double[] g = new double[3];
      double[][] h = new double[3][3];
      for (int i = 0; i < n; i++) {
        double p = 1 / (1 + Math.exp(-(b[0] * x[i][0] + b[1] * x[i][1] + b[2])));
        for (int r = 0; r < 3; r++) {
          g[r] += (p - y[i]) * x[i][r];
          for (int c = 0; c < 3; c++) h[r][c] += p * (1 - p) * x[i][r] * x[i][c];
        }
      }
      for (int r = 0; r < 3; r++) {
        g[r] += L2 * b[r];
        h[r][r] += L2;
      }
      double[] step = solve(h, g);
      for (int r = 0; r < 3; r++) b[r] -= step[r];
    }
    return new SemanticHeads.AbuseBlend(b[0], b[1], b[2]);
  }

  /** {@code a x = y} for a small symmetric positive-definite {@code a}, by Gaussian elimination. */
  private static double[] solve(double[][] a, double[] y) {
    int n = y.length;
    double[][] m = new double[n][n + 1];
    for (int r = 0; r < n; r++) {
      System.arraycopy(a[r], 0, m[r], 0, n);
      m[r][n] = y[r];
    }
    for (int c = 0; c < n; c++) {
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) m[r][k] -= f * m[c][k];
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int k = r + 1; k < n; k++) s -= m[r][k] * x[k];
      x[r] = s / m[r][r];
    }
    return x;
  }
}
