package io.github.crmkit.routing.pool;

import io.github.crmkit.model.internal.CrmStyle;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * The recycling rules of one customer level: an owned record goes back to the pool when its owner has had no
 * follow-up interaction for {@link #noFollowUpDays() N} days, no opportunity for {@link #noOpportunityDays() M} days
 * or no deal for {@link #noDealDays() K} days (each rule optional; a level without any rule is never recycled),
 * with a reminder {@link #reminderDaysBefore() k} days before, and optionally lands in another level.
 *
 * <p>Each rule's clock starts at the later of the start of the current ownership and the last activity of its kind,
 * so a new owner is never blamed for the former owner's silence; see {@link PublicPool} for the exact instants. A day
 * is 24 hours of the instant timeline.
 *
 * <p>Validation (each message names the field): every number of days is between 1 and {@value PoolPolicy#MAX_DAYS};
 * a reminder needs at least one rule and must come strictly before each rule's threshold.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
public abstract class LevelRules {
  LevelRules() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Days without a follow-up interaction after which the record is recycled (N).
   *
   * @return the days, if this rule applies
   */
  public abstract OptionalInt noFollowUpDays();

  /**
   * Days without an opportunity after which the record is recycled (M).
   *
   * @return the days, if this rule applies
   */
  public abstract OptionalInt noOpportunityDays();

  /**
   * Days without a deal after which the record is recycled (K).
   *
   * @return the days, if this rule applies
   */
  public abstract OptionalInt noDealDays();

  /**
   * How many days before the record would be recycled its owner is reminded (k).
   *
   * @return the days, if owners are reminded
   */
  public abstract OptionalInt reminderDaysBefore();

  /**
   * The level a recycled record lands in; without it, it keeps its level. A voluntary release keeps the level.
   *
   * @return the level name, if it changes
   */
  public abstract Optional<String> recycleToLevel();

  /**
   * The threshold of a rule.
   *
   * @param rule the rule
   * @return the days, if this level has the rule
   */
  public final OptionalInt days(RecycleRule rule) {
    return switch (rule) {
      case NO_FOLLOW_UP -> noFollowUpDays();
      case NO_OPPORTUNITY -> noOpportunityDays();
      case NO_DEAL -> noDealDays();
    };
  }

  /**
   * Whether this level has at least one recycling rule.
   *
   * @return true if a record of this level can be recycled
   */
  public final boolean recycles() {
    return noFollowUpDays().isPresent() || noOpportunityDays().isPresent() || noDealDays().isPresent();
  }

  @Value.Check
  final void check() {
    String field = "LevelRules.";
    fail(field + "noFollowUpDays", daysProblem(noFollowUpDays()));
    fail(field + "noOpportunityDays", daysProblem(noOpportunityDays()));
    fail(field + "noDealDays", daysProblem(noDealDays()));
    fail(field + "reminderDaysBefore", daysProblem(reminderDaysBefore()));
    fail(field + "reminderDaysBefore", reminderProblem(this));
    if (recycleToLevel().isPresent()) {
      fail(field + "recycleToLevel", PoolPolicy.levelNameProblem(recycleToLevel().get()));
    }
  }

  private static void fail(String field, String problem) {
    if (problem != null) {
      throw new IllegalArgumentException(field + " " + problem);
    }
  }

  /** Returns why a number of days is not acceptable, or null. */
  static String daysProblem(OptionalInt days) {
    if (days.isPresent() && (days.getAsInt() < 1 || days.getAsInt() > PoolPolicy.MAX_DAYS)) {
      return "must be between 1 and " + PoolPolicy.MAX_DAYS + ", was " + days.getAsInt();
    }
    return null;
  }

  /** Returns why the reminder does not fit the rules, or null. */
  static String reminderProblem(LevelRules rules) {
    return rules.reminderDaysBefore().isEmpty() ? null
        : reminderProblem(rules.reminderDaysBefore().getAsInt(), rules);
  }

  /** Returns why a reminder of so many days does not fit the rules (the reminder itself ignored), or null. */
  static String reminderProblem(int reminder, LevelRules rules) {
    if (!rules.recycles()) {
      return "needs at least one of noFollowUpDays, noOpportunityDays, noDealDays";
    }
    for (RecycleRule rule : RecycleRule.values()) {
      OptionalInt days = rules.days(rule);
      if (days.isPresent() && reminder >= days.getAsInt()) {
        return "must be less than " + rule.code() + "Days " + days.getAsInt() + ", was " + reminder;
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

  /** Builds {@link LevelRules}; not thread-safe. */
  public static final class Builder extends ImmutableLevelRules.Builder {
    Builder() {}
  }
}
