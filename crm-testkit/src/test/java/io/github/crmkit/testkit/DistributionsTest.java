package io.github.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Checks the samplers' first two moments against the analytic values.
 *
 * <p>Tolerances. With n = 200,000 independent draws from a distribution with variance {@code sigma^2} and excess
 * kurtosis {@code kappa}, the sample mean has standard error {@code sigma / sqrt(n)} and the sample variance has
 * standard error {@code sigma^2 * sqrt((kappa + 2) / n)} (both approximately normal at this n, by the central limit
 * theorem applied to the draws and to their squares). Each check allows {@value #STANDARD_ERRORS} standard errors: a
 * correct sampler fails a single check with probability below 1e-6, while a sampler with a wrong shape, rate or
 * boost is off by many standard errors (for example, forgetting the shape-below-1 boost of Gamma(0.243) multiplies its
 * mean by about 5). The seeds are fixed, so the test is deterministic.
 */
class DistributionsTest {

  private static final int N = 200_000;
  private static final double STANDARD_ERRORS = 5.0;

  @Test
  void gammaMatchesMeanAndVarianceForShapesBelowAndAboveOne() {
    double[][] shapeRate = {{0.243, 4.414}, {0.1, 1.0}, {0.793, 1.0}, {1.0, 2.0}, {3.74, 15.44}, {6.25, 2.0},
      {1000.0, 10.0}};
    long seed = 1;
    for (double[] sr : shapeRate) {
      double k = sr[0];
      double rate = sr[1];
      double mean = k / rate;
      double variance = k / (rate * rate);
      double excessKurtosis = 6.0 / k;
      checkMoments("Gamma(" + k + ", " + rate + ")", seed++, rng -> Distributions.gamma(rng, k, rate), mean, variance,
          excessKurtosis);
    }
  }

  @Test
  void logStandardGammaIsTheLogarithmOfAGammaDraw() {
    double k = 2.5;
    // exp(log-draw) must have the Gamma(2.5, 1) moments
    checkMoments("exp(logGamma(2.5))", 11, rng -> Math.exp(Distributions.logStandardGamma(rng, k)), k, k, 6.0 / k);
    double small = 0.3;
    checkMoments("exp(logGamma(0.3))", 12, rng -> Math.exp(Distributions.logStandardGamma(rng, small)), small, small,
        6.0 / small);
  }

  @Test
  void betaMatchesMeanAndVariance() {
    double[][] shapes = {{0.793, 2.426}, {0.2, 0.3}, {5.0, 3.0}, {1.0, 1.0}};
    long seed = 100;
    for (double[] ab : shapes) {
      double a = ab[0];
      double b = ab[1];
      double s = a + b;
      double mean = a / s;
      double variance = a * b / (s * s * (s + 1.0));
      double excessKurtosis =
          6.0 * ((a - b) * (a - b) * (s + 1.0) - a * b * (s + 2.0)) / (a * b * (s + 2.0) * (s + 3.0));
      checkMoments("Beta(" + a + ", " + b + ")", seed++, rng -> Distributions.beta(rng, a, b), mean, variance,
          excessKurtosis);
    }
  }

  @Test
  void exponentialMatchesMeanAndVariance() {
    double rate = 2.5;
    checkMoments("Exponential(2.5)", 200, rng -> Distributions.exponential(rng, rate), 1.0 / rate,
        1.0 / (rate * rate), 6.0);
  }

  @Test
  void geometricMatchesMeanAndVariance() {
    double p = 0.3;
    double mean = 1.0 / p;
    double variance = (1.0 - p) / (p * p);
    double excessKurtosis = 6.0 + p * p / (1.0 - p);
    checkMoments("Geometric(0.3)", 300, rng -> Distributions.geometric(rng, p), mean, variance, excessKurtosis);
  }

  @Test
  void standardNormalMatchesMeanAndVariance() {
    checkMoments("N(0, 1)", 400, Distributions::standardNormal, 0.0, 1.0, 0.0);
  }

  @Test
  void uniformsStayInTheirIntervals() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int i = 0; i < N; i++) {
      assertThat(Distributions.uniform(rng)).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
      assertThat(Distributions.uniformPositive(rng)).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
    }
    checkMoments("U(0, 1)", 6, Distributions::uniform, 0.5, 1.0 / 12.0, -1.2);
  }

  @Test
  void edgeCasesGiveNoNaN() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      assertThat(Distributions.gamma(rng, 1e-3, 1.0)).isGreaterThanOrEqualTo(0.0).isFinite();
      assertThat(Distributions.beta(rng, 1e-3, 1e-3)).isBetween(0.0, 1.0);
      assertThat(Distributions.exponential(rng, 1.0)).isGreaterThanOrEqualTo(0.0).isFinite();
    }
    assertThat(Distributions.exponential(rng, 0.0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Distributions.geometric(rng, 1.0)).isEqualTo(1L);
    assertThat(Distributions.geometric(rng, 0.0)).isEqualTo(Long.MAX_VALUE);
    assertThat(Distributions.geometric(rng, 1e-300)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void drawsAreAFunctionOfTheSeed() {
    SplittableRandom first = new SplittableRandom(99);
    SplittableRandom second = new SplittableRandom(99);
    for (int i = 0; i < 1_000; i++) {
      assertThat(Distributions.gamma(first, 0.5, 2.0)).isEqualTo(Distributions.gamma(second, 0.5, 2.0));
      assertThat(Distributions.beta(first, 0.8, 2.4)).isEqualTo(Distributions.beta(second, 0.8, 2.4));
    }
  }

  private static void checkMoments(String name, long seed, ToDoubleFunction<SplittableRandom> sampler,
      double expectedMean, double expectedVariance, double excessKurtosis) {
    SplittableRandom rng = new SplittableRandom(seed);
    // Welford's online mean and variance
    double mean = 0.0;
    double m2 = 0.0;
    for (int i = 1; i <= N; i++) {
      double x = sampler.applyAsDouble(rng);
      double delta = x - mean;
      mean += delta / i;
      m2 += delta * (x - mean);
    }
    double variance = m2 / (N - 1);
    double meanStandardError = Math.sqrt(expectedVariance / N);
    double varianceStandardError = expectedVariance * Math.sqrt((excessKurtosis + 2.0) / N);
    assertThat(mean).as("%s mean", name).isCloseTo(expectedMean, within(STANDARD_ERRORS * meanStandardError));
    assertThat(variance)
        .as("%s variance", name)
        .isCloseTo(expectedVariance, within(STANDARD_ERRORS * varianceStandardError));
  }
}
