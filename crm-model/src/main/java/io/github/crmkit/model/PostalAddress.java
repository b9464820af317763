package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A postal address (personal data), structured for routing by country, region, city and district, as used in China
 * (省/市/区) and elsewhere.
 *
 * <p>The country (ISO 3166-1 alpha-2), region (state or province) and city are coarse locations, used for
 * routing, and shown by {@link #toString()}; the district, postal code and street lines are masked. Validation: a known country
 * code; every text at most 200 characters without control characters; at most 5 street lines.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutablePostalAddress.class)
@JsonDeserialize(as = ImmutablePostalAddress.class)
public abstract class PostalAddress {
  PostalAddress() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The ISO 3166-1 alpha-2 country code, upper case, for example {@code CN}.
   *
   * @return the country code
   */
  public abstract String countryCode();

  /**
   * The region, state or province, for example {@code 广东省} or {@code Bavaria}.
   *
   * @return the region, if known
   */
  public abstract Optional<String> region();

  /**
   * The city.
   *
   * @return the city, if known
   */
  public abstract Optional<String> city();

  /**
   * The district or county within the city.
   *
   * @return the district, if known
   */
  @Value.Redacted
  public abstract Optional<String> district();

  /**
   * The postal code.
   *
   * @return the postal code, if known
   */
  @Value.Redacted
  public abstract Optional<String> postalCode();

  /**
   * The street lines, most specific last.
   *
   * @return up to 5 lines
   */
  @Value.Redacted
  public abstract List<String> lines();

  @Value.Check
  final void check() {
    Countries.check("PostalAddress.countryCode", countryCode());
    region().ifPresent(v -> Checks.line("PostalAddress.region", v, 200));
    city().ifPresent(v -> Checks.line("PostalAddress.city", v, 200));
    district().ifPresent(v -> Checks.line("PostalAddress.district", v, 200));
    postalCode().ifPresent(v -> Checks.line("PostalAddress.postalCode", v, 20));
    Checks.size("PostalAddress.lines", lines().size(), 5);
    for (String line : lines()) {
      Checks.line("PostalAddress.lines element", line, 200);
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

  /** Builds a {@link PostalAddress}; not thread-safe. */
  public static final class Builder extends ImmutablePostalAddress.Builder {
    Builder() {}
  }
}
