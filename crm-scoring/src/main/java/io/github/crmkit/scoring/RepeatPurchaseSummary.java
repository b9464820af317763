package io.github.crmkit.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Each customer's repeat-purchase summary up to an observation end: frequency, recency, age (T) and mean repeat
 * value, the inputs of BG/NBD, Pareto/NBD and Gamma-Gamma models. The semantics are those of lifetimes 0.11.3
 * {@code summary_data_from_transaction_data}:
 * <ul>
 *   <li>rows after the observation end (a day, inclusive) are ignored;
 *   <li>a customer's days are floored to {@link RepeatPurchaseOptions.Period periods}; all its purchases in one period
 *       are merged into one purchase whose value is their sum;
 *   <li><b>frequency</b> is the number of distinct purchase periods minus 1 (the number of repeat purchases);
 *   <li><b>recency</b> is the duration from the first purchase period to the last; <b>age</b> (lifetimes' {@code T})
 *       the duration from the first purchase period to the period of the observation end; both in the
 *       {@link RepeatPurchaseOptions.Unit unit}, measured between the first days of the periods;
 *   <li><b>monetary value</b> is the mean value of the repeat periods, every period except the first (0 when there
 *       are none).
 * </ul>
 *
 * <p>Returns and cancellations: a reversal row subtracts from the value of its own period. A period is a purchase
 * period if and only if it has at least one sale, whatever its net value: a period whose sales were returned on the
 * same day still counts as a purchase (with its net value, possibly zero or negative), and a period with only
 * reversals (a return some days after the sale) is no purchase, and its value enters no mean; such rows are counted
 * in {@link #reversalsOutsidePurchasePeriods()}. A customer with no sale up to the observation end is
 * <em>excluded</em> ({@link #isIncluded} false, counted in {@link #excludedCount()}), as lifetimes leaves such
 * customers out of its table. Without a kind column every row is a sale, whatever its sign.
 *
 * <p>Difference from lifetimes with weekly or monthly periods: lifetimes floors rows to periods before comparing
 * them with the (floored) observation end, so it keeps rows later in the end's period; here a row after the
 * observation end day is always ignored, as lifetimes' own {@code calibration_and_holdout_data} does.
 *
 * <p>Two faces: columns indexed by customer key ({@link #frequencies()}, {@link #recencies()}, {@link #ages()},
 * {@link #monetaryValues()}), where an excluded customer holds {@link #EXCLUDED} and {@code NaN}; and per customer
 * accessors and {@link Entry entries}. Counts reconcile: {@link #rowsCounted()} +
 * {@link #reversalsOutsidePurchasePeriods()} + {@link #rowsAfterEnd()} = the columns' {@code size()}.
 *
 * <p>Cost: no sort of time. Rows are grouped by customer with a counting sort (rows of a customer may be in any
 * order, and customers interleaved), then each customer's rows are scanned twice; distinct periods are found with a
 * stamp array over the range of periods, which must not exceed 2^25 periods (about 91,000 years of days). Memory:
 * 12 bytes per row, the result columns and the stamp array; no allocation per row or per customer (ten million
 * rows of a million customers, interleaved, took about half a second on one core when written). Immutable and
 * thread-safe.
 */
public final class RepeatPurchaseSummary {
  /** The frequency reported in the columns for an excluded customer (its doubles are {@code NaN}). */
  public static final int EXCLUDED = -1;

  private final TransactionColumns columns;
  private final RepeatPurchaseOptions options;
  private final LocalDate observationEnd;
  private final PurchasePeriodScan scan;

  private RepeatPurchaseSummary(TransactionColumns columns, RepeatPurchaseOptions options, LocalDate observationEnd,
      PurchasePeriodScan scan) {
    this.columns = columns;
    this.options = options;
    this.observationEnd = observationEnd;
    this.scan = scan;
  }

  /**
   * Summarises the columns up to an observation end, with daily periods and durations in days.
   *
   * @param columns the transactions
   * @param observationEnd the last day observed, inclusive
   * @return the summary
   * @throws IllegalArgumentException if the observation end is not an {@code int} epoch day, or the transactions up
   *     to it span more than 2^25 periods
   */
  public static RepeatPurchaseSummary of(TransactionColumns columns, LocalDate observationEnd) {
    return of(columns, observationEnd, RepeatPurchaseOptions.ofDefaults());
  }

  /**
   * Summarises the columns up to an observation end.
   *
   * @param columns the transactions
   * @param observationEnd the last day observed, inclusive
   * @param options the period and the unit
   * @return the summary
   * @throws IllegalArgumentException if the observation end is not an {@code int} epoch day, or the transactions up
   *     to it span more than 2^25 periods
   */
  public static RepeatPurchaseSummary of(TransactionColumns columns, LocalDate observationEnd,
      RepeatPurchaseOptions options) {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(options, "options");
    int end = epochDay(observationEnd, "observationEnd");
    return new RepeatPurchaseSummary(columns, options, observationEnd,
        PurchasePeriodScan.run(columns, options, end, end, false));
  }

  /** Wraps the calibration part of a calibration and holdout scan. */
  static RepeatPurchaseSummary ofScan(TransactionColumns columns, RepeatPurchaseOptions options,
      LocalDate calibrationEnd, PurchasePeriodScan scan) {
    return new RepeatPurchaseSummary(columns, options, calibrationEnd, scan);
  }

  static int epochDay(LocalDate date, String name) {
    Objects.requireNonNull(date, name);
    long day = date.toEpochDay();
    if (day != (int) day) {
      throw new IllegalArgumentException(name + " must be within the int range of epoch days, was " + date);
    }
    return (int) day;
  }

  /**
   * The options used.
   *
   * @return the period and unit
   */
  public RepeatPurchaseOptions options() {
    return options;
  }

  /**
   * The last day observed (for a calibration summary: the calibration end).
   *
   * @return the day, inclusive
   */
  public LocalDate observationEnd() {
    return observationEnd;
  }

  /**
   * The number of customer keys, included or not.
   *
   * @return the columns' customer count
   */
  public int customerCount() {
    return scan.frequency.length;
  }

  /**
   * The external id of customer {@code k}.
   *
   * @param k the customer key
   * @return the id
   */
  public String customerId(int k) {
    return columns.customerId(k);
  }

  /**
   * Whether customer {@code k} has a sale up to the observation end.
   *
   * @param k the customer key
   * @return true if it is in the summary
   */
  public boolean isIncluded(int k) {
    return scan.frequency[k] != EXCLUDED;
  }

  /**
   * The number of customers in the summary.
   *
   * @return the count of customers with a sale up to the observation end
   */
  public int includedCount() {
    return scan.included;
  }

  /**
   * The number of customers left out: no sale up to the observation end (only later rows, or only reversals).
   *
   * @return {@code customerCount() - includedCount()}
   */
  public int excludedCount() {
    return customerCount() - scan.included;
  }

  /**
   * The number of repeat purchase periods of customer {@code k}.
   *
   * @param k the customer key
   * @return distinct purchase periods minus 1
   * @throws IllegalStateException if the customer is excluded
   */
  public int frequency(int k) {
    return scan.frequency[included(k)];
  }

  /**
   * The duration from customer {@code k}'s first purchase period to its last, in the unit.
   *
   * @param k the customer key
   * @return the recency, 0 without repeat purchases
   * @throws IllegalStateException if the customer is excluded
   */
  public double recency(int k) {
    return scan.recency[included(k)];
  }

  /**
   * The duration from customer {@code k}'s first purchase period to the period of the observation end, in the unit:
   * lifetimes' {@code T}, BTYD's {@code T.cal}.
   *
   * @param k the customer key
   * @return the age
   * @throws IllegalStateException if the customer is excluded
   */
  public double age(int k) {
    return scan.age[included(k)];
  }

  /**
   * The mean net value of customer {@code k}'s repeat purchase periods (all but the first).
   *
   * @param k the customer key
   * @return the mean, 0 without repeat purchases
   * @throws IllegalStateException if the customer is excluded
   */
  public double monetaryValue(int k) {
    return scan.monetary[included(k)];
  }

  private int included(int k) {
    if (scan.frequency[k] == EXCLUDED) {
      throw new IllegalStateException("customer key " + k + " has no purchase up to " + observationEnd
          + ", so it is not in the summary");
    }
    return k;
  }

  /**
   * The frequency column, indexed by customer key.
   *
   * @return a copy; {@link #EXCLUDED} for excluded customers
   */
  public int[] frequencies() {
    return scan.frequency.clone();
  }

  /**
   * The recency column, indexed by customer key.
   *
   * @return a copy; {@code NaN} for excluded customers
   */
  public double[] recencies() {
    return scan.recency.clone();
  }

  /**
   * The age ({@code T}) column, indexed by customer key.
   *
   * @return a copy; {@code NaN} for excluded customers
   */
  public double[] ages() {
    return scan.age.clone();
  }

  /**
   * The monetary value column, indexed by customer key.
   *
   * @return a copy; {@code NaN} for excluded customers
   */
  public double[] monetaryValues() {
    return scan.monetary.clone();
  }

  /**
   * The rows that entered the summary: rows up to the observation end in a purchase period of their customer.
   *
   * @return the count
   */
  public long rowsCounted() {
    return scan.rowsCounted;
  }

  /**
   * Reversal rows up to the observation end in a period without a sale of their customer (for example a return days
   * after the sale, or a customer with only returns): they enter no purchase and no mean.
   *
   * @return the count
   */
  public long reversalsOutsidePurchasePeriods() {
    return scan.reversalsOutside;
  }

  /**
   * The rows after the observation end, ignored.
   *
   * @return the count
   */
  public long rowsAfterEnd() {
    return scan.rowsAfterCalibrationEnd;
  }

  /**
   * Customer {@code k}'s summary as a value.
   *
   * @param k the customer key
   * @return the entry
   * @throws IllegalStateException if the customer is excluded
   */
  public Entry entry(int k) {
    included(k);
    return new Entry(customerId(k), scan.frequency[k], scan.recency[k], scan.age[k], scan.monetary[k]);
  }

  /**
   * The entries of all included customers, in customer key order.
   *
   * @return the entries, unmodifiable
   */
  public List<Entry> entries() {
    List<Entry> entries = new ArrayList<>(scan.included);
    for (int k = 0; k < customerCount(); k++) {
      if (isIncluded(k)) {
        entries.add(entry(k));
      }
    }
    return Collections.unmodifiableList(entries);
  }

  /**
   * One customer's repeat-purchase summary. Immutable and thread-safe.
   *
   * @param customerId the customer's external id
   * @param frequency the number of repeat purchase periods
   * @param recency the duration from the first purchase period to the last
   * @param age the duration from the first purchase period to the observation end's period ({@code T})
   * @param monetaryValue the mean net value of the repeat purchase periods, 0 without any
   */
  public record Entry(String customerId, int frequency, double recency, double age, double monetaryValue) {
    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if the frequency is negative
     */
    public Entry {
      Objects.requireNonNull(customerId, "customerId");
      if (frequency < 0) {
        throw new IllegalArgumentException("frequency must not be negative, was " + frequency);
      }
    }
  }
}
