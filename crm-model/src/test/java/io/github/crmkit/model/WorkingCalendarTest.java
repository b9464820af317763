package io.github.crmkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link WorkingCalendar}, {@link WorkingHours} and {@link Absence}. */
class WorkingCalendarTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** Monday to Friday, 09:00 to 18:00 in Shanghai (UTC+8: 01:00 to 10:00 UTC). */
  private static final WorkingCalendar OFFICE =
      WorkingCalendar.weekdays(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0));

  private static LocalTime t(int hour, int minute) {
    return LocalTime.of(hour, minute);
  }

  @Test
  void weekdaysBuildsFiveSpans() {
    assertThat(OFFICE.zone()).isEqualTo(SHANGHAI);
    assertThat(OFFICE.hours()).containsExactly(
        WorkingHours.of(DayOfWeek.MONDAY, t(9, 0), t(18, 0)),
        WorkingHours.of(DayOfWeek.TUESDAY, t(9, 0), t(18, 0)),
        WorkingHours.of(DayOfWeek.WEDNESDAY, t(9, 0), t(18, 0)),
        WorkingHours.of(DayOfWeek.THURSDAY, t(9, 0), t(18, 0)),
        WorkingHours.of(DayOfWeek.FRIDAY, t(9, 0), t(18, 0)));
    assertThat(OFFICE.holidays()).isEmpty();
    assertThat(OFFICE.absences()).isEmpty();
  }

  // 2024-05-06 is a Monday
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "2024-05-06T00:59:59Z, false", // 08:59:59 Monday in Shanghai
      "2024-05-06T01:00:00Z, true", // 09:00 Monday in Shanghai, though 01:00 in UTC
      "2024-05-06T09:59:59.999Z, true", // 17:59:59.999
      "2024-05-06T10:00:00Z, false", // 18:00: the end is exclusive
      "2024-05-06T12:00:00Z, false", // 20:00 in Shanghai, though 12:00 in UTC
      "2024-05-10T05:00:00Z, true", // Friday 13:00
      "2024-05-11T05:00:00Z, false", // Saturday 13:00
      "2024-05-12T05:00:00Z, false", // Sunday 13:00
      "2024-05-10T16:30:00Z, false" // Friday 16:30 in UTC, Saturday 00:30 in Shanghai
  })
  void isWorkingAtInTheCalendarsZone(Instant at, boolean expected) {
    assertThat(OFFICE.isWorkingAt(at)).isEqualTo(expected);
  }

  @Test
  void holidaysAreLocalDatesInTheCalendarsZone() {
    // 2024-05-07 is a Tuesday; 2024-05-06T16:30Z is 00:30 on that Tuesday in Shanghai
    WorkingCalendar night = WorkingCalendar.builder().zone(SHANGHAI)
        .addHour(WorkingHours.of(DayOfWeek.TUESDAY, t(0, 0), t(8, 0))).build();
    Instant tuesdayLocal = Instant.parse("2024-05-06T16:30:00Z");
    assertThat(night.isWorkingAt(tuesdayLocal)).isTrue();
    assertThat(night.toBuilder().addHoliday(LocalDate.of(2024, 5, 7)).build().isWorkingAt(tuesdayLocal)).isFalse();
    // the UTC date of the instant is not what counts
    assertThat(night.toBuilder().addHoliday(LocalDate.of(2024, 5, 6)).build().isWorkingAt(tuesdayLocal)).isTrue();
  }

  @Test
  void aHolidayTakesTheWholeLocalDay() {
    WorkingCalendar calendar = OFFICE.toBuilder().addHoliday(LocalDate.of(2024, 5, 1)).build();
    assertThat(calendar.holidays()).containsExactly(LocalDate.of(2024, 5, 1));
    assertThat(calendar.isWorkingAt(Instant.parse("2024-05-01T01:00:00Z"))).isFalse(); // Wednesday 09:00
    assertThat(calendar.isWorkingAt(Instant.parse("2024-05-01T09:59:59Z"))).isFalse();
    assertThat(calendar.isWorkingAt(Instant.parse("2024-05-02T01:00:00Z"))).isTrue();
  }

  @Test
  void absencesAreHalfOpenIntervals() {
    Absence away = Absence.of(Instant.parse("2024-05-06T02:00:00Z"), Instant.parse("2024-05-06T03:00:00Z"));
    WorkingCalendar calendar = OFFICE.toBuilder().addAbsence(away).build();
    assertThat(calendar.isWorkingAt(Instant.parse("2024-05-06T01:59:59Z"))).isTrue();
    assertThat(calendar.isWorkingAt(Instant.parse("2024-05-06T02:00:00Z"))).isFalse();
    assertThat(calendar.isWorkingAt(Instant.parse("2024-05-06T02:59:59Z"))).isFalse();
    assertThat(calendar.isWorkingAt(Instant.parse("2024-05-06T03:00:00Z"))).isTrue();
    assertThat(away.contains(away.from())).isTrue();
    assertThat(away.contains(away.until())).isFalse();
    assertThat(away.contains(away.from().minusNanos(1))).isFalse();
  }

  @Test
  void workingHoursAreHalfOpen() {
    WorkingHours hours = WorkingHours.of(DayOfWeek.MONDAY, t(9, 0), t(12, 0));
    assertThat(hours.contains(DayOfWeek.MONDAY, t(9, 0))).isTrue();
    assertThat(hours.contains(DayOfWeek.MONDAY, LocalTime.of(11, 59, 59, 999_999_999))).isTrue();
    assertThat(hours.contains(DayOfWeek.MONDAY, t(12, 0))).isFalse();
    assertThat(hours.contains(DayOfWeek.MONDAY, LocalTime.of(8, 59, 59))).isFalse();
    assertThat(hours.contains(DayOfWeek.TUESDAY, t(10, 0))).isFalse();
  }

  @Test
  void adjacentSpansAndOtherDaysDoNotOverlap() {
    WorkingCalendar split = WorkingCalendar.builder().zone(SHANGHAI)
        .addHour(WorkingHours.of(DayOfWeek.MONDAY, t(9, 0), t(12, 0)))
        .addHour(WorkingHours.of(DayOfWeek.MONDAY, t(12, 0), t(18, 0)))
        .addHour(WorkingHours.of(DayOfWeek.TUESDAY, t(9, 0), t(12, 0)))
        .addHour(WorkingHours.of(DayOfWeek.WEDNESDAY, t(10, 0), t(11, 0)))
        .build();
    assertThat(split.hours()).hasSize(4);
    assertThat(split.isWorkingAt(Instant.parse("2024-05-06T04:00:00Z"))).isTrue(); // Monday 12:00
  }

  @Test
  void aCalendarWithoutHoursNeverWorks() {
    assertThat(WorkingCalendar.builder().zone(SHANGHAI).build().isWorkingAt(Instant.parse("2024-05-06T02:00:00Z")))
        .isFalse();
  }

  private static List<Absence> absences(int n) {
    List<Absence> out = new ArrayList<>();
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < n; i++) {
      out.add(Absence.of(start.plusSeconds(i * 10L), start.plusSeconds(i * 10L + 5)));
    }
    return out;
  }

  private static List<LocalDate> holidays(int n) {
    List<LocalDate> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(LocalDate.of(2024, 1, 1).plusDays(i));
    }
    return out;
  }

  static Stream<Invalid> invalid() {
    return Stream.of(
        Invalid.because("WorkingHours.start must be before end, was 09:00 >= 09:00 on MONDAY",
            () -> WorkingHours.of(DayOfWeek.MONDAY, t(9, 0), t(9, 0))),
        Invalid.because("WorkingHours.start must be before end, was 22:00 >= 06:00 on FRIDAY",
            () -> WorkingHours.of(DayOfWeek.FRIDAY, t(22, 0), t(6, 0))),
        Invalid.because("Absence.from must be before until, was 2024-05-06T02:00:00Z >= 2024-05-06T02:00:00Z",
            () -> Absence.of(Instant.parse("2024-05-06T02:00:00Z"), Instant.parse("2024-05-06T02:00:00Z"))),
        Invalid.because("Absence.from must be before until, was 2024-05-07T00:00:00Z >= 2024-05-06T00:00:00Z",
            () -> Absence.of(Instant.parse("2024-05-07T00:00:00Z"), Instant.parse("2024-05-06T00:00:00Z"))),
        Invalid.because("WorkingCalendar.hours overlap on MONDAY: 09:00-12:00 and 11:00-14:00",
            () -> WorkingCalendar.builder().zone(SHANGHAI)
                .addHour(WorkingHours.of(DayOfWeek.MONDAY, t(9, 0), t(12, 0)))
                .addHour(WorkingHours.of(DayOfWeek.TUESDAY, t(9, 0), t(12, 0)))
                .addHour(WorkingHours.of(DayOfWeek.MONDAY, t(11, 0), t(14, 0))).build()),
        Invalid.because("WorkingCalendar.hours overlap on FRIDAY: 09:00-18:00 and 10:00-11:00",
            () -> OFFICE.toBuilder().addHour(WorkingHours.of(DayOfWeek.FRIDAY, t(10, 0), t(11, 0))).build()),
        Invalid.because("WorkingCalendar.hours overlap on MONDAY: 09:00-18:00 and 09:00-18:00",
            () -> OFFICE.toBuilder().addHour(WorkingHours.of(DayOfWeek.MONDAY, t(9, 0), t(18, 0))).build()),
        Invalid.because("WorkingCalendar.hours must have at most 50 elements, had 51",
            () -> WorkingCalendar.builder().zone(SHANGHAI)
                .hours(Collections.nCopies(51, WorkingHours.of(DayOfWeek.MONDAY, t(9, 0), t(10, 0)))).build()),
        Invalid.because("WorkingCalendar.holidays must have at most 1000 elements, had 1001",
            () -> OFFICE.toBuilder().holidays(holidays(1001)).build()),
        Invalid.because("WorkingCalendar.absences must have at most 1000 elements, had 1001",
            () -> OFFICE.toBuilder().absences(absences(1001)).build()),
        Invalid.because(IllegalStateException.class,
            "Cannot build WorkingCalendar, some of required attributes are not set [zone]",
            () -> WorkingCalendar.builder().build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesInvalidCalendars(Invalid c) {
    c.assertRefused();
  }

  @Test
  void acceptsTheLimits() {
    WorkingCalendar c = OFFICE.toBuilder().holidays(holidays(1000)).absences(absences(1000)).build();
    assertThat(c.holidays()).hasSize(1000);
    assertThat(c.absences()).hasSize(1000);
  }
}
