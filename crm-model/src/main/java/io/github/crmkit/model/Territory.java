package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import java.util.Optional;
import java.util.SortedSet;
import org.immutables.value.Value;

/**
 * A sales territory, optionally within a parent territory (a hierarchy by parent id: country, region, city). It
 * states what it covers: countries, regions, cities and postal-code prefixes; an empty set does not restrict.
 * Which territory a lead belongs to (the most specific match) is the routing engine's business.
 *
 * <p>Validation: the name is at most 200 characters on one line; a territory is not its own parent; country codes
 * are ISO 3166-1 alpha-2.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutableTerritory.class)
@JsonDeserialize(as = ImmutableTerritory.class)
public abstract class Territory {
  Territory() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The territory's identifier.
   *
   * @return the id
   */
  public abstract TerritoryId id();

  /**
   * The territory's name, such as {@code 华南} or {@code DACH}.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * The parent territory.
   *
   * @return the parent, if any
   */
  public abstract Optional<TerritoryId> parent();

  /**
   * Countries covered, ISO 3166-1 alpha-2.
   *
   * @return the country codes
   */
  @Value.NaturalOrder
  public abstract SortedSet<String> countryCodes();

  /**
   * Regions (states, provinces) covered.
   *
   * @return the regions
   */
  @Value.NaturalOrder
  public abstract SortedSet<String> regions();

  /**
   * Cities covered.
   *
   * @return the cities
   */
  @Value.NaturalOrder
  public abstract SortedSet<String> cities();

  /**
   * Postal-code prefixes covered.
   *
   * @return the prefixes
   */
  @Value.NaturalOrder
  public abstract SortedSet<String> postalCodePrefixes();

  @Value.Check
  final void check() {
    Checks.line("Territory.name", name(), 200);
    if (parent().isPresent() && parent().get().equals(id())) {
      throw new IllegalArgumentException("Territory.parent must differ from Territory.id");
    }
    for (String country : countryCodes()) {
      Countries.check("Territory.countryCodes element", country);
    }
    for (String region : regions()) {
      Checks.line("Territory.regions element", region, 200);
    }
    for (String city : cities()) {
      Checks.line("Territory.cities element", city, 200);
    }
    for (String prefix : postalCodePrefixes()) {
      Checks.line("Territory.postalCodePrefixes element", prefix, 20);
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

  /** Builds a {@link Territory}; not thread-safe. */
  public static final class Builder extends ImmutableTerritory.Builder {
    Builder() {}
  }
}
