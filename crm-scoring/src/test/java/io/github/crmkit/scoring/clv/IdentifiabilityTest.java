package io.github.crmkit.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Fits that data cannot identify, and invalid input, fail with messages that say why. */
class IdentifiabilityTest {

  @Test
  void bgNbdWithoutRepeatPurchasesIsRefused() {
    RepeatPurchaseColumns none = RepeatPurchaseColumns.of(new int[] {0, 0, 0}, new double[] {0, 0, 0},
        new double[] {10, 20, 30});
    assertThatThrownBy(() -> BgNbdModel.fit(BgNbdModel.Variant.BG_NBD, none))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot fit bg-nbd: no customer has a repeat purchase (every frequency is 0), so the purchase "
            + "rate and the dropout process cannot be identified");
    assertThatThrownBy(() -> BgNbdModel.fit(BgNbdModel.Variant.MBG_NBD, none))
        .hasMessageStartingWith("cannot fit mbg-nbd: no customer has a repeat purchase");
    RepeatPurchaseColumns empty = RepeatPurchaseColumns.of(new int[0], new double[0], new double[0]);
    assertThatThrownBy(() -> BgNbdModel.fit(BgNbdModel.Variant.BG_NBD, empty))
        .hasMessage("cannot fit bg-nbd to no customers");
  }

  @Test
  void gammaGammaWithoutRepeatersIsRefused() {
    assertThatThrownBy(() -> GammaGammaModel.fit(new int[] {0, 0}, new double[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot fit gamma-gamma: no customer has a repeat purchase (frequency > 0), so there is no mean "
            + "repeat spend to fit");
    assertThatThrownBy(() -> GammaGammaModel.fit(new int[] {0, 2}, new double[] {0, -5}))
        .hasMessage("meanSpend[1] must be positive and finite for a customer with repeat purchases, was -5.0");
  }

  @Test
  void invalidRowsAreNamed() {
    assertThatThrownBy(() -> RepeatPurchaseColumns.of(new int[] {1, -1}, new double[] {1, 0}, new double[] {2, 2}))
        .hasMessage("frequency[1] must be >= 0, was -1");
    assertThatThrownBy(() -> RepeatPurchaseColumns.of(new int[] {1}, new double[] {3}, new double[] {2}))
        .hasMessage("recency[0] (t_x) must be in [0, T = 2.0], was 3.0");
    assertThatThrownBy(() -> RepeatPurchaseColumns.of(new int[] {0}, new double[] {1}, new double[] {2}))
        .hasMessage("recency[0] (t_x) must be 0 when frequency is 0, was 1.0");
    assertThatThrownBy(() -> RepeatPurchaseColumns.of(new int[] {0}, new double[] {0}, new double[] {Double.NaN}))
        .hasMessage("age[0] (T) must be finite and >= 0, was NaN");
    assertThatThrownBy(() -> RepeatPurchaseColumns.weighted(new int[] {0}, new double[] {0}, new double[] {1},
        new double[] {0})).hasMessage("weight[0] must be positive and finite, was 0.0");
    assertThatThrownBy(() -> RepeatPurchaseColumns.of(new int[] {0}, new double[] {0, 1}, new double[] {1}))
        .hasMessageStartingWith("columns must have the same length");
    assertThatThrownBy(() -> BgNbdModel.bgNbd(0.0, 1, 1, 1)).hasMessage("r must be positive and finite, was 0.0");
    assertThatThrownBy(() -> new FitOptions(-1, 10, 1e-8)).hasMessage("penalty must be finite and >= 0, was -1.0");
  }

  @Test
  void thePenaltyShrinksTheParameters() {
    RepeatPurchaseColumns data = CdnowData.unrounded().columns();
    FittedModel plain = BgNbdModel.fit(BgNbdModel.Variant.BG_NBD, data);
    FittedModel penalised = BgNbdModel.fit(BgNbdModel.Variant.BG_NBD, data, FitOptions.defaults().withPenalty(0.01));
    assertThat(penalised.converged()).isTrue();
    double plainNorm = 0;
    double penalisedNorm = 0;
    for (String name : plain.parameterNames()) {
      plainNorm += plain.parameter(name) * plain.parameter(name);
      penalisedNorm += penalised.parameter(name) * penalised.parameter(name);
    }
    assertThat(penalisedNorm).isLessThan(plainNorm);
    assertThat(penalised.logLikelihood()).isLessThan(plain.logLikelihood());
  }
}
