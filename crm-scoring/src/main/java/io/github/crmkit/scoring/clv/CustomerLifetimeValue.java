package io.github.crmkit.scoring.clv;

import java.util.Objects;

/**
 * Customer lifetime value as lifetimes computes it ({@code customer_lifetime_value} of its Gamma-Gamma fitter): over
 * {@code months} monthly steps, the expected spend per transaction times the expected purchases in each month,
 * discounted at a monthly rate:
 * <pre>
 *   CLV = E[M | x, m] * sum_{k=1..months} (CE(k u) - CE((k-1) u)) / (1 + d)^k
 * </pre>
 * where {@code CE(t)} is the purchase model's conditional expected purchases {@code E[Y(t) | x, t_x, T]}, {@code u}
 * the time units per month ({@link #WEEKS_PER_MONTH} for data in weeks, {@link #DAYS_PER_MONTH} for days, as
 * lifetimes uses) and {@code d} the monthly discount rate. Any {@link PurchaseModel} can be used (BG/NBD, MBG/NBD,
 * Pareto/NBD).
 *
 * <p>Stateless and thread-safe; the array forms allocate nothing per customer (they call
 * {@link PurchaseModel#discountedExpectedPurchases}, which BG/NBD computes once per distinct {@code (x, T)}).
 */
public final class CustomerLifetimeValue {
  /** Weeks per month, as lifetimes counts them. */
  public static final double WEEKS_PER_MONTH = 4.345;
  /** Days per month, as lifetimes counts them. */
  public static final double DAYS_PER_MONTH = 30.0;

  private CustomerLifetimeValue() {}

  /**
   * The CLV of one customer.
   *
   * @param purchases the purchase model
   * @param spend the spend model
   * @param x the repeat purchases
   * @param tx the recency t_x
   * @param age the age T
   * @param meanSpend the mean repeat spend (ignored where {@code x = 0})
   * @param months the number of monthly steps, {@code >= 1}
   * @param monthlyDiscountRate the discount rate per month, finite and {@code > -1} (lifetimes' default 0.01)
   * @param timeUnitsPerMonth the model's time units per month, positive and finite
   * @return the discounted value
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static double of(PurchaseModel purchases, GammaGammaModel spend, int x, double tx, double age,
      double meanSpend, int months, double monthlyDiscountRate, double timeUnitsPerMonth) {
    double[] out = new double[1];
    compute(purchases, spend, new int[] {x}, new double[] {tx}, new double[] {age}, new double[] {meanSpend},
        months, monthlyDiscountRate, timeUnitsPerMonth, out);
    return out[0];
  }

  /**
   * The CLV of many customers, written into {@code out}.
   *
   * @param purchases the purchase model
   * @param spend the spend model
   * @param x the repeat purchases per customer
   * @param tx the recency per customer
   * @param age the age T per customer
   * @param meanSpend the mean repeat spend per customer (ignored where {@code x = 0})
   * @param months the number of monthly steps, {@code >= 1}
   * @param monthlyDiscountRate the discount rate per month, finite and {@code > -1}
   * @param timeUnitsPerMonth the model's time units per month, positive and finite
   * @param out receives one value per customer
   * @throws IllegalArgumentException if the arrays differ in length or an argument is out of range
   */
  public static void compute(PurchaseModel purchases, GammaGammaModel spend, int[] x, double[] tx, double[] age,
      double[] meanSpend, int months, double monthlyDiscountRate, double timeUnitsPerMonth, double[] out) {
    Objects.requireNonNull(purchases, "purchases");
    Objects.requireNonNull(spend, "spend");
    int n = x.length;
    if (tx.length != n || age.length != n || meanSpend.length != n || out.length < n) {
      throw new IllegalArgumentException("columns must have the same length and out room for them, were x " + n
          + ", tx " + tx.length + ", age " + age.length + ", meanSpend " + meanSpend.length + ", out "
          + out.length);
    }
    double[] horizons = horizons(months, monthlyDiscountRate, timeUnitsPerMonth);
    double[] discounts = discounts(months, monthlyDiscountRate);
    purchases.discountedExpectedPurchases(horizons, discounts, x, tx, age, out);
    for (int i = 0; i < n; i++) {
      out[i] *= spend.conditionalExpectedAverageSpend(x[i], meanSpend[i]);
    }
  }

  /**
   * The CLV of many customers from their expected spend per transaction, however obtained.
   *
   * @param purchases the purchase model
   * @param x the repeat purchases per customer
   * @param tx the recency per customer
   * @param age the age T per customer
   * @param expectedSpend the expected spend per transaction per customer, finite
   * @param months the number of monthly steps, {@code >= 1}
   * @param monthlyDiscountRate the discount rate per month, finite and {@code > -1}
   * @param timeUnitsPerMonth the model's time units per month, positive and finite
   * @param out receives one value per customer
   * @throws IllegalArgumentException if the arrays differ in length or an argument is out of range
   */
  public static void fromExpectedSpend(PurchaseModel purchases, int[] x, double[] tx, double[] age,
      double[] expectedSpend, int months, double monthlyDiscountRate, double timeUnitsPerMonth, double[] out) {
    Objects.requireNonNull(purchases, "purchases");
    int n = x.length;
    if (tx.length != n || age.length != n || expectedSpend.length != n || out.length < n) {
      throw new IllegalArgumentException("columns must have the same length and out room for them, were x " + n
          + ", tx " + tx.length + ", age " + age.length + ", expectedSpend " + expectedSpend.length + ", out "
          + out.length);
    }
    double[] horizons = horizons(months, monthlyDiscountRate, timeUnitsPerMonth);
    double[] discounts = discounts(months, monthlyDiscountRate);
    purchases.discountedExpectedPurchases(horizons, discounts, x, tx, age, out);
    for (int i = 0; i < n; i++) {
      out[i] *= expectedSpend[i];
    }
  }

  private static double[] horizons(int months, double monthlyDiscountRate, double timeUnitsPerMonth) {
    if (months < 1) {
      throw new IllegalArgumentException("months must be at least 1, was " + months);
    }
    if (!(monthlyDiscountRate > -1.0 && monthlyDiscountRate < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("monthlyDiscountRate must be finite and > -1, was " + monthlyDiscountRate);
    }
    if (!(timeUnitsPerMonth > 0.0 && timeUnitsPerMonth < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("timeUnitsPerMonth must be positive and finite, was " + timeUnitsPerMonth);
    }
    double[] horizons = new double[months];
    for (int k = 0; k < months; k++) {
      horizons[k] = (k + 1) * timeUnitsPerMonth;
    }
    return horizons;
  }

  private static double[] discounts(int months, double monthlyDiscountRate) {
    double[] discounts = new double[months];
    for (int k = 0; k < months; k++) {
      discounts[k] = 1.0 / Math.pow(1.0 + monthlyDiscountRate, k + 1);
    }
    return discounts;
  }
}
