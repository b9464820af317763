package io.github.crmkit.routing;

import io.github.crmkit.routing.port.CandidateCounters;

/**
 * The chosen candidate's strategy state as a decision read it, and what the decision made of it: one assignment
 * more, the calibration credits granted, the step it was last eligible at. Kept as numbers and rendered as the
 * trace's {@code stateBefore} and {@code stateAfter} texts only when they are read.
 *
 * <p>Immutable and thread-safe.
 *
 * @param agent the agent's id
 * @param assigned assignments through the scope before the decision
 * @param credits calibration credits before the decision
 * @param lastEligibleStep the scope step it was last eligible at before the decision, -1 if never
 * @param total assignments ever recorded before the decision
 * @param lastAssigned the last assignment in epoch milliseconds, {@link CandidateCounters#NEVER} if none
 * @param granted credits the decision granted
 * @param step the scope step levelling recorded for the decision, -1 for the other strategies
 */
record StrategyState(String agent, long assigned, long credits, long lastEligibleStep, long total, long lastAssigned,
    long granted, long step) {
  String before() {
    return agent + " assigned=" + assigned + " credits=" + credits + " lastEligibleStep=" + lastEligibleStep
        + " total=" + total + " lastAssignedAtEpochMilli="
        + (lastAssigned == CandidateCounters.NEVER ? "never" : Long.toString(lastAssigned));
  }

  String after() {
    return agent + " assigned=" + (assigned + 1) + " credits=" + (credits + granted) + " lastEligibleStep="
        + (step >= 0 ? step : lastEligibleStep);
  }
}
