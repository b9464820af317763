package io.github.crmkit.routing.port;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.LeadId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Secondary port: the state routing shares between calls, threads and (with a database implementation) application
 * instances: each agent's assignment counters and backlog, each lead's owner, and the selection strategies'
 * counters per scope.
 *
 * <p>Contract (checked by {@code AssignmentLedgerContract} in crm-routing's test jar):
 * <ul>
 *   <li>{@link #reserve} is one atomic check-and-reserve: of any number of concurrent requests, never more are
 *       recorded than the caps allow, and a lead never gets two owners;</li>
 *   <li>manual assignments are recorded through {@link #reserve} too, so they count for fairness;</li>
 *   <li>{@link #release} takes a lead out of its owner's backlog (the lead was closed or converted);</li>
 *   <li>reads see every reservation that completed before them.</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface AssignmentLedger {
  /**
   * Returns an agent's counters as of an instant.
   *
   * @param agent the agent
   * @param at the instant
   * @param zone the agent's time zone (for calendar day, week and month)
   * @return the counters, {@link AgentCounters#NONE} for an unknown agent
   */
  AgentCounters counters(AgentId agent, Instant at, ZoneId zone);

  /**
   * Reads the counters of a decision's candidates in one call: each candidate's {@link AgentCounters} as of
   * {@link CandidateCounters#at()} in its zone and, when the batch names a scope, its {@link ScopeCounters} and
   * the scope's step. It must answer exactly what {@link #counters}, {@link #scopeCounters} and {@link #scopeStep}
   * would; the default does it through them, one candidate at a time. Implementations override it to answer with
   * one query (a database) or without allocating (the in-memory ledger).
   *
   * @param batch the candidates to read; the answer is written into it
   */
  default void read(CandidateCounters batch) {
    String scope = batch.scope();
    Instant at = batch.at();
    for (int i = 0; i < batch.size(); i++) {
      batch.setCounters(i, counters(batch.agent(i), at, batch.zone(i)));
      if (scope != null) {
        ScopeCounters s = scopeCounters(scope, batch.agent(i));
        batch.setScopeCounters(i, s.assigned(), s.credits(), s.lastEligibleStep());
      }
    }
    if (scope != null) {
      batch.setScopeStep(scopeStep(scope));
    }
  }

  /**
   * Checks the caps and the lead's owner and records the assignment, as one atomic operation.
   *
   * @param request the request
   * @return what was done
   */
  Reservation reserve(ReservationRequest request);

  /**
   * {@link #reserve(ReservationRequest)} for candidate {@code candidate} of a batch this ledger has just
   * {@link #read(CandidateCounters) read}: a ledger may use what it kept in the batch's
   * {@link CandidateCounters#handle(int) handle} to find the agent's state without looking it up again. It must do
   * and answer exactly what {@link #reserve(ReservationRequest)} would, also when the handle no longer fits the
   * request (another agent or scope): the default ignores the batch.
   *
   * @param request the request, for the agent {@code batch.agent(candidate)} in the normal case
   * @param batch the batch the candidate was read in
   * @param candidate the candidate's position in the batch
   * @return what was done
   * @throws IndexOutOfBoundsException if the position is not in the batch
   */
  default Reservation reserve(ReservationRequest request, CandidateCounters batch, int candidate) {
    batch.handle(candidate); // the position must be valid, as for every implementation
    return reserve(request);
  }

  /**
   * Reserves candidate {@code candidate} of a batch this ledger has just {@link #read(CandidateCounters) read}, for
   * an automatic assignment: the same as {@link #reserve(ReservationRequest, CandidateCounters, int)} with the
   * request of the candidate's agent, zone, the batch's scope and instant, and the caps given (not manual, not
   * forced, not a reassignment). The engine reserves this way; the default makes that request, an implementation
   * may do without it.
   *
   * @param lead the lead
   * @param caps the candidate's caps
   * @param batch the batch the candidate was read in
   * @param candidate the candidate's position in the batch
   * @return what was done
   * @throws IndexOutOfBoundsException if the position is not in the batch
   * @throws NullPointerException if the lead or the caps are null, or the batch has no instant
   */
  default Reservation reserve(LeadId lead, Capacity caps, CandidateCounters batch, int candidate) {
    return reserve(new ReservationRequest(lead, batch.agent(candidate), batch.at(), batch.zone(candidate), caps,
        batch.scope(), false, false, false), batch, candidate);
  }

  /**
   * Takes a lead out of its owner's backlog; its assignment still counts in the day, week and month counters.
   *
   * @param lead the lead
   * @return true if the lead had an owner
   */
  boolean release(LeadId lead);

  /**
   * Returns a lead's current owner.
   *
   * @param lead the lead
   * @return the owner, if assigned and not released
   */
  Optional<AgentId> owner(LeadId lead);

  /**
   * Returns a strategy's counters for one member of a scope.
   *
   * @param scope the scope
   * @param agent the member
   * @return the counters, {@link ScopeCounters#NONE} if never seen
   */
  ScopeCounters scopeCounters(String scope, AgentId agent);

  /**
   * Returns how many decisions a scope has taken (its step).
   *
   * @param scope the scope
   * @return the step, 0 if never used
   */
  long scopeStep(String scope);

  /**
   * Records that a decision in a scope saw some members eligible, granting calibration credits: member
   * {@code i} gets {@code credits[i]} more (zero for none) and its last eligible step becomes the scope's step;
   * then the scope's step advances by one. Atomic per scope.
   *
   * @param scope the scope
   * @param members the eligible members
   * @param credits the credits per member, the same length, none negative
   * @return the scope's step before the call
   */
  long recordStep(String scope, AgentId[] members, long[] credits);

  /**
   * {@link #recordStep(String, AgentId[], long[])} for candidates of a batch this ledger has just read: the scope is
   * the batch's and member {@code i} is the agent at position {@code positions[i]}. The default does exactly that;
   * a ledger may use what its {@link #read} kept in the batch to find the members' counters faster.
   *
   * @param batch a batch with a scope
   * @param positions the eligible members' positions in the batch
   * @param credits the credits per member, the same length, none negative
   * @return the scope's step before the call
   * @throws IllegalArgumentException if the batch has no scope, or the lengths differ
   * @throws IndexOutOfBoundsException if a position is not in the batch
   */
  default long recordStep(CandidateCounters batch, int[] positions, long[] credits) {
    if (batch.scope() == null) {
      throw new IllegalArgumentException("recordStep needs a batch with a scope");
    }
    if (positions.length != credits.length) {
      throw new IllegalArgumentException("positions and credits must have the same length, were "
          + positions.length + " and " + credits.length);
    }
    AgentId[] members = new AgentId[positions.length];
    for (int i = 0; i < positions.length; i++) {
      members[i] = batch.agent(positions[i]);
    }
    return recordStep(batch.scope(), members, credits);
  }
}
