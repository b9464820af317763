package io.github.crmkit.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * BG/NBD on CDNOW against the figures published by Fader, Hardie and Lee (2005) and reproduced by lifetimes and
 * BTYD.
 */
class BgNbdCdnowTest {
  private static final BgNbdModel PUBLISHED = BgNbdModel.bgNbd(0.2425982, 4.4136842, 0.7929899, 2.4261667);

  @Test
  void fitOnUnroundedDataMatchesPublishedParameters() {
    FittedModel fit = BgNbdModel.fit(BgNbdModel.Variant.BG_NBD, CdnowData.unrounded().columns());
    System.out.println(fit.toJson());
    assertThat(fit.converged()).isTrue();
    assertThat(fit.parameter("r")).isCloseTo(0.2425982, within(0.2425982e-4 * 1.2));
    assertThat(fit.parameter("alpha")).isCloseTo(4.4136842, within(4.4136842e-4 * 1.2));
    assertThat(fit.parameter("a")).isCloseTo(0.7929899, within(0.7929899e-4 * 1.2));
    assertThat(fit.parameter("b")).isCloseTo(2.4261667, within(2.4261667e-4 * 1.2));
    assertThat(fit.logLikelihood()).isCloseTo(-9582.429, within(0.01));
    assertThat(fit.customers()).isEqualTo(2357);
  }
}
