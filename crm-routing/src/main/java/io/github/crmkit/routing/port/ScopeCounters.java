package io.github.crmkit.routing.port;

/**
 * A selection strategy's counters for one member of one scope (a pool of a policy): assignments made through the
 * scope, calibration credits granted (count-based levelling), and the scope step at which the member was last
 * eligible.
 *
 * <p>Immutable and thread-safe.
 *
 * @param assigned assignments made to the member through the scope
 * @param credits calibration credits granted to the member, counted as if they were assignments
 * @param lastEligibleStep the scope's step at which the member was last eligible, -1 if never
 */
public record ScopeCounters(long assigned, long credits, long lastEligibleStep) {
  /** The counters of a member that was never seen in the scope. */
  public static final ScopeCounters NONE = new ScopeCounters(0, 0, -1);

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public ScopeCounters {
    if (assigned < 0 || credits < 0 || lastEligibleStep < -1) {
      throw new IllegalArgumentException("ScopeCounters counts must not be negative");
    }
  }
}
