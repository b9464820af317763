package io.github.crmkit.routing.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.LeadId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AssignmentLedger}: subclass it in the tests of an implementation and return a fresh, empty
 * ledger from {@link #newLedger()}. Shipped in crm-routing's test jar ({@code <type>test-jar</type>}).
 */
public abstract class AssignmentLedgerContract {
  /** For subclasses. */
  protected AssignmentLedgerContract() {}

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
  private static final AgentId A = AgentId.of("a");
  private static final AgentId B = AgentId.of("b");
  private static final AgentId C = AgentId.of("c");

  /**
   * Returns a new, empty ledger.
   *
   * @return the ledger
   */
  protected abstract AssignmentLedger newLedger();

  private static ReservationRequest request(String lead, AgentId agent, Instant at, Capacity caps) {
    return new ReservationRequest(LeadId.of(lead), agent, at, UTC, caps, "scope", false, false, false);
  }

  @Test
  void countsAssignmentsPerDayWeekMonthAndRolling30Days() {
    AssignmentLedger ledger = newLedger();
    Instant[] at = {Instant.parse("2026-02-20T10:00:00Z"), Instant.parse("2026-02-27T10:00:00Z"),
        Instant.parse("2026-03-01T10:00:00Z"), MONDAY.minusSeconds(3600), MONDAY};
    for (int i = 0; i < at.length; i++) {
      assertThat(ledger.reserve(request("L-" + i, A, at[i], Capacity.unlimited())).reserved()).isTrue();
    }
    // on Monday 2 March: today 2, this week (from Monday) 2, this month 3 (from 1 March), last 30 days all 5
    assertThat(ledger.counters(A, MONDAY, UTC)).isEqualTo(new AgentCounters(2, 2, 3, 5, 5, MONDAY, 5));
    assertThat(ledger.counters(B, MONDAY, UTC)).isEqualTo(AgentCounters.NONE);
    // in Shanghai (UTC+8) it is already 17:00 on Monday; Sunday 1 March 10:00 UTC was 18:00 there
    assertThat(ledger.counters(A, MONDAY, ZoneId.of("Asia/Shanghai")).day()).isEqualTo(2);
  }

  @Test
  void refusesPastACapAndNamesIt() {
    AssignmentLedger ledger = newLedger();
    Capacity caps = Capacity.builder().maxPerDay(2).maxOpen(5).build();
    assertThat(ledger.reserve(request("L-1", A, MONDAY, caps)).reserved()).isTrue();
    assertThat(ledger.reserve(request("L-2", A, MONDAY, caps)).reserved()).isTrue();
    Reservation third = ledger.reserve(request("L-3", A, MONDAY, caps));
    assertThat(third.status()).isEqualTo(Reservation.Status.CAPPED);
    assertThat(third.cap()).isEqualTo("max-per-day");
    assertThat(ledger.owner(LeadId.of("L-3"))).isEmpty();
    assertThat(ledger.reserve(new ReservationRequest(LeadId.of("L-3"), A, MONDAY, UTC, caps, null, true, true,
        false)).reserved()).isTrue();
  }

  @Test
  void neverGivesOneLeadTwoOwnersAndReassignsOnlyWhenAsked() {
    AssignmentLedger ledger = newLedger();
    assertThat(ledger.reserve(request("L-1", A, MONDAY, Capacity.unlimited())).reserved()).isTrue();
    Reservation again = ledger.reserve(request("L-1", B, MONDAY, Capacity.unlimited()));
    assertThat(again.status()).isEqualTo(Reservation.Status.ALREADY_ASSIGNED);
    assertThat(again.previousOwner()).isEqualTo(A);
    Reservation moved = ledger.reserve(new ReservationRequest(LeadId.of("L-1"), B, MONDAY, UTC,
        Capacity.unlimited(), null, true, false, true));
    assertThat(moved.reserved()).isTrue();
    assertThat(moved.previousOwner()).isEqualTo(A);
    assertThat(ledger.owner(LeadId.of("L-1"))).contains(B);
    assertThat(ledger.counters(A, MONDAY, UTC).open()).isZero();
    assertThat(ledger.counters(A, MONDAY, UTC).day()).isEqualTo(1);
    assertThat(ledger.release(LeadId.of("L-1"))).isTrue();
    assertThat(ledger.release(LeadId.of("L-1"))).isFalse();
    assertThat(ledger.counters(B, MONDAY, UTC).open()).isZero();
  }

  @Test
  void keepsScopeCountersAndSteps() {
    AssignmentLedger ledger = newLedger();
    ledger.reserve(request("L-1", A, MONDAY, Capacity.unlimited()));
    assertThat(ledger.scopeCounters("scope", A)).isEqualTo(new ScopeCounters(1, 0, -1));
    assertThat(ledger.recordStep("scope", new AgentId[] {A, B}, new long[] {0, 3})).isZero();
    assertThat(ledger.recordStep("scope", new AgentId[] {B}, new long[] {1})).isEqualTo(1);
    assertThat(ledger.scopeStep("scope")).isEqualTo(2);
    assertThat(ledger.scopeCounters("scope", A)).isEqualTo(new ScopeCounters(1, 0, 0));
    assertThat(ledger.scopeCounters("scope", B)).isEqualTo(new ScopeCounters(0, 4, 1));
    assertThat(ledger.scopeCounters("other", A)).isEqualTo(ScopeCounters.NONE);
  }

  @Test
  void reservingACandidateOfAReadBatchDoesWhatItsRequestDoes() {
    // two ledgers, the same operations: one reserves by request, the other candidate k of a batch it has just read
    AssignmentLedger byRequest = newLedger();
    AssignmentLedger byCandidate = newLedger();
    AgentId[] agents = {A, B, C};
    ZoneId[] zones = {UTC, ZoneId.of("Asia/Shanghai"), UTC};
    Capacity caps = Capacity.builder().maxPerDay(3).maxOpen(4).build();
    CandidateCounters batch = new CandidateCounters(3);
    java.util.SplittableRandom random = new java.util.SplittableRandom(20261202L);
    Instant now = MONDAY;
    for (int step = 0; step < 300; step++) {
      now = now.plusSeconds(random.nextInt(6 * 3600));
      String scope = random.nextInt(3) == 0 ? null : "scope";
      batch.request(now, scope);
      for (int i = 0; i < agents.length; i++) {
        batch.add(agents[i], zones[i]);
      }
      byCandidate.read(batch);
      int k = random.nextInt(agents.length);
      // a new lead, or one that may be owned already
      LeadId lead = LeadId.of("L-" + (random.nextInt(4) == 0 ? random.nextInt(step + 1) : step));
      Reservation expected = byRequest.reserve(new ReservationRequest(lead, agents[k], now, zones[k], caps, scope,
          false, false, false));
      assertThat(byCandidate.reserve(lead, caps, batch, k)).as("step %d", step).isEqualTo(expected);
      if (random.nextInt(3) == 0) {
        LeadId released = LeadId.of("L-" + random.nextInt(step + 1));
        assertThat(byCandidate.release(released)).isEqualTo(byRequest.release(released));
      }
      for (int i = 0; i < agents.length; i++) {
        assertThat(byCandidate.counters(agents[i], now, zones[i])).as("step %d agent %s", step, agents[i])
            .isEqualTo(byRequest.counters(agents[i], now, zones[i]));
        assertThat(byCandidate.scopeCounters("scope", agents[i])).isEqualTo(byRequest.scopeCounters("scope",
            agents[i]));
      }
    }
  }

  @Test
  void readAnswersWhatTheOneByOneReadsAnswerAlsoWhenTheBatchIsReused() {
    AssignmentLedger ledger = newLedger();
    AgentId[] agents = {A, B, C, AgentId.of("d")};
    ZoneId[] zones = {UTC, ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"), UTC};
    java.util.SplittableRandom random = new java.util.SplittableRandom(20261201L);
    CandidateCounters reused = new CandidateCounters(2);
    // the same candidates asked again and again, as the engine asks a pool whose candidates are fixed: for all
    // windows, and without the rolling 30 days (a ledger may keep counters from one read to the next then)
    int calendar = CandidateCounters.DAY | CandidateCounters.WEEK | CandidateCounters.MONTH;
    List<CandidateCounters> asked = List.of(new CandidateCounters(1).request(MONDAY, "scope"),
        new CandidateCounters(1).request(MONDAY, "scope", calendar), new CandidateCounters(1).request(MONDAY, null,
            calendar));
    for (CandidateCounters again : asked) {
      for (int i = 0; i < agents.length; i++) {
        again.add(agents[i], zones[i]);
      }
    }
    Instant now = MONDAY;
    for (int step = 0; step < 400; step++) {
      now = now.plusSeconds(random.nextInt(4 * 3600));
      int a = random.nextInt(agents.length);
      switch (random.nextInt(6)) {
        case 0, 1 -> ledger.reserve(request("L-" + step, agents[a], now.minusSeconds(random.nextInt(3) == 0
            ? random.nextInt(40 * 86_400) : 0), Capacity.unlimited()));
        case 2 -> ledger.release(LeadId.of("L-" + random.nextInt(step + 1)));
        case 3 -> ledger.recordStep("scope", new AgentId[] {agents[a]}, new long[] {random.nextInt(3)});
        case 4 -> ledger.reserve(new ReservationRequest(LeadId.of("L-" + random.nextInt(step + 1)), agents[a], now,
            UTC, Capacity.unlimited(), "scope", true, true, true)); // a reassignment: the old owner's backlog shrinks
        default -> { }
      }
      // now, or earlier: within the hour (the same day, before the latest assignments, mostly) or within 20 days
      Instant at = random.nextInt(4) == 0
          ? now.minusSeconds(random.nextInt(random.nextBoolean() ? 3600 : 20 * 86_400)) : now;
      String scope = random.nextInt(4) == 0 ? null : random.nextBoolean() ? "scope" : "other";
      // the same agents in the same positions most of the time (the handles stay), sometimes shuffled
      int rotate = random.nextInt(5) == 0 ? random.nextInt(agents.length) : 0;
      for (CandidateCounters batch : List.of(reused, new CandidateCounters(0))) {
        batch.request(at, scope);
        for (int k = 0; k < agents.length; k++) {
          int i = (k + rotate) % agents.length;
          batch.add(agents[i], zones[i]);
        }
        ledger.read(batch);
        for (int k = 0; k < agents.length; k++) {
          int i = (k + rotate) % agents.length;
          assertThat(batch.counters(k)).as("step %d agent %s", step, agents[i])
              .isEqualTo(ledger.counters(agents[i], at, zones[i]));
          assertThat(batch.scopeCounters(k)).as("step %d agent %s scope", step, agents[i])
              .isEqualTo(scope == null ? ScopeCounters.NONE : ledger.scopeCounters(scope, agents[i]));
        }
        assertThat(batch.scopeStep()).isEqualTo(scope == null ? 0 : ledger.scopeStep(scope));
      }
      // someone else changes an asked batch between two reads: the candidates' order, or a counter
      CandidateCounters changed = asked.get(1);
      if (random.nextInt(4) == 0) {
        changed.request(at, "scope", calendar);
        for (int k = 0; k < agents.length; k++) {
          int i = (k + rotate) % agents.length;
          changed.add(agents[i], zones[i]);
        }
        ledger.read(changed);
        assertCalendarCounters(ledger, changed, at, "step " + step + " rotated by " + rotate);
        changed.request(at, "scope", calendar);
        for (int i = 0; i < agents.length; i++) {
          changed.add(agents[i], zones[i]);
        }
      } else if (random.nextInt(3) == 0) {
        int i = random.nextInt(agents.length);
        changed.setCounters(i, 99, 99, 99, 99, 99, 99, 99);
        changed.setScopeCounters(i, 99, 99, 99);
      }
      for (CandidateCounters again : asked) {
        ledger.read(again.requestAgain(at));
        assertThat(again.at()).isEqualTo(at);
        for (int i = 0; i < agents.length; i++) {
          assertThat(again.agent(i)).isSameAs(agents[i]);
          AgentCounters all = ledger.counters(agents[i], at, zones[i]);
          AgentCounters read = again.counters(i);
          boolean rolling = (again.windows() & CandidateCounters.ROLLING_30_DAYS) != 0;
          assertThat(new AgentCounters(read.day(), read.week(), read.month(),
              rolling ? read.rolling30Days() : all.rolling30Days(), read.open(), read.lastAssignedAt(), read.total()))
              .as("step %d agent %s asked again, windows %d", step, agents[i], again.windows()).isEqualTo(all);
          assertThat(again.scopeCounters(i)).as("step %d agent %s asked again, scope", step, agents[i])
              .isEqualTo(again.scope() == null ? ScopeCounters.NONE : ledger.scopeCounters("scope", agents[i]));
        }
        assertThat(again.scopeStep()).isEqualTo(again.scope() == null ? 0 : ledger.scopeStep("scope"));
      }
      // asked for some windows only: those are exact (the others may be 0)
      int windows = random.nextInt(CandidateCounters.ALL_WINDOWS + 1);
      CandidateCounters some = new CandidateCounters(agents.length).request(at, scope, windows);
      for (int i = 0; i < agents.length; i++) {
        some.add(agents[i], zones[i]);
      }
      ledger.read(some);
      for (int i = 0; i < agents.length; i++) {
        AgentCounters all = ledger.counters(agents[i], at, zones[i]);
        AgentCounters part = some.counters(i);
        assertThat(new int[] {(windows & CandidateCounters.DAY) == 0 ? 0 : part.day(),
            (windows & CandidateCounters.WEEK) == 0 ? 0 : part.week(),
            (windows & CandidateCounters.MONTH) == 0 ? 0 : part.month(),
            (windows & CandidateCounters.ROLLING_30_DAYS) == 0 ? 0 : part.rolling30Days(), part.open()})
            .as("step %d agent %s windows %d", step, agents[i], windows)
            .containsExactly((windows & CandidateCounters.DAY) == 0 ? 0 : all.day(),
                (windows & CandidateCounters.WEEK) == 0 ? 0 : all.week(),
                (windows & CandidateCounters.MONTH) == 0 ? 0 : all.month(),
                (windows & CandidateCounters.ROLLING_30_DAYS) == 0 ? 0 : all.rolling30Days(), all.open());
        assertThat(part.total()).isEqualTo(all.total());
        assertThat(part.lastAssignedAt()).isEqualTo(all.lastAssignedAt());
      }
    }
  }

  /** The batch's counters of the calendar windows, open, last and total, and its scope counters, are exact. */
  private static void assertCalendarCounters(AssignmentLedger ledger, CandidateCounters batch, Instant at,
      String what) {
    for (int i = 0; i < batch.size(); i++) {
      AgentCounters all = ledger.counters(batch.agent(i), at, batch.zone(i));
      AgentCounters read = batch.counters(i);
      assertThat(new AgentCounters(read.day(), read.week(), read.month(), all.rolling30Days(), read.open(),
          read.lastAssignedAt(), read.total())).as("%s, agent %s", what, batch.agent(i)).isEqualTo(all);
      assertThat(batch.scopeCounters(i)).as("%s, agent %s, scope", what, batch.agent(i))
          .isEqualTo(ledger.scopeCounters(batch.scope(), batch.agent(i)));
    }
  }

  @Test
  void reservingABatchCandidateDoesWhatReserveDoes() {
    // two ledgers given the same operations: one reserves plainly, the other through the batch it has just read
    AssignmentLedger plain = newLedger();
    AssignmentLedger batched = newLedger();
    AgentId[] agents = {A, B, C};
    Capacity[] caps = {Capacity.unlimited(), Capacity.builder().maxPerDay(3).maxOpen(4).build()};
    java.util.SplittableRandom random = new java.util.SplittableRandom(20261203L);
    CandidateCounters batch = new CandidateCounters(3);
    Instant now = MONDAY;
    for (int step = 0; step < 600; step++) {
      now = now.plusSeconds(random.nextInt(3 * 3600));
      String scope = random.nextInt(4) == 0 ? null : random.nextBoolean() ? "scope" : "other";
      batch.request(now, scope);
      for (AgentId agent : agents) {
        batch.add(agent, UTC);
      }
      batched.read(batch);
      int k = random.nextInt(agents.length);
      // mostly the candidate's own agent and scope; sometimes not, and then the handle no longer fits
      AgentId agent = random.nextInt(6) == 0 ? agents[random.nextInt(agents.length)] : agents[k];
      String requestScope = random.nextInt(8) == 0 ? "third" : scope;
      boolean manual = random.nextInt(8) == 0;
      ReservationRequest request = new ReservationRequest(LeadId.of("L-" + random.nextInt(step + 1)), agent, now,
          UTC, caps[random.nextInt(caps.length)], requestScope, manual, manual && random.nextBoolean(),
          random.nextInt(10) == 0);
      assertThat(batched.reserve(request, batch, k)).as("step %d", step).isEqualTo(plain.reserve(request));
      if (scope != null && random.nextInt(3) == 0) { // a levelling step through the batch, or plainly
        int[] positions = random.nextBoolean() ? new int[] {0, 2} : new int[] {random.nextInt(agents.length)};
        long[] credits = new long[positions.length];
        AgentId[] members = new AgentId[positions.length];
        for (int i = 0; i < positions.length; i++) {
          credits[i] = random.nextInt(3);
          members[i] = agents[positions[i]];
        }
        assertThat(batched.recordStep(batch, positions, credits)).as("step %d", step)
            .isEqualTo(plain.recordStep(scope, members, credits));
      }
      if (random.nextInt(3) == 0) {
        LeadId lead = LeadId.of("L-" + random.nextInt(step + 1));
        assertThat(batched.release(lead)).isEqualTo(plain.release(lead));
      }
      for (AgentId a : agents) {
        assertThat(batched.counters(a, now, UTC)).as("step %d agent %s", step, a)
            .isEqualTo(plain.counters(a, now, UTC));
        for (String s : List.of("scope", "other", "third")) {
          assertThat(batched.scopeCounters(s, a)).as("step %d agent %s scope %s", step, a, s)
              .isEqualTo(plain.scopeCounters(s, a));
        }
      }
    }
    assertThat(plain.counters(A, now, UTC).total() + plain.counters(B, now, UTC).total()
        + plain.counters(C, now, UTC).total()).as("reservations made").isGreaterThan(100);
    CandidateCounters one = new CandidateCounters(1).request(now, null);
    one.add(A, UTC);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> batched.reserve(request("L-x", A, MONDAY,
        Capacity.unlimited()), one, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    // a batch read in one scope, then asked again in another without a read: its old handles must not be used
    batch.request(now, "scope");
    for (AgentId agent : agents) {
      batch.add(agent, UTC);
    }
    batched.read(batch);
    batch.request(now, "other");
    for (AgentId agent : new AgentId[] {B, A, C}) {
      batch.add(agent, UTC);
    }
    assertThat(batched.recordStep(batch, new int[] {0, 2}, new long[] {5, 7}))
        .isEqualTo(plain.recordStep("other", new AgentId[] {B, C}, new long[] {5, 7}));
    // and a handle moved to another agent's position (the batch lets anyone set handles) must not be used either
    batched.read(batch);
    batch.setHandle(1, batch.handle(0));
    assertThat(batched.recordStep(batch, new int[] {1}, new long[] {2}))
        .isEqualTo(plain.recordStep("other", new AgentId[] {A}, new long[] {2}));
    for (AgentId a : agents) {
      for (String s : List.of("scope", "other")) {
        assertThat(batched.scopeCounters(s, a)).as("agent %s scope %s", a, s).isEqualTo(plain.scopeCounters(s, a));
      }
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> batched.recordStep(one, new int[] {0}, new long[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scope");
    CandidateCounters scoped = new CandidateCounters(1).request(now, "scope");
    scoped.add(A, UTC);
    batched.read(scoped);
    long stepBefore = batched.scopeStep("scope");
    ScopeCounters before = batched.scopeCounters("scope", A);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> batched.recordStep(scoped, new int[] {0}, new long[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> batched.recordStep(scoped, new int[] {0, 1},
        new long[] {1, 1})).isInstanceOf(IndexOutOfBoundsException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> batched.recordStep(scoped, new int[] {0},
        new long[] {-1})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    assertThat(batched.scopeStep("scope")).as("a refused step changes nothing").isEqualTo(stepBefore);
    assertThat(batched.scopeCounters("scope", A)).isEqualTo(before);
  }

  @Test
  void concurrentReservationsNeverPassACapNorDoubleAssignALead() throws Exception {
    AssignmentLedger ledger = newLedger();
    Capacity caps = Capacity.builder().maxPerDay(100).build();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<int[]>> results = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          start.await();
          int[] won = new int[2];
          for (int i = 0; i < 500; i++) {
            // unique leads against the cap of C; shared leads between A and B
            if (ledger.reserve(request("U-" + thread + "-" + i, C, MONDAY, caps)).reserved()) {
              won[0]++;
            }
            if (ledger.reserve(request("S-" + i, thread % 2 == 0 ? A : B, MONDAY, Capacity.unlimited()))
                .reserved()) {
              won[1]++;
            }
          }
          return won;
        }));
      }
      start.countDown();
      int capped = 0;
      int shared = 0;
      for (Future<int[]> f : results) {
        int[] won = f.get(60, TimeUnit.SECONDS);
        capped += won[0];
        shared += won[1];
      }
      assertThat(capped).isEqualTo(100);
      assertThat(shared).isEqualTo(500);
      assertThat(ledger.counters(C, MONDAY, UTC).day()).isEqualTo(100);
      assertThat(ledger.counters(A, MONDAY, UTC).day() + ledger.counters(B, MONDAY, UTC).day()).isEqualTo(500);
    } finally {
      pool.shutdownNow();
    }
  }
}
