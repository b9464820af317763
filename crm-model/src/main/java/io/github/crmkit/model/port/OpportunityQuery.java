package io.github.crmkit.model.port;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.Opportunity;
import io.github.crmkit.model.internal.CrmStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Simple criteria for {@link OpportunityRepository#find}: every given criterion must hold (AND); none given
 * matches all opportunities.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
public abstract class OpportunityQuery {
  private static final OpportunityQuery ALL = builder().build();

  OpportunityQuery() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the query that matches every opportunity.
   *
   * @return the query
   */
  public static OpportunityQuery all() {
    return ALL;
  }

  /**
   * The customer to match.
   *
   * @return the customer, if constrained
   */
  public abstract Optional<CustomerId> customer();

  /**
   * The owner to match.
   *
   * @return the owner, if constrained
   */
  public abstract Optional<AgentId> owner();

  /**
   * The stage to match.
   *
   * @return the stage id, if constrained
   */
  public abstract Optional<String> stageId();

  /**
   * Whether an opportunity meets every criterion; implementations may use it as the reference semantics.
   *
   * @param opportunity the opportunity
   * @return true if it matches
   */
  public final boolean matches(Opportunity opportunity) {
    return customer().map(c -> opportunity.customer().equals(c)).orElse(true)
        && owner().map(o -> opportunity.owner().equals(Optional.of(o))).orElse(true)
        && stageId().map(s -> opportunity.stageId().equals(s)).orElse(true);
  }

  /** Builds an {@link OpportunityQuery}; not thread-safe. */
  public static final class Builder extends ImmutableOpportunityQuery.Builder {
    Builder() {}
  }
}
