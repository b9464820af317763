package io.github.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Checks that the generated purchases follow the configured processes, against closed-form results of the published
 * models, computed here independently of the code under test.
 *
 * <p>Every check compares a sample mean or proportion over independent customers with its expectation and allows
 * {@value #STANDARD_ERRORS} standard errors (estimated from the sample, or from the binomial formula for a
 * proportion): a correct generator fails one check with probability about 6e-5, while the mistakes these checks are
 * meant to catch (rates per day instead of per week, dropout at the first purchase, a wrong Gamma parameterization)
 * move the means by far more. Seeds are fixed, so the results are reproducible.
 */
class SyntheticPurchasesRecoveryTest {

  private static final double STANDARD_ERRORS = 4.0;
  private static final int CUSTOMERS = 20_000;
  private static final long WEEK = 7 * 86_400L;

  // CDNOW estimates (weeks): Fader, Hardie and Lee (2005) for the BG/NBD; Fader, Hardie and Lee (2005, "RFM and
  // CLV") for the Pareto/NBD and the Gamma-Gamma
  private static final double R = 0.243;
  private static final double ALPHA = 4.414;
  private static final double A = 0.793;
  private static final double B = 2.426;
  private static final double PARETO_R = 0.55;
  private static final double PARETO_ALPHA = 10.58;
  private static final double S = 0.61;
  private static final double BETA = 11.67;
  private static final double P = 6.25;
  private static final double Q = 3.74;
  private static final double GAMMA = 15.44;

  /** Weeks after each customer's first purchase at which repeat purchases are counted. */
  private static final int[] HORIZONS = {13, 39, 77};

  /** Mean, standard error and count of a sample, by Welford's method. */
  static final class Sample {
    private long n;
    private double mean;
    private double m2;

    void add(double x) {
      n++;
      double delta = x - mean;
      mean += delta / n;
      m2 += delta * (x - mean);
    }

    double mean() {
      return mean;
    }

    double standardError() {
      return Math.sqrt(m2 / (n - 1) / n);
    }
  }

  /**
   * Per customer, the number of repeat purchases within each horizon after the first purchase. All customers are
   * acquired on the first day, so every horizon lies inside the 78-week window for every customer.
   */
  private static long[][] repeatCounts(SyntheticPurchases data) {
    long[][] counts = new long[HORIZONS.length][data.customers()];
    long[] first = new long[1];
    data.forEach((c, s, o, t, a, r) -> {
      if ((s & 0xFFFF_FFFFL) == 0) {
        first[0] = t;
        return;
      }
      for (int h = 0; h < HORIZONS.length; h++) {
        if (!r && t - first[0] < HORIZONS[h] * WEEK) {
          counts[h][c]++;
        }
      }
    });
    return counts;
  }

  private static SyntheticPurchases.Builder acquiredAtOnce(BuyingProcess process) {
    return SyntheticPurchases.builder()
        .seed(42)
        .customers(CUSTOMERS)
        .acquisitionDays(1)
        .observationDays(546)
        .buyingProcess(process);
  }

  private static void assertMean(String what, Sample sample, double expected) {
    System.out.printf("%s: observed %.4f +- %.4f, expected %.4f%n", what, sample.mean(), sample.standardError(),
        expected);
    assertThat(sample.mean()).as(what).isCloseTo(expected, within(STANDARD_ERRORS * sample.standardError()));
  }

  private static void assertProportion(String what, long hits, long n, double expected) {
    double standardError = Math.sqrt(expected * (1 - expected) / n);
    double observed = hits / (double) n;
    System.out.printf("%s: observed %.4f, expected %.4f (se %.4f)%n", what, observed, expected, standardError);
    assertThat(observed).as(what).isCloseTo(expected, within(STANDARD_ERRORS * standardError));
  }

  /**
   * The Gauss hypergeometric series 2F1(a, b; c; z) for |z| < 1, summed until the terms no longer change the sum.
   */
  static double hypergeometric2F1(double a, double b, double c, double z) {
    double sum = 1.0;
    double term = 1.0;
    for (int n = 0; n < 1_000_000; n++) {
      term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
      sum += term;
      if (Math.abs(term) < 1e-16 * Math.abs(sum)) {
        return sum;
      }
    }
    throw new AssertionError("2F1 series did not converge for z = " + z);
  }

  /** BG/NBD: E[X(t)] = (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))]. */
  static double bgNbdExpectedRepeats(double r, double alpha, double a, double b, double t) {
    double hyp = hypergeometric2F1(r, b, a + b - 1.0, t / (alpha + t));
    return (a + b - 1.0) / (a - 1.0) * (1.0 - Math.pow(alpha / (alpha + t), r) * hyp);
  }

  /** Pareto/NBD: E[X(t)] = r beta / (alpha (s-1)) [1 - (beta/(beta+t))^(s-1)]. */
  static double paretoNbdExpectedRepeats(double r, double alpha, double s, double beta, double t) {
    return r * beta / (alpha * (s - 1.0)) * (1.0 - Math.pow(beta / (beta + t), s - 1.0));
  }

  @Test
  void hypergeometricSeriesMatchesKnownValues() {
    // 2F1(1, 1; 2; z) = -ln(1 - z) / z
    assertThat(hypergeometric2F1(1, 1, 2, 0.9)).isCloseTo(-Math.log(0.1) / 0.9, within(1e-12));
    // 2F1(a, b; b; z) = (1 - z)^-a
    assertThat(hypergeometric2F1(0.243, 2.426, 2.426, 0.5)).isCloseTo(Math.pow(0.5, -0.243), within(1e-12));
  }

  @Test
  void bgNbdRepeatPurchasesMatchTheClosedForm() {
    SyntheticPurchases data = acquiredAtOnce(BuyingProcess.bgNbd(R, ALPHA, A, B)).build();
    long[][] counts = repeatCounts(data);
    for (int h = 0; h < HORIZONS.length; h++) {
      double t = HORIZONS[h];
      Sample sample = new Sample();
      long zeros = 0;
      for (long x : counts[h]) {
        sample.add(x);
        if (x == 0) {
          zeros++;
        }
      }
      assertMean("BG/NBD E[X(" + HORIZONS[h] + ")]", sample, bgNbdExpectedRepeats(R, ALPHA, A, B, t));
      // no dropout before the first repeat purchase, so P(X(t) = 0) = E[exp(-lambda t)] = (alpha/(alpha+t))^r
      assertProportion("BG/NBD P(X(" + HORIZONS[h] + ") = 0)", zeros, CUSTOMERS, Math.pow(ALPHA / (ALPHA + t), R));
    }
    Sample lambda = new Sample();
    Sample p = new Sample();
    for (int c = 0; c < CUSTOMERS; c++) {
      CustomerTruth truth = data.truth(c);
      lambda.add(truth.lambda());
      p.add(truth.dropoutProbability());
    }
    assertMean("BG/NBD E[lambda]", lambda, R / ALPHA);
    assertMean("BG/NBD E[p]", p, A / (A + B));
  }

  @Test
  void paretoNbdRepeatPurchasesAndLifetimesMatchTheClosedForm() {
    SyntheticPurchases data = acquiredAtOnce(BuyingProcess.paretoNbd(PARETO_R, PARETO_ALPHA, S, BETA)).build();
    long[][] counts = repeatCounts(data);
    for (int h = 0; h < HORIZONS.length; h++) {
      Sample sample = new Sample();
      for (long x : counts[h]) {
        sample.add(x);
      }
      assertMean("Pareto/NBD E[X(" + HORIZONS[h] + ")]", sample,
          paretoNbdExpectedRepeats(PARETO_R, PARETO_ALPHA, S, BETA, HORIZONS[h]));
    }
    Sample mu = new Sample();
    long aliveAt52 = 0;
    for (int c = 0; c < CUSTOMERS; c++) {
      CustomerTruth truth = data.truth(c);
      mu.add(truth.dropoutRate());
      if (truth.dropoutAfterDays() > 52 * 7.0) {
        aliveAt52++;
      }
    }
    assertMean("Pareto/NBD E[mu]", mu, S / BETA);
    // P(tau > t) = E[exp(-mu t)] = (beta/(beta+t))^s
    assertProportion("Pareto/NBD P(tau > 52)", aliveAt52, CUSTOMERS, Math.pow(BETA / (BETA + 52), S));
  }

  @Test
  void poissonRepeatPurchasesMatchTheNbd() {
    SyntheticPurchases data = acquiredAtOnce(BuyingProcess.poisson(PARETO_R, PARETO_ALPHA)).build();
    long[][] counts = repeatCounts(data);
    for (int h = 0; h < HORIZONS.length; h++) {
      double t = HORIZONS[h];
      Sample sample = new Sample();
      long zeros = 0;
      for (long x : counts[h]) {
        sample.add(x);
        if (x == 0) {
          zeros++;
        }
      }
      assertMean("NBD E[X(" + HORIZONS[h] + ")]", sample, PARETO_R * t / PARETO_ALPHA);
      assertProportion("NBD P(X(" + HORIZONS[h] + ") = 0)", zeros, CUSTOMERS,
          Math.pow(PARETO_ALPHA / (PARETO_ALPHA + t), PARETO_R));
    }
  }

  @Test
  void gammaGammaValuesMatchTheModel() {
    SyntheticPurchases data = SyntheticPurchases.builder()
        .seed(7)
        .customers(CUSTOMERS)
        .buyingProcess(BuyingProcess.bgNbd(R, ALPHA, A, B))
        .spendProcess(SpendProcess.gammaGamma(P, Q, GAMMA))
        .build();
    Sample firstValue = new Sample();
    Sample customerMeanValue = new Sample();
    Sample nu = new Sample();
    Sample valueOverTruth = new Sample();
    long[] sumAndCount = new long[2];
    double[] meanSpend = new double[1];
    int[] current = {-1};
    data.forEach((c, s, o, t, a, r) -> {
      if (c != current[0]) {
        if (current[0] >= 0) {
          customerMeanValue.add(sumAndCount[0] / 100.0 / sumAndCount[1]);
        }
        current[0] = c;
        sumAndCount[0] = 0;
        sumAndCount[1] = 0;
        CustomerTruth truth = data.truth(c);
        nu.add(truth.nu());
        meanSpend[0] = truth.meanSpend();
        firstValue.add(a / 100.0);
      }
      sumAndCount[0] += a;
      sumAndCount[1]++;
      valueOverTruth.add(a / 100.0 / meanSpend[0]);
    });
    customerMeanValue.add(sumAndCount[0] / 100.0 / sumAndCount[1]);

    double expectedValue = P * GAMMA / (Q - 1.0);
    // first sales are independent across customers and each is Gamma(p, nu) with nu ~ Gamma(q, gamma)
    assertMean("Gamma-Gamma E[z] (first sales)", firstValue, expectedValue);
    // a customer's mean value has expectation E[p / nu] whatever the number of sales (independent of nu)
    assertMean("Gamma-Gamma E[mean z per customer]", customerMeanValue, expectedValue);
    assertMean("Gamma-Gamma E[nu]", nu, Q / GAMMA);
    // given the truth, z / (p / nu) ~ Gamma(p, p) has mean 1 (sales of one customer are correlated only through nu,
    // which this ratio removes, so the naive standard error applies); cent rounding shifts it by < 0.005 / 35
    assertMean("Gamma-Gamma E[z nu / p]", valueOverTruth, 1.0);
  }
}
