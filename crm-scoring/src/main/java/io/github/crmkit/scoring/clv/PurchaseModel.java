package io.github.crmkit.scoring.clv;

/**
 * A fitted model of repeat purchases with dropout (BG/NBD, MBG/NBD, Pareto/NBD, ...), as customer lifetime value
 * and holdout validation use it: expected purchases of a new customer, conditional expected purchases and the
 * probability of being alive given a customer's history {@code (x, t_x, T)}, times in the unit of the fitted data.
 *
 * <p>The array methods write one result per customer into the caller's array and allocate nothing per row;
 * implementations override them where they can share work between rows or horizons.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface PurchaseModel {

  /**
   * The model's name, as in {@link FittedModel#model()}, for example {@code bg-nbd}.
   *
   * @return the name
   */
  String model();

  /**
   * The expected number of repeat purchases of a newly acquired customer in {@code (0, t]}, E[X(t)].
   *
   * @param t the horizon, {@code >= 0}
   * @return E[X(t)], finite and {@code >= 0}
   */
  double expectedPurchases(double t);

  /**
   * The expected number of purchases in the next {@code t} time units of a customer with history
   * {@code (x, t_x, T)}, E[Y(t) | x, t_x, T].
   *
   * @param t the horizon, {@code >= 0}
   * @param x the repeat purchases in calibration, {@code >= 0}
   * @param tx the time of the last repeat purchase since the first, in {@code [0, T]}
   * @param age the time from the first purchase to the end of calibration, T
   * @return the conditional expectation, finite and {@code >= 0}
   */
  double conditionalExpectedPurchases(double t, int x, double tx, double age);

  /**
   * The probability that a customer with history {@code (x, t_x, T)} is still alive at T.
   *
   * @param x the repeat purchases in calibration
   * @param tx the time of the last repeat purchase
   * @param age the age T
   * @return the probability, in [0, 1]
   */
  double probabilityAlive(int x, double tx, double age);

  /**
   * Conditional expected purchases of one customer at several horizons, {@code out[k] =
   * conditionalExpectedPurchases(horizons[k], x, tx, age)}.
   *
   * @param horizons the horizons
   * @param x the repeat purchases
   * @param tx the recency
   * @param age the age T
   * @param out receives one value per horizon, at least {@code horizons.length} long
   */
  default void conditionalExpectedPurchases(double[] horizons, int x, double tx, double age, double[] out) {
    for (int k = 0; k < horizons.length; k++) {
      out[k] = conditionalExpectedPurchases(horizons[k], x, tx, age);
    }
  }

  /**
   * Conditional expected purchases over a horizon for many customers, {@code out[i] =
   * conditionalExpectedPurchases(t, x[i], tx[i], age[i])}.
   *
   * @param t the horizon
   * @param x the repeat purchases per customer
   * @param tx the recency per customer
   * @param age the age T per customer
   * @param out receives one value per customer, at least {@code x.length} long
   */
  default void conditionalExpectedPurchases(double t, int[] x, double[] tx, double[] age, double[] out) {
    for (int i = 0; i < x.length; i++) {
      out[i] = conditionalExpectedPurchases(t, x[i], tx[i], age[i]);
    }
  }

  /**
   * The probability of being alive for many customers, {@code out[i] = probabilityAlive(x[i], tx[i], age[i])}.
   *
   * @param x the repeat purchases per customer
   * @param tx the recency per customer
   * @param age the age T per customer
   * @param out receives one value per customer, at least {@code x.length} long
   */
  default void probabilityAlive(int[] x, double[] tx, double[] age, double[] out) {
    for (int i = 0; i < x.length; i++) {
      out[i] = probabilityAlive(x[i], tx[i], age[i]);
    }
  }

  /**
   * Discounted expected purchases over consecutive horizons for many customers: {@code out[i] = sum_k
   * discounts[k] * (CE(horizons[k]) - CE(horizons[k-1]))} with {@code CE(horizons[-1]) = 0}, the conditional
   * expectations of customer {@code i}. Customer lifetime value is this times the expected spend.
   *
   * @param horizons the increasing horizons, each {@code >= 0}
   * @param discounts the weight of the purchases expected between horizon {@code k-1} and {@code k}
   * @param x the repeat purchases per customer
   * @param tx the recency per customer
   * @param age the age T per customer
   * @param out receives one value per customer, at least {@code x.length} long
   */
  default void discountedExpectedPurchases(double[] horizons, double[] discounts, int[] x, double[] tx,
      double[] age, double[] out) {
    double[] expected = new double[horizons.length];
    for (int i = 0; i < x.length; i++) {
      conditionalExpectedPurchases(horizons, x[i], tx[i], age[i], expected);
      double value = 0.0;
      double previous = 0.0;
      for (int k = 0; k < horizons.length; k++) {
        value += (expected[k] - previous) * discounts[k];
        previous = expected[k];
      }
      out[i] = value;
    }
  }
}
