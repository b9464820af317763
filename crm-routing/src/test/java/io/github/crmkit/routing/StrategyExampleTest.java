package io.github.crmkit.routing;

import static io.github.crmkit.routing.Fixtures.T0;
import static io.github.crmkit.routing.Fixtures.agent;
import static io.github.crmkit.routing.Fixtures.directory;
import static io.github.crmkit.routing.Fixtures.engine;
import static io.github.crmkit.routing.Fixtures.lead;
import static io.github.crmkit.routing.Fixtures.onePool;
import static io.github.crmkit.routing.Fixtures.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.model.Absence;
import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.model.WorkingCalendar;
import io.github.crmkit.model.WorkingHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each strategy against assignments computed by hand (the derivations are in the comments). */
class StrategyExampleTest {
  private static List<String> route(RoutingEngine engine, int from, int count) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      out.add(target(engine.route(lead(i), T0.plusSeconds(60L * i))));
    }
    return out;
  }

  @Test
  void roundRobinServesTheLongestWaitingAndCountsManualAssignments() {
    RoutingEngine engine = engine(onePool("round-robin", "c", "a", "b"),
        directory(agent("a", 1), agent("b", 1), agent("c", 1)));
    // b gets a manual assignment first; a and c never had one, so a (lower id), then c, then b (waited since the
    // manual assignment at T0), then a (assigned after b's manual one)
    assertThat(engine.assign(LeadId.of("M-1"), AgentId.of("b"), false, T0).outcome()).isEqualTo(Outcome.ASSIGNED);
    assertThat(route(engine, 1, 4)).containsExactly("a", "c", "b", "a");
  }

  @Test
  void smoothWeightedRoundRobinGivesNginxSequenceForFiveOneOne() {
    RoutingEngine engine = engine(onePool("smooth-weighted-round-robin", "a", "b", "c"),
        directory(agent("a", 5), agent("b", 1), agent("c", 1)));
    // current weights (N+1)w - W n with W = 7: (5,1,1) a; (3,2,2) a; (1,3,3) b (tie with c: same weight, b lower
    // id); (6,-3,4) a; (4,-2,5) c; (9,-1,-1) a; (7,0,0) a: nginx's documented { a, a, b, a, c, a, a }
    assertThat(route(engine, 1, 7)).containsExactly("a", "a", "b", "a", "c", "a", "a");
  }

  @Test
  void loadBalancingPrefersTheMostFreeCapacityWithRoundRobinTieBreak() {
    RoutingEngine engine = engine(onePool("load-balancing", "a", "b", "c"), directory(
        agent("a").capacity(Capacity.builder().maxPerDay(2).build()).build(),
        agent("b").capacity(Capacity.builder().maxPerDay(4).build()).build(),
        agent("c").capacity(Capacity.builder().maxPerDay(4).build()).build()));
    // free (2,4,4): b (tie with c, b lower id); (2,3,4): c; (2,3,3): b (waited longer than c); (2,2,3): c;
    // (2,2,2): a (never assigned); (1,2,2): b (waited longer); (1,1,2): c; (1,1,1): a; then all capped? no: (0,1,1)
    assertThat(route(engine, 1, 8)).containsExactly("b", "c", "b", "c", "a", "b", "c", "a");
  }

  @Test
  void loadBalancingCountsTheDayAndTheBacklogWhenEveryMemberHasTheSameCaps() {
    // caps shared by every member take the engine's shorter path: the same free capacity as caps of their own
    RoutingEngine backlog = engine(onePool("load-balancing", "a", "b"), directory(
        agent("a").capacity(Capacity.builder().maxOpen(3).build()).build(),
        agent("b").capacity(Capacity.builder().maxOpen(3).build()).build()));
    // free (3,3): a (never assigned, lower id); (2,3): b; (2,2): a (waited longer)
    assertThat(route(backlog, 1, 3)).containsExactly("a", "b", "a");
    backlog.ledger().release(LeadId.of("L-1"));
    backlog.ledger().release(LeadId.of("L-3"));
    // free (3,2): a, although b has waited longer
    assertThat(route(backlog, 4, 1)).containsExactly("a");

    RoutingEngine day = engine(onePool("load-balancing", "a", "b"), directory(
        agent("a").capacity(Capacity.builder().maxPerDay(3).build()).build(),
        agent("b").capacity(Capacity.builder().maxPerDay(3).build()).build()));
    day.assign(LeadId.of("M-1"), AgentId.of("b"), false, T0.plusSeconds(1));
    day.assign(LeadId.of("M-2"), AgentId.of("b"), false, T0.plusSeconds(2));
    day.assign(LeadId.of("M-3"), AgentId.of("a"), false, T0.plusSeconds(3));
    // free (2,1): a, although b has waited longer; (1,1): b (waited longer); (1,0): a; then both are capped at 3
    assertThat(route(day, 4, 4)).containsExactly("a", "b", "a", "UNASSIGNED:nobody-left");
  }

  @Test
  void levellingCalibratesAReturningAgentInsteadOfFloodingIt() {
    Instant back = T0.plusSeconds(60L * 7);
    WorkingCalendar away = WorkingCalendar.builder().zone(ZoneOffset.UTC)
        .addHour(WorkingHours.of(DayOfWeek.MONDAY, LocalTime.of(0, 0), LocalTime.of(23, 59)))
        .addAbsence(Absence.of(T0.minusSeconds(3600), back)).build();
    PoolDefinition pool = new PoolDefinition("p", List.of("a", "b", "c"), null, "levelling", null, null, true, 0,
        null, null, null, null);
    RoutingPolicy policy = RoutingPolicy.of("t", List.of(pool),
        List.of(new RuleEntry("all", null, Target.pool("p"), List.of())));
    RoutingEngine engine = engine(policy, directory(agent("a", 1), agent("b", 1),
        agent("c").calendar(away).build()));
    // c is away for leads 1..6: a, b alternate (3 each). At lead 7 c is back with 0 assignments; calibration
    // credits it up to the lowest count of the continuing members (3), so counts are (3,3,3) and the tie goes by
    // round robin: c (never assigned), then a (assigned before b), then b. Without calibration c would take 3 in
    // a row.
    assertThat(route(engine, 1, 6)).containsExactly("a", "b", "a", "b", "a", "b");
    assertThat(route(engine, 7, 3)).containsExactly("c", "a", "b");
    assertThat(engine.ledger().scopeCounters("pool:p", AgentId.of("c")).credits()).isEqualTo(3);
  }

  @Test
  void batchAllocationServesPreferredLeadsFirstThenByCapacity() {
    PoolDefinition pool = new PoolDefinition("p", List.of("a", "b"), null, "batch-allocation", null, null, false, 0,
        null, null, null, Map.of("a", Condition.of("region", "=", "Guangdong")));
    RoutingPolicy policy = RoutingPolicy.of("t", List.of(pool),
        List.of(new RuleEntry("all", null, Target.pool("p"), List.of(Target.unassigned("full")))));
    RoutingEngine engine = engine(policy, directory(
        agent("a").capacity(Capacity.builder().maxPerDay(2).build()).build(),
        agent("b").capacity(Capacity.builder().maxPerDay(2).build()).build()));
    // in input order: x (Beijing), g1, g2, g3 (Guangdong). The Guangdong leads go first: g1 and g2 to a (the only
    // member preferring them), g3 finds a capped and goes to b (the only eligible member); then x finds only b
    // (one place left) and takes it.
    var batch = engine.routeBatch(List.of(
        lead("x").region("Beijing").build(), lead("g1").region("Guangdong").build(),
        lead("g2").region("Guangdong").build(), lead("g3").region("Guangdong").build()), T0);
    assertThat(batch.decisions()).extracting(Fixtures::target).containsExactly("b", "a", "a", "b");
    assertThat(batch.assigned()).isEqualTo(4);
  }

  @Test
  void weightedRandomIsSeededAndFollowsTheWeights() {
    RoutingEngine engine = engine(onePool("weighted-random", "a", "b"), directory(agent("a", 3), agent("b", 1)));
    List<String> first = route(engine, 1, 4000);
    RoutingEngine again = engine(onePool("weighted-random", "a", "b"), directory(agent("a", 3), agent("b", 1)));
    assertThat(route(again, 1, 4000)).isEqualTo(first);
    long a = first.stream().filter("a"::equals).count();
    // share 3/4 of 4,000 = 3,000; the binomial standard deviation is sqrt(4000 * 0.75 * 0.25) = 27.4, allow 5 sd
    assertThat(a).isBetween(3000L - 137, 3000L + 137);
  }
}
