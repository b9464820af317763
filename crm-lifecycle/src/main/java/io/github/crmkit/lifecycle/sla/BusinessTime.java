package io.github.crmkit.lifecycle.sla;

import io.github.crmkit.model.Absence;
import io.github.crmkit.model.WorkingCalendar;
import io.github.crmkit.model.WorkingHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Business-time arithmetic over a {@link WorkingCalendar}: how much working time lies between two instants, and
 * which instant lies a given amount of working time after another.
 *
 * <p>Working time is exactly the set of instants at which {@link WorkingCalendar#isWorkingAt(Instant)} is true: the
 * instant's local date and time in the calendar's zone fall within a {@link WorkingHours} span of that day of the
 * week, the local date is not a holiday, and the instant is not within an absence. The arithmetic is exact to the
 * nanosecond at day boundaries (a span's end is exclusive), over weekends and holidays, and across daylight-saving
 * changes: a span that contains a spring-forward gap is shorter by the gap, and a span that contains a fall-back
 * overlap counts the repeated local hour twice, because both instants are working time.
 *
 * <p>{@link #plus} and {@link #between} are inverse: for a non-negative duration {@code d},
 * {@code between(from, plus(from, d))} equals {@code d}, and {@code plus} returns the earliest such instant (so a
 * duration that ends exactly at the end of a working span ends there, not at the start of the next span).
 *
 * <p>Immutable and thread-safe.
 */
public final class BusinessTime {
  /** How far {@link #plus} searches for working time before it gives up: about ten years. */
  static final int MAX_DAYS_WITHOUT_WORK = 3660;

  private static final Duration MAX_OFFSET = Duration.ofHours(18);

  private final WorkingCalendar calendar;
  private final ZoneRules rules;
  private final Map<DayOfWeek, List<WorkingHours>> spans;
  private final Absence[] absences;

  private BusinessTime(WorkingCalendar calendar) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.rules = calendar.zone().getRules();
    Map<DayOfWeek, List<WorkingHours>> byDay = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      List<WorkingHours> list = new ArrayList<>();
      for (WorkingHours h : calendar.hours()) {
        if (h.day() == day) {
          list.add(h);
        }
      }
      list.sort((a, b) -> a.start().compareTo(b.start()));
      byDay.put(day, List.copyOf(list));
    }
    this.spans = byDay;
    this.absences = calendar.absences().toArray(new Absence[0]);
  }

  /**
   * Returns the business time of a calendar.
   *
   * @param calendar the working calendar: zone, weekly hours, holidays, absences
   * @return the business time
   */
  public static BusinessTime of(WorkingCalendar calendar) {
    return new BusinessTime(calendar);
  }

  /**
   * The calendar.
   *
   * @return the calendar
   */
  public WorkingCalendar calendar() {
    return calendar;
  }

  /**
   * Whether an instant is working time; the same as {@link WorkingCalendar#isWorkingAt(Instant)}.
   *
   * @param at the instant
   * @return true within working time
   */
  public boolean isWorkingAt(Instant at) {
    return calendar.isWorkingAt(at);
  }

  /**
   * The working time in {@code [from, to)}.
   *
   * @param from the start, inclusive
   * @param to the end, exclusive, not before {@code from}
   * @return the working time, zero or positive
   * @throws IllegalArgumentException when {@code to} is before {@code from}
   */
  public Duration between(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to must not be before from, was " + to + " < " + from);
    }
    Duration sum = Duration.ZERO;
    Instant t = from;
    Instant[] interval = new Instant[2];
    while (t.isBefore(to) && nextInterval(t, to, interval)) {
      Instant end = interval[1].isBefore(to) ? interval[1] : to;
      sum = sum.plus(Duration.between(interval[0], end));
      t = interval[1];
    }
    return sum;
  }

  /**
   * The earliest instant at which {@code duration} of working time has passed since {@code from}.
   *
   * @param from the start
   * @param duration the working time to add, not negative
   * @return {@code from} for a zero duration, otherwise an instant within or at the end of a working span
   * @throws IllegalArgumentException when the duration is negative, or when the calendar has no working time for
   *     about ten years after some point (for example no weekly hours at all)
   */
  public Instant plus(Instant from, Duration duration) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, was " + duration);
    }
    Duration remaining = duration;
    Instant t = from;
    Instant[] interval = new Instant[2];
    while (!remaining.isZero()) {
      Instant limit = t.plus(Duration.ofDays(MAX_DAYS_WITHOUT_WORK));
      if (!nextInterval(t, limit, interval)) {
        throw new IllegalArgumentException("the working calendar has no working time within "
            + MAX_DAYS_WITHOUT_WORK + " days after " + t);
      }
      Duration length = Duration.between(interval[0], interval[1]);
      if (remaining.compareTo(length) <= 0) {
        return interval[0].plus(remaining);
      }
      remaining = remaining.minus(length);
      t = interval[1];
    }
    return t;
  }

  /**
   * The first working instant at or after {@code at}.
   *
   * @param at the instant
   * @return {@code at} when it is working time, otherwise the start of the next working span
   * @throws IllegalArgumentException when there is no working time within about ten years
   */
  public Instant nextWorkingInstant(Instant at) {
    Instant[] interval = new Instant[2];
    if (!nextInterval(at, at.plus(Duration.ofDays(MAX_DAYS_WITHOUT_WORK)), interval)) {
      throw new IllegalArgumentException("the working calendar has no working time within "
          + MAX_DAYS_WITHOUT_WORK + " days after " + at);
    }
    return interval[0];
  }

  /**
   * Finds the first maximal-within-a-span working interval that ends after {@code t}, clipped to start at or after
   * {@code t}, and starting before {@code limit}.
   *
   * @return false when no working time starts before {@code limit}
   */
  private boolean nextInterval(Instant t, Instant limit, Instant[] out) {
    Instant bestStart = null;
    Instant bestEnd = null;
    LocalDate day = LocalDateTime.ofInstant(t, ZoneOffset.UTC).toLocalDate().minusDays(1);
    List<Instant[]> pieces = new ArrayList<>(4);
    while (true) {
      // no instant of this local day (or a later one) is earlier than this bound
      Instant dayLowerBound = day.atStartOfDay().toInstant(ZoneOffset.MAX);
      if (!dayLowerBound.isBefore(limit) || (bestStart != null && !dayLowerBound.isBefore(bestStart))) {
        break;
      }
      pieces.clear();
      workingIntervals(day, pieces);
      for (Instant[] p : pieces) {
        if (!p[1].isAfter(t)) {
          continue;
        }
        Instant start = p[0].isBefore(t) ? t : p[0];
        if (!start.isBefore(limit)) {
          continue;
        }
        if (bestStart == null || start.isBefore(bestStart)) {
          bestStart = start;
          bestEnd = p[1];
        }
      }
      day = day.plusDays(1);
    }
    if (bestStart == null) {
      return false;
    }
    out[0] = bestStart;
    out[1] = bestEnd;
    return true;
  }

  /** Adds the working intervals of one local date (spans minus absences) to {@code out}, as instant intervals. */
  private void workingIntervals(LocalDate day, List<Instant[]> out) {
    if (calendar.holidays().contains(day)) {
      return;
    }
    for (WorkingHours span : spans.get(day.getDayOfWeek())) {
      LocalDateTime localStart = day.atTime(span.start());
      LocalDateTime localEnd = day.atTime(span.end());
      // walk the pieces of constant offset that can map into [localStart, localEnd)
      Instant pieceStart = localStart.toInstant(ZoneOffset.UTC).minus(MAX_OFFSET);
      Instant searchEnd = localEnd.toInstant(ZoneOffset.UTC).plus(MAX_OFFSET);
      while (pieceStart.isBefore(searchEnd)) {
        ZoneOffset offset = rules.getOffset(pieceStart);
        ZoneOffsetTransition next = rules.nextTransition(pieceStart);
        Instant pieceEnd = next == null || next.getInstant().isAfter(searchEnd) ? searchEnd : next.getInstant();
        Instant a = localStart.toInstant(offset);
        Instant b = localEnd.toInstant(offset);
        if (a.isBefore(pieceStart)) {
          a = pieceStart;
        }
        if (b.isAfter(pieceEnd)) {
          b = pieceEnd;
        }
        if (a.isBefore(b)) {
          subtractAbsences(a, b, 0, out);
        }
        pieceStart = pieceEnd;
      }
    }
  }

  private void subtractAbsences(Instant a, Instant b, int from, List<Instant[]> out) {
    for (int i = from; i < absences.length; i++) {
      Absence absence = absences[i];
      if (absence.from().isBefore(b) && absence.until().isAfter(a)) {
        if (a.isBefore(absence.from())) {
          subtractAbsences(a, absence.from(), i + 1, out);
        }
        if (absence.until().isBefore(b)) {
          subtractAbsences(absence.until(), b, i + 1, out);
        }
        return;
      }
    }
    out.add(new Instant[] {a, b});
  }

  @Override
  public String toString() {
    return "BusinessTime{zone=" + calendar.zone() + ", spans=" + calendar.hours().size() + ", holidays="
        + calendar.holidays().size() + ", absences=" + absences.length + "}";
  }
}
