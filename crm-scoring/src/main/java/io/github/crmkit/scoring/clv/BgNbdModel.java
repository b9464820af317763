package io.github.crmkit.scoring.clv;

import static io.github.crmkit.scoring.clv.SpecialFunctions.logBeta;
import static io.github.crmkit.scoring.clv.SpecialFunctions.logGamma;

import java.util.Objects;

/**
 * The BG/NBD model (Fader, Hardie and Lee 2005, "Counting your customers the easy way: an alternative to the
 * Pareto/NBD model", Marketing Science 24(2)) and its modification MBG/NBD (Batislam, Denizel and Filiztekin 2007,
 * "Empirical validation and comparison of models for customer base analysis", IJRM 24(3)), in which a customer may
 * also drop out right after the first purchase.
 *
 * <p>While alive, a customer buys as a Poisson process with rate {@code lambda ~ Gamma(r, alpha)}; after each repeat
 * purchase (MBG/NBD: also after the first) the customer drops out with probability {@code p ~ Beta(a, b)}.
 * Parameters {@code r, alpha, a, b} as in the papers; times in the unit of the data (weeks for CDNOW).
 *
 * <p>Fitting: {@link #fit(Variant, RepeatPurchaseColumns, FitOptions)} maximises the likelihood (equation 6 of the
 * paper) with its analytic gradient on the log scale of the parameters, from a starting point matched to the mean purchase rate (and a second one if the first does not converge), over
 * the compressed
 * patterns of the data, and returns a {@link FittedModel}; {@link #of(FittedModel)} turns it into a model.
 *
 * <p>Predictions, all finite for valid input and computed in log space:
 * <ul>
 *   <li>{@link #expectedPurchases(double)}: E[X(t)] (paper equation 9);
 *   <li>{@link #conditionalExpectedPurchases(double, int, double, double)}: E[Y(t) | x, t_x, T] (equation 10),
 *       whose Gauss hypergeometric function is evaluated after Euler's transformation
 *       {@code 2F1(a, b; c; z) = (1-z)^(c-a-b) 2F1(c-a, c-b; c; z)}, whose parameters {@code c - a = a + b - 1 - r}
 *       and {@code c - b = a - 1} do not grow with {@code x}, so its series converges quickly for any frequency and
 *       the factor {@code 1/(a-1)} cancels analytically (no breakdown at {@code a = 1});
 *   <li>{@link #probabilityAlive(int, double, double)}: P(alive | x, t_x, T) (Fader, Hardie and Lee 2008 note
 *       "Computing P(alive) using the BG/NBD model"); 1 for {@code x = 0} under BG/NBD;
 *   <li>{@link #probabilityOfPurchases(double, int)}: P(X(t) = n) (equation 8).
 * </ul>
 * Every prediction has an array form over many customers that writes into the caller's array.
 *
 * <p>Immutable and thread-safe.
 */
public final class BgNbdModel implements PurchaseModel {
  /** Terms of the hypergeometric series at most (the series converges geometrically with ratio below 1). */
  private static final int MAX_TERMS = 1_000_000;
  private static final double EPSILON = 1e-17;

  /** Which of the two models. */
  public enum Variant {
    /** BG/NBD: dropout possible after each repeat purchase. */
    BG_NBD("bg-nbd"),
    /** MBG/NBD: dropout possible also right after the first purchase. */
    MBG_NBD("mbg-nbd");

    private final String model;

    Variant(String model) {
      this.model = model;
    }

    /**
     * The model's name in {@link FittedModel}, {@code bg-nbd} or {@code mbg-nbd}.
     *
     * @return the name
     */
    public String model() {
      return model;
    }
  }

  private final Variant variant;
  private final double r;
  private final double alpha;
  private final double a;
  private final double b;
  /** b for BG/NBD, b + 1 for MBG/NBD. */
  private final double bp;
  private final double logA;
  private final double logBetaAb;

  private BgNbdModel(Variant variant, double r, double alpha, double a, double b) {
    this.variant = Objects.requireNonNull(variant, "variant");
    this.r = positive("r", r);
    this.alpha = positive("alpha", alpha);
    this.a = positive("a", a);
    this.b = positive("b", b);
    this.bp = variant == Variant.MBG_NBD ? b + 1.0 : b;
    this.logA = Math.log(a);
    this.logBetaAb = logBeta(a, b);
  }

  private static double positive(String name, double value) {
    if (!(value > 0.0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(name + " must be positive and finite, was " + value);
    }
    return value;
  }

  /**
   * A BG/NBD model with the given parameters.
   *
   * @param r shape of the purchase-rate Gamma
   * @param alpha rate (inverse scale) of the purchase-rate Gamma
   * @param a first shape of the dropout-probability Beta
   * @param b second shape of the dropout-probability Beta
   * @return the model
   * @throws IllegalArgumentException if a parameter is not positive and finite
   */
  public static BgNbdModel bgNbd(double r, double alpha, double a, double b) {
    return new BgNbdModel(Variant.BG_NBD, r, alpha, a, b);
  }

  /**
   * An MBG/NBD model with the given parameters.
   *
   * @param r shape of the purchase-rate Gamma
   * @param alpha rate (inverse scale) of the purchase-rate Gamma
   * @param a first shape of the dropout-probability Beta
   * @param b second shape of the dropout-probability Beta
   * @return the model
   * @throws IllegalArgumentException if a parameter is not positive and finite
   */
  public static BgNbdModel mbgNbd(double r, double alpha, double a, double b) {
    return new BgNbdModel(Variant.MBG_NBD, r, alpha, a, b);
  }

  /**
   * The model of a fit (or of parameters read from JSON).
   *
   * @param fitted a {@code bg-nbd} or {@code mbg-nbd} fitted model
   * @return the model
   * @throws IllegalArgumentException if {@code fitted} is another model
   */
  public static BgNbdModel of(FittedModel fitted) {
    Variant variant = switch (fitted.model()) {
      case "bg-nbd" -> Variant.BG_NBD;
      case "mbg-nbd" -> Variant.MBG_NBD;
      default -> throw new IllegalArgumentException("expected a bg-nbd or mbg-nbd model, was " + fitted.model());
    };
    return new BgNbdModel(variant, fitted.parameter("r"), fitted.parameter("alpha"), fitted.parameter("a"),
        fitted.parameter("b"));
  }

  /**
   * Fits a model by maximum likelihood with the default options.
   *
   * @param variant BG/NBD or MBG/NBD
   * @param data the customers' histories
   * @return the fit
   * @throws IllegalArgumentException if the data cannot identify the model (no repeat purchase at all)
   */
  public static FittedModel fit(Variant variant, RepeatPurchaseColumns data) {
    return fit(variant, data, FitOptions.defaults());
  }

  /**
   * Fits a model by maximum likelihood.
   *
   * @param variant BG/NBD or MBG/NBD
   * @param data the customers' histories (compressed here to distinct patterns)
   * @param options penalty, iterations and tolerance
   * @return the fit, with standard errors and convergence information
   * @throws IllegalArgumentException if the data cannot identify the model: no customer, or no repeat purchase at
   *     all (every {@code x = 0}), or every customer of age {@code T = 0}
   */
  public static FittedModel fit(Variant variant, RepeatPurchaseColumns data, FitOptions options) {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(options, "options");
    if (data.size() == 0) {
      throw new IllegalArgumentException("cannot fit " + variant.model() + " to no customers");
    }
    if (!data.hasRepeatPurchases()) {
      throw new IllegalArgumentException("cannot fit " + variant.model() + ": no customer has a repeat purchase "
          + "(every frequency is 0), so the purchase rate and the dropout process cannot be identified");
    }
    RepeatPurchaseColumns compressed = data.compress();
    double sumX = 0.0;
    double sumT = 0.0;
    for (int i = 0; i < compressed.size(); i++) {
      sumX += compressed.weight(i) * compressed.frequency(i);
      sumT += compressed.weight(i) * compressed.age(i);
    }
    if (!(sumT > 0.0)) {
      throw new IllegalArgumentException("cannot fit " + variant.model() + ": every customer has age T = 0");
    }
    // E[lambda] = r / alpha matches the mean purchase rate at each starting point
    double rate = sumX / sumT;
    double[][] starts = {
        {1.0, 1.0 / rate, 1.0, 1.0},
        {0.25, 0.25 / rate, 0.8, 2.5},
    };
    return ModelFitting.fitUntilConverged(variant.model(),
        new BgNbdLikelihood(variant == Variant.MBG_NBD, compressed), starts, options);
  }

  /**
   * The log-likelihood of data at this model's parameters.
   *
   * @param data the customers' histories
   * @return the total weighted log-likelihood
   */
  public double logLikelihood(RepeatPurchaseColumns data) {
    return new BgNbdLikelihood(variant == Variant.MBG_NBD, data).value(new double[] {r, alpha, a, b}, null);
  }

  /**
   * Which model this is.
   *
   * @return BG/NBD or MBG/NBD
   */
  public Variant variant() {
    return variant;
  }

  @Override
  public String model() {
    return variant.model();
  }

  /**
   * The parameter r.
   *
   * @return r
   */
  public double r() {
    return r;
  }

  /**
   * The parameter alpha.
   *
   * @return alpha
   */
  public double alpha() {
    return alpha;
  }

  /**
   * The parameter a.
   *
   * @return a
   */
  public double a() {
    return a;
  }

  /**
   * The parameter b.
   *
   * @return b
   */
  public double b() {
    return b;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // P(alive)

  /**
   * P(alive) = 1 / (1 + a/(b'+x-1) ((alpha+T)/(alpha+t_x))^(r+x)) with one logarithm and one exponential; an
   * overflowing power gives exactly 0, as it should.
   */
  private double alive(int x, double tx, double age) {
    if (x == 0 && variant == Variant.BG_NBD) {
      return 1.0;
    }
    double odds = Math.exp((r + x) * Math.log((alpha + age) / (alpha + tx))) * (a / (bp + x - 1.0));
    return 1.0 / (1.0 + odds);
  }

  @Override
  public double probabilityAlive(int x, double tx, double age) {
    checkHistory(x, tx, age);
    return alive(x, tx, age);
  }

  @Override
  public void probabilityAlive(int[] x, double[] tx, double[] age, double[] out) {
    int n = x.length;
    checkLengths(n, tx, age, out);
    for (int i = 0; i < n; i++) {
      out[i] = probabilityAlive(x[i], tx[i], age[i]);
    }
  }

  /**
   * P(alive) for every row of {@code data}.
   *
   * @param data the customers' histories
   * @param out receives one probability per row
   */
  public void probabilityAlive(RepeatPurchaseColumns data, double[] out) {
    probabilityAlive(data.frequencies(), data.recencies(), data.ages(), out);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // expected purchases

  @Override
  public double expectedPurchases(double t) {
    checkHorizon(t);
    // a new customer is a customer with history (0, 0, 0); under MBG/NBD alive at 0 with probability b / (a + b)
    return numerator(t, 0, 0.0) * alive(0, 0.0, 0.0);
  }

  /**
   * E[X(t)] at several horizons.
   *
   * @param t the horizons, each {@code >= 0}
   * @param out receives one value per horizon
   */
  public void expectedPurchases(double[] t, double[] out) {
    if (out.length < t.length) {
      throw new IllegalArgumentException("out must hold " + t.length + " values, has " + out.length);
    }
    for (int k = 0; k < t.length; k++) {
      out[k] = expectedPurchases(t[k]);
    }
  }

  @Override
  public double conditionalExpectedPurchases(double t, int x, double tx, double age) {
    checkHorizon(t);
    checkHistory(x, tx, age);
    double alive = alive(x, tx, age);
    return alive == 0.0 ? 0.0 : numerator(t, x, age) * alive;
  }

  @Override
  public void conditionalExpectedPurchases(double t, int[] x, double[] tx, double[] age, double[] out) {
    checkHorizon(t);
    discountedExpectedPurchases(new double[] {t}, new double[] {1.0}, x, tx, age, out);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The conditional expectation is P(alive | x, t_x, T) times a part that depends on {@code (x, T)} only; that
   * part is computed once per distinct {@code (x, T)} (a direct-mapped cache of up to 65,536 entries), so customers
   * who share a frequency and an acquisition date share its hypergeometric series.
   */
  @Override
  public void discountedExpectedPurchases(double[] horizons, double[] discounts, int[] x, double[] tx,
      double[] age, double[] out) {
    int n = x.length;
    checkLengths(n, tx, age, out);
    int h = horizons.length;
    if (discounts.length != h) {
      throw new IllegalArgumentException("discounts must have one value per horizon, " + h + ", had "
          + discounts.length);
    }
    for (int k = 0; k < h; k++) {
      checkHorizon(horizons[k]);
    }
    int capacity = Integer.highestOneBit(Math.max(16, Math.min(n, 1 << 16)) * 2 - 1);
    int mask = capacity - 1;
    int[] cachedX = new int[capacity];
    long[] cachedAge = new long[capacity];
    double[] cachedValue = new double[capacity];
    java.util.Arrays.fill(cachedX, -1);
    for (int i = 0; i < n; i++) {
      int xi = x[i];
      double ti = age[i];
      checkHistory(xi, tx[i], ti);
      double alive = alive(xi, tx[i], ti);
      if (alive == 0.0) {
        out[i] = 0.0;
        continue;
      }
      long ageBits = Double.doubleToLongBits(ti + 0.0);
      long mix = (xi * 0x9E3779B97F4A7C15L) ^ ageBits;
      mix = (mix ^ (mix >>> 31)) * 0xBF58476D1CE4E5B9L;
      int slot = (int) (mix ^ (mix >>> 29)) & mask;
      double value;
      if (cachedX[slot] == xi && cachedAge[slot] == ageBits) {
        value = cachedValue[slot];
      } else {
        value = 0.0;
        double previous = 0.0;
        for (int k = 0; k < h; k++) {
          double current = numerator(horizons[k], xi, ti);
          value += (current - previous) * discounts[k];
          previous = current;
        }
        cachedX[slot] = xi;
        cachedAge[slot] = ageBits;
        cachedValue[slot] = value;
      }
      out[i] = value * alive;
    }
  }

  @Override
  public void conditionalExpectedPurchases(double[] horizons, int x, double tx, double age, double[] out) {
    checkHistory(x, tx, age);
    if (out.length < horizons.length) {
      throw new IllegalArgumentException("out must hold " + horizons.length + " values, has " + out.length);
    }
    double alive = alive(x, tx, age);
    for (int k = 0; k < horizons.length; k++) {
      checkHorizon(horizons[k]);
      out[k] = alive == 0.0 ? 0.0 : numerator(horizons[k], x, age) * alive;
    }
  }

  /**
   * E[Y(t) | x, t_x, T] for every row of {@code data}.
   *
   * @param t the horizon
   * @param data the customers' histories
   * @param out receives one value per row
   */
  public void conditionalExpectedPurchases(double t, RepeatPurchaseColumns data, double[] out) {
    conditionalExpectedPurchases(t, data.frequencies(), data.recencies(), data.ages(), out);
  }

  /**
   * The numerator of equation 10 (the expected purchases of a customer known to be alive at T, times nothing else):
   * {@code C/(a-1) [1 - u^(r+x) 2F1(r+x, b'+x; C; z)]} with {@code C = a+b'+x-1}, {@code u = (alpha+T)/(alpha+T+t)},
   * {@code z = 1 - u}. After Euler's transformation this is {@code -C L phi((a-1)L) - u^(a-1) H} with
   * {@code L = ln u}, {@code phi(y) = expm1(y)/y} and {@code H = sum_{k>=1} h_k}, {@code h_1 = A z},
   * {@code h_(k+1) = h_k (A+k)(a+k-1) z / ((C+k)(k+1))}, {@code A = a+b'-1-r}.
   */
  private double numerator(double t, int x, double age) {
    if (t == 0.0) {
      return 0.0;
    }
    double alphaT = alpha + age;
    double logU = -Math.log1p(t / alphaT);
    double z = t / (alphaT + t);
    double c = a + bp + x - 1.0;
    double capitalA = a + bp - 1.0 - r;
    double y = (a - 1.0) * logU;
    double phi = y == 0.0 ? 1.0 : Math.expm1(y) / y;
    double h = capitalA * z;
    double sum = h;
    for (int k = 1; k < MAX_TERMS && h != 0.0; k++) {
      double ratio = (capitalA + k) * (a + k - 1.0) * z / ((c + k) * (k + 1.0));
      h *= ratio;
      sum += h;
      double absRatio = Math.abs(ratio);
      if (absRatio < 1.0 && Math.abs(h) * absRatio <= EPSILON * (1.0 - absRatio) * Math.abs(sum)) {
        break;
      }
    }
    double value = -c * logU * phi - Math.exp(y) * sum;
    return value > 0.0 ? value : 0.0;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // PMF

  /**
   * P(X(t) = n): the probability that a newly acquired customer makes exactly {@code n} repeat purchases in
   * {@code (0, t]} (equation 8 of the paper; for MBG/NBD the same derivation with dropout possible at time 0).
   *
   * @param t the horizon, {@code >= 0}
   * @param n the number of purchases, {@code >= 0}
   * @return the probability, in [0, 1]
   */
  public double probabilityOfPurchases(double t, int n) {
    checkHorizon(t);
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    if (t == 0.0) {
      return n == 0 ? 1.0 : 0.0;
    }
    double logP0 = -Math.log1p(t / alpha); // ln(alpha / (alpha + t))
    double logQ = -Math.log1p(alpha / t); // ln(t / (alpha + t))
    double logNb = logGamma(r + n) - logGamma(r) - logGamma(n + 1.0) + r * logP0 + n * logQ;
    double first = Math.exp(logBeta(a, bp + n) - logBetaAb + logNb);
    if (n == 0 && variant == Variant.BG_NBD) {
      return clamp01(first);
    }
    double second = Math.exp(logBeta(a + 1.0, bp + n - 1.0) - logBetaAb) * negativeBinomialTail(n, logP0, logQ);
    return clamp01(first + second);
  }

  /**
   * P(X(t) = n) for n = 0 .. out.length - 1, in one pass: the negative binomial terms by recurrence and their tails
   * summed backwards from the last, so the cost is linear in {@code out.length}.
   *
   * @param t the horizon, {@code >= 0}
   * @param out receives the probabilities
   */
  public void probabilityOfPurchases(double t, double[] out) {
    checkHorizon(t);
    int size = out.length;
    if (size == 0) {
      return;
    }
    if (t == 0.0) {
      java.util.Arrays.fill(out, 0.0);
      out[0] = 1.0;
      return;
    }
    double logP0 = -Math.log1p(t / alpha);
    double logQ = -Math.log1p(alpha / t);
    // out[n] = ln P(N = n) for now
    double logTerm = r * logP0;
    for (int n = 0; n < size; n++) {
      out[n] = logTerm;
      logTerm += Math.log((r + n) / (n + 1.0)) + logQ;
    }
    double tail = size == 1 && variant == Variant.BG_NBD ? 0.0 : negativeBinomialTail(size, logP0, logQ);
    double logW1 = logBeta(a, bp + size - 1) - logBetaAb; // ln B(a, b'+n) / B(a, b) at n = size - 1
    for (int n = size - 1; n >= 0; n--) {
      double nb = Math.exp(out[n]);
      tail += nb; // P(N >= n)
      double w1 = Math.exp(logW1);
      double p = w1 * nb;
      if (n > 0 || variant == Variant.MBG_NBD) {
        p += w1 * a / (bp + n - 1.0) * tail;
      }
      out[n] = clamp01(p);
      if (n > 0) {
        logW1 += Math.log((a + bp + n - 1.0) / (bp + n - 1.0)); // B(a, b'+n-1) / B(a, b'+n)
      }
    }
  }

  /** P(N >= n) for N negative binomial with shape r and success probability alpha/(alpha+t). */
  private double negativeBinomialTail(int n, double logP0, double logQ) {
    if (n == 0) {
      return 1.0;
    }
    // the CDF below n, term by term in log space
    double logTerm = r * logP0;
    double cdf = 0.0;
    for (int j = 0; j < n; j++) {
      cdf += Math.exp(logTerm);
      logTerm += Math.log((r + j) / (j + 1.0)) + logQ;
    }
    if (cdf <= 0.5) {
      return 1.0 - cdf;
    }
    // sum the tail directly to avoid cancellation; logTerm is now ln P(N = n)
    double q = Math.exp(logTerm);
    double tail = 0.0;
    double ratioQ = Math.exp(logQ);
    for (int j = n; j < n + MAX_TERMS && q > 0.0; j++) {
      tail += q;
      double ratio = (r + j) / (j + 1.0) * ratioQ;
      q *= ratio;
      if (ratio < 1.0 && q * ratio <= EPSILON * (1.0 - ratio) * tail) {
        tail += q / (1.0 - ratio);
        break;
      }
    }
    return Math.min(tail, 1.0);
  }

  private static double clamp01(double p) {
    return p < 0.0 ? 0.0 : (p > 1.0 ? 1.0 : p);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // checks

  static void checkHorizon(double t) {
    if (!(t >= 0.0 && t < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("horizon t must be finite and >= 0, was " + t);
    }
  }

  static void checkHistory(int x, double tx, double age) {
    if (x < 0) {
      throw new IllegalArgumentException("frequency x must be >= 0, was " + x);
    }
    if (!(age >= 0.0 && age < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("age T must be finite and >= 0, was " + age);
    }
    if (!(tx >= 0.0 && tx <= age)) {
      throw new IllegalArgumentException("recency t_x must be in [0, T = " + age + "], was " + tx);
    }
  }

  static void checkLengths(int n, double[] tx, double[] age, double[] out) {
    if (tx.length != n || age.length != n) {
      throw new IllegalArgumentException("columns must have the same length, were x " + n + ", tx " + tx.length
          + ", age " + age.length);
    }
    if (out.length < n) {
      throw new IllegalArgumentException("out must hold " + n + " values, has " + out.length);
    }
  }

  /** Returns the model and its parameters, for example {@code bg-nbd(r=0.2426, alpha=4.414, a=0.793, b=2.426)}. */
  @Override
  public String toString() {
    return variant.model() + "(r=" + r + ", alpha=" + alpha + ", a=" + a + ", b=" + b + ")";
  }
}
