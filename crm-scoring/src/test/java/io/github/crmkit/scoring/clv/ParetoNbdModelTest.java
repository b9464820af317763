package io.github.crmkit.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ParetoNbdModelTest {
  private static final ParetoNbdModel CDNOW = ParetoNbdModel.of(0.5533971, 10.5801985, 0.6060625, 11.6562237);

  /** {r, alpha, s, beta, x, t_x, T, P(alive)}: first term over the bracket of the likelihood integral, mpmath. */
  private static final double[][] ALIVE = {
      {0.5533971, 10.5801985, 0.6060625, 11.6562237, 26, 30.85714, 31, 0.9978733636735834527},
      {0.5533971, 10.5801985, 0.6060625, 11.6562237, 0, 0, 38.86, 0.29498260694145046061},
      {0.5533971, 11.6562237, 0.6060625, 10.5801985, 7, 12.5, 38.86, 0.030196031073653130177},
      {0.8, 40.0, 1.3, 2.0, 200, 20.0, 52.0, 9.581929943819727376e-37},
      {0.3, 100.0, 0.9, 0.05, 3, 0.5, 30.0, 0.01253620235807062279},
      {2.5, 3.0, 0.2, 0.7, 1000, 51.0, 52.0, 0.000049059553123372973715},
  };

  @Test
  void probabilityAliveMatchesTheLikelihoodIntegral() {
    for (double[] c : ALIVE) {
      ParetoNbdModel m = ParetoNbdModel.of(c[0], c[1], c[2], c[3]);
      assertThat(m.probabilityAlive((int) c[4], c[5], c[6])).as(java.util.Arrays.toString(c))
          .isCloseTo(c[7], within(1e-10 * c[7]));
    }
  }

  /**
   * {r, alpha, s, beta, x, t_x, T, delta, DERT}: P(alive) (r+x)/(alpha+T) int_0^inf e^(-delta u) ((beta+T)/(beta+T+u))^s
   * du by mpmath quad (the expectation of the discounted residual purchases, not the Tricomi-function form).
   */
  private static final double[][] DERT = {
      {0.5533971, 10.5801985, 0.6060625, 11.6562237, 26, 30.85714, 31, 0.0028846153846153846154,
          82.699580546512622841},
      {0.5533971, 10.5801985, 0.6060625, 11.6562237, 0, 0, 38.86, 0.0026877296610607441802, 0.4781993843225283579},
      {0.5533971, 11.6562237, 0.6060625, 10.5801985, 7, 12.5, 38.86, 0.01, 0.27241458361299945287},
      {0.3, 100.0, 0.9, 0.05, 3, 0.5, 30.0, 0.5, 0.00060240439602105464105},
  };

  @Test
  void discountedExpectedResidualTransactionsMatchTheIntegral() {
    for (double[] c : DERT) {
      ParetoNbdModel m = ParetoNbdModel.of(c[0], c[1], c[2], c[3]);
      assertThat(m.discountedExpectedResidualPurchases(c[7], (int) c[4], c[5], c[6]))
          .as(java.util.Arrays.toString(c)).isCloseTo(c[8], within(1e-10 * c[8]));
    }
    int[] x = {26, 0, 0, 3};
    double[] tx = {30.85714, 0, 0, 1.5};
    double[] age = {31, 38.86, 38.86, 38.86};
    double[] out = new double[4];
    CDNOW.discountedExpectedResidualPurchases(0.0028846153846153846154, x, tx, age, out);
    assertThat(out[0]).isCloseTo(82.699580546512622841, within(1e-8));
    assertThat(out[1]).isEqualTo(out[2]);
    assertThat(out[3]).isCloseTo(CDNOW.discountedExpectedResidualPurchases(0.0028846153846153846154, 3, 1.5, 38.86),
        within(1e-14));
  }

  /** {s, z, z U(1, 2-s, z)}: z int_0^inf e^(-zv) (1+v)^-s dv by mpmath quad. */
  private static final double[][] TRICOMI = {
      {1, 0.1, 0.201464254470845175},
      {1, 1, 0.596347362323194074},
      {1, 3.5, 0.807867660593036026},
      {2, 0.01, 0.00959214885565435761},
      {2, 0.5, 0.269272341879067383},
      {0.6060625, 0.0313, 0.203573900826371707},
      {0.6060625, 0.5, 0.605258156224514152},
      {0.6060625, 2.0, 0.81458752085608243},
      {0.5, 0.0001, 0.017526297717665031},
      {3.7, 0.2, 0.0668393878909217497},
      {25.0, 0.05, 0.0020788146165285778},
      {0.05, 10.0, 0.99544118237087928},
      {1.0000001, 0.3, 0.366760651976459283},
      {12.0, 40.0, 0.772561331128246338},
  };

  @Test
  void scaledTricomiFunction() {
    for (double[] c : TRICOMI) {
      assertThat(Hypergeometric.scaledTricomiU(c[0], c[1])).as("s=%s z=%s", c[0], c[1])
          .isCloseTo(c[2], within(1e-12 * c[2]));
    }
    // s = 0: z int e^-zv dv = 1 exactly
    assertThat(Hypergeometric.scaledTricomiU(0.0, 0.3)).isCloseTo(1.0, within(1e-14));
    assertThat(Hypergeometric.scaledTricomiU(0.0, 3.0)).isCloseTo(1.0, within(1e-14));
  }

  /** {r, alpha, s, beta, t, n, P(X(t) = n)}: NBD survival term plus the dying-before-t integral in tau, mpmath. */
  private static final double[][] PMF = {
      {0.5533971, 10.5801985, 0.6060625, 11.6562237, 52, 0, 0.57382429657446418465},
      {0.5533971, 10.5801985, 0.6060625, 11.6562237, 52, 1, 0.16052777022839806242},
      {0.5533971, 10.5801985, 0.6060625, 11.6562237, 52, 5, 0.0237707254490106147},
      {0.5533971, 10.5801985, 0.6060625, 11.6562237, 2, 3, 0.0012454995745842575896},
      {0.8, 2.0, 1.3, 40.0, 100, 150, 0.000183707429003456201},
      {2.0, 1.0, 0.5, 30.0, 10, 0, 0.021241435041430196109},
      {0.5, 20.0, 2.0, 3.0, 400, 7, 0.00012654845730120370364},
  };

  @Test
  void probabilityOfPurchasesMatchesTheIntegral() {
    for (double[] c : PMF) {
      ParetoNbdModel m = ParetoNbdModel.of(c[0], c[1], c[2], c[3]);
      assertThat(m.probabilityOfPurchases(c[4], (int) c[5])).as(java.util.Arrays.toString(c))
          .isCloseTo(c[6], within(1e-10 * c[6]));
    }
  }

  @Test
  void probabilitiesOfPurchasesSumToOneWithTheExpectationAsMean() {
    double[] p = new double[400];
    for (double t : new double[] {1, 39, 52, 200}) {
      CDNOW.probabilityOfPurchases(t, p);
      double total = 0;
      double mean = 0;
      for (int n = 0; n < p.length; n++) {
        total += p[n];
        mean += n * p[n];
      }
      assertThat(total).as("t=%s", t).isCloseTo(1.0, within(1e-9));
      assertThat(mean).as("t=%s", t).isCloseTo(CDNOW.expectedPurchases(t), within(1e-7));
    }
    assertThat(CDNOW.probabilityOfPurchases(0, 0)).isEqualTo(1.0);
    assertThat(CDNOW.probabilityOfPurchases(0, 3)).isZero();
  }

  @Test
  void dertIsTheDiscountedIntegralOfTheConditionalExpectation() {
    // DERT = int_0^inf e^(-delta t) dCE(t) = delta int_0^inf e^(-delta t) CE(t) dt, by the trapezoidal rule here
    double delta = 0.05;
    int x = 4;
    double tx = 20;
    double age = 38;
    double h = 0.01;
    double integral = 0;
    for (double t = 0; t < 1500; t += h) {
      double a = Math.exp(-delta * t) * CDNOW.conditionalExpectedPurchases(t, x, tx, age);
      double b = Math.exp(-delta * (t + h)) * CDNOW.conditionalExpectedPurchases(t + h, x, tx, age);
      integral += 0.5 * h * (a + b);
    }
    assertThat(CDNOW.discountedExpectedResidualPurchases(delta, x, tx, age)).isCloseTo(delta * integral,
        within(1e-6 * delta * integral));
  }

  @Test
  void predictionsAreFiniteAndAliveIsAProbabilityOverWideGrids() {
    // log10 of each parameter in [-3, 3]
    Gen<double[]> two = doubles().between(-3.0, 3.0).zip(doubles().between(-3.0, 3.0), (a, b) -> new double[] {a, b});
    Gen<double[]> logParams = two.zip(two, (u, v) -> new double[] {u[0], u[1], v[0], v[1]});
    qt().withExamples(2000).withFixedSeed(11L).forAll(logParams, integers().between(0, 1000),
        doubles().between(0.0, 1.0), doubles().between(0.0, 500.0)).checkAssert((lp, x, fraction, age) -> {
          ParetoNbdModel m = ParetoNbdModel.of(Math.pow(10, lp[0]), Math.pow(10, lp[1]), Math.pow(10, lp[2]),
              Math.pow(10, lp[3]));
          double tx = x == 0 ? 0.0 : fraction * age;
          double alive = m.probabilityAlive(x, tx, age);
          assertThat(alive).as("%s x=%s tx=%s T=%s", m, x, tx, age).isBetween(0.0, 1.0);
          double ce = m.conditionalExpectedPurchases(52, x, tx, age);
          assertThat(Double.isFinite(ce) && ce >= 0).as("%s CE %s", m, ce).isTrue();
          double dert = m.discountedExpectedResidualPurchases(0.01, x, tx, age);
          assertThat(Double.isFinite(dert) && dert >= 0).as("%s DERT %s", m, dert).isTrue();
          double ex = m.expectedPurchases(age);
          assertThat(Double.isFinite(ex) && ex >= 0).isTrue();
        });
  }

  @Test
  void aliveFallsWithTimeSinceTheLastPurchaseAndCeRisesWithTheHorizon() {
    double previous = 1.0;
    for (double tx = 38.86; tx >= 0.5; tx -= 0.5) {
      double alive = CDNOW.probabilityAlive(5, tx, 38.86);
      assertThat(alive).isLessThanOrEqualTo(previous);
      previous = alive;
    }
    assertThat(CDNOW.probabilityAlive(5, 38.86, 38.86)).isEqualTo(1.0);
    double last = 0;
    for (double t = 1; t < 1000; t *= 1.5) {
      double ce = CDNOW.conditionalExpectedPurchases(t, 5, 20, 38.86);
      assertThat(ce).isGreaterThan(last);
      last = ce;
    }
  }

  @Test
  void sIsNotSpecialAtOne() {
    // the factor [1 - u^(s-1)]/(s-1) tends to ln(1/u); s = 1 exactly and s = 1 +- 1e-9 agree
    double at = ParetoNbdModel.of(0.5, 10, 1.0, 12).expectedPurchases(52);
    assertThat(at).isCloseTo(0.5 / 10 * 12 * Math.log1p(52.0 / 12), within(1e-14));
    assertThat(ParetoNbdModel.of(0.5, 10, 1.0 + 1e-9, 12).expectedPurchases(52)).isCloseTo(at, within(1e-9));
    assertThat(ParetoNbdModel.of(0.5, 10, 1.0 - 1e-9, 12).expectedPurchases(52)).isCloseTo(at, within(1e-9));
  }

  @Test
  void columnarAndScalarFormsAgree() {
    int[] x = {0, 1, 2, 26, 7};
    double[] tx = {0, 1.71, 30.43, 30.85714, 12};
    double[] age = {38.86, 38.86, 38.86, 31, 20};
    double[] alive = new double[5];
    double[] ce = new double[5];
    CDNOW.probabilityAlive(x, tx, age, alive);
    CDNOW.conditionalExpectedPurchases(39, x, tx, age, ce);
    for (int i = 0; i < 5; i++) {
      assertThat(alive[i]).isEqualTo(CDNOW.probabilityAlive(x[i], tx[i], age[i]));
      assertThat(ce[i]).isEqualTo(CDNOW.conditionalExpectedPurchases(39, x[i], tx[i], age[i]));
    }
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    assertThatThrownBy(() -> ParetoNbdModel.of(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("r must be positive");
    assertThatThrownBy(() -> ParetoNbdModel.of(1, 1, 1, Double.NaN)).hasMessageContaining("beta");
    assertThatThrownBy(() -> CDNOW.probabilityAlive(2, 40, 38)).hasMessageContaining("recency t_x");
    assertThatThrownBy(() -> CDNOW.conditionalExpectedPurchases(-1, 2, 4, 38)).hasMessageContaining("horizon");
    assertThatThrownBy(() -> CDNOW.discountedExpectedResidualPurchases(0, 2, 4, 38)).hasMessageContaining("delta");
    assertThatThrownBy(() -> CDNOW.probabilityOfPurchases(5, -1)).hasMessageContaining("n must be");
    assertThatThrownBy(() -> ParetoNbdModel.fit(RepeatPurchaseColumns.of(new int[] {0, 0}, new double[] {0, 0},
        new double[] {10, 20}))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no customer has a repeat purchase");
    assertThatThrownBy(() -> ParetoNbdModel.of(FittedModel.of("bg-nbd", Map.of("r", 1.0, "alpha", 1.0, "a", 1.0,
        "b", 1.0)))).hasMessageContaining("expected a pareto-nbd model");
  }

  @Test
  void modelFromJsonRoundTrip() {
    FittedModel published = FittedModel.of("pareto-nbd", Map.of("r", 0.5533971, "alpha", 10.5801985, "s",
        0.6060625, "beta", 11.6562237));
    ParetoNbdModel m = ParetoNbdModel.of(FittedModel.fromJson(published.toJson()));
    assertThat(m.r()).isEqualTo(0.5533971);
    assertThat(m.alpha()).isEqualTo(10.5801985);
    assertThat(m.s()).isEqualTo(0.6060625);
    assertThat(m.beta()).isEqualTo(11.6562237);
    assertThat(m.model()).isEqualTo("pareto-nbd");
  }
}
