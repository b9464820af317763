package io.github.crmkit.routing;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The candidates a pool attempt considered, kept as the members' ids and each one's exclusion reason (null when
 * eligible) and turned into {@link DecisionTrace.CandidateCheck}s only when read, so a decision costs one array,
 * not one object per candidate.
 *
 * <p>Immutable and thread-safe once handed to the trace (the engine no longer writes the reasons then).
 */
final class CandidateCheckList extends AbstractList<DecisionTrace.CandidateCheck> implements RandomAccess {
  private final String[] agents;
  private final String[] excludedBy;

  CandidateCheckList(String[] agents, String[] excludedBy) {
    this.agents = agents;
    this.excludedBy = excludedBy;
  }

  @Override
  public DecisionTrace.CandidateCheck get(int index) {
    if (index < 0 || index >= agents.length) {
      throw new IndexOutOfBoundsException("index " + index + " out of [0, " + agents.length + ")");
    }
    return new DecisionTrace.CandidateCheck(agents[index], excludedBy[index]);
  }

  @Override
  public int size() {
    return agents.length;
  }
}
