package io.github.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.scoring.RepeatPurchaseOptions.Period;
import io.github.crmkit.scoring.RepeatPurchaseOptions.Unit;
import org.junit.jupiter.api.Test;

class RepeatPurchaseOptionsTest {
  @Test
  void defaultsAreDays() {
    assertThat(RepeatPurchaseOptions.ofDefaults()).isEqualTo(new RepeatPurchaseOptions(Period.DAY, Unit.DAYS));
  }

  @Test
  void aPeriodAloneReportsInItsOwnUnit() {
    assertThat(RepeatPurchaseOptions.of(Period.DAY).unit()).isEqualTo(Unit.DAYS);
    assertThat(RepeatPurchaseOptions.of(Period.WEEK).unit()).isEqualTo(Unit.WEEKS);
    assertThat(RepeatPurchaseOptions.of(Period.MONTH).unit()).isEqualTo(Unit.MONTHS);
  }

  @Test
  void monthsAreOnlyAUnitForMonthlyPeriods() {
    assertThatThrownBy(() -> new RepeatPurchaseOptions(Period.WEEK, Unit.MONTHS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unit MONTHS needs period MONTH (a month is not a fixed number of days), was period WEEK");
    assertThatThrownBy(() -> new RepeatPurchaseOptions(Period.DAY, Unit.MONTHS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new RepeatPurchaseOptions(Period.MONTH, Unit.DAYS).unit()).isEqualTo(Unit.DAYS);
  }

  @Test
  void nullsAreNamed() {
    assertThatThrownBy(() -> new RepeatPurchaseOptions(null, Unit.DAYS))
        .isInstanceOf(NullPointerException.class).hasMessage("period");
    assertThatThrownBy(() -> new RepeatPurchaseOptions(Period.DAY, null))
        .isInstanceOf(NullPointerException.class).hasMessage("unit");
    assertThatThrownBy(() -> RepeatPurchaseOptions.of(null))
        .isInstanceOf(NullPointerException.class).hasMessage("period");
  }
}
