package io.github.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.TransactionKind;
import io.github.crmkit.scoring.RepeatPurchaseOptions.Period;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Hand-computed examples; calibration to 2024-01-10, holdout to 2024-01-31 unless said otherwise. */
class CalibrationHoldoutSummaryTest {
  private static final LocalDate JAN_10 = LocalDate.parse("2024-01-10");
  private static final LocalDate JAN_31 = LocalDate.parse("2024-01-31");

  private static int day(String iso) {
    return (int) LocalDate.parse(iso).toEpochDay();
  }

  /**
   * a: 01-01 10, 01-05 20 | holdout 01-12 30 + 5, 01-15 return 7 alone, 01-20 40 | 02-02 99 after the end.
   * b: first seen 01-15 (holdout). c: 01-02 only. d: nothing but a return on 01-04 and a sale after the end.
   */
  private static TransactionColumns columns() {
    TransactionColumns.Builder b = TransactionColumns.builder(12);
    b.add("a", day("2024-01-20"), 40);
    b.add("b", day("2024-01-15"), 25);
    b.add("a", day("2024-01-12"), 30);
    b.add("a", day("2024-01-01"), 10);
    b.add("c", day("2024-01-02"), 8);
    b.add("a", day("2024-02-02"), 99);
    b.add("a", day("2024-01-15"), 7, null, TransactionKind.RETURN);
    b.add("a", day("2024-01-05"), 20);
    b.add("d", day("2024-01-04"), 3, null, TransactionKind.RETURN);
    b.add("a", day("2024-01-12"), 5);
    b.add("d", day("2024-03-01"), 3);
    return b.build();
  }

  @Test
  void calibrationIsTheSummaryUpToTheCalibrationEnd() {
    CalibrationHoldoutSummary s =
        CalibrationHoldoutSummary.of(columns(), JAN_10, JAN_31, RepeatPurchaseOptions.ofDefaults());
    RepeatPurchaseSummary cal = s.calibration();
    assertThat(cal.observationEnd()).isEqualTo(JAN_10);
    assertThat(s.calibrationEnd()).isEqualTo(JAN_10);
    assertThat(s.observationEnd()).isEqualTo(JAN_31);
    assertThat(cal.entry(0)).isEqualTo(new RepeatPurchaseSummary.Entry("a", 1, 4.0, 9.0, 20.0));
    assertThat(cal.entry(2)).isEqualTo(new RepeatPurchaseSummary.Entry("c", 0, 0.0, 8.0, 0.0));
    assertThat(cal.entries()).isEqualTo(RepeatPurchaseSummary.of(columns(), JAN_10).entries());
  }

  @Test
  void holdoutCountsDistinctPeriodsWithASaleAndAveragesTheirNetValue() {
    CalibrationHoldoutSummary s =
        CalibrationHoldoutSummary.of(columns(), JAN_10, JAN_31, RepeatPurchaseOptions.ofDefaults());
    // a: holdout periods 01-12 (35) and 01-20 (40); the lone return on 01-15 is no purchase; 02-02 is after the end
    assertThat(s.holdoutFrequency(0)).isEqualTo(2);
    assertThat(s.holdoutMonetaryValue(0)).isEqualTo(37.5);
    assertThat(s.holdoutFrequency(2)).isZero();
    assertThat(s.holdoutMonetaryValue(2)).isZero();
    assertThat(s.holdoutDuration()).isEqualTo(21.0);
    assertThat(s.entry(0)).isEqualTo(new CalibrationHoldoutSummary.Entry(
        new RepeatPurchaseSummary.Entry("a", 1, 4.0, 9.0, 20.0), 2, 37.5, 21.0));
  }

  @Test
  void customersFirstSeenInTheHoldoutAreExcludedAndCounted() {
    CalibrationHoldoutSummary s =
        CalibrationHoldoutSummary.of(columns(), JAN_10, JAN_31, RepeatPurchaseOptions.ofDefaults());
    assertThat(s.calibration().includedCount()).isEqualTo(2); // a and c
    assertThat(s.calibration().excludedCount()).isEqualTo(2); // b (first seen in the holdout) and d (no sale)
    assertThat(s.firstSeenInHoldoutCount()).isEqualTo(1);
    assertThatThrownBy(() -> s.holdoutFrequency(1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> s.holdoutMonetaryValue(3)).isInstanceOf(IllegalStateException.class);
    assertThat(s.holdoutFrequencies())
        .containsExactly(2, RepeatPurchaseSummary.EXCLUDED, 0, RepeatPurchaseSummary.EXCLUDED);
    assertThat(s.holdoutMonetaryValues()[1]).isNaN();
    assertThat(s.entries()).extracting(e -> e.calibration().customerId()).containsExactly("a", "c");
  }

  @Test
  void everyRowIsAccountedFor() {
    CalibrationHoldoutSummary s =
        CalibrationHoldoutSummary.of(columns(), JAN_10, JAN_31, RepeatPurchaseOptions.ofDefaults());
    assertThat(s.calibration().rowsCounted()).isEqualTo(3); // a 01-01, a 01-05, c 01-02
    assertThat(s.calibration().reversalsOutsidePurchasePeriods()).isEqualTo(1); // d 01-04
    assertThat(s.calibration().rowsAfterEnd()).isEqualTo(7);
    assertThat(s.holdoutRowsCounted()).isEqualTo(3); // a 01-12 twice, a 01-20
    assertThat(s.holdoutReversalsOutsidePurchasePeriods()).isEqualTo(1); // a 01-15
    assertThat(s.holdoutRowsOfExcludedCustomers()).isEqualTo(1); // b 01-15
    assertThat(s.rowsAfterObservationEnd()).isEqualTo(2); // a 02-02, d 03-01
  }

  @Test
  void aWeekStraddlingTheCalibrationEndGivesAHoldoutPeriodToo() {
    // Tuesday 01-09 in calibration, Thursday 01-11 in the holdout, same ISO week (from Monday 01-08)
    TransactionColumns.Builder b = TransactionColumns.builder(3);
    b.add("c", day("2024-01-02"), 10);
    b.add("c", day("2024-01-09"), 20);
    b.add("c", day("2024-01-11"), 30);
    CalibrationHoldoutSummary s = CalibrationHoldoutSummary.of(b.build(), JAN_10, JAN_31,
        RepeatPurchaseOptions.of(Period.WEEK));
    assertThat(s.calibration().frequency(0)).isEqualTo(1); // weeks of 01-01 and 01-08
    assertThat(s.calibration().age(0)).isEqualTo(1.0); // week of 01-01 .. week of 01-08
    assertThat(s.holdoutFrequency(0)).isEqualTo(1);
    assertThat(s.holdoutMonetaryValue(0)).isEqualTo(30.0);
    assertThat(s.holdoutDuration()).isEqualTo(3.0); // week of 01-08 .. week of 01-29
  }

  @Test
  void holdoutDurationInMonths() {
    TransactionColumns.Builder b = TransactionColumns.builder(1);
    b.add("c", day("2024-01-02"), 10);
    CalibrationHoldoutSummary s = CalibrationHoldoutSummary.of(b.build(), LocalDate.parse("2024-01-31"),
        LocalDate.parse("2024-06-30"), RepeatPurchaseOptions.of(Period.MONTH));
    assertThat(s.holdoutDuration()).isEqualTo(5.0);
    assertThat(s.holdoutFrequency(0)).isZero();
  }

  @Test
  void anEmptyHoldoutIsRefused() {
    assertThatThrownBy(() -> CalibrationHoldoutSummary.of(columns(), JAN_10, JAN_10,
        RepeatPurchaseOptions.ofDefaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("observationEnd must be after calibrationEnd (the holdout would be empty), were 2024-01-10 and "
            + "2024-01-10");
    assertThatThrownBy(() -> CalibrationHoldoutSummary.of(columns(), JAN_31, JAN_10,
        RepeatPurchaseOptions.ofDefaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be after calibrationEnd");
  }

  @Test
  void nullsAreNamed() {
    RepeatPurchaseOptions options = RepeatPurchaseOptions.ofDefaults();
    assertThatThrownBy(() -> CalibrationHoldoutSummary.of(columns(), null, JAN_31, options))
        .isInstanceOf(NullPointerException.class).hasMessage("calibrationEnd");
    assertThatThrownBy(() -> CalibrationHoldoutSummary.of(columns(), JAN_10, null, options))
        .isInstanceOf(NullPointerException.class).hasMessage("observationEnd");
    assertThatThrownBy(() -> CalibrationHoldoutSummary.of(columns(), JAN_10, JAN_31, null))
        .isInstanceOf(NullPointerException.class).hasMessage("options");
  }
}
