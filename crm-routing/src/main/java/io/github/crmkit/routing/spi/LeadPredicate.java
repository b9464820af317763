package io.github.crmkit.routing.spi;

import io.github.crmkit.model.Lead;

/**
 * A compiled condition of a plugin operator.
 *
 * <p>Implementations are immutable and thread-safe, fast and allocation-light: they run in every decision.
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
