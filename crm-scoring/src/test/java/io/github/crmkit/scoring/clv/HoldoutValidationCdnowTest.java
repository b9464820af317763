package io.github.crmkit.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** BG/NBD on the CDNOW holdout (weeks 40 to 78) against the figures of Fader, Hardie and Lee (2005). */
class HoldoutValidationCdnowTest {
  private static final BgNbdModel PUBLISHED = BgNbdModel.bgNbd(0.2425982, 4.4136842, 0.7929899, 2.4261667);

  @Test
  void expectedHoldoutPurchasesByCalibrationFrequency() {
    CdnowData.Columns data = CdnowData.unrounded();
    HoldoutValidation validation = HoldoutValidation.of(PUBLISHED, data.x(), data.tx(), data.age(), data.holdout(),
        39.0);
    double[] predicted = validation.predictedByFrequency();
    System.out.println("BG/NBD holdout by x = 0..7+: predicted " + java.util.Arrays.toString(predicted)
        + " actual " + java.util.Arrays.toString(validation.actualByFrequency()) + " total predicted "
        + validation.predictedTotal() + " actual " + validation.actualTotal() + " MAE "
        + validation.meanAbsoluteError() + " correlation " + validation.correlation());
    double[] published = {0.2251, 0.5231, 1.0441, 1.5203, 2.1638, 2.6538, 3.5040, 6.1570};
    for (int bin = 0; bin < published.length; bin++) {
      assertThat(predicted[bin]).as("bin %d", bin).isCloseTo(published[bin], within(5e-5));
    }
    assertThat(validation.actualTotal()).isEqualTo(1882.0);
    assertThat(validation.predictedTotal()).isCloseTo(1653.4, within(0.5));
    assertThat(validation.customersByFrequency()[0]).isEqualTo(1411.0);
  }

  @Test
  void cumulativeTrackingFollowsTheActualPurchases() {
    CdnowData.Columns data = CdnowData.unrounded();
    // first purchases in weeks since 1997-01-01: the calibration ends 272 days (38.857 weeks) after it
    double calibrationEnd = 272.0 / 7.0;
    double[] births = new double[data.age().length];
    for (int i = 0; i < births.length; i++) {
      births[i] = calibrationEnd - data.age()[i];
    }
    double[] weekEnds = new double[78];
    for (int k = 0; k < 78; k++) {
      weekEnds[k] = k + 1;
    }
    double[] actual = CdnowData.cumulativeTracking();
    HoldoutValidation.Tracking tracking = HoldoutValidation.tracking(PUBLISHED, births, weekEnds, actual);
    double[] predicted = tracking.predictedCumulative();
    System.out.printf("tracking: week 39 predicted %.1f actual %.0f, week 78 predicted %.1f actual %.0f, MAPE %.4f%n",
        predicted[38], actual[38], predicted[77], actual[77], tracking.cumulativeMeanAbsolutePercentageError());
    // the calibration total is close to the 2,457 repeat purchases observed (Fader, Hardie and Lee 2005, figure 2)
    assertThat(actual[38]).isEqualTo(2457.0);
    assertThat(predicted[38]).isCloseTo(2457.0, within(2457.0 * 0.02));
    // over the holdout the model under-forecasts by about 1,882 - 1,653 purchases
    assertThat(predicted[77] - predicted[38]).isCloseTo(actual[77] - actual[38], within(0.15 * 1882));
    assertThat(tracking.cumulativeMeanAbsolutePercentageError()).isLessThan(0.05);
    double[] incremental = tracking.predictedIncremental();
    double sum = 0;
    for (double v : incremental) {
      assertThat(v).isGreaterThanOrEqualTo(0.0);
      sum += v;
    }
    assertThat(sum).isCloseTo(predicted[77], within(1e-6));
    assertThat(tracking.actualIncremental()[1]).isEqualTo(actual[1] - actual[0]);
  }

  @Test
  void customerLevelErrorAndCorrelationByHand() {
    PurchaseModel constant = new PurchaseModel() {
      @Override
      public String model() {
        return "constant";
      }

      @Override
      public double expectedPurchases(double t) {
        return 1.0;
      }

      @Override
      public double conditionalExpectedPurchases(double t, int x, double tx, double age) {
        return x; // predicts the calibration frequency again
      }

      @Override
      public double probabilityAlive(int x, double tx, double age) {
        return 1.0;
      }
    };
    int[] x = {0, 1, 2, 9};
    HoldoutValidation v = HoldoutValidation.of(constant, x, new double[] {0, 1, 1, 2}, new double[] {3, 3, 3, 3},
        new int[] {1, 1, 3, 9}, 3.0);
    // errors -1, 0, -1, 0
    assertThat(v.meanAbsoluteError()).isEqualTo(0.5);
    assertThat(v.rootMeanSquaredError()).isEqualTo(Math.sqrt(0.5));
    assertThat(v.predictedTotal()).isEqualTo(12.0);
    assertThat(v.actualTotal()).isEqualTo(14.0);
    // predicted 0,1,2,9 (mean 3), actual 1,1,3,9 (mean 3.5): hand-computed Pearson correlation
    double spa = (-3) * (-2.5) + (-2) * (-2.5) + (-1) * (-0.5) + 6 * 5.5;
    double spp = 9 + 4 + 1 + 36;
    double saa = 6.25 + 6.25 + 0.25 + 30.25;
    assertThat(v.correlation()).isCloseTo(spa / Math.sqrt(spp * saa), within(1e-12));
    assertThat(v.customersByFrequency()).containsExactly(1, 1, 1, 0, 0, 0, 0, 1);
    assertThat(v.actualByFrequency()[7]).isEqualTo(9.0);
    assertThat(Double.isNaN(v.predictedByFrequency()[3])).isTrue();
  }
}
