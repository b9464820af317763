package io.github.crmkit.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

class HypergeometricTest {

  private static void close(double actual, double expected, double relative) {
    assertThat(actual).isCloseTo(expected, within(relative * Math.max(1.0, Math.abs(expected))));
  }

  @Test
  void logarithmSeriesClosedForm() {
    // 2F1(1, 1; 2; z) = -ln(1 - z) / z (A&S 15.1.3)
    for (double z : new double[] {1e-9, 1e-3, 0.1, 0.5, 0.9, 0.99, 0.999, 0.99999, -0.5, -5.0, -1000.0}) {
      double expected = Math.log(-Math.log1p(-z) / z);
      close(Hypergeometric.log2F1(1, 1, 2, z), expected, 1e-13);
    }
  }

  @Test
  void binomialClosedFormInLogSpaceBeyondDoubleRange() {
    // 2F1(a, b; b; z) = (1 - z)^-a (A&S 15.1.8); with a = 400 and z = 0.9 the value is 1e400, beyond a double
    double[][] cases = {{0.5, 3.0, 0.7}, {250.0, 1.5, 0.9}, {400.0, 2.5, 0.9}, {1.3, 0.2, 0.999}, {3.0, 7.0, -2.0},
        {0.75, 12.5, 0.3}};
    for (double[] c : cases) {
      close(Hypergeometric.log2F1(c[0], c[1], c[1], c[2]), -c[0] * Math.log1p(-c[2]), 1e-13);
      close(Hypergeometric.log2F1(c[1], c[0], c[1], c[2]), -c[0] * Math.log1p(-c[2]), 1e-13);
    }
    assertThat(Hypergeometric.log2F1(400.0, 2.5, 2.5, 0.9)).isGreaterThan(Math.log(Double.MAX_VALUE));
  }

  @Test
  void inverseTrigonometricClosedForms() {
    for (double x : new double[] {0.01, 0.3, 0.7, 0.9, 0.999}) {
      // 2F1(1/2, 1; 3/2; x^2) = atanh(x) / x (A&S 15.1.4)
      double atanh = 0.5 * Math.log((1 + x) / (1 - x));
      close(Hypergeometric.log2F1(0.5, 1.0, 1.5, x * x), Math.log(atanh / x), 1e-13);
      // 2F1(1/2, 1/2; 3/2; x^2) = asin(x) / x (A&S 15.1.6)
      close(Hypergeometric.log2F1(0.5, 0.5, 1.5, x * x), Math.log(Math.asin(x) / x), 1e-13);
      // 2F1(1/2, 1; 3/2; -x^2) = atan(x) / x (A&S 15.1.5), through Pfaff's transformation
      close(Hypergeometric.log2F1(0.5, 1.0, 1.5, -x * x), Math.log(Math.atan(x) / x), 1e-13);
    }
  }

  /** Values of ln 2F1(a, b; c; z) computed with mpmath 1.3.0 ({@code log(hyp2f1(a, b, c, z))}, 40 digits). */
  private static final double[][] MPMATH = {
      {1, 1, 2, 0.5, 0.3266342599782809824},
      {0.55, 1.6, 1.16, 0.3, 0.27575650633465388212},
      {200.9, 1.6, 201.9, 0.6, 1.4543321645106948449},
      {1200.4, 1.61, 1201.4, 0.95, 4.7983569570644235833},
      {201.2, 200.55, 202.2, 0.85, 378.57728278011379698},
      {3.5, 250.0, 4.5, 0.5, 169.01203512712832309},
      {0.5, 0.5, 1.5, 0.999, 0.43174244105868861014},
      {10.0, 20.0, 5.0, 0.9, 63.061849216737059131},
      {2.5, 3.5, 40.0, 0.99, 0.23734058157248449701},
      {0.3, 0.7, 1.9, -3.0, -0.19089435506203169095},
      {5.0, 2.0, 3.5, -20.0, -7.1810078082578547345},
      {1000.5, 0.6, 1001.5, 0.9999, 4.4686135577296194973},
      {50, 60, 200, -0.5, -6.7414843480164191038},
      {0.01, 0.02, 0.03, 0.7, 0.0079952089398917048944},
  };

  @Test
  void agreesWithAnIndependentArbitraryPrecisionImplementation() {
    for (double[] c : MPMATH) {
      assertThat(Hypergeometric.log2F1(c[0], c[1], c[2], c[3])).as("a=%s b=%s c=%s z=%s", c[0], c[1], c[2], c[3])
          .isCloseTo(c[4], within(1e-12 * Math.max(1.0, Math.abs(c[4]))));
    }
  }

  /**
   * ln G(d, c; z) = ln 2F1(1, d; c; z) and its partial derivatives in d, c and z, computed with mpmath 1.3.0
   * ({@code log(hyp2f1(1, d, c, z))} and {@code diff}, 40 digits).
   */
  private static final double[][] MPMATH_G = {
      {0.55, 1.66, 0.08, 0.0274351900917035053, 0.0500550461566205762, -0.0168018374120415434, 0.355148180711018314},
      {26.55, 27.71, 0.3, 0.339134632445292344, 0.0150012446150748822, -0.0143814767865577103, 1.34687751196424719},
      {1.6, 202.2, 0.6, 0.00477320487077331709, 0.00299035558897213474, -0.0000237324731011058554,
          0.00799815064400003066},
      {200.55, 202.2, 0.85, 1.85303056109981557, 0.0261726188877299615, -0.0259642829215108753, 6.33637494368936759},
      {0.2, 1.3, 0.999, 0.669537492128557917, 3.86645680958790975, -1.48984154049520361, 53.4370275587946421},
      {1000.3, 1001.0, 0.99, 4.54338701301915004, 0.0859538873206666154, -0.0858982530898832285,
          94.3754282226235728},
      {5.0, 9.0, 0.0, 0.0, 0.0, 0.0, 0.555555555555555556},
  };

  @Test
  void paretoNbdFunctionAndItsDerivatives() {
    double[] partials = new double[3];
    for (double[] c : MPMATH_G) {
      double value = Hypergeometric.logG(c[0], c[1], c[2], partials);
      String as = "d=" + c[0] + " c=" + c[1] + " z=" + c[2];
      assertThat(value).as(as).isCloseTo(c[3], within(1e-13 * Math.max(1.0, Math.abs(c[3]))));
      for (int j = 0; j < 3; j++) {
        assertThat(partials[j]).as(as + " partial " + j)
            .isCloseTo(c[4 + j], within(1e-11 * Math.max(1.0, Math.abs(c[4 + j]))));
      }
    }
  }

  @Test
  void eulerFormOfTheParetoNbdFunctionMatchesTheGaussSeries() {
    // 2F1(a, b; a + 1; z) = (1 - z)^(1 - b) G(a + 1 - b, a + 1; z) for b < a + 1; A&S 15.3.3
    qt().withExamples(300).withFixedSeed(42L).forAll(doubles().between(0.05, 300.0), doubles().between(0.05, 30.0),
        doubles().between(0.0, 0.97)).checkAssert((a, b, z) -> {
          if (b < a + 1) {
            double viaG = (1 - b) * Math.log1p(-z) + Hypergeometric.logG(a + 1 - b, a + 1, z, null);
            double direct = Hypergeometric.log2F1(a, b, a + 1, z);
            assertThat(viaG).isCloseTo(direct, within(1e-11 * Math.max(1.0, Math.abs(direct))));
          }
        });
  }

  @Test
  void gaussContiguousRelation() {
    // (c - a) F(a-1) + (2a - c + (b - a) z) F(a) + a (z - 1) F(a+1) = 0, A&S 15.2.10, on wide parameters
    qt().withExamples(300).withFixedSeed(7L).forAll(doubles().between(1.05, 250.0), doubles().between(0.05, 250.0),
        doubles().between(0.05, 400.0), doubles().between(-3.0, 0.95)).checkAssert((a, b, c, z) -> {
          double lm = Hypergeometric.log2F1(a - 1, b, c, z);
          double l0 = Hypergeometric.log2F1(a, b, c, z);
          double lp = Hypergeometric.log2F1(a + 1, b, c, z);
          if (Double.isNaN(lm) || Double.isNaN(l0) || Double.isNaN(lp)) {
            // z < 0 needs c above a or b; nothing to check there
            assertThat(z).isNegative();
            return;
          }
          double scale = Math.max(lm, Math.max(l0, lp));
          double t1 = (c - a) * Math.exp(lm - scale);
          double t2 = (2 * a - c + (b - a) * z) * Math.exp(l0 - scale);
          double t3 = a * (z - 1) * Math.exp(lp - scale);
          double size = Math.abs(t1) + Math.abs(t2) + Math.abs(t3);
          assertThat(t1 + t2 + t3).isCloseTo(0.0, within(1e-10 * size));
        });
  }

  @Test
  void outsideTheDomainIsNaN() {
    assertThat(Hypergeometric.log2F1(1, 1, 2, 1.0)).isNaN();
    assertThat(Hypergeometric.log2F1(-1, 1, 2, 0.5)).isNaN();
    assertThat(Hypergeometric.log2F1(1, 1, 0, 0.5)).isNaN();
    assertThat(Hypergeometric.log2F1(Double.NaN, 1, 2, 0.5)).isNaN();
    assertThat(Hypergeometric.log2F1(3, 2, 1, -0.5)).isNaN();
    assertThat(Hypergeometric.log2F1(3, 2, 1, 0.0)).isZero();
  }
}
