package io.github.crmkit.routing.spi;

import io.github.crmkit.model.Lead;

/**
 * A compiled condition of a plugin operator.
 *
 * <p>Implementations are immutable and thread-safe, fast and allocation-light: they run in every decision. A
 * predicate must be a pure function of the lead: the engine may evaluate it again when a decision's trace is read
 * (to name the condition that failed), and expects the same answer.
 */
@FunctionalInterface
public interface LeadPredicate {
  /**
   * Tests a lead. A missing field should make the test false, not throw.
   *
   * @param lead the lead
   * @return true if the condition holds
   */
  boolean test(Lead lead);
}
