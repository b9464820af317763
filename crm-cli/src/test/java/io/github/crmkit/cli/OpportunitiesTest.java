package io.github.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.scoring.TransactionColumns;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OpportunitiesTest {
  private static int day(String date) {
    return (int) LocalDate.parse(date).toEpochDay();
  }

  @Test
  void eachPeriodIsOneOpportunityCountedFromTheFirstPurchase() {
    // a: 2020 (twice), 2022 (twice, 5 + 7), holdout 2024; b: first purchase in the calibration end's year;
    // c: holdout only; d: 2021 only
    TransactionColumns t = TransactionColumns.of(
        new int[] {0, 0, 0, 0, 0, 1, 2, 3},
        new int[] {day("2020-03-01"), day("2020-05-01"), day("2022-01-10"), day("2022-12-31"), day("2024-06-01"),
            day("2023-02-01"), day("2024-02-01"), day("2021-02-02")},
        new double[] {1, 2, 5, 7, 11, 13, 17, 19},
        new String[] {"a", "b", "c", "d"});
    Opportunities o = Opportunities.of(t, Opportunities.Unit.YEAR, LocalDate.parse("2023-12-31"),
        LocalDate.parse("2024-12-31"));
    assertThat(o.ids).containsExactly("a", "d");
    assertThat(o.n).containsExactly(3, 2);
    assertThat(o.x).containsExactly(1, 0);
    assertThat(o.tx).containsExactly(2, 0);
    assertThat(o.holdoutX).containsExactly(1, 0);
    assertThat(o.holdoutN).isEqualTo(1);
    assertThat(o.monetary).containsExactly(12.0, 0.0); // 2022's two purchases make one opportunity's spend
    assertThat(o.bornLast).isEqualTo(1);
    assertThat(o.noPurchase).isEqualTo(1);
    assertThat(o.firstBirth).isEqualTo(2020);
    assertThat(o.births).containsExactly(1, 1, 0); // born in 2020, 2021, 2022
    assertThat(o.repeatBuyers).containsExactly(0, 1, 0, 1); // repeat purchases in 2021, 2022, 2023, 2024

    Opportunities calibrationOnly = Opportunities.of(t, Opportunities.Unit.YEAR, LocalDate.parse("2023-12-31"),
        null);
    assertThat(calibrationOnly.holdoutX).isNull();
    assertThat(calibrationOnly.x).containsExactly(1, 0);
    assertThat(calibrationOnly.repeatBuyers).containsExactly(0, 1, 0);
  }

  @Test
  void weeksStartOnMondayAndMonthsEndOnTheirLastDay() {
    Opportunities.Unit week = Opportunities.Unit.WEEK;
    // 2026-11-29 is a Sunday, 2026-11-30 a Monday
    assertThat(week.period(LocalDate.parse("2026-11-30").toEpochDay()))
        .isEqualTo(week.period(LocalDate.parse("2026-11-29").toEpochDay()) + 1);
    assertThat(week.lastDay(week.period(LocalDate.parse("2026-11-30").toEpochDay())))
        .isEqualTo(LocalDate.parse("2026-12-06"));
    assertThat(Opportunities.endsPeriod(week, LocalDate.parse("2026-11-29"))).isTrue();
    assertThat(Opportunities.endsPeriod(week, LocalDate.parse("2026-11-30"))).isFalse();
    Opportunities.Unit month = Opportunities.Unit.MONTH;
    assertThat(month.lastDay(month.period(LocalDate.parse("2024-02-10").toEpochDay())))
        .isEqualTo(LocalDate.parse("2024-02-29"));
    assertThat(month.period(LocalDate.parse("2024-01-01").toEpochDay()))
        .isEqualTo(month.period(LocalDate.parse("2023-12-31").toEpochDay()) + 1);
    assertThat(month.lastDay(month.period(LocalDate.parse("1969-12-05").toEpochDay())))
        .isEqualTo(LocalDate.parse("1969-12-31"));
    assertThat(week.lastDay(week.period(LocalDate.parse("1969-12-31").toEpochDay())))
        .isEqualTo(LocalDate.parse("1970-01-04"));
  }

  @Test
  void endsThatAreNotWholePeriodsAreNamed() {
    TransactionColumns t = TransactionColumns.of(new int[] {0}, new int[] {day("2020-01-01")}, new double[] {1},
        new String[] {"a"});
    assertThatThrownBy(() -> Opportunities.of(t, Opportunities.Unit.YEAR, LocalDate.parse("2023-12-30"), null))
        .hasMessageContaining("--calibration-end must be the last day of a year");
    assertThatThrownBy(() -> Opportunities.of(t, Opportunities.Unit.MONTH, LocalDate.parse("2023-12-31"),
        LocalDate.parse("2024-02-28"))).hasMessageContaining("--observation-end must be the last day of a month");
    assertThatThrownBy(() -> Opportunities.of(t, Opportunities.Unit.DAY, LocalDate.parse("2023-12-31"),
        LocalDate.parse("2023-12-31"))).hasMessageContaining("--observation-end must be in a day after");
  }
}
