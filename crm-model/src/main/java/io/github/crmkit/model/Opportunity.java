package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An opportunity: a potential deal with a customer, moving through the stages of a pipeline.
 *
 * <p>Validation: the name is at most 200 characters on one line; the amount is not negative; the stage id is a
 * lower-case token; the probability is in [0, 1]; every line item is priced in the amount's currency (else a
 * {@link CurrencyMismatchException}); the lost reason is at most 500 characters.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutableOpportunity.class)
@JsonDeserialize(as = ImmutableOpportunity.class)
public abstract class Opportunity implements Attributed {
  Opportunity() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The opportunity's identifier.
   *
   * @return the id
   */
  public abstract OpportunityId id();

  /**
   * The customer the deal is with.
   *
   * @return the customer
   */
  public abstract CustomerId customer();

  /**
   * A short name for the deal, such as {@code 2027 fleet renewal}.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * The expected deal value.
   *
   * @return the amount, not negative
   */
  public abstract Money amount();

  /**
   * The current pipeline stage, a lower-case token such as {@code proposal}.
   *
   * @return the stage id
   */
  public abstract String stageId();

  /**
   * The probability of winning, in [0, 1].
   *
   * @return the probability
   */
  public abstract double probability();

  /**
   * When the deal is expected to close.
   *
   * @return the date
   */
  public abstract LocalDate expectedCloseDate();

  /**
   * The agent who owns the deal.
   *
   * @return the owner, if assigned
   */
  public abstract Optional<AgentId> owner();

  /**
   * The products and quantities being discussed.
   *
   * @return the line items
   */
  public abstract List<LineItem> lineItems();

  /**
   * Why the deal was lost.
   *
   * @return the reason, if lost
   */
  public abstract Optional<String> lostReason();

  /**
   * When the opportunity was created.
   *
   * @return the instant
   */
  public abstract Instant createdAt();

  @Override
  public abstract Map<String, AttributeValue> attributes();

  /**
   * Returns the amount weighted by the probability, rounded half-even to the currency's fraction digits.
   *
   * @return amount times probability
   */
  public final Money weightedAmount() {
    int digits = Math.max(0, amount().currency().getDefaultFractionDigits());
    return Money.of(
        amount().amount().multiply(java.math.BigDecimal.valueOf(probability()))
            .setScale(digits, java.math.RoundingMode.HALF_EVEN),
        amount().currency());
  }

  @Value.Check
  final void check() {
    Checks.line("Opportunity.name", name(), 200);
    if (amount().isNegative()) {
      throw new IllegalArgumentException("Opportunity.amount must not be negative, was " + amount());
    }
    Checks.token("Opportunity.stageId", stageId());
    Checks.range("Opportunity.probability", probability(), 0.0, 1.0);
    Checks.size("Opportunity.lineItems", lineItems().size(), 1000);
    for (LineItem item : lineItems()) {
      if (!item.unitPrice().currency().equals(amount().currency())) {
        throw new CurrencyMismatchException(
            "Opportunity.lineItems", amount().currency(), item.unitPrice().currency());
      }
    }
    lostReason().ifPresent(r -> Checks.text("Opportunity.lostReason", r, 500));
    Checks.attributeKeys("Opportunity.attributes", attributes());
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

  /** Builds an {@link Opportunity}; not thread-safe. */
  public static final class Builder extends ImmutableOpportunity.Builder {
    Builder() {}
  }
}
