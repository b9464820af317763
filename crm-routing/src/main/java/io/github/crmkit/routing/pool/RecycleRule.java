package io.github.crmkit.routing.pool;

/**
 * The recycling rules of a customer level (see {@link LevelRules}): what an owner failed to do in time. When several
 * rules fall due at the same instant, the first in declaration order is the one reported.
 *
 * <p>Immutable and thread-safe.
 */
public enum RecycleRule {
  /** No follow-up interaction for {@link LevelRules#noFollowUpDays()} days. */
  NO_FOLLOW_UP("noFollowUp"),
  /** No opportunity for {@link LevelRules#noOpportunityDays()} days. */
  NO_OPPORTUNITY("noOpportunity"),
  /** No deal for {@link LevelRules#noDealDays()} days. */
  NO_DEAL("noDeal");

  private final String code;

  RecycleRule(String code) {
    this.code = code;
  }

  /**
   * The rule's code in events and messages: {@code noFollowUp}, {@code noOpportunity} or {@code noDeal}.
   *
   * @return the code
   */
  public String code() {
    return code;
  }
}
