package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedSet;
import org.immutables.value.Value;

/**
 * A lead: a prospective customer brought in by marketing, a partner or an inbound request, waiting to be routed to
 * the right owner.
 *
 * <p>Validation: the source channel and campaign are lower-case tokens; the country is an ISO 3166-1 alpha-2 code;
 * region, city and company are at most 200 characters on one line; the score is finite; an
 * {@link LeadStatus#ASSIGNED ASSIGNED} or {@link LeadStatus#WORKING WORKING} lead has an owner and a
 * {@link LeadStatus#POOLED POOLED} lead has none. The person's name and contact points are personal data and never
 * appear in {@link #toString()}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutableLead.class)
@JsonDeserialize(as = ImmutableLead.class)
public abstract class Lead implements Attributed {
  Lead() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The lead's identifier.
   *
   * @return the id
   */
  public abstract LeadId id();

  /**
   * The channel the lead came from, a lower-case token such as {@code web-form}, {@code trade-show} or
   * {@code partner}.
   *
   * @return the source channel
   */
  public abstract String sourceChannel();

  /**
   * The marketing campaign, a lower-case token.
   *
   * @return the campaign, if known
   */
  public abstract Optional<String> campaign();

  /**
   * When the lead was received.
   *
   * @return the instant
   */
  public abstract Instant receivedAt();

  /**
   * The prospect's name.
   *
   * @return the name, if known
   */
  @Value.Redacted
  public abstract Optional<PersonName> personName();

  /**
   * How to reach the prospect.
   *
   * @return the contact points, empty by default
   */
  @Value.Default
  @Value.Redacted
  public ContactPoints contacts() {
    return ContactPoints.empty();
  }

  /**
   * The prospect's company.
   *
   * @return the company name, if given
   */
  public abstract Optional<String> company();

  /**
   * The prospect's country, ISO 3166-1 alpha-2.
   *
   * @return the country code, if known
   */
  public abstract Optional<String> countryCode();

  /**
   * The prospect's region, state or province.
   *
   * @return the region, if known
   */
  public abstract Optional<String> region();

  /**
   * The prospect's city.
   *
   * @return the city, if known
   */
  public abstract Optional<String> city();

  /**
   * The sales territory, when the source already knows it.
   *
   * @return the territory, if known
   */
  public abstract Optional<TerritoryId> territory();

  /**
   * Products the prospect asked about.
   *
   * @return the products
   */
  @Value.NaturalOrder
  public abstract SortedSet<ProductId> productInterests();

  /**
   * Product groups the prospect asked about.
   *
   * @return the product groups
   */
  @Value.NaturalOrder
  public abstract SortedSet<ProductGroupId> productGroupInterests();

  /**
   * The rating: hot, warm or cold.
   *
   * @return the rating, if rated
   */
  public abstract Optional<LeadRating> rating();

  /**
   * A numeric lead score (any finite number; the scale is the host's).
   *
   * @return the score, if scored
   */
  public abstract OptionalDouble score();

  /**
   * The handling status; {@link LeadStatus#NEW} unless set.
   *
   * @return the status
   */
  @Value.Default
  public LeadStatus status() {
    return LeadStatus.NEW;
  }

  /**
   * The agent who owns the lead.
   *
   * @return the owner, if assigned
   */
  public abstract Optional<AgentId> owner();

  /**
   * The customer this lead belongs to or was converted into.
   *
   * @return the customer, if known
   */
  public abstract Optional<CustomerId> customer();

  @Override
  public abstract Map<String, AttributeValue> attributes();

  @Value.Check
  final void check() {
    Checks.token("Lead.sourceChannel", sourceChannel());
    campaign().ifPresent(c -> Checks.token("Lead.campaign", c));
    company().ifPresent(c -> Checks.line("Lead.company", c, 200));
    countryCode().ifPresent(c -> Countries.check("Lead.countryCode", c));
    region().ifPresent(r -> Checks.line("Lead.region", r, 200));
    city().ifPresent(c -> Checks.line("Lead.city", c, 200));
    Checks.size("Lead.productInterests", productInterests().size(), 100);
    Checks.size("Lead.productGroupInterests", productGroupInterests().size(), 100);
    if (score().isPresent()) {
      Checks.finite("Lead.score", score().getAsDouble());
    }
    if ((status() == LeadStatus.ASSIGNED || status() == LeadStatus.WORKING) && owner().isEmpty()) {
      throw new IllegalArgumentException("Lead.owner is required when status is " + status());
    }
    if (status() == LeadStatus.POOLED && owner().isPresent()) {
      throw new IllegalArgumentException("Lead.owner must be empty when status is POOLED");
    }
    Checks.attributeKeys("Lead.attributes", attributes());
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

  /** Builds a {@link Lead}; not thread-safe. */
  public static final class Builder extends ImmutableLead.Builder {
    Builder() {}
  }
}
