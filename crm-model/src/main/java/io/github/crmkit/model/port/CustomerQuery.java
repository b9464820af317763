package io.github.crmkit.model.port;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.Customer;
import io.github.crmkit.model.internal.CrmStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Simple criteria for {@link CustomerRepository#find}: every given criterion must hold (AND); none given matches
 * all customers. The creation-time range is half-open: {@code createdFrom <= createdAt < createdBefore}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
public abstract class CustomerQuery {
  private static final CustomerQuery ALL = builder().build();

  CustomerQuery() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the query that matches every customer.
   *
   * @return the query
   */
  public static CustomerQuery all() {
    return ALL;
  }

  /**
   * The owner to match.
   *
   * @return the owner, if constrained
   */
  public abstract Optional<AgentId> owner();

  /**
   * A tag the customer must carry.
   *
   * @return the tag, if constrained
   */
  public abstract Optional<String> tag();

  /**
   * The earliest creation time, inclusive.
   *
   * @return the lower bound, if constrained
   */
  public abstract Optional<Instant> createdFrom();

  /**
   * The creation time bound, exclusive.
   *
   * @return the upper bound, if constrained
   */
  public abstract Optional<Instant> createdBefore();

  /**
   * Whether a customer meets every criterion; implementations may use it as the reference semantics.
   *
   * @param customer the customer
   * @return true if it matches
   */
  public final boolean matches(Customer customer) {
    return owner().map(o -> customer.owner().equals(Optional.of(o))).orElse(true)
        && tag().map(t -> customer.tags().contains(t)).orElse(true)
        && createdFrom().map(f -> !customer.createdAt().isBefore(f)).orElse(true)
        && createdBefore().map(b -> customer.createdAt().isBefore(b)).orElse(true);
  }

  /** Builds a {@link CustomerQuery}; not thread-safe. */
  public static final class Builder extends ImmutableCustomerQuery.Builder {
    Builder() {}
  }
}
