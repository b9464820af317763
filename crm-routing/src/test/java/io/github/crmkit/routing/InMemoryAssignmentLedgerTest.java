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
