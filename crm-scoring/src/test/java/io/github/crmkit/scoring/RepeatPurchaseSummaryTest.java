package io.github.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.TransactionKind;
import io.github.crmkit.scoring.RepeatPurchaseOptions.Period;
import io.github.crmkit.scoring.RepeatPurchaseOptions.Unit;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Hand-computed examples; the expected values are worked out in the comments. */
class RepeatPurchaseSummaryTest {
  private static int day(String iso) {
    return (int) LocalDate.parse(iso).toEpochDay();
  }

  /** One customer "c": 01-01 10 + 5, 01-03 20 + 4, 01-10 6, 01-20 100; rows deliberately out of time order. */
  private static TransactionColumns january() {
    TransactionColumns.Builder b = TransactionColumns.builder(6);
    b.add("c", day("2024-01-10"), 6);
    b.add("c", day("2024-01-03"), 20);
    b.add("c", day("2024-01-01"), 10);
    b.add("c", day("2024-01-20"), 100);
    b.add("c", day("2024-01-03"), 4);
    b.add("c", day("2024-01-01"), 5);
    return b.build();
  }

  @Test
  void samePeriodPurchasesMergeAndTheFirstPeriodIsNotInTheMean() {
    RepeatPurchaseSummary s = RepeatPurchaseSummary.of(january(), LocalDate.parse("2024-01-31"));
    // periods 01-01, 01-03, 01-10, 01-20: 4 periods, 3 repeats
    assertThat(s.frequency(0)).isEqualTo(3);
    assertThat(s.recency(0)).isEqualTo(19.0); // 01-01 .. 01-20
    assertThat(s.age(0)).isEqualTo(30.0); // 01-01 .. 01-31
    // repeat periods 24, 6, 100; the first period's 15 is left out
    assertThat(s.monetaryValue(0)).isEqualTo((24 + 6 + 100) / 3.0);
    assertThat(s.rowsCounted()).isEqualTo(6);
    assertThat(s.rowsAfterEnd()).isZero();
  }

  @Test
  void rowsAfterTheObservationEndAreIgnoredAndCounted() {
    RepeatPurchaseSummary s = RepeatPurchaseSummary.of(january(), LocalDate.parse("2024-01-10"));
    // periods 01-01, 01-03, 01-10; the 01-20 row is after the end
    assertThat(s.frequency(0)).isEqualTo(2);
    assertThat(s.recency(0)).isEqualTo(9.0);
    assertThat(s.age(0)).isEqualTo(9.0);
    assertThat(s.monetaryValue(0)).isEqualTo(15.0); // (24 + 6) / 2
    assertThat(s.rowsAfterEnd()).isEqualTo(1);
    assertThat(s.rowsCounted()).isEqualTo(5);
    assertThat(s.observationEnd()).isEqualTo(LocalDate.parse("2024-01-10"));
  }

  @Test
  void aSinglePurchasePeriodHasFrequencyRecencyAndMonetaryValueZero() {
    RepeatPurchaseSummary s = RepeatPurchaseSummary.of(january(), LocalDate.parse("2024-01-02"));
    assertThat(s.frequency(0)).isZero();
    assertThat(s.recency(0)).isZero();
    assertThat(s.age(0)).isEqualTo(1.0);
    assertThat(s.monetaryValue(0)).isZero();
  }

  /** 2024-01-29 (Monday), 02-02 (Friday), 02-05 (Monday), 03-01 (Friday); end 03-10 (Sunday). */
  private static TransactionColumns acrossWeeksAndMonths() {
    TransactionColumns.Builder b = TransactionColumns.builder(4);
    b.add("c", day("2024-03-01"), 40);
    b.add("c", day("2024-01-29"), 10);
    b.add("c", day("2024-02-05"), 30);
    b.add("c", day("2024-02-02"), 20);
    return b.build();
  }

  private static final LocalDate MARCH_10 = LocalDate.parse("2024-03-10");

  @Test
  void dailyPeriodsInWeeksAreDaysDividedBySeven() {
    RepeatPurchaseSummary s = RepeatPurchaseSummary.of(acrossWeeksAndMonths(), MARCH_10,
        new RepeatPurchaseOptions(Period.DAY, Unit.WEEKS));
    assertThat(s.frequency(0)).isEqualTo(3);
    assertThat(s.recency(0)).isEqualTo(32 / 7.0); // 01-29 .. 03-01 = 32 days
    assertThat(s.age(0)).isEqualTo(41 / 7.0); // 01-29 .. 03-10 = 41 days
    assertThat(s.monetaryValue(0)).isEqualTo(30.0); // (20 + 30 + 40) / 3
  }

  @Test
  void isoWeeksMergeMondayToSunday() {
    RepeatPurchaseSummary s = RepeatPurchaseSummary.of(acrossWeeksAndMonths(), MARCH_10,
        RepeatPurchaseOptions.of(Period.WEEK));
    // weeks of 01-29 (01-29 and 02-02), of 02-05, of 02-26 (03-01); the end falls in the week of 03-04
    assertThat(s.frequency(0)).isEqualTo(2);
    assertThat(s.recency(0)).isEqualTo(4.0); // 01-29 .. 02-26
    assertThat(s.age(0)).isEqualTo(5.0); // 01-29 .. 03-04
    assertThat(s.monetaryValue(0)).isEqualTo(35.0); // (30 + 40) / 2, the first week's 10 + 20 left out
    RepeatPurchaseSummary inDays = RepeatPurchaseSummary.of(acrossWeeksAndMonths(), MARCH_10,
        new RepeatPurchaseOptions(Period.WEEK, Unit.DAYS));
    assertThat(inDays.recency(0)).isEqualTo(28.0);
    assertThat(inDays.age(0)).isEqualTo(35.0);
  }

  @Test
  void aWeekStartsOnMonday() {
    // Sunday 2024-02-04 and Monday 2024-02-05 are in different ISO weeks; Monday and Sunday 02-11 in the same
    TransactionColumns.Builder b = TransactionColumns.builder(3);
    b.add("c", day("2024-02-04"), 1);
    b.add("c", day("2024-02-05"), 1);
    b.add("c", day("2024-02-11"), 1);
    RepeatPurchaseSummary s = RepeatPurchaseSummary.of(b.build(), LocalDate.parse("2024-02-11"),
        RepeatPurchaseOptions.of(Period.WEEK));
    assertThat(s.frequency(0)).isEqualTo(1);
    assertThat(s.recency(0)).isEqualTo(1.0);
  }

  @Test
  void calendarMonthsMergeAMonthAndCountWholeMonths() {
    RepeatPurchaseSummary s = RepeatPurchaseSummary.of(acrossWeeksAndMonths(), MARCH_10,
        RepeatPurchaseOptions.of(Period.MONTH));
    // January (01-29), February (02-02, 02-05), March (03-01); the end is in March
    assertThat(s.frequency(0)).isEqualTo(2);
    assertThat(s.recency(0)).isEqualTo(2.0);
    assertThat(s.age(0)).isEqualTo(2.0);
    assertThat(s.monetaryValue(0)).isEqualTo(45.0); // (20 + 30 + 40) / 2
    RepeatPurchaseSummary inDays = RepeatPurchaseSummary.of(acrossWeeksAndMonths(), MARCH_10,
        new RepeatPurchaseOptions(Period.MONTH, Unit.DAYS));
    assertThat(inDays.recency(0)).isEqualTo(60.0); // 01-01 .. 03-01 in a leap year: 31 + 29
    RepeatPurchaseSummary inWeeks = RepeatPurchaseSummary.of(acrossWeeksAndMonths(), MARCH_10,
        new RepeatPurchaseOptions(Period.MONTH, Unit.WEEKS));
    assertThat(inWeeks.age(0)).isEqualTo(60 / 7.0);
  }

  @Test
  void monthsAcrossAYearEnd() {
    TransactionColumns.Builder b = TransactionColumns.builder(2);
    b.add("c", day("2023-11-30"), 1);
    b.add("c", day("2024-02-01"), 1);
    RepeatPurchaseSummary s = RepeatPurchaseSummary.of(b.build(), LocalDate.parse("2024-05-31"),
        RepeatPurchaseOptions.of(Period.MONTH));
    assertThat(s.recency(0)).isEqualTo(3.0); // November .. February
    assertThat(s.age(0)).isEqualTo(6.0); // November .. May
  }

  /**
   * 01-01 sale 10; 01-05 sale 30 and return 10 (net 20); 01-07 return 5 alone; 01-09 sale 8 and cancellation 8 (net
   * 0); customer "r" has only a return.
   */
  private static TransactionColumns withReturns() {
    TransactionColumns.Builder b = TransactionColumns.builder(8);
    b.add("c", day("2024-01-09"), 8, null, TransactionKind.CANCELLATION);
    b.add("c", day("2024-01-01"), 10);
    b.add("c", day("2024-01-05"), 30);
    b.add("r", day("2024-01-03"), 12, null, TransactionKind.RETURN);
    b.add("c", day("2024-01-05"), 10, null, TransactionKind.RETURN);
    b.add("c", day("2024-01-07"), 5, null, TransactionKind.RETURN);
    b.add("c", day("2024-01-09"), 8);
    return b.build();
  }

  @Test
  void returnsSubtractFromTheirPeriodAndOnlyPeriodsWithASaleArePurchases() {
    RepeatPurchaseSummary s = RepeatPurchaseSummary.of(withReturns(), LocalDate.parse("2024-01-31"));
    // purchase periods 01-01, 01-05, 01-09 (net 0 still counts); 01-07 has no sale
    assertThat(s.frequency(0)).isEqualTo(2);
    assertThat(s.recency(0)).isEqualTo(8.0);
    assertThat(s.monetaryValue(0)).isEqualTo(10.0); // (20 + 0) / 2
    // the lone return of c and the return of r enter nothing
    assertThat(s.reversalsOutsidePurchasePeriods()).isEqualTo(2);
    assertThat(s.rowsCounted()).isEqualTo(5);
  }

  @Test
  void customersWithoutASaleUpToTheEndAreExcludedAndCounted() {
    TransactionColumns.Builder b = TransactionColumns.builder(3);
    b.add("late", day("2024-02-15"), 50);
    b.add("c", day("2024-01-01"), 10);
    b.add("r", day("2024-01-03"), 12, null, TransactionKind.RETURN);
    RepeatPurchaseSummary s = RepeatPurchaseSummary.of(b.build(), LocalDate.parse("2024-01-31"));
    assertThat(s.customerCount()).isEqualTo(3);
    assertThat(s.includedCount()).isEqualTo(1);
    assertThat(s.excludedCount()).isEqualTo(2);
    assertThat(s.isIncluded(0)).isFalse();
    assertThat(s.isIncluded(1)).isTrue();
    assertThat(s.isIncluded(2)).isFalse();
    assertThatThrownBy(() -> s.frequency(0)).isInstanceOf(IllegalStateException.class)
        .hasMessage("customer key 0 has no purchase up to 2024-01-31, so it is not in the summary");
    assertThatThrownBy(() -> s.recency(2)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> s.entry(2)).isInstanceOf(IllegalStateException.class);
    assertThat(s.frequencies()).containsExactly(RepeatPurchaseSummary.EXCLUDED, 0, RepeatPurchaseSummary.EXCLUDED);
    assertThat(s.recencies()[0]).isNaN();
    assertThat(s.ages()[2]).isNaN();
    assertThat(s.monetaryValues()[0]).isNaN();
    assertThat(s.ages()[1]).isEqualTo(30.0);
    assertThat(s.entries()).containsExactly(new RepeatPurchaseSummary.Entry("c", 0, 0.0, 30.0, 0.0));
    assertThat(s.rowsCounted()).isEqualTo(1);
    assertThat(s.reversalsOutsidePurchasePeriods()).isEqualTo(1);
    assertThat(s.rowsAfterEnd()).isEqualTo(1);
  }

  @Test
  void columnsAreCopiesAndAgreeWithTheAccessors() {
    RepeatPurchaseSummary s = RepeatPurchaseSummary.of(january(), LocalDate.parse("2024-01-31"));
    int[] frequencies = s.frequencies();
    frequencies[0] = 99;
    assertThat(s.frequency(0)).isEqualTo(3);
    assertThat(s.entry(0)).isEqualTo(new RepeatPurchaseSummary.Entry("c", 3, 19.0, 30.0, 130 / 3.0));
    assertThat(s.customerId(0)).isEqualTo("c");
    assertThat(s.options()).isEqualTo(RepeatPurchaseOptions.ofDefaults());
  }

  @Test
  void noRowsAtAllGiveAnEmptySummary() {
    TransactionColumns empty = TransactionColumns.builder(0).build();
    RepeatPurchaseSummary s = RepeatPurchaseSummary.of(empty, LocalDate.parse("2024-01-31"));
    assertThat(s.customerCount()).isZero();
    assertThat(s.entries()).isEmpty();
  }

  @Test
  void argumentsAreChecked() {
    assertThatThrownBy(() -> RepeatPurchaseSummary.of(null, LocalDate.EPOCH))
        .isInstanceOf(NullPointerException.class).hasMessage("columns");
    assertThatThrownBy(() -> RepeatPurchaseSummary.of(january(), null))
        .isInstanceOf(NullPointerException.class).hasMessage("observationEnd");
    assertThatThrownBy(() -> RepeatPurchaseSummary.of(january(), LocalDate.EPOCH, null))
        .isInstanceOf(NullPointerException.class).hasMessage("options");
    assertThatThrownBy(() -> RepeatPurchaseSummary.of(january(), LocalDate.MAX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("observationEnd must be within the int range of epoch days, was +999999999-12-31");
  }

  @Test
  void aPeriodRangeTooLargeForTheStampsIsRefused() {
    TransactionColumns columns = TransactionColumns.of(new int[] {0, 0}, new int[] {-40_000_000, 0},
        new double[] {1, 1}, new String[] {"c"});
    assertThatThrownBy(() -> RepeatPurchaseSummary.of(columns, LocalDate.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the transactions up to the observation end must span at most 33554432 periods, spanned 40000001");
    // in months the same rows span little
    assertThat(RepeatPurchaseSummary.of(columns, LocalDate.EPOCH, RepeatPurchaseOptions.of(Period.MONTH))
        .frequency(0)).isEqualTo(1);
  }
}
