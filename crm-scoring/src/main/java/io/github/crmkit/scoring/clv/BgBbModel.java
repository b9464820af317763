package io.github.crmkit.scoring.clv;

import static io.github.crmkit.scoring.clv.SpecialFunctions.logBeta;

import java.util.Objects;

/**
 * The BG/BB model of discrete-time, non-contractual repeat transactions (Fader, Hardie and Shang 2010,
 * "Customer-base analysis in a discrete-time noncontractual setting", Marketing Science 29(6)). At each opportunity
 * an alive customer transacts with probability {@code p ~ Beta(alpha, beta)}; before each opportunity an alive
 * customer dies with probability {@code theta ~ Beta(gamma, delta)}. Parameters {@code alpha, beta, gamma, delta} as
 * in the paper; a history is {@code (x, t_x, n)}: {@code x} transactions in {@code n} opportunities, the last at
 * opportunity {@code t_x} (0 if none).
 *
 * <p>Fitting: {@link #fit(BgBbPatterns, FitOptions)} maximises the likelihood (equation 5) with its analytic gradient
 * on the log scale of the parameters, from two starting points, over the compressed patterns.
 *
 * <p>Predictions, all computed in log space or as finite sums (so no value of {@code gamma}, in particular
 * {@code gamma = 1}, is special):
 * <ul>
 *   <li>{@link #expectedPurchases(int)}: E[X(n)] for a new customer,
 *       {@code alpha/(alpha+beta) sum_{i=1}^n B(gamma, delta+i)/B(gamma, delta)} (equation 7 as a sum);
 *   <li>{@link #probabilityAlive(int, int, int, int)}: P(alive at opportunity {@code n + m} | x, t_x, n)
 *       {@code = B(alpha+x, beta+n-x)/B(alpha,beta) B(gamma, delta+n+m)/B(gamma,delta) / L} (equation 11 for
 *       {@code m = 1}: alive in the first period after calibration);
 *   <li>{@link #conditionalExpectedPurchases(int, int, int, int)}: E[X(n, n+n*) | x, t_x, n]
 *       {@code = B(alpha+x+1, beta+n-x)/B(alpha,beta) sum_{i=1}^{n*} B(gamma, delta+n+i)/B(gamma,delta) / L}
 *       (equation 13 as a sum);
 *   <li>{@link #probabilityOfPurchases(int, int)}: P(X(n) = x) (equation 8);
 *   <li>{@link #discountedExpectedResidualPurchases(double, int, int, int)}: DERT, the discounted expected
 *       transactions over the whole future, the basis of residual lifetime value.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class BgBbModel {
  /** The model's name in {@link FittedModel}. */
  static final String NAME = "bg-bb";

  private final double alpha;
  private final double beta;
  private final double gamma;
  private final double delta;
  private final double logBetaAb;
  private final double logBetaGd;

  private BgBbModel(double alpha, double beta, double gamma, double delta) {
    this.alpha = positive("alpha", alpha);
    this.beta = positive("beta", beta);
    this.gamma = positive("gamma", gamma);
    this.delta = positive("delta", delta);
    this.logBetaAb = logBeta(alpha, beta);
    this.logBetaGd = logBeta(gamma, delta);
  }

  private static double positive(String name, double value) {
    if (!(value > 0.0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(name + " must be positive and finite, was " + value);
    }
    return value;
  }

  /**
   * A BG/BB model with the given parameters.
   *
   * @param alpha first shape of the transaction-probability Beta
   * @param beta second shape of the transaction-probability Beta
   * @param gamma first shape of the dropout-probability Beta
   * @param delta second shape of the dropout-probability Beta
   * @return the model
   * @throws IllegalArgumentException if a parameter is not positive and finite
   */
  public static BgBbModel of(double alpha, double beta, double gamma, double delta) {
    return new BgBbModel(alpha, beta, gamma, delta);
  }

  /**
   * The model of a fit (or of parameters read from JSON).
   *
   * @param fitted a {@code bg-bb} fitted model
   * @return the model
   * @throws IllegalArgumentException if {@code fitted} is another model
   */
  public static BgBbModel of(FittedModel fitted) {
    if (!NAME.equals(fitted.model())) {
      throw new IllegalArgumentException("expected a bg-bb model, was " + fitted.model());
    }
    return new BgBbModel(fitted.parameter("alpha"), fitted.parameter("beta"), fitted.parameter("gamma"),
        fitted.parameter("delta"));
  }

  /**
   * Fits a model by maximum likelihood with the default options.
   *
   * @param data the customers' histories
   * @return the fit
   * @throws IllegalArgumentException if the data cannot identify the model
   */
  public static FittedModel fit(BgBbPatterns data) {
    return fit(data, FitOptions.defaults());
  }

  /**
   * Fits a model by maximum likelihood from two starting points.
   *
   * @param data the customers' histories (compressed here to distinct patterns)
   * @param options penalty, iterations and tolerance
   * @return the fit, with standard errors and convergence information
   * @throws IllegalArgumentException if the data cannot identify the model: no customer, no transaction at all
   *     (every {@code x = 0}), or no customer with more than one opportunity (a single opportunity cannot tell a
   *     dead customer from one who did not transact)
   */
  public static FittedModel fit(BgBbPatterns data, FitOptions options) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(options, "options");
    if (data.size() == 0) {
      throw new IllegalArgumentException("cannot fit " + NAME + " to no customers");
    }
    if (!data.hasTransactions()) {
      throw new IllegalArgumentException("cannot fit " + NAME + ": no customer has a transaction (every frequency "
          + "is 0), so the transaction and dropout probabilities cannot be identified");
    }
    int longest = 0;
    for (int i = 0; i < data.size(); i++) {
      longest = Math.max(longest, data.periods(i));
    }
    if (longest < 2) {
      throw new IllegalArgumentException("cannot fit " + NAME + ": every customer has at most one opportunity, so "
          + "dropout cannot be told from not transacting");
    }
    BgBbPatterns compressed = data.compress();
    double[][] starts = {
        {1.0, 1.0, 1.0, 1.0},
        {0.5, 0.5, 0.5, 2.5},
    };
    return ModelFitting.fit(NAME, new BgBbLikelihood(compressed), starts, options);
  }

  /**
   * The log-likelihood of data at this model's parameters.
   *
   * @param data the customers' histories
   * @return the total weighted log-likelihood
   */
  public double logLikelihood(BgBbPatterns data) {
    return new BgBbLikelihood(data).value(new double[] {alpha, beta, gamma, delta}, null);
  }

  /**
   * The model's name.
   *
   * @return {@code bg-bb}
   */
  public String model() {
    return NAME;
  }

  /**
   * The first shape of the transaction-probability Beta.
   *
   * @return alpha
   */
  public double alpha() {
    return alpha;
  }

  /**
   * The second shape of the transaction-probability Beta.
   *
   * @return beta
   */
  public double beta() {
    return beta;
  }

  /**
   * The first shape of the dropout-probability Beta.
   *
   * @return gamma
   */
  public double gamma() {
    return gamma;
  }

  /**
   * The second shape of the dropout-probability Beta.
   *
   * @return delta
   */
  public double delta() {
    return delta;
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** ln L(alpha, beta, gamma, delta | x, t_x, n), the log of equation 5, in log-sum-exp form. */
  private double logLikelihood(int x, int tx, int n) {
    double ax = alpha + x;
    double first = logBeta(ax, beta + n - x) + logBeta(gamma, delta + n);
    double max = first;
    double s = 1.0;
    double m = beta + tx - x;
    double k = delta + tx;
    double lb = logBeta(ax, m) + logBeta(gamma + 1.0, k);
    for (int i = 0; i < n - tx; i++) {
      // running log-sum-exp
      if (lb > max) {
        s = s * Math.exp(max - lb) + 1.0;
        max = lb;
      } else {
        s += Math.exp(lb - max);
      }
      lb += Math.log(m / (ax + m)) + Math.log(k / (gamma + 1.0 + k));
      m += 1.0;
      k += 1.0;
    }
    return max + Math.log(s) - logBetaAb - logBetaGd;
  }

  /** ln sum_{i=1}^{count} B(gamma, delta+start+i)/B(gamma, delta), by the ratio recurrence. */
  private double logSurvivalSum(int start, int count) {
    if (count <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    // B(gamma, d+1)/B(gamma, d) = d / (gamma + d)
    double d = delta + start;
    double log = logBeta(gamma, d) - logBetaGd;
    double max = Double.NEGATIVE_INFINITY;
    double s = 0.0;
    for (int i = 1; i <= count; i++) {
      log += Math.log(d / (gamma + d));
      d += 1.0;
      if (log > max) {
        s = s * Math.exp(max - log) + 1.0;
        max = log;
      } else {
        s += Math.exp(log - max);
      }
    }
    return max + Math.log(s);
  }

  /**
   * E[X(n)]: the expected number of transactions of a newly acquired customer in the first {@code n} opportunities.
   *
   * @param n the number of opportunities, {@code >= 0}
   * @return the expectation, finite and {@code >= 0}
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public double expectedPurchases(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    if (n == 0) {
      return 0.0;
    }
    return alpha / (alpha + beta) * Math.exp(logSurvivalSum(0, n));
  }

  /**
   * The probability that a customer with history {@code (x, t_x, n)} is alive at opportunity {@code n + m}:
   * {@code m = 1} is the first opportunity after calibration (Fader, Hardie and Shang's "P(alive in 2002)" for
   * donors observed 1996 to 2001), {@code m = 0} the last one of calibration.
   *
   * @param m the opportunities after the last calibration one, {@code >= 0}
   * @param x the transactions
   * @param tx the opportunity of the last transaction
   * @param n the calibration opportunities
   * @return the probability, in [0, 1]
   * @throws IllegalArgumentException if the history is invalid or {@code m} negative
   */
  public double probabilityAlive(int m, int x, int tx, int n) {
    if (m < 0) {
      throw new IllegalArgumentException("m must be >= 0, was " + m);
    }
    BgBbPatterns.check(0, x, tx, n, 1.0);
    return aliveUnchecked(m, x, tx, n);
  }

  private double aliveUnchecked(int m, int x, int tx, int n) {
    double log = logBeta(alpha + x, beta + n - x) - logBetaAb + logBeta(gamma, delta + n + m) - logBetaGd
        - logLikelihood(x, tx, n);
    double p = Math.exp(log);
    return p > 1.0 ? 1.0 : p;
  }

  /**
   * P(alive at {@code n + m}) for every row of {@code data}.
   *
   * @param m the opportunities after calibration
   * @param data the histories
   * @param out receives one probability per row
   */
  public void probabilityAlive(int m, BgBbPatterns data, double[] out) {
    if (m < 0) {
      throw new IllegalArgumentException("m must be >= 0, was " + m);
    }
    checkOut(data, out);
    for (int i = 0; i < data.size(); i++) {
      out[i] = aliveUnchecked(m, data.frequency(i), data.recency(i), data.periods(i));
    }
  }

  /**
   * E[X(n, n + n*) | x, t_x, n]: the expected transactions in the {@code nStar} opportunities after calibration.
   *
   * @param nStar the future opportunities, {@code >= 0}
   * @param x the transactions
   * @param tx the opportunity of the last transaction
   * @param n the calibration opportunities
   * @return the expectation, finite and {@code >= 0}
   * @throws IllegalArgumentException if the history is invalid or {@code nStar} negative
   */
  public double conditionalExpectedPurchases(int nStar, int x, int tx, int n) {
    if (nStar < 0) {
      throw new IllegalArgumentException("nStar must be >= 0, was " + nStar);
    }
    BgBbPatterns.check(0, x, tx, n, 1.0);
    return conditionalUnchecked(nStar, x, tx, n);
  }

  private double conditionalUnchecked(int nStar, int x, int tx, int n) {
    if (nStar == 0) {
      return 0.0;
    }
    double log = logBeta(alpha + x + 1.0, beta + n - x) - logBetaAb + logSurvivalSum(n, nStar)
        - logLikelihood(x, tx, n);
    return Math.exp(log);
  }

  /**
   * E[X(n, n + n*) | x, t_x, n] for every row of {@code data}.
   *
   * @param nStar the future opportunities
   * @param data the histories
   * @param out receives one expectation per row
   */
  public void conditionalExpectedPurchases(int nStar, BgBbPatterns data, double[] out) {
    if (nStar < 0) {
      throw new IllegalArgumentException("nStar must be >= 0, was " + nStar);
    }
    checkOut(data, out);
    for (int i = 0; i < data.size(); i++) {
      out[i] = conditionalUnchecked(nStar, data.frequency(i), data.recency(i), data.periods(i));
    }
  }

  /**
   * DERT, the discounted expected residual transactions of a customer with history {@code (x, t_x, n)}: the
   * expected transactions at every opportunity after calibration, the {@code k}-th one discounted by
   * {@code (1 + d)^-k}, over the whole future. Summing the future opportunities as a geometric series inside the
   * expectation over the death probability gives Euler's integral of the Gauss hypergeometric function:
   * <pre>
   *   DERT = B(alpha+x+1, beta+n-x)/B(alpha,beta) * B(gamma, delta+n+1)/B(gamma,delta)
   *          * 2F1(1, delta+n+1; gamma+delta+n+1; 1/(1+d)) / ((1 + d) L(x, t_x, n))
   * </pre>
   * (Fader, Hardie and Shang 2010, section 4, where it is the expression behind residual lifetime value). Times an
   * expected spend per transaction it is the customer's residual lifetime value at a discount rate per opportunity.
   * It equals the sum of {@code (CE(k) - CE(k-1)) / (1+d)^k} over {@code k >= 1}, with {@code CE} the
   * {@link #conditionalExpectedPurchases(int, int, int, int) conditional expectation}, to which the tests compare it.
   *
   * @param d the discount rate per opportunity, finite and {@code > 0} (the sum diverges at 0 unless
   *     {@code gamma > 1})
   * @param x the transactions
   * @param tx the opportunity of the last transaction
   * @param n the calibration opportunities
   * @return the discounted expectation, finite and {@code >= 0}
   * @throws IllegalArgumentException if the history is invalid or {@code d} is not finite and positive
   */
  public double discountedExpectedResidualPurchases(double d, int x, int tx, int n) {
    checkDiscount(d);
    BgBbPatterns.check(0, x, tx, n, 1.0);
    return dertUnchecked(d, x, tx, n);
  }

  /**
   * DERT, as {@link #discountedExpectedResidualPurchases(double, int, int, int)}, for every row of {@code data}.
   *
   * @param d the discount rate per opportunity, finite and {@code > 0}
   * @param data the histories
   * @param out receives one value per row
   * @throws IllegalArgumentException if {@code d} is not finite and positive or {@code out} is too short
   */
  public void discountedExpectedResidualPurchases(double d, BgBbPatterns data, double[] out) {
    checkDiscount(d);
    checkOut(data, out);
    for (int i = 0; i < data.size(); i++) {
      out[i] = dertUnchecked(d, data.frequency(i), data.recency(i), data.periods(i));
    }
  }

  private static void checkDiscount(double d) {
    if (!(d > 0.0 && d < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("d, the discount rate per opportunity, must be finite and > 0, was " + d);
    }
  }

  private double dertUnchecked(double d, int x, int tx, int n) {
    double log = logBeta(alpha + x + 1.0, beta + n - x) - logBetaAb + logBeta(gamma, delta + n + 1.0) - logBetaGd
        + Hypergeometric.log2F1(1.0, delta + n + 1.0, gamma + delta + n + 1.0, 1.0 / (1.0 + d)) - Math.log1p(d)
        - logLikelihood(x, tx, n);
    return Math.exp(log);
  }

  /**
   * P(X(n) = x): the probability that a new customer transacts exactly {@code x} times in {@code n} opportunities,
   * {@code C(n,x) B(alpha+x, beta+n-x)/B(alpha,beta) B(gamma, delta+n)/B(gamma,delta) + sum_{i=x}^{n-1} C(i,x)
   * B(alpha+x, beta+i-x)/B(alpha,beta) B(gamma+1, delta+i)/B(gamma,delta)}.
   *
   * @param n the opportunities, {@code >= 0}
   * @param x the transactions, {@code >= 0}
   * @return the probability, in [0, 1]
   * @throws IllegalArgumentException if {@code n} or {@code x} is negative
   */
  public double probabilityOfPurchases(int n, int x) {
    if (n < 0 || x < 0) {
      throw new IllegalArgumentException("n and x must be >= 0, were " + n + " and " + x);
    }
    if (x > n) {
      return 0.0;
    }
    double ax = alpha + x;
    double logChoose = logChoose(n, x);
    double p = Math.exp(logChoose + logBeta(ax, beta + n - x) - logBetaAb + logBeta(gamma, delta + n) - logBetaGd);
    for (int i = x; i < n; i++) {
      p += Math.exp(logChoose(i, x) + logBeta(ax, beta + i - x) - logBetaAb + logBeta(gamma + 1.0, delta + i)
          - logBetaGd);
    }
    return p > 1.0 ? 1.0 : p;
  }

  private static double logChoose(int n, int k) {
    return SpecialFunctions.logGamma(n + 1.0) - SpecialFunctions.logGamma(k + 1.0)
        - SpecialFunctions.logGamma(n - k + 1.0);
  }

  private static void checkOut(BgBbPatterns data, double[] out) {
    if (out.length < data.size()) {
      throw new IllegalArgumentException("out must hold " + data.size() + " values, has " + out.length);
    }
  }

  /** Returns the model and its parameters, for example {@code bg-bb(alpha=1.204, beta=0.750, ...)}. */
  @Override
  public String toString() {
    return NAME + "(alpha=" + alpha + ", beta=" + beta + ", gamma=" + gamma + ", delta=" + delta + ")";
  }
}
