package io.github.crmkit.examples;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.AgentKind;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.Territory;
import io.github.crmkit.model.TerritoryId;
import io.github.crmkit.routing.DryRunReport;
import io.github.crmkit.routing.RoutingEngine;
import io.github.crmkit.routing.RoutingPolicy;
import io.github.crmkit.testkit.ModelGenerators;
import io.github.crmkit.testkit.inmemory.InMemoryAgentDirectory;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The dealer scenario of the routing issue as a runnable policy: long-term prospects (cold or low score) to an
 * in-house nurture queue; hot leads to the large dealers by weight (smooth weighted round robin); warm leads to the
 * small dealers of the lead's province (the territory pool, levelling), else to the in-house reps; the rest to the
 * reps, who have daily caps; what nobody can take goes to the public pool (公海), whose recycling after 7 days without
 * follow-up is the pool's business ({@code io.github.crmkit.routing.pool}). Run over the test kit's generated leads
 * as a dry run, it prints the distribution per agent, the cap hits and the unassigned leads.
 *
 * <pre>{@code
 * java -cp crm-examples/target/classes:... io.github.crmkit.examples.DealerRouting [leads] [seed]
 * }</pre>
 */
public final class DealerRouting {
  /** The policy, as a host would keep it in a file. */
  public static final String POLICY = """
      {"version": 1, "revision": "dealers-2026-12", "zone": "Asia/Shanghai", "territoryStrategy": "levelling",
       "pools": [
         {"id": "large-dealers", "members": ["dealer-l1", "dealer-l2", "dealer-l3"],
          "strategy": "smooth-weighted-round-robin", "overflow": "reps"},
         {"id": "reps", "members": ["rep-1", "rep-2", "rep-3", "rep-4"], "strategy": "levelling"}
       ],
       "rules": [
         {"id": "long-term", "when": {"op": "or", "args": [{"op": "=", "field": "rating", "value": "COLD"},
             {"op": "<", "field": "score", "value": 20}]},
          "target": {"queue": "nurture"}},
         {"id": "hot", "when": {"op": "=", "field": "rating", "value": "HOT"},
          "target": {"pool": "large-dealers"}, "fallback": [{"publicPool": "default"}]},
         {"id": "warm-by-province", "when": {"op": "and", "args": [{"op": "=", "field": "rating", "value": "WARM"},
             {"op": "in-territory", "value": "cn"}]},
          "target": {"territoryPool": "lead"}, "fallback": [{"pool": "reps"}, {"publicPool": "default"}]},
         {"id": "rest", "target": {"pool": "reps"}, "fallback": [{"publicPool": "default"}]}
       ]}
      """;

  private DealerRouting() {}

  static Agent agent(String id, AgentKind kind, double weight, String territory, Capacity caps) {
    Agent.Builder b = Agent.builder().id(AgentId.of(id)).kind(kind).displayName(id).weight(weight).capacity(caps);
    if (territory != null) {
      b.addTerritory(TerritoryId.of(territory));
    }
    return b.build();
  }

  /**
   * The sales organisation: three large dealers weighted 5:3:2, two small dealers in each of three provinces, four
   * in-house reps with 40 leads a day each.
   *
   * @return the directory
   */
  public static InMemoryAgentDirectory organisation() {
    List<Agent> agents = new ArrayList<>(List.of(
        agent("dealer-l1", AgentKind.DEALER, 5, null, Capacity.unlimited()),
        agent("dealer-l2", AgentKind.DEALER, 3, null, Capacity.unlimited()),
        agent("dealer-l3", AgentKind.DEALER, 2, null, Capacity.unlimited())));
    String[] provinces = {"gd", "zj", "js"};
    for (String province : provinces) {
      for (int i = 1; i <= 2; i++) {
        agents.add(agent("dealer-" + province + i, AgentKind.DEALER, 1, province,
            Capacity.builder().maxPerDay(30).build()));
      }
    }
    for (int i = 1; i <= 4; i++) {
      agents.add(agent("rep-" + i, AgentKind.SALES_REP, 1, null, Capacity.builder().maxPerDay(40).build()));
    }
    List<Territory> territories = List.of(
        Territory.builder().id(TerritoryId.of("cn")).name("China").addCountryCode("CN").build(),
        Territory.builder().id(TerritoryId.of("gd")).name("广东").parent(TerritoryId.of("cn")).addCountryCode("CN")
            .addRegion("广东省").build(),
        Territory.builder().id(TerritoryId.of("zj")).name("浙江").parent(TerritoryId.of("cn")).addCountryCode("CN")
            .addRegion("浙江省").build(),
        Territory.builder().id(TerritoryId.of("js")).name("江苏").parent(TerritoryId.of("cn")).addCountryCode("CN")
            .addRegion("江苏省").build());
    return InMemoryAgentDirectory.of(agents, List.of(), territories);
  }

  /**
   * Routes generated leads through the dealer policy as a dry run.
   *
   * @param leads how many leads
   * @param seed the seed of the generated leads and of the engine
   * @return the report
   */
  public static DryRunReport run(int leads, long seed) {
    RoutingEngine engine = RoutingEngine.builder().policy(RoutingPolicy.fromJson(POLICY))
        .directory(organisation()).seed(seed).build();
    SplittableRandom random = new SplittableRandom(seed);
    List<Lead> stream = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      stream.add(ModelGenerators.lead(random));
    }
    stream.sort((a, b) -> a.receivedAt().compareTo(b.receivedAt()));
    return engine.dryRun(stream);
  }

  /**
   * Prints the distribution of a report.
   *
   * @param report the report
   * @param out where to print
   */
  public static void print(DryRunReport report, PrintStream out) {
    out.printf("%d leads: %d assigned, %d queued, %d to the public pool, %d unassigned%n", report.leads(),
        report.assigned(), report.queued(), report.pooled(), report.unassigned());
    for (Map.Entry<String, Integer> e : report.perAgent().entrySet()) {
      out.printf("  %-12s %5d   cap hits %d%n", e.getKey(), e.getValue(), report.capHits().getOrDefault(e.getKey(), 0));
    }
    report.perTarget().forEach((target, n) -> out.printf("  %-28s %5d%n", target, n));
    report.unassignedByReason().forEach((reason, n) -> out.printf("  unassigned %-17s %5d%n", reason, n));
  }

  /**
   * Runs the scenario.
   *
   * @param args optional: the number of leads (2,000) and the seed (7)
   */
  public static void main(String[] args) {
    int leads = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 7;
    print(run(leads, seed), System.out);
  }
}
