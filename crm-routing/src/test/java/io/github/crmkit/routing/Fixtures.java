package io.github.crmkit.routing;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AgentKind;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.model.Territory;
import io.github.crmkit.model.TerritoryId;
import io.github.crmkit.testkit.inmemory.InMemoryAgentDirectory;
import java.time.Instant;
import java.util.List;

/** Small builders shared by the routing tests. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z"); // a Monday

  private Fixtures() {}

  static Agent.Builder agent(String id) {
    return Agent.builder().id(io.github.crmkit.model.AgentId.of(id)).kind(AgentKind.SALES_REP).displayName("Rep " + id);
  }

  static Agent agent(String id, double weight) {
    return agent(id).weight(weight).build();
  }

  static Agent capped(String id, int perDay) {
    return agent(id).capacity(Capacity.builder().maxPerDay(perDay).build()).build();
  }

  static Lead.Builder lead(String id) {
    return Lead.builder().id(LeadId.of(id)).sourceChannel("web-form").receivedAt(T0);
  }

  static Lead lead(int i) {
    return lead("L-" + i).receivedAt(T0.plusSeconds(i)).build();
  }

  static InMemoryAgentDirectory directory(List<Agent> agents, List<Territory> territories) {
    return InMemoryAgentDirectory.of(agents, List.of(), territories);
  }

  static InMemoryAgentDirectory directory(Agent... agents) {
    return directory(List.of(agents), List.of());
  }

  static Territory territory(String id, String parent, List<String> countries, List<String> regions) {
    Territory.Builder b = Territory.builder().id(TerritoryId.of(id)).name("Territory " + id)
        .countryCodes(countries).regions(regions);
    if (parent != null) {
      b.parent(TerritoryId.of(parent));
    }
    return b.build();
  }

  /** A policy with one catch-all rule sending every lead to one pool of the given members. */
  static RoutingPolicy onePool(String strategy, String... members) {
    return RoutingPolicy.of("test-1", List.of(PoolDefinition.of("p", strategy, List.of(members))),
        List.of(new RuleEntry("all", null, Target.pool("p"), List.of(Target.unassigned("nobody-left")))));
  }

  static RoutingEngine engine(RoutingPolicy policy, InMemoryAgentDirectory directory) {
    return RoutingEngine.builder().policy(policy).directory(directory).seed(42).build();
  }

  static String target(RoutingDecision decision) {
    return decision.outcome() == Outcome.ASSIGNED ? decision.target() : decision.outcome() + ":" + decision.reason();
  }
}
