package io.github.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.crmkit.model.TransactionKind;
import io.github.crmkit.scoring.RepeatPurchaseOptions.Period;
import io.github.crmkit.scoring.RepeatPurchaseOptions.Unit;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The calendar arithmetic against java.time, and both summaries on seeded random data against a deliberately naive
 * reference written here with java.time and sorted maps.
 */
class PurchasePeriodScanTest {
  @Test
  void monthIndexAndMonthStartAgreeWithJavaTime() {
    LocalDate epoch = LocalDate.of(1970, 1, 1);
    for (long d = -800_000; d <= 800_000; d += 1) { // about 1,160 BC to AD 4,160, every day
      LocalDate date = LocalDate.ofEpochDay(d);
      int month = PurchasePeriodScan.monthIndex((int) d);
      assertThat((long) month).as("month of %s", date)
          .isEqualTo(ChronoUnit.MONTHS.between(epoch.withDayOfMonth(1), date.withDayOfMonth(1)));
      if (date.getDayOfMonth() == 1) {
        assertThat(PurchasePeriodScan.monthStartDay(month)).as("start of %s", date).isEqualTo(d);
      }
    }
    for (int d : new int[] {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -1, 0, Integer.MAX_VALUE}) {
      LocalDate date = LocalDate.ofEpochDay(d);
      int month = PurchasePeriodScan.monthIndex(d);
      assertThat((long) month).isEqualTo(ChronoUnit.MONTHS.between(epoch, date.withDayOfMonth(1)));
      assertThat(PurchasePeriodScan.monthStartDay(month)).isEqualTo(date.withDayOfMonth(1).toEpochDay());
    }
  }

  @Test
  void weeksStartOnMondayAcrossTheEpoch() {
    for (int d = -1_000; d <= 1_000; d++) {
      LocalDate date = LocalDate.ofEpochDay(d);
      LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      int week = PurchasePeriodScan.period(1, d);
      assertThat(PurchasePeriodScan.startDay(1, week)).as("week of %s", date).isEqualTo(monday.toEpochDay());
    }
  }

  private record Row(String customer, LocalDate day, double amount, boolean sale) {}

  private static List<Row> randomRows(long seed, int customers, int rows) {
    Random random = new Random(seed);
    LocalDate start = LocalDate.of(2023, 11, 20);
    List<Row> list = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      String customer = "c" + random.nextInt(customers);
      LocalDate day = start.plusDays(random.nextInt(400));
      double amount = random.nextInt(10_000) / 100.0;
      list.add(new Row(customer, day, amount, random.nextInt(5) != 0));
    }
    return list;
  }

  private static TransactionColumns columnsOf(List<Row> rows) {
    TransactionColumns.Builder b = TransactionColumns.builder(rows.size());
    for (Row r : rows) {
      b.add(r.customer(), (int) r.day().toEpochDay(), r.amount(), null,
          r.sale() ? TransactionKind.SALE : TransactionKind.RETURN);
    }
    return b.build();
  }

  private static LocalDate periodStart(Period period, LocalDate day) {
    return switch (period) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  private static double duration(RepeatPurchaseOptions options, LocalDate from, LocalDate to) {
    return switch (options.unit()) {
      case DAYS -> ChronoUnit.DAYS.between(from, to);
      case WEEKS -> ChronoUnit.DAYS.between(from, to) / 7.0;
      case MONTHS -> ChronoUnit.MONTHS.between(from, to);
    };
  }

  /** Per customer: period start -> {has sale (1/0), net value}, for rows in (after, until]. */
  private static Map<String, TreeMap<LocalDate, double[]>> periods(List<Row> rows, Period period, LocalDate after,
      LocalDate until) {
    Map<String, TreeMap<LocalDate, double[]>> byCustomer = new TreeMap<>();
    for (Row r : rows) {
      if ((after == null || r.day().isAfter(after)) && !r.day().isAfter(until)) {
        double[] p = byCustomer.computeIfAbsent(r.customer(), k -> new TreeMap<>())
            .computeIfAbsent(periodStart(period, r.day()), k -> new double[2]);
        if (r.sale()) {
          p[0] = 1;
        }
        p[1] += r.sale() ? r.amount() : -r.amount();
      }
    }
    for (TreeMap<LocalDate, double[]> p : byCustomer.values()) {
      p.values().removeIf(v -> v[0] == 0);
    }
    byCustomer.values().removeIf(Map::isEmpty);
    return byCustomer;
  }

  @Test
  void summaryAgreesWithANaiveReferenceOnRandomData() {
    RepeatPurchaseOptions[] all = {RepeatPurchaseOptions.ofDefaults(), new RepeatPurchaseOptions(Period.DAY,
        Unit.WEEKS), RepeatPurchaseOptions.of(Period.WEEK), RepeatPurchaseOptions.of(Period.MONTH),
        new RepeatPurchaseOptions(Period.MONTH, Unit.DAYS)};
    LocalDate end = LocalDate.of(2024, 9, 15);
    for (long seed = 1; seed <= 6; seed++) {
      List<Row> rows = randomRows(seed, 300, 2_500);
      TransactionColumns columns = columnsOf(rows);
      for (RepeatPurchaseOptions options : all) {
        RepeatPurchaseSummary s = RepeatPurchaseSummary.of(columns, end, options);
        Map<String, TreeMap<LocalDate, double[]>> expected = periods(rows, options.period(), null, end);
        assertThat(s.includedCount()).isEqualTo(expected.size());
        for (int k = 0; k < s.customerCount(); k++) {
          TreeMap<LocalDate, double[]> p = expected.get(s.customerId(k));
          assertThat(s.isIncluded(k)).isEqualTo(p != null);
          if (p == null) {
            continue;
          }
          String what = "seed " + seed + ", " + options + ", customer " + s.customerId(k);
          assertThat(s.frequency(k)).as(what).isEqualTo(p.size() - 1);
          assertThat(s.recency(k)).as(what).isEqualTo(duration(options, p.firstKey(), p.lastKey()));
          assertThat(s.age(k)).as(what).isEqualTo(duration(options, p.firstKey(),
              periodStart(options.period(), end)));
          double repeatValue = 0;
          for (double[] v : p.tailMap(p.firstKey(), false).values()) {
            repeatValue += v[1];
          }
          assertThat(s.monetaryValue(k)).as(what)
              .isCloseTo(p.size() == 1 ? 0 : repeatValue / (p.size() - 1), within(1e-9));
        }
        assertThat(s.rowsCounted() + s.reversalsOutsidePurchasePeriods() + s.rowsAfterEnd())
            .isEqualTo(rows.size());
      }
    }
  }

  @Test
  void holdoutAgreesWithANaiveReferenceOnRandomData() {
    LocalDate calibrationEnd = LocalDate.of(2024, 5, 8);
    LocalDate end = LocalDate.of(2024, 10, 31);
    for (long seed = 11; seed <= 14; seed++) {
      List<Row> rows = randomRows(seed, 400, 1_500);
      TransactionColumns columns = columnsOf(rows);
      for (Period period : Period.values()) {
        RepeatPurchaseOptions options = RepeatPurchaseOptions.of(period);
        CalibrationHoldoutSummary s = CalibrationHoldoutSummary.of(columns, calibrationEnd, end, options);
        Map<String, TreeMap<LocalDate, double[]>> calibration = periods(rows, period, null, calibrationEnd);
        Map<String, TreeMap<LocalDate, double[]>> holdout = periods(rows, period, calibrationEnd, end);
        int firstSeenInHoldout = 0;
        for (String id : holdout.keySet()) {
          if (!calibration.containsKey(id)) {
            firstSeenInHoldout++;
          }
        }
        assertThat(s.firstSeenInHoldoutCount()).isEqualTo(firstSeenInHoldout);
        assertThat(s.holdoutDuration()).isEqualTo(duration(options, periodStart(period, calibrationEnd),
            periodStart(period, end)));
        for (int k = 0; k < columns.customerCount(); k++) {
          String id = columns.customerId(k);
          assertThat(s.calibration().isIncluded(k)).isEqualTo(calibration.containsKey(id));
          if (!calibration.containsKey(id)) {
            continue;
          }
          TreeMap<LocalDate, double[]> p = holdout.getOrDefault(id, new TreeMap<>());
          double value = 0;
          for (double[] v : p.values()) {
            value += v[1];
          }
          String what = "seed " + seed + ", " + period + ", customer " + id;
          assertThat(s.holdoutFrequency(k)).as(what).isEqualTo(p.size());
          assertThat(s.holdoutMonetaryValue(k)).as(what).isCloseTo(p.isEmpty() ? 0 : value / p.size(),
              within(1e-9));
        }
        assertThat(s.calibration().rowsCounted() + s.calibration().reversalsOutsidePurchasePeriods()
            + s.holdoutRowsCounted() + s.holdoutReversalsOutsidePurchasePeriods()
            + s.holdoutRowsOfExcludedCustomers() + s.rowsAfterObservationEnd()).isEqualTo(rows.size());
      }
    }
  }
}
