package io.github.crmkit.routing.port;

import java.time.Instant;
import java.util.Optional;

/**
 * An agent's assignment counters as of one instant: assignments in the current calendar day, ISO week (Monday
 * first) and month in the agent's time zone and in the last 30 days, open items owned (the backlog), the instant of
 * the last assignment (manual ones included) and the total ever recorded.
 *
 * <p>Immutable and thread-safe.
 *
 * @param day assignments since the start of the current day
 * @param week assignments since the start of the current ISO week
 * @param month assignments since the start of the current month
 * @param rolling30Days assignments in the 30 days up to the instant
 * @param open open items owned
 * @param lastAssignedAt the last assignment, or {@code null} if never assigned
 * @param total every assignment ever recorded
 */
public record AgentCounters(int day, int week, int month, int rolling30Days, int open, Instant lastAssignedAt,
    long total) {
  /** Counters of an agent that was never assigned anything. */
  public static final AgentCounters NONE = new AgentCounters(0, 0, 0, 0, 0, null, 0);

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public AgentCounters {
    if (day < 0 || week < 0 || month < 0 || rolling30Days < 0 || open < 0 || total < 0) {
      throw new IllegalArgumentException("AgentCounters counts must not be negative");
    }
  }

  /**
   * The last assignment.
   *
   * @return the instant, empty if never assigned
   */
  public Optional<Instant> lastAssigned() {
    return Optional.ofNullable(lastAssignedAt);
  }
}
