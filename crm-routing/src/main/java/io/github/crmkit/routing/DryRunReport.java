package io.github.crmkit.routing;

import java.util.List;
import java.util.SortedMap;

/**
 * What a policy would have done over a stream of leads: the distribution per agent, how often each agent was
 * skipped because a cap was reached, the unassigned leads by reason, and every decision. The counts reconcile:
 * {@code leads = assigned + queued + pooled + unassigned}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param leads how many leads were routed
 * @param assigned how many were assigned
 * @param queued how many were queued
 * @param pooled how many went to the public pool
 * @param unassigned how many were left unassigned
 * @param perAgent assignments per agent id
 * @param capHits per agent id, how often it was excluded because a cap was reached
 * @param unassignedByReason unassigned leads per reason code
 * @param perTarget leads per queue or public pool
 * @param decisions every decision, in stream order
 */
public record DryRunReport(int leads, int assigned, int queued, int pooled, int unassigned,
    SortedMap<String, Integer> perAgent, SortedMap<String, Integer> capHits,
    SortedMap<String, Integer> unassignedByReason, SortedMap<String, Integer> perTarget,
    List<RoutingDecision> decisions) {
  /**
   * Copies the components and checks that the counts reconcile.
   *
   * @throws IllegalArgumentException if they do not
   */
  public DryRunReport {
    perAgent = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(perAgent));
    capHits = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(capHits));
    unassignedByReason = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(unassignedByReason));
    perTarget = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(perTarget));
    decisions = List.copyOf(decisions);
    if (assigned + queued + pooled + unassigned != leads || decisions.size() != leads) {
      throw new IllegalArgumentException("DryRunReport counts do not reconcile");
    }
  }
}
