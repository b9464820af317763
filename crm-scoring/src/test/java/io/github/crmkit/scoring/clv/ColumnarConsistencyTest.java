package io.github.crmkit.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The columnar forms give the answers of the one-customer forms, with and without repeated patterns. */
class ColumnarConsistencyTest {

  @Test
  void arraysAgreeWithScalars() {
    qt().withExamples(100).withFixedSeed(5L).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      double r = Math.exp(random.nextDouble(-2, 1));
      double alpha = Math.exp(random.nextDouble(0, 3));
      double a = Math.exp(random.nextDouble(-2, 1.5));
      double b = Math.exp(random.nextDouble(-1, 2));
      BgNbdModel model = random.nextBoolean() ? BgNbdModel.bgNbd(r, alpha, a, b) : BgNbdModel.mbgNbd(r, alpha, a, b);
      GammaGammaModel spend = GammaGammaModel.of(6.25, 3.74, 15.44);
      int n = 500;
      int[] x = new int[n];
      double[] tx = new double[n];
      double[] age = new double[n];
      double[] m = new double[n];
      for (int i = 0; i < n; i++) {
        // few distinct (x, T) so that the cache is used, and sometimes many
        x[i] = random.nextInt(random.nextBoolean() ? 4 : 60);
        age[i] = random.nextBoolean() ? 10 + random.nextInt(5) : random.nextDouble(0, 100);
        tx[i] = x[i] == 0 ? 0 : age[i] * random.nextDouble();
        m[i] = random.nextDouble(5, 100);
      }
      double t = random.nextDouble(0, 104);
      double[] alive = new double[n];
      double[] ce = new double[n];
      double[] clv = new double[n];
      model.probabilityAlive(x, tx, age, alive);
      model.conditionalExpectedPurchases(t, x, tx, age, ce);
      CustomerLifetimeValue.compute(model, spend, x, tx, age, m, 12, 0.01, 4.345, clv);
      double[] horizons = new double[12];
      for (int k = 0; k < 12; k++) {
        horizons[k] = (k + 1) * 4.345;
      }
      double[] byHorizon = new double[12];
      for (int i = 0; i < n; i++) {
        assertThat(alive[i]).isEqualTo(model.probabilityAlive(x[i], tx[i], age[i]));
        double expected = model.conditionalExpectedPurchases(t, x[i], tx[i], age[i]);
        assertThat(ce[i]).isCloseTo(expected, within(1e-12 * Math.max(1.0, expected)));
        model.conditionalExpectedPurchases(horizons, x[i], tx[i], age[i], byHorizon);
        double value = 0;
        double previous = 0;
        for (int k = 0; k < 12; k++) {
          value += (byHorizon[k] - previous) / Math.pow(1.01, k + 1);
          previous = byHorizon[k];
        }
        double expectedClv = spend.conditionalExpectedAverageSpend(x[i], m[i]) * value;
        assertThat(clv[i]).isCloseTo(expectedClv, within(1e-10 * Math.max(1.0, expectedClv)));
        assertThat(byHorizon[11]).isCloseTo(model.conditionalExpectedPurchases(horizons[11], x[i], tx[i], age[i]),
            within(1e-12 * Math.max(1.0, byHorizon[11])));
      }
    });
  }
}
