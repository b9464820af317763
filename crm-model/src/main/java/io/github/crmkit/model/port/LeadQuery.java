package io.github.crmkit.model.port;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadStatus;
import io.github.crmkit.model.TerritoryId;
import io.github.crmkit.model.internal.CrmStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Simple criteria for {@link LeadRepository#find}: every given criterion must hold (AND); none given matches all
 * leads. The received-time range is half-open: {@code receivedFrom <= receivedAt < receivedBefore}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
public abstract class LeadQuery {
  private static final LeadQuery ALL = builder().build();

  LeadQuery() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the query that matches every lead.
   *
   * @return the query
   */
  public static LeadQuery all() {
    return ALL;
  }

  /**
   * The status to match.
   *
   * @return the status, if constrained
   */
  public abstract Optional<LeadStatus> status();

  /**
   * The owner to match.
   *
   * @return the owner, if constrained
   */
  public abstract Optional<AgentId> owner();

  /**
   * The territory to match.
   *
   * @return the territory, if constrained
   */
  public abstract Optional<TerritoryId> territory();

  /**
   * The earliest receipt time, inclusive.
   *
   * @return the lower bound, if constrained
   */
  public abstract Optional<Instant> receivedFrom();

  /**
   * The receipt time bound, exclusive.
   *
   * @return the upper bound, if constrained
   */
  public abstract Optional<Instant> receivedBefore();

  /**
   * Whether a lead meets every criterion; implementations may use it as the reference semantics.
   *
   * @param lead the lead
   * @return true if it matches
   */
  public final boolean matches(Lead lead) {
    return status().map(s -> lead.status() == s).orElse(true)
        && owner().map(o -> lead.owner().equals(Optional.of(o))).orElse(true)
        && territory().map(t -> lead.territory().equals(Optional.of(t))).orElse(true)
        && receivedFrom().map(f -> !lead.receivedAt().isBefore(f)).orElse(true)
        && receivedBefore().map(b -> lead.receivedAt().isBefore(b)).orElse(true);
  }

  /** Builds a {@link LeadQuery}; not thread-safe. */
  public static final class Builder extends ImmutableLeadQuery.Builder {
    Builder() {}
  }
}
