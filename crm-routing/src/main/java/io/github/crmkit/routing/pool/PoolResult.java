package io.github.crmkit.routing.pool;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.internal.CrmStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The result of a claim, an assignment from the pool or a release: accepted, with the record's new state, or
 * rejected with a {@link Rejection reason}. An ordinary refusal is a result, never an exception. Holds ids, codes
 * and instants only, no personal data.
 *
 * <p>Validation: an accepted result has the record and no rejection; a rejected one a rejection and no record; the
 * cooldown instant is present exactly for {@link Rejection#COOLDOWN}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
public abstract class PoolResult {
  PoolResult() {}

  /** The operations on the pool that return a result. */
  public enum Operation {
    /** An agent takes a record from the pool ({@link PublicPool#claim}). */
    CLAIM,
    /** Someone gives a record from the pool to an agent ({@link PublicPool#assign}). */
    ASSIGN,
    /** The owner returns a record to the pool ({@link PublicPool#release}). */
    RELEASE
  }

  /** Why an operation was refused. */
  public enum Rejection {
    /** The pool holds no record with that id. */
    UNKNOWN_RECORD,
    /** The record is owned (by another agent or by this one), not in the pool. */
    ALREADY_OWNED,
    /** A release by an agent who does not own the record. */
    NOT_OWNER,
    /** The agent is the record's former owner and its cooldown has not ended: see {@link #cooldownUntil()}. */
    COOLDOWN,
    /** The agent already holds as many records as {@link ClaimRules#holdCap()} allows. */
    HOLD_CAP_REACHED,
    /** The agent has claimed as many records today as {@link ClaimRules#dailyLimit()} allows. */
    DAILY_LIMIT_REACHED
  }

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * What was asked.
   *
   * @return the operation
   */
  public abstract Operation operation();

  /**
   * The record asked for.
   *
   * @return the record id
   */
  public abstract PoolRecordId recordId();

  /**
   * The agent who claims, is assigned or releases.
   *
   * @return the agent
   */
  public abstract AgentId agent();

  /**
   * When it was asked.
   *
   * @return the instant
   */
  public abstract Instant at();

  /**
   * Why it was refused.
   *
   * @return the reason, empty if accepted
   */
  public abstract Optional<Rejection> rejection();

  /**
   * For a {@link Rejection#COOLDOWN}: the first instant at which the former owner may claim the record.
   *
   * @return the instant, present only for a cooldown
   */
  public abstract Optional<Instant> cooldownUntil();

  /**
   * The record's state after an accepted operation.
   *
   * @return the record, empty if rejected
   */
  public abstract Optional<PoolRecord> record();

  /**
   * Whether the operation was accepted.
   *
   * @return true if accepted
   */
  public final boolean isAccepted() {
    return rejection().isEmpty();
  }

  @Value.Check
  final void check() {
    if (rejection().isPresent() == record().isPresent()) {
      throw new IllegalArgumentException("PoolResult must have either a rejection or the record");
    }
    if (cooldownUntil().isPresent() != (rejection().orElse(null) == Rejection.COOLDOWN)) {
      throw new IllegalArgumentException("PoolResult.cooldownUntil must be present exactly for a COOLDOWN rejection");
    }
  }

  /** Returns for example {@code CLAIM lead:L-1 by A-7 at 2026-03-01T09:00:00Z: COOLDOWN until ...}. */
  @Override
  public final String toString() {
    StringBuilder out = new StringBuilder().append(operation()).append(' ').append(recordId()).append(" by ")
        .append(agent()).append(" at ").append(at()).append(": ");
    if (isAccepted()) {
      return out.append("accepted").toString();
    }
    out.append(rejection().get());
    cooldownUntil().ifPresent(until -> out.append(" until ").append(until));
    return out.toString();
  }

  /** Builds a {@link PoolResult}; not thread-safe. */
  public static final class Builder extends ImmutablePoolResult.Builder {
    Builder() {}
  }
}
