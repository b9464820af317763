package io.github.crmkit.routing.pool;

import io.github.crmkit.model.internal.CrmStyle;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * What an agent may take from the pool: at most {@link #dailyLimit()} claims per calendar day (in the policy's
 * time zone), at most {@link #holdCap()} records held at once, and a former owner only after
 * {@link #reclaimCooldownDays()} days. An absent limit means no limit; a limit of 0 means none at all.
 *
 * <p>Validation (each message names the field): limits are between 0 and {@value PoolPolicy#MAX_LIMIT}; the
 * cooldown is between 0 and {@value PoolPolicy#MAX_DAYS} days.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
public abstract class ClaimRules {
  private static final ClaimRules UNLIMITED = builder().build();

  ClaimRules() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the rules without any limit or cooldown.
   *
   * @return the unlimited rules
   */
  public static ClaimRules unlimited() {
    return UNLIMITED;
  }

  /**
   * The most records an agent may claim per calendar day in the policy's time zone (assignments by a manager do
   * not count).
   *
   * @return the limit, if any
   */
  public abstract OptionalInt dailyLimit();

  /**
   * The most records an agent may hold at once; checked by claims and assignments alike.
   *
   * @return the cap, if any
   */
  public abstract OptionalInt holdCap();

  /**
   * Days after a record entered the pool before its former owner may claim it again; 0 for none.
   *
   * @return the days, 0 by default
   */
  @Value.Default
  public int reclaimCooldownDays() {
    return 0;
  }

  @Value.Check
  final void check() {
    fail("ClaimRules.dailyLimit", limitProblem(dailyLimit()));
    fail("ClaimRules.holdCap", limitProblem(holdCap()));
    fail("ClaimRules.reclaimCooldownDays", cooldownProblem(reclaimCooldownDays()));
  }

  private static void fail(String field, String problem) {
    if (problem != null) {
      throw new IllegalArgumentException(field + " " + problem);
    }
  }

  static String limitProblem(OptionalInt limit) {
    if (limit.isPresent() && (limit.getAsInt() < 0 || limit.getAsInt() > PoolPolicy.MAX_LIMIT)) {
      return "must be between 0 and " + PoolPolicy.MAX_LIMIT + ", was " + limit.getAsInt();
    }
    return null;
  }

  static String cooldownProblem(int days) {
    if (days < 0 || days > PoolPolicy.MAX_DAYS) {
      return "must be between 0 and " + PoolPolicy.MAX_DAYS + ", was " + days;
    }
    return null;
  }

  /**
   * Returns a builder initialised with this value's attributes, to derive a changed copy.
   *
   * @return a new builder
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds {@link ClaimRules}; not thread-safe. */
  public static final class Builder extends ImmutableClaimRules.Builder {
    Builder() {}
  }
}
