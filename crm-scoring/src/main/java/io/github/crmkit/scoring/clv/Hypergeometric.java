package io.github.crmkit.scoring.clv;

/**
 * The Gauss hypergeometric function {@code 2F1(a, b; c; z)} in log space, for positive parameters, and the function
 * the Pareto/NBD likelihood is built from, {@code G(d, c; z) = 2F1(1, d; c; z)}, with its partial derivatives.
 *
 * <p>Method. For {@code 0 <= z < 1} and positive {@code a, b, c} every term of the Gauss series
 * {@code sum_k (a)_k (b)_k / ((c)_k k!) z^k} is positive, so the sum has no cancellation; it is accumulated relative
 * to a running scale (rescaled by {@code 2^-600} whenever it exceeds {@code 2^600}), so its logarithm is exact even
 * where the value itself would overflow a double (for example {@code (1 - z)^-b} with {@code b} in the hundreds).
 * Of the two equivalent series, the plain one and Euler's transformation
 * {@code 2F1(a, b; c; z) = (1 - z)^(c - a - b) 2F1(c - a, c - b; c; z)} (Abramowitz and Stegun 15.3.3), the one
 * whose term ratios are smaller is summed. For {@code z < 0} Pfaff's transformation
 * {@code 2F1(a, b; c; z) = (1 - z)^-a 2F1(a, c - b; c; z / (z - 1))} (A&amp;S 15.3.4, or its twin with
 * {@code a} and {@code b} swapped) brings the argument into {@code [0, 1)}; it needs {@code c > b} (or
 * {@code c > a}) so that the new series keeps positive terms. Summation stops when the remaining tail, bounded
 * by a geometric series with the larger of the current term ratio and {@code z}, is below {@code 1e-17} of the
 * sum. The number of terms grows like {@code 1 / (1 - z)}; it is capped at {@value #MAX_TERMS}, where
 * {@code z} would have to be within about {@code 1e-6} of 1 (the result then lacks the tail and is a lower bound).
 *
 * <p>Pareto/NBD (Fader and Hardie 2005, "A note on deriving the Pareto/NBD model and related expressions") needs
 * {@code 2F1(a, b; a + 1; z)} with {@code a = r + s + x}; Euler's transformation turns it into
 * {@code (1 - z)^(1 - b) G(a + 1 - b, a + 1; z)}, whose term ratios {@code (d + k) / (c + k) z} are below {@code z}
 * whatever the size of {@code x}, so the function of the likelihood is {@link #logG}, which also returns the
 * partial derivatives of {@code ln G} by differentiating the series term by term.
 *
 * <p>Package-private; stateless and thread-safe.
 */
final class Hypergeometric {
  /** The cap on the number of series terms. */
  static final int MAX_TERMS = 20_000_000;

  private static final double RELATIVE_TOLERANCE = 1e-17;
  private static final double BIG = 0x1p600;
  private static final double SMALL = 0x1p-600;
  private static final double LOG_BIG = 600.0 * Math.log(2.0);

  private Hypergeometric() {}

  /**
   * {@code ln 2F1(a, b; c; z)}.
   *
   * @param a positive
   * @param b positive
   * @param c positive
   * @param z below 1; when negative, {@code c} must exceed {@code a} or {@code b}
   * @return the logarithm of the function's value; NaN outside the domain
   */
  static double log2F1(double a, double b, double c, double z) {
    if (!(a > 0.0 && b > 0.0 && c > 0.0 && z < 1.0) || Double.isInfinite(a + b + c)) {
      return Double.NaN;
    }
    if (z == 0.0) {
      return 0.0;
    }
    if (z < 0.0) {
      double w = z / (z - 1.0);
      double log1mz = Math.log1p(-z);
      // Pfaff: (1-z)^-a F(a, c-b; c; w) or (1-z)^-b F(c-a, b; c; w); prefer the series with smaller terms
      boolean viaA = c > b && (!(c > a) || (c - b) <= (c - a));
      if (viaA) {
        return -a * log1mz + logSeries(a, c - b, c, w);
      }
      if (c > a) {
        return -b * log1mz + logSeries(c - a, b, c, w);
      }
      return Double.NaN;
    }
    // Euler: (1-z)^(c-a-b) F(c-a, c-b; c; z), when its parameters are positive and its terms smaller
    if (c > a && c > b && (c - a) * (c - b) < a * b) {
      return (c - a - b) * Math.log1p(-z) + logSeries(c - a, c - b, c, z);
    }
    return logSeries(a, b, c, z);
  }

  /** The Gauss series for positive parameters and {@code 0 <= z < 1}, summed in log space. */
  private static double logSeries(double a, double b, double c, double z) {
    double sum = 1.0;
    double compensation = 0.0;
    double term = 1.0;
    double logScale = 0.0;
    for (int k = 0; k < MAX_TERMS; k++) {
      double ratio = (a + k) * (b + k) / ((c + k) * (k + 1.0)) * z;
      term *= ratio;
      // Kahan summation: long sums (z near 1) keep their last digits
      double y = term - compensation;
      double t = sum + y;
      compensation = (t - sum) - y;
      sum = t;
      if (sum > BIG) {
        sum *= SMALL;
        compensation *= SMALL;
        term *= SMALL;
        logScale += LOG_BIG;
      }
      double bound = Math.max((a + k + 1) * (b + k + 1) / ((c + k + 1) * (k + 2.0)) * z, z);
      if (bound < 1.0 && term * bound < RELATIVE_TOLERANCE * (1.0 - bound) * sum) {
        break;
      }
    }
    return logScale + Math.log(sum);
  }

  /**
   * {@code ln G(d, c; z)} with {@code G(d, c; z) = 2F1(1, d; c; z) = sum_k [(d)_k / (c)_k] z^k}, and its partial
   * derivatives: {@code partials[0] = d ln G / d d}, {@code partials[1] = d ln G / d c},
   * {@code partials[2] = d ln G / d z}, each the ratio of the term-by-term differentiated series to the series
   * ({@code d ln (d)_k / d d = sum_{j<k} 1 / (d + j)}).
   *
   * @param d positive
   * @param c above {@code d} (the series then converges at every {@code z} in {@code [0, 1)} with ratios below z)
   * @param z in {@code [0, 1)}
   * @param partials null, or an array of at least 3 elements that receives the partial derivatives of {@code ln G}
   * @return {@code ln G}
   */
  static double logG(double d, double c, double z, double[] partials) {
    double sum = 1.0;
    double sumD = 0.0;
    double sumC = 0.0;
    double sumK = 0.0;
    double term = 1.0;
    double logScale = 0.0;
    if (z > 0.0) {
      double cumD = 0.0;
      double cumC = 0.0;
      for (int k = 0; k < MAX_TERMS; k++) {
        double dk = d + k;
        double ck = c + k;
        term *= dk / ck * z;
        cumD += 1.0 / dk;
        cumC += 1.0 / ck;
        sum += term;
        sumD += term * cumD;
        sumC += term * cumC;
        sumK += term * (k + 1);
        if (sum > BIG) {
          sum *= SMALL;
          sumD *= SMALL;
          sumC *= SMALL;
          sumK *= SMALL;
          term *= SMALL;
          logScale += LOG_BIG;
        }
        // the ratios (d+k)/(c+k) z stay below z, so the tail after this term is below term z / (1 - z) times the
        // largest weight ahead; the weights grow at most by 1 (k), 1/(d+k) and 1/(c+k) per term
        double tail = term * z / (1.0 - z);
        double slope = 1.0 / (1.0 - z);
        if (tail < RELATIVE_TOLERANCE * sum
            && tail * (k + 1 + slope) < RELATIVE_TOLERANCE * sumK
            && tail * (cumD + slope / (dk + 1.0)) < RELATIVE_TOLERANCE * sumD
            && tail * (cumC + slope / (ck + 1.0)) < RELATIVE_TOLERANCE * sumC) {
          break;
        }
      }
    }
    if (partials != null) {
      partials[0] = sumD / sum;
      partials[1] = -sumC / sum;
      partials[2] = z > 0.0 ? sumK / (sum * z) : d / c;
    }
    return logScale + Math.log(sum);
  }
}
