package io.github.crmkit.testkit;

/**
 * The latent process that sets the value of each synthetic sale, with known parameters, so that a fitted
 * Gamma-Gamma spend model can be checked for parameter recovery.
 *
 * <ul>
 *   <li>{@link #gammaGamma Gamma-Gamma} (Fader, Hardie and Lee 2005, "RFM and CLV: using iso-value curves for customer
 *       base analysis"; Colombo and Jiang 1999): each customer draws {@code nu ~ Gamma(shape q, rate gamma)}; each of
 *       the customer's sales is worth {@code z ~ Gamma(shape p, rate nu)}, so the customer's mean value is
 *       {@code p / nu} and, for {@code q > 1}, the population mean value is {@code p * gamma / (q - 1)}.
 *   <li>{@link #fixed Fixed}: every sale is worth the same amount.
 * </ul>
 *
 * <p>Values are in currency units (not cents); the generator rounds each value to whole cents (half up).
 *
 * <p>Immutable and thread-safe.
 */
public final class SpendProcess {

  /** The kind of spend process. */
  public enum Kind {
    /** Gamma-distributed values around a Gamma-distributed customer scale (Gamma-Gamma). */
    GAMMA_GAMMA,
    /** One amount for every sale. */
    FIXED
  }

  private final Kind kind;
  private final double p;
  private final double q;
  private final double gamma;
  private final double amount;

  private SpendProcess(Kind kind, double p, double q, double gamma, double amount) {
    this.kind = kind;
    this.p = p;
    this.q = q;
    this.gamma = gamma;
    this.amount = amount;
  }

  /**
   * The Gamma-Gamma spend process: {@code nu ~ Gamma(q, gamma)} per customer, {@code z ~ Gamma(p, nu)} per sale.
   *
   * <p>Fader, Hardie and Lee (2005) estimated {@code p = 6.25, q = 3.74, gamma = 15.44} on the CDNOW data set (values
   * in dollars); these are the generator's defaults.
   *
   * @param p the shape of the per-sale value distribution, positive and finite
   * @param q the shape of the customer scale distribution, positive and finite
   * @param gamma the rate (inverse scale) of the customer scale distribution, positive and finite
   * @return the process
   * @throws IllegalArgumentException if a parameter is not positive and finite
   */
  public static SpendProcess gammaGamma(double p, double q, double gamma) {
    return new SpendProcess(
        Kind.GAMMA_GAMMA,
        BuyingProcess.positive("p", p),
        BuyingProcess.positive("q", q),
        BuyingProcess.positive("gamma", gamma),
        Double.NaN);
  }

  /**
   * Every sale is worth {@code amount} currency units (rounded to cents).
   *
   * @param amount the value of every sale, finite and not negative (zero is allowed)
   * @return the process
   * @throws IllegalArgumentException if {@code amount} is negative, NaN or infinite
   */
  public static SpendProcess fixed(double amount) {
    if (!Double.isFinite(amount)) {
      throw new IllegalArgumentException("amount must be finite, was " + amount);
    }
    if (amount < 0.0) {
      throw new IllegalArgumentException("amount must not be negative, was " + amount);
    }
    return new SpendProcess(Kind.FIXED, Double.NaN, Double.NaN, Double.NaN, amount);
  }

  /**
   * Returns the kind of spend process.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the shape {@code p} of the per-sale value Gamma distribution.
   *
   * @return p
   * @throws IllegalStateException unless {@link #kind()} is {@link Kind#GAMMA_GAMMA}
   */
  public double p() {
    return parameter(Kind.GAMMA_GAMMA, "p", p);
  }

  /**
   * Returns the shape {@code q} of the customer scale Gamma distribution.
   *
   * @return q
   * @throws IllegalStateException unless {@link #kind()} is {@link Kind#GAMMA_GAMMA}
   */
  public double q() {
    return parameter(Kind.GAMMA_GAMMA, "q", q);
  }

  /**
   * Returns the rate {@code gamma} of the customer scale Gamma distribution.
   *
   * @return gamma
   * @throws IllegalStateException unless {@link #kind()} is {@link Kind#GAMMA_GAMMA}
   */
  public double gamma() {
    return parameter(Kind.GAMMA_GAMMA, "gamma", gamma);
  }

  /**
   * Returns the fixed value of every sale, in currency units.
   *
   * @return the amount
   * @throws IllegalStateException unless {@link #kind()} is {@link Kind#FIXED}
   */
  public double amount() {
    return parameter(Kind.FIXED, "amount", amount);
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
    return this == other
        || other instanceof SpendProcess that
            && kind == that.kind
            && Double.compare(p, that.p) == 0
            && Double.compare(q, that.q) == 0
            && Double.compare(gamma, that.gamma) == 0
            && Double.compare(amount, that.amount) == 0;
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    int h = kind.hashCode();
    h = 31 * h + Double.hashCode(p);
    h = 31 * h + Double.hashCode(q);
    h = 31 * h + Double.hashCode(gamma);
    return 31 * h + Double.hashCode(amount);
  }

  /**
   * Returns the kind and parameters, for example {@code SpendProcess.gammaGamma(p=6.25, q=3.74, gamma=15.44)}.
   *
   * @return a description
   */
  @Override
  public String toString() {
    return switch (kind) {
      case GAMMA_GAMMA -> "SpendProcess.gammaGamma(p=" + p + ", q=" + q + ", gamma=" + gamma + ")";
      case FIXED -> "SpendProcess.fixed(amount=" + amount + ")";
    };
  }
}
