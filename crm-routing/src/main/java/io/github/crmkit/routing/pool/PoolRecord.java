package io.github.crmkit.routing.pool;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.internal.CrmStyle;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The pool state of one lead or customer, as the {@link PoolLedger} stores it: either {@link #isInPool() in the
 * pool} or owned by exactly one agent {@link #ownedSince() since} an instant; its customer level; who owned it last
 * and until when that former owner may not claim it again; the last follow-up interaction, opportunity and deal; the
 * due instants the current owner has been reminded of; and a {@link #version() version} that every change increments,
 * so a ledger can apply changes as compare-and-set.
 *
 * <p>Holds ids, levels and instants only, no personal data.
 *
 * <p>Validation: an owner and the start of its ownership are present together; a cooldown needs a former owner; a
 * reminder belongs to an ownership; the version is not negative; the level is a valid level name.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
public abstract class PoolRecord {
  PoolRecord() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The lead or customer.
   *
   * @return the id
   */
  public abstract PoolRecordId id();

  /**
   * The customer level whose recycling rules apply, a level of the {@link PoolPolicy}.
   *
   * @return the level name
   */
  public abstract String level();

  /**
   * The agent who owns the record.
   *
   * @return the owner, empty while the record is in the pool
   */
  public abstract Optional<AgentId> owner();

  /**
   * When the current ownership began (claim, assignment or registration).
   *
   * @return the instant, empty while the record is in the pool
   */
  public abstract Optional<Instant> ownedSince();

  /**
   * The agent who owned the record before it last entered the pool.
   *
   * @return the former owner, if any
   */
  public abstract Optional<AgentId> formerOwner();

  /**
   * Until when (exclusive) the {@link #formerOwner() former owner} may not claim the record.
   *
   * @return the instant, if a cooldown applies
   */
  public abstract Optional<Instant> cooldownUntil();

  /**
   * The last follow-up interaction.
   *
   * @return the instant, if any
   */
  public abstract Optional<Instant> lastInteraction();

  /**
   * The last opportunity.
   *
   * @return the instant, if any
   */
  public abstract Optional<Instant> lastOpportunity();

  /**
   * The last deal.
   *
   * @return the instant, if any
   */
  public abstract Optional<Instant> lastDeal();

  /**
   * Every recycling due instant the current owner has been reminded of: a due instant that comes back (a level
   * changed and changed back) is not reminded again.
   *
   * @return the due instants, empty outside an ownership
   */
  public abstract Set<Instant> reminders();

  /**
   * The version of the record: 0 when first stored, incremented by every change.
   *
   * @return the version, not negative
   */
  @Value.Default
  public long version() {
    return 0;
  }

  /**
   * Whether the record is in the pool (owned by nobody).
   *
   * @return true if no agent owns it
   */
  public final boolean isInPool() {
    return owner().isEmpty();
  }

  /**
   * Whether the record is owned by the agent.
   *
   * @param agent the agent
   * @return true if the agent owns it
   */
  public final boolean isOwnedBy(AgentId agent) {
    return owner().isPresent() && owner().get().equals(agent);
  }

  @Value.Check
  final void check() {
    String level = PoolPolicy.levelNameProblem(level());
    if (level != null) {
      throw new IllegalArgumentException("PoolRecord.level " + level);
    }
    if (owner().isPresent() != ownedSince().isPresent()) {
      throw new IllegalArgumentException("PoolRecord.ownedSince must be present exactly when the owner is, "
          + "owner " + (owner().isPresent() ? "present" : "absent"));
    }
    if (cooldownUntil().isPresent() && formerOwner().isEmpty()) {
      throw new IllegalArgumentException("PoolRecord.cooldownUntil needs a formerOwner");
    }
    if (!reminders().isEmpty() && owner().isEmpty()) {
      throw new IllegalArgumentException("PoolRecord.reminders need an owner");
    }
    if (version() < 0) {
      throw new IllegalArgumentException("PoolRecord.version must not be negative, was " + version());
    }
  }

  /**
   * Returns a builder initialised with this value's attributes, to derive a changed copy.
   *
   * @return a new builder
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link PoolRecord}; not thread-safe. */
  public static final class Builder extends ImmutablePoolRecord.Builder {
    Builder() {}
  }
}
