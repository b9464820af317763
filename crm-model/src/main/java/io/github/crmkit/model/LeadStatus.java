package io.github.crmkit.model;

/** Where a lead stands in its handling. */
public enum LeadStatus {
  /** Received, not yet assigned. */
  NEW,
  /** Assigned to an owner who has not yet worked it; an owner is required. */
  ASSIGNED,
  /** Being worked by its owner; an owner is required. */
  WORKING,
  /** Long-term prospect being nurtured (for example by marketing). */
  NURTURING,
  /** Qualified: worth an opportunity. */
  QUALIFIED,
  /** Converted into a customer and/or an opportunity. */
  CONVERTED,
  /** Not a real prospect (spam, duplicate, out of market). */
  DISQUALIFIED,
  /** In the public pool (公海), free for any eligible agent to claim; must have no owner. */
  POOLED
}
