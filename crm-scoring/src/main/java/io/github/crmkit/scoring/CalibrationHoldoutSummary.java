package io.github.crmkit.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A calibration summary and each customer's purchases in the holdout that follows it, for fitting a model on the
 * calibration period and checking its predictions on the holdout. The semantics are those of lifetimes 0.11.3
 * {@code calibration_and_holdout_data}:
 * <ul>
 *   <li>the {@link #calibration() calibration} summary is the {@link RepeatPurchaseSummary} of the rows up to the
 *       calibration end (inclusive), its age measured to the calibration end;
 *   <li>the holdout is the rows after the calibration end up to the observation end (inclusive), floored to the same
 *       periods; the <b>holdout frequency</b> is the number of distinct holdout periods with a sale (no first purchase
 *       is subtracted), the <b>holdout monetary value</b> the mean net value of those periods (0 if none), the
 *       <b>holdout duration</b> the duration from the calibration end's period to the observation end's period;
 *   <li>only customers in the calibration summary are summarised: a customer first seen in the holdout is excluded
 *       and counted in {@link #firstSeenInHoldoutCount()}.
 * </ul>
 * With weekly or monthly periods a period can straddle the calibration end: its sales after the end form a holdout
 * period of their own (as in lifetimes, which groups the two sides separately).
 *
 * <p>Returns and cancellations are treated as in {@link RepeatPurchaseSummary}: they subtract from their period's
 * value, and a holdout period counts only if it has a sale. Holdout columns hold {@link RepeatPurchaseSummary#EXCLUDED}
 * and {@code NaN} for excluded customers.
 *
 * <p>Counts reconcile: the calibration's {@link RepeatPurchaseSummary#rowsAfterEnd() rows after its end} =
 * {@link #holdoutRowsCounted()} + {@link #holdoutReversalsOutsidePurchasePeriods()} +
 * {@link #holdoutRowsOfExcludedCustomers()} + {@link #rowsAfterObservationEnd()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class CalibrationHoldoutSummary {
  private final RepeatPurchaseSummary calibration;
  private final LocalDate observationEnd;
  private final PurchasePeriodScan scan;

  private CalibrationHoldoutSummary(RepeatPurchaseSummary calibration, LocalDate observationEnd,
      PurchasePeriodScan scan) {
    this.calibration = calibration;
    this.observationEnd = observationEnd;
    this.scan = scan;
  }

  /**
   * Splits the columns at a calibration end and summarises both sides, in one pass.
   *
   * @param columns the transactions
   * @param calibrationEnd the last day of the calibration period, inclusive
   * @param observationEnd the last day of the holdout period, inclusive
   * @param options the period and the unit
   * @return the summary
   * @throws IllegalArgumentException if the holdout is empty (the observation end is not after the calibration end),
   *     a date is not an {@code int} epoch day, or the transactions up to the observation end span more than 2^25
   *     periods
   */
  public static CalibrationHoldoutSummary of(TransactionColumns columns, LocalDate calibrationEnd,
      LocalDate observationEnd, RepeatPurchaseOptions options) {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(options, "options");
    int calibration = RepeatPurchaseSummary.epochDay(calibrationEnd, "calibrationEnd");
    int observation = RepeatPurchaseSummary.epochDay(observationEnd, "observationEnd");
    if (observation <= calibration) {
      throw new IllegalArgumentException("observationEnd must be after calibrationEnd (the holdout would be empty), "
          + "were " + observationEnd + " and " + calibrationEnd);
    }
    PurchasePeriodScan scan = PurchasePeriodScan.run(columns, options, calibration, observation, true);
    return new CalibrationHoldoutSummary(RepeatPurchaseSummary.ofScan(columns, options, calibrationEnd, scan),
        observationEnd, scan);
  }

  /**
   * The summary of the calibration period; its observation end is the calibration end.
   *
   * @return the calibration summary
   */
  public RepeatPurchaseSummary calibration() {
    return calibration;
  }

  /**
   * The last day of the calibration period.
   *
   * @return the day, inclusive
   */
  public LocalDate calibrationEnd() {
    return calibration.observationEnd();
  }

  /**
   * The last day of the holdout period.
   *
   * @return the day, inclusive
   */
  public LocalDate observationEnd() {
    return observationEnd;
  }

  /**
   * The length of the holdout: from the calibration end's period to the observation end's period, in the unit.
   *
   * @return the duration, the same for every customer
   */
  public double holdoutDuration() {
    return scan.holdoutDuration;
  }

  /**
   * The number of distinct holdout periods in which customer {@code k} bought.
   *
   * @param k the customer key
   * @return the holdout frequency
   * @throws IllegalStateException if the customer is not in the calibration summary
   */
  public int holdoutFrequency(int k) {
    calibration.frequency(k); // checks inclusion
    return scan.holdoutFrequency[k];
  }

  /**
   * The mean net value of customer {@code k}'s holdout purchase periods.
   *
   * @param k the customer key
   * @return the mean, 0 without holdout purchases
   * @throws IllegalStateException if the customer is not in the calibration summary
   */
  public double holdoutMonetaryValue(int k) {
    calibration.frequency(k); // checks inclusion
    return scan.holdoutMonetary[k];
  }

  /**
   * The holdout frequency column, indexed by customer key.
   *
   * @return a copy; {@link RepeatPurchaseSummary#EXCLUDED} for excluded customers
   */
  public int[] holdoutFrequencies() {
    return scan.holdoutFrequency.clone();
  }

  /**
   * The holdout monetary value column, indexed by customer key.
   *
   * @return a copy; {@code NaN} for excluded customers
   */
  public double[] holdoutMonetaryValues() {
    return scan.holdoutMonetary.clone();
  }

  /**
   * The number of customers whose first purchase is in the holdout; they are excluded, as are customers without any
   * purchase up to the observation end (both are in the calibration's {@link RepeatPurchaseSummary#excludedCount()}).
   *
   * @return the count
   */
  public int firstSeenInHoldoutCount() {
    return scan.firstSeenInHoldout;
  }

  /**
   * Holdout rows in a holdout purchase period of an included customer.
   *
   * @return the count
   */
  public long holdoutRowsCounted() {
    return scan.holdoutRowsCounted;
  }

  /**
   * Holdout reversal rows of included customers in a period without a holdout sale.
   *
   * @return the count
   */
  public long holdoutReversalsOutsidePurchasePeriods() {
    return scan.holdoutReversalsOutside;
  }

  /**
   * Holdout rows of excluded customers.
   *
   * @return the count
   */
  public long holdoutRowsOfExcludedCustomers() {
    return scan.holdoutRowsOfExcluded;
  }

  /**
   * Rows after the observation end, ignored.
   *
   * @return the count
   */
  public long rowsAfterObservationEnd() {
    return scan.rowsAfterObservationEnd;
  }

  /**
   * Customer {@code k}'s calibration summary and holdout figures as a value.
   *
   * @param k the customer key
   * @return the entry
   * @throws IllegalStateException if the customer is not in the calibration summary
   */
  public Entry entry(int k) {
    return new Entry(calibration.entry(k), scan.holdoutFrequency[k], scan.holdoutMonetary[k], scan.holdoutDuration);
  }

  /**
   * The entries of all customers in the calibration summary, in customer key order.
   *
   * @return the entries, unmodifiable
   */
  public List<Entry> entries() {
    List<Entry> entries = new ArrayList<>(calibration.includedCount());
    for (int k = 0; k < calibration.customerCount(); k++) {
      if (calibration.isIncluded(k)) {
        entries.add(entry(k));
      }
    }
    return Collections.unmodifiableList(entries);
  }

  /**
   * One customer's calibration summary with its holdout figures. Immutable and thread-safe.
   *
   * @param calibration the calibration summary
   * @param holdoutFrequency the number of holdout purchase periods
   * @param holdoutMonetaryValue the mean net value of the holdout purchase periods, 0 without any
   * @param holdoutDuration the length of the holdout in the unit
   */
  public record Entry(RepeatPurchaseSummary.Entry calibration, int holdoutFrequency, double holdoutMonetaryValue,
      double holdoutDuration) {
    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if the holdout frequency is negative
     */
    public Entry {
      Objects.requireNonNull(calibration, "calibration");
      if (holdoutFrequency < 0) {
        throw new IllegalArgumentException("holdoutFrequency must not be negative, was " + holdoutFrequency);
      }
    }
  }
}
