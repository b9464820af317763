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
}
