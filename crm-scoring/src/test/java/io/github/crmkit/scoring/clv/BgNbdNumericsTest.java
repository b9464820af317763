package io.github.crmkit.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Numerical properties of BG/NBD and MBG/NBD predictions over wide grids of parameters and histories. */
class BgNbdNumericsTest {
  private static final long SEED = 20_051_204L;

  /** A model with parameters log-uniform in [e^-3, e^3] (alpha in [e^-2, e^4]). */
  private static BgNbdModel model(SplittableRandom random, boolean modified) {
    double r = Math.exp(random.nextDouble(-3, 3));
    double alpha = Math.exp(random.nextDouble(-2, 4));
    double a = Math.exp(random.nextDouble(-3, 3));
    double b = Math.exp(random.nextDouble(-3, 3));
    return modified ? BgNbdModel.mbgNbd(r, alpha, a, b) : BgNbdModel.bgNbd(r, alpha, a, b);
  }

  @Test
  void probabilityAliveAndConditionalExpectationStayFiniteAndInRange() {
    qt().withExamples(300).withFixedSeed(SEED).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      BgNbdModel model = model(random, random.nextBoolean());
      for (int k = 0; k < 40; k++) {
        int x = random.nextInt(4) == 0 ? 0 : random.nextInt(1 + random.nextInt(2000));
        double age = random.nextInt(10) == 0 ? 0.0 : Math.exp(random.nextDouble(-3, 7));
        double tx = x == 0 ? 0.0 : age * random.nextDouble();
        double t = random.nextInt(10) == 0 ? 0.0 : Math.exp(random.nextDouble(-3, 6));
        double alive = model.probabilityAlive(x, tx, age);
        assertThat(alive).as("P(alive) %s x=%s tx=%s T=%s", model, x, tx, age).isBetween(0.0, 1.0);
        double ce = model.conditionalExpectedPurchases(t, x, tx, age);
        assertThat(ce).as("CE %s t=%s x=%s tx=%s T=%s", model, t, x, tx, age)
            .isGreaterThanOrEqualTo(0.0).isLessThan(Double.POSITIVE_INFINITY);
        double longer = model.conditionalExpectedPurchases(t * 2.0, x, tx, age);
        assertThat(longer).as("CE non-decreasing in t").isGreaterThanOrEqualTo(ce * (1.0 - 1e-9));
        if (x == 0 && model.variant() == BgNbdModel.Variant.BG_NBD) {
          assertThat(alive).isEqualTo(1.0);
        }
      }
    });
  }

  @Test
  void bgNbdPublishedExtremes() {
    BgNbdModel model = BgNbdModel.bgNbd(0.2425982, 4.4136842, 0.7929899, 2.4261667);
    assertThat(model.probabilityAlive(1000, 10, 100)).isEqualTo(0.0);
    assertThat(model.probabilityAlive(0, 0, 100)).isEqualTo(1.0);
    assertThat(model.probabilityAlive(0, 0, 1e9)).isEqualTo(1.0);
    // a customer who bought right at T is as alive as can be: P(alive) = 1 / (1 + a / (b + x - 1))
    assertThat(model.probabilityAlive(5, 30, 30)).isCloseTo(1.0 / (1.0 + 0.7929899 / (2.4261667 + 4)), within(1e-15));
    assertThat(model.conditionalExpectedPurchases(0.0, 5, 10, 30)).isEqualTo(0.0);
    assertThat(model.expectedPurchases(0.0)).isEqualTo(0.0);
  }

  @Test
  void expectedPurchasesIsNonDecreasingAndTendsToItsLimit() {
    qt().withExamples(200).withFixedSeed(SEED).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      boolean modified = random.nextBoolean();
      BgNbdModel model = model(random, modified);
      double previous = 0.0;
      for (double t = 0.5; t < 2000; t *= 2) {
        double e = model.expectedPurchases(t);
        assertThat(e).as("%s E[X(%s)]", model, t).isGreaterThanOrEqualTo(previous * (1.0 - 1e-9))
            .isLessThan(Double.POSITIVE_INFINITY);
        previous = e;
      }
      if (model.a() > 1.5) {
        // the expected number of purchases before dropout: (a+b-1)/(a-1), MBG/NBD b/(a-1)
        double limit = modified ? model.b() / (model.a() - 1.0) : (model.a() + model.b() - 1.0) / (model.a() - 1.0);
        assertThat(model.expectedPurchases(1e9)).as("%s", model).isLessThanOrEqualTo(limit * (1 + 1e-9));
      }
    });
  }

  @Test
  void pmfIsAProbabilityDistribution() {
    qt().withExamples(60).withFixedSeed(SEED).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      boolean modified = random.nextBoolean();
      BgNbdModel base = model(random, modified);
      // moderate purchase rates so that 3,000 terms hold all but a negligible tail
      double r = Math.exp(random.nextDouble(-2, 1));
      double alpha = Math.exp(random.nextDouble(0, 3));
      BgNbdModel model = modified ? BgNbdModel.mbgNbd(r, alpha, base.a(), base.b())
          : BgNbdModel.bgNbd(r, alpha, base.a(), base.b());
      double t = Math.exp(random.nextDouble(-2, 4));
      double[] pmf = new double[3000];
      model.probabilityOfPurchases(t, pmf);
      double sum = 0.0;
      double mean = 0.0;
      for (int n = 0; n < pmf.length; n++) {
        assertThat(pmf[n]).isBetween(0.0, 1.0);
        sum += pmf[n];
        mean += n * pmf[n];
        assertThat(sum).as("%s t=%s partial sum to %s", model, t, n).isLessThanOrEqualTo(1.0 + 1e-9);
      }
      assertThat(sum).as("%s t=%s", model, t).isCloseTo(1.0, within(1e-6));
      // and its mean is E[X(t)]
      assertThat(mean).as("%s t=%s", model, t).isCloseTo(model.expectedPurchases(t),
          within(1e-5 * Math.max(1.0, mean)));
    });
  }

  /** The conditional expectation from the undisguised series of FHL's equation 10, summed in 60-digit decimals. */
  private static double reference(BgNbdModel m, double t, int x, double tx, double age) {
    MathContext mc = new MathContext(60);
    double bp = m.variant() == BgNbdModel.Variant.MBG_NBD ? m.b() + 1 : m.b();
    double alphaT = m.alpha() + age;
    BigDecimal z = new BigDecimal(t).divide(new BigDecimal(alphaT + t), mc);
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ONE;
    double p1 = m.r() + x;
    double p2 = bp + x;
    double c = m.a() + bp + x - 1;
    for (int k = 0; k < 2000; k++) {
      term = term.multiply(new BigDecimal((p1 + k) * (p2 + k)), mc).multiply(z, mc)
          .divide(new BigDecimal((c + k) * (k + 1.0)), mc);
      sum = sum.add(term, mc);
    }
    double u = Math.pow(alphaT / (alphaT + t), p1);
    double numerator = c / (m.a() - 1) * (1 - u * sum.doubleValue());
    boolean second = x > 0 || m.variant() == BgNbdModel.Variant.MBG_NBD;
    double denominator = 1 + (second ? m.a() / (bp + x - 1) * Math.pow(alphaT / (m.alpha() + tx), p1) : 0);
    return numerator / denominator;
  }

  @Test
  void conditionalExpectationAgreesWithADirectHighPrecisionSeries() {
    BgNbdModel published = BgNbdModel.bgNbd(0.2425982, 4.4136842, 0.7929899, 2.4261667);
    assertThat(published.conditionalExpectedPurchases(52, 26, 30.85714, 31))
        .isCloseTo(reference(published, 52, 26, 30.85714, 31), within(1e-11));
    qt().withExamples(40).withFixedSeed(SEED).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      boolean modified = random.nextBoolean();
      double a = random.nextDouble(0.3, 3.0);
      if (Math.abs(a - 1.0) < 0.05) {
        a += 0.1; // the undisguised formula divides by a - 1
      }
      BgNbdModel m = modified
          ? BgNbdModel.mbgNbd(random.nextDouble(0.1, 3), random.nextDouble(1, 20), a, random.nextDouble(0.3, 5))
          : BgNbdModel.bgNbd(random.nextDouble(0.1, 3), random.nextDouble(1, 20), a, random.nextDouble(0.3, 5));
      int x = random.nextInt(30);
      double age = random.nextDouble(1, 60);
      double tx = x == 0 ? 0 : age * random.nextDouble();
      double t = random.nextDouble(1, 60); // z = t / (alpha + T + t) stays below 0.97: 2000 terms suffice
      double expected = reference(m, t, x, tx, age);
      assertThat(m.conditionalExpectedPurchases(t, x, tx, age)).as("%s t=%s x=%s tx=%s T=%s", m, t, x, tx, age)
          .isCloseTo(expected, within(1e-9 * Math.max(1.0, Math.abs(expected))));
    });
  }

  @Test
  void specialFunctionsAgreeWithKnownValues() {
    assertThat(SpecialFunctions.logGamma(0.5)).isCloseTo(0.5723649429247001, within(1e-14));
    assertThat(SpecialFunctions.logGamma(1.0)).isCloseTo(0.0, within(1e-14));
    assertThat(SpecialFunctions.logGamma(2.0)).isCloseTo(0.0, within(1e-14));
    assertThat(SpecialFunctions.logGamma(100.0)).isCloseTo(359.1342053695754, within(1e-11));
    assertThat(SpecialFunctions.logGamma(1e-8)).isCloseTo(18.420680738180209, within(1e-12));
    assertThat(SpecialFunctions.digamma(1.0)).isCloseTo(-0.5772156649015329, within(1e-14));
    assertThat(SpecialFunctions.digamma(0.1)).isCloseTo(-10.423754940411076, within(1e-13));
    assertThat(SpecialFunctions.digamma(1000.0)).isCloseTo(6.907255195648812, within(1e-14));
  }
}
