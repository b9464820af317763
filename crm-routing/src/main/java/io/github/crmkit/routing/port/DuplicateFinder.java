package io.github.crmkit.routing.port;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.Lead;
import java.util.Optional;

/**
 * Secondary port for owner affinity: the host finds whether a new lead belongs to an existing customer or duplicates
 * an open lead, and returns that record's owner. The routing engine then gives the lead to that owner when the
 * policy asks for owner affinity and the owner can take it.
 *
 * <p>Implementations are thread-safe; they must not throw for an ordinary lead (an exception is treated as "no
 * owner found" and noted in the trace).
 */
@FunctionalInterface
public interface DuplicateFinder {
  /** A finder that never finds anything. */
  DuplicateFinder NONE = lead -> Optional.empty();

  /**
   * Finds the owner of the lead's existing customer or duplicate open lead.
   *
   * @param lead the new lead
   * @return the owner, if any
   */
  Optional<AgentId> existingOwner(Lead lead);
}
