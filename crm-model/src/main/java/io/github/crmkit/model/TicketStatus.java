package io.github.crmkit.model;

/** Where a service ticket stands. */
public enum TicketStatus {
  /** Opened, not yet worked. */
  OPEN,
  /** Being worked. */
  IN_PROGRESS,
  /** Waiting for the customer's answer. */
  WAITING_ON_CUSTOMER,
  /** Resolved; a resolution time is required. */
  RESOLVED,
  /** Closed after resolution; a resolution time is required. */
  CLOSED;

  /**
   * Whether the ticket is resolved or closed.
   *
   * @return true for {@link #RESOLVED} and {@link #CLOSED}
   */
  public boolean isResolved() {
    return this == RESOLVED || this == CLOSED;
  }
}
