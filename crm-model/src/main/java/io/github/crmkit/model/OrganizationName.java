package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An organisation's names: its registered legal name and, optionally, the name it trades under. Each is at most
 * 300 characters on one line. Organisation names are not personal data and are shown by {@link #toString()}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutableOrganizationName.class)
@JsonDeserialize(as = ImmutableOrganizationName.class)
public abstract class OrganizationName {
  OrganizationName() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a name with a legal name only.
   *
   * @param legalName the registered name
   * @return the name
   */
  public static OrganizationName of(String legalName) {
    return builder().legalName(legalName).build();
  }

  /**
   * The registered legal name, for example {@code 深圳市腾讯计算机系统有限公司}.
   *
   * @return the legal name
   */
  public abstract String legalName();

  /**
   * The name the organisation trades under, for example {@code Tencent}.
   *
   * @return the trading name, if different
   */
  public abstract Optional<String> tradingName();

  /**
   * Returns the trading name if there is one, else the legal name.
   *
   * @return the display name
   */
  public final String displayName() {
    return tradingName().orElse(legalName());
  }

  @Value.Check
  final void check() {
    Checks.line("OrganizationName.legalName", legalName(), 300);
    tradingName().ifPresent(v -> Checks.line("OrganizationName.tradingName", v, 300));
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

  /** Builds an {@link OrganizationName}; not thread-safe. */
  public static final class Builder extends ImmutableOrganizationName.Builder {
    Builder() {}
  }
}
