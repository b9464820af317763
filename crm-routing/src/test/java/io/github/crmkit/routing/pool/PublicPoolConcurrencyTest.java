package io.github.crmkit.routing.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.DomainEvent;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.routing.pool.PoolResult.Rejection;
import io.github.crmkit.testkit.inmemory.RecordingEventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Stress tests: many threads claiming, releasing, touching and sweeping one pool at once. */
class PublicPoolConcurrencyTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  private static PoolPolicy policy(int dailyLimit, int holdCap) {
    return PoolPolicy.builder()
        .putLevel("A", LevelRules.builder().noFollowUpDays(1).build())
        .claiming(ClaimRules.builder().dailyLimit(dailyLimit).holdCap(holdCap).reclaimCooldownDays(1).build())
        .build();
  }

  @Test
  void twoAgentsClaimingOneRecordExactlyOneWins() throws Exception {
    for (int round = 0; round < 100; round++) {
      PublicPool pool = PublicPool.create(policy(10, 10), new InMemoryPoolLedger(), e -> { }, () -> "E");
      PoolRecordId id = PoolRecordId.of(LeadId.of("L-" + round));
      pool.addToPool(id, "A");
      List<Callable<PoolResult>> claims = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        AgentId agent = AgentId.of("agent-" + t);
        claims.add(() -> pool.claim(id, agent, NOW));
      }
      List<PoolResult> results = PoolLedgerContract.runTogether(claims);
      assertThat(results).filteredOn(PoolResult::isAccepted).hasSize(1);
      assertThat(results).filteredOn(r -> !r.isAccepted())
          .allSatisfy(r -> assertThat(r.rejection()).contains(Rejection.ALREADY_OWNED));
      AgentId winner = results.stream().filter(PoolResult::isAccepted).findFirst().orElseThrow().agent();
      assertThat(pool.record(id).orElseThrow().owner()).contains(winner);
    }
  }

  @Test
  void concurrentClaimsReleasesAndSweepsKeepEveryLimitAndEveryRecord() throws Exception {
    int records = 60;
    int agents = 6;
    int threads = 8;
    int dailyLimit = 15;
    int holdCap = 4;
    RecordingEventPublisher events = new RecordingEventPublisher();
    InMemoryPoolLedger ledger = new InMemoryPoolLedger();
    AtomicInteger ids = new AtomicInteger();
    PublicPool pool = PublicPool.create(policy(dailyLimit, holdCap), ledger, events,
        () -> "E-" + ids.incrementAndGet());
    List<PoolRecordId> recordIds = new ArrayList<>();
    for (int r = 0; r < records; r++) {
      PoolRecordId id = PoolRecordId.of(LeadId.of("L-" + r));
      recordIds.add(id);
      pool.addToPool(id, "A");
    }
    List<AgentId> agentIds = new ArrayList<>();
    for (int a = 0; a < agents; a++) {
      agentIds.add(AgentId.of("agent-" + a));
    }
    ConcurrentLinkedQueue<PoolResult> results = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<PoolAction> actions = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      SplittableRandom random = new SplittableRandom(t);
      tasks.add(() -> {
        for (int i = 0; i < 1500; i++) {
          PoolRecordId id = recordIds.get(random.nextInt(records));
          AgentId agent = agentIds.get(random.nextInt(agents));
          // all within one UTC day, so the daily limit binds; a sweep after 1 day recycles everything owned
          Instant now = NOW.plus(Duration.ofSeconds(i));
          int choice = random.nextInt(10);
          if (choice < 6) {
            results.add(pool.claim(id, agent, now));
          } else if (choice < 8) {
            results.add(pool.release(id, agent, now));
          } else if (choice < 9) {
            pool.recordInteraction(id, now);
          } else {
            actions.addAll(pool.sweep(now.plus(Duration.ofDays(1))));
          }
          int held = pool.holdings(agent);
          if (held > holdCap) {
            violations.add(agent + " holds " + held);
          }
        }
        return null;
      });
    }
    PoolLedgerContract.runTogether(tasks);

    assertThat(violations).isEmpty();
    LocalDate day = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    int held = 0;
    for (AgentId agent : agentIds) {
      long claimed = results.stream().filter(r -> r.operation() == PoolResult.Operation.CLAIM
          && r.isAccepted() && r.agent().equals(agent)).count();
      long released = results.stream().filter(r -> r.operation() == PoolResult.Operation.RELEASE
          && r.isAccepted() && r.agent().equals(agent)).count();
      long recycled = actions.stream().filter(a -> a.owner().equals(agent)).count();
      assertThat(claimed).as("claims of %s", agent).isLessThanOrEqualTo(dailyLimit)
          .isEqualTo(ledger.claims(agent, day));
      long owned = ledger.records().stream().filter(r -> r.isOwnedBy(agent)).count();
      assertThat(owned).as("what %s holds", agent).isEqualTo(claimed - released - recycled)
          .isEqualTo(ledger.holdings(agent)).isLessThanOrEqualTo(holdCap);
      held += ledger.holdings(agent);
    }
    long inPool = ledger.records().stream().filter(PoolRecord::isInPool).count();
    assertThat(held + inPool).isEqualTo(records);
    assertThat(results).filteredOn(PoolResult::isAccepted).isNotEmpty();
    assertThat(results).filteredOn(r -> r.rejection().orElse(null) == Rejection.DAILY_LIMIT_REACHED).isNotEmpty();
    long accepted = results.stream().filter(PoolResult::isAccepted).count();
    List<DomainEvent> published = events.events();
    assertThat(published).hasSize((int) (accepted + actions.size()));
    assertThat(published).extracting(DomainEvent::eventId).doesNotHaveDuplicates();
  }
}
