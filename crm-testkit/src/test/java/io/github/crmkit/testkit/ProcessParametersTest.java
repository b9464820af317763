package io.github.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessParametersTest {

  @Test
  void buyingProcessesKeepTheirParameters() {
    BuyingProcess bg = BuyingProcess.bgNbd(0.243, 4.414, 0.793, 2.426);
    assertThat(bg.kind()).isEqualTo(BuyingProcess.Kind.BG_NBD);
    assertThat(new double[] {bg.r(), bg.alpha(), bg.a(), bg.b()}).containsExactly(0.243, 4.414, 0.793, 2.426);
    assertThat(bg).hasToString("BuyingProcess.bgNbd(r=0.243, alpha=4.414, a=0.793, b=2.426)");

    BuyingProcess pareto = BuyingProcess.paretoNbd(0.55, 10.58, 0.61, 11.67);
    assertThat(pareto.kind()).isEqualTo(BuyingProcess.Kind.PARETO_NBD);
    assertThat(new double[] {pareto.r(), pareto.alpha(), pareto.s(), pareto.beta()})
        .containsExactly(0.55, 10.58, 0.61, 11.67);
    assertThat(pareto).hasToString("BuyingProcess.paretoNbd(r=0.55, alpha=10.58, s=0.61, beta=11.67)");

    BuyingProcess poisson = BuyingProcess.poisson(1.5, 3.0);
    assertThat(poisson.kind()).isEqualTo(BuyingProcess.Kind.POISSON);
    assertThat(poisson).hasToString("BuyingProcess.poisson(r=1.5, alpha=3.0)");
  }

  @Test
  void buyingProcessEqualityIsByKindAndParameters() {
    assertThat(BuyingProcess.bgNbd(1, 2, 3, 4))
        .isEqualTo(BuyingProcess.bgNbd(1, 2, 3, 4))
        .hasSameHashCodeAs(BuyingProcess.bgNbd(1, 2, 3, 4))
        .isNotEqualTo(BuyingProcess.paretoNbd(1, 2, 3, 4))
        .isNotEqualTo(BuyingProcess.bgNbd(1, 2, 3, 5))
        .isNotEqualTo(null);
    assertThat(BuyingProcess.poisson(1, 2)).isEqualTo(BuyingProcess.poisson(1, 2));
  }

  @Test
  void buyingProcessRejectsBadParameters() {
    assertThatThrownBy(() -> BuyingProcess.bgNbd(-1.0, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("r must be positive, was -1.0");
    assertThatThrownBy(() -> BuyingProcess.bgNbd(1, 0.0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alpha must be positive, was 0.0");
    assertThatThrownBy(() -> BuyingProcess.bgNbd(1, 1, Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a must be positive, was NaN");
    assertThatThrownBy(() -> BuyingProcess.paretoNbd(1, 1, 1, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("beta must be finite, was Infinity");
    assertThatThrownBy(() -> BuyingProcess.paretoNbd(1, 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("s must be positive, was 0.0");
    assertThatThrownBy(() -> BuyingProcess.poisson(1, -2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alpha must be positive, was -2.0");
  }

  @Test
  void buyingProcessRefusesParametersOfAnotherKind() {
    assertThatThrownBy(() -> BuyingProcess.poisson(1, 2).a())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a is defined only for BG_NBD, this process is POISSON");
    assertThatThrownBy(() -> BuyingProcess.bgNbd(1, 2, 3, 4).beta())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("beta is defined only for PARETO_NBD, this process is BG_NBD");
  }

  @Test
  void spendProcessesKeepTheirParameters() {
    SpendProcess gg = SpendProcess.gammaGamma(6.25, 3.74, 15.44);
    assertThat(gg.kind()).isEqualTo(SpendProcess.Kind.GAMMA_GAMMA);
    assertThat(new double[] {gg.p(), gg.q(), gg.gamma()}).containsExactly(6.25, 3.74, 15.44);
    assertThat(gg).hasToString("SpendProcess.gammaGamma(p=6.25, q=3.74, gamma=15.44)");
    assertThat(gg).isEqualTo(SpendProcess.gammaGamma(6.25, 3.74, 15.44)).isNotEqualTo(SpendProcess.fixed(6.25));

    SpendProcess fixed = SpendProcess.fixed(0.0);
    assertThat(fixed.kind()).isEqualTo(SpendProcess.Kind.FIXED);
    assertThat(fixed.amount()).isZero();
    assertThat(fixed).hasToString("SpendProcess.fixed(amount=0.0)").hasSameHashCodeAs(SpendProcess.fixed(0.0));
    assertThatThrownBy(fixed::p)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("p is defined only for GAMMA_GAMMA, this process is FIXED");
  }

  @Test
  void spendProcessRejectsBadParameters() {
    assertThatThrownBy(() -> SpendProcess.gammaGamma(0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("p must be positive, was 0.0");
    assertThatThrownBy(() -> SpendProcess.gammaGamma(1, 1, -3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gamma must be positive, was -3.0");
    assertThatThrownBy(() -> SpendProcess.fixed(-0.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount must not be negative, was -0.01");
    assertThatThrownBy(() -> SpendProcess.fixed(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount must be finite, was NaN");
  }
}
