package io.github.crmkit.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The analytic gradients of the likelihoods against central differences of the likelihoods themselves. */
class GradientTest {
  private static final long SEED = 77L;

  private static void checkGradient(LogLikelihood f, double[] theta) {
    int n = f.dimension();
    double[] gradient = new double[n];
    f.value(theta, gradient);
    for (int j = 0; j < n; j++) {
      double[] p = theta.clone();
      double h = 1e-6 * theta[j];
      p[j] = theta[j] + h;
      double up = f.value(p, null);
      p[j] = theta[j] - h;
      double down = f.value(p, null);
      double numeric = (up - down) / (2 * h);
      double scale = Math.abs(f.value(theta, null)) / theta[j];
      assertThat(gradient[j]).as("d/dtheta_%s at %s", j, java.util.Arrays.toString(theta))
          .isCloseTo(numeric, within(1e-6 * Math.max(1.0, scale)));
    }
  }

  private static RepeatPurchaseColumns randomData(SplittableRandom random, int n) {
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] age = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextInt(3) == 0 ? 0 : random.nextInt(1, 40);
      age[i] = random.nextDouble(0.5, 80);
      tx[i] = x[i] == 0 ? 0 : age[i] * random.nextDouble();
      w[i] = 1 + random.nextInt(5);
    }
    return RepeatPurchaseColumns.weighted(x, tx, age, w);
  }

  @Test
  void bgNbdAndMbgNbdGradients() {
    qt().withExamples(100).withFixedSeed(SEED).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      RepeatPurchaseColumns data = randomData(random, 50);
      double[] theta = {Math.exp(random.nextDouble(-2, 2)), Math.exp(random.nextDouble(-1, 3)),
          Math.exp(random.nextDouble(-2, 2)), Math.exp(random.nextDouble(-2, 2))};
      checkGradient(new BgNbdLikelihood(false, data), theta);
      checkGradient(new BgNbdLikelihood(true, data), theta);
      checkGradient(new BgNbdLikelihood(false, data.compress()), theta);
    });
  }

  @Test
  void gammaGammaGradient() {
    qt().withExamples(100).withFixedSeed(SEED).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      int n = 40;
      int[] x = new int[n];
      double[] m = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = random.nextInt(5) == 0 ? 0 : random.nextInt(1, 20);
        m[i] = random.nextDouble(1, 200);
      }
      double[] theta = {Math.exp(random.nextDouble(-1, 3)), Math.exp(random.nextDouble(-1, 3)),
          Math.exp(random.nextDouble(-1, 4))};
      checkGradient(new GammaGammaLikelihood(x, m, null), theta);
    });
  }

  @Test
  void compressionKeepsTheLikelihood() {
    qt().withExamples(50).withFixedSeed(SEED).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      int n = 300;
      int[] x = new int[n];
      double[] tx = new double[n];
      double[] age = new double[n];
      for (int i = 0; i < n; i++) {
        // few distinct patterns, so that many rows merge
        x[i] = random.nextInt(4);
        age[i] = 10 + random.nextInt(3);
        tx[i] = x[i] == 0 ? 0 : random.nextInt((int) age[i] + 1);
      }
      RepeatPurchaseColumns data = RepeatPurchaseColumns.of(x, tx, age);
      RepeatPurchaseColumns compressed = data.compress();
      assertThat(compressed.size()).isLessThan(data.size());
      assertThat(compressed.totalWeight()).isEqualTo(300.0);
      for (int i = 1; i < compressed.size(); i++) {
        assertThat(compressed.frequency(i)).isGreaterThanOrEqualTo(compressed.frequency(i - 1));
      }
      double[] theta = {0.5, 3.0, 0.8, 2.0};
      assertThat(new BgNbdLikelihood(false, compressed).value(theta, null))
          .isCloseTo(new BgNbdLikelihood(false, data).value(theta, null), within(1e-9));
    });
  }
}
