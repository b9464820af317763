package io.github.crmkit.lifecycle.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.Absence;
import io.github.crmkit.model.WorkingCalendar;
import io.github.crmkit.model.WorkingHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Business-time arithmetic against hand-computed instants (all instants written in UTC, local times in comments). */
class BusinessTimeTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final BusinessTime OFFICE =
      BusinessTime.of(WorkingCalendar.weekdays(BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0)));

  private static Instant utc(String text) {
    return Instant.parse(text);
  }

  @Test
  void dayBoundariesAreExact() {
    // Fri 2026-03-27 09:00 CET = 08:00Z; 8 h later is 17:00 CET = 16:00Z, the end of the span (the earliest instant)
    assertThat(OFFICE.plus(utc("2026-03-27T08:00:00Z"), Duration.ofHours(8))).isEqualTo(utc("2026-03-27T16:00:00Z"));
    // one nanosecond more goes to Monday 09:00 CEST (DST started on Sunday) = 07:00Z, plus 1 ns
    assertThat(OFFICE.plus(utc("2026-03-27T08:00:00Z"), Duration.ofHours(8).plusNanos(1)))
        .isEqualTo(utc("2026-03-30T07:00:00.000000001Z"));
    // no working time between Friday 17:00 and Monday 09:00
    assertThat(OFFICE.between(utc("2026-03-27T16:00:00Z"), utc("2026-03-30T07:00:00Z"))).isZero();
    assertThat(OFFICE.isWorkingAt(utc("2026-03-27T16:00:00Z"))).isFalse();
    assertThat(OFFICE.isWorkingAt(utc("2026-03-27T15:59:59.999999999Z"))).isTrue();
    // adding zero returns the start, even outside working hours
    assertThat(OFFICE.plus(utc("2026-03-28T12:00:00Z"), Duration.ZERO)).isEqualTo(utc("2026-03-28T12:00:00Z"));
    assertThat(OFFICE.nextWorkingInstant(utc("2026-03-28T12:00:00Z"))).isEqualTo(utc("2026-03-30T07:00:00Z"));
  }

  @Test
  void overAWeekendWithADaylightSavingChange() {
    // Fri 2026-03-27 16:00 CET = 15:00Z: 1 h on Friday, 1 h on Monday -> Mon 10:00 CEST = 08:00Z
    Instant friday = utc("2026-03-27T15:00:00Z");
    Instant monday = utc("2026-03-30T08:00:00Z");
    assertThat(OFFICE.plus(friday, Duration.ofHours(2))).isEqualTo(monday);
    assertThat(OFFICE.between(friday, monday)).isEqualTo(Duration.ofHours(2));
    // a whole week (Mon 00:00Z to next Mon 00:00Z) holds five 8-hour days
    assertThat(OFFICE.between(utc("2026-03-23T00:00:00Z"), utc("2026-03-30T00:00:00Z")))
        .isEqualTo(Duration.ofHours(40));
  }

  @Test
  void overHolidaysAndAbsences() {
    WorkingCalendar calendar = WorkingCalendar.weekdays(BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0)).toBuilder()
        .addHoliday(LocalDate.of(2026, 12, 24))
        .addHoliday(LocalDate.of(2026, 12, 25))
        // Mon 2026-12-28 10:00 to 12:00 CET = 09:00Z to 11:00Z
        .addAbsence(Absence.of(utc("2026-12-28T09:00:00Z"), utc("2026-12-28T11:00:00Z")))
        .build();
    BusinessTime time = BusinessTime.of(calendar);
    // Wed 2026-12-23 16:30 CET = 15:30Z: 30 min on Wednesday, Thursday and Friday are holidays,
    // 30 min on Monday from 09:00 CET = 08:00Z -> 08:30Z
    assertThat(time.plus(utc("2026-12-23T15:30:00Z"), Duration.ofHours(1))).isEqualTo(utc("2026-12-28T08:30:00Z"));
    // Mon 09:00 CET + 3 h: 09:00-10:00, absent 10:00-12:00, 12:00-14:00 -> 14:00 CET = 13:00Z
    assertThat(time.plus(utc("2026-12-28T08:00:00Z"), Duration.ofHours(3))).isEqualTo(utc("2026-12-28T13:00:00Z"));
    assertThat(time.between(utc("2026-12-28T08:00:00Z"), utc("2026-12-28T16:00:00Z")))
        .isEqualTo(Duration.ofHours(6));
    assertThat(time.between(utc("2026-12-23T00:00:00Z"), utc("2026-12-27T00:00:00Z")))
        .isEqualTo(Duration.ofHours(8));
  }

  @Test
  void aSpanContainingTheSpringForwardGapIsShorter() {
    // Sundays 01:00-04:00 in Berlin; on 2026-03-29 the clocks jump from 02:00 CET to 03:00 CEST (01:00Z):
    // 01:00 CET = 00:00Z to 04:00 CEST = 02:00Z: two hours, not three
    BusinessTime time = BusinessTime.of(WorkingCalendar.builder().zone(BERLIN)
        .addHour(WorkingHours.of(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(4, 0))).build());
    assertThat(time.between(utc("2026-03-28T00:00:00Z"), utc("2026-03-30T00:00:00Z"))).isEqualTo(Duration.ofHours(2));
    // 90 min after 00:00Z: 01:00Z is 03:00 CEST, so 01:30Z = 03:30 CEST
    assertThat(time.plus(utc("2026-03-29T00:00:00Z"), Duration.ofMinutes(90))).isEqualTo(utc("2026-03-29T01:30:00Z"));
    // the week before, the same span is three hours
    assertThat(time.between(utc("2026-03-21T00:00:00Z"), utc("2026-03-23T00:00:00Z"))).isEqualTo(Duration.ofHours(3));
    // a span entirely inside the gap does not exist that day
    BusinessTime inGap = BusinessTime.of(WorkingCalendar.builder().zone(BERLIN)
        .addHour(WorkingHours.of(DayOfWeek.SUNDAY, LocalTime.of(2, 15), LocalTime.of(2, 45))).build());
    assertThat(inGap.between(utc("2026-03-28T00:00:00Z"), utc("2026-03-30T00:00:00Z"))).isZero();
    // the next Sunday, 02:15-02:45 CEST = 00:15Z-00:45Z
    assertThat(inGap.plus(utc("2026-03-28T00:00:00Z"), Duration.ofMinutes(30))).isEqualTo(utc("2026-04-05T00:45:00Z"));
  }

  @Test
  void aSpanContainingTheFallBackOverlapCountsTheRepeatedHourTwice() {
    // on 2026-10-25 the clocks go back from 03:00 CEST to 02:00 CET (01:00Z): Sundays 01:00-04:00 local run from
    // 01:00 CEST = 23:00Z (Saturday) to 04:00 CET = 03:00Z: four hours
    BusinessTime time = BusinessTime.of(WorkingCalendar.builder().zone(BERLIN)
        .addHour(WorkingHours.of(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(4, 0))).build());
    assertThat(time.between(utc("2026-10-24T00:00:00Z"), utc("2026-10-26T00:00:00Z"))).isEqualTo(Duration.ofHours(4));
    assertThat(time.plus(utc("2026-10-24T23:00:00Z"), Duration.ofMinutes(210))).isEqualTo(utc("2026-10-25T02:30:00Z"));
    // a span starting inside the overlap: 02:30-03:30 local is 02:30-03:00 CEST = 00:30Z-01:00Z, then (after the
    // clocks went back) 02:30-03:30 CET = 01:30Z-02:30Z; 01:00Z-01:30Z is 02:00-02:30 CET, not working time
    BusinessTime overlap = BusinessTime.of(WorkingCalendar.builder().zone(BERLIN)
        .addHour(WorkingHours.of(DayOfWeek.SUNDAY, LocalTime.of(2, 30), LocalTime.of(3, 30))).build());
    assertThat(overlap.between(utc("2026-10-24T00:00:00Z"), utc("2026-10-26T00:00:00Z")))
        .isEqualTo(Duration.ofMinutes(90));
    assertThat(overlap.plus(utc("2026-10-25T00:00:00Z"), Duration.ofMinutes(45)))
        .isEqualTo(utc("2026-10-25T01:45:00Z"));
    assertThat(overlap.isWorkingAt(utc("2026-10-25T01:15:00Z"))).isFalse();
    assertThat(overlap.isWorkingAt(utc("2026-10-25T01:45:00Z"))).isTrue();
  }

  @Test
  void newYorkSpringForward() {
    BusinessTime time = BusinessTime.of(WorkingCalendar.weekdays(NEW_YORK, LocalTime.of(9, 0), LocalTime.of(17, 0)));
    // Fri 2026-03-06 16:00 EST = 21:00Z, 2 h -> Mon 2026-03-09 10:00 EDT = 14:00Z
    assertThat(time.plus(utc("2026-03-06T21:00:00Z"), Duration.ofHours(2))).isEqualTo(utc("2026-03-09T14:00:00Z"));
    // Mon 2026-11-02 09:00 EST = 14:00Z after the fall-back on Sunday
    assertThat(time.plus(utc("2026-10-30T20:00:00Z"), Duration.ofHours(2))).isEqualTo(utc("2026-11-02T15:00:00Z"));
  }

  @Test
  void followUpWithinTwoWorkingDays() {
    // Mon 2026-03-30 15:00 CEST = 13:00Z, 16 working hours -> Wed 2026-04-01 15:00 CEST = 13:00Z
    SlaTarget target = SlaTarget.followUpWithinDays("follow-up", 2, Duration.ofHours(8));
    assertThat(target.limit()).isEqualTo(Duration.ofHours(16));
    assertThat(OFFICE.plus(utc("2026-03-30T13:00:00Z"), target.limit())).isEqualTo(utc("2026-04-01T13:00:00Z"));
  }

  @Test
  void misuseIsRejected() {
    BusinessTime never = BusinessTime.of(WorkingCalendar.builder().zone(BERLIN).build());
    assertThat(never.between(utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"))).isZero();
    assertThatThrownBy(() -> never.plus(utc("2026-01-01T00:00:00Z"), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no working time");
    assertThatThrownBy(() -> OFFICE.plus(utc("2026-01-01T00:00:00Z"), Duration.ofMinutes(-1)))
        .hasMessageContaining("duration must not be negative");
    assertThatThrownBy(() -> OFFICE.between(utc("2026-01-02T00:00:00Z"), utc("2026-01-01T00:00:00Z")))
        .hasMessageContaining("to must not be before from");
  }
}
