package io.github.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.AgentKind;
import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.routing.RoutingDecision;
import io.github.crmkit.routing.RoutingEngine;
import io.github.crmkit.routing.RoutingPlugins;
import io.github.crmkit.routing.RoutingPolicy;
import io.github.crmkit.routing.spi.RoutingPlugin;
import io.github.crmkit.routing.spi.RoutingPluginContract;
import io.github.crmkit.testkit.inmemory.InMemoryAgentDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The example plugin meets the engine's plugin contract and ranks by the shrunk conversion rate. */
class BestConversionPluginTest extends RoutingPluginContract {
  private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
  private static final String POLICY = """
      {"version": 1, "revision": "conversion-test",
       "pools": [{"id": "reps", "team": "reps", "strategy": "examples.best-conversion"}],
       "rules": [{"id": "all", "when": {"op": "always"}, "target": {"pool": "reps"},
                  "fallback": [{"unassigned": "no-capacity"}]}]}
      """;

  @Override
  protected RoutingPlugin plugin() {
    return new BestConversionPlugin();
  }

  private static Agent rep(String id, Long leads, Long wins, Integer perDay) {
    Agent.Builder b = Agent.builder().id(AgentId.of(id)).kind(AgentKind.SALES_REP).displayName("x")
        .team(io.github.crmkit.model.TeamId.of("reps"));
    if (leads != null) {
      b.putAttribute(BestConversionPlugin.LEADS, AttributeValue.ofLong(leads));
      b.putAttribute(BestConversionPlugin.WINS, AttributeValue.ofLong(wins));
    }
    if (perDay != null) {
      b.capacity(Capacity.builder().maxPerDay(perDay).build());
    }
    return b.build();
  }

  private static List<String> route(List<Agent> agents, int leads) {
    RoutingPlugins plugins = RoutingPlugins.of(new BestConversionPlugin());
    RoutingEngine engine = RoutingEngine.builder().policy(RoutingPolicy.fromJson(POLICY, plugins)).plugins(plugins)
        .directory(InMemoryAgentDirectory.of(agents, List.of(), List.of())).seed(7).build();
    List<String> targets = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      Lead lead = Lead.builder().id(LeadId.of("L-" + i)).sourceChannel("web").receivedAt(T0.plusSeconds(i)).build();
      RoutingDecision d = engine.route(lead, lead.receivedAt());
      targets.add(d.target() == null ? d.reason() : d.target());
    }
    return targets;
  }

  @Test
  void smoothedRateShrinksTowardsThePooledRate() {
    // (40 + 20 * 0.25) / (100 + 20) = 45 / 120
    assertThat(BestConversionPlugin.smoothedRate(rep("a", 100L, 40L, null), 0.25)).isCloseTo(0.375, within(1e-12));
    // no record: the pooled rate itself
    assertThat(BestConversionPlugin.smoothedRate(rep("b", null, null, null), 0.25)).isCloseTo(0.25, within(1e-12));
    // more wins than leads is treated as all leads won: (10 + 20 * 0.5) / 30
    assertThat(BestConversionPlugin.smoothedRate(rep("c", 10L, 15L, null), 0.5)).isCloseTo(20.0 / 30, within(1e-12));
  }

  @Test
  void prefersTheBestShrunkRateOverTheBestRawRateAndMovesOnWhenCapped() {
    // A 40 of 100 (raw 0.40), B 1 of 2 (raw 0.50), D 40 of 200 (raw 0.20); pooled m = 81 / 302 = 0.26821:
    // A (40 + 5.3642) / 120 = 0.3780, B (1 + 5.3642) / 22 = 0.2893, D (40 + 5.3642) / 220 = 0.2062 -> A.
    // A full (1 a day): m = 41 / 202 = 0.20297, B (1 + 4.0594) / 22 = 0.2300, D (40 + 4.0594) / 220 = 0.2003 -> B.
    // B full too: D, which has no cap, takes the rest.
    List<Agent> agents = List.of(rep("A", 100L, 40L, 1), rep("B", 2L, 1L, 1), rep("D", 200L, 40L, null));
    assertThat(route(agents, 4)).containsExactly("A", "B", "D", "D");
  }

  @Test
  void equalRatesShareByFewerAssignmentsToday() {
    List<Agent> agents = List.of(rep("X", 50L, 10L, null), rep("Y", 50L, 10L, null), rep("Z", 50L, 5L, null));
    List<String> targets = route(agents, 6);
    // X and Y have the same rate (and Z a lower one): whoever has fewer leads today wins, and at equal counts the
    // engine's seeded tie-break key decides, so every second lead evens the count
    assertThat(targets).doesNotContain("Z");
    for (int i = 2; i <= targets.size(); i += 2) {
      assertThat(targets.subList(0, i)).as("first %d: %s", i, targets).filteredOn("X"::equals).hasSize(i / 2);
    }
  }

  @Test
  void isListedForServiceLoaderDiscovery() {
    List<String> names = new ArrayList<>();
    for (RoutingPlugin plugin : ServiceLoader.load(RoutingPlugin.class)) {
      names.add(plugin.name());
    }
    assertThat(names).contains(BestConversionPlugin.NAME);
    assertThat(RoutingPlugins.discover().strategyNames()).contains(BestConversionPlugin.STRATEGY);
  }
}
