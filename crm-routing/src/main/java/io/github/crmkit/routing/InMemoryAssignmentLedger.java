package io.github.crmkit.routing;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.routing.port.AgentCounters;
import io.github.crmkit.routing.port.AssignmentLedger;
import io.github.crmkit.routing.port.Reservation;
import io.github.crmkit.routing.port.ReservationRequest;
import io.github.crmkit.routing.port.ScopeCounters;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory {@link AssignmentLedger}: safe under concurrent routing. Each agent's counters are guarded by the
 * agent's own lock, so {@link #reserve} checks the caps and records under that lock (never past a cap), and a lead's
 * owner is set with an atomic put-if-absent (never two owners). A lead's owner changes only under the locks of the
 * agents it leaves and joins, and a reservation counts in its scope under those locks too, so every operation is
 * linearizable: readers never see an owner without its counters (checked with Lincheck). Assignment instants are kept for 62 days, enough for
 * calendar months and the rolling 30 days.
 *
 * <p>Thread-safe.
 */
public final class InMemoryAssignmentLedger implements AssignmentLedger {
  private static final long KEEP_MILLIS = 62L * 86_400_000L;
  private static final long DAYS_30_MILLIS = 30L * 86_400_000L;

  private final ConcurrentHashMap<AgentId, AgentState> agents = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<LeadId, AgentId> owners = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ScopeState> scopes = new ConcurrentHashMap<>();

  /** Creates an empty ledger. */
  public InMemoryAssignmentLedger() {}

  private static final class AgentState {
    long[] times = new long[16];
    int size;
    int open;
    long last = Long.MIN_VALUE;
    long total;

    void record(long at) {
      int cut = 0;
      long keepFrom = at - KEEP_MILLIS;
      while (cut < size && times[cut] < keepFrom) {
        cut++;
      }
      if (cut > 0) {
        System.arraycopy(times, cut, times, 0, size - cut);
        size -= cut;
        for (int k = 0; k < cursor.length; k++) {
          cursor[k] = Math.max(0, cursor[k] - cut);
        }
      }
      if (size == times.length) {
        times = Arrays.copyOf(times, size * 2);
      }
      int i = size;
      while (i > 0 && times[i - 1] > at) { // keep sorted when instants arrive out of order
        times[i] = times[i - 1];
        i--;
      }
      times[i] = at;
      size++;
      for (int k = 0; k < cursor.length; k++) {
        if (cursor[k] > i) {
          cursor[k]++;
        }
      }
      open++;
      total++;
      last = Math.max(last, at);
    }

    /** Per window (day, week, month, 30 days), the index of its first instant, kept as time moves forward. */
    private final int[] cursor = new int[4];

    /** The index of the first instant at or after {@code start}, moving the window's cursor (amortised O(1)). */
    private int seek(int k, long start) {
      int c = cursor[k];
      if (c > size || c > 0 && times[c - 1] >= start) {
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
      cursor[k] = c;
      return c;
    }

    private int lowerBound(long key) {
      int lo = 0;
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

    AgentCounters counters(Instant at, ZoneId zone) {
      long now = at.toEpochMilli();
      if (!zone.equals(cachedZone) || now < dayStart || now >= dayEnd) {
        LocalDate date = at.atZone(zone).toLocalDate();
        dayStart = date.atStartOfDay(zone).toInstant().toEpochMilli();
        dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        weekStart = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant()
            .toEpochMilli();
        monthStart = date.withDayOfMonth(1).atStartOfDay(zone).toInstant().toEpochMilli();
        cachedZone = zone;
      }
      int end = size == 0 || times[size - 1] <= now ? size : lowerBound(now + 1);
      return new AgentCounters(end - seek(0, dayStart), end - seek(1, weekStart), end - seek(2, monthStart),
          end - seek(3, now - DAYS_30_MILLIS + 1), open,
          last == Long.MIN_VALUE ? null : Instant.ofEpochMilli(last), total);
    }
  }

  private static final class ScopeState {
    long step;
    final Map<AgentId, long[]> members = new HashMap<>();

    long[] member(AgentId agent) {
      return members.computeIfAbsent(agent, a -> new long[] {0, 0, -1});
    }
  }

  private AgentState state(AgentId agent) {
    return agents.computeIfAbsent(agent, a -> new AgentState());
  }

  @Override
  public AgentCounters counters(AgentId agent, Instant at, ZoneId zone) {
    AgentState state = agents.get(agent);
    if (state == null) {
      return AgentCounters.NONE;
    }
    synchronized (state) {
      return state.counters(at, zone);
    }
  }

  /**
   * Which cap, if any, refuses one more assignment given the counters.
   *
   * @param caps the caps
   * @param c the counters
   * @return the cap's name, or null
   */
  static String refusingCap(Capacity caps, AgentCounters c) {
    if (over(caps.maxPerDay(), c.day())) {
      return "max-per-day";
    }
    if (over(caps.maxPerWeek(), c.week())) {
      return "max-per-week";
    }
    if (over(caps.maxPerMonth(), c.month())) {
      return "max-per-month";
    }
    if (over(caps.maxPerRolling30Days(), c.rolling30Days())) {
      return "max-per-rolling-30-days";
    }
    if (over(caps.maxOpen(), c.open())) {
      return "max-open";
    }
    return null;
  }

  private static boolean over(OptionalInt cap, int count) {
    return cap.isPresent() && count >= cap.getAsInt();
  }

  @Override
  public Reservation reserve(ReservationRequest request) {
    AgentId agent = request.agent();
    AgentState state = state(agent);
    while (true) {
      // a lead's owner changes only under the lock of the agent it leaves (and of the one it joins): once that lock
      // is held and the owner re-read, it stays put
      AgentId current = request.reassign() ? owners.get(request.lead()) : null;
      Reservation done;
      if (current == null || current.equals(agent)) {
        synchronized (state) {
          done = reserveLocked(request, state, current, null);
        }
      } else {
        AgentState old = state(current);
        // both agents' locks in the order of their ids, so that opposite reassignments cannot deadlock
        boolean newFirst = agent.compareTo(current) < 0;
        synchronized (newFirst ? state : old) {
          synchronized (newFirst ? old : state) {
            done = reserveLocked(request, state, current, old);
          }
        }
      }
      if (done != null) {
        return done;
      }
    }
  }

  /**
   * The check-and-reserve, under the lock of the request's agent and (when {@code old} is given) of the lead's
   * current owner, so readers of counters and owners never see half of it.
   *
   * @param current for a reassignment, the owner read before locking (null for none); null otherwise
   * @param old the current owner's state, locked, when it is another agent
   * @return the reservation, or null if the lead's owner changed since it was read (the caller retries)
   */
  private Reservation reserveLocked(ReservationRequest request, AgentState state, AgentId current,
      AgentState old) {
    if (request.reassign() && !Objects.equals(owners.get(request.lead()), current)) {
      return null;
    }
    if (!request.force()) {
      String cap = refusingCap(request.caps(), state.counters(request.at(), request.zone()));
      if (cap != null) {
        return new Reservation(Reservation.Status.CAPPED, cap, owners.get(request.lead()));
      }
    }
    if (request.scope() == null) {
      return change(request, state, current, old, null);
    }
    // the scope's lock is held while the owner changes, so a reader who sees the new owner and then asks for the
    // scope's counters waits for the count (lock order: agents, then a scope; scope operations take no agent's lock)
    ScopeState scope = scopes.computeIfAbsent(request.scope(), s -> new ScopeState());
    synchronized (scope) {
      return change(request, state, current, old, scope);
    }
  }

  /** The owner change, the counters and the scope count of {@link #reserveLocked}, under the same locks. */
  private Reservation change(ReservationRequest request, AgentState state, AgentId current, AgentState old,
      ScopeState scope) {
    if (request.reassign() && current != null) {
      if (old == null) { // the lead stays with its owner: nothing to count
        return new Reservation(Reservation.Status.RESERVED, null, current);
      }
      owners.put(request.lead(), request.agent()); // no other writer: both locks are held
      old.open = Math.max(0, old.open - 1);
    } else {
      AgentId previous = owners.putIfAbsent(request.lead(), request.agent());
      if (previous != null) {
        // a reassignment retries: the lead got an owner since it was read
        return request.reassign() ? null : new Reservation(Reservation.Status.ALREADY_ASSIGNED, null, previous);
      }
    }
    state.record(request.at().toEpochMilli());
    if (scope != null) {
      scope.member(request.agent())[0]++;
    }
    return new Reservation(Reservation.Status.RESERVED, null, current);
  }

  @Override
  public boolean release(LeadId lead) {
    Objects.requireNonNull(lead, "lead");
    while (true) {
      AgentId owner = owners.get(lead);
      if (owner == null) {
        return false;
      }
      AgentState state = state(owner);
      synchronized (state) {
        if (owners.remove(lead, owner)) {
          state.open = Math.max(0, state.open - 1);
          return true;
        }
      }
    }
  }

  @Override
  public Optional<AgentId> owner(LeadId lead) {
    return Optional.ofNullable(owners.get(lead));
  }

  @Override
  public ScopeCounters scopeCounters(String scope, AgentId agent) {
    ScopeState state = scopes.get(scope);
    if (state == null) {
      return ScopeCounters.NONE;
    }
    synchronized (state) {
      long[] m = state.members.get(agent);
      return m == null ? ScopeCounters.NONE : new ScopeCounters(m[0], m[1], m[2]);
    }
  }

  @Override
  public long scopeStep(String scope) {
    ScopeState state = scopes.get(scope);
    if (state == null) {
      return 0;
    }
    synchronized (state) {
      return state.step;
    }
  }

  @Override
  public long recordStep(String scope, AgentId[] members, long[] credits) {
    if (members.length != credits.length) {
      throw new IllegalArgumentException("members and credits must have the same length, were " + members.length
          + " and " + credits.length);
    }
    ScopeState state = scopes.computeIfAbsent(scope, s -> new ScopeState());
    synchronized (state) {
      long step = state.step;
      for (int i = 0; i < members.length; i++) {
        if (credits[i] < 0) {
          throw new IllegalArgumentException("credits must not be negative, was " + credits[i]);
        }
        long[] m = state.member(members[i]);
        m[1] += credits[i];
        m[2] = step;
      }
      state.step = step + 1;
      return step;
    }
  }

  /** Returns the number of agents and leads held, never personal data. */
  @Override
  public String toString() {
    return "InMemoryAssignmentLedger{agents=" + agents.size() + ", owned leads=" + owners.size() + "}";
  }
}
