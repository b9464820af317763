package io.github.crmkit.testkit;

/**
 * The latent process by which a synthetic customer makes repeat purchases and drops out, with known parameters, so
 * that a fitted BG/NBD or Pareto/NBD model can be checked for parameter recovery.
 *
 * <p>All three processes share the purchase part: each customer draws a transaction rate
 * {@code lambda ~ Gamma(shape r, rate alpha)} per time unit and, while alive, makes repeat purchases as a Poisson
 * process with that rate (exponential inter-purchase times), starting at the first purchase. They differ in dropout:
 *
 * <ul>
 *   <li>{@link #bgNbd BG/NBD} (Fader, Hardie and Lee 2005, "Counting your customers the easy way"): each customer draws
 *       {@code p ~ Beta(a, b)}; after each <em>repeat</em> purchase the customer drops out with probability {@code p}.
 *       Dropout never follows the first purchase, so a customer with no repeat purchase is alive.
 *   <li>{@link #paretoNbd Pareto/NBD} (Schmittlein, Morrison and Colombo 1987): each customer draws a dropout rate
 *       {@code mu ~ Gamma(shape s, rate beta)} and an exponential lifetime {@code tau ~ Exponential(mu)} from the first
 *       purchase; no purchase happens after {@code tau}.
 *   <li>{@link #poisson Poisson} (the NBD model): no dropout.
 * </ul>
 *
 * <p>Rates are per time unit; {@link SyntheticPurchases.Builder#daysPerTimeUnit(double)} says how many days a time
 * unit lasts (a week by default).
 *
 * <p>Immutable and thread-safe.
 */
public final class BuyingProcess {

  /** The kind of dropout process. */
  public enum Kind {
    /** Beta-geometric dropout after repeat purchases (BG/NBD). */
    BG_NBD,
    /** Exponential lifetime with a Gamma-distributed dropout rate (Pareto/NBD). */
    PARETO_NBD,
    /** No dropout (NBD). */
    POISSON
  }

  private final Kind kind;
  private final double r;
  private final double alpha;
  private final double first;
  private final double second;

  private BuyingProcess(Kind kind, double r, double alpha, double first, double second) {
    this.kind = kind;
    this.r = r;
    this.alpha = alpha;
    this.first = first;
    this.second = second;
  }

  /**
   * The BG/NBD process: {@code lambda ~ Gamma(r, alpha)}, {@code p ~ Beta(a, b)}, dropout with probability {@code p}
   * after each repeat purchase.
   *
   * @param r the shape of the transaction-rate Gamma distribution, positive and finite
   * @param alpha the rate (inverse scale) of the transaction-rate Gamma distribution, positive and finite
   * @param a the first shape of the dropout-probability Beta distribution, positive and finite
   * @param b the second shape of the dropout-probability Beta distribution, positive and finite
   * @return the process
   * @throws IllegalArgumentException if a parameter is not positive and finite
   */
  public static BuyingProcess bgNbd(double r, double alpha, double a, double b) {
    return new BuyingProcess(
        Kind.BG_NBD, positive("r", r), positive("alpha", alpha), positive("a", a), positive("b", b));
  }

  /**
   * The Pareto/NBD process: {@code lambda ~ Gamma(r, alpha)}, {@code mu ~ Gamma(s, beta)}, lifetime
   * {@code tau ~ Exponential(mu)} from the first purchase.
   *
   * @param r the shape of the transaction-rate Gamma distribution, positive and finite
   * @param alpha the rate (inverse scale) of the transaction-rate Gamma distribution, positive and finite
   * @param s the shape of the dropout-rate Gamma distribution, positive and finite
   * @param beta the rate (inverse scale) of the dropout-rate Gamma distribution, positive and finite
   * @return the process
   * @throws IllegalArgumentException if a parameter is not positive and finite
   */
  public static BuyingProcess paretoNbd(double r, double alpha, double s, double beta) {
    return new BuyingProcess(
        Kind.PARETO_NBD, positive("r", r), positive("alpha", alpha), positive("s", s), positive("beta", beta));
  }

  /**
   * The NBD process without dropout: {@code lambda ~ Gamma(r, alpha)}, purchases for ever.
   *
   * @param r the shape of the transaction-rate Gamma distribution, positive and finite
   * @param alpha the rate (inverse scale) of the transaction-rate Gamma distribution, positive and finite
   * @return the process
   * @throws IllegalArgumentException if a parameter is not positive and finite
   */
  public static BuyingProcess poisson(double r, double alpha) {
    return new BuyingProcess(Kind.POISSON, positive("r", r), positive("alpha", alpha), Double.NaN, Double.NaN);
  }

  /**
   * Returns the kind of dropout process.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the shape {@code r} of the transaction-rate Gamma distribution.
   *
   * @return r
   */
  public double r() {
    return r;
  }

  /**
   * Returns the rate {@code alpha} of the transaction-rate Gamma distribution (per time unit).
   *
   * @return alpha
   */
  public double alpha() {
    return alpha;
  }

  /**
   * Returns the first shape {@code a} of the BG/NBD dropout-probability Beta distribution.
   *
   * @return a
   * @throws IllegalStateException unless {@link #kind()} is {@link Kind#BG_NBD}
   */
  public double a() {
    return parameter(Kind.BG_NBD, "a", first);
  }

  /**
   * Returns the second shape {@code b} of the BG/NBD dropout-probability Beta distribution.
   *
   * @return b
   * @throws IllegalStateException unless {@link #kind()} is {@link Kind#BG_NBD}
   */
  public double b() {
    return parameter(Kind.BG_NBD, "b", second);
  }

  /**
   * Returns the shape {@code s} of the Pareto/NBD dropout-rate Gamma distribution.
   *
   * @return s
   * @throws IllegalStateException unless {@link #kind()} is {@link Kind#PARETO_NBD}
   */
  public double s() {
    return parameter(Kind.PARETO_NBD, "s", first);
  }

  /**
   * Returns the rate {@code beta} of the Pareto/NBD dropout-rate Gamma distribution (per time unit).
   *
   * @return beta
   * @throws IllegalStateException unless {@link #kind()} is {@link Kind#PARETO_NBD}
   */
  public double beta() {
    return parameter(Kind.PARETO_NBD, "beta", second);
  }

  private double parameter(Kind expected, String name, double value) {
    if (kind != expected) {
      throw new IllegalStateException(name + " is defined only for " + expected + ", this process is " + kind);
    }
    return value;
  }

  /**
   * Two processes are equal when they are of the same kind with the same parameters.
   *
   * @param other the object to compare with
   * @return whether {@code other} is an equal process
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    return other instanceof BuyingProcess that
        && kind == that.kind
        && Double.compare(r, that.r) == 0
        && Double.compare(alpha, that.alpha) == 0
        && Double.compare(first, that.first) == 0
        && Double.compare(second, that.second) == 0;
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    int h = kind.hashCode();
    h = 31 * h + Double.hashCode(r);
    h = 31 * h + Double.hashCode(alpha);
    h = 31 * h + Double.hashCode(first);
    return 31 * h + Double.hashCode(second);
  }

  /**
   * Returns the kind and parameters, for example {@code BuyingProcess.bgNbd(r=0.243, alpha=4.414, a=0.793, b=2.426)}.
   *
   * @return a description
   */
  @Override
  public String toString() {
    return switch (kind) {
      case BG_NBD -> "BuyingProcess.bgNbd(r=" + r + ", alpha=" + alpha + ", a=" + first + ", b=" + second + ")";
      case PARETO_NBD ->
          "BuyingProcess.paretoNbd(r=" + r + ", alpha=" + alpha + ", s=" + first + ", beta=" + second + ")";
      case POISSON -> "BuyingProcess.poisson(r=" + r + ", alpha=" + alpha + ")";
    };
  }

  /**
   * Checks that a parameter is positive and finite.
   *
   * @param name the parameter's name, for the message
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException if the value is NaN, not positive or infinite
   */
  static double positive(String name, double value) {
    if (!(value > 0.0)) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    if (value == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(name + " must be finite, was " + value);
    }
    return value;
  }
}
