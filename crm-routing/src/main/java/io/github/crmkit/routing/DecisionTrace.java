package io.github.crmkit.routing;

import java.util.List;
import java.util.Objects;

/**
 * Why a routing decision came out as it did: the policy revision and seed, the owner-affinity check, each rule
 * evaluated (with the condition that failed), each target tried along the fallback chain with the candidates
 * considered (and why each was excluded), the strategy's state before and after, and what was chosen. It holds ids,
 * codes and the policy's own conditions, never lead data. {@link #explain()} renders it for people.
 *
 * <p>Immutable and thread-safe.
 *
 * @param policyRevision the policy's revision
 * @param seed the engine's seed
 * @param ownerAffinity what owner affinity found ({@code off}, {@code none}, {@code owner a-1 capped:max-open}, ...)
 * @param rules the rules evaluated, in order; the last one matched unless none did
 * @param attempts the targets tried, in order
 */
public record DecisionTrace(String policyRevision, long seed, String ownerAffinity, List<RuleCheck> rules,
    List<TargetAttempt> attempts) {
  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public DecisionTrace {
    Objects.requireNonNull(policyRevision, "policyRevision");
    Objects.requireNonNull(ownerAffinity, "ownerAffinity");
    rules = rules instanceof RuleCheckList ? rules : List.copyOf(rules);
    attempts = List.copyOf(attempts);
  }

  /**
   * One rule's evaluation.
   *
   * @param ruleId the rule's id
   * @param matched whether its condition held
   * @param failedPath the JSON path of the condition that failed, or null if matched
   * @param failedCondition that condition in readable form, or null if matched
   */
  public record RuleCheck(String ruleId, boolean matched, String failedPath, String failedCondition) {}

  /**
   * One candidate of a target.
   *
   * @param agent the agent's id
   * @param excludedBy why it was excluded ({@code inactive}, {@code missing-skill:x}, {@code missing-language:x},
   *     {@code unavailable}, {@code capped:max-per-day}, {@code filter:name:code}, ...), or null if eligible
   */
  public record CandidateCheck(String agent, String excludedBy) {}

  /**
   * One target tried: the target ({@code pool:large-dealers}, {@code agent:a-1}, ...), the pool's strategy or null,
   * the candidates considered, the strategy's state for the chosen candidate before and after the decision (null
   * when nothing was chosen), and the result ({@code chosen:a-1}, {@code no-eligible-candidate}, {@code queued},
   * ...). Built by the engine with the candidates and states kept as the decision computed them and turned into
   * text only when read.
   *
   * <p>Immutable and thread-safe.
   */
  public static final class TargetAttempt {
    private final String target;
    private final String strategy;
    /** The candidates, or null until first read in the engine's form (made from the member ids then). */
    private List<CandidateCheck> candidates;
    private final String[] members;
    private final String[] excludedBy;
    private final String result;
    private final StrategyState state;
    private volatile String stateBefore;
    private volatile String stateAfter;

    /**
     * Creates an attempt.
     *
     * @param target the target
     * @param strategy the pool's strategy, or null
     * @param candidates the candidates considered
     * @param stateBefore the strategy's state for the chosen candidate before the decision, or null
     * @param stateAfter that state after, or null
     * @param result what came of it
     * @throws NullPointerException if the target, candidates or result is null
     */
    public TargetAttempt(String target, String strategy, List<CandidateCheck> candidates, String stateBefore,
        String stateAfter, String result) {
      this(target, strategy, List.copyOf(candidates), null, null, stateBefore, stateAfter, null, result);
    }

    /**
     * The engine's form: the candidates as the pool's member ids and each one's exclusion (the arrays are kept, not
     * copied, and must not change afterwards), made into a list and the states rendered on first read.
     */
    static TargetAttempt lazy(String target, String strategy, String[] members, String[] excludedBy,
        StrategyState state, String result) {
      return new TargetAttempt(target, strategy, null, members, excludedBy, null, null, state, result);
    }

    private TargetAttempt(String target, String strategy, List<CandidateCheck> candidates, String[] members,
        String[] excludedBy, String stateBefore, String stateAfter, StrategyState state, String result) {
      this.target = Objects.requireNonNull(target, "target");
      this.strategy = strategy;
      if (candidates == null) {
        Objects.requireNonNull(members, "candidates");
        Objects.requireNonNull(excludedBy, "candidates");
      }
      this.candidates = candidates;
      this.members = members;
      this.excludedBy = excludedBy;
      if (stateBefore != null) { // a volatile write is a full fence on most machines: the engine's form skips both
        this.stateBefore = stateBefore;
      }
      if (stateAfter != null) {
        this.stateAfter = stateAfter;
      }
      this.state = state;
      this.result = Objects.requireNonNull(result, "result");
    }

    /**
     * The target tried.
     *
     * @return the target
     */
    public String target() {
      return target;
    }

    /**
     * The pool's strategy.
     *
     * @return the strategy's name, or null
     */
    public String strategy() {
      return strategy;
    }

    /**
     * The candidates considered, in the pool's order.
     *
     * @return the candidates (immutable)
     */
    public List<CandidateCheck> candidates() {
      List<CandidateCheck> list = candidates;
      if (list == null) { // a racing reader may make its own: the list's fields are final, so either is complete
        list = new CandidateCheckList(members, excludedBy);
        candidates = list;
      }
      return list;
    }

    /**
     * The strategy's state for the chosen candidate before the decision.
     *
     * @return the state, or null when nothing was chosen
     */
    public String stateBefore() {
      String s = stateBefore;
      if (s == null && state != null) {
        s = state.before();
        stateBefore = s;
      }
      return s;
    }

    /**
     * The strategy's state for the chosen candidate after the decision.
     *
     * @return the state, or null when nothing was chosen
     */
    public String stateAfter() {
      String s = stateAfter;
      if (s == null && state != null) {
        s = state.after();
        stateAfter = s;
      }
      return s;
    }

    /**
     * What came of the attempt.
     *
     * @return {@code chosen:a-1}, {@code no-eligible-candidate}, {@code queued}, ...
     */
    public String result() {
      return result;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TargetAttempt t && target.equals(t.target) && Objects.equals(strategy, t.strategy)
          && candidates().equals(t.candidates()) && Objects.equals(stateBefore(), t.stateBefore())
          && Objects.equals(stateAfter(), t.stateAfter()) && result.equals(t.result);
    }

    @Override
    public int hashCode() {
      return Objects.hash(target, strategy, candidates(), stateBefore(), stateAfter(), result);
    }

    /** Returns ids, codes and counters only. */
    @Override
    public String toString() {
      return "TargetAttempt[target=" + target + ", strategy=" + strategy + ", candidates=" + candidates()
          + ", stateBefore=" + stateBefore() + ", stateAfter=" + stateAfter() + ", result=" + result + "]";
    }
  }

  /**
   * Renders the trace as indented lines for people.
   *
   * @return the text
   */
  public String explain() {
    StringBuilder out = new StringBuilder();
    out.append("policy ").append(policyRevision).append(", seed ").append(seed).append('\n');
    out.append("owner affinity: ").append(ownerAffinity).append('\n');
    for (RuleCheck rule : rules) {
      out.append("rule ").append(rule.ruleId()).append(": ");
      if (rule.matched()) {
        out.append("matched\n");
      } else {
        out.append("failed at ").append(rule.failedPath()).append(" (").append(rule.failedCondition()).append(")\n");
      }
    }
    for (TargetAttempt attempt : attempts) {
      out.append("target ").append(attempt.target());
      if (attempt.strategy() != null) {
        out.append(" by ").append(attempt.strategy());
      }
      out.append(": ").append(attempt.result()).append('\n');
      for (CandidateCheck candidate : attempt.candidates()) {
        out.append("  ").append(candidate.agent()).append(": ")
            .append(candidate.excludedBy() == null ? "eligible" : "excluded, " + candidate.excludedBy()).append('\n');
      }
      if (attempt.stateBefore() != null) {
        out.append("  state before: ").append(attempt.stateBefore()).append('\n');
        out.append("  state after:  ").append(attempt.stateAfter()).append('\n');
      }
    }
    return out.toString();
  }
}
