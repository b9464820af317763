package io.github.crmkit.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.crmkit.model.Absence;
import io.github.crmkit.model.WorkingCalendar;
import io.github.crmkit.model.WorkingHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

class BusinessTimeTest {
  private static final WorkingCalendar CALENDAR = WorkingCalendar.weekdays(ZoneId.of("America/New_York"),
      LocalTime.of(8, 30), LocalTime.of(12, 0)).toBuilder()
      .addHour(WorkingHours.of(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(17, 45)))
      .addHour(WorkingHours.of(DayOfWeek.SUNDAY, LocalTime.of(0, 0), LocalTime.of(3, 0)))
      .addHoliday(LocalDate.of(2026, 3, 10))
      .addAbsence(Absence.of(Instant.parse("2026-03-04T14:00:00Z"), Instant.parse("2026-03-05T15:30:00Z")))
      .build();

  /** Business time agrees with the calendar's own isWorkingAt, counted minute by minute (spans are whole minutes). */
  @Test
  void agreesWithIsWorkingAtMinuteByMinute() {
    BusinessTime business = new BusinessTime(CALENDAR);
    Instant base = Instant.parse("2026-03-01T00:00:00Z"); // DST starts in New York on 2026-03-08
    qt().withExamples(60).withFixedSeed(20261201L).forAll(SourceDSL.integers().between(0, 20 * 24 * 60),
        SourceDSL.integers().between(0, 4 * 24 * 60)).checkAssert((startMinute, length) -> {
          long minutes = 0;
          for (int m = 0; m < length; m++) {
            if (CALENDAR.isWorkingAt(base.plusSeconds(60L * (startMinute + m)))) {
              minutes++;
            }
          }
          long from = base.plusSeconds(60L * startMinute).toEpochMilli();
          assertThat(business.millisBetween(from, from + 60_000L * length)).isEqualTo(minutes * 60_000L);
        });
  }

  @Test
  void handComputedWeek() {
    BusinessTime business = new BusinessTime(CALENDAR);
    // Monday 2026-03-02 in New York (UTC-5): 08:30-12:00 (3.5 h) and 13:00-17:45 (4.75 h) = 8.25 h
    long monday = Instant.parse("2026-03-02T05:00:00Z").toEpochMilli();
    assertThat(business.millisBetween(monday, monday + 86_400_000L)).isEqualTo((long) (8.25 * 3_600_000));
    // Wednesday 2026-03-04: 08:30-12:00 local = 13:30-17:00 UTC, absent from 14:00 UTC: 0.5 h
    long wednesday = Instant.parse("2026-03-04T05:00:00Z").toEpochMilli();
    assertThat(business.millisBetween(wednesday, wednesday + 86_400_000L)).isEqualTo(1_800_000L);
    assertThat(business.millisBetween(wednesday, wednesday)).isZero();
    assertThat(business.millisBetween(wednesday, monday)).isZero();
  }
}
