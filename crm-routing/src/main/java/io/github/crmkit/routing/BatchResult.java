package io.github.crmkit.routing;

import java.util.List;

/**
 * The decisions of a batch, one per lead in input order, and their counts, which reconcile:
 * {@code leads = assigned + queued + pooled + unassigned}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param decisions one decision per lead, in input order
 * @param assigned how many were assigned
 * @param queued how many were queued
 * @param pooled how many went to the public pool
 * @param unassigned how many were left unassigned
 */
public record BatchResult(List<RoutingDecision> decisions, int assigned, int queued, int pooled, int unassigned) {
  /**
   * Copies the decisions and checks that the counts reconcile.
   *
   * @throws IllegalArgumentException if they do not
   */
  public BatchResult {
    decisions = List.copyOf(decisions);
    if (assigned + queued + pooled + unassigned != decisions.size()) {
      throw new IllegalArgumentException("BatchResult counts do not reconcile: " + assigned + " + " + queued + " + "
          + pooled + " + " + unassigned + " != " + decisions.size());
    }
  }
}
