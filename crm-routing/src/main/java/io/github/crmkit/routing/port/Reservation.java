package io.github.crmkit.routing.port;

import io.github.crmkit.model.AgentId;
import java.util.Objects;

/**
 * The result of {@link AssignmentLedger#reserve}: reserved, refused because a cap is reached (naming the cap), or
 * refused because the lead already has an owner (naming it).
 *
 * <p>Immutable and thread-safe.
 *
 * @param status what happened
 * @param cap the cap that refused the request ({@code max-per-day}, {@code max-per-week}, {@code max-per-month},
 *     {@code max-per-rolling-30-days}, {@code max-open}), or {@code null}
 * @param previousOwner the lead's owner before the request (the refusing owner, or the replaced one on a
 *     reassignment), or {@code null}
 */
public record Reservation(Status status, String cap, AgentId previousOwner) {
  /** What a reservation did. */
  public enum Status {
    /** Recorded. */
    RESERVED,
    /** Refused: a cap is reached. */
    CAPPED,
    /** Refused: the lead already has an owner. */
    ALREADY_ASSIGNED
  }

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if a capped result names no cap
   */
  public Reservation {
    Objects.requireNonNull(status, "status");
    if (status == Status.CAPPED && cap == null) {
      throw new IllegalArgumentException("Reservation.cap is required when CAPPED");
    }
  }

  /**
   * Whether the assignment was recorded.
   *
   * @return true if reserved
   */
  public boolean reserved() {
    return status == Status.RESERVED;
  }
}
