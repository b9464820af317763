package io.github.crmkit.scoring.clv;

import static io.github.crmkit.scoring.clv.SpecialFunctions.digamma;
import static io.github.crmkit.scoring.clv.SpecialFunctions.logGamma;

/**
 * The Gamma-Gamma weighted log-likelihood of mean repeat spend with its analytic gradient in {@code (p, q, gamma)}
 * (Fader, Hardie and Lee 2005, "RFM and CLV: using iso-value curves for customer base analysis", JMR 42(4),
 * equation 3 of their technical note; Colombo and Jiang 1999). For a customer with {@code x > 0} repeat purchases of
 * mean value {@code m}:
 * <pre>
 *   ln f = ln Gamma(px+q) - ln Gamma(px) - ln Gamma(q) + q ln gamma + (px-1) ln m + px ln x - (px+q) ln(gamma + x m)
 * </pre>
 * Rows are sorted by {@code x}, so the log-gammas and digammas of {@code px} and {@code px+q} are computed once per
 * distinct frequency.
 *
 * <p>Package-private; not thread-safe (one instance per fit).
 */
final class GammaGammaLikelihood implements LogLikelihood {
  private final int[] x;
  private final double[] spend;
  private final double[] logSpend;
  private final double[] logX;
  private final double[] weight;
  private final double total;

  /** Rows with {@code x > 0} only, already checked; sorted here by frequency. */
  GammaGammaLikelihood(int[] frequency, double[] meanSpend, double[] weights) {
    int n = 0;
    for (int xi : frequency) {
      if (xi > 0) {
        n++;
      }
    }
    long[] keys = new long[n];
    int k = 0;
    for (int i = 0; i < frequency.length; i++) {
      if (frequency[i] > 0) {
        keys[k++] = ((long) frequency[i] << 32) | i;
      }
    }
    java.util.Arrays.sort(keys);
    this.x = new int[n];
    this.spend = new double[n];
    this.logSpend = new double[n];
    this.logX = new double[n];
    this.weight = new double[n];
    double sum = 0.0;
    for (int j = 0; j < n; j++) {
      int i = (int) keys[j];
      x[j] = frequency[i];
      spend[j] = meanSpend[i];
      logSpend[j] = Math.log(meanSpend[i]);
      logX[j] = Math.log(frequency[i]);
      weight[j] = weights == null ? 1.0 : weights[i];
      sum += weight[j];
    }
    this.total = sum;
  }

  int size() {
    return x.length;
  }

  @Override
  public int dimension() {
    return 3;
  }

  @Override
  public double totalWeight() {
    return total;
  }

  @Override
  public double value(double[] theta, double[] gradient) {
    double p = theta[0];
    double q = theta[1];
    double gamma = theta[2];
    double logGammaParameter = Math.log(gamma);
    double lgQ = logGamma(q);
    double psiQ = digamma(q);
    double sum = 0.0;
    double gp = 0.0;
    double gq = 0.0;
    double gg = 0.0;
    int currentX = -1;
    double constant = 0.0;
    double psiPxq = 0.0;
    double psiPx = 0.0;
    for (int i = 0; i < x.length; i++) {
      int xi = x[i];
      double px = p * xi;
      if (xi != currentX) {
        currentX = xi;
        constant = logGamma(px + q) - logGamma(px) - lgQ + q * logGammaParameter;
        if (gradient != null) {
          psiPxq = digamma(px + q);
          psiPx = digamma(px);
        }
      }
      double g = gamma + xi * spend[i];
      double logG = Math.log(g);
      double w = weight[i];
      sum += w * (constant + (px - 1.0) * logSpend[i] + px * logX[i] - (px + q) * logG);
      if (gradient != null) {
        gp += w * xi * (psiPxq - psiPx + logSpend[i] + logX[i] - logG);
        gq += w * (psiPxq - psiQ + logGammaParameter - logG);
        gg += w * (q / gamma - (px + q) / g);
      }
    }
    if (gradient != null) {
      gradient[0] = gp;
      gradient[1] = gq;
      gradient[2] = gg;
    }
    return sum;
  }
}
