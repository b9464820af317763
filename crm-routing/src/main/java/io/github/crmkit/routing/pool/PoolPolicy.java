package io.github.crmkit.routing.pool;

import io.github.crmkit.model.internal.CrmStyle;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * The rules of a public pool (公海), as data: the {@link #protectionDays() protection period} of every new owner, the
 * {@link LevelRules recycling rules} of each customer level (for example {@code A}, {@code B}, {@code C} or the
 * company's own level names), and the {@link ClaimRules claiming rules}. A policy is read from and written to JSON
 * ({@link #fromJson}, {@link #toJson}):
 *
 * <pre>{@code
 * {"version": 1, "timeZone": "Asia/Shanghai", "protectionDays": 3,
 *  "levels": {"A": {"noFollowUpDays": 7, "noOpportunityDays": 30, "noDealDays": 90, "reminderDaysBefore": 2},
 *             "B": {"noFollowUpDays": 15, "reminderDaysBefore": 3, "recycleToLevel": "C"},
 *             "C": {"noFollowUpDays": 30}},
 *  "claiming": {"dailyLimit": 5, "holdCap": 50, "reclaimCooldownDays": 7}}
 * }</pre>
 *
 * <p>Only {@code version} (always {@value #VERSION}) and {@code levels} are required; without {@code timeZone} days
 * are counted in UTC, without {@code protectionDays} there is no protection, without {@code claiming} claims are
 * unlimited.
 *
 * <p>Validation (each message names the field): at least one level; level names are 1 to 64 characters without
 * control characters or surrounding whitespace; {@code recycleToLevel} names a level of the policy; the protection
 * period is between 0 and {@value #MAX_DAYS} days. {@link #fromJson} reports the same problems with their JSON paths.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
public abstract class PoolPolicy {
  /** The document version this library reads and writes. */
  public static final int VERSION = 1;

  /** The largest number of days any rule of a policy may name (100 years). */
  public static final int MAX_DAYS = 36_500;

  /** The largest daily limit or hold cap. */
  public static final int MAX_LIMIT = 1_000_000;

  /** The longest level name. */
  public static final int MAX_LEVEL_NAME_LENGTH = 64;

  PoolPolicy() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads and validates a policy document.
   *
   * @param json the document
   * @return the policy
   * @throws PoolPolicyException with every problem found, each with its JSON path, line and column
   * @throws NullPointerException if {@code json} is null
   */
  public static PoolPolicy fromJson(String json) {
    PoolPolicyJson.Parsed parsed = PoolPolicyJson.parse(json);
    if (!parsed.problems().isEmpty()) {
      throw new PoolPolicyException(parsed.problems());
    }
    return parsed.policy();
  }

  /**
   * Writes the policy as a document that {@link #fromJson} reads back into an equal policy.
   *
   * @return the JSON document
   */
  public final String toJson() {
    return PoolPolicyJson.write(this);
  }

  /**
   * The time zone whose calendar days the daily claim limit counts.
   *
   * @return the zone, UTC by default
   */
  @Value.Default
  public ZoneId timeZone() {
    return ZoneOffset.UTC;
  }

  /**
   * Days after a record is claimed or assigned during which it is not recycled, whatever its rules say; a rule
   * that falls due during the protection period fires when the period ends.
   *
   * @return the days, 0 by default
   */
  @Value.Default
  public int protectionDays() {
    return 0;
  }

  /**
   * The recycling rules per customer level, by level name.
   *
   * @return the levels, at least one
   */
  public abstract Map<String, LevelRules> levels();

  /**
   * The claiming rules.
   *
   * @return the rules, unlimited by default
   */
  @Value.Default
  public ClaimRules claiming() {
    return ClaimRules.unlimited();
  }

  /**
   * Returns the rules of a level.
   *
   * @param level the level name
   * @return the rules
   * @throws IllegalArgumentException if the policy has no such level
   */
  public final LevelRules level(String level) {
    LevelRules rules = levels().get(Objects.requireNonNull(level, "level"));
    if (rules == null) {
      throw new IllegalArgumentException("level '" + level + "' is not a level of the pool policy, expected one of "
          + levels().keySet());
    }
    return rules;
  }

  @Value.Check
  final void check() {
    if (levels().isEmpty()) {
      throw new IllegalArgumentException("PoolPolicy.levels must name at least one level");
    }
    String protection = protectionProblem(protectionDays());
    if (protection != null) {
      throw new IllegalArgumentException("PoolPolicy.protectionDays " + protection);
    }
    for (Map.Entry<String, LevelRules> level : levels().entrySet()) {
      String nameProblem = levelNameProblem(level.getKey());
      if (nameProblem != null) {
        throw new IllegalArgumentException("PoolPolicy.levels: level name " + nameProblem);
      }
      String target = level.getValue().recycleToLevel().orElse(null);
      if (target != null && !levels().containsKey(target)) {
        throw new IllegalArgumentException("PoolPolicy.levels['" + level.getKey() + "'].recycleToLevel names '"
            + target + "', expected one of " + levels().keySet());
      }
    }
  }

  static String protectionProblem(int days) {
    if (days < 0 || days > MAX_DAYS) {
      return "must be between 0 and " + MAX_DAYS + ", was " + days;
    }
    return null;
  }

  /** Returns why a level name is not acceptable, or null; level names are not personal data. */
  static String levelNameProblem(String name) {
    if (name.isEmpty() || name.isBlank()) {
      return "must not be blank";
    }
    if (Character.isWhitespace(name.charAt(0)) || Character.isWhitespace(name.charAt(name.length() - 1))) {
      return "must not start or end with whitespace";
    }
    int length = name.codePointCount(0, name.length());
    if (length > MAX_LEVEL_NAME_LENGTH) {
      return "must be at most " + MAX_LEVEL_NAME_LENGTH + " characters, was " + length;
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
        return "must not contain control characters (found one at index " + i + ")";
      }
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

  /** Builds a {@link PoolPolicy}; not thread-safe. */
  public static final class Builder extends ImmutablePoolPolicy.Builder {
    Builder() {}
  }
}
