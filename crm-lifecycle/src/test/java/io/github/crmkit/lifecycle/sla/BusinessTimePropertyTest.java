package io.github.crmkit.lifecycle.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.crmkit.model.Absence;
import io.github.crmkit.model.WorkingCalendar;
import io.github.crmkit.model.WorkingHours;
import io.github.crmkit.testkit.ModelGenerators;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BusinessTimePropertyTest {
  private static final long SEED = 20261201L;
  private static final String[] DST_ZONES = {
      "Europe/Berlin", "America/New_York", "Australia/Sydney", "America/Sao_Paulo", "Europe/London",
      "Pacific/Chatham", "Asia/Kathmandu"};

  /**
   * A random calendar with daylight-saving time: zone with DST rules (or odd offsets), random spans on random days
   * (often around midnight and the small hours, where the clocks change), minute-aligned holidays and absences.
   */
  static WorkingCalendar dstCalendar(SplittableRandom r) {
    WorkingCalendar.Builder b = WorkingCalendar.builder().zone(ZoneId.of(DST_ZONES[r.nextInt(DST_ZONES.length)]));
    for (DayOfWeek day : DayOfWeek.values()) {
      if (r.nextInt(4) == 0) {
        continue;
      }
      int spans = 1 + r.nextInt(2);
      int minute = r.nextInt(4) == 0 ? 0 : r.nextInt(600);
      for (int i = 0; i < spans && minute < 1439; i++) {
        int end = Math.min(1439, minute + 1 + r.nextInt(600));
        LocalTime endTime = end == 1439 && r.nextBoolean() ? LocalTime.MAX : LocalTime.of(end / 60, end % 60);
        b.addHour(WorkingHours.of(day, LocalTime.of(minute / 60, minute % 60), endTime));
        minute = end + r.nextInt(120);
      }
    }
    return b.build();
  }

  /** An instant near a daylight-saving transition of the calendar's zone, or anywhere in 2022-2026. */
  static Instant near(SplittableRandom r, WorkingCalendar calendar) {
    Instant base = Instant.parse("2022-01-01T00:00:00Z").plusSeconds(r.nextLong(5L * 365 * 86_400));
    if (r.nextBoolean()) {
      ZoneOffsetTransition t = calendar.zone().getRules().nextTransition(base);
      if (t != null) {
        base = t.getInstant().minusSeconds(r.nextLong(3 * 86_400)).plusSeconds(r.nextLong(3 * 86_400));
      }
    }
    return r.nextInt(3) == 0 ? base.plusNanos(r.nextInt(1_000_000_000)) : base;
  }

  static WorkingCalendar anyCalendar(SplittableRandom r) {
    return r.nextBoolean() ? dstCalendar(r) : ModelGenerators.workingCalendar(r);
  }

  @Test
  void addingThenMeasuringGivesTheSameDuration() {
    qt().withExamples(400).withFixedSeed(SEED).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      WorkingCalendar calendar = anyCalendar(r);
      if (calendar.hours().isEmpty()) {
        return;
      }
      BusinessTime time = BusinessTime.of(calendar);
      Instant from = near(r, calendar);
      Duration d = Duration.ofSeconds(r.nextLong(200 * 3600L)).plusNanos(r.nextInt(3) == 0 ? r.nextInt(1000) : 0);
      Instant to = time.plus(from, d);
      assertThat(time.between(from, to)).isEqualTo(d);
      // the earliest such instant: one nanosecond earlier, less working time has passed
      if (!d.isZero()) {
        assertThat(time.between(from, to.minusNanos(1))).isLessThan(d);
      }
    });
  }

  @Test
  void measuringIsAdditive() {
    qt().withExamples(300).withFixedSeed(SEED).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      WorkingCalendar calendar = anyCalendar(r);
      BusinessTime time = BusinessTime.of(calendar);
      Instant a = near(r, calendar);
      Instant b = a.plusSeconds(r.nextLong(10 * 86_400));
      Instant c = b.plusSeconds(r.nextLong(10 * 86_400));
      assertThat(time.between(a, c)).isEqualTo(time.between(a, b).plus(time.between(b, c)));
      assertThat(time.between(a, c)).isLessThanOrEqualTo(Duration.between(a, c));
    });
  }

  /** On minute-aligned calendars, business time equals the number of working minutes sampled with isWorkingAt. */
  @Test
  void agreesWithTheCalendarMinuteByMinute() {
    qt().withExamples(150).withFixedSeed(SEED).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      WorkingCalendar calendar = anyCalendar(r);
      // minute-aligned holidays and absences near the sampled window
      Instant from = near(r, calendar).truncatedTo(ChronoUnit.MINUTES);
      WorkingCalendar.Builder b = calendar.toBuilder().absences(java.util.List.of());
      if (r.nextBoolean()) {
        Instant absent = from.plus(r.nextInt(3 * 1440), ChronoUnit.MINUTES);
        b.addAbsence(Absence.of(absent, absent.plus(1 + r.nextInt(1440), ChronoUnit.MINUTES)));
      }
      if (r.nextBoolean()) {
        b.addHoliday(LocalDate.ofInstant(from, calendar.zone()).plusDays(r.nextInt(3)));
      }
      calendar = b.build();
      BusinessTime time = BusinessTime.of(calendar);
      int minutes = 3 * 1440;
      long working = 0;
      for (int m = 0; m < minutes; m++) {
        if (calendar.isWorkingAt(from.plus(m, ChronoUnit.MINUTES))) {
          working++;
        }
      }
      Duration measured = time.between(from, from.plus(minutes, ChronoUnit.MINUTES));
      // spans ending at LocalTime.MAX end one nanosecond before the minute: at most one short nanosecond per span
      long spansEndingAtMax = calendar.hours().stream().filter(h -> h.end().equals(LocalTime.MAX)).count();
      assertThat(Duration.ofMinutes(working).minus(measured))
          .isBetween(Duration.ZERO, Duration.ofNanos(4 * spansEndingAtMax));
    });
  }
}
