package io.github.crmkit.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * BG/BB against Fader, Hardie and Shang (2010) on the donations data ({@code donations-bgbb/donations.csv}: 22
 * weighted patterns of 11,104 donors, n = 6 opportunities 1996 to 2001), and against values computed with SciPy's
 * {@code betaln} (not this code).
 */
class BgBbModelTest {
  private static final BgBbModel PUBLISHED = BgBbModel.of(1.204, 0.750, 0.657, 2.783);

  static BgBbPatterns donations() {
    Path file = Path.of(System.getProperty("crmkit.data", "../../shared/data"), "donations-bgbb/donations.csv");
    assumeTrue(Files.isRegularFile(file), () -> "skipped: shared data file " + file.toAbsolutePath()
        + " not found; set -Dcrmkit.data=<dir> to run this test");
    try {
      List<String> lines = Files.readAllLines(file);
      if (!lines.get(0).trim().equals("frequency,recency,periods,weights")) {
        throw new IllegalStateException("unexpected header in " + file);
      }
      int rows = lines.size() - 1;
      int[] x = new int[rows];
      int[] tx = new int[rows];
      int[] n = new int[rows];
      double[] w = new double[rows];
      for (int i = 0; i < rows; i++) {
        String[] f = lines.get(i + 1).split(",");
        x[i] = Integer.parseInt(f[0].trim());
        tx[i] = Integer.parseInt(f[1].trim());
        n[i] = Integer.parseInt(f[2].trim());
        w[i] = Double.parseDouble(f[3].trim());
      }
      return BgBbPatterns.weighted(x, tx, n, w);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void fitReproducesThePublishedParameters() {
    BgBbPatterns data = donations();
    assertThat(data.totalWeight()).isEqualTo(11104.0);
    FittedModel fit = BgBbModel.fit(data);
    assertThat(fit.model()).isEqualTo("bg-bb");
    assertThat(fit.converged()).as(fit.message()).isTrue();
    assertThat(fit.parameter("alpha")).isCloseTo(1.204, within(0.0005));
    assertThat(fit.parameter("beta")).isCloseTo(0.750, within(0.0005));
    assertThat(fit.parameter("gamma")).isCloseTo(0.657, within(0.0005));
    assertThat(fit.parameter("delta")).isCloseTo(2.783, within(0.0005));
    assertThat(fit.logLikelihood()).isCloseTo(-33225.58, within(0.005));
    assertThat(fit.customers()).isEqualTo(11104);
    for (String name : fit.parameterNames()) {
      assertThat(fit.standardError(name)).as(name).isPositive().isLessThan(0.5 * fit.parameter(name));
    }
    // E[X(n = 10)] of the issue, at the fitted (unrounded) parameters: 3.179829 here, 3.179805 published (the
    // publisher's optimiser stopped at another point of the flat optimum: a relative difference of 8e-6; at the
    // rounded published parameters it is 3.178854)
    assertThat(BgBbModel.of(fit).expectedPurchases(10)).as(fit.toJson()).isCloseTo(3.179805, within(3.179805e-5));
  }

  @Test
  void publishedParametersGiveThePublishedLogLikelihood() {
    // SciPy betaln, equation 5 term by term: -33225.58175451858
    assertThat(PUBLISHED.logLikelihood(donations())).isCloseTo(-33225.58175451858, within(1e-6));
  }

  @Test
  void probabilityAliveIn2002() {
    // the paper: 0.11, 0.59, 0.93 for (x, t_x) = (0, 0), (2, 4), (6, 6); SciPy: 0.10801658416867414,
    // 0.5895141164336983, 0.9304025423728814
    assertThat(PUBLISHED.probabilityAlive(1, 0, 0, 6)).isCloseTo(0.10801658416867414, within(1e-12));
    assertThat(PUBLISHED.probabilityAlive(1, 2, 4, 6)).isCloseTo(0.5895141164336983, within(1e-12));
    assertThat(PUBLISHED.probabilityAlive(1, 6, 6, 6)).isCloseTo(0.9304025423728814, within(1e-12));
    assertThat(PUBLISHED.probabilityAlive(1, 0, 0, 6)).isCloseTo(0.11, within(0.005));
    assertThat(PUBLISHED.probabilityAlive(1, 2, 4, 6)).isCloseTo(0.59, within(0.005));
    assertThat(PUBLISHED.probabilityAlive(1, 6, 6, 6)).isCloseTo(0.93, within(0.005));
    // alive at n itself: certain after a transaction at n
    assertThat(PUBLISHED.probabilityAlive(0, 6, 6, 6)).isEqualTo(1.0);
  }

  @Test
  void expectedTransactionsOfANewDonor() {
    // SciPy at the rounded published parameters: 3.1788543264922886
    assertThat(PUBLISHED.expectedPurchases(10)).isCloseTo(3.1788543264922886, within(1e-12));
    assertThat(PUBLISHED.expectedPurchases(0)).isZero();
    // E[X(1)] = alpha/(alpha+beta) * delta/(gamma+delta)
    assertThat(PUBLISHED.expectedPurchases(1)).isCloseTo(1.204 / 1.954 * 2.783 / 3.44, within(1e-14));
  }

  @Test
  void closedFormOfTheExpectationAgreesWithTheSum() {
    // equation 7: alpha/(alpha+beta) delta/(gamma-1) [1 - Gamma(gamma+delta)/Gamma(gamma+delta+n) *
    // Gamma(1+delta+n)/Gamma(1+delta)], valid away from gamma = 1
    for (int n : new int[] {1, 5, 10, 50}) {
      double a = 1.204;
      double b = 0.750;
      double g = 0.657;
      double d = 2.783;
      double ratio = Math.exp(SpecialFunctions.logGamma(g + d) - SpecialFunctions.logGamma(g + d + n)
          + SpecialFunctions.logGamma(1 + d + n) - SpecialFunctions.logGamma(1 + d));
      double closed = a / (a + b) * d / (g - 1) * (1 - ratio);
      assertThat(PUBLISHED.expectedPurchases(n)).isCloseTo(closed, within(1e-12 * closed));
    }
  }

  @Test
  void pmfSumsToOneWithTheExpectationAsMean() {
    for (int n : new int[] {1, 6, 11, 30}) {
      double total = 0;
      double mean = 0;
      for (int x = 0; x <= n; x++) {
        double p = PUBLISHED.probabilityOfPurchases(n, x);
        total += p;
        mean += x * p;
      }
      assertThat(total).isCloseTo(1.0, within(1e-12));
      assertThat(mean).isCloseTo(PUBLISHED.expectedPurchases(n), within(1e-12));
    }
    assertThat(PUBLISHED.probabilityOfPurchases(3, 4)).isZero();
  }

  @Test
  void holdoutExpectationsAgainstTheActualHoldout() {
    // 5 holdout years: predicted total against the 11,104 donors' actual 13,260 repeat donations in 2002-2006
    // (BTYD annual transactions 3110 + 2938 + 2703 + 2573 + 1936); the paper's model tracks within a few percent
    BgBbPatterns data = donations();
    double[] expected = new double[data.size()];
    PUBLISHED.conditionalExpectedPurchases(5, data, expected);
    double total = 0;
    for (int i = 0; i < data.size(); i++) {
      total += data.weight(i) * expected[i];
    }
    assertThat(total).isCloseTo(13260, within(0.05 * 13260));
  }

  @Test
  void conditionalExpectationOfTheNextOpportunityIsAliveTimesTheTransactionProbability() {
    // E[X(n, n+1)] = P(alive at n+1) * E[p | x, n, alive] = P(alive at n+1) (alpha+x)/(alpha+beta+n)
    for (int[] h : new int[][] {{0, 0, 6}, {2, 4, 6}, {6, 6, 6}, {3, 9, 12}}) {
      double expected = PUBLISHED.probabilityAlive(1, h[0], h[1], h[2]) * (1.204 + h[0]) / (1.954 + h[2]);
      assertThat(PUBLISHED.conditionalExpectedPurchases(1, h[0], h[1], h[2])).isCloseTo(expected,
          within(1e-12));
    }
  }

  @Test
  void analyticGradientMatchesCentralDifferences() {
    BgBbPatterns data = BgBbPatterns.weighted(new int[] {0, 1, 2, 6, 3, 10}, new int[] {0, 3, 4, 6, 9, 40},
        new int[] {6, 6, 6, 6, 12, 50}, new double[] {3464, 10, 7, 1203, 2, 1});
    BgBbLikelihood f = new BgBbLikelihood(data);
    double[] gradient = new double[4];
    for (double[] theta : new double[][] {{1.204, 0.750, 0.657, 2.783}, {0.2, 5.0, 3.0, 0.4}, {1, 1, 1, 1}}) {
      f.value(theta, gradient);
      for (int j = 0; j < 4; j++) {
        double h = 1e-6 * theta[j];
        double[] up = theta.clone();
        double[] down = theta.clone();
        up[j] += h;
        down[j] -= h;
        double numeric = (f.value(up, null) - f.value(down, null)) / (2 * h);
        assertThat(gradient[j]).as("theta %s parameter %s", java.util.Arrays.toString(theta), j)
            .isCloseTo(numeric, within(1e-5 * Math.max(1.0, Math.abs(numeric))));
      }
    }
  }

  @Test
  void likelihoodMatchesTheModelsOwnRowByRowForm() {
    // the fitting loop (recurrences) and the prediction path (log-sum-exp of log-betas) agree, and with SciPy:
    // ln L(1.204, 0.75, 0.657, 2.783 | x=2, t_x=4, n=6) by SciPy betaln: -5.195697601042647
    BgBbPatterns one = BgBbPatterns.of(new int[] {2}, new int[] {4}, new int[] {6});
    assertThat(PUBLISHED.logLikelihood(one)).isCloseTo(-5.195697601042647, within(1e-12));
  }

  @Test
  void predictionsStayFiniteAndAliveIsAProbability() {
    Gen<double[]> two = doubles().between(-3.0, 3.0).zip(doubles().between(-3.0, 3.0), (a, b) -> new double[] {a, b});
    Gen<double[]> logParams = two.zip(two, (u, v) -> new double[] {u[0], u[1], v[0], v[1]});
    qt().withExamples(1000).withFixedSeed(5L).forAll(logParams, integers().between(0, 200),
        integers().between(0, 200), integers().between(0, 200)).checkAssert((lp, a, b, c) -> {
          BgBbModel m = BgBbModel.of(Math.pow(10, lp[0]), Math.pow(10, lp[1]), Math.pow(10, lp[2]),
              Math.pow(10, lp[3]));
          int n = Math.max(a, Math.max(b, c));
          int tx = Math.min(Math.max(a, Math.min(b, c)), n);
          int x = Math.min(Math.min(a, Math.min(b, c)), tx);
          if (x == 0) {
            tx = 0;
          }
          double alive = m.probabilityAlive(1, x, tx, n);
          assertThat(alive).as("%s %s %s %s", m, x, tx, n).isBetween(0.0, 1.0);
          double ce = m.conditionalExpectedPurchases(10, x, tx, n);
          assertThat(Double.isFinite(ce) && ce >= 0 && ce <= 10).as("%s CE %s", m, ce).isTrue();
          double ex = m.expectedPurchases(n);
          assertThat(Double.isFinite(ex) && ex >= 0 && ex <= n).isTrue();
        });
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    assertThatThrownBy(() -> BgBbPatterns.of(new int[] {3}, new int[] {2}, new int[] {6}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recency[0]");
    assertThatThrownBy(() -> BgBbPatterns.of(new int[] {0}, new int[] {2}, new int[] {6}))
        .hasMessageContaining("must be 0 when frequency is 0");
    assertThatThrownBy(() -> BgBbPatterns.of(new int[] {7}, new int[] {7}, new int[] {6}))
        .hasMessageContaining("frequency[0]");
    assertThatThrownBy(() -> BgBbPatterns.weighted(new int[] {1}, new int[] {1}, new int[] {6}, new double[] {0}))
        .hasMessageContaining("weight[0]");
    assertThatThrownBy(() -> BgBbModel.fit(BgBbPatterns.of(new int[] {0, 0}, new int[] {0, 0}, new int[] {6, 6})))
        .hasMessageContaining("no customer has a transaction");
    assertThatThrownBy(() -> BgBbModel.fit(BgBbPatterns.of(new int[] {1, 0}, new int[] {1, 0}, new int[] {1, 1})))
        .hasMessageContaining("at most one opportunity");
    assertThatThrownBy(() -> BgBbModel.of(1, 1, 0, 1)).hasMessageContaining("gamma must be positive");
    assertThatThrownBy(() -> PUBLISHED.probabilityAlive(-1, 0, 0, 6)).hasMessageContaining("m must be");
  }

  @Test
  void compressionMergesEqualPatternsAndKeepsTheLikelihood() {
    BgBbPatterns rows = BgBbPatterns.of(new int[] {2, 0, 2, 6, 0}, new int[] {4, 0, 4, 6, 0},
        new int[] {6, 6, 6, 6, 6});
    BgBbPatterns compressed = rows.compress();
    assertThat(compressed.size()).isEqualTo(3);
    assertThat(compressed.totalWeight()).isEqualTo(5.0);
    assertThat(PUBLISHED.logLikelihood(compressed)).isCloseTo(PUBLISHED.logLikelihood(rows), within(1e-10));
    assertThat(BgBbModel.of(FittedModel.fromJson(FittedModel.of("bg-bb", Map.of("alpha", 1.204, "beta", 0.75,
        "gamma", 0.657, "delta", 2.783)).toJson())).toString()).isEqualTo(PUBLISHED.toString());
  }

  /**
   * DERT's closed form against the discounted sum of the per-opportunity increments of the conditional expectation
   * (itself checked against the paper's figures above), truncated where the discount factor drops below 1e-15.
   */
  @Test
  void discountedResidualPurchasesEqualTheDiscountedSumOfExpectedIncrements() {
    int[][] histories = {{6, 6, 6}, {0, 0, 6}, {3, 4, 6}, {1, 1, 6}, {5, 6, 6}, {2, 2, 3}, {0, 0, 1}, {9, 12, 12}};
    for (double d : new double[] {0.5, 0.1, 0.02}) {
      int horizon = (int) Math.ceil(Math.log(1e15) / Math.log1p(d));
      for (int[] h : histories) {
        double sum = 0.0;
        double before = 0.0;
        for (int k = 1; k <= horizon; k++) {
          double ce = PUBLISHED.conditionalExpectedPurchases(k, h[0], h[1], h[2]);
          sum += (ce - before) / Math.pow(1.0 + d, k);
          before = ce;
        }
        double dert = PUBLISHED.discountedExpectedResidualPurchases(d, h[0], h[1], h[2]);
        assertThat(dert).as("DERT at d=%s for x=%s, t_x=%s, n=%s", d, h[0], h[1], h[2])
            .isCloseTo(sum, withinPercentage(1e-7));
      }
    }
  }

  @Test
  void discountedResidualPurchasesFallWithTheDiscountRateAndRiseWithActivity() {
    double previous = Double.POSITIVE_INFINITY;
    for (double d : new double[] {0.01, 0.05, 0.1, 0.2, 1.0, 10.0}) {
      double dert = PUBLISHED.discountedExpectedResidualPurchases(d, 4, 5, 6);
      assertThat(dert).isPositive().isLessThan(previous);
      previous = dert;
    }
    // a donor who gave in every year is worth more than one who gave early and stopped
    assertThat(PUBLISHED.discountedExpectedResidualPurchases(0.1, 6, 6, 6))
        .isGreaterThan(PUBLISHED.discountedExpectedResidualPurchases(0.1, 3, 3, 6))
        .isGreaterThan(PUBLISHED.discountedExpectedResidualPurchases(0.1, 0, 0, 6));
    BgBbPatterns data = BgBbPatterns.of(new int[] {6, 0}, new int[] {6, 0}, new int[] {6, 6});
    double[] out = new double[2];
    PUBLISHED.discountedExpectedResidualPurchases(0.1, data, out);
    assertThat(out[0]).isEqualTo(PUBLISHED.discountedExpectedResidualPurchases(0.1, 6, 6, 6));
    assertThat(out[1]).isEqualTo(PUBLISHED.discountedExpectedResidualPurchases(0.1, 0, 0, 6));
    for (double bad : new double[] {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> PUBLISHED.discountedExpectedResidualPurchases(bad, 1, 1, 6))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("discount rate per opportunity");
    }
    assertThatThrownBy(() -> PUBLISHED.discountedExpectedResidualPurchases(0.1, 3, 2, 6))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
