package io.github.crmkit.routing;

import static io.github.crmkit.routing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.Capacity;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A multi-threaded stress test of the engine over the in-memory ledger: many threads routing at once never push an
 * agent past a cap, never give one lead to two agents, and every lead gets exactly one outcome.
 */
class ConcurrentRoutingTest {
  private static final int THREADS = 8;

  @Test
  void concurrentRoutingNeverPassesACapNorAssignsALeadTwice() throws Exception {
    int[] caps = {10, 20, 30, 40, 50};
    List<Agent> agents = new ArrayList<>();
    for (int i = 0; i < caps.length; i++) {
      agents.add(Fixtures.agent("a" + i).capacity(Capacity.builder().maxPerDay(caps[i]).build()).build());
    }
    for (String strategy : List.of("round-robin", "smooth-weighted-round-robin", "load-balancing", "levelling",
        "weighted-random")) {
      InMemoryAssignmentLedger ledger = new InMemoryAssignmentLedger();
      RoutingEngine engine = RoutingEngine.builder()
          .policy(Fixtures.onePool(strategy, "a0", "a1", "a2", "a3", "a4"))
          .directory(Fixtures.directory(agents, List.of())).ledger(ledger).build();
      ConcurrentHashMap<String, String> owners = new ConcurrentHashMap<>();
      AtomicInteger decisions = new AtomicInteger();
      AtomicInteger assigned = new AtomicInteger();
      AtomicInteger doubleAssigned = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      try {
        for (int t = 0; t < THREADS; t++) {
          done.add(pool.submit(() -> {
            start.await();
            // every thread routes the same 150 shared leads and 50 of its own
            for (int i = 0; i < 200; i++) {
              String id = i < 150 ? "S-" + i : "U-" + Thread.currentThread().getId() + "-" + i;
              RoutingDecision d = engine.route(Fixtures.lead(id).build(), T0);
              decisions.incrementAndGet();
              if (d.outcome() == Outcome.ASSIGNED) {
                assigned.incrementAndGet();
                if (owners.putIfAbsent(id, d.target()) != null) {
                  doubleAssigned.incrementAndGet();
                }
              }
            }
            return null;
          }));
        }
        start.countDown();
        for (Future<?> f : done) {
          f.get(120, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(decisions.get()).isEqualTo(THREADS * 200);
      assertThat(doubleAssigned.get()).as(strategy).isZero();
      // 150 caps in total and 150 + 8 * 50 = 550 distinct leads: exactly 150 assignments, each agent at its cap
      assertThat(assigned.get()).as(strategy).isEqualTo(150);
      for (int i = 0; i < caps.length; i++) {
        assertThat(ledger.counters(AgentId.of("a" + i), T0, ZoneId.of("UTC")).day()).as(strategy)
            .isEqualTo(caps[i]);
      }
    }
  }
}
