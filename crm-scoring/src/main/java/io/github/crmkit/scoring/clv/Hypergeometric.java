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
  /** The relative tolerance of {@link #logG}'s sums: half a unit in the last place. */
  private static final double SERIES_TOLERANCE = 0x1p-54;
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
      double slope = 1.0 / (1.0 - z);
      double tailFactor = z * slope;
      for (int k = 0; k < MAX_TERMS; k++) {
        double dk = d + k;
        double ck = c + k;
        // one division per term: 1/(dk ck) gives 1/dk, 1/ck and the ratio dk/ck
        double inv = 1.0 / (dk * ck);
        term *= dk * dk * inv * z;
        cumD += ck * inv;
        cumC += dk * inv;
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
        // largest weight ahead; the weights grow by 1 (k) and by at most 1/(d+k+1) <= 1 (sum 1/(d+j), sum 1/(c+j))
        // per term, so each weighted tail is below tail * (weight + 1/(1-z))
        double tail = term * tailFactor;
        if (tail < SERIES_TOLERANCE * sum
            && tail * (k + 1 + slope) < SERIES_TOLERANCE * sumK
            && tail * (cumD + slope) < SERIES_TOLERANCE * sumD
            && tail * (cumC + slope) < SERIES_TOLERANCE * sumC) {
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

  /**
   * {@code z U(1, 2 - s, z) = z int_0^infinity e^(-z v) (1 + v)^-s dv} for {@code s >= 0} and {@code z > 0}, Tricomi's
   * confluent hypergeometric function scaled into {@code (0, 1]} (DLMF 13.4.4). It equals
   * {@code z^s e^z Gamma(1 - s, z)} (DLMF 13.6.6 with Kummer's transformation 13.2.40), which is how it is computed:
   * for {@code z >= 1} by the Legendre continued fraction of the upper incomplete gamma function (modified Lentz,
   * valid for every real first argument), for {@code z < 1} as {@code Gamma(1 - s, 1) + int_z^1 t^-s e^-t dt} with the
   * integral summed from the exponential series term by term, {@code (z^(n+1-s) - 1) / (n + 1 - s)} evaluated with
   * {@code expm1} so that integer {@code s} (a logarithm in the limit) needs no special case. The Pareto/NBD
   * discounted expected residual transactions are {@code P(alive) (r+x)/(alpha+T) u(s, delta (beta+T)) / delta}.
   *
   * @param s the shape of the dropout-rate Gamma, {@code >= 0}
   * @param z positive
   * @return the value, in {@code (0, 1]}
   */
  static double scaledTricomiU(double s, double z) {
    double a = 1.0 - s;
    if (z >= 1.0) {
      return z * incompleteGammaFraction(a, z);
    }
    double logZ = Math.log(z);
    // z^s e^-1 * [e^1 Gamma(a, 1)] + z * sum_n (-1)^n / n! * z^n (z^-(a+n) - 1) / (a+n), all times e^z
    double sum = Math.exp(s * logZ - 1.0) * incompleteGammaFraction(a, 1.0);
    double factorial = 1.0;
    for (int n = 0; n < 200; n++) {
      if (n > 0) {
        factorial *= n;
      }
      double an = a + n;
      double term;
      if (Math.abs(an * logZ) < 1.0) {
        term = an == 0.0 ? -Math.exp((n + 1) * logZ) * logZ
            : Math.exp((n + 1) * logZ) * Math.expm1(-an * logZ) / an;
      } else {
        term = (Math.exp(s * logZ) - Math.exp((n + 1) * logZ)) / an;
      }
      term /= factorial;
      sum += (n & 1) == 0 ? term : -term;
      if (n > 2 && Math.abs(term) < 1e-17 * Math.abs(sum)) {
        break;
      }
    }
    double value = Math.exp(z) * sum;
    return value > 1.0 ? 1.0 : value;
  }

  /** {@code e^z z^-a Gamma(a, z)} for real {@code a} and {@code z >= 1} by Legendre's continued fraction. */
  private static double incompleteGammaFraction(double a, double z) {
    double tiny = 1e-300;
    double b = z + 1.0 - a;
    double c = 1.0 / tiny;
    double d = 1.0 / b;
    double h = d;
    for (int i = 1; i < 100_000; i++) {
      double an = -i * (i - a);
      b += 2.0;
      d = an * d + b;
      if (Math.abs(d) < tiny) {
        d = tiny;
      }
      c = b + an / c;
      if (Math.abs(c) < tiny) {
        c = tiny;
      }
      d = 1.0 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1.0) < 1e-16) {
        break;
      }
    }
    return h;
  }
}
