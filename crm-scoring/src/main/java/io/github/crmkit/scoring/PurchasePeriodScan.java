package io.github.crmkit.scoring;

import java.util.Arrays;

/**
 * The computation behind {@link RepeatPurchaseSummary} and {@link CalibrationHoldoutSummary}: one pass over the
 * rows to count them per customer, a stable counting sort by customer that copies each row's period (with two flag
 * bits) and amount into customer order, then two sequential scans of each customer's rows.
 *
 * <p>Distinct purchase periods are counted without sorting a customer's rows: a stamp array over the period range
 * holds, per period, the last customer key that had a sale in it. Customers are scanned one after another, so
 * {@code stamp[p] == c} means "customer c has a sale in period p", and no reset is needed between customers.
 *
 * <p>Allocation: {@code int[rows]} and {@code double[rows]} for the grouped rows, {@code int[customers + 1]} twice,
 * one or two {@code int} stamp arrays over the period range, and the result columns; nothing per row or per
 * customer.
 */
final class PurchasePeriodScan {
  /** The largest period range the stamps may span: 2^25 periods, about 91,000 years of days. */
  static final int MAX_PERIODS = 1 << 25;

  private static final int DAY = 0;
  private static final int WEEK = 1;
  private static final int MONTH = 2;

  /** Monthly periods are looked up in a table of days when the days span fewer than this (about 2,870 years). */
  private static final int DAY_TABLE_LIMIT = 1 << 20;

  /** Row code flag: a sale. */
  private static final int SALE = 1;
  /** Row code flag: after the calibration end (and up to the observation end). */
  private static final int HOLDOUT = 2;
  /** Row code of a row after the observation end: negative, with neither flag bit set. */
  private static final int AFTER_END = -4;

  final int[] frequency;
  final double[] recency;
  final double[] age;
  final double[] monetary;
  final int[] holdoutFrequency;
  final double[] holdoutMonetary;
  int included;
  int firstSeenInHoldout;
  long rowsCounted;
  long reversalsOutside;
  long rowsAfterCalibrationEnd;
  long holdoutRowsCounted;
  long holdoutRowsOfExcluded;
  long holdoutReversalsOutside;
  long rowsAfterObservationEnd;
  double holdoutDuration;

  private final int periodCode;
  private final RepeatPurchaseOptions.Unit unit;

  private PurchasePeriodScan(int customers, RepeatPurchaseOptions options, boolean holdout) {
    frequency = new int[customers];
    recency = new double[customers];
    age = new double[customers];
    monetary = new double[customers];
    holdoutFrequency = holdout ? new int[customers] : null;
    holdoutMonetary = holdout ? new double[customers] : null;
    periodCode = switch (options.period()) {
      case DAY -> DAY;
      case WEEK -> WEEK;
      case MONTH -> MONTH;
    };
    unit = options.unit();
  }

  /**
   * Runs the scan. Without a holdout, {@code calibrationEnd == observationEnd} and every row after it counts in
   * {@link #rowsAfterCalibrationEnd}.
   */
  static PurchasePeriodScan run(TransactionColumns columns, RepeatPurchaseOptions options, int calibrationEnd,
      int observationEnd, boolean holdout) {
    int n = columns.size;
    int customers = columns.customerCount();
    PurchasePeriodScan scan = new PurchasePeriodScan(customers, options, holdout);
    int code = scan.periodCode;
    int[] customer = columns.customer;
    int[] day = columns.day;
    double[] amount = columns.amount;
    byte[] kind = columns.kind;

    // pass 1, sequential: rows per customer, and the day range up to the observation end (periods are monotone in
    // days, so the period range follows from it)
    int[] start = new int[customers + 1];
    int minDay = Integer.MAX_VALUE;
    int maxDay = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      start[customer[i] + 1]++;
      int d = day[i];
      if (d <= observationEnd) {
        if (d < minDay) {
          minDay = d;
        }
        if (d > maxDay) {
          maxDay = d;
        }
      }
    }
    for (int c = 0; c < customers; c++) {
      start[c + 1] += start[c];
    }
    int minPeriod = 0;
    int range = 0;
    if (minDay <= maxDay) {
      minPeriod = period(code, minDay);
      long span = (long) period(code, maxDay) - minPeriod + 1;
      if (span > MAX_PERIODS) {
        throw new IllegalArgumentException("the transactions up to the observation end must span at most "
            + MAX_PERIODS + " periods, spanned " + span);
      }
      range = (int) span;
    }

    // pass 2: a stable counting sort by customer that carries each row's period and amount along, so that the
    // per-customer scans below read memory in order. A row is coded as (period - minPeriod) << 2 | HOLDOUT | SALE,
    // or AFTER_END
    int[] periodOfDay = null;
    if (code == MONTH && range > 0 && (long) maxDay - minDay < DAY_TABLE_LIMIT) {
      // month arithmetic costs more than a look-up in a small table of the days present
      periodOfDay = new int[maxDay - minDay + 1];
      for (int d = 0; d < periodOfDay.length; d++) {
        periodOfDay[d] = period(code, minDay + d) - minPeriod;
      }
    }
    int[] next = Arrays.copyOf(start, customers);
    int[] coded = new int[n];
    double[] value = new double[n];
    for (int i = 0; i < n; i++) {
      int d = day[i];
      int row;
      if (d > observationEnd) {
        row = AFTER_END;
      } else {
        row = (periodOfDay != null ? periodOfDay[d - minDay] : period(code, d) - minPeriod) << 2;
        if (d > calibrationEnd) {
          row |= HOLDOUT;
        }
        if (kind == null || kind[i] == TransactionColumns.SALE) {
          row |= SALE;
        }
      }
      int at = next[customer[i]]++;
      coded[at] = row;
      value[at] = amount[i];
    }
    next = null;

    int[] saleStamp = new int[range];
    Arrays.fill(saleStamp, -1);
    int[] holdoutStamp = null;
    if (holdout) {
      holdoutStamp = new int[range];
      Arrays.fill(holdoutStamp, -1);
    }
    int calibrationEndPeriod = period(code, calibrationEnd);

    for (int c = 0; c < customers; c++) {
      int from = start[c];
      int to = start[c + 1];
      // scan 1: mark the sale periods, count them, find the first and last
      int first = Integer.MAX_VALUE;
      int last = Integer.MIN_VALUE;
      int periods = 0;
      int holdoutPeriods = 0;
      for (int j = from; j < to; j++) {
        int row = coded[j];
        if ((row & SALE) == 0) {
          continue; // a reversal, or after the end
        }
        int p = row >>> 2;
        if ((row & HOLDOUT) == 0) {
          if (saleStamp[p] != c) {
            saleStamp[p] = c;
            periods++;
            if (p < first) {
              first = p;
            }
            if (p > last) {
              last = p;
            }
          }
        } else if (holdoutStamp[p] != c) {
          holdoutStamp[p] = c;
          holdoutPeriods++;
        }
      }

      if (periods == 0) {
        // excluded: no sale up to the calibration (or observation) end; its rows are only counted
        scan.frequency[c] = RepeatPurchaseSummary.EXCLUDED;
        scan.recency[c] = Double.NaN;
        scan.age[c] = Double.NaN;
        scan.monetary[c] = Double.NaN;
        if (holdout) {
          scan.holdoutFrequency[c] = RepeatPurchaseSummary.EXCLUDED;
          scan.holdoutMonetary[c] = Double.NaN;
          if (holdoutPeriods > 0) {
            scan.firstSeenInHoldout++;
          }
        }
        for (int j = from; j < to; j++) {
          int row = coded[j];
          if (row == AFTER_END) {
            scan.rowsAfterCalibrationEnd++;
            scan.rowsAfterObservationEnd += holdout ? 1 : 0;
          } else if ((row & HOLDOUT) != 0) {
            scan.rowsAfterCalibrationEnd++;
            scan.holdoutRowsOfExcluded++;
          } else {
            scan.reversalsOutside++;
          }
        }
        continue;
      }

      // scan 2: sum the values of the purchase periods (returns in them subtract), count the other rows
      double repeatValue = 0;
      double holdoutValue = 0;
      for (int j = from; j < to; j++) {
        int row = coded[j];
        if (row == AFTER_END) {
          scan.rowsAfterCalibrationEnd++;
          scan.rowsAfterObservationEnd += holdout ? 1 : 0;
          continue;
        }
        int p = row >>> 2;
        if ((row & HOLDOUT) == 0) {
          if (saleStamp[p] == c) {
            scan.rowsCounted++;
            if (p != first) {
              repeatValue += value[j];
            }
          } else {
            scan.reversalsOutside++;
          }
        } else {
          scan.rowsAfterCalibrationEnd++;
          if (holdoutStamp[p] == c) {
            scan.holdoutRowsCounted++;
            holdoutValue += value[j];
          } else {
            scan.holdoutReversalsOutside++;
          }
        }
      }
      int repeats = periods - 1;
      scan.included++;
      scan.frequency[c] = repeats;
      scan.recency[c] = scan.duration(first + minPeriod, last + minPeriod);
      scan.age[c] = scan.duration(first + minPeriod, calibrationEndPeriod);
      scan.monetary[c] = repeats == 0 ? 0.0 : repeatValue / repeats;
      if (holdout) {
        scan.holdoutFrequency[c] = holdoutPeriods;
        scan.holdoutMonetary[c] = holdoutPeriods == 0 ? 0.0 : holdoutValue / holdoutPeriods;
      }
    }
    if (holdout) {
      scan.holdoutDuration = scan.duration(calibrationEndPeriod, period(code, observationEnd));
    }
    return scan;
  }

  /** The duration from the start of period {@code from} to the start of period {@code to}, in the unit. */
  private double duration(int from, int to) {
    if (unit == RepeatPurchaseOptions.Unit.MONTHS) {
      return (double) to - from;
    }
    long days = startDay(periodCode, to) - startDay(periodCode, from);
    return unit == RepeatPurchaseOptions.Unit.WEEKS ? days / 7.0 : (double) days;
  }

  /** The period index of an epoch day: the day itself, the week since Monday 1969-12-29, or the month since 1970-01. */
  static int period(int code, int epochDay) {
    if (code == DAY) {
      return epochDay;
    }
    if (code == WEEK) {
      return (int) Math.floorDiv(epochDay + 3L, 7L);
    }
    return monthIndex(epochDay);
  }

  /** The epoch day on which a period starts. */
  static long startDay(int code, int period) {
    if (code == DAY) {
      return period;
    }
    if (code == WEEK) {
      return 7L * period - 3;
    }
    return monthStartDay(period);
  }

  /**
   * The calendar month of an epoch day, as months since January 1970 (proleptic Gregorian calendar), by integer
   * arithmetic: days are counted from 0000-03-01 in 400-year eras of 146,097 days, so that the leap day ends a year.
   */
  static int monthIndex(int epochDay) {
    long z = epochDay + 719_468L; // days since 0000-03-01
    long era = Math.floorDiv(z, 146_097L);
    long dayOfEra = z - era * 146_097L; // [0, 146096]
    long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365; // [0, 399]
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100); // [0, 365], from March 1
    long shiftedMonth = (5 * dayOfYear + 2) / 153; // [0, 11], 0 = March
    long year = yearOfEra + era * 400 + (shiftedMonth >= 10 ? 1 : 0);
    long month = shiftedMonth < 10 ? shiftedMonth + 2 : shiftedMonth - 10; // [0, 11], 0 = January
    return (int) ((year - 1970) * 12 + month);
  }

  /** The epoch day of the first day of a month given as months since January 1970. */
  static long monthStartDay(int monthIndex) {
    long year = 1970 + Math.floorDiv((long) monthIndex, 12L);
    long month = Math.floorMod(monthIndex, 12) + 1; // 1..12
    long marchYear = month <= 2 ? year - 1 : year; // years start in March, so the leap day ends them
    long era = Math.floorDiv(marchYear, 400L);
    long yearOfEra = marchYear - era * 400;
    long dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5; // day 1 of the month
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097L + dayOfEra - 719_468L;
  }
}
