package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.CrmStyle;
import java.time.DayOfWeek;
import java.time.LocalTime;
import org.immutables.value.Value;

/**
 * A span of working time on a day of the week, in local time: from {@link #start()} inclusive to {@link #end()}
 * exclusive, the start before the end (a night shift is written as two spans).
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable(builder = false)
@CrmStyle
@JsonSerialize(as = ImmutableWorkingHours.class)
@JsonDeserialize(as = ImmutableWorkingHours.class)
public abstract class WorkingHours {
  WorkingHours() {}

  /**
   * Returns working hours.
   *
   * @param day the day of the week
   * @param start the local start time, inclusive
   * @param end the local end time, exclusive, after the start
   * @return the working hours
   */
  public static WorkingHours of(DayOfWeek day, LocalTime start, LocalTime end) {
    return ImmutableWorkingHours.of(day, start, end);
  }

  /**
   * The day of the week.
   *
   * @return the day
   */
  @Value.Parameter
  public abstract DayOfWeek day();

  /**
   * The local start time, inclusive.
   *
   * @return the start
   */
  @Value.Parameter
  public abstract LocalTime start();

  /**
   * The local end time, exclusive.
   *
   * @return the end
   */
  @Value.Parameter
  public abstract LocalTime end();

  /**
   * Whether a local day and time fall within these hours.
   *
   * @param day the day of the week
   * @param time the local time
   * @return true if within
   */
  public final boolean contains(DayOfWeek day, LocalTime time) {
    return day == day() && !time.isBefore(start()) && time.isBefore(end());
  }

  @Value.Check
  final void check() {
    if (!start().isBefore(end())) {
      throw new IllegalArgumentException(
          "WorkingHours.start must be before end, was " + start() + " >= " + end() + " on " + day());
    }
  }
}
