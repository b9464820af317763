package io.github.crmkit.testkit;

/**
 * The latent values drawn for one synthetic customer, and the summary of the purchases that followed from them, for
 * parameter-recovery tests. Consistent with what {@link SyntheticPurchases#forEach(PurchaseSink)} emits for the same
 * customer.
 *
 * <p>Rates are per time unit of the generator ({@link SyntheticPurchases#daysPerTimeUnit()} days, a week by
 * default); durations are in days. Values that the configured processes do not define are {@link Double#NaN}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customer the customer's index
 * @param lambda the customer's transaction rate per time unit while alive ({@code lambda ~ Gamma(r, alpha)})
 * @param dropoutProbability the BG/NBD probability {@code p} of dropping out after each repeat purchase; NaN unless
 *     the buying process is {@link BuyingProcess.Kind#BG_NBD}
 * @param dropoutRate the Pareto/NBD dropout rate {@code mu} per time unit; NaN unless the buying process is
 *     {@link BuyingProcess.Kind#PARETO_NBD}
 * @param dropoutAfterDays the time from the first purchase to the dropout, in days, whether it falls inside the
 *     observation window or after it; {@link Double#POSITIVE_INFINITY} when the customer never drops out (the Poisson
 *     process, a zero dropout rate or probability, or a BG/NBD customer who never makes the repeat purchase after
 *     which he would drop out). A BG/NBD customer drops out right after a repeat purchase, so when this falls inside
 *     the window it is the time of the customer's last repeat purchase.
 * @param nu the customer's Gamma-Gamma scale {@code nu ~ Gamma(q, gamma)}; NaN unless the spend process is
 *     {@link SpendProcess.Kind#GAMMA_GAMMA}
 * @param meanSpend the customer's expected sale value in currency units: {@code p / nu} for Gamma-Gamma, the amount
 *     for a fixed spend
 * @param firstPurchaseEpochSecond the time of the first purchase, in epoch seconds
 * @param repeatPurchases the number of repeat sales (not counting the first purchase, nor returns) inside the
 *     observation window
 * @param lastPurchaseEpochSecond the time of the last sale inside the observation window, in epoch seconds (the first
 *     purchase when there is no repeat purchase)
 */
public record CustomerTruth(
    int customer,
    double lambda,
    double dropoutProbability,
    double dropoutRate,
    double dropoutAfterDays,
    double nu,
    double meanSpend,
    long firstPurchaseEpochSecond,
    long repeatPurchases,
    long lastPurchaseEpochSecond) {

  /**
   * Returns whether the customer drops out at some finite time (inside or after the observation window).
   *
   * @return {@code dropoutAfterDays} is finite
   */
  public boolean dropsOut() {
    return dropoutAfterDays != Double.POSITIVE_INFINITY;
  }
}
