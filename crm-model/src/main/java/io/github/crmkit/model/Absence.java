package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.CrmStyle;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A period out of office, from {@link #from()} inclusive to {@link #until()} exclusive.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable(builder = false)
@CrmStyle
@JsonSerialize(as = ImmutableAbsence.class)
@JsonDeserialize(as = ImmutableAbsence.class)
public abstract class Absence {
  Absence() {}

  /**
   * Returns an absence.
   *
   * @param from the first instant away
   * @param until the instant of return, after {@code from}
   * @return the absence
   */
  public static Absence of(Instant from, Instant until) {
    return ImmutableAbsence.of(from, until);
  }

  /**
   * The first instant away, inclusive.
   *
   * @return the start
   */
  @Value.Parameter
  public abstract Instant from();

  /**
   * The instant of return, exclusive.
   *
   * @return the end
   */
  @Value.Parameter
  public abstract Instant until();

  /**
   * Whether an instant falls within the absence.
   *
   * @param at the instant
   * @return true if away at that instant
   */
  public final boolean contains(Instant at) {
    return !at.isBefore(from()) && at.isBefore(until());
  }

  @Value.Check
  final void check() {
    if (!from().isBefore(until())) {
      throw new IllegalArgumentException("Absence.from must be before until, was " + from() + " >= " + until());
    }
  }
}
