package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SortedSet;
import org.immutables.value.Value;

/**
 * When an agent works: weekly working hours in the agent's time zone, public holidays, and absences (out of
 * office). An agent is available at an instant when that instant, in the calendar's zone, falls within working
 * hours, is not a holiday and is not within an absence.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutableWorkingCalendar.class)
@JsonDeserialize(as = ImmutableWorkingCalendar.class)
public abstract class WorkingCalendar {
  WorkingCalendar() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a calendar of the same hours on Monday to Friday, without holidays or absences.
   *
   * @param zone the time zone
   * @param start the daily local start time
   * @param end the daily local end time
   * @return the calendar
   */
  public static WorkingCalendar weekdays(ZoneId zone, LocalTime start, LocalTime end) {
    Builder builder = builder();
    builder.zone(zone);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
        builder.addHour(WorkingHours.of(day, start, end));
      }
    }
    return builder.build();
  }

  /**
   * The agent's time zone.
   *
   * @return the zone
   */
  public abstract ZoneId zone();

  /**
   * The weekly working hours, at most 50 spans.
   *
   * @return the spans
   */
  public abstract List<WorkingHours> hours();

  /**
   * Days off in the calendar's zone, at most 1,000.
   *
   * @return the holidays
   */
  @Value.NaturalOrder
  public abstract SortedSet<LocalDate> holidays();

  /**
   * Periods out of office, at most 1,000.
   *
   * @return the absences
   */
  public abstract List<Absence> absences();

  /**
   * Whether the agent works at an instant.
   *
   * @param at the instant
   * @return true within working hours, not on a holiday, not absent
   */
  public final boolean isWorkingAt(Instant at) {
    ZonedDateTime local = at.atZone(zone());
    if (holidays().contains(local.toLocalDate())) {
      return false;
    }
    for (Absence absence : absences()) {
      if (absence.contains(at)) {
        return false;
      }
    }
    DayOfWeek day = local.getDayOfWeek();
    LocalTime time = local.toLocalTime();
    for (WorkingHours span : hours()) {
      if (span.contains(day, time)) {
        return true;
      }
    }
    return false;
  }

  @Value.Check
  final void check() {
    Checks.size("WorkingCalendar.hours", hours().size(), 50);
    Checks.size("WorkingCalendar.holidays", holidays().size(), 1000);
    Checks.size("WorkingCalendar.absences", absences().size(), 1000);
    for (int i = 0; i < hours().size(); i++) {
      for (int j = i + 1; j < hours().size(); j++) {
        WorkingHours a = hours().get(i);
        WorkingHours b = hours().get(j);
        if (a.day() == b.day() && a.start().isBefore(b.end()) && b.start().isBefore(a.end())) {
          throw new IllegalArgumentException("WorkingCalendar.hours overlap on " + a.day() + ": " + a.start() + "-"
              + a.end() + " and " + b.start() + "-" + b.end());
        }
      }
    }
  }

  /**
   * Returns a builder initialised with this value's attributes, to derive a changed copy:
   * {@code x.toBuilder().someAttribute(newValue).build()}. Setting an attribute again replaces it; collection
   * attributes are replaced by their plural setter and appended to by their {@code add} methods.
   *
   * @return a new builder
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link WorkingCalendar}; not thread-safe. */
  public static final class Builder extends ImmutableWorkingCalendar.Builder {
    Builder() {}
  }
}
