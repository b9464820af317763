package io.github.crmkit.lifecycle;

import io.github.crmkit.model.Absence;
import io.github.crmkit.model.WorkingCalendar;
import io.github.crmkit.model.WorkingHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Working time between two instants by a {@link WorkingCalendar}: the parts of its weekly hours (in its zone, on
 * days that are not holidays) that lie within the interval, less its absences. Consistent with
 * {@link WorkingCalendar#isWorkingAt}: an instant counts exactly when the calendar says the agent works then.
 *
 * <p>Kept beside the public {@link io.github.crmkit.lifecycle.sla.BusinessTime} on purpose: that one is exact across
 * daylight-saving overlaps and works in {@code Instant}s and {@code Duration}s, allocating per working interval,
 * while the history reports call this one once per stage interval over millions of rows and need plain
 * epoch-millisecond arithmetic. Both agree with {@link WorkingCalendar#isWorkingAt} outside a fall-back overlap
 * inside working hours (tested minute by minute for each).
 *
 * <p>Immutable and thread-safe.
 */
final class BusinessTime {
  private final WorkingCalendar calendar;
  private final ZoneId zone;
  /** Absences merged into disjoint, sorted [from, until) pairs in epoch milliseconds. */
  private final long[] absences;

  BusinessTime(WorkingCalendar calendar) {
    this.calendar = calendar;
    this.zone = calendar.zone();
    List<Absence> sorted = new ArrayList<>(calendar.absences());
    sorted.sort(Comparator.comparing(Absence::from));
    long[] merged = new long[sorted.size() * 2];
    int n = 0;
    for (Absence absence : sorted) {
      long from = absence.from().toEpochMilli();
      long until = absence.until().toEpochMilli();
      if (n > 0 && from <= merged[n - 1]) {
        merged[n - 1] = Math.max(merged[n - 1], until);
      } else {
        merged[n++] = from;
        merged[n++] = until;
      }
    }
    absences = java.util.Arrays.copyOf(merged, n);
  }

  /** Working milliseconds in [start, end); 0 when end is not after start. */
  long millisBetween(long start, long end) {
    if (end <= start) {
      return 0;
    }
    LocalDate day = Instant.ofEpochMilli(start).atZone(zone).toLocalDate().minusDays(1);
    LocalDate last = Instant.ofEpochMilli(end).atZone(zone).toLocalDate().plusDays(1);
    long total = 0;
    for (; !day.isAfter(last); day = day.plusDays(1)) {
      if (calendar.holidays().contains(day)) {
        continue;
      }
      DayOfWeek weekday = day.getDayOfWeek();
      for (WorkingHours span : calendar.hours()) {
        if (span.day() != weekday) {
          continue;
        }
        long from = Math.max(start, day.atTime(span.start()).atZone(zone).toInstant().toEpochMilli());
        long until = Math.min(end, day.atTime(span.end()).atZone(zone).toInstant().toEpochMilli());
        if (until > from) {
          total += until - from - absent(from, until);
        }
      }
    }
    return total;
  }

  private long absent(long from, long until) {
    long total = 0;
    for (int i = 0; i < absences.length; i += 2) {
      long a = Math.max(from, absences[i]);
      long b = Math.min(until, absences[i + 1]);
      if (b > a) {
        total += b - a;
      }
    }
    return total;
  }
}
