package io.github.crmkit.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.routing.port.AgentCounters;
import io.github.crmkit.routing.port.AssignmentLedger;
import io.github.crmkit.routing.port.AssignmentLedgerContract;
import io.github.crmkit.routing.port.ReservationRequest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InMemoryAssignmentLedgerTest extends AssignmentLedgerContract {
  @Override
  protected AssignmentLedger newLedger() {
    return new InMemoryAssignmentLedger();
  }

  private static final Instant MONDAY_NOON = Instant.parse("2026-03-02T12:00:00Z");
  private static final int CALENDAR = io.github.crmkit.routing.port.CandidateCounters.DAY
      | io.github.crmkit.routing.port.CandidateCounters.WEEK | io.github.crmkit.routing.port.CandidateCounters.MONTH;

  private static io.github.crmkit.routing.port.CandidateCounters batchOf(AgentId... agents) {
    var batch = new io.github.crmkit.routing.port.CandidateCounters(agents.length).request(MONDAY_NOON, "s",
        CALENDAR);
    for (AgentId agent : agents) {
      batch.add(agent, ZoneId.of("UTC"));
    }
    return batch;
  }

  private static void assign(InMemoryAssignmentLedger ledger, String lead, AgentId agent, Instant at) {
    ledger.reserve(new ReservationRequest(LeadId.of(lead), agent, at, ZoneId.of("UTC"), Capacity.unlimited(), "s",
        false, false, false));
  }

  /**
   * One lead moved back and forth between two agents by one thread while another reads both agents through a batch
   * asked again (its reads run without the lock): every read must see the lead with exactly one of them, and as many
   * assignments in the day as the backlog and totals imply. A read that is not validated sees a move half done.
   */
  @Test
  void readsWithoutTheLockNeverSeeAHalfDoneReassignment() throws Exception {
    AgentId a = AgentId.of("a");
    AgentId b = AgentId.of("b");
    InMemoryAssignmentLedger ledger = new InMemoryAssignmentLedger();
    LeadId lead = LeadId.of("L-1");
    Instant start = MONDAY_NOON.minusSeconds(3600);
    ledger.reserve(new ReservationRequest(lead, a, start, ZoneId.of("UTC"), Capacity.unlimited(), "s", true, true,
        true));
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    Thread mover = new Thread(() -> {
      for (int i = 1; i <= 200_000; i++) {
        ledger.reserve(new ReservationRequest(lead, i % 2 == 0 ? a : b, start.plusMillis(i), ZoneId.of("UTC"),
            Capacity.unlimited(), "s", true, true, true));
      }
      done.set(true);
    });
    var batch = batchOf(a, b);
    ledger.read(batch);
    mover.start();
    long reads = 0;
    List<String> seen = new ArrayList<>();
    while (!done.get() || reads < 1000) {
      ledger.read(batch.requestAgain(MONDAY_NOON));
      reads++;
      int open = batch.open(0) + batch.open(1);
      long total = batch.total(0) + batch.total(1);
      int day = batch.day(0) + batch.day(1);
      long assigned = batch.scopeAssigned(0) + batch.scopeAssigned(1);
      if (open != 1 || day != total || assigned != total) {
        seen.add("open " + open + ", day " + day + ", total " + total + ", scope " + assigned);
      }
    }
    mover.join();
    assertThat(seen).as("after %d reads", reads).isEmpty();
  }

  /** A dry run reads the live decisions' batches with its own ledger: each ledger must answer its own counts. */
  @Test
  void twoLedgersReadingOneBatchInTurnEachAnswerTheirOwnCounters() {
    AgentId a = AgentId.of("a");
    AgentId b = AgentId.of("b");
    InMemoryAssignmentLedger live = new InMemoryAssignmentLedger();
    InMemoryAssignmentLedger scratch = new InMemoryAssignmentLedger();
    assign(live, "L-1", a, MONDAY_NOON.minusSeconds(60));
    assign(live, "L-2", a, MONDAY_NOON.minusSeconds(30));
    assign(scratch, "L-3", b, MONDAY_NOON.minusSeconds(10));
    var batch = batchOf(a, b);
    for (int turn = 0; turn < 3; turn++) {
      Instant at = MONDAY_NOON.plusSeconds(turn);
      live.read(batch.requestAgain(at));
      assertThat(new int[] {batch.day(0), batch.day(1)}).as("live, turn %d", turn).containsExactly(2, 0);
      assertThat(batch.scopeAssigned(0)).isEqualTo(2);
      scratch.read(batch.requestAgain(at));
      assertThat(new int[] {batch.day(0), batch.day(1)}).as("scratch, turn %d", turn).containsExactly(0, 1);
      assertThat(batch.scopeAssigned(0)).isZero();
    }
  }

  /**
   * A batch given another batch's handles is read afresh, also when its count of changes happens to equal the one
   * the ledger saw at the end of its read of the other batch.
   */
  @Test
  void handlesCopiedIntoAnotherBatchAreNotTrusted() {
    AgentId a = AgentId.of("a");
    InMemoryAssignmentLedger ledger = new InMemoryAssignmentLedger();
    var first = batchOf(a);
    ledger.read(first);
    long seen = first.modifications();
    var second = batchOf(a);
    second.setHandle(0, first.handle(0));
    while (second.modifications() < seen) {
      second.setCounters(0, 7, 7, 7, 7, 7, 7, 7); // a caller's own values, which the ledger must not keep
    }
    assertThat(second.modifications()).isEqualTo(seen);
    ledger.read(second.requestAgain(MONDAY_NOON));
    assertThat(second.counters(0)).isEqualTo(ledger.counters(a, MONDAY_NOON, ZoneId.of("UTC")));
  }

  /**
   * The counters, kept with moving cursors, against counting every kept instant from scratch: instants recorded in
   * and out of order, reads moving forward and backward, in three zones (one with daylight saving time), over
   * several months so that the 62-day purge runs.
   */
  @Test
  void countersEqualCountingFromScratch() {
    ZoneId[] zones = {ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"), ZoneId.of("Asia/Shanghai")};
    AgentId agent = AgentId.of("a");
    qt().withExamples(60).withFixedSeed(20261201L).forAll(longs().all()).checkAssert(seed -> {
      InMemoryAssignmentLedger ledger = new InMemoryAssignmentLedger();
      SplittableRandom random = new SplittableRandom(seed);
      List<Instant> recorded = new ArrayList<>();
      Instant clock = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(86_400 * 365));
      ZoneId zone = zones[0];
      for (int step = 0; step < 300; step++) {
        clock = clock.plusSeconds(random.nextInt(12 * 3600));
        int back = random.nextInt(6);
        Instant at = back == 0 ? clock.minusSeconds(random.nextInt(50 * 86_400))
            : back < 3 ? clock.minusSeconds(random.nextInt(2 * 86_400)) : clock;
        boolean forced = random.nextBoolean(); // a forced manual assignment skips the cap check before recording
        ledger.reserve(new ReservationRequest(LeadId.of("L-" + step), agent, at, zones[0], Capacity.unlimited(),
            null, forced, forced, false));
        recorded.add(at);
        Instant read = random.nextInt(5) == 0 ? clock.minusSeconds(random.nextInt(10 * 86_400)) : clock;
        if (random.nextInt(10) == 0) {
          zone = zones[random.nextInt(zones.length)];
        }
        AgentCounters c = ledger.counters(agent, read, zone);
        Instant newest = recorded.stream().max(Instant::compareTo).orElseThrow();
        Instant keptFrom = newest.minus(Duration.ofDays(62));
        LocalDate day = read.atZone(zone).toLocalDate();
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Instant weekStart = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone)
            .toInstant();
        Instant monthStart = day.withDayOfMonth(1).atStartOfDay(zone).toInstant();
        Instant rollingStart = read.minus(Duration.ofDays(30)).plusMillis(1);
        assertThat(c.day()).as("day at step %d", step).isEqualTo(count(recorded, keptFrom, dayStart, read));
        assertThat(c.week()).as("week at step %d", step).isEqualTo(count(recorded, keptFrom, weekStart, read));
        assertThat(c.month()).as("month at step %d", step).isEqualTo(count(recorded, keptFrom, monthStart, read));
        assertThat(c.rolling30Days()).as("30 days at step %d", step)
            .isEqualTo(count(recorded, keptFrom, rollingStart, read));
        assertThat(c.total()).isEqualTo(step + 1);
      }
    });
  }

  /** Kept instants (the purge keeps those at or after 62 days before the newest recorded) in [from, to]. */
  private static int count(List<Instant> recorded, Instant keptFrom, Instant from, Instant to) {
    int n = 0;
    for (Instant t : recorded) {
      if (!t.isBefore(keptFrom) && !t.isBefore(from) && !t.isAfter(to)) {
        n++;
      }
    }
    return n;
  }
}
