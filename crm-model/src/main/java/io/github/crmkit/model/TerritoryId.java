package io.github.crmkit.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.crmkit.model.internal.CrmStyle;
import io.github.crmkit.model.internal.Identifiers;
import org.immutables.value.Value;

/**
 * Identifies a {@link Territory}. Identifiers are opaque strings of 1 to 128 characters without control characters or surrounding
 * whitespace; they are compared by value and must not be personal data (use a surrogate key, never an email address
 * or a phone number). In JSON an identifier is a plain string.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable(builder = false)
@CrmStyle
public abstract class TerritoryId implements Comparable<TerritoryId> {
  TerritoryId() {}

  /**
   * Returns the identifier's value.
   *
   * @return the value, never blank
   */
  @JsonValue
  @Value.Parameter
  public abstract String value();

  /**
   * Returns the identifier with the given value.
   *
   * @param value 1 to 128 characters, no control characters, no surrounding whitespace
   * @return the identifier
   * @throws IllegalArgumentException if the value is blank, too long or contains control characters
   * @throws NullPointerException if the value is null
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TerritoryId of(String value) {
    return ImmutableTerritoryId.of(value);
  }

  @Value.Check
  final void check() {
    Identifiers.check("TerritoryId", value());
  }

  @Override
  public final int compareTo(TerritoryId other) {
    return value().compareTo(other.value());
  }

  /** Returns the value itself, so that identifiers read naturally in messages and traces. */
  @Override
  public final String toString() {
    return value();
  }
}
