package io.github.crmkit.examples;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.json.CrmJson;
import io.github.crmkit.routing.DryRunReport;
import io.github.crmkit.routing.Outcome;
import io.github.crmkit.routing.RoutingDecision;
import io.github.crmkit.routing.RoutingEngine;
import io.github.crmkit.routing.RoutingPlugins;
import io.github.crmkit.routing.RoutingPolicy;
import io.github.crmkit.routing.pool.InMemoryPoolLedger;
import io.github.crmkit.routing.pool.PoolAction;
import io.github.crmkit.routing.pool.PoolPolicy;
import io.github.crmkit.routing.pool.PoolRecord;
import io.github.crmkit.routing.pool.PoolRecordId;
import io.github.crmkit.routing.pool.PublicPool;
import io.github.crmkit.testkit.BuyingProcess;
import io.github.crmkit.testkit.SyntheticData;
import io.github.crmkit.testkit.SyntheticPurchases;
import io.github.crmkit.testkit.inmemory.InMemoryAgentDirectory;
import io.github.crmkit.testkit.inmemory.RecordingEventPublisher;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dealer scenario of crm-routing, runnable: a manufacturer in China routes its inbound leads by a policy that is
 * data ({@value #POLICY_RESOURCE}, read through {@link RoutingPolicy#fromJson(String, RoutingPlugins)}):
 * <ol>
 *   <li>long-term prospects (cold leads) go to the in-house nurture queue;</li>
 *   <li>hot leads from China go to the three large dealers, shared by weight (5 : 3 : 2, smooth weighted round
 *       robin) within their weekly caps; when all three are full the lead goes to the public pool (公海);</li>
 *   <li>warm leads go to the small dealers of their province (one rule per province, round robin inside Guangdong's
 *       two); a full province overflows to inside sales;</li>
 *   <li>everything else (leads from abroad, overflow) goes to the inside-sales reps, each with a daily cap, ranked by
 *       their recent conversion rate through the example plugin {@link BestConversionPlugin}; when every rep is
 *       full the lead is returned unassigned with reason {@code no-capacity}.</li>
 * </ol>
 * The agents are {@value #AGENTS_RESOURCE} (a list of model {@link Agent}s in {@link CrmJson}), the public pool's
 * rules {@value #POOL_RESOURCE} ({@link PoolPolicy}): a lead goes back to the pool after 7 days without follow-up,
 * with a reminder 2 days before. The leads are crm-testkit's {@link SyntheticData} leads, four weeks of them from
 * Monday 2026-03-02.
 *
 * <p>{@link #simulate} replays the leads in order of receipt through the engine's dry run (each at its received
 * instant, against a fresh in-memory ledger), hands each assigned lead to the public pool as owned by its agent and
 * each pooled lead to the pool, lets the owners work most of their leads (a first follow-up within two days, then
 * one every one to six days; seeded) and neglect the others, and sweeps the pool a week after the last lead.
 * {@link #print} reports the distribution per agent, the cap hits, the unassigned leads by reason and the sweep. The
 * same files work on the command line, with {@value #LEADS_SAMPLE_RESOURCE}, twelve hand-written leads in the CSV
 * columns {@code crm route} reads:
 * {@code crm route simulate --policy dealer-routing-policy.json --agents dealer-agents.json --leads dealer-leads.csv}.
 *
 * <p>Thread-safety: stateless; every method may be called from several threads.
 */
public final class DealerRouting {
  /** The routing policy, a classpath resource next to this class. */
  public static final String POLICY_RESOURCE = "dealer-routing-policy.json";

  /** The agents, a classpath resource next to this class. */
  public static final String AGENTS_RESOURCE = "dealer-agents.json";

  /** The public pool's policy, a classpath resource next to this class. */
  public static final String POOL_RESOURCE = "dealer-pool-policy.json";

  /** A few leads as a CSV file for {@code crm route}, a classpath resource next to this class. */
  public static final String LEADS_SAMPLE_RESOURCE = "dealer-leads.csv";

  /** The first day of the generated leads, a Monday. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 2);

  /** The days over which the generated leads arrive. */
  public static final int DAYS = 28;

  /** The customer level of every lead in the public pool. */
  public static final String LEVEL = "lead";

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private static final long DAY = 86_400L;

  /** Per team, the share of leads their owners keep working (the rest they neglect). */
  private static final Map<String, Double> WORKED = Map.of("large-dealers", 0.85, "small-dealers", 0.6,
      "inside-sales", 0.9);

  private DealerRouting() {}

  /**
   * Runs the scenario and prints the report to standard output.
   *
   * @param args optionally the seed (default 42) and the number of leads (default 2000)
   */
  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 42L;
    int leads = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    run(System.out, seed, leads);
  }

  /**
   * Simulates the scenario and prints the report.
   *
   * @param out where the report goes
   * @param seed the seed of the leads, the engine and the follow-ups
   * @param leads the number of leads, at least 1
   * @return the simulation
   */
  public static Simulation run(PrintStream out, long seed, int leads) {
    Objects.requireNonNull(out, "out");
    Simulation simulation = simulate(seed, leads);
    print(simulation, out);
    return simulation;
  }

  /**
   * The plugins the policy uses: the example plugin, loaded explicitly.
   *
   * @return the plugins
   */
  public static RoutingPlugins plugins() {
    return RoutingPlugins.of(new BestConversionPlugin());
  }

  /**
   * Reads one of the scenario's resources ({@value #POLICY_RESOURCE}, {@value #AGENTS_RESOURCE},
   * {@value #POOL_RESOURCE}).
   *
   * @param name the resource's name
   * @return its text
   * @throws IllegalArgumentException if there is no such resource
   */
  public static String resource(String name) {
    try (InputStream in = DealerRouting.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + name + " next to " + DealerRouting.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }

  /**
   * The routing policy, read and validated from {@value #POLICY_RESOURCE}.
   *
   * @return the policy
   */
  public static RoutingPolicy policy() {
    return RoutingPolicy.fromJson(resource(POLICY_RESOURCE), plugins());
  }

  /**
   * The agents, read from {@value #AGENTS_RESOURCE}.
   *
   * @return the agents
   */
  public static List<Agent> agents() {
    return CrmJson.standard().readList(resource(AGENTS_RESOURCE), Agent.class);
  }

  /**
   * The public pool's policy, read and validated from {@value #POOL_RESOURCE}.
   *
   * @return the pool policy
   */
  public static PoolPolicy poolPolicy() {
    return PoolPolicy.fromJson(resource(POOL_RESOURCE));
  }

  /**
   * The leads: crm-testkit's synthetic leads, {@code count} of them received over {@value #DAYS} days from
   * {@link #FIRST_DAY}, in order of receipt.
   *
   * @param seed the seed
   * @param count how many, at least 1
   * @return the leads
   */
  public static List<Lead> leads(long seed, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("leads must be at least 1, was " + count);
    }
    SyntheticPurchases window = SyntheticPurchases.builder().seed(seed).customers(1)
        .startEpochDay(FIRST_DAY.toEpochDay()).acquisitionDays(DAYS).observationDays(DAYS)
        .buyingProcess(BuyingProcess.bgNbd(0.243, 4.414, 0.793, 2.426)).build();
    List<Lead> leads = new ArrayList<>(SyntheticData.builder().purchases(window).leads(count).build().leads()
        .toList());
    leads.sort((a, b) -> a.receivedAt().compareTo(b.receivedAt()));
    return leads;
  }

  /**
   * What one run of the scenario did.
   *
   * @param seed the seed
   * @param policy the routing policy
   * @param agents the agents
   * @param leads the leads, in order of receipt
   * @param report the dry run: one decision per lead, the distribution per agent, cap hits, unassigned by reason
   * @param followUps per lead id, when its owner last followed up before the sweep (only leads followed up)
   * @param sweepAt when the public pool was swept: a week after the last lead
   * @param sweep what the sweep did (recycles and reminders)
   * @param pool the public pool's records after the sweep
   */
  public record Simulation(long seed, RoutingPolicy policy, List<Agent> agents, List<Lead> leads,
      DryRunReport report, Map<String, Instant> followUps, Instant sweepAt, List<PoolAction> sweep,
      List<PoolRecord> pool) {
    /** Copies the collections. */
    public Simulation {
      agents = List.copyOf(agents);
      leads = List.copyOf(leads);
      followUps = Map.copyOf(followUps);
      sweep = List.copyOf(sweep);
      pool = List.copyOf(pool);
    }

    /**
     * How many sweep actions were of a kind.
     *
     * @param kind recycle or remind
     * @return the count
     */
    public int count(PoolAction.Kind kind) {
      int n = 0;
      for (PoolAction action : sweep) {
        if (action.kind() == kind) {
          n++;
        }
      }
      return n;
    }

    /**
     * How many of the pool's records are in the pool (owned by nobody) after the sweep.
     *
     * @return the count
     */
    public int inPool() {
      int n = 0;
      for (PoolRecord record : pool) {
        if (record.isInPool()) {
          n++;
        }
      }
      return n;
    }
  }

  /**
   * Runs the scenario without printing.
   *
   * @param seed the seed of the leads, the engine and the follow-ups
   * @param count the number of leads, at least 1
   * @return the simulation
   */
  public static Simulation simulate(long seed, int count) {
    RoutingPolicy policy = policy();
    List<Agent> agents = agents();
    List<Lead> leads = leads(seed, count);
    RoutingEngine engine = RoutingEngine.builder().policy(policy).plugins(plugins())
        .directory(InMemoryAgentDirectory.of(agents, List.of(), List.of())).seed(seed).build();
    DryRunReport report = engine.dryRun(leads);

    // the public pool: assigned leads are owned by their agent, pooled ones wait there
    AtomicLong eventIds = new AtomicLong();
    PublicPool pool = PublicPool.create(poolPolicy(), new InMemoryPoolLedger(), new RecordingEventPublisher(),
        () -> "pool-" + eventIds.incrementAndGet());
    Map<String, String> teams = new HashMap<>();
    for (Agent agent : agents) {
      teams.put(agent.id().value(), agent.team().map(t -> t.value()).orElse(""));
    }
    Instant last = leads.get(leads.size() - 1).receivedAt();
    Instant sweepAt = last.plus(Duration.ofDays(7));
    SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    Map<String, Instant> followUps = new HashMap<>();
    for (RoutingDecision decision : report.decisions()) {
      PoolRecordId id = PoolRecordId.of(decision.lead());
      if (decision.outcome() == Outcome.ASSIGNED) {
        pool.addOwned(id, LEVEL, AgentId.of(decision.target()), decision.decidedAt());
        // a worked lead is followed up within two days and then every one to six days; a neglected one at most once
        boolean worked = random.nextDouble() < WORKED.getOrDefault(teams.get(decision.target()), 0.5);
        Instant at = decision.decidedAt().plusSeconds(3600 + random.nextLong(2 * DAY - 3600));
        if (!worked && random.nextBoolean()) {
          at = sweepAt;
        }
        while (at.isBefore(sweepAt)) {
          pool.recordInteraction(id, at);
          followUps.put(decision.lead().value(), at);
          at = worked ? at.plusSeconds(DAY + random.nextLong(5 * DAY)) : sweepAt;
        }
      } else if (decision.outcome() == Outcome.POOLED) {
        pool.addToPool(id, LEVEL);
      }
    }
    List<PoolAction> sweep = pool.sweep(sweepAt);
    List<PoolRecord> records = new ArrayList<>();
    for (RoutingDecision decision : report.decisions()) {
      pool.record(PoolRecordId.of(decision.lead())).ifPresent(records::add);
    }
    return new Simulation(seed, policy, agents, leads, report, followUps, sweepAt, sweep, records);
  }

  /**
   * Prints the report of a simulation: the outcomes (which reconcile with the number of leads), the leads per rule,
   * per agent the assignments, cap hits and caps, the queues and public pool, the unassigned leads by reason, and
   * the sweep of the public pool.
   *
   * @param s the simulation
   * @param out where to print
   */
  public static void print(Simulation s, PrintStream out) {
    DryRunReport r = s.report();
    out.printf(Locale.ROOT, "crmkit dealer routing: policy %s, %d rules, %d agents; %,d synthetic leads (seed %d) "
        + "received %s to %s (Asia/Shanghai)%n%n", s.policy().revision(), s.policy().rules().size(),
        s.agents().size(), r.leads(), s.seed(), MINUTE.format(s.leads().get(0).receivedAt().atZone(SHANGHAI)),
        MINUTE.format(s.leads().get(s.leads().size() - 1).receivedAt().atZone(SHANGHAI)));
    out.printf(Locale.ROOT, "Outcomes      %,d leads = %,d assigned + %,d queued + %,d pooled + %,d unassigned%n",
        r.leads(), r.assigned(), r.queued(), r.pooled(), r.unassigned());

    Map<String, Integer> byRule = new LinkedHashMap<>();
    s.policy().rules().forEach(rule -> byRule.put(rule.id(), 0));
    for (RoutingDecision d : r.decisions()) {
      byRule.merge(d.ruleId() == null ? "(none)" : d.ruleId(), 1, Integer::sum);
    }
    out.printf(Locale.ROOT, "%nLeads per rule (first match wins)%n");
    byRule.forEach((rule, n) -> out.printf(Locale.ROOT, "  %-22s %,6d%n", rule, n));

    out.printf(Locale.ROOT, "%nPer agent     %-14s %8s %9s  %s%n", "team", "assigned", "cap hits", "cap");
    for (Agent agent : s.agents()) {
      String id = agent.id().value();
      out.printf(Locale.ROOT, "  %-11s %-14s %,8d %,9d  %s%n", id, agent.team().map(t -> t.value()).orElse("-"),
          r.perAgent().getOrDefault(id, 0), r.capHits().getOrDefault(id, 0),
          agent.active() ? caps(agent.capacity()) : "inactive");
    }
    out.printf(Locale.ROOT, "%nQueues, pool  %s%n", r.perTarget().isEmpty() ? "none" : join(r.perTarget()));
    out.printf(Locale.ROOT, "Unassigned    %s%n", r.unassignedByReason().isEmpty() ? "none"
        : join(r.unassignedByReason()));

    Map<String, String> teams = new HashMap<>();
    for (Agent agent : s.agents()) {
      teams.put(agent.id().value(), agent.team().map(t -> t.value()).orElse("-"));
    }
    Map<String, Integer> recycledFrom = new TreeMap<>();
    for (PoolAction action : s.sweep()) {
      if (action.kind() == PoolAction.Kind.RECYCLE) {
        recycledFrom.merge(teams.get(action.owner().value()), 1, Integer::sum);
      }
    }
    int owned = s.pool().size() - s.inPool();
    out.printf(Locale.ROOT, "%nPublic pool   a lead goes back to the pool after 7 days without follow-up, with a "
        + "reminder 2 days before%n");
    out.printf(Locale.ROOT, "  swept at     %s, a week after the last lead%n",
        MINUTE.format(s.sweepAt().atZone(SHANGHAI)));
    out.printf(Locale.ROOT, "  followed up  %,d of %,d assigned leads at least once%n", s.followUps().size(),
        r.assigned());
    out.printf(Locale.ROOT, "  recycled     %,d, from %s%n", s.count(PoolAction.Kind.RECYCLE),
        recycledFrom.isEmpty() ? "none" : join(recycledFrom));
    out.printf(Locale.ROOT, "  reminders    %,d owners told their lead is due within 2 days%n",
        s.count(PoolAction.Kind.REMIND));
    out.printf(Locale.ROOT, "  now          %,d leads in the public pool, %,d with their owners (%,d = %,d assigned "
        + "+ %,d pooled)%n", s.inPool(), owned, s.pool().size(), r.assigned(), r.pooled());
  }

  private static String caps(Capacity c) {
    List<String> parts = new ArrayList<>();
    c.maxPerDay().ifPresent(n -> parts.add(n + "/day"));
    c.maxPerWeek().ifPresent(n -> parts.add(n + "/week"));
    c.maxPerMonth().ifPresent(n -> parts.add(n + "/month"));
    c.maxPerRolling30Days().ifPresent(n -> parts.add(n + "/30 days"));
    c.maxOpen().ifPresent(n -> parts.add(n + " open"));
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private static String join(Map<String, Integer> counts) {
    StringBuilder out = new StringBuilder();
    counts.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append(k).append(' ')
        .append(String.format(Locale.ROOT, "%,d", v)));
    return out.toString();
  }
}
