package io.github.crmkit.routing;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.LeadId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of routing one lead: the outcome, the target (an agent id, a queue id or the public pool's name), the
 * rule that decided, a reason code when unassigned (such as {@code no-rule-matched}, {@code no-eligible-candidate},
 * {@code already-assigned}, or the policy's own code), and the trace that explains it. Ids and codes only: no
 * personal data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lead the lead's id
 * @param outcome what happened
 * @param target the agent, queue or public pool, or null when unassigned
 * @param ruleId the deciding rule's id ({@code owner-affinity} or {@code manual} for those paths), or null
 * @param reason the reason code when unassigned, or null
 * @param decidedAt the decision's instant
 * @param trace the explanation
 */
public record RoutingDecision(LeadId lead, Outcome outcome, String target, String ruleId, String reason,
    Instant decidedAt, DecisionTrace trace) {
  /**
   * Checks the components.
   *
   * @throws NullPointerException if the lead, outcome, instant or trace is null
   * @throws IllegalArgumentException if an unassigned decision has no reason or another has no target
   */
  public RoutingDecision {
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(decidedAt, "decidedAt");
    Objects.requireNonNull(trace, "trace");
    if (outcome == Outcome.UNASSIGNED && reason == null) {
      throw new IllegalArgumentException("RoutingDecision.reason is required when UNASSIGNED");
    }
    if (outcome != Outcome.UNASSIGNED && target == null) {
      throw new IllegalArgumentException("RoutingDecision.target is required when " + outcome);
    }
  }

  /**
   * The assigned agent.
   *
   * @return the agent, if the outcome is {@link Outcome#ASSIGNED}
   */
  public Optional<AgentId> agent() {
    return outcome == Outcome.ASSIGNED ? Optional.of(AgentId.of(target)) : Optional.empty();
  }

  /** Returns ids and codes only, without the trace. */
  @Override
  public String toString() {
    return "RoutingDecision{lead=" + lead.value() + ", outcome=" + outcome + ", target=" + target + ", rule="
        + ruleId + ", reason=" + reason + "}";
  }
}
