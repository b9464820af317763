package io.github.crmkit.lifecycle.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one SLA target's timer on one ticket or lead: when it started, whether it is running, paused or
 * stopped, the business time it consumed in its earlier running periods, and how many of its notices the host has
 * acknowledged. The host stores it with its entity; {@link SlaPolicy} creates and changes it (each change returns a
 * new timer) and answers what is due.
 *
 * <p>Immutable and thread-safe.
 */
public final class SlaTimer {
  /** Where a timer is. Immutable and thread-safe. */
  public enum State {
    /** Consuming business time. */
    RUNNING,
    /** Not consuming business time (the object waits, for example on the customer). */
    PAUSED,
    /** Finished: the target was met (or the object closed); nothing more falls due. */
    STOPPED
  }

  private final String objectId;
  private final String targetName;
  private final State state;
  private final Instant startedAt;
  private final Instant changedAt;
  private final Duration consumedBefore;
  private final List<Instant> periods;
  private final int noticesSent;

  SlaTimer(String objectId, String targetName, State state, Instant startedAt, Instant changedAt,
      Duration consumedBefore, List<Instant> periods, int noticesSent) {
    this.objectId = objectId;
    this.targetName = targetName;
    this.state = state;
    this.startedAt = startedAt;
    this.changedAt = changedAt;
    this.consumedBefore = consumedBefore;
    this.periods = List.copyOf(periods);
    this.noticesSent = noticesSent;
  }

  /**
   * The id of the ticket or lead.
   *
   * @return the id
   */
  public String objectId() {
    return objectId;
  }

  /**
   * The name of the target this timer measures.
   *
   * @return the target name
   */
  public String targetName() {
    return targetName;
  }

  /**
   * Whether the timer runs, is paused or stopped.
   *
   * @return the state
   */
  public State state() {
    return state;
  }

  /**
   * When the timer started.
   *
   * @return the start
   */
  public Instant startedAt() {
    return startedAt;
  }

  /**
   * The instant of the timer's last change (start, pause, resume or stop); later changes must not be earlier.
   *
   * @return the instant
   */
  public Instant changedAt() {
    return changedAt;
  }

  /**
   * The business time consumed in the running periods that ended (before the current one, if running).
   *
   * @return the business time
   */
  public Duration consumedBefore() {
    return consumedBefore;
  }

  /**
   * When the current running period began.
   *
   * @return the instant, empty unless {@link State#RUNNING}
   */
  public Optional<Instant> runningSince() {
    return state == State.RUNNING ? Optional.of(changedAt) : Optional.empty();
  }

  /**
   * The running periods as start and end instants, alternately; a running timer's last period has only its start.
   *
   * @return the instants, in order
   */
  public List<Instant> periods() {
    return periods;
  }

  /**
   * How many notices of the target's schedule (reminders, breach, escalations, in order) the host acknowledged.
   *
   * @return the count
   */
  public int noticesSent() {
    return noticesSent;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SlaTimer t && objectId.equals(t.objectId) && targetName.equals(t.targetName)
        && state == t.state && startedAt.equals(t.startedAt) && changedAt.equals(t.changedAt)
        && consumedBefore.equals(t.consumedBefore) && periods.equals(t.periods) && noticesSent == t.noticesSent;
  }

  @Override
  public int hashCode() {
    return Objects.hash(objectId, targetName, state, startedAt, changedAt, consumedBefore, periods, noticesSent);
  }

  @Override
  public String toString() {
    return "SlaTimer{objectId=" + objectId + ", target=" + targetName + ", state=" + state + ", startedAt="
        + startedAt + ", changedAt=" + changedAt + ", consumedBefore=" + consumedBefore + ", noticesSent="
        + noticesSent + "}";
  }
}
