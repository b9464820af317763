package io.github.crmkit.routing.port;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.LeadId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What {@link AssignmentLedger#reserve} is asked to do, as one atomic operation: check that the agent's caps allow
 * one more assignment at {@link #at()} (unless {@link #force()}), check that the lead has no owner (or, for a
 * {@link #reassign()}, replace its owner), then record the assignment, and count it in the strategy scope.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lead the lead
 * @param agent the agent to own it
 * @param at the instant of the assignment
 * @param zone the agent's time zone, for calendar-day, week and month caps
 * @param caps the caps to check (the agent's, already combined with the policy's)
 * @param scope the strategy scope to count the assignment in, or {@code null}
 * @param manual whether a person made the assignment (it counts for round robin all the same)
 * @param force whether to record even past a cap (manual assignments only)
 * @param reassign whether to replace an existing owner instead of refusing
 */
public record ReservationRequest(LeadId lead, AgentId agent, Instant at, ZoneId zone, Capacity caps, String scope,
    boolean manual, boolean force, boolean reassign) {
  /**
   * Checks the components.
   *
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if an automatic request is forced
   */
  public ReservationRequest {
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(caps, "caps");
    if (force && !manual) {
      throw new IllegalArgumentException("ReservationRequest.force is only allowed for manual assignments");
    }
  }
}
