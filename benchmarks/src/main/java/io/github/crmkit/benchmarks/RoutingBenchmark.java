package io.github.crmkit.benchmarks;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.AgentKind;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.model.LeadRating;
import io.github.crmkit.routing.Condition;
import io.github.crmkit.routing.InMemoryAssignmentLedger;
import io.github.crmkit.routing.PoolDefinition;
import io.github.crmkit.routing.RoutingDecision;
import io.github.crmkit.routing.RoutingEngine;
import io.github.crmkit.routing.RoutingPolicy;
import io.github.crmkit.routing.RuleEntry;
import io.github.crmkit.routing.Target;
import io.github.crmkit.testkit.inmemory.InMemoryAgentDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.api.RulesEngineParameters;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;

/**
 * crm-routing's decision rate and latency, and the policy compile time.
 *
 * <ul>
 *   <li>{@link #decide}: one full decision of {@link RoutingEngine#route(Lead, Instant)}: first-match evaluation of
 *       {@code rules} rules (each {@code rating = X and score >= k and countryCode in [..] and region = R}, to one
 *       of 100 pools of 10 agents; most leads match none and fall to the last, catch-all rule; the engine's rule
 *       filter leaves only the rules whose indexed conditions hold to evaluate, and the trace names every other
 *       rule's failing condition when read), then the pool's candidate filters and capacity against the in-memory
 *       ledger, the pool's
 *       strategy (round robin, smooth weighted round robin, load balancing, levelling or weighted random, by pool),
 *       the atomic reservation, and the trace. 1,000 agents, 1,024 precomputed leads used in turn; each decision is
 *       one minute after the previous, and the lead is released after it, so the ledger stays bounded. Throughput
 *       (decisions per second) and sample time (p50, p99 latency).
 *   <li>{@link #decideAndExplain}: the same decision, then its whole trace rendered as text
 *       ({@link io.github.crmkit.routing.DecisionTrace#explain()}: every rule evaluated with its failing condition,
 *       every candidate with its exclusion, the strategy's state before and after): the cost of reading a trace,
 *       which {@link #decide} builds but does not render.
 *   <li>{@link #compile10000Rules}: validating and compiling a policy of 10,000 such rules into an engine.
 *   <li>{@link #easyRulesFirstMatch}: the peer: the same first-match rule set on the same leads in Easy Rules
 *       ({@code skipOnFirstAppliedRule}, priorities in policy order, one {@code Facts} per lead), which only finds
 *       the matching rule's pool: no strategy, capacity, reservation or trace.
 *   <li>{@link #droolsFirstMatch}: the second peer: the same rule set on the same leads in Drools ({@link DroolsPeer}:
 *       DRL compiled once in setup, salience in policy order and {@code drools.halt()} in every consequence, so only
 *       the first matching rule fires; one {@code StatelessKieSession.execute} per lead, on a session pool), which
 *       also only finds the pool. The
 *       leads are converted into plain-getter facts in setup, outside the timed region, as Easy Rules receives ready
 *       {@code Lead} objects. Setup first checks that Drools, crm-routing and Easy Rules choose the same pool for all
 *       1,024 leads, and fails otherwise.
 *   <li>{@link #droolsCompile1000Rules}: Drools compiling 1,000 such rules from DRL into a {@code KieBase} (not 10,000:
 *       that takes Drools minutes).
 * </ul>
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar RoutingBenchmark -f 1 -wi 2 -i 3 -prof gc
 * }</pre>
 */
@Warmup(iterations = 6, time = 2) // C2 needs several seconds here before the decision path is compiled
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RoutingBenchmark {
  static final String[] COUNTRIES = {"CN", "DE", "US", "FR"};
  static final String[] STRATEGIES = {"round-robin", "smooth-weighted-round-robin", "load-balancing", "levelling",
      "weighted-random"};
  static final LeadRating[] RATINGS = LeadRating.values();

  static String region(int i) {
    return "Region-" + i;
  }

  static InMemoryAgentDirectory agents() {
    List<Agent> agents = new ArrayList<>();
    for (int a = 0; a < 1000; a++) {
      agents.add(Agent.builder().id(AgentId.of(String.format("a%04d", a))).kind(AgentKind.SALES_REP)
          .displayName("Agent " + a).weight(1 + a % 4)
          .capacity(Capacity.builder().maxPerDay(200).maxOpen(1000).build()).build());
    }
    return InMemoryAgentDirectory.of(agents, List.of(), List.of());
  }

  static RoutingPolicy policy(int rules) {
    List<PoolDefinition> pools = new ArrayList<>();
    for (int p = 0; p < 100; p++) {
      List<String> members = new ArrayList<>();
      for (int m = 0; m < 10; m++) {
        members.add(String.format("a%04d", p * 10 + m));
      }
      pools.add(PoolDefinition.of("pool-" + p, STRATEGIES[p % STRATEGIES.length], members));
    }
    List<RuleEntry> entries = new ArrayList<>();
    for (int r = 0; r < rules - 1; r++) {
      Condition when = Condition.and(
          Condition.of("rating", "=", RATINGS[r % 3].name()),
          Condition.of("score", ">=", (long) (r * 7 % 90)),
          Condition.of("countryCode", "in", List.of(COUNTRIES[r % 4], COUNTRIES[(r + 1) % 4])),
          Condition.of("region", "=", region(r % 20)));
      entries.add(new RuleEntry("rule-" + r, when, Target.pool("pool-" + r % 100),
          List.of(Target.unassigned("overflow"))));
    }
    entries.add(new RuleEntry("catch-all", null, Target.pool("pool-0"), List.of(Target.unassigned("full"))));
    return new RoutingPolicy(1, "bench-" + rules, "UTC", false, false, null, pools, entries);
  }

  /** The engine, its ledger and the leads. */
  @State(Scope.Benchmark)
  public static class Decisions {
    @Param({"100", "1000"})
    int rules;

    RoutingEngine engine;
    InMemoryAssignmentLedger ledger;
    Lead[] leads;
    long now;
    int next;

    @Setup
    public void setup() {
      ledger = new InMemoryAssignmentLedger();
      engine = RoutingEngine.builder().policy(policy(rules)).directory(agents()).ledger(ledger).seed(7).build();
      SplittableRandom random = new SplittableRandom(20261201L);
      leads = new Lead[1024];
      now = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
      for (int i = 0; i < leads.length; i++) {
        leads[i] = Lead.builder().id(LeadId.of("L-" + i)).sourceChannel("web-form")
            .receivedAt(Instant.ofEpochMilli(now)).rating(RATINGS[random.nextInt(3)])
            .score(random.nextInt(100)).countryCode(COUNTRIES[random.nextInt(4)])
            .region(region(random.nextInt(25))).build();
      }
    }

    /** Routes the next lead one minute after the previous decision, then releases it (the ledger stays bounded). */
    RoutingDecision routeNext() {
      Lead lead = leads[next++ & 1023];
      now += 60_000;
      RoutingDecision decision = engine.route(lead, Instant.ofEpochMilli(now));
      ledger.release(lead.id());
      return decision;
    }
  }

  /**
   * One routing decision.
   *
   * @param s the state
   * @return the decision
   */
  @Benchmark
  @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public RoutingDecision decide(Decisions s) {
    return s.routeNext();
  }

  /**
   * One routing decision and its trace rendered as text.
   *
   * @param s the state
   * @return the text
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public String decideAndExplain(Decisions s) {
    return s.routeNext().trace().explain();
  }

  /** The same rules in Easy Rules. */
  @State(Scope.Benchmark)
  public static class EasyRules {
    @Param({"100", "1000"})
    int rules;

    Rules ruleSet;
    RulesEngine engine;
    Lead[] leads;
    int next;

    @Setup
    public void setup() {
      ruleSet = new Rules();
      for (int r = 0; r < rules - 1; r++) {
        String rating = RATINGS[r % 3].name();
        double score = r * 7 % 90;
        String c1 = COUNTRIES[r % 4];
        String c2 = COUNTRIES[(r + 1) % 4];
        String region = region(r % 20);
        String pool = "pool-" + r % 100;
        ruleSet.register(new RuleBuilder().name("rule-" + r).priority(r)
            .when(facts -> {
              Lead lead = facts.get("lead");
              return lead.rating().isPresent() && lead.rating().get().name().equals(rating)
                  && lead.score().isPresent() && lead.score().getAsDouble() >= score
                  && lead.countryCode().isPresent()
                  && (lead.countryCode().get().equals(c1) || lead.countryCode().get().equals(c2))
                  && lead.region().isPresent() && lead.region().get().equals(region);
            })
            .then(facts -> facts.put("pool", pool)).build());
      }
      ruleSet.register(new RuleBuilder().name("catch-all").priority(rules).when(facts -> true)
          .then(facts -> facts.put("pool", "pool-0")).build());
      engine = new DefaultRulesEngine(new RulesEngineParameters().skipOnFirstAppliedRule(true));
      Decisions decisions = new Decisions();
      decisions.rules = rules;
      decisions.setup();
      leads = decisions.leads;
    }
  }

  /**
   * The peer: Easy Rules finding the first matching rule's pool.
   *
   * @param s the state
   * @return the pool
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object easyRulesFirstMatch(EasyRules s) {
    Facts facts = new Facts();
    facts.put("lead", s.leads[s.next++ & 1023]);
    s.engine.fire(s.ruleSet, facts);
    return facts.get("pool");
  }

  /** The same rules in Drools, and the same leads as facts. */
  @State(Scope.Benchmark)
  public static class DroolsRules {
    @Param({"100", "1000"})
    int rules;

    KieSessionsPool pool;
    StatelessKieSession session;
    DroolsPeer.LeadFact[] facts;
    int next;

    @Setup
    public void setup() {
      pool = DroolsPeer.compile(DroolsPeer.drl(rules)).newKieSessionsPool(1);
      session = pool.newStatelessKieSession();
      EasyRules easyRules = new EasyRules();
      easyRules.rules = rules;
      easyRules.setup();
      facts = DroolsPeer.facts(easyRules.leads);
      DroolsPeer.checkSameFirstMatch(rules, session, facts, easyRules.leads, easyRules);
    }

    @TearDown
    public void tearDown() {
      pool.shutdown();
    }
  }

  /**
   * The second peer: Drools finding the first matching rule's pool.
   *
   * @param s the state
   * @return the pool
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public String droolsFirstMatch(DroolsRules s) {
    return DroolsPeer.firstMatch(s.session, s.facts[s.next++ & 1023]);
  }

  /** The DRL text of 1,000 rules. */
  @State(Scope.Benchmark)
  public static class DroolsCompile {
    String drl;

    @Setup
    public void setup() {
      drl = DroolsPeer.drl(1000);
    }
  }

  /**
   * Drools compiling 1,000 rules from DRL into a knowledge base.
   *
   * @param c the state
   * @return the knowledge base
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1, time = 1)
  @Measurement(iterations = 2, time = 1)
  public KieBase droolsCompile1000Rules(DroolsCompile c) {
    return DroolsPeer.compile(c.drl);
  }

  /** A policy of 10,000 rules and the directory. */
  @State(Scope.Benchmark)
  public static class Compile {
    RoutingPolicy policy;
    InMemoryAgentDirectory directory;

    @Setup
    public void setup() {
      policy = policy(10_000);
      directory = agents();
    }
  }

  /**
   * Validating and compiling 10,000 rules.
   *
   * @param c the state
   * @return the engine
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public RoutingEngine compile10000Rules(Compile c) {
    return RoutingEngine.builder().policy(c.policy).directory(c.directory).build();
  }
}
