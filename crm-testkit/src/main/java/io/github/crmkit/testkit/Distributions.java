package io.github.crmkit.testkit;

import java.util.random.RandomGenerator;

/**
 * Samplers for the continuous and discrete distributions the synthetic purchase generator draws from.
 *
 * <p>Every sampler is a pure function of the generator's {@code nextLong()} stream: uniforms are built here from
 * {@code nextLong()} (not from {@code nextDouble()} or {@code nextGaussian()}, whose algorithms a JDK may change), and
 * all transcendental functions come from {@link StrictMath}, whose results are specified bit for bit. With a
 * {@link java.util.SplittableRandom} (whose algorithm is fixed) the draws are therefore identical on every JVM,
 * platform and thread.
 *
 * <p>Stateless and thread-safe; the generator passed in is of course mutated and must not be shared between threads.
 */
final class Distributions {

  /** 2^-53: the spacing of the doubles in [0.5, 1) and the resolution of {@link #uniform(RandomGenerator)}. */
  private static final double ULP_53 = 0x1.0p-53;

  private Distributions() {}

  /**
   * A uniform draw from [0, 1) on the grid of multiples of 2^-53.
   *
   * @param rng the source of randomness
   * @return a value in [0, 1)
   */
  static double uniform(RandomGenerator rng) {
    return (rng.nextLong() >>> 11) * ULP_53;
  }

  /**
   * A uniform draw from (0, 1], the safe argument for a logarithm.
   *
   * @param rng the source of randomness
   * @return a value in (0, 1]
   */
  static double uniformPositive(RandomGenerator rng) {
    return ((rng.nextLong() >>> 11) + 1) * ULP_53;
  }

  /**
   * A standard normal draw by Marsaglia's polar method (the second variate of each accepted pair is discarded so that
   * no state is kept between calls).
   *
   * @param rng the source of randomness
   * @return a draw from N(0, 1)
   */
  static double standardNormal(RandomGenerator rng) {
    while (true) {
      double u = 2.0 * uniform(rng) - 1.0;
      double v = 2.0 * uniform(rng) - 1.0;
      double s = u * u + v * v;
      if (s < 1.0 && s > 0.0) {
        return u * StrictMath.sqrt(-2.0 * StrictMath.log(s) / s);
      }
    }
  }

  /**
   * A draw from the exponential distribution with the given rate (mean {@code 1 / rate}).
   *
   * @param rng the source of randomness
   * @param rate the rate, {@code >= 0}; a zero rate gives {@link Double#POSITIVE_INFINITY}
   * @return a draw in [0, +infinity]
   */
  static double exponential(RandomGenerator rng, double rate) {
    double standard = -StrictMath.log(uniformPositive(rng));
    return rate == 0.0 ? Double.POSITIVE_INFINITY : standard / rate;
  }

  /**
   * A draw from the Gamma distribution with the given shape and rate (mean {@code shape / rate}, variance
   * {@code shape / rate^2}), by Marsaglia and Tsang (2000), "A simple method for generating gamma variables", ACM TOMS
   * 26(3). A shape below 1 is boosted: a Gamma(shape + 1) draw times {@code U^(1 / shape)}.
   *
   * <p>For a very small shape the result may underflow to zero; it is never negative, NaN or infinite.
   *
   * @param rng the source of randomness
   * @param shape the shape, {@code > 0}
   * @param rate the rate, {@code > 0}
   * @return a draw in [0, +infinity)
   */
  static double gamma(RandomGenerator rng, double shape, double rate) {
    if (shape < 1.0) {
      double boosted = standardGammaAtLeastOne(rng, shape + 1.0);
      double boost = StrictMath.exp(StrictMath.log(uniformPositive(rng)) / shape);
      return boosted * boost / rate;
    }
    return standardGammaAtLeastOne(rng, shape) / rate;
  }

  /**
   * The natural logarithm of a standard (rate 1) Gamma draw, computed without underflow for a tiny shape.
   *
   * @param rng the source of randomness
   * @param shape the shape, {@code > 0}
   * @return the logarithm of a Gamma(shape, 1) draw, finite
   */
  static double logStandardGamma(RandomGenerator rng, double shape) {
    if (shape < 1.0) {
      double boosted = standardGammaAtLeastOne(rng, shape + 1.0);
      return StrictMath.log(boosted) + StrictMath.log(uniformPositive(rng)) / shape;
    }
    return StrictMath.log(standardGammaAtLeastOne(rng, shape));
  }

  /**
   * A draw from the Beta distribution, as {@code X / (X + Y)} with independent {@code X ~ Gamma(a, 1)} and
   * {@code Y ~ Gamma(b, 1)} (computed from their logarithms so that tiny shapes do not give 0 / 0).
   *
   * @param rng the source of randomness
   * @param a the first shape, {@code > 0}
   * @param b the second shape, {@code > 0}
   * @return a draw in [0, 1]
   */
  static double beta(RandomGenerator rng, double a, double b) {
    double logX = logStandardGamma(rng, a);
    double logY = logStandardGamma(rng, b);
    // X / (X + Y) = 1 / (1 + exp(log Y - log X)); exp overflows to +inf and gives exactly 0, which is fine
    return 1.0 / (1.0 + StrictMath.exp(logY - logX));
  }

  /**
   * The number of Bernoulli({@code p}) trials up to and including the first success, by inversion:
   * {@code 1 + floor(log U / log(1 - p))}.
   *
   * @param rng the source of randomness
   * @param p the success probability in [0, 1]
   * @return a draw in [1, Long.MAX_VALUE]; {@link Long#MAX_VALUE} stands for "never" (p = 0, or a count too large to
   *     matter)
   */
  static long geometric(RandomGenerator rng, double p) {
    double logU = StrictMath.log(uniformPositive(rng));
    if (p >= 1.0) {
      return 1L;
    }
    double logQ = StrictMath.log1p(-p);
    if (logQ == 0.0) {
      return Long.MAX_VALUE;
    }
    double failures = StrictMath.floor(logU / logQ);
    return failures >= 0x1.0p62 ? Long.MAX_VALUE : 1L + (long) failures;
  }

  private static double standardGammaAtLeastOne(RandomGenerator rng, double shape) {
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / StrictMath.sqrt(9.0 * d);
    while (true) {
      double x;
      double v;
      do {
        x = standardNormal(rng);
        v = 1.0 + c * x;
      } while (v <= 0.0);
      v = v * v * v;
      double u = uniformPositive(rng);
      double x2 = x * x;
      // the squeeze accepts about 98% of the candidates without a logarithm
      if (u < 1.0 - 0.0331 * x2 * x2) {
        return d * v;
      }
      if (StrictMath.log(u) < 0.5 * x2 + d * (1.0 - v + StrictMath.log(v))) {
        return d * v;
      }
    }
  }
}
