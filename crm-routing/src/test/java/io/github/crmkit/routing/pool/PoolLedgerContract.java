package io.github.crmkit.routing.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.routing.pool.PoolLedger.Acquisition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PoolLedger}: records are stored once and never lost, every change is a compare-and-set on
 * the version, acquisitions check and count holdings and daily claims atomically, also under concurrent callers.
 *
 * <p>A host reuses it for its own ledger (for example over PostgreSQL) from crm-routing's test jar: depend on
 * {@code io.github.crmkit:crm-routing} with {@code <type>test-jar</type>} and {@code <scope>test</scope>} (and on
 * JUnit Jupiter and AssertJ in test scope), subclass it in the host's test sources (JUnit runs the inherited
 * package-private test methods, as with crm-testkit's contracts) and implement {@link #newLedger()}; each call must
 * return an empty ledger.
 */
public abstract class PoolLedgerContract {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final LocalDate DAY = LocalDate.parse("2026-03-02");
  private static final AgentId ANN = AgentId.of("agent-ann");
  private static final AgentId BOB = AgentId.of("agent-bob");

  /** Creates the contract. */
  protected PoolLedgerContract() {}

  /**
   * Returns a new, empty ledger.
   *
   * @return the ledger under test
   */
  protected abstract PoolLedger newLedger();

  private static PoolRecord pooled(String lead) {
    return PoolRecord.builder().id(PoolRecordId.of(LeadId.of(lead))).level("A").build();
  }

  private static PoolRecord ownedBy(PoolRecord record, AgentId agent) {
    return record.toBuilder().owner(agent).ownedSince(T0).version(record.version() + 1).build();
  }

  private static PoolRecord released(PoolRecord record) {
    return record.toBuilder().owner(java.util.Optional.empty()).ownedSince(java.util.Optional.empty())
        .formerOwner(record.owner()).version(record.version() + 1).build();
  }

  @Test
  void storesEachRecordOnceAndListsThemInIdOrder() {
    PoolLedger ledger = newLedger();
    PoolRecord lead2 = pooled("L-2");
    PoolRecord lead1 = pooled("L-1");
    PoolRecord customer = PoolRecord.builder().id(PoolRecordId.of(CustomerId.of("C-1"))).level("B").owner(ANN)
        .ownedSince(T0).build();
    assertThat(ledger.add(lead2)).isTrue();
    assertThat(ledger.add(customer)).isTrue();
    assertThat(ledger.add(lead1)).isTrue();
    assertThat(ledger.add(lead1.toBuilder().level("C").build())).isFalse();
    assertThat(ledger.records()).containsExactly(lead1, lead2, customer);
    assertThat(ledger.find(lead1.id())).contains(lead1);
    assertThat(ledger.find(PoolRecordId.of(LeadId.of("L-9")))).isEmpty();
    assertThat(ledger.holdings(ANN)).isEqualTo(1);
    assertThat(ledger.holdings(BOB)).isZero();
    assertThatThrownBy(() -> ledger.add(pooled("L-3").toBuilder().version(1).build()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void replacesOnlyTheExpectedVersion() {
    PoolLedger ledger = newLedger();
    PoolRecord record = pooled("L-1");
    ledger.add(record);
    PoolRecord touched = record.toBuilder().lastInteraction(T0).version(1).build();
    assertThat(ledger.replace(record, touched)).isTrue();
    assertThat(ledger.find(record.id())).contains(touched);
    PoolRecord again = record.toBuilder().lastDeal(T0).version(1).build();
    assertThat(ledger.replace(record, again)).as("stale expected version").isFalse();
    assertThat(ledger.find(record.id())).contains(touched);
    assertThat(ledger.replace(pooled("L-9"), pooled("L-9").toBuilder().version(1).build())).isFalse();
    assertThat(ledger.records()).containsExactly(touched);
  }

  @Test
  void refusesMalformedReplacements() {
    PoolLedger ledger = newLedger();
    PoolRecord record = pooled("L-1");
    ledger.add(record);
    assertThatThrownBy(() -> ledger.replace(record, record.toBuilder().version(2).build()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ledger.replace(record, pooled("L-2").toBuilder().version(1).build()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ledger.replace(record, ownedBy(record, ANN)))
        .as("giving a record away is acquire's job").isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ledger.acquire(record, ownedBy(record, ANN), -1, true, DAY, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ledger.acquire(record, record.toBuilder().version(1).build(), 1, true, DAY, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ledger.records()).containsExactly(record);
    assertThat(ledger.holdings(ANN)).isZero();
  }

  @Test
  void acquiresCountsAndReleases() {
    PoolLedger ledger = newLedger();
    PoolRecord record = pooled("L-1");
    ledger.add(record);
    PoolRecord owned = ownedBy(record, ANN);
    assertThat(ledger.acquire(record, owned, 5, true, DAY, 5)).isEqualTo(Acquisition.ACQUIRED);
    assertThat(ledger.find(record.id())).contains(owned);
    assertThat(ledger.holdings(ANN)).isEqualTo(1);
    assertThat(ledger.claims(ANN, DAY)).isEqualTo(1);
    assertThat(ledger.claims(ANN, DAY.plusDays(1))).isZero();
    assertThat(ledger.acquire(record, ownedBy(record, BOB), 5, true, DAY, 5)).isEqualTo(Acquisition.STALE);
    assertThat(ledger.holdings(BOB)).isZero();
    assertThat(ledger.claims(BOB, DAY)).isZero();

    PoolRecord back = released(owned);
    assertThat(ledger.replace(owned, back)).isTrue();
    assertThat(ledger.holdings(ANN)).isZero();
    assertThat(ledger.claims(ANN, DAY)).as("a release gives no claim back").isEqualTo(1);

    assertThat(ledger.acquire(back, ownedBy(back, BOB), 5, false, DAY, 0)).as("an assignment is not a claim")
        .isEqualTo(Acquisition.ACQUIRED);
    assertThat(ledger.holdings(BOB)).isEqualTo(1);
    assertThat(ledger.claims(BOB, DAY)).isZero();
  }

  @Test
  void refusesPastTheHoldCapBeforeTheDailyLimit() {
    PoolLedger ledger = newLedger();
    PoolRecord first = pooled("L-1");
    PoolRecord second = pooled("L-2");
    PoolRecord third = pooled("L-3");
    ledger.add(first);
    ledger.add(second);
    ledger.add(third);
    assertThat(ledger.acquire(first, ownedBy(first, ANN), 1, true, DAY, 1)).isEqualTo(Acquisition.ACQUIRED);
    assertThat(ledger.acquire(second, ownedBy(second, ANN), 1, true, DAY, 1))
        .isEqualTo(Acquisition.HOLD_CAP_REACHED);
    assertThat(ledger.acquire(second, ownedBy(second, ANN), 2, true, DAY, 1))
        .isEqualTo(Acquisition.DAILY_LIMIT_REACHED);
    assertThat(ledger.acquire(second, ownedBy(second, ANN), 2, true, DAY.plusDays(1), 1))
        .isEqualTo(Acquisition.ACQUIRED);
    assertThat(ledger.acquire(third, ownedBy(third, ANN), 0, false, DAY, 9))
        .isEqualTo(Acquisition.HOLD_CAP_REACHED);
    assertThat(ledger.find(third.id())).contains(third);
    assertThat(ledger.holdings(ANN)).isEqualTo(2);
    assertThat(ledger.claims(ANN, DAY)).isEqualTo(1);
    assertThat(ledger.claims(ANN, DAY.plusDays(1))).isEqualTo(1);
  }

  @Test
  void exactlyOneOfManyConcurrentAcquirersWins() throws Exception {
    int threads = 8;
    for (int round = 0; round < 50; round++) {
      PoolLedger ledger = newLedger();
      PoolRecord record = pooled("L-" + round);
      ledger.add(record);
      List<Callable<Acquisition>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        AgentId agent = AgentId.of("agent-" + t);
        tasks.add(() -> ledger.acquire(record, ownedBy(record, agent), 10, true, DAY, 10));
      }
      List<Acquisition> outcomes = runTogether(tasks);
      assertThat(outcomes).filteredOn(o -> o == Acquisition.ACQUIRED).hasSize(1);
      assertThat(outcomes).filteredOn(o -> o == Acquisition.STALE).hasSize(threads - 1);
      AgentId winner = ledger.find(record.id()).orElseThrow().owner().orElseThrow();
      assertThat(ledger.holdings(winner)).isEqualTo(1);
    }
  }

  @Test
  void exactlyOneOfManyConcurrentReplacementsOfOneVersionWins() throws Exception {
    for (int round = 0; round < 50; round++) {
      PoolLedger ledger = newLedger();
      PoolRecord record = PoolRecord.builder().id(PoolRecordId.of(LeadId.of("L-" + round))).level("A").owner(ANN)
          .ownedSince(T0).build();
      ledger.add(record);
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        Instant at = T0.plusSeconds(t);
        tasks.add(() -> touch(ledger, record, at));
      }
      tasks.add(() -> ledger.replace(record, released(record)));
      List<Boolean> outcomes = runTogether(tasks);
      assertThat(outcomes).filteredOn(Boolean::booleanValue).hasSize(1);
      PoolRecord stored = ledger.find(record.id()).orElseThrow();
      assertThat(stored.version()).isEqualTo(1);
      assertThat(ledger.holdings(ANN)).isEqualTo(stored.isInPool() ? 0 : 1);
    }
  }

  private static boolean touch(PoolLedger ledger, PoolRecord record, Instant at) {
    return ledger.replace(record, record.toBuilder().lastInteraction(at).version(1).build());
  }

  @Test
  void concurrentAcquisitionsNeverPassTheCapsOfOneAgent() throws Exception {
    int records = 40;
    PoolLedger ledger = newLedger();
    List<PoolRecord> pool = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      PoolRecord record = pooled("L-" + i);
      ledger.add(record);
      pool.add(record);
    }
    List<Callable<Acquisition>> tasks = new ArrayList<>();
    for (PoolRecord record : pool.subList(0, 20)) {
      tasks.add(() -> ledger.acquire(record, ownedBy(record, ANN), 7, true, DAY, 100));
    }
    for (PoolRecord record : pool.subList(20, 40)) {
      tasks.add(() -> ledger.acquire(record, ownedBy(record, BOB), 100, true, DAY, 5));
    }
    List<Acquisition> outcomes = runTogether(tasks);
    assertThat(outcomes.subList(0, 20)).filteredOn(o -> o == Acquisition.ACQUIRED).hasSize(7);
    assertThat(outcomes.subList(0, 20)).filteredOn(o -> o == Acquisition.HOLD_CAP_REACHED).hasSize(13);
    assertThat(outcomes.subList(20, 40)).filteredOn(o -> o == Acquisition.ACQUIRED).hasSize(5);
    assertThat(outcomes.subList(20, 40)).filteredOn(o -> o == Acquisition.DAILY_LIMIT_REACHED).hasSize(15);
    assertThat(ledger.holdings(ANN)).isEqualTo(7);
    assertThat(ledger.holdings(BOB)).isEqualTo(5);
    assertThat(ledger.claims(BOB, DAY)).isEqualTo(5);
    assertThat(ledger.records()).hasSize(records);
    assertThat(ledger.records()).filteredOn(PoolRecord::isInPool).hasSize(records - 12);
  }

  /** Runs the tasks on as many threads, started together; returns their results in task order. */
  static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(tasks.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(executor.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      executor.shutdownNow();
    }
  }
}
