package io.github.crmkit.scoring;

import java.util.Objects;

/**
 * How a {@link RepeatPurchaseSummary} groups transaction days into purchase periods, and in which unit it reports
 * recency, age and holdout duration.
 *
 * <p>The two choices are independent, as lifetimes' {@code freq} and {@code freq_multiplier} are:
 * <ul>
 *   <li>the {@link Period} is what counts as one purchase: all purchases of a customer in one calendar day, ISO week
 *       (Monday to Sunday) or calendar month are merged into one, their values summed;
 *   <li>the {@link Unit} is how durations between periods are reported. A duration is measured between the first
 *       days of two periods: in {@link Unit#DAYS}, in {@link Unit#WEEKS} (days / 7, fractional), or in
 *       {@link Unit#MONTHS} (the number of calendar months between them, only with {@link Period#MONTH}).
 * </ul>
 *
 * <p>The published CDNOW summaries (weeks with two decimals, for example {@code 30.43 = 213 / 7}) are
 * {@code new RepeatPurchaseOptions(Period.DAY, Unit.WEEKS)}: daily purchases, durations in days / 7 (lifetimes'
 * {@code freq="D", freq_multiplier=7}). Flooring to weeks instead, {@code of(Period.WEEK)}, merges all purchases of a
 * week into one and reports whole weeks (lifetimes' {@code freq="W"}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param period how days are grouped into purchase periods
 * @param unit the unit of reported durations
 */
public record RepeatPurchaseOptions(Period period, Unit unit) {
  /** What counts as one purchase period. */
  public enum Period {
    /** A calendar day (the transactions' epoch day). */
    DAY,
    /** An ISO week, Monday to Sunday (pandas' {@code W}, which ends on Sunday). */
    WEEK,
    /** A calendar month. */
    MONTH
  }

  /** The unit of reported durations (recency, age, holdout duration). */
  public enum Unit {
    /** Days between the first days of two periods. */
    DAYS,
    /** Days between the first days of two periods, divided by 7 (fractional with {@link Period#DAY}). */
    WEEKS,
    /** Calendar months between two months; only with {@link Period#MONTH}. */
    MONTHS
  }

  /**
   * Checks the combination.
   *
   * @throws IllegalArgumentException if the unit is {@link Unit#MONTHS} and the period not {@link Period#MONTH}
   *     (a month is not a fixed number of days)
   */
  public RepeatPurchaseOptions {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(unit, "unit");
    if (unit == Unit.MONTHS && period != Period.MONTH) {
      throw new IllegalArgumentException("unit MONTHS needs period MONTH (a month is not a fixed number of days), "
          + "was period " + period);
    }
  }

  /**
   * Daily periods, durations in days: lifetimes' defaults.
   *
   * @return the options
   */
  public static RepeatPurchaseOptions ofDefaults() {
    return new RepeatPurchaseOptions(Period.DAY, Unit.DAYS);
  }

  /**
   * The given period, durations in that period: days, whole weeks or whole months.
   *
   * @param period the period
   * @return the options
   */
  public static RepeatPurchaseOptions of(Period period) {
    Objects.requireNonNull(period, "period");
    return new RepeatPurchaseOptions(period, switch (period) {
      case DAY -> Unit.DAYS;
      case WEEK -> Unit.WEEKS;
      case MONTH -> Unit.MONTHS;
    });
  }
}
