package io.github.crmkit.routing;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The rules a decision evaluated, kept as the failing node of each (-1 for the matched rule) and turned into
 * {@link DecisionTrace.RuleCheck}s only when read, so a decision costs one small array, not one object per rule.
 *
 * <p>Immutable and thread-safe.
 */
final class RuleCheckList extends AbstractList<DecisionTrace.RuleCheck> implements RandomAccess {
  private final String[] ruleIds;
  private final CompiledConditions conditions;
  private final int[] failed;
  private final int size;

  RuleCheckList(String[] ruleIds, CompiledConditions conditions, int[] failed, int size) {
    this.ruleIds = ruleIds;
    this.conditions = conditions;
    this.failed = failed;
    this.size = size;
  }

  @Override
  public DecisionTrace.RuleCheck get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " out of [0, " + size + ")");
    }
    int node = failed[index];
    if (node < 0) {
      return new DecisionTrace.RuleCheck(ruleIds[index], true, null, null);
    }
    return new DecisionTrace.RuleCheck(ruleIds[index], false, conditions.path(node), conditions.text(node));
  }

  @Override
  public int size() {
    return size;
  }
}
