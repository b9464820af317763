package io.github.crmkit.model;

/** How urgent a service ticket is, lowest first. */
public enum TicketPriority {
  /** Low. */
  LOW,
  /** Normal. */
  NORMAL,
  /** High. */
  HIGH,
  /** Urgent. */
  URGENT
}
