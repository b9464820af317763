package io.github.crmkit.lifecycle.sla;

/**
 * What an SLA target measures.
 *
 * <p>Immutable and thread-safe.
 */
public enum SlaMetric {
  /** Time to the first response to a ticket; stopped by the first response. */
  FIRST_RESPONSE,
  /** Time between updates; every response restarts it. */
  NEXT_UPDATE,
  /** Time to resolution; paused in waiting states, stopped when resolved. */
  RESOLUTION,
  /** Time within which a lead must be followed up ("follow up within N days"). */
  FOLLOW_UP
}
