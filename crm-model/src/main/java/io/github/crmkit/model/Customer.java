package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.immutables.value.Value;

/**
 * A customer: a person or an organisation that buys, or may buy, from the host's business.
 *
 * <p>Validation: a {@link CustomerKind#PERSON} needs a {@link #personName()}, an
 * {@link CustomerKind#ORGANIZATION} an {@link #organizationName()} (a person name is then the main contact's);
 * tags are at most 64 characters on one line, at most 100 of them; the acquisition channel is a lower-case token;
 * consent records for the same purpose must not overlap in time. Names and contact points are personal data and
 * never appear in {@link #toString()}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutableCustomer.class)
@JsonDeserialize(as = ImmutableCustomer.class)
public abstract class Customer implements Attributed {
  Customer() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The customer's identifier.
   *
   * @return the id
   */
  public abstract CustomerId id();

  /**
   * Whether this is a person or an organisation.
   *
   * @return the kind
   */
  public abstract CustomerKind kind();

  /**
   * The person's name, or for an organisation the main contact's name.
   *
   * @return the name, if known
   */
  @Value.Redacted
  public abstract Optional<PersonName> personName();

  /**
   * The organisation's name.
   *
   * @return the name, required for {@link CustomerKind#ORGANIZATION}
   */
  public abstract Optional<OrganizationName> organizationName();

  /**
   * How to reach the customer.
   *
   * @return the contact points, empty by default
   */
  @Value.Default
  @Value.Redacted
  public ContactPoints contacts() {
    return ContactPoints.empty();
  }

  /**
   * Free labels such as {@code vip} or {@code wholesale}.
   *
   * @return the tags
   */
  @Value.NaturalOrder
  public abstract SortedSet<String> tags();

  /**
   * The agent who owns the relationship.
   *
   * @return the owner, if assigned
   */
  public abstract Optional<AgentId> owner();

  /**
   * The channel through which the customer was acquired, a lower-case token such as {@code web} or
   * {@code referral}.
   *
   * @return the channel, if known
   */
  public abstract Optional<String> acquisitionChannel();

  /**
   * When the customer was created.
   *
   * @return the instant
   */
  public abstract Instant createdAt();

  /**
   * Consent records, per purpose and over time.
   *
   * @return the records
   */
  public abstract List<ConsentRecord> consents();

  @Override
  public abstract Map<String, AttributeValue> attributes();

  /**
   * Returns the name to show for this customer: the organisation's display name for an organisation, else the
   * person's.
   *
   * @return the display name (personal data for a person)
   */
  public final String displayName() {
    if (kind() == CustomerKind.ORGANIZATION) {
      return organizationName().map(OrganizationName::displayName).orElseThrow();
    }
    return personName().map(PersonName::displayName).orElseThrow();
  }

  /**
   * Whether consent for a purpose was in force at an instant.
   *
   * @param purpose the purpose
   * @param at the instant
   * @return true if a record for that purpose was active at that instant
   */
  public final boolean hasConsent(String purpose, Instant at) {
    for (ConsentRecord record : consents()) {
      if (record.purpose().equals(purpose) && record.isActiveAt(at)) {
        return true;
      }
    }
    return false;
  }

  @Value.Check
  final void check() {
    if (kind() == CustomerKind.PERSON && personName().isEmpty()) {
      throw new IllegalArgumentException("Customer.personName is required when kind is PERSON");
    }
    if (kind() == CustomerKind.ORGANIZATION && organizationName().isEmpty()) {
      throw new IllegalArgumentException("Customer.organizationName is required when kind is ORGANIZATION");
    }
    Checks.size("Customer.tags", tags().size(), 100);
    for (String tag : tags()) {
      Checks.line("Customer.tags element", tag, 64);
    }
    acquisitionChannel().ifPresent(c -> Checks.token("Customer.acquisitionChannel", c));
    Checks.size("Customer.consents", consents().size(), 1000);
    checkConsentsDoNotOverlap(consents());
    Checks.attributeKeys("Customer.attributes", attributes());
  }

  private static void checkConsentsDoNotOverlap(List<ConsentRecord> consents) {
    List<ConsentRecord> sorted = new ArrayList<>(consents);
    sorted.sort(Comparator.comparing(ConsentRecord::purpose).thenComparing(ConsentRecord::grantedAt));
    for (int i = 1; i < sorted.size(); i++) {
      ConsentRecord previous = sorted.get(i - 1);
      ConsentRecord current = sorted.get(i);
      if (previous.purpose().equals(current.purpose())
          && previous.withdrawnAt().map(w -> w.isAfter(current.grantedAt())).orElse(true)) {
        throw new IllegalArgumentException("Customer.consents has overlapping records for purpose '"
            + current.purpose() + "': a consent must be withdrawn before it is granted again");
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

  /** Builds a {@link Customer}; not thread-safe. */
  public static final class Builder extends ImmutableCustomer.Builder {
    Builder() {}
  }
}
