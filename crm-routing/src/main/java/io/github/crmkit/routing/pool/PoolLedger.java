package io.github.crmkit.routing.pool;

import io.github.crmkit.model.AgentId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Secondary port: where the {@link PublicPool} keeps its state, implemented by the host over its own storage
 * ({@link InMemoryPoolLedger} for one process and for tests). The pool decides; the ledger stores and makes every
 * change atomic, so that several callers (threads or application instances) can share one pool:
 *
 * <ul>
 *   <li>every change of a record is a compare-and-set on its {@link PoolRecord#version() version}
 *       ({@link #replace}); a stale caller re-reads and decides again;
 *   <li>taking a record from the pool is one check-and-reserve operation ({@link #acquire}) that also checks and
 *       counts the agent's holdings and claims, so no agent is pushed past a cap by concurrent callers;
 *   <li>a record is never removed: it is always either in the pool or owned by exactly one agent.
 * </ul>
 *
 * <p>A relational implementation keeps a row per record with a version column ({@code UPDATE ... WHERE id = ? AND
 * version = ?}) and, in the same transaction as an acquisition, locks the agent's counter rows. Reusable checks:
 * the abstract {@code PoolLedgerContract} in crm-routing's test jar (see the package documentation).
 *
 * <p>Implementations must be thread-safe.
 */
public interface PoolLedger {
  /** The outcome of {@link #acquire}. */
  enum Acquisition {
    /** The record now belongs to the agent; its holdings (and claims, for a claim) were counted. */
    ACQUIRED,
    /** The record is no longer the expected version (or no longer stored); nothing changed. */
    STALE,
    /** The agent already holds the cap; nothing changed. */
    HOLD_CAP_REACHED,
    /** The agent has claimed the daily limit on that day; nothing changed. */
    DAILY_LIMIT_REACHED
  }

  /**
   * Stores a new record, in the pool or owned; an owned record counts towards its owner's holdings.
   *
   * @param record the record, version 0
   * @return true if stored, false if a record with that id exists (nothing changed)
   * @throws IllegalArgumentException if the version is not 0
   */
  boolean add(PoolRecord record);

  /**
   * Returns the current state of a record.
   *
   * @param id the record id
   * @return the record, if stored
   */
  Optional<PoolRecord> find(PoolRecordId id);

  /**
   * Returns a consistent snapshot of every record, ordered by id.
   *
   * @return the records, unmodifiable
   */
  List<PoolRecord> records();

  /**
   * Replaces a record if it is still at the expected version: for changes that do not give a record to an agent
   * (activity, a reminder, a release or a recycling back to the pool, a level change). The ledger updates the
   * holdings when the owner leaves.
   *
   * @param expected the record as the caller read it
   * @param replacement the new state: same id, version {@code expected.version() + 1}, the same owner or none
   * @return true if replaced, false if the stored record is not {@code expected}'s version (nothing changed)
   * @throws IllegalArgumentException if the replacement has another id or version, or gives the record to an agent
   */
  boolean replace(PoolRecord expected, PoolRecord replacement);

  /**
   * Gives a record from the pool to an agent in one atomic check-and-reserve: if the stored record is still the
   * expected version, the agent holds fewer than {@code holdCap} records and (for a claim) has claimed fewer than
   * {@code dailyLimit} on {@code day}, stores the replacement and counts the holding (and the claim); otherwise
   * changes nothing. Checks are made in this order: version, hold cap, daily limit.
   *
   * @param expected the record in the pool, as the caller read it
   * @param replacement the new state: same id, version {@code expected.version() + 1}, owned by {@code agent}
   * @param holdCap the most records the agent may hold, {@link Integer#MAX_VALUE} for no cap
   * @param claim true if this is the agent's own claim (counted per day), false for an assignment
   * @param day the calendar day the claim counts on
   * @param dailyLimit the most claims per day, {@link Integer#MAX_VALUE} for no limit; ignored unless a claim
   * @return the outcome
   * @throws IllegalArgumentException if {@code expected} is owned, or the replacement has another id or version or
   *     is not owned by the agent, or a limit is negative
   */
  Acquisition acquire(PoolRecord expected, PoolRecord replacement, int holdCap, boolean claim, LocalDate day,
      int dailyLimit);

  /**
   * Returns how many records an agent holds.
   *
   * @param agent the agent
   * @return the count
   */
  int holdings(AgentId agent);

  /**
   * Returns how many records an agent has claimed on a day (releases do not give claims back).
   *
   * @param agent the agent
   * @param day the calendar day in the policy's time zone
   * @return the count
   */
  int claims(AgentId agent, LocalDate day);
}
