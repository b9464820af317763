package io.github.crmkit.cli;

import io.github.crmkit.scoring.TransactionColumns;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * Customers' transactions as BG/BB's discrete purchase opportunities (Fader, Hardie and Shang 2010): each calendar
 * period of the unit (day, week from Monday, month or year) is one opportunity, at which a customer purchases or
 * not, however many transactions the period holds. A customer's first period with a purchase is its birth; the
 * periods after it up to the calibration end's are its calibration opportunities {@code n}; {@code x} is how many of
 * them hold a purchase and {@code t_x} the last of those, counted from the birth (0 when none). The holdout is the
 * periods after the calibration end's up to the observation end's: {@code n*} of them, {@code x*} with a purchase.
 *
 * <p>Customers without a purchase by the calibration end, and those whose first purchase is in the calibration end's
 * own period (no opportunity after it), are left out and counted. Both ends must be the last day of their period,
 * so that every opportunity is whole.
 *
 * <p>Immutable once built; not meant to be shared between threads.
 */
final class Opportunities {
  /** The calendar period that makes one opportunity. */
  enum Unit {
    DAY, WEEK, MONTH, YEAR;

    /** The unit of {@code --time-unit}. */
    static Unit of(String name) {
      return Unit.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The period holding a day: consecutive numbers for consecutive periods. */
    long period(long epochDay) {
      return switch (this) {
        case DAY -> epochDay;
        case WEEK -> Math.floorDiv(epochDay - 4, 7); // 1970-01-05, epoch day 4, was a Monday
        case MONTH -> {
          LocalDate d = LocalDate.ofEpochDay(epochDay);
          yield d.getYear() * 12L + d.getMonthValue() - 1;
        }
        case YEAR -> LocalDate.ofEpochDay(epochDay).getYear();
      };
    }

    /** The last day of a period. */
    LocalDate lastDay(long period) {
      return switch (this) {
        case DAY -> LocalDate.ofEpochDay(period);
        case WEEK -> LocalDate.ofEpochDay(period * 7 + 4 + 6);
        case MONTH -> LocalDate.of((int) Math.floorDiv(period, 12), Math.floorMod(period, 12) + 1, 1)
            .plusMonths(1).minusDays(1);
        case YEAR -> LocalDate.of((int) period, 12, 31);
      };
    }

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  final Unit unit;
  final String[] ids;
  final int[] x;
  final int[] tx;
  final int[] n;
  /** Mean spend per calibration opportunity with a purchase (the amounts of its periods summed), 0 when none. */
  final double[] monetary;
  /** Holdout opportunities with a purchase per customer, or null without an observation end. */
  final int[] holdoutX;
  /** Holdout opportunities (the same for every customer), 0 without an observation end. */
  final int holdoutN;
  final long calibrationPeriod;
  final long endPeriod;
  /** The earliest birth period of the customers kept. */
  final long firstBirth;
  /** Customers kept by birth period, from {@link #firstBirth} to the period before the calibration end's. */
  final long[] births;
  /** Per period after {@link #firstBirth} up to {@link #endPeriod}: customers kept with a repeat purchase in it. */
  final long[] repeatBuyers;
  final int noPurchase;
  final int bornLast;

  private Opportunities(Unit unit, String[] ids, int[] x, int[] tx, int[] n, double[] monetary, int[] holdoutX,
      int holdoutN, long calibrationPeriod, long endPeriod, long firstBirth, long[] births, long[] repeatBuyers,
      int noPurchase, int bornLast) {
    this.unit = unit;
    this.ids = ids;
    this.x = x;
    this.tx = tx;
    this.n = n;
    this.monetary = monetary;
    this.holdoutX = holdoutX;
    this.holdoutN = holdoutN;
    this.calibrationPeriod = calibrationPeriod;
    this.endPeriod = endPeriod;
    this.firstBirth = firstBirth;
    this.births = births;
    this.repeatBuyers = repeatBuyers;
    this.noPurchase = noPurchase;
    this.bornLast = bornLast;
  }

  /** Whether a day is the last of its period. */
  static boolean endsPeriod(Unit unit, LocalDate day) {
    return unit.period(day.toEpochDay() + 1) != unit.period(day.toEpochDay());
  }

  /**
   * Checks that the ends are whole periods, the holdout after the calibration.
   *
   * @throws IllegalArgumentException naming the option otherwise
   */
  static void checkEnds(Unit unit, LocalDate calibrationEnd, LocalDate observationEnd) {
    if (!endsPeriod(unit, calibrationEnd)) {
      throw new IllegalArgumentException("--calibration-end must be the last day of a " + unit.label()
          + " for bg-bb (each opportunity is a whole " + unit.label() + "), was " + calibrationEnd);
    }
    if (observationEnd != null) {
      if (!endsPeriod(unit, observationEnd)) {
        throw new IllegalArgumentException("--observation-end must be the last day of a " + unit.label()
            + " for bg-bb, was " + observationEnd);
      }
      if (unit.period(observationEnd.toEpochDay()) <= unit.period(calibrationEnd.toEpochDay())) {
        throw new IllegalArgumentException("--observation-end must be in a " + unit.label() + " after "
            + "--calibration-end, was " + observationEnd);
      }
    }
  }

  /**
   * The opportunities of the transactions' customers.
   *
   * @param t the transactions
   * @param unit the period of one opportunity
   * @param calibrationEnd the last day of the calibration (inclusive), the last day of a period
   * @param observationEnd the last day of the holdout (inclusive), the last day of a later period, or null
   * @throws IllegalArgumentException naming the option if an end is not the last day of its period, or the holdout
   *     does not end after the calibration
   */
  static Opportunities of(TransactionColumns t, Unit unit, LocalDate calibrationEnd, LocalDate observationEnd) {
    checkEnds(unit, calibrationEnd, observationEnd);
    long calibrationPeriod = unit.period(calibrationEnd.toEpochDay());
    long endPeriod = observationEnd == null ? calibrationPeriod : unit.period(observationEnd.toEpochDay());
    long endDay = unit.lastDay(endPeriod).toEpochDay();
    int rows = t.size();
    long lowest = endPeriod;
    long[] periodOf = new long[rows]; // each row's period, computed once (a month or year takes a calendar date)
    for (int i = 0; i < rows; i++) {
      periodOf[i] = unit.period(t.day(i));
      if (t.day(i) <= endDay) {
        lowest = Math.min(lowest, periodOf[i]);
      }
    }
    // one key per row up to the end: customer in the high half, period (from the lowest) in the low half
    long[] keys = new long[rows];
    int k = 0;
    for (int i = 0; i < rows; i++) {
      if (t.day(i) <= endDay) {
        keys[k++] = ((long) t.customer(i) << 32) | (periodOf[i] - lowest);
      }
    }
    Arrays.sort(keys, 0, k);
    int customers = t.customerCount();
    long[] birth = new long[customers];
    Arrays.fill(birth, Long.MAX_VALUE);
    int[] row = new int[customers];
    Arrays.fill(row, -1);
    int span = (int) (endPeriod - lowest + 1);
    long[] born = new long[span];
    long[] buyers = new long[span];
    String[] ids = new String[customers];
    int[] x = new int[customers];
    int[] tx = new int[customers];
    int[] n = new int[customers];
    int[] hx = observationEnd == null ? null : new int[customers];
    int included = 0;
    int bornLast = 0;
    long earliest = Long.MAX_VALUE;
    int at = 0;
    while (at < k) {
      int c = (int) (keys[at] >>> 32);
      long first = (keys[at] & 0xffffffffL) + lowest;
      int to = at;
      while (to < k && (int) (keys[to] >>> 32) == c) {
        to++;
      }
      if (first == calibrationPeriod) {
        bornLast++;
      } else if (first < calibrationPeriod) {
        int r = included++;
        row[c] = r;
        birth[c] = first;
        ids[r] = t.customerId(c);
        n[r] = (int) (calibrationPeriod - first);
        born[(int) (first - lowest)]++;
        earliest = Math.min(earliest, first);
        long previous = first;
        for (int j = at + 1; j < to; j++) {
          long p = (keys[j] & 0xffffffffL) + lowest;
          if (p == previous) {
            continue; // another transaction in the same period: the same opportunity
          }
          previous = p;
          buyers[(int) (p - lowest)]++;
          if (p <= calibrationPeriod) {
            x[r]++;
            tx[r] = (int) (p - first);
          } else {
            hx[r]++;
          }
        }
      }
      at = to;
    }
    double[] monetary = new double[included];
    long calibrationEndDay = calibrationEnd.toEpochDay();
    for (int i = 0; i < rows; i++) {
      int c = t.customer(i);
      if (row[c] >= 0 && t.day(i) <= calibrationEndDay && periodOf[i] > birth[c]) {
        monetary[row[c]] += t.amount(i);
      }
    }
    for (int r = 0; r < included; r++) {
      monetary[r] = x[r] == 0 ? 0.0 : monetary[r] / x[r];
    }
    long firstBirth = included == 0 ? calibrationPeriod : earliest;
    int from = (int) (firstBirth - lowest);
    long[] births = included == 0 ? new long[0] : Arrays.copyOfRange(born, from, (int) (calibrationPeriod - lowest));
    long[] repeatBuyers = included == 0 ? new long[0] : Arrays.copyOfRange(buyers, from + 1, span);
    return new Opportunities(unit, Arrays.copyOf(ids, included), Arrays.copyOf(x, included),
        Arrays.copyOf(tx, included), Arrays.copyOf(n, included), monetary,
        hx == null ? null : Arrays.copyOf(hx, included), (int) (endPeriod - calibrationPeriod), calibrationPeriod,
        endPeriod, firstBirth, births, repeatBuyers, customers - included - bornLast, bornLast);
  }

  int size() {
    return ids.length;
  }
}
