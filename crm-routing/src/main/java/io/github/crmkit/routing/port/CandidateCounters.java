package io.github.crmkit.routing.port;

import io.github.crmkit.model.AgentId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;

/**
 * The counters of a decision's candidates, read from an {@link AssignmentLedger} in one call
 * ({@link AssignmentLedger#read}): for each candidate its {@link AgentCounters} and, when the request names a
 * strategy scope, its {@link ScopeCounters} and the scope's step. The engine fills the request part
 * ({@link #request}, {@link #add}); the ledger fills the answer ({@link #setCounters}, {@link #setScopeCounters},
 * {@link #setScopeStep}). Counters are kept in primitive columns, so a read allocates nothing; a database ledger
 * answers it with one query instead of one per candidate.
 *
 * <p>A read is a snapshot to choose by, not a promise: the caps are checked again, atomically, by
 * {@link AssignmentLedger#reserve}.
 *
 * <p>Not thread-safe: one instance belongs to one decision at a time.
 */
public final class CandidateCounters {
  /** The current day's count, in a mask of {@link #windows()}. */
  public static final int DAY = 1;
  /** The current ISO week's count, in a mask of {@link #windows()}. */
  public static final int WEEK = 2;
  /** The current month's count, in a mask of {@link #windows()}. */
  public static final int MONTH = 4;
  /** The last 30 days' count, in a mask of {@link #windows()}. */
  public static final int ROLLING_30_DAYS = 8;
  /** Every window. */
  public static final int ALL_WINDOWS = DAY | WEEK | MONTH | ROLLING_30_DAYS;

  /** The value of {@link #lastAssignedEpochMilli} for an agent never assigned anything. */
  public static final long NEVER = Long.MIN_VALUE;

  private AgentId[] agents;
  private ZoneId[] zones;
  private Object[] handles;
  private int size;
  /*
   * The instant as numbers, not as the caller's Instant: a batch lives long, the instant of each request is new, and
   * keeping a reference to a new object in a long-lived one costs a collector's write barrier (with G1, a memory
   * fence) on every request. at() makes an equal Instant when asked.
   */
  private boolean requested;
  private long atSecond;
  private int atNano;
  private long atEpochMilli;
  private String scope;
  private int windows = ALL_WINDOWS;
  private long modifications;
  /*
   * The counters by column: counter k of candidate i at k * room + i, where room is the batch's capacity. A check of
   * every candidate's day count and backlog, or a scan of their last assignments, then reads a line or two per
   * counter, where a candidate's counters side by side spread them over every line of the arrays (a rarely used
   * pool's batch is not in the caches).
   */
  private static final int INTS = 5;
  private static final int DAY_AT = 0;
  private static final int WEEK_AT = 1;
  private static final int MONTH_AT = 2;
  private static final int ROLLING_AT = 3;
  private static final int OPEN_AT = 4;
  private static final int LONGS = 5;
  private static final int LAST_AT = 0;
  private static final int TOTAL_AT = 1;
  private static final int SCOPE_ASSIGNED_AT = 2;
  private static final int SCOPE_CREDITS_AT = 3;
  private static final int SCOPE_STEP_AT = 4;
  private int[] ints;
  private long[] longs;
  private int room;
  private long scopeStep;

  /**
   * Creates an empty batch with room for some candidates (it grows as needed).
   *
   * @param capacity the initial room, at least 0
   * @throws IllegalArgumentException if the capacity is negative
   */
  public CandidateCounters(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("CandidateCounters.capacity must not be negative, was " + capacity);
    }
    allocate(Math.max(capacity, 1));
  }

  private void allocate(int n) {
    if (agents == null) {
      agents = new AgentId[n];
      zones = new ZoneId[n];
      handles = new Object[n];
      ints = new int[n * INTS];
      longs = new long[n * LONGS];
      room = n;
      return;
    }
    agents = Arrays.copyOf(agents, n);
    zones = Arrays.copyOf(zones, n);
    handles = Arrays.copyOf(handles, n);
    int[] moreInts = new int[n * INTS];
    long[] moreLongs = new long[n * LONGS];
    for (int k = 0; k < INTS; k++) {
      System.arraycopy(ints, k * room, moreInts, k * n, size);
    }
    for (int k = 0; k < LONGS; k++) {
      System.arraycopy(longs, k * room, moreLongs, k * n, size);
    }
    ints = moreInts;
    longs = moreLongs;
    room = n;
  }

  /**
   * Starts a new request: clears the candidates and sets the instant and the scope.
   *
   * @param at the instant the counters are read as of
   * @param scope the strategy scope whose counters to read too, or {@code null}
   * @return this batch
   */
  public CandidateCounters request(Instant at, String scope) {
    return request(at, scope, ALL_WINDOWS);
  }

  /**
   * Starts a new request for some of the windows only: a ledger may leave the counts of the others at 0 (the
   * engine asks only for the windows its caps use, so the in-memory ledger skips the rest).
   *
   * @param at the instant the counters are read as of
   * @param scope the strategy scope whose counters to read too, or {@code null}
   * @param windows a mask of {@link #DAY}, {@link #WEEK}, {@link #MONTH} and {@link #ROLLING_30_DAYS}
   * @return this batch
   * @throws IllegalArgumentException if the mask has other bits
   */
  public CandidateCounters request(Instant at, String scope, int windows) {
    if ((windows & ~ALL_WINDOWS) != 0) {
      throw new IllegalArgumentException("CandidateCounters.windows must be a mask of DAY, WEEK, MONTH and"
          + " ROLLING_30_DAYS, was " + windows);
    }
    Objects.requireNonNull(at, "at");
    this.atEpochMilli = at.toEpochMilli();
    this.atSecond = at.getEpochSecond();
    this.atNano = at.getNano();
    this.requested = true;
    this.scope = scope;
    this.windows = windows;
    this.size = 0;
    this.scopeStep = 0;
    modifications++;
    return this;
  }
  /**
   * Starts a new request for the same candidates at another instant: the scope, the windows, the agents, their zones,
   * the ledger's handles and the counters are kept. The counters stay as the ledger last wrote them until its next
   * {@link AssignmentLedger#read read}, which sets them all again; a ledger that knows some candidates' counters
   * have not changed since (the in-memory ledger) may leave those as they are. The engine asks again for a pool
   * whose candidates depend on neither the lead nor the time, and saves adding them one by one.
   *
   * @param at the instant the counters are read as of
   * @return this batch
   * @throws IllegalStateException if no request was started before
   */
  public CandidateCounters requestAgain(Instant at) {
    Objects.requireNonNull(at, "at");
    if (!requested) {
      throw new IllegalStateException("requestAgain needs an earlier request");
    }
    this.atEpochMilli = at.toEpochMilli();
    this.atSecond = at.getEpochSecond();
    this.atNano = at.getNano();
    return this;
  }

  /**
   * The number of changes made so far to the batch's candidates, handles and counters (by {@link #request},
   * {@link #add}, {@link #setHandle} and the setters of counters), not by {@link #requestAgain}. A ledger that keeps
   * counters from one read to the next compares it with the number it saw at the end of its previous read: any
   * other change in between makes it read every candidate again.
   *
   * @return the number of changes
   */
  public long modifications() {
    return modifications;
  }


  /**
   * The windows asked for: the counts of the others may be left at 0.
   *
   * @return a mask of {@link #DAY}, {@link #WEEK}, {@link #MONTH} and {@link #ROLLING_30_DAYS}
   */
  public int windows() {
    return windows;
  }

  /**
   * Adds a candidate to the request; its answer columns start as those of an agent never seen.
   *
   * @param agent the agent
   * @param zone the agent's time zone (for the calendar day, week and month)
   * @return the candidate's position
   */
  public int add(AgentId agent, ZoneId zone) {
    if (size == agents.length) {
      allocate(size * 2);
    }
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(zone, "zone");
    int i = size++;
    modifications++;
    // a batch reused for one pool sees the same agents again: write references only when they change
    if (agents[i] != agent) {
      agents[i] = agent;
      handles[i] = null; // another agent at this position: the ledger's handle no longer applies
    }
    if (zones[i] != zone) {
      zones[i] = zone;
    }
    int r = room;
    ints[DAY_AT * r + i] = 0;
    ints[WEEK_AT * r + i] = 0;
    ints[MONTH_AT * r + i] = 0;
    ints[ROLLING_AT * r + i] = 0;
    ints[OPEN_AT * r + i] = 0;
    longs[LAST_AT * r + i] = NEVER;
    longs[TOTAL_AT * r + i] = 0;
    longs[SCOPE_ASSIGNED_AT * r + i] = 0;
    longs[SCOPE_CREDITS_AT * r + i] = 0;
    longs[SCOPE_STEP_AT * r + i] = -1;
    return i;
  }

  /**
   * The ledger's own handle for the candidate at a position, kept by this batch from one request to the next as
   * long as the same agent instance is added at the same position (a batch reused for one pool keeps them). A
   * ledger may store there whatever finds the agent's state without a lookup, and must check that a handle it reads
   * is its own and for this agent (a batch may be read by several ledgers); other ledgers ignore it.
   *
   * @param i the position
   * @return the handle, or null
   */
  public Object handle(int i) {
    check(i);
    return handles[i];
  }

  /**
   * Sets the ledger's handle for the candidate at a position, see {@link #handle}.
   *
   * @param i the position
   * @param handle the handle, or null
   */
  public void setHandle(int i, Object handle) {
    check(i);
    handles[i] = handle;
    modifications++;
  }

  /**
   * The number of candidates.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * A candidate.
   *
   * @param i the position
   * @return the agent
   */
  public AgentId agent(int i) {
    check(i);
    return agents[i];
  }

  /**
   * A candidate's time zone.
   *
   * @param i the position
   * @return the zone
   */
  public ZoneId zone(int i) {
    check(i);
    return zones[i];
  }

  /**
   * The instant the counters are read as of: equal to the one the request gave, made anew by each call.
   *
   * @return the instant, or {@code null} before the first request
   */
  public Instant at() {
    return requested ? Instant.ofEpochSecond(atSecond, atNano) : null;
  }

  /**
   * Whether a request was started: {@link #at()} is not null, and {@link #requestAgain} may be called.
   *
   * @return whether a request was started
   */
  public boolean requested() {
    return requested;
  }

  /**
   * The instant the counters are read as of, in epoch milliseconds.
   *
   * @return the instant
   */
  public long atEpochMilli() {
    return atEpochMilli;
  }

  /**
   * The strategy scope to read, or {@code null}.
   *
   * @return the scope
   */
  public String scope() {
    return scope;
  }

  private void check(int i) {
    Objects.checkIndex(i, size); // one unsigned comparison, which the compiler merges with others on the same index
  }

  private static void notNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException("CandidateCounters." + name + " must not be negative, was " + value);
    }
  }

  /**
   * Sets a candidate's counters.
   *
   * @param i the position
   * @param day assignments in the current day
   * @param week assignments in the current ISO week
   * @param month assignments in the current month
   * @param rolling30Days assignments in the last 30 days
   * @param open open items owned
   * @param lastAssignedEpochMilli the last assignment in epoch milliseconds, {@link #NEVER} if none
   * @param total assignments ever recorded
   * @throws IllegalArgumentException if a count is negative
   */
  public void setCounters(int i, int day, int week, int month, int rolling30Days, int open,
      long lastAssignedEpochMilli, long total) {
    check(i);
    notNegative(day | week | month | rolling30Days | open | total, "counts");
    modifications++;
    int r = room;
    ints[DAY_AT * r + i] = day;
    ints[WEEK_AT * r + i] = week;
    ints[MONTH_AT * r + i] = month;
    ints[ROLLING_AT * r + i] = rolling30Days;
    ints[OPEN_AT * r + i] = open;
    longs[LAST_AT * r + i] = lastAssignedEpochMilli;
    longs[TOTAL_AT * r + i] = total;
  }

  /**
   * Sets a candidate's counters from a value.
   *
   * @param i the position
   * @param c the counters
   */
  public void setCounters(int i, AgentCounters c) {
    setCounters(i, c.day(), c.week(), c.month(), c.rolling30Days(), c.open(),
        c.lastAssignedAt() == null ? NEVER : c.lastAssignedAt().toEpochMilli(), c.total());
  }

  /**
   * Sets a candidate's counters in the scope.
   *
   * @param i the position
   * @param assigned assignments through the scope
   * @param credits calibration credits granted
   * @param lastEligibleStep the scope step at which it was last eligible, -1 if never
   * @throws IllegalArgumentException if a count is negative or the step below -1
   */
  public void setScopeCounters(int i, long assigned, long credits, long lastEligibleStep) {
    check(i);
    notNegative(assigned | credits, "scope counts");
    if (lastEligibleStep < -1) {
      throw new IllegalArgumentException("CandidateCounters.lastEligibleStep must be -1 or more, was "
          + lastEligibleStep);
    }
    modifications++;
    int r = room;
    longs[SCOPE_ASSIGNED_AT * r + i] = assigned;
    longs[SCOPE_CREDITS_AT * r + i] = credits;
    longs[SCOPE_STEP_AT * r + i] = lastEligibleStep;
  }

  /**
   * Sets the scope's step (how many decisions it has taken).
   *
   * @param step the step
   * @throws IllegalArgumentException if negative
   */
  public void setScopeStep(long step) {
    notNegative(step, "scopeStep");
    scopeStep = step;
    modifications++;
  }

  /**
   * Assignments in the candidate's current day.
   *
   * @param i the position
   * @return the count
   */
  public int day(int i) {
    check(i);
    return ints[DAY_AT * room + i];
  }

  /**
   * Assignments in the candidate's current ISO week.
   *
   * @param i the position
   * @return the count
   */
  public int week(int i) {
    check(i);
    return ints[WEEK_AT * room + i];
  }

  /**
   * Assignments in the candidate's current month.
   *
   * @param i the position
   * @return the count
   */
  public int month(int i) {
    check(i);
    return ints[MONTH_AT * room + i];
  }

  /**
   * Assignments in the last 30 days.
   *
   * @param i the position
   * @return the count
   */
  public int rolling30Days(int i) {
    check(i);
    return ints[ROLLING_AT * room + i];
  }

  /**
   * Open items owned.
   *
   * @param i the position
   * @return the count
   */
  public int open(int i) {
    check(i);
    return ints[OPEN_AT * room + i];
  }

  /**
   * The last assignment.
   *
   * @param i the position
   * @return epoch milliseconds, {@link #NEVER} if never assigned
   */
  public long lastAssignedEpochMilli(int i) {
    check(i);
    return longs[LAST_AT * room + i];
  }

  /**
   * Assignments ever recorded.
   *
   * @param i the position
   * @return the count
   */
  public long total(int i) {
    check(i);
    return longs[TOTAL_AT * room + i];
  }

  /**
   * Assignments through the scope.
   *
   * @param i the position
   * @return the count
   */
  public long scopeAssigned(int i) {
    check(i);
    return longs[SCOPE_ASSIGNED_AT * room + i];
  }

  /**
   * Calibration credits granted in the scope.
   *
   * @param i the position
   * @return the count
   */
  public long scopeCredits(int i) {
    check(i);
    return longs[SCOPE_CREDITS_AT * room + i];
  }

  /**
   * The scope step at which the candidate was last eligible.
   *
   * @param i the position
   * @return the step, -1 if never
   */
  public long scopeLastEligibleStep(int i) {
    check(i);
    return longs[SCOPE_STEP_AT * room + i];
  }

  /**
   * The scope's step.
   *
   * @return the step, 0 without a scope or for a scope never used
   */
  public long scopeStep() {
    return scopeStep;
  }

  /**
   * A candidate's counters as a value.
   *
   * @param i the position
   * @return the counters
   */
  public AgentCounters counters(int i) {
    check(i);
    long last = lastAssignedEpochMilli(i);
    return new AgentCounters(day(i), week(i), month(i), rolling30Days(i), open(i),
        last == NEVER ? null : Instant.ofEpochMilli(last), total(i));
  }

  /**
   * A candidate's scope counters as a value.
   *
   * @param i the position
   * @return the counters
   */
  public ScopeCounters scopeCounters(int i) {
    check(i);
    return new ScopeCounters(scopeAssigned(i), scopeCredits(i), scopeLastEligibleStep(i));
  }

  /** Returns the size and scope, never personal data. */
  @Override
  public String toString() {
    return "CandidateCounters{size=" + size + ", scope=" + scope + "}";
  }
}
