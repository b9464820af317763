package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * How much new work an agent may take: caps on assignments per calendar day, week and month and per rolling 30
 * days, and a backlog cap on open items owned. An absent cap means no limit; a cap of 0 means none at all.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutableCapacity.class)
@JsonDeserialize(as = ImmutableCapacity.class)
public abstract class Capacity {
  private static final Capacity UNLIMITED = builder().build();

  Capacity() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a capacity without any cap.
   *
   * @return the unlimited capacity
   */
  public static Capacity unlimited() {
    return UNLIMITED;
  }

  /**
   * The most assignments per calendar day (in the agent's time zone).
   *
   * @return the cap, if any
   */
  public abstract OptionalInt maxPerDay();

  /**
   * The most assignments per calendar week.
   *
   * @return the cap, if any
   */
  public abstract OptionalInt maxPerWeek();

  /**
   * The most assignments per calendar month.
   *
   * @return the cap, if any
   */
  public abstract OptionalInt maxPerMonth();

  /**
   * The most assignments in any rolling 30 days.
   *
   * @return the cap, if any
   */
  public abstract OptionalInt maxPerRolling30Days();

  /**
   * The most open items the agent may own at once (backlog cap).
   *
   * @return the cap, if any
   */
  public abstract OptionalInt maxOpen();

  /**
   * Whether no cap is set.
   *
   * @return true if unlimited
   */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public final boolean isUnlimited() {
    return maxPerDay().isEmpty() && maxPerWeek().isEmpty() && maxPerMonth().isEmpty()
        && maxPerRolling30Days().isEmpty() && maxOpen().isEmpty();
  }

  @Value.Check
  final void check() {
    check("Capacity.maxPerDay", maxPerDay());
    check("Capacity.maxPerWeek", maxPerWeek());
    check("Capacity.maxPerMonth", maxPerMonth());
    check("Capacity.maxPerRolling30Days", maxPerRolling30Days());
    check("Capacity.maxOpen", maxOpen());
  }

  private static void check(String field, OptionalInt cap) {
    if (cap.isPresent()) {
      Checks.notNegative(field, cap.getAsInt());
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

  /** Builds a {@link Capacity}; not thread-safe. */
  public static final class Builder extends ImmutableCapacity.Builder {
    Builder() {}
  }
}
