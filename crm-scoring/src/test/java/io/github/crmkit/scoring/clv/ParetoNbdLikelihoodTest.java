package io.github.crmkit.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ParetoNbdLikelihoodTest {

  /**
   * {r, alpha, s, beta, x, t_x, T, ln L}: ln L from the integral form of the likelihood,
   * {@code ln[Gamma(r+x) alpha^r beta^s / Gamma(r) ((alpha+T)^-(r+x) (beta+T)^-s + s int_{t_x}^T (alpha+u)^-(r+x)
   * (beta+u)^-(s+1) du)]}, integrated by mpmath 1.3.0 quad on 512 panels at 40 digits: no hypergeometric function involved.
   * Both branches (alpha above and below beta), x up to 1000, arguments z up to 0.995.
   */
  static final double[][] MPMATH = {
      {0.5533971, 10.5801985, 0.6060625, 11.6562237, 26, 30.85714, 31, -39.1320434405937679},
      {0.5533971, 10.5801985, 0.6060625, 11.6562237, 0, 0, 38.86, -0.52114044816195390491},
      {0.5533971, 10.5801985, 0.6060625, 11.6562237, 2, 30.43, 38.86, -9.5544660913611876975},
      {0.5533971, 10.5801985, 0.6060625, 11.6562237, 1, 1.71, 38.86, -4.4494969882329988798},
      {0.5533971, 11.6562237, 0.6060625, 10.5801985, 7, 12.5, 38.86, -18.537602950763455849},
      {0.8, 2.0, 1.3, 40.0, 200, 20.0, 52.0, 235.32347271096469913},
      {0.8, 40.0, 1.3, 2.0, 200, 20.0, 52.0, 35.647003020572997372},
      {2.5, 3.0, 0.2, 0.7, 1000, 51.0, 52.0, 1916.6602323615081736},
      {0.3, 100.0, 0.9, 0.05, 3, 0.5, 30.0, -16.169612856809561773},
      {0.3, 0.05, 0.9, 100.0, 3, 0.5, 30.0, -5.1924358599127119304},
      {1.0, 1.0, 1.0, 1.0, 5, 9.99, 10.0, -11.996863177065117775},
      {0.05, 0.01, 15.0, 3.0, 0, 0, 100.0, -0.12994984025203287489},
  };

  private static ParetoNbdLikelihood one(double[] c) {
    return new ParetoNbdLikelihood(RepeatPurchaseColumns.of(new int[] {(int) c[4]}, new double[] {c[5]},
        new double[] {c[6]}));
  }

  @Test
  void logLikelihoodMatchesTheIntegralForm() {
    for (double[] c : MPMATH) {
      double ll = one(c).value(new double[] {c[0], c[1], c[2], c[3]}, null);
      assertThat(ll).as("case %s", java.util.Arrays.toString(c)).isCloseTo(c[7], within(1e-10 * Math.max(1,
          Math.abs(c[7]))));
    }
  }

  @Test
  void analyticGradientMatchesCentralDifferences() {
    double[] gradient = new double[4];
    double[] plus = new double[4];
    for (double[] c : MPMATH) {
      ParetoNbdLikelihood f = one(c);
      double[] theta = {c[0], c[1], c[2], c[3]};
      f.value(theta, gradient);
      for (int j = 0; j < 4; j++) {
        double h = 1e-5 * theta[j];
        double[] up = theta.clone();
        double[] down = theta.clone();
        up[j] += h;
        down[j] -= h;
        double numeric = (f.value(up, null) - f.value(down, null)) / (2 * h);
        assertThat(gradient[j]).as("case %s, parameter %s", java.util.Arrays.toString(c), j)
            .isCloseTo(numeric, within(1e-6 * Math.max(1.0, Math.abs(numeric)) + 1e-12 * Math.abs(c[7]) / h));
      }
      // the gradient call leaves the value unchanged
      assertThat(f.value(theta, plus)).isEqualTo(f.value(theta, null));
    }
  }

  @Test
  void weightsMultiplyAndRowsAdd() {
    double[] theta = {0.5533971, 10.5801985, 0.6060625, 11.6562237};
    RepeatPurchaseColumns data = RepeatPurchaseColumns.weighted(new int[] {0, 2, 26}, new double[] {0, 30.43,
        30.85714}, new double[] {38.86, 38.86, 31}, new double[] {3, 2, 1});
    double expected = 3 * MPMATH[1][7] + 2 * MPMATH[2][7] + MPMATH[0][7];
    assertThat(new ParetoNbdLikelihood(data).value(theta, null)).isCloseTo(expected, within(1e-9));
    assertThat(new ParetoNbdLikelihood(data).totalWeight()).isEqualTo(6.0);
  }

  @Test
  void outsideTheParameterSpaceIsNaN() {
    ParetoNbdLikelihood f = one(MPMATH[0]);
    assertThat(f.value(new double[] {0, 1, 1, 1}, null)).isNaN();
    assertThat(f.value(new double[] {1, 1, -1, 1}, null)).isNaN();
    assertThat(f.value(new double[] {1, Double.POSITIVE_INFINITY, 1, 1}, null)).isNaN();
  }
}
