package io.github.crmkit.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** {@link HoldoutValidation#ofPredictions}: bins and measures worked by hand, and bad input named. */
class HoldoutValidationPredictionsTest {

  @Test
  void binsAndMeasuresOfGivenPredictions() {
    // four customers with x = 0, 1, 3, 5 and bins 0, 1, 2, 3+
    double[] predicted = {0.5, 1.0, 2.0, 4.0};
    int[] actual = {0, 2, 2, 3};
    int[] x = {0, 1, 3, 5};
    HoldoutValidation v = HoldoutValidation.ofPredictions(predicted, actual, x, 3);
    assertThat(v.customersByFrequency()).containsExactly(1, 1, 0, 2);
    assertThat(v.predictedByFrequency()[3]).isEqualTo(3.0); // (2 + 4) / 2
    assertThat(v.actualByFrequency()[3]).isEqualTo(2.5); // (2 + 3) / 2
    assertThat(v.actualByFrequency()[2]).isNaN();
    assertThat(v.predictedTotal()).isEqualTo(7.5);
    assertThat(v.actualTotal()).isEqualTo(7.0);
    // errors 0.5, -1, 0, 1: mean absolute 2.5 / 4, RMSE sqrt(2.25 / 4)
    assertThat(v.meanAbsoluteError()).isEqualTo(0.625);
    assertThat(v.rootMeanSquaredError()).isCloseTo(0.75, within(1e-15));
    // the arrays are copied: changing the caller's does not change the validation
    predicted[0] = 100;
    assertThat(v.predicted()[0]).isEqualTo(0.5);
  }

  @Test
  void badInputIsNamed() {
    assertThatThrownBy(() -> HoldoutValidation.ofPredictions(new double[] {1, -0.5}, new int[2], new int[2], 7))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("predicted[1] must be finite and >= 0, was -0.5");
    assertThatThrownBy(() -> HoldoutValidation.ofPredictions(new double[] {Double.NaN}, new int[1], new int[1], 7))
        .hasMessage("predicted[0] must be finite and >= 0, was NaN");
    assertThatThrownBy(() -> HoldoutValidation.ofPredictions(new double[1], new int[] {-1}, new int[1], 7))
        .hasMessage("holdoutPurchases[0] must be >= 0, was -1");
    assertThatThrownBy(() -> HoldoutValidation.ofPredictions(new double[1], new int[1], new int[] {-2}, 7))
        .hasMessage("x[0] must be >= 0, was -2");
    assertThatThrownBy(() -> HoldoutValidation.ofPredictions(new double[2], new int[1], new int[2], 7))
        .hasMessage("columns must have the same length, were predicted 2, holdoutPurchases 1, x 2");
    assertThatThrownBy(() -> HoldoutValidation.ofPredictions(new double[0], new int[0], new int[0], 7))
        .hasMessage("no customers to validate");
    assertThatThrownBy(() -> HoldoutValidation.ofPredictions(new double[1], new int[1], new int[1], -1))
        .hasMessage("maxFrequency must be >= 0, was -1");
  }
}
