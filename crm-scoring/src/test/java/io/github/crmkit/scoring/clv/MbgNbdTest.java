package io.github.crmkit.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** MBG/NBD: the fit on CDNOW, and the figures that follow from its definition by hand. */
class MbgNbdTest {

  @Test
  void fitsCdnowAtLeastAsWellAsItsStartingPoints() {
    RepeatPurchaseColumns data = CdnowData.unrounded().columns();
    FittedModel fit = BgNbdModel.fit(BgNbdModel.Variant.MBG_NBD, data);
    System.out.println("MBG/NBD on cdnow_btyd_cbs_with_holdout.csv: " + fit.toJson());
    assertThat(fit.converged()).isTrue();
    assertThat(fit.model()).isEqualTo("mbg-nbd");
    BgNbdModel model = BgNbdModel.of(fit);
    assertThat(model.logLikelihood(data)).isCloseTo(fit.logLikelihood(), within(1e-8));
    // the maximum: moving any parameter by 1% lowers the likelihood
    for (int j = 0; j < 4; j++) {
      double[] p = {model.r(), model.alpha(), model.a(), model.b()};
      for (double factor : new double[] {0.99, 1.01}) {
        double[] q = p.clone();
        q[j] *= factor;
        assertThat(BgNbdModel.mbgNbd(q[0], q[1], q[2], q[3]).logLikelihood(data)).isLessThan(fit.logLikelihood());
      }
    }
    for (double[] p : new double[][] {{1, 1, 1, 1}, {0.25, 4, 0.8, 2.5}}) {
      assertThat(BgNbdModel.mbgNbd(p[0], p[1], p[2], p[3]).logLikelihood(data)).isLessThan(fit.logLikelihood());
    }
  }

  @Test
  void fitOnRoundedCdnowMatchesBtydPlus() {
    // BTYDplus (Platzer) on the same 2,357 customers, as lifetimes' tests quote it: 0.525, 6.183, 0.891, 1.614
    FittedModel fit = BgNbdModel.fit(BgNbdModel.Variant.MBG_NBD, CdnowData.rounded().columns());
    assertThat(fit.parameter("r")).isCloseTo(0.525, within(5e-4));
    assertThat(fit.parameter("alpha")).isCloseTo(6.183, within(5e-4));
    assertThat(fit.parameter("a")).isCloseTo(0.891, within(5e-4));
    assertThat(fit.parameter("b")).isCloseTo(1.614, within(5e-4));
  }

  @Test
  void newCustomersMayDropOutAtOnce() {
    BgNbdModel m = BgNbdModel.mbgNbd(0.5, 5.0, 2.0, 3.0);
    // alive after the first purchase with probability E[1 - p] = b / (a + b)
    assertThat(m.probabilityAlive(0, 0, 0)).isCloseTo(3.0 / 5.0, within(1e-15));
    // P(X(t) = 0) = B(a, b+1)/B(a, b) NB(0) + B(a+1, b)/B(a, b) = b/(a+b) (alpha/(alpha+t))^r + a/(a+b)
    double t = 10;
    assertThat(m.probabilityOfPurchases(t, 0))
        .isCloseTo(0.6 * Math.pow(5.0 / 15.0, 0.5) + 0.4, within(1e-14));
    // in the long run, the expected purchases before dropout: E[(1-p)/p] = b / (a - 1)
    assertThat(m.expectedPurchases(1e8)).isCloseTo(3.0, within(1e-3));
  }
}
