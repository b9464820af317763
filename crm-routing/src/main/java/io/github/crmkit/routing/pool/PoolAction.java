package io.github.crmkit.routing.pool;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.internal.CrmStyle;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * What a {@link PublicPool#sweep sweep} did to one record: recycled it back to the pool, or reminded its owner that
 * it will be recycled. Holds ids, codes, level names and instants only, no personal data.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
public abstract class PoolAction {
  PoolAction() {}

  /** The kinds of action. */
  public enum Kind {
    /** The record went back to the pool. */
    RECYCLE,
    /** The owner was reminded that the record will be recycled at {@link PoolAction#dueAt()}. */
    REMIND
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
   * Whether the record was recycled or its owner reminded.
   *
   * @return the kind
   */
  public abstract Kind kind();

  /**
   * The record.
   *
   * @return the record id
   */
  public abstract PoolRecordId recordId();

  /**
   * The owner: the former owner of a recycled record, the current owner of a reminded one.
   *
   * @return the agent
   */
  public abstract AgentId owner();

  /**
   * The rule that fired (or will fire, for a reminder).
   *
   * @return the rule
   */
  public abstract RecycleRule rule();

  /**
   * When the record was (or will be) due for recycling under that rule, after any protection period.
   *
   * @return the due instant
   */
  public abstract Instant dueAt();

  /**
   * The level whose rule fired.
   *
   * @return the level name
   */
  public abstract String level();

  /**
   * The level the record is in after the action: the level's {@link LevelRules#recycleToLevel()} for a recycled
   * record that has one, otherwise {@link #level()}.
   *
   * @return the level name
   */
  public abstract String landingLevel();

  /**
   * Returns a builder initialised with this value's attributes, to derive a changed copy.
   *
   * @return a new builder
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link PoolAction}; not thread-safe. */
  public static final class Builder extends ImmutablePoolAction.Builder {
    Builder() {}
  }
}
