package io.github.crmkit.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.crmkit.testkit.BuyingProcess;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Parameter recovery: customers simulated by the test kit's Pareto/NBD process with known parameters (50,000 per
 * set, the kit's default 78 weeks with 12 weeks of acquisition) must give those parameters back within a few
 * standard errors.
 */
class ParetoNbdRecoveryTest {
  private static final int CUSTOMERS = 50_000;
  /** Each of the 4 x 2 estimates within 4 standard errors: fails by chance with probability about 0.1%. */
  private static final double REACH = 4.0;

  private static void assertRecovered(FittedModel fit, String name, double truth) {
    double estimate = fit.parameter(name);
    double se = fit.standardError(name);
    assertThat(se).as("standard error of %s in %s", name, fit).isPositive();
    assertThat(Math.abs(estimate - truth)).as("%s: estimate %s, truth %s, standard error %s", name, estimate, truth,
        se).isLessThanOrEqualTo(REACH * se);
  }

  private static void recover(double r, double alpha, double s, double beta, long seed) {
    RepeatPurchaseColumns data = BgNbdRecoveryTest.simulate(BuyingProcess.paretoNbd(r, alpha, s, beta), seed,
        CUSTOMERS);
    FittedModel fit = ParetoNbdModel.fit(data);
    System.out.printf("pareto-nbd recovery r=%s alpha=%s s=%s beta=%s: %s%n", r, alpha, s, beta, fit.toJson());
    assertThat(fit.converged()).as("%s", fit).isTrue();
    assertThat(fit.customers()).isEqualTo(CUSTOMERS);
    assertRecovered(fit, "r", r);
    assertRecovered(fit, "alpha", alpha);
    assertRecovered(fit, "s", s);
    assertRecovered(fit, "beta", beta);
  }

  @Test
  void recoversTheCdnowParameters() {
    recover(0.5533971, 10.5801985, 0.6060625, 11.6562237, 3L);
  }

  @Test
  void recoversRandomParameterSets() {
    qt().withExamples(1).withFixedSeed(2024L).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      double r = Math.exp(random.nextDouble(Math.log(0.3), Math.log(2.0)));
      double alpha = Math.exp(random.nextDouble(Math.log(2.0), Math.log(15.0)));
      double s = Math.exp(random.nextDouble(Math.log(0.4), Math.log(2.0)));
      double beta = Math.exp(random.nextDouble(Math.log(5.0), Math.log(30.0)));
      recover(r, alpha, s, beta, seed);
    });
  }
}
