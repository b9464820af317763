package io.github.crmkit.lifecycle.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Something an SLA timer says is due: a reminder before the breach, the breach, or an escalation after it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param objectId the ticket or lead
 * @param targetName the target
 * @param metric what the target measures
 * @param kind reminder, breach or escalation
 * @param level 1 for the first reminder or escalation, 2 for the second, ...; 0 for the breach
 * @param sequence the notice's position in the target's schedule, see {@link SlaTarget#threshold(int)}
 * @param threshold the business time consumed at which the notice fell due
 * @param dueAt the instant at which it fell due
 */
public record SlaNotice(
    String objectId,
    String targetName,
    SlaMetric metric,
    Kind kind,
    int level,
    int sequence,
    Duration threshold,
    Instant dueAt) {

  /** What a notice is. Immutable and thread-safe. */
  public enum Kind {
    /** Before the breach. */
    REMINDER,
    /** The target's limit is reached. */
    BREACH,
    /** After the breach. */
    ESCALATION
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException naming a null component
   * @throws IllegalArgumentException for a negative level or sequence
   */
  public SlaNotice {
    Objects.requireNonNull(objectId, "objectId");
    Objects.requireNonNull(targetName, "targetName");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(dueAt, "dueAt");
    if (level < 0 || sequence < 0) {
      throw new IllegalArgumentException("SlaNotice.level and sequence must not be negative, were " + level + ", "
          + sequence);
    }
  }
}
