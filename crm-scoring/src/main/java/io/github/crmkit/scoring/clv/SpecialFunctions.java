package io.github.crmkit.scoring.clv;

/**
 * Log-gamma, digamma and log-beta for positive arguments, accurate to about 1e-14 absolute, written from the
 * classical recurrences and asymptotic (Stirling) series (Abramowitz and Stegun 6.1.40, 6.3.18).
 *
 * <p>Package-private; the BG/NBD, Pareto/NBD, BG/BB and Gamma-Gamma likelihoods share it. Stateless and thread-safe.
 */
final class SpecialFunctions {
  private static final double HALF_LOG_TWO_PI = 0.91893853320467274178;
  private static final double SHIFT = 10.0;

  private SpecialFunctions() {}

  /**
   * ln Gamma(x) for {@code x > 0}.
   *
   * @param x a positive argument
   * @return ln Gamma(x); NaN for NaN or non-positive x, +infinity for +infinity
   */
  static double logGamma(double x) {
    if (!(x > 0.0)) {
      return x == 0.0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    if (x >= SHIFT) {
      return stirling(x);
    }
    double product = 1.0;
    double y = x;
    while (y < SHIFT) {
      product *= y;
      y += 1.0;
    }
    return stirling(y) - Math.log(product);
  }

  private static double stirling(double x) {
    if (x == Double.POSITIVE_INFINITY) {
      return x;
    }
    double inv = 1.0 / x;
    double inv2 = inv * inv;
    double series = inv * (1.0 / 12 + inv2 * (-1.0 / 360 + inv2 * (1.0 / 1260 + inv2 * (-1.0 / 1680
        + inv2 * (1.0 / 1188 + inv2 * (-691.0 / 360360 + inv2 * (1.0 / 156)))))));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series;
  }

  /**
   * The digamma function psi(x) = d/dx ln Gamma(x) for {@code x > 0}.
   *
   * @param x a positive argument
   * @return psi(x); NaN for NaN or non-positive x
   */
  static double digamma(double x) {
    if (!(x > 0.0)) {
      return x == 0.0 ? Double.NEGATIVE_INFINITY : Double.NaN;
    }
    double result = 0.0;
    double y = x;
    while (y < SHIFT) {
      result -= 1.0 / y;
      y += 1.0;
    }
    if (y == Double.POSITIVE_INFINITY) {
      return y;
    }
    double inv = 1.0 / y;
    double inv2 = inv * inv;
    double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
        - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 * (1.0 / 12)))))));
    return result + Math.log(y) - 0.5 * inv - series;
  }

  /**
   * ln B(a, b) = ln Gamma(a) + ln Gamma(b) - ln Gamma(a + b).
   *
   * @param a positive
   * @param b positive
   * @return ln B(a, b)
   */
  static double logBeta(double a, double b) {
    return logGamma(a) + logGamma(b) - logGamma(a + b);
  }

  /**
   * ln(e^u + e^v) without overflow; either may be -infinity.
   *
   * @param u a log value
   * @param v a log value
   * @return ln(e^u + e^v)
   */
  static double logSumExp(double u, double v) {
    double max = Math.max(u, v);
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    return max + Math.log1p(Math.exp(Math.min(u, v) - max));
  }
}
