package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The ways to reach a customer or a lead: email addresses, phone numbers, postal addresses and social handles, each
 * list ordered by preference (the first is the primary). At most 20 of each.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutableContactPoints.class)
@JsonDeserialize(as = ImmutableContactPoints.class)
public abstract class ContactPoints {
  private static final ContactPoints EMPTY = builder().build();

  ContactPoints() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns contact points with nothing in them.
   *
   * @return the empty contact points
   */
  public static ContactPoints empty() {
    return EMPTY;
  }

  /**
   * Email addresses, preferred first.
   *
   * @return the addresses
   */
  public abstract List<EmailAddress> emails();

  /**
   * Phone numbers, preferred first.
   *
   * @return the numbers
   */
  public abstract List<PhoneNumber> phones();

  /**
   * Postal addresses, preferred first.
   *
   * @return the addresses
   */
  public abstract List<PostalAddress> addresses();

  /**
   * Social and instant-messaging handles, preferred first.
   *
   * @return the handles
   */
  public abstract List<SocialHandle> socialHandles();

  /**
   * Returns the preferred email address.
   *
   * @return the first email address, if any
   */
  public final Optional<EmailAddress> primaryEmail() {
    return emails().stream().findFirst();
  }

  /**
   * Returns the preferred phone number.
   *
   * @return the first phone number, if any
   */
  public final Optional<PhoneNumber> primaryPhone() {
    return phones().stream().findFirst();
  }

  /**
   * Returns the preferred postal address.
   *
   * @return the first postal address, if any
   */
  public final Optional<PostalAddress> primaryAddress() {
    return addresses().stream().findFirst();
  }

  /**
   * Whether there is no contact point at all.
   *
   * @return true when every list is empty
   */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public final boolean isEmpty() {
    return emails().isEmpty() && phones().isEmpty() && addresses().isEmpty() && socialHandles().isEmpty();
  }

  @Value.Check
  final void check() {
    Checks.size("ContactPoints.emails", emails().size(), 20);
    Checks.size("ContactPoints.phones", phones().size(), 20);
    Checks.size("ContactPoints.addresses", addresses().size(), 20);
    Checks.size("ContactPoints.socialHandles", socialHandles().size(), 20);
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

  /** Builds {@link ContactPoints}; not thread-safe. */
  public static final class Builder extends ImmutableContactPoints.Builder {
    Builder() {}
  }
}
