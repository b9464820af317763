package io.github.crmkit.scoring.clv;

import static io.github.crmkit.scoring.clv.SpecialFunctions.digamma;
import static io.github.crmkit.scoring.clv.SpecialFunctions.logGamma;

/**
 * The BG/NBD (Fader, Hardie and Lee 2005, equation 6) and MBG/NBD (Batislam, Denizel and Filiztekin 2007) weighted
 * log-likelihood with its analytic gradient in {@code (r, alpha, a, b)}.
 *
 * <p>Per customer, with {@code b' = b} (BG/NBD) or {@code b + 1} (MBG/NBD),
 * <pre>
 *   ln L = ln Gamma(r+x) - ln Gamma(r) + r ln alpha + ln B(a, b'+x) - ln B(a, b)
 *          + ln( (alpha+T)^-(r+x) + d * a/(b'+x-1) * (alpha+t_x)^-(r+x) )
 * </pre>
 * where {@code d = 1} when {@code x > 0} or the model is MBG/NBD and 0 otherwise (the ratio
 * {@code B(a+1, b'+x-1) / B(a, b'+x) = a / (b'+x-1)}). The sum is taken in log space (log-sum-exp), so no term
 * overflows. The terms that depend on {@code x} alone (log-gammas and digammas) are computed once per distinct
 * {@code x}; rows sorted by frequency (as {@link RepeatPurchaseColumns#compress()} leaves them) need each only once.
 *
 * <p>Package-private; not thread-safe (one instance per fit: it keeps per-evaluation tables of logarithms).
 */
final class BgNbdLikelihood implements LogLikelihood {
  private final boolean modified;
  private final int[] x;
  private final double[] tx;
  private final double[] age;
  private final double[] weight;
  private final double total;
  /** Row to distinct age, distinct ages, and per evaluation ln(alpha + T) and 1/(alpha + T) of each. */
  private final int[] ageIndex;
  private final double[] ages;
  private final double[] logAlphaAge;
  private final double[] inverseAlphaAge;
  /** The same for the recencies. */
  private final int[] recencyIndex;
  private final double[] recencies;
  private final double[] logAlphaRecency;
  private final double[] inverseAlphaRecency;

  BgNbdLikelihood(boolean modified, RepeatPurchaseColumns data) {
    this.modified = modified;
    this.x = data.frequencies();
    this.tx = data.recencies();
    this.age = data.ages();
    this.weight = data.weights();
    this.total = data.totalWeight();
    this.ageIndex = new int[x.length];
    this.ages = distinct(age, ageIndex);
    this.logAlphaAge = new double[ages.length];
    this.inverseAlphaAge = new double[ages.length];
    this.recencyIndex = new int[x.length];
    this.recencies = distinct(tx, recencyIndex);
    this.logAlphaRecency = new double[recencies.length];
    this.inverseAlphaRecency = new double[recencies.length];
  }

  /**
   * The distinct values of {@code values} in order of first occurrence, and for each row the index of its value:
   * times repeat (customers acquired on the same day, purchases on the same day), so the logarithms of
   * {@code alpha + T} and {@code alpha + t_x} are computed once per distinct value and evaluation.
   */
  static double[] distinct(double[] values, int[] index) {
    int n = values.length;
    int capacity = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
    int mask = capacity - 1;
    int[] table = new int[capacity];
    java.util.Arrays.fill(table, -1);
    double[] unique = new double[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      double v = values[i] + 0.0;
      long bits = Double.doubleToLongBits(v);
      long h = bits * 0x9E3779B97F4A7C15L;
      int slot = (int) (h ^ (h >>> 32)) & mask;
      while (true) {
        int u = table[slot];
        if (u < 0) {
          table[slot] = count;
          unique[count] = v;
          index[i] = count++;
          break;
        }
        if (unique[u] == v) {
          index[i] = u;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    return java.util.Arrays.copyOf(unique, count);
  }

  @Override
  public int dimension() {
    return 4;
  }

  @Override
  public double totalWeight() {
    return total;
  }

  @Override
  public double value(double[] theta, double[] gradient) {
    double r = theta[0];
    double alpha = theta[1];
    double a = theta[2];
    double b = theta[3];
    double bp = modified ? b + 1.0 : b;
    double logAlpha = Math.log(alpha);
    double logA = Math.log(a);
    double lgR = logGamma(r);
    double psiR = digamma(r);
    double lgB = logGamma(b);
    double psiB = digamma(b);
    double lgAb = logGamma(a + b);
    double psiAb = digamma(a + b);
    for (int u = 0; u < ages.length; u++) {
      double v = alpha + ages[u];
      logAlphaAge[u] = Math.log(v);
      inverseAlphaAge[u] = 1.0 / v;
    }
    for (int u = 0; u < recencies.length; u++) {
      double v = alpha + recencies[u];
      logAlphaRecency[u] = Math.log(v);
      inverseAlphaRecency[u] = 1.0 / v;
    }
    double sum = 0.0;
    double gr = 0.0;
    double galpha = 0.0;
    double ga = 0.0;
    double gb = 0.0;
    int currentX = -1;
    double constant = 0.0;
    double dr = 0.0;
    double da = 0.0;
    double db = 0.0;
    double logRatio = 0.0;
    double inverseBx = 0.0;
    boolean second = false;
    for (int i = 0; i < x.length; i++) {
      int xi = x[i];
      if (xi != currentX) {
        currentX = xi;
        double rx = r + xi;
        double bx = bp + xi;
        constant = logGamma(rx) - lgR + r * logAlpha + lgAb + logGamma(bx) - lgB - logGamma(a + bx);
        dr = digamma(rx) - psiR + logAlpha;
        double psiAbx = digamma(a + bx);
        da = psiAb - psiAbx;
        db = psiAb + digamma(bx) - psiB - psiAbx;
        second = modified || xi > 0;
        if (second) {
          logRatio = logA - Math.log(bx - 1.0);
          inverseBx = 1.0 / (bx - 1.0);
        }
      }
      double rx = r + xi;
      int ai = ageIndex[i];
      double logAlphaT = logAlphaAge[ai];
      double c1 = -rx * logAlphaT;
      double w = weight[i];
      if (!second) {
        sum += w * (constant + c1);
        if (gradient != null) {
          gr += w * (dr - logAlphaT);
          galpha += w * (r / alpha - rx * inverseAlphaAge[ai]);
          ga += w * da;
          gb += w * db;
        }
        continue;
      }
      int ri = recencyIndex[i];
      double logAlphaTx = logAlphaRecency[ri];
      double c2 = logRatio - rx * logAlphaTx;
      double w2;
      double lse;
      if (c2 >= c1) {
        double e = Math.exp(c1 - c2);
        lse = c2 + Math.log1p(e);
        w2 = 1.0 / (1.0 + e);
      } else {
        double e = Math.exp(c2 - c1);
        lse = c1 + Math.log1p(e);
        w2 = e / (1.0 + e);
      }
      double w1 = 1.0 - w2;
      sum += w * (constant + lse);
      if (gradient != null) {
        gr += w * (dr - w1 * logAlphaT - w2 * logAlphaTx);
        galpha += w * (r / alpha - rx * (w1 * inverseAlphaAge[ai] + w2 * inverseAlphaRecency[ri]));
        ga += w * (da + w2 / a);
        gb += w * (db - w2 * inverseBx);
      }
    }
    if (gradient != null) {
      gradient[0] = gr;
      gradient[1] = galpha;
      gradient[2] = ga;
      gradient[3] = gb;
    }
    return sum;
  }
}
