package io.github.crmkit.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.crmkit.testkit.BuyingProcess;
import io.github.crmkit.testkit.CustomerTruth;
import io.github.crmkit.testkit.SyntheticPurchases;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Parameter recovery: customers simulated by the test kit with known BG/NBD parameters (50,000 per set, 78 weeks,
 * 12 weeks of acquisition) must give those parameters back within a few standard errors.
 */
class BgNbdRecoveryTest {
  private static final int CUSTOMERS = 50_000;
  private static final double SECONDS_PER_WEEK = 7 * 86_400.0;
  /** Each of the 4 x 4 estimates within 4 standard errors: fails by chance with probability about 0.1%. */
  private static final double REACH = 4.0;

  static RepeatPurchaseColumns simulate(BuyingProcess process, long seed, int customers) {
    SyntheticPurchases data = SyntheticPurchases.builder().seed(seed).customers(customers).buyingProcess(process)
        .build();
    int[] x = new int[customers];
    double[] tx = new double[customers];
    double[] age = new double[customers];
    long end = data.endEpochSecond();
    for (int i = 0; i < customers; i++) {
      CustomerTruth truth = data.truth(i);
      x[i] = (int) truth.repeatPurchases();
      tx[i] = (truth.lastPurchaseEpochSecond() - truth.firstPurchaseEpochSecond()) / SECONDS_PER_WEEK;
      age[i] = (end - truth.firstPurchaseEpochSecond()) / SECONDS_PER_WEEK;
    }
    return RepeatPurchaseColumns.of(x, tx, age);
  }

  private static void assertRecovered(FittedModel fit, String name, double truth) {
    double estimate = fit.parameter(name);
    double se = fit.standardError(name);
    assertThat(se).as("standard error of %s in %s", name, fit).isPositive();
    assertThat(Math.abs(estimate - truth)).as("%s: estimate %s, truth %s, standard error %s", name, estimate, truth,
        se).isLessThanOrEqualTo(REACH * se);
  }

  private static void recover(double r, double alpha, double a, double b, long seed) {
    RepeatPurchaseColumns data = simulate(BuyingProcess.bgNbd(r, alpha, a, b), seed, CUSTOMERS);
    FittedModel fit = BgNbdModel.fit(BgNbdModel.Variant.BG_NBD, data);
    System.out.printf("recovery r=%s alpha=%s a=%s b=%s: %s%n", r, alpha, a, b, fit.toJson());
    assertThat(fit.converged()).as("%s", fit).isTrue();
    assertThat(fit.customers()).isEqualTo(CUSTOMERS);
    assertRecovered(fit, "r", r);
    assertRecovered(fit, "alpha", alpha);
    assertRecovered(fit, "a", a);
    assertRecovered(fit, "b", b);
  }

  @Test
  void recoversTheCdnowParameters() {
    recover(0.2425982, 4.4136842, 0.7929899, 2.4261667, 1L);
  }

  @Test
  void recoversRandomParameterSets() {
    qt().withExamples(3).withFixedSeed(4242L).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      double r = Math.exp(random.nextDouble(Math.log(0.2), Math.log(2.0)));
      double alpha = Math.exp(random.nextDouble(Math.log(1.0), Math.log(10.0)));
      double a = Math.exp(random.nextDouble(Math.log(0.3), Math.log(3.0)));
      double b = Math.exp(random.nextDouble(Math.log(1.0), Math.log(8.0)));
      recover(r, alpha, a, b, seed);
    });
  }
}
