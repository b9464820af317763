package io.github.crmkit.routing.spi;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.Lead;
import java.time.Instant;

/**
 * A candidate filter a plugin adds: excludes agents of a pool for a lead, with a reason code for the trace.
 *
 * <p>Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface CandidateFilter {
  /**
   * Decides whether an agent may take a lead.
   *
   * @param agent the candidate (active, skilled and available; capacity is checked after the filters)
   * @param lead the lead
   * @param now the decision's instant
   * @return null to keep the candidate, or a reason code (a lower-case token, no personal data) to exclude it
   */
  String exclude(Agent agent, Lead lead, Instant now);
}
