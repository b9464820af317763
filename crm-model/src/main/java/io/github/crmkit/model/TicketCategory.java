package io.github.crmkit.model;

/** What a service ticket is about. */
public enum TicketCategory {
  /** A question. */
  QUESTION,
  /** A complaint. */
  COMPLAINT,
  /** After-sales service: installation, maintenance, repair. */
  AFTER_SALES,
  /** A warranty claim. */
  WARRANTY
}
