package io.github.crmkit.routing;

/** What a routing decision did with a lead. */
public enum Outcome {
  /** Assigned to an agent (recorded in the ledger). */
  ASSIGNED,
  /** Put in a queue. */
  QUEUED,
  /** Put in the public pool (公海). */
  POOLED,
  /** Nobody took it; the decision's reason says why. */
  UNASSIGNED
}
