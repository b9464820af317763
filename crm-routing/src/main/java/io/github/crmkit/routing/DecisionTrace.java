package io.github.crmkit.routing;

import io.github.crmkit.model.Lead;
import java.util.List;
import java.util.Objects;

/**
 * Why a routing decision came out as it did: the policy revision and seed, the owner-affinity check, each rule
 * evaluated (with the condition that failed), each target tried along the fallback chain with the candidates
 * considered (and why each was excluded), the strategy's state before and after, and what was chosen. It holds ids,
 * codes and the policy's own conditions, never lead data. {@link #explain()} renders it for people.
 *
 * <p>A value: two traces are equal when their components are. The engine builds its traces in a compact form and
 * makes their lists only when they are read.
 *
 * <p>Immutable and thread-safe.
 */
public final class DecisionTrace {
  private final String policyRevision;
  private final long seed;
  private final String ownerAffinity;
  /** The rules as given, or in the engine's form the rule set they are made from when first read. */
  private final Object rulesOrSet;
  /** The engine's form: the rules once made. */
  private List<RuleCheck> rules;
  private final Lead lead;
  private final int matched;
  /** The only attempt, or the list of them. */
  private final Object attempts;

  /**
   * Creates a trace.
   *
   * @param policyRevision the policy's revision
   * @param seed the engine's seed
   * @param ownerAffinity what owner affinity found ({@code off}, {@code none}, {@code owner a-1 capped:max-open},
   *     ...)
   * @param rules the rules evaluated, in order; the last one matched unless none did
   * @param attempts the targets tried, in order
   * @throws NullPointerException if a component is null
   */
  public DecisionTrace(String policyRevision, long seed, String ownerAffinity, List<RuleCheck> rules,
      List<TargetAttempt> attempts) {
    this(policyRevision, seed, ownerAffinity, rules instanceof RuleCheckList ? rules : List.copyOf(rules), null,
        null, -1, List.copyOf(attempts));
  }

  private DecisionTrace(String policyRevision, long seed, String ownerAffinity, List<RuleCheck> rules,
      RuleCheckList.Rules ruleSet, Lead lead, int matched, Object attempts) {
    this.policyRevision = Objects.requireNonNull(policyRevision, "policyRevision");
    this.seed = seed;
    this.ownerAffinity = Objects.requireNonNull(ownerAffinity, "ownerAffinity");
    this.rulesOrSet = rules != null ? rules : Objects.requireNonNull(ruleSet, "ruleSet");
    this.lead = lead;
    this.matched = matched;
    this.attempts = attempts;
  }

  /**
   * The engine's form: the rules {@code ruleSet} evaluated for {@code lead} up to {@code matched} (-1: none
   * matched), explained when read, and the attempts: the buffer's only one is kept as it is, several are copied.
   */
  static DecisionTrace of(String policyRevision, long seed, String ownerAffinity, RuleCheckList.Rules ruleSet,
      Lead lead, int matched, List<TargetAttempt> attempts) {
    return new DecisionTrace(policyRevision, seed, ownerAffinity, null, ruleSet, lead, matched,
        attempts.size() == 1 ? attempts.get(0) : List.copyOf(attempts));
  }

  /**
   * {@link #of(String, long, String, RuleCheckList.Rules, Lead, int, List)} with the attempts {@code before} and
   * then {@code last}: the engine passes its last attempt apart, so that it is not stored into the engine's
   * long-lived buffer first (a collector's write barrier).
   */
  static DecisionTrace of(String policyRevision, long seed, String ownerAffinity, RuleCheckList.Rules ruleSet,
      Lead lead, int matched, List<TargetAttempt> before, TargetAttempt last) {
    Object attempts;
    if (before.isEmpty()) {
      attempts = Objects.requireNonNull(last, "attempt");
    } else {
      TargetAttempt[] all = before.toArray(new TargetAttempt[before.size() + 1]);
      all[all.length - 1] = Objects.requireNonNull(last, "attempt");
      attempts = List.of(all);
    }
    return new DecisionTrace(policyRevision, seed, ownerAffinity, null, ruleSet, lead, matched, attempts);
  }

  /**
   * The engine's form without rules (a decision taken before any rule was evaluated).
   */
  static DecisionTrace withoutRules(String policyRevision, long seed, String ownerAffinity,
      List<TargetAttempt> attempts) {
    return new DecisionTrace(policyRevision, seed, ownerAffinity, List.of(), null, null, -1,
        attempts.size() == 1 ? attempts.get(0) : List.copyOf(attempts));
  }

  /**
   * The policy's revision.
   *
   * @return the revision
   */
  public String policyRevision() {
    return policyRevision;
  }

  /**
   * The engine's seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * What owner affinity found.
   *
   * @return {@code off}, {@code none}, {@code owner a-1 capped:max-open}, ...
   */
  public String ownerAffinity() {
    return ownerAffinity;
  }

  /**
   * The rules evaluated, in order; the last one matched unless none did.
   *
   * @return the rules (immutable)
   */
  @SuppressWarnings("unchecked")
  public List<RuleCheck> rules() {
    if (rulesOrSet instanceof List<?> given) {
      return (List<RuleCheck>) given;
    }
    List<RuleCheck> list = rules;
    if (list == null) { // a racing reader may make its own: the list's fields are final, so either is complete
      list = new RuleCheckList((RuleCheckList.Rules) rulesOrSet, lead, matched);
      rules = list;
    }
    return list;
  }

  /**
   * The targets tried, in order.
   *
   * @return the attempts (immutable)
   */
  @SuppressWarnings("unchecked")
  public List<TargetAttempt> attempts() {
    return attempts instanceof TargetAttempt only ? List.of(only) : (List<TargetAttempt>) attempts;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecisionTrace t && policyRevision.equals(t.policyRevision) && seed == t.seed
        && ownerAffinity.equals(t.ownerAffinity) && rules().equals(t.rules()) && attempts().equals(t.attempts());
  }

  @Override
  public int hashCode() {
    return Objects.hash(policyRevision, seed, ownerAffinity, rules(), attempts());
  }

  /** Returns ids, codes and the policy's conditions only. */
  @Override
  public String toString() {
    return "DecisionTrace[policyRevision=" + policyRevision + ", seed=" + seed + ", ownerAffinity=" + ownerAffinity
        + ", rules=" + rules() + ", attempts=" + attempts() + "]";
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
    /** The candidates as given, or in the engine's form the pool's member ids they are made from when read. */
    private final Object candidatesOrMembers;
    /** The engine's form: each member's exclusion, and the candidates once made. */
    private final String[] excludedBy;
    private List<CandidateCheck> candidates;
    private final String result;
    // the engine's form: the chosen candidate's strategy state as numbers (see StrategyState), agent null if none
    private final String agent;
    private final long assigned;
    private final long credits;
    private final long lastEligibleStep;
    private final long total;
    private final long lastAssigned;
    private final long granted;
    private final long step;
    /** The states as given; null in the engine's form, which renders them from the numbers when read. */
    private final String stateBefore;
    private final String stateAfter;

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
      this(target, strategy, List.copyOf(candidates), null, stateBefore, stateAfter, result, null, 0, 0, 0, 0, 0, 0,
          0);
    }

    /**
     * The engine's form of an attempt that chose nothing: the candidates as the pool's member ids and each one's
     * exclusion (the arrays are kept, not copied, and must not change afterwards), made into a list when read.
     */
    static TargetAttempt lazy(String target, String strategy, String[] members, String[] excludedBy, String result) {
      return new TargetAttempt(target, strategy, Objects.requireNonNull(members, "candidates"),
          Objects.requireNonNull(excludedBy, "candidates"), null, null, result, null, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * The engine's form of an attempt that chose {@code agent}, with its strategy state as the decision read it
     * and what the decision made of it (see {@link StrategyState}), rendered when read.
     */
    static TargetAttempt chose(String target, String strategy, String[] members, String[] excludedBy, String result,
        String agent, long assigned, long credits, long lastEligibleStep, long total, long lastAssigned,
        long granted, long step) {
      return new TargetAttempt(target, strategy, Objects.requireNonNull(members, "candidates"),
          Objects.requireNonNull(excludedBy, "candidates"), null, null, result,
          Objects.requireNonNull(agent, "agent"), assigned, credits, lastEligibleStep, total, lastAssigned, granted,
          step);
    }

    private TargetAttempt(String target, String strategy, Object candidatesOrMembers, String[] excludedBy,
        String stateBefore, String stateAfter, String result, String agent, long assigned, long credits,
        long lastEligibleStep, long total, long lastAssigned, long granted, long step) {
      this.target = Objects.requireNonNull(target, "target");
      this.strategy = strategy;
      this.candidatesOrMembers = candidatesOrMembers;
      this.excludedBy = excludedBy;
      this.stateBefore = stateBefore;
      this.stateAfter = stateAfter;
      this.result = Objects.requireNonNull(result, "result");
      this.agent = agent;
      this.assigned = assigned;
      this.credits = credits;
      this.lastEligibleStep = lastEligibleStep;
      this.total = total;
      this.lastAssigned = lastAssigned;
      this.granted = granted;
      this.step = step;
    }

    /** The engine's form: the agent chosen, or null when none was. */
    String chosenAgent() {
      return agent;
    }

    private StrategyState state() {
      return new StrategyState(agent, assigned, credits, lastEligibleStep, total, lastAssigned, granted, step);
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
    @SuppressWarnings("unchecked")
    public List<CandidateCheck> candidates() {
      if (excludedBy == null) {
        return (List<CandidateCheck>) candidatesOrMembers;
      }
      List<CandidateCheck> list = candidates;
      if (list == null) { // a racing reader may make its own: the list's fields are final, so either is complete
        list = new CandidateCheckList((String[]) candidatesOrMembers, excludedBy);
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
      return agent == null ? stateBefore : state().before();
    }

    /**
     * The strategy's state for the chosen candidate after the decision.
     *
     * @return the state, or null when nothing was chosen
     */
    public String stateAfter() {
      return agent == null ? stateAfter : state().after();
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
    for (RuleCheck rule : rules()) {
      out.append("rule ").append(rule.ruleId()).append(": ");
      if (rule.matched()) {
        out.append("matched\n");
      } else {
        out.append("failed at ").append(rule.failedPath()).append(" (").append(rule.failedCondition()).append(")\n");
      }
    }
    for (TargetAttempt attempt : attempts()) {
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
