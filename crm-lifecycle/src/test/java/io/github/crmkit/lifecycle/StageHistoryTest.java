package io.github.crmkit.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.Absence;
import io.github.crmkit.model.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageHistoryTest {
  private static Instant t(String text) {
    return Instant.parse(text);
  }

  @Test
  void timeInStageInCalendarAndBusinessTime() {
    StageHistory history = new StageHistory();
    history.append(StageChange.of("o1", "p", null, "a", t("2026-03-02T16:00:00Z"))); // Monday
    history.append(StageChange.of("o1", "p", "a", "b", t("2026-03-05T10:00:00Z"))); // Thursday
    history.append(StageChange.of("o1", "p", "b", "a", t("2026-03-05T12:00:00Z"))); // reopened
    Instant asOf = t("2026-03-06T09:30:00Z"); // Friday
    WorkingCalendar calendar = WorkingCalendar.weekdays(ZoneOffset.UTC, LocalTime.of(9, 0), LocalTime.of(17, 0))
        .toBuilder().addHoliday(LocalDate.of(2026, 3, 4))
        .addAbsence(Absence.of(t("2026-03-06T09:00:00Z"), t("2026-03-06T09:15:00Z"))).build();
    List<TimeInStage> times = history.timeInStage("o1", asOf, calendar);
    // a, first visit: Mon 16:00 -> Thu 10:00 = 66 h; working: Mon 16-17 (1 h) + Tue (8 h) + Wed holiday (0)
    //   + Thu 9-10 (1 h) = 10 h.
    // a, second visit: Thu 12:00 -> Fri 09:30 = 21.5 h; working: Thu 12-17 (5 h) + Fri 9:00-9:30 less the
    //   9:00-9:15 absence (0.25 h) = 5.25 h. Cumulative: 87.5 h and 15.25 h.
    // b: Thu 10:00 -> 12:00 = 2 h, all working.
    assertThat(times).containsExactly(
        new TimeInStage("a", 2, Duration.ofMinutes(21 * 60 + 30), Duration.ofMinutes(87 * 60 + 30),
            Duration.ofMinutes(5 * 60 + 15), Duration.ofMinutes(15 * 60 + 15)),
        new TimeInStage("b", 1, Duration.ofHours(2), Duration.ofHours(2), Duration.ofHours(2),
            Duration.ofHours(2)));
    // the totals add up to the age: Mon 16:00 -> Fri 09:30 = 89.5 h
    assertThat(times.get(0).cumulative().plus(times.get(1).cumulative())).isEqualTo(Duration.ofMinutes(89 * 60 + 30));
    assertThat(history.timeInStage("o1", asOf)).extracting(TimeInStage::latestBusiness).containsOnlyNulls();
    assertThat(history.timeInStage("nobody", asOf)).isEmpty();
    assertThatThrownBy(() -> history.timeInStage("o1", t("2026-03-05T11:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the object's last change");
  }

  @Test
  void intervalsAndRowsPerObject() {
    StageHistory history = new StageHistory();
    history.append(StageChange.of("x", "p", null, "a", t("2026-01-01T00:00:00Z")));
    history.append(StageChange.of("y", "p", null, "a", t("2026-01-02T00:00:00Z")));
    history.append(StageChange.of("x", "p", "a", "b", t("2026-01-03T00:00:00Z")));
    StageIntervals intervals = history.intervals();
    assertThat(intervals.size()).isEqualTo(3);
    assertThat(intervals.objectId(0)).isEqualTo("x");
    assertThat(intervals.stage(0)).isEqualTo("a");
    assertThat(intervals.exitedMillis(0)).isEqualTo(t("2026-01-03T00:00:00Z").toEpochMilli());
    assertThat(intervals.isOpen(1)).isTrue();
    assertThat(intervals.isOpen(2)).isTrue();
    assertThat(intervals.millis(1, t("2026-01-04T00:00:00Z"))).isEqualTo(Duration.ofDays(2).toMillis());
    assertThat(history.rows("x")).extracting(StageChange::to).containsExactly("a", "b");
    assertThat(history.currentStage("x")).isEqualTo("b");
    assertThat(history.currentStage("z")).isNull();
    assertThat(history.get(2)).isEqualTo(StageChange.of("x", "p", "a", "b", t("2026-01-03T00:00:00Z")));
  }

  @Test
  void batchesReportEveryRejectedRowAndReconcile() {
    StageHistory history = new StageHistory();
    List<StageChange> batch = Arrays.asList(
        StageChange.of("x", "p", null, "a", t("2026-01-02T00:00:00Z")),
        StageChange.of("x", "p", "b", "c", t("2026-01-03T00:00:00Z")),
        StageChange.of("x", "p", "a", "b", t("2026-01-01T00:00:00Z")),
        null,
        StageChange.of("x", "q", "a", "b", t("2026-01-03T00:00:00Z")),
        StageChange.of("x", "p", "a", "b", t("2026-01-03T00:00:00Z")));
    AppendResult result = history.appendAll(batch);
    assertThat(result.appended()).isEqualTo(2);
    assertThat(result.rejected()).containsExactly(
        new RejectedChange(1, "from 'b' does not continue the object's stage 'a' (object x)"),
        new RejectedChange(2, "at 2026-01-01T00:00:00Z is before the object's previous change at"
            + " 2026-01-02T00:00:00Z (object x)"),
        new RejectedChange(3, "row is null"),
        new RejectedChange(4, "pipeline 'q' differs from the object's pipeline 'p' (object x)"));
    assertThat(result.appended() + result.rejected().size()).isEqualTo(batch.size());
    assertThat(history.size()).isEqualTo(2);
    assertThatThrownBy(() -> history.append("x", "p", "a", "c", 0L, null, null, null, Double.NaN, 2.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stage history row 2: probability must be between 0 and 1 or NaN, was 2.0");
  }

  @Test
  void stageChangeToStringLeavesOutTheReason() {
    StageChange change = new StageChange("o", "p", "a", "b", t("2026-01-01T00:00:00Z"), "agent-1",
        "spoke to Jane Roe", "price", 10, 0.5);
    assertThat(change.toString()).doesNotContain("Jane").contains("agent-1");
  }
}
