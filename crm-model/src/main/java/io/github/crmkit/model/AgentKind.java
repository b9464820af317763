package io.github.crmkit.model;

/** What kind of assignee an agent is. */
public enum AgentKind {
  /** An in-house sales representative. */
  SALES_REP,
  /** A regional sales manager. */
  REGIONAL_MANAGER,
  /** A dealer (a retail partner). */
  DEALER,
  /** A distributor (a wholesale partner). */
  DISTRIBUTOR,
  /** A queue that holds work for a group rather than a person. */
  QUEUE
}
