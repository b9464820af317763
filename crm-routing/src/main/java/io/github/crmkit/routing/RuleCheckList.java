package io.github.crmkit.routing;

import io.github.crmkit.model.Lead;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The rules a decision evaluated: every rule before the matched one (all of them when none matched), and the
 * matched one. Each failing condition is found when the list is read, by evaluating that rule's condition again over
 * the same lead facts (conditions are pure functions of the lead), so a decision that the rule filter settles
 * without evaluating most rules still explains every one of them, at no cost until someone reads it.
 *
 * <p>Immutable and thread-safe.
 */
final class RuleCheckList extends AbstractList<DecisionTrace.RuleCheck> implements RandomAccess {
  /**
   * A compiled policy's rules, as its traces explain them: one per engine, shared by its traces.
   *
   * @param ruleIds the rules' ids, in order
   * @param roots each rule's condition node
   * @param conditions the compiled conditions
   * @param territories the territory index
   */
  record Rules(String[] ruleIds, int[] roots, CompiledConditions conditions, TerritoryIndex territories) {}

  private final Rules rules;
  private final Lead lead;
  private final int matched;
  private final int size;
  /** The lead's facts, extracted again on the first read: the decision's own were its thread's, reused since. */
  private volatile LeadFacts facts;

  RuleCheckList(Rules rules, Lead lead, int matched) {
    this.rules = rules;
    this.lead = lead;
    this.matched = matched;
    this.size = matched < 0 ? rules.ruleIds().length : matched + 1;
  }

  private LeadFacts facts() {
    LeadFacts f = facts;
    if (f == null) { // racing readers may each extract them: the same facts of the same immutable lead
      f = new LeadFacts(lead, rules.conditions(), rules.territories());
      facts = f;
    }
    return f;
  }

  @Override
  public DecisionTrace.RuleCheck get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " out of [0, " + size + ")");
    }
    String[] ruleIds = rules.ruleIds();
    if (index == matched) {
      return new DecisionTrace.RuleCheck(ruleIds[index], true, null, null);
    }
    CompiledConditions conditions = rules.conditions();
    int[] roots = rules.roots();
    int node = conditions.evalFail(roots[index], facts());
    if (node < 0) { // only a plugin operator that is not a pure function of the lead gets here
      return new DecisionTrace.RuleCheck(ruleIds[index], false, conditions.path(roots[index]),
          "failed when decided, holds when re-evaluated: an operator is not a pure function of the lead");
    }
    return new DecisionTrace.RuleCheck(ruleIds[index], false, conditions.path(node), conditions.text(node));
  }

  @Override
  public int size() {
    return size;
  }
}
