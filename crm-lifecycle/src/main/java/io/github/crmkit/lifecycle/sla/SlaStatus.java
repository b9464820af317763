package io.github.crmkit.lifecycle.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an SLA timer stands at an instant.
 *
 * <p>Immutable and thread-safe.
 *
 * @param state running, paused or stopped
 * @param limit the target's business time
 * @param consumed the business time consumed so far
 * @param remaining {@code limit - consumed}: negative when overdue
 * @param breachAt the instant of the breach: when breached, the instant it happened; when running and not yet
 *     breached, the projected instant if the timer keeps running; otherwise empty
 */
public record SlaStatus(
    SlaTimer.State state, Duration limit, Duration consumed, Duration remaining, Optional<Instant> breachAt) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException naming a null component
   */
  public SlaStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(consumed, "consumed");
    Objects.requireNonNull(remaining, "remaining");
    Objects.requireNonNull(breachAt, "breachAt");
  }

  /**
   * Whether the limit was reached.
   *
   * @return true when no business time remains
   */
  public boolean breached() {
    return consumed.compareTo(limit) >= 0;
  }
}
