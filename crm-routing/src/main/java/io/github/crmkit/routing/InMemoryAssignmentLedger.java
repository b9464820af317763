package io.github.crmkit.routing;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.routing.port.AgentCounters;
import io.github.crmkit.routing.port.AssignmentLedger;
import io.github.crmkit.routing.port.CandidateCounters;
import io.github.crmkit.routing.port.Reservation;
import io.github.crmkit.routing.port.ReservationRequest;
import io.github.crmkit.routing.port.ScopeCounters;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.StampedLock;

/**
 * The in-memory {@link AssignmentLedger}: safe under concurrent routing. Every change runs under the ledger's one
 * lock (a {@link StampedLock}'s write lock), so {@link #reserve} checks the caps and the lead's owner and records as
 * one step (never past a cap, never two owners), and every read sees a consistent state. One lock rather than one
 * per agent: a decision takes it for {@link #reserve} and holds it well under a microsecond, where per-agent locks
 * cost one acquisition and one map lookup per candidate. {@link #read} of a batch this ledger read before, unchanged
 * since, first reads without the lock (an optimistic read, validated at its end) and takes the lock only when that
 * fails. Assignment instants are kept for 62 days, enough for calendar months and the rolling 30 days.
 *
 * <p>Thread-safe.
 */
public final class InMemoryAssignmentLedger implements AssignmentLedger {
  private static final long KEEP_MILLIS = 62L * 86_400_000L;
  private static final long DAYS_30_MILLIS = 30L * 86_400_000L;

  private final StampedLock lock = new StampedLock();
  private final HashMap<AgentId, AgentState> agents = new HashMap<>();
  /** Each owned lead's owner, by the owner's number in byNumber: releasing a lead then needs no lookup of the agent. */
  private final LeadIdMap owners = new LeadIdMap();
  /** Every agent's state by its number (see LeadIdMap: the owner map holds numbers, not references). */
  private AgentState[] byNumber = new AgentState[16];
  private final HashMap<String, ScopeState> scopes = new HashMap<>();

  private static final Reservation RESERVED = new Reservation(Reservation.Status.RESERVED, null, null);

  /** Creates an empty ledger. */
  public InMemoryAssignmentLedger() {}

  /**
   * The day, week and month holding the last instant asked, in the last zone asked: shared by all agents of the
   * ledger (under its lock), so that an agent whose own cached day is stale copies four numbers instead of doing
   * the calendar arithmetic again.
   */
  private static final class Windows {
    private ZoneId zone;
    private long dayStart = Long.MAX_VALUE;
    private long dayEnd = Long.MIN_VALUE;
    private long weekStart;
    private long monthStart;

    Windows at(long now, ZoneId zone) {
      if (now < dayStart || now >= dayEnd || zone != this.zone && !zone.equals(this.zone)) {
        LocalDate date = Instant.ofEpochMilli(now).atZone(zone).toLocalDate();
        dayStart = date.atStartOfDay(zone).toInstant().toEpochMilli();
        dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        weekStart = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant()
            .toEpochMilli();
        monthStart = date.withDayOfMonth(1).atStartOfDay(zone).toInstant().toEpochMilli();
        if (this.zone != zone) { // a reference stored only when it changes (a write barrier, see LeadIdMap)
          this.zone = zone;
        }
      }
      return this;
    }
  }

  private final Windows windows = new Windows();

  private static final class AgentState {
    private final Windows windows;
    final AgentId agent;
    /** The state's number in its ledger. */
    final int number;

    AgentState(Windows windows, AgentId agent, int number) {
      this.windows = windows;
      this.agent = agent;
      this.number = number;
    }

    /** The kept instants, sorted, in {@code times[base..size)}; older ones are dropped by moving {@code base}. */
    long[] times = new long[16];
    int base;
    int size;
    int open;
    long last = Long.MIN_VALUE;
    long total;
    /**
     * Increased by every change of the instants or of the open count, and of the agent's counters in any scope (see
     * Member): a batch's counters older than it are stale. One version for both, so that checking a kept candidate
     * reads one object; a change in one scope then makes the agent's counters in its other scopes read again too.
     */
    long version;

    void record(long at) {
      long keepFrom = at - KEEP_MILLIS;
      int b = base;
      while (b < size && times[b] < keepFrom) {
        b++; // dropped; a cursor below it becomes it: every kept instant is at or after its window's start
      }
      if (b != base) {
        base = b;
        cursor0 = Math.max(b, cursor0);
        cursor1 = Math.max(b, cursor1);
        cursor2 = Math.max(b, cursor2);
        cursor3 = Math.max(b, cursor3);
      }
      if (size == times.length) {
        compact();
      }
      int i = size;
      while (i > base && times[i - 1] > at) { // keep sorted when instants arrive out of order
        times[i] = times[i - 1];
        i--;
      }
      times[i] = at;
      size++;
      // the windows' cursors, unrolled: a cursor after the new instant moves with the instants it points to; an
      // instant before a window's start may sit at its cursor, which must then be sought again
      if (i < size - 1) {
        cursor0 += cursor0 > i ? 1 : 0;
        cursor1 += cursor1 > i ? 1 : 0;
        cursor2 += cursor2 > i ? 1 : 0;
        cursor3 += cursor3 > i ? 1 : 0;
      }
      if (at < start0) {
        start0 = Long.MIN_VALUE;
      }
      if (at < start1) {
        start1 = Long.MIN_VALUE;
      }
      if (at < start2) {
        start2 = Long.MIN_VALUE;
      }
      if (at < start3) {
        start3 = Long.MIN_VALUE;
      }
      open++;
      total++;
      last = Math.max(last, at);
      version++;
    }

    /** The instants are full: moves the kept ones to the front (amortised), or grows. Rare: kept out of record. */
    private void compact() {
      int kept = size - base;
      long[] into = kept * 2 > times.length ? new long[times.length * 2] : times;
      System.arraycopy(times, base, into, 0, kept);
      times = into;
      cursor0 -= base;
      cursor1 -= base;
      cursor2 -= base;
      cursor3 -= base;
      size = kept;
      base = 0;
    }

    /** Takes one lead out of the backlog (released or reassigned away). */
    void closeOne() {
      open = Math.max(0, open - 1);
      version++;
    }

    /*
     * Per window k (0 day, 1 week, 2 month, 3 rolling 30 days): cursorK, the index of its first instant, kept as
     * time moves forward, and startK, the start that cursor is known to be exact for (Long.MIN_VALUE: not known).
     * Fields, not two small arrays: reading a candidate then touches this object's cache lines only, which matters
     * for the agents of rarely used pools, whose state is not in the caches.
     */
    private int cursor0;
    private int cursor1;
    private int cursor2;
    private int cursor3;
    private long start0 = Long.MIN_VALUE;
    private long start1 = Long.MIN_VALUE;
    private long start2 = Long.MIN_VALUE;
    private long start3 = Long.MIN_VALUE;

    private int cursor(int k) {
      return switch (k) {
        case 0 -> cursor0;
        case 1 -> cursor1;
        case 2 -> cursor2;
        default -> cursor3;
      };
    }

    private void cursor(int k, int c) {
      switch (k) {
        case 0 -> cursor0 = c;
        case 1 -> cursor1 = c;
        case 2 -> cursor2 = c;
        default -> cursor3 = c;
      }
    }

    private long cursorStart(int k) {
      return switch (k) {
        case 0 -> start0;
        case 1 -> start1;
        case 2 -> start2;
        default -> start3;
      };
    }

    private void cursorStart(int k, long start) {
      switch (k) {
        case 0 -> start0 = start;
        case 1 -> start1 = start;
        case 2 -> start2 = start;
        default -> start3 = start;
      }
    }

    /** The index of the first instant at or after {@code start}, moving the window's cursor (amortised O(1)). */
    private int seek(int k, long start) {
      if (cursorStart(k) == start) {
        return cursor(k); // records and purges since keep it exact, see record
      }
      int c = cursor(k);
      if (last < start) {
        c = size; // every instant is before the window (the usual case for a rarely chosen agent): none in it
      } else if (c > size || c < base || c > base && times[c - 1] >= start) {
        c = lowerBound(start);
      } else {
        int steps = 0;
        while (c < size && times[c] < start) {
          c++;
          if (++steps == 16) {
            c = lowerBound(start);
            break;
          }
        }
      }
      cursor(k, c);
      cursorStart(k, start);
      return c;
    }

    private int lowerBound(long key) {
      int lo = base;
      int hi = size;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (times[mid] < key) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    // the current day, week and month in the last zone asked, recomputed only when the instant leaves the day
    private ZoneId cachedZone;
    private long dayStart = Long.MAX_VALUE;
    private long dayEnd = Long.MIN_VALUE;
    private long weekStart;
    private long monthStart;

    /** Moves the cached day, week and month to those holding {@code now} in {@code zone}. */
    private void calendar(long now, ZoneId zone) {
      if (now < dayStart || now >= dayEnd || zone != cachedZone && !zone.equals(cachedZone)) {
        Windows w = windows.at(now, zone);
        dayStart = w.dayStart;
        dayEnd = w.dayEnd;
        weekStart = w.weekStart;
        monthStart = w.monthStart;
        if (cachedZone != zone) {
          cachedZone = zone;
        }
      }
    }

    /** The number of instants at or before {@code now}. */
    private int end(long now) {
      return size == base || last <= now ? size : lowerBound(now + 1);
    }

    void read(long now, ZoneId zone, int windows, CandidateCounters out, int i) {
      calendar(now, zone);
      int end = end(now);
      out.setCounters(i, (windows & CandidateCounters.DAY) == 0 ? 0 : end - seek(0, dayStart),
          (windows & CandidateCounters.WEEK) == 0 ? 0 : end - seek(1, weekStart),
          (windows & CandidateCounters.MONTH) == 0 ? 0 : end - seek(2, monthStart),
          (windows & CandidateCounters.ROLLING_30_DAYS) == 0 ? 0 : end - seek(3, now - DAYS_30_MILLIS + 1), open,
          last == Long.MIN_VALUE ? CandidateCounters.NEVER : last, total);
    }

    /**
     * {@link #read} without the lock (see {@link InMemoryAssignmentLedger#readWithoutLock}): writes nothing here, so
     * gives up (false) where read would move the calendar or a cursor, when a rolling window is asked, when the
     * instant is before the last assignment, or when the fields it read do not fit together.
     */
    boolean readPure(long now, ZoneId zone, int windows, CandidateCounters out, int i) {
      long newest = last;
      if (now < dayStart || now >= dayEnd || zone != cachedZone || newest > now
          || (windows & CandidateCounters.ROLLING_30_DAYS) != 0) {
        return false;
      }
      int end = size;
      int day = 0;
      int week = 0;
      int month = 0;
      if ((windows & CandidateCounters.DAY) != 0) {
        if (start0 == dayStart) {
          day = end - cursor0;
        } else if (newest >= dayStart) {
          return false;
        }
      }
      if ((windows & CandidateCounters.WEEK) != 0) {
        if (start1 == weekStart) {
          week = end - cursor1;
        } else if (newest >= weekStart) {
          return false;
        }
      }
      if ((windows & CandidateCounters.MONTH) != 0) {
        if (start2 == monthStart) {
          month = end - cursor2;
        } else if (newest >= monthStart) {
          return false;
        }
      }
      int backlog = open;
      long count = total;
      if ((day | week | month | backlog) < 0 || count < 0) {
        return false;
      }
      out.setCounters(i, day, week, month, 0, backlog, newest == Long.MIN_VALUE ? CandidateCounters.NEVER : newest,
          count);
      return true;
    }

    // the caps last checked, as numbers (-1: none), cached by identity: an engine passes the same caps each time;
    // fields rather than an array, so that checking them reads no other object
    private Capacity capsSeen;
    private int capDay;
    private int capWeek;
    private int capMonth;
    private int capRolling;
    private int capOpen;

    /** The first cap that refuses one more assignment at {@code now}, or null. */
    String refusing(Capacity caps, long now, ZoneId zone) {
      if (caps != capsSeen) {
        capDay = caps.maxPerDay().orElse(-1);
        capWeek = caps.maxPerWeek().orElse(-1);
        capMonth = caps.maxPerMonth().orElse(-1);
        capRolling = caps.maxPerRolling30Days().orElse(-1);
        capOpen = caps.maxOpen().orElse(-1);
        capsSeen = caps;
      }
      calendar(now, zone);
      int end = end(now);
      if (capDay >= 0 && end - seek(0, dayStart) >= capDay) {
        return "max-per-day";
      }
      if (capWeek >= 0 && end - seek(1, weekStart) >= capWeek) {
        return "max-per-week";
      }
      if (capMonth >= 0 && end - seek(2, monthStart) >= capMonth) {
        return "max-per-month";
      }
      if (capRolling >= 0 && end - seek(3, now - DAYS_30_MILLIS + 1) >= capRolling) {
        return "max-per-rolling-30-days";
      }
      if (capOpen >= 0 && open >= capOpen) {
        return "max-open";
      }
      return null;
    }
  }

  /**
   * An agent's counters in one scope, with the agent's state: what a batch's {@link Slot} points to, so that a batch
   * reused for the same pool finds both without map lookups. A batch without a scope gets a member of no scope,
   * which no scope holds. Created once per agent and scope, never replaced.
   */
  private static final class Member {
    final InMemoryAssignmentLedger ledger;
    final AgentId agent;
    final String scope;
    final AgentState state;
    long assigned;
    long credits;
    long lastEligibleStep = -1;

    Member(InMemoryAssignmentLedger ledger, AgentId agent, String scope, AgentState state) {
      this.ledger = ledger;
      this.agent = agent;
      this.scope = scope;
      this.state = state;
    }

    /** Counts one more assignment in the scope. */
    void assigned() {
      assigned++;
      state.version++; // see AgentState.version
    }

    /** Records the member eligible at {@code step}, with {@code granted} calibration credits. */
    void eligibleAt(long step, long granted) {
      credits += granted;
      lastEligibleStep = step;
      state.version++;
    }
  }

  private final class ScopeState {
    private final String name;
    long step;
    final Map<AgentId, Member> members = new HashMap<>();

    ScopeState(String name) {
      this.name = name;
    }

    Member member(AgentId agent) {
      Member m = members.get(agent);
      if (m == null) {
        m = new Member(InMemoryAssignmentLedger.this, agent, name, state(agent));
        members.put(agent, m);
      }
      return m;
    }
  }

  private ScopeState scope(String name) {
    ScopeState scope = scopes.get(name);
    if (scope == null) {
      scope = new ScopeState(name);
      scopes.put(name, scope);
    }
    return scope;
  }

  private AgentState state(AgentId agent) {
    AgentState state = agents.get(agent);
    if (state == null) {
      int number = agents.size();
      if (number == byNumber.length) {
        byNumber = java.util.Arrays.copyOf(byNumber, number * 2);
      }
      state = new AgentState(windows, agent, number);
      byNumber[number] = state;
      agents.put(agent, state);
    }
    return state;
  }

  /**
   * What {@link #read} keeps in a batch per position: the candidate's state and scope counters, found again without
   * lookups, and the state's version and the day of the counters it last wrote there. Those counters still stand
   * while neither the state nor the scope counters change (both change the state's version), the instant stays in
   * the same day (so in the same week and month) and after the agent's last assignment, and no rolling window is
   * asked. Owned by one position of one batch; used under the ledger's lock.
   */
  private static final class Slot {
    final InMemoryAssignmentLedger ledger;
    final CandidateCounters batch;
    // the member's agent, scope and state again, so that checking a slot and loading the state and the member's
    // counters are not one dependent load after another (a rarely used pool's objects are not in the caches)
    final AgentId agent;
    final String scope;
    final AgentState state;
    final Member member;
    /** The member's scope, null for a batch without one. */
    final ScopeState scopeState;
    long stateVersion = -1; // -1: nothing kept
    ZoneId zone;
    long dayStart;
    long dayEnd;
    /** In the batch's first slot: the batch's modifications at the end of the ledger's last read of it. */
    long batchModifications = -1;

    Slot(InMemoryAssignmentLedger ledger, CandidateCounters batch, Member member, ScopeState scopeState) {
      this.ledger = ledger;
      this.scopeState = scopeState;
      this.batch = batch;
      this.agent = member.agent;
      this.scope = member.scope;
      this.state = member.state;
      this.member = member;
    }

    /**
     * Whether the counters last written at this position still stand at {@code now}: the state and scope counters
     * have the version read then, the instant is in the same day, and not before the agent's last assignment.
     */
    boolean stands(long stateVersion, long now, long last) {
      return this.stateVersion == stateVersion && now >= dayStart && now < dayEnd && now >= last;
    }

    /** Notes the version and the day of the counters just written at this position (-1: not to be kept). */
    void wrote(long stateVersion, long dayStart, long dayEnd) {
      this.stateVersion = stateVersion;
      this.dayStart = dayStart;
      this.dayEnd = dayEnd;
    }
  }

  @Override
  public void read(CandidateCounters batch) {
    long now = batch.atEpochMilli();
    int n = batch.size();
    String scopeName = batch.scope();
    int windows = batch.windows();
    if (n > 0 && (windows & CandidateCounters.ROLLING_30_DAYS) == 0) {
      long optimistic = lock.tryOptimisticRead();
      if (optimistic != 0 && readWithoutLock(batch, now, n, scopeName, windows, optimistic)) {
        return;
      }
    }
    long stamp = lock.writeLock();
    try {
      ScopeState scope = scopeName == null ? null
          : n > 0 && batch.handle(0) instanceof Slot s0 && s0.ledger == this && s0.scope == scopeName
              ? s0.scopeState : scope(scopeName);
      // The counters this ledger wrote at its previous read of the batch are still there, unless someone else
      // changed the batch since: then the batch holds the same candidates, zones and handles (this ledger's slots)
      // as at the end of that read, and only the candidates whose counters may have changed are read (see Slot).
      if (n > 0 && (windows & CandidateCounters.ROLLING_30_DAYS) == 0 && unchangedSince(batch) != null) {
        for (int i = 0; i < n; i++) {
          Slot h = (Slot) batch.handle(i);
          AgentState state = h.state;
          if (!h.stands(state.version, now, state.last)) {
            readInto(batch, i, h, now, windows, scope, h.zone);
          }
        }
      } else {
        for (int i = 0; i < n; i++) {
          AgentId agent = batch.agent(i);
          Slot h = batch.handle(i) instanceof Slot mine && mine.ledger == this && mine.batch == batch
              && mine.agent == agent && mine.scope == scopeName ? mine : null;
          if (h == null) {
            h = attach(batch, i, agent, scope);
          }
          readInto(batch, i, h, now, windows, scope, batch.zone(i));
        }
      }
      if (scope != null) {
        batch.setScopeStep(scope.step);
      }
      if (n > 0) {
        ((Slot) batch.handle(0)).batchModifications = batch.modifications();
      }
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /**
   * Reads a batch this ledger read last, unchanged since, without taking the lock: an optimistic read of the
   * ledger's state, validated at the end. Nothing shared is written; what is written into the batch and its slots is
   * the batch's caller's own. Returns false, having changed at most the batch, when the read cannot be done so (the
   * batch changed, a candidate needs its calendar or a cursor moved) or when a writer came in between: if it wrote
   * into the batch, the batch's count of changes no longer matches its first slot, and the locked read that follows
   * reads every candidate.
   */
  private boolean readWithoutLock(CandidateCounters batch, long now, int n, String scopeName, int windows,
      long optimistic) {
    Slot first = unchangedSince(batch);
    if (first == null || first.scope != scopeName) {
      return false;
    }
    ScopeState scope = first.scopeState;
    for (int i = 0; i < n; i++) {
      Slot h = (Slot) batch.handle(i);
      AgentState state = h.state;
      Member m = h.member;
      long version = state.version;
      if (h.stands(version, now, state.last)) {
        continue;
      }
      if (!state.readPure(now, h.zone, windows, batch, i)) {
        return false;
      }
      if (scope != null) {
        long assigned = m.assigned;
        long credits = m.credits;
        long lastEligibleStep = m.lastEligibleStep;
        if (assigned < 0 || credits < 0 || lastEligibleStep < -1) {
          return false;
        }
        batch.setScopeCounters(i, assigned, credits, lastEligibleStep);
      }
      h.wrote(version, state.dayStart, state.dayEnd);
    }
    long step = scope == null ? 0 : scope.step;
    if (!lock.validate(optimistic) || step < 0) {
      return false;
    }
    if (scope != null) {
      batch.setScopeStep(step);
    }
    first.batchModifications = batch.modifications();
    return true;
  }

  /**
   * The batch's first slot when nobody changed the batch since this ledger's last read of it (the batch then holds
   * the same candidates, zones and this ledger's slots), or null.
   */
  private Slot unchangedSince(CandidateCounters batch) {
    return batch.handle(0) instanceof Slot first && first.ledger == this && first.batch == batch
        && first.batchModifications == batch.modifications() ? first : null;
  }

  /** Reads one candidate into the batch and notes in its slot what was written. */
  private static void readInto(CandidateCounters batch, int i, Slot h, long now, int windows, ScopeState scope,
      ZoneId zone) {
    AgentState state = h.state;
    Member m = h.member;
    state.read(now, zone, windows, batch, i);
    if (scope != null) {
      batch.setScopeCounters(i, m.assigned, m.credits, m.lastEligibleStep);
    }
    // counts as of an instant before the last assignment are not kept
    h.wrote(now >= state.last ? state.version : -1, state.dayStart, state.dayEnd);
    if (h.zone != zone) {
      h.zone = zone;
    }
  }

  /**
   * Finds the candidate's state and scope counters, creating them if new, and keeps them in the batch. Apart from
   * {@link #read}: taken once per pool and agent, it stays out of the compiled reading loop.
   */
  private Slot attach(CandidateCounters batch, int i, AgentId agent, ScopeState scope) {
    Member m = scope == null ? new Member(this, agent, null, state(agent)) : scope.member(agent);
    Slot h = new Slot(this, batch, m, scope);
    batch.setHandle(i, h);
    return h;
  }

  @Override
  public AgentCounters counters(AgentId agent, Instant at, ZoneId zone) {
    CandidateCounters one = new CandidateCounters(1).request(at, null);
    one.add(agent, zone);
    read(one);
    return one.counters(0);
  }


  @Override
  public Reservation reserve(ReservationRequest request) {
    long stamp = lock.writeLock();
    try {
      return reserve(request.lead(), request.at().toEpochMilli(), request.caps(), request.zone(), request.force(),
          request.reassign(), state(request.agent()),
          request.scope() == null ? null : scope(request.scope()).member(request.agent()));
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /**
   * Uses the handle {@link #read(CandidateCounters)} left in the batch, when it is this ledger's for the request's
   * agent and scope, to skip looking up the agent's state and scope counters.
   */
  @Override
  public Reservation reserve(ReservationRequest request, CandidateCounters batch, int candidate) {
    Objects.requireNonNull(request, "request");
    Slot h = slot(batch, candidate, request.agent(), request.scope());
    return h == null ? reserve(request) : reserve(request.lead(), request.at().toEpochMilli(), request.caps(),
        request.zone(), request.force(), request.reassign(), h);
  }

  /** Without a request object: whether the compiler removes one varies from run to run, and the decision's time. */
  @Override
  public Reservation reserve(LeadId lead, Capacity caps, CandidateCounters batch, int candidate) {
    Slot h = slot(batch, candidate, batch.agent(candidate), batch.scope());
    return h == null ? AssignmentLedger.super.reserve(lead, caps, batch, candidate)
        : reserve(Objects.requireNonNull(lead, "lead"), batch.atEpochMilli(), Objects.requireNonNull(caps, "caps"),
            batch.zone(candidate), false, false, h);
  }

  /** The batch's handle at a position when it is this ledger's slot for the agent and scope, or null. */
  private Slot slot(CandidateCounters batch, int candidate, AgentId agent, String scope) {
    return batch.handle(candidate) instanceof Slot h && h.ledger == this && h.agent.equals(agent)
        && Objects.equals(h.scope, scope) ? h : null;
  }

  /** Reserves under the lock for the agent and scope of a slot. */
  private Reservation reserve(LeadId lead, long at, Capacity caps, ZoneId zone, boolean force, boolean reassign,
      Slot h) {
    long stamp = lock.writeLock();
    try {
      return reserve(lead, at, caps, zone, force, reassign, h.state, h.scope == null ? null : h.member);
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /**
   * Reserves under the lock for the agent whose state is given; {@code member} is its counters in the request's
   * scope, null when the request has none.
   */
  private Reservation reserve(LeadId lead, long at, Capacity caps, ZoneId zone, boolean force, boolean reassign,
      AgentState state, Member member) {
    if (!force) {
      String cap = state.refusing(caps, at, zone);
      if (cap != null) {
        return new Reservation(Reservation.Status.CAPPED, cap, agentOf(owners.get(lead)));
      }
    }
    AgentState previous;
    if (reassign) {
      previous = stateOf(owners.put(lead, state.number));
      if (previous == state) {
        return new Reservation(Reservation.Status.RESERVED, null, state.agent);
      }
    } else {
      previous = stateOf(owners.putIfAbsent(lead, state.number));
      if (previous != null) {
        return new Reservation(Reservation.Status.ALREADY_ASSIGNED, null, previous.agent);
      }
    }
    state.record(at);
    if (previous != null) {
      previous.closeOne();
    }
    if (member != null) {
      member.assigned();
    }
    return previous == null ? RESERVED : new Reservation(Reservation.Status.RESERVED, null, previous.agent);
  }

  /** The state of number {@code number}, null for {@link LeadIdMap#NONE}. */
  private AgentState stateOf(int number) {
    return number == LeadIdMap.NONE ? null : byNumber[number];
  }

  /** The agent of number {@code number}, null for {@link LeadIdMap#NONE}. */
  private AgentId agentOf(int number) {
    return number == LeadIdMap.NONE ? null : byNumber[number].agent;
  }

  @Override
  public boolean release(LeadId lead) {
    Objects.requireNonNull(lead, "lead");
    long stamp = lock.writeLock();
    try {
      AgentState owner = stateOf(owners.remove(lead));
      if (owner == null) {
        return false;
      }
      owner.closeOne();
      return true;
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public Optional<AgentId> owner(LeadId lead) {
    long stamp = lock.writeLock();
    try {
      return Optional.ofNullable(agentOf(owners.get(lead)));
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public ScopeCounters scopeCounters(String scope, AgentId agent) {
    long stamp = lock.writeLock();
    try {
      ScopeState state = scopes.get(scope);
      Member m = state == null ? null : state.members.get(agent);
      return m == null ? ScopeCounters.NONE : new ScopeCounters(m.assigned, m.credits, m.lastEligibleStep);
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public long scopeStep(String scope) {
    long stamp = lock.writeLock();
    try {
      ScopeState state = scopes.get(scope);
      return state == null ? 0 : state.step;
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  @Override
  public long recordStep(String scope, AgentId[] members, long[] credits) {
    checkCredits("members", members.length, credits);
    long stamp = lock.writeLock();
    try {
      ScopeState state = scope(scope);
      long step = state.step;
      for (int i = 0; i < members.length; i++) {
        Member m = state.member(members[i]);
        m.eligibleAt(step, credits[i]);
      }
      state.step = step + 1;
      return step;
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /**
   * Finds each member's scope counters through the handle {@link #read} left in the batch, when it is this ledger's
   * for the member's agent and the batch's scope, instead of looking them up.
   */
  @Override
  public long recordStep(CandidateCounters batch, int[] positions, long[] credits) {
    String scopeName = batch.scope();
    if (scopeName == null) {
      throw new IllegalArgumentException("recordStep needs a batch with a scope");
    }
    checkCredits("positions", positions.length, credits);
    for (int k : positions) {
      batch.agent(k); // the position is in the batch, or this throws before anything changes
    }
    long stamp = lock.writeLock();
    try {
      ScopeState state = scope(scopeName);
      long step = state.step;
      for (int i = 0; i < positions.length; i++) {
        int k = positions[i];
        AgentId agent = batch.agent(k);
        Member m = batch.handle(k) instanceof Slot h && h.ledger == this && h.agent == agent
            && h.scope == scopeName ? h.member : state.member(agent);
        m.eligibleAt(step, credits[i]);
      }
      state.step = step + 1;
      return step;
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /** The checks both forms of recordStep make before changing anything. */
  private static void checkCredits(String members, int count, long[] credits) {
    if (count != credits.length) {
      throw new IllegalArgumentException(members + " and credits must have the same length, were " + count
          + " and " + credits.length);
    }
    for (long credit : credits) {
      if (credit < 0) {
        throw new IllegalArgumentException("credits must not be negative, was " + credit);
      }
    }
  }

  /** Returns the number of agents and leads held, never personal data. */
  @Override
  public String toString() {
    long stamp = lock.writeLock();
    try {
      return "InMemoryAssignmentLedger{agents=" + agents.size() + ", owned leads=" + owners.size() + "}";
    } finally {
      lock.unlockWrite(stamp);
    }
  }
}
