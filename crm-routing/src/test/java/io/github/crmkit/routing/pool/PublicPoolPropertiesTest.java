package io.github.crmkit.routing.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.routing.pool.PoolResult.Rejection;
import io.github.crmkit.testkit.inmemory.RecordingEventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * Properties over random policies and random sequences of claims, assignments, releases, interactions,
 * opportunities, deals, level changes and sweeps, checked after every step against a plain model of the rules.
 */
class PublicPoolPropertiesTest {
  private static final int RECORDS = 8;
  private static final int AGENTS = 4;
  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void recyclingNeverLosesARecordLimitsHoldAndSweepsAreIdempotent() {
    qt().withExamples(250).withFixedSeed(20261201L).withShrinkCycles(200)
        .forAll(PoolPolicyTest.policies(), SourceDSL.lists().of(SourceDSL.integers().all()).ofSizeBetween(1, 150))
        .checkAssert(PublicPoolPropertiesTest::run);
  }

  private static void run(PoolPolicy policy, List<Integer> ops) {
    RecordingEventPublisher events = new RecordingEventPublisher();
    InMemoryPoolLedger ledger = new InMemoryPoolLedger();
    AtomicInteger ids = new AtomicInteger();
    PublicPool pool = PublicPool.create(policy, ledger, events, () -> "E-" + ids.incrementAndGet());
    List<String> levels = new ArrayList<>(policy.levels().keySet());
    int holdCap = policy.claiming().holdCap().orElse(Integer.MAX_VALUE);
    int dailyLimit = policy.claiming().dailyLimit().orElse(Integer.MAX_VALUE);
    List<PoolRecordId> records = new ArrayList<>();
    List<AgentId> agents = new ArrayList<>();
    for (int a = 0; a < AGENTS; a++) {
      agents.add(AgentId.of("agent-" + a));
    }
    Map<AgentId, Integer> initiallyHeld = new HashMap<>();
    for (int r = 0; r < RECORDS; r++) {
      PoolRecordId id = PoolRecordId.of(LeadId.of("L-" + r));
      records.add(id);
      String level = levels.get(r % levels.size());
      AgentId owner = agents.get(r % AGENTS);
      if (r % 2 == 0 && initiallyHeld.getOrDefault(owner, 0) < holdCap) {
        initiallyHeld.merge(owner, 1, Integer::sum);
        assertThat(pool.addOwned(id, level, owner, START)).isTrue();
      } else {
        assertThat(pool.addToPool(id, level)).isTrue();
      }
    }
    Map<AgentId, Map<LocalDate, Integer>> claimed = new HashMap<>();
    Set<List<Object>> reminders = new HashSet<>();
    int expectedEvents = 0;
    Instant now = START;
    for (int op : ops) {
      int code = Math.floorMod(op, 10);
      int arg = op >>> 4;
      PoolRecordId id = records.get(arg % RECORDS);
      AgentId agent = agents.get((arg / RECORDS) % AGENTS);
      PoolRecord before = ledger.find(id).orElseThrow();
      switch (code) {
        case 0, 1 -> now = now.plus(Duration.ofMinutes(arg % (4 * 24 * 60)));
        case 2, 3 -> {
          boolean claim = code == 2;
          int heldBefore = ledger.holdings(agent);
          PoolResult result = claim ? pool.claim(id, agent, now) : pool.assign(id, agent, now);
          LocalDate day = LocalDate.ofInstant(now, policy.timeZone());
          int claimsToday = claimed.getOrDefault(agent, Map.of()).getOrDefault(day, 0);
          Rejection expected = !before.isInPool() ? Rejection.ALREADY_OWNED
              : claim && before.formerOwner().equals(Optional.of(agent)) && before.cooldownUntil().isPresent()
                  && now.isBefore(before.cooldownUntil().get()) ? Rejection.COOLDOWN
              : heldBefore >= holdCap ? Rejection.HOLD_CAP_REACHED
              : claim && claimsToday >= dailyLimit ? Rejection.DAILY_LIMIT_REACHED
              : null;
          assertThat(result.rejection().orElse(null)).as("%s", result).isEqualTo(expected);
          if (result.isAccepted()) {
            expectedEvents++;
            assertThat(ledger.find(id).orElseThrow().owner()).contains(agent);
            assertThat(ledger.find(id).orElseThrow().ownedSince()).contains(now);
            if (claim) {
              claimed.computeIfAbsent(agent, a -> new HashMap<>()).merge(day, 1, Integer::sum);
            }
          }
        }
        case 4 -> {
          AgentId releaser = arg % 3 == 0 ? agent : before.owner().orElse(agent);
          PoolResult result = pool.release(id, releaser, now);
          assertThat(result.isAccepted()).isEqualTo(before.isOwnedBy(releaser));
          if (result.isAccepted()) {
            expectedEvents++;
            PoolRecord after = ledger.find(id).orElseThrow();
            assertThat(after.isInPool()).isTrue();
            assertThat(after.level()).isEqualTo(before.level());
            assertThat(after.formerOwner()).contains(releaser);
          }
        }
        case 5 -> assertThat(pool.recordInteraction(id, now)).isTrue();
        case 6 -> assertThat(pool.recordOpportunity(id, now)).isTrue();
        case 7 -> assertThat(pool.recordDeal(id, now)).isTrue();
        case 8 -> assertThat(pool.changeLevel(id, levels.get(arg % levels.size()))).isTrue();
        default -> {
          List<PoolRecord> snapshot = ledger.records();
          List<PoolAction> actions = pool.sweep(now);
          expectedEvents += actions.size();
          for (PoolAction action : actions) {
            PoolRecord was = snapshot.get(records.indexOf(action.recordId()));
            PoolRecord is = ledger.find(action.recordId()).orElseThrow();
            assertThat(was.owner()).contains(action.owner());
            assertThat(action.level()).isEqualTo(was.level());
            if (action.kind() == PoolAction.Kind.RECYCLE) {
              assertThat(action.dueAt()).isBeforeOrEqualTo(now);
              assertThat(is.isInPool()).isTrue();
              assertThat(is.formerOwner()).contains(action.owner());
              assertThat(is.level()).isEqualTo(action.landingLevel());
              assertThat(action.landingLevel())
                  .isEqualTo(policy.level(was.level()).recycleToLevel().orElse(was.level()));
            } else {
              assertThat(action.dueAt()).isAfter(now);
              int k = policy.level(was.level()).reminderDaysBefore().getAsInt();
              assertThat(action.dueAt().minus(Duration.ofDays(k))).isBeforeOrEqualTo(now);
              assertThat(reminders.add(List.of(action.recordId(), action.owner(), was.ownedSince().get(),
                  action.dueAt()))).as("reminded once: %s", action).isTrue();
            }
          }
          // nothing left due, and a second sweep at the same instant does nothing
          for (PoolRecord record : ledger.records()) {
            Optional<PoolAction> due = pool.preview(record);
            if (due.isPresent()) {
              assertThat(due.get().dueAt()).isAfter(now);
            }
          }
          List<PoolRecord> afterFirst = ledger.records();
          assertThat(pool.sweep(now)).isEmpty();
          assertThat(ledger.records()).isEqualTo(afterFirst);
        }
      }
      checkInvariants(ledger, records, agents, holdCap, dailyLimit, claimed);
      assertThat(events.events()).hasSize(expectedEvents);
    }
  }

  private static void checkInvariants(InMemoryPoolLedger ledger, List<PoolRecordId> records, List<AgentId> agents,
      int holdCap, int dailyLimit, Map<AgentId, Map<LocalDate, Integer>> claimed) {
    List<PoolRecord> all = ledger.records();
    assertThat(all).extracting(PoolRecord::id).containsExactlyElementsOf(records);
    int inPool = 0;
    Map<AgentId, Integer> owned = new HashMap<>();
    for (PoolRecord record : all) {
      if (record.isInPool()) {
        inPool++;
      } else {
        owned.merge(record.owner().get(), 1, Integer::sum);
      }
    }
    int held = 0;
    for (AgentId agent : agents) {
      int holdings = ledger.holdings(agent);
      assertThat(holdings).as("holdings of %s", agent).isEqualTo(owned.getOrDefault(agent, 0));
      assertThat(holdings).as("hold cap of %s", agent).isLessThanOrEqualTo(holdCap);
      held += holdings;
      for (Map.Entry<LocalDate, Integer> day : claimed.getOrDefault(agent, Map.of()).entrySet()) {
        assertThat(day.getValue()).isLessThanOrEqualTo(dailyLimit);
        assertThat(ledger.claims(agent, day.getKey())).isEqualTo(day.getValue());
      }
    }
    assertThat(held + inPool).as("owned + in pool = records").isEqualTo(records.size());
  }
}
