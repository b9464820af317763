package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A transaction in a customer's purchase history: a sale (an order), or a return or cancellation of an earlier sale.
 *
 * <p>The {@link #total()} is the magnitude, never negative; its sign comes from the {@link #kind()}, see
 * {@link #signedTotal()}. The total is the host's figure (it may include shipping, tax or discounts), so it need not
 * equal the sum of the lines, but every line is priced in the total's currency.
 *
 * <p>Validation: a return or cancellation references its original sale in {@link #originalTransaction()}, which
 * differs from its own id; a sale references none; the total is not negative; the channel is a lower-case token;
 * line currencies match the total's ({@link CurrencyMismatchException}); at most 10,000 lines.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutableTransaction.class)
@JsonDeserialize(as = ImmutableTransaction.class)
public abstract class Transaction implements Attributed {
  Transaction() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The transaction's identifier (an order number for a sale).
   *
   * @return the id
   */
  public abstract TransactionId id();

  /**
   * The customer.
   *
   * @return the customer
   */
  public abstract CustomerId customer();

  /**
   * When the transaction happened.
   *
   * @return the instant
   */
  public abstract Instant occurredAt();

  /**
   * Sale, return or cancellation; {@link TransactionKind#SALE} unless set.
   *
   * @return the kind
   */
  @Value.Default
  public TransactionKind kind() {
    return TransactionKind.SALE;
  }

  /**
   * The sale a return or cancellation reverses.
   *
   * @return the original sale, present exactly for returns and cancellations
   */
  public abstract Optional<TransactionId> originalTransaction();

  /**
   * The products, quantities and prices.
   *
   * @return the lines, possibly empty
   */
  public abstract List<LineItem> lines();

  /**
   * The transaction's value, not negative.
   *
   * @return the total
   */
  public abstract Money total();

  /**
   * The sales channel, a lower-case token such as {@code online}, {@code store} or {@code dealer}.
   *
   * @return the channel, if known
   */
  public abstract Optional<String> channel();

  @Override
  public abstract Map<String, AttributeValue> attributes();

  /**
   * Returns the total with the sign of its effect on monetary value: positive for a sale, negative for a return or
   * cancellation.
   *
   * @return the signed total
   */
  public final Money signedTotal() {
    return kind().isReversal() ? total().negate() : total();
  }

  @Value.Check
  final void check() {
    if (kind().isReversal() && originalTransaction().isEmpty()) {
      throw new IllegalArgumentException("Transaction.originalTransaction is required when kind is " + kind());
    }
    if (!kind().isReversal() && originalTransaction().isPresent()) {
      throw new IllegalArgumentException("Transaction.originalTransaction must be empty when kind is SALE");
    }
    if (originalTransaction().isPresent() && originalTransaction().get().equals(id())) {
      throw new IllegalArgumentException("Transaction.originalTransaction must differ from Transaction.id");
    }
    if (total().isNegative()) {
      throw new IllegalArgumentException(
          "Transaction.total must not be negative (the kind gives the sign), was " + total());
    }
    channel().ifPresent(c -> Checks.token("Transaction.channel", c));
    Checks.size("Transaction.lines", lines().size(), 10_000);
    for (LineItem line : lines()) {
      if (!line.unitPrice().currency().equals(total().currency())) {
        throw new CurrencyMismatchException("Transaction.lines", total().currency(), line.unitPrice().currency());
      }
    }
    Checks.attributeKeys("Transaction.attributes", attributes());
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

  /** Builds a {@link Transaction}; not thread-safe. */
  public static final class Builder extends ImmutableTransaction.Builder {
    Builder() {}
  }
}
