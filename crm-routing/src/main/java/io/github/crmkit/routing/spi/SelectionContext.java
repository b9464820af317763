package io.github.crmkit.routing.spi;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.Lead;
import io.github.crmkit.routing.port.AgentCounters;
import io.github.crmkit.routing.port.ScopeCounters;

/**
 * What a {@link SelectionStrategy} sees: the eligible candidates (at least one) with their weights, free capacity
 * and counters, the lead and the decision's seed.
 *
 * <p>Not thread-safe; valid only during {@link SelectionStrategy#select}.
 */
public interface SelectionContext {
  /**
   * The number of eligible candidates, at least 1.
   *
   * @return the size
   */
  int size();

  /**
   * A candidate (its id, weight, skills, custom attributes such as a conversion rate the host keeps there).
   *
   * @param i the index
   * @return the agent
   */
  Agent agent(int i);

  /**
   * A candidate's weight (positive).
   *
   * @param i the index
   * @return the weight
   */
  double weight(int i);

  /**
   * A candidate's free capacity: how many more assignments its tightest cap allows, {@link Long#MAX_VALUE} if
   * unlimited.
   *
   * @param i the index
   * @return the free capacity, at least 1
   */
  long freeCapacity(int i);

  /**
   * A candidate's assignment counters (manual assignments included).
   *
   * @param i the index
   * @return the counters
   */
  AgentCounters counters(int i);

  /**
   * A candidate's counters in this pool's scope.
   *
   * @param i the index
   * @return the counters
   */
  ScopeCounters scopeCounters(int i);

  /**
   * A deterministic pseudo-random tie-break key for a candidate, a function of the decision's seed, the lead and
   * the candidate's id (not of its position).
   *
   * @param i the index
   * @return the key
   */
  long tieBreak(int i);

  /**
   * A deterministic pseudo-random number in {@code [0, 1)} for this decision, a function of the seed, the lead and
   * the scope's step.
   *
   * @return the number
   */
  double random();

  /**
   * The lead being routed.
   *
   * @return the lead
   */
  Lead lead();
}
