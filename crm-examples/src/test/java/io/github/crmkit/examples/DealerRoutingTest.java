package io.github.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadRating;
import io.github.crmkit.routing.DryRunReport;
import io.github.crmkit.routing.Outcome;
import io.github.crmkit.routing.RoutingDecision;
import io.github.crmkit.routing.RoutingPlugins;
import io.github.crmkit.routing.RoutingPolicy;
import io.github.crmkit.routing.RoutingPolicyException;
import io.github.crmkit.routing.pool.PoolAction;
import io.github.crmkit.routing.pool.PoolRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dealer scenario on a fixed seed, checked decision by decision against the policy's intent. */
class DealerRoutingTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Set<String> LARGE_DEALERS = Set.of("LD-EAST", "LD-SOUTH", "LD-NORTH");
  /** The province of each small dealer, as the policy's rules are meant to route (written out by hand). */
  private static final Map<String, String> SMALL_DEALER_PROVINCE = Map.of("SD-GD-SZ", "广东省", "SD-GD-GZ", "广东省",
      "SD-ZJ-HZ", "浙江省", "SD-JS-NJ", "江苏省", "SD-SH", "上海市", "SD-BJ", "北京市", "SD-SC-CD", "四川省");
  private static final Set<String> REPS = Set.of("R-01", "R-02", "R-03", "R-04", "R-05");

  private static DealerRouting.Simulation simulation;
  private static Map<String, Lead> leadsById;

  @BeforeAll
  static void simulate() {
    simulation = DealerRouting.simulate(42, 2000);
    leadsById = new HashMap<>();
    for (Lead lead : simulation.leads()) {
      leadsById.put(lead.id().value(), lead);
    }
  }

  @Test
  void everyLeadHasExactlyOneOutcomeAndTheCountsReconcile() {
    DryRunReport r = simulation.report();
    assertThat(simulation.leads()).hasSize(2000);
    assertThat(leadsById).hasSize(2000);
    assertThat(r.decisions()).hasSize(2000);
    Set<String> decided = new HashSet<>();
    int[] outcomes = new int[Outcome.values().length];
    for (RoutingDecision d : r.decisions()) {
      assertThat(decided.add(d.lead().value())).as("one decision for %s", d.lead().value()).isTrue();
      outcomes[d.outcome().ordinal()]++;
    }
    assertThat(decided).isEqualTo(leadsById.keySet());
    assertThat(r.assigned()).isEqualTo(outcomes[Outcome.ASSIGNED.ordinal()]);
    assertThat(r.queued()).isEqualTo(outcomes[Outcome.QUEUED.ordinal()]);
    assertThat(r.pooled()).isEqualTo(outcomes[Outcome.POOLED.ordinal()]);
    assertThat(r.unassigned()).isEqualTo(outcomes[Outcome.UNASSIGNED.ordinal()]);
    assertThat(r.assigned() + r.queued() + r.pooled() + r.unassigned()).isEqualTo(2000);
    assertThat(r.perAgent().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(r.assigned());
    assertThat(r.unassignedByReason().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(r.unassigned());
    // every outcome occurs in this scenario, so none of the checks below is vacuous
    assertThat(java.util.Arrays.stream(outcomes).min().getAsInt()).isPositive();
  }

  @Test
  void hotLeadsGoOnlyToLargeDealersAndLargeDealersGetOnlyHotLeadsFromChina() {
    int hotFromChina = 0;
    for (RoutingDecision d : simulation.report().decisions()) {
      Lead lead = leadsById.get(d.lead().value());
      boolean hot = lead.rating().orElseThrow() == LeadRating.HOT;
      boolean china = lead.countryCode().equals(java.util.Optional.of("CN"));
      if (hot && china) {
        hotFromChina++;
        assertThat(d.outcome()).as(d.toString()).isIn(Outcome.ASSIGNED, Outcome.POOLED);
        if (d.outcome() == Outcome.ASSIGNED) {
          assertThat(d.target()).as(d.toString()).isIn(LARGE_DEALERS);
        } else {
          assertThat(d.target()).isEqualTo("default");
        }
      }
      if (d.outcome() == Outcome.ASSIGNED && LARGE_DEALERS.contains(d.target())) {
        assertThat(hot && china).as(d.toString()).isTrue();
      }
    }
    assertThat(hotFromChina).isGreaterThan(300);
  }

  @Test
  void coldLeadsAreNurturedInHouseAndWarmLeadsGoToTheSmallDealersOfTheirProvince() {
    int warmToDealers = 0;
    for (RoutingDecision d : simulation.report().decisions()) {
      Lead lead = leadsById.get(d.lead().value());
      LeadRating rating = lead.rating().orElseThrow();
      if (rating == LeadRating.COLD) {
        assertThat(d.outcome()).as(d.toString()).isEqualTo(Outcome.QUEUED);
        assertThat(d.target()).isEqualTo("nurture");
      } else {
        assertThat(d.outcome()).as(d.toString()).isNotEqualTo(Outcome.QUEUED);
      }
      if (d.outcome() == Outcome.ASSIGNED && SMALL_DEALER_PROVINCE.containsKey(d.target())) {
        warmToDealers++;
        assertThat(rating).as(d.toString()).isEqualTo(LeadRating.WARM);
        assertThat(lead.region()).as(d.toString()).contains(SMALL_DEALER_PROVINCE.get(d.target()));
      }
      if (d.outcome() == Outcome.ASSIGNED && REPS.contains(d.target())) {
        // reps take what no dealer rule or dealer could: leads from abroad and the provinces' overflow
        boolean abroad = lead.countryCode().isEmpty() || !lead.countryCode().get().equals("CN");
        assertThat(abroad || rating == LeadRating.WARM).as(d.toString()).isTrue();
      }
      assertThat(d.target()).as("the inactive rep is never chosen").isNotEqualTo("R-06");
    }
    assertThat(warmToDealers).isGreaterThan(500);
  }

  @Test
  void noAgentIsEverAssignedPastItsDailyOrWeeklyCapAndSomeCapsAreReached() {
    Map<String, Agent> agents = new HashMap<>();
    for (Agent agent : DealerRouting.agents()) {
      agents.put(agent.id().value(), agent);
    }
    Map<String, Integer> perDay = new HashMap<>();
    Map<String, Integer> perWeek = new HashMap<>();
    for (RoutingDecision d : simulation.report().decisions()) {
      if (d.outcome() != Outcome.ASSIGNED) {
        continue;
      }
      LocalDate day = d.decidedAt().atZone(SHANGHAI).toLocalDate();
      perDay.merge(d.target() + " " + day, 1, Integer::sum);
      perWeek.merge(d.target() + " " + day.get(IsoFields.WEEK_BASED_YEAR) + "-W"
          + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 1, Integer::sum);
    }
    int reached = 0;
    for (Map.Entry<String, Integer> e : perDay.entrySet()) {
      Agent agent = agents.get(e.getKey().substring(0, e.getKey().indexOf(' ')));
      if (agent.capacity().maxPerDay().isPresent()) {
        assertThat(e.getValue()).as(e.getKey()).isLessThanOrEqualTo(agent.capacity().maxPerDay().getAsInt());
        reached += e.getValue() == agent.capacity().maxPerDay().getAsInt() ? 1 : 0;
      }
    }
    for (Map.Entry<String, Integer> e : perWeek.entrySet()) {
      Agent agent = agents.get(e.getKey().substring(0, e.getKey().indexOf(' ')));
      if (agent.capacity().maxPerWeek().isPresent()) {
        assertThat(e.getValue()).as(e.getKey()).isLessThanOrEqualTo(agent.capacity().maxPerWeek().getAsInt());
        reached += e.getValue() == agent.capacity().maxPerWeek().getAsInt() ? 1 : 0;
      }
    }
    assertThat(reached).as("agent-days and agent-weeks at their cap").isGreaterThan(20);
    assertThat(simulation.report().capHits()).containsKeys("LD-EAST", "R-01");
    assertThat(simulation.report().unassignedByReason()).containsOnlyKeys("no-capacity");
  }

  @Test
  void theBestConverterAmongTheRepsIsServedFirstEachDay() {
    // smoothed rates (wins + 20 m) / (leads + 20), m the eligible reps' pooled rate; with all five eligible,
    // m = 102 / 410: R-03 (4 of 10) 0.299 > R-05 (56 of 200) 0.277 > R-01 (30 of 120) 0.2498 > R-04 (no data) m
    // = 0.2488 > R-02 (12 of 80) 0.170. The order of holds for every subset; once they are all
    // full, R-02 and R-04 tie (m = 12 / 80 is R-02's own rate) and share by fewer assignments today.
    String[][] tiers = {{"R-03"}, {"R-05"}, {"R-01"}, {"R-04", "R-02"}};
    Map<String, Integer> caps = Map.of("R-03", 2, "R-05", 1, "R-01", 3, "R-04", 2, "R-02", 2);
    Map<LocalDate, Map<String, Integer>> seen = new HashMap<>();
    int checked = 0;
    for (RoutingDecision d : simulation.report().decisions()) {
      if (d.outcome() != Outcome.ASSIGNED || !REPS.contains(d.target())) {
        continue;
      }
      Map<String, Integer> today = seen.computeIfAbsent(d.decidedAt().atZone(SHANGHAI).toLocalDate(),
          k -> new HashMap<>());
      for (String[] tier : tiers) {
        if (List.of(tier).contains(d.target())) {
          break;
        }
        for (String better : tier) {
          assertThat(today.getOrDefault(better, 0)).as("%s full before %s", better, d).isEqualTo(caps.get(better));
        }
      }
      today.merge(d.target(), 1, Integer::sum);
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void theSweepRecyclesExactlyTheLeadsWithoutFollowUpForSevenDaysAndLosesNone() {
    Instant dueBefore = simulation.sweepAt().minus(Duration.ofDays(7));
    Map<String, RoutingDecision> decisions = new HashMap<>();
    for (RoutingDecision d : simulation.report().decisions()) {
      decisions.put(d.lead().value(), d);
    }
    Set<String> recycled = new HashSet<>();
    Set<String> reminded = new HashSet<>();
    for (PoolAction action : simulation.sweep()) {
      (action.kind() == PoolAction.Kind.RECYCLE ? recycled : reminded).add(action.recordId().value());
    }
    int owned = 0;
    for (PoolRecord record : simulation.pool()) {
      String lead = record.id().value();
      RoutingDecision d = decisions.get(lead);
      if (d.outcome() == Outcome.POOLED) {
        assertThat(record.isInPool()).isTrue();
        continue;
      }
      assertThat(d.outcome()).isEqualTo(Outcome.ASSIGNED);
      Instant lastActivity = simulation.followUps().getOrDefault(lead, d.decidedAt());
      boolean neglected = !lastActivity.isAfter(dueBefore);
      assertThat(record.isInPool()).as(lead).isEqualTo(neglected);
      assertThat(recycled.contains(lead)).as(lead).isEqualTo(neglected);
      // reminded: due (last activity + 7 days) within 2 days after the sweep
      boolean dueSoon = !neglected && !lastActivity.plus(Duration.ofDays(5)).isAfter(simulation.sweepAt());
      assertThat(reminded.contains(lead)).as(lead).isEqualTo(dueSoon);
      if (!neglected) {
        owned++;
        assertThat(record.owner().orElseThrow().value()).isEqualTo(d.target());
      } else {
        assertThat(record.formerOwner().orElseThrow().value()).isEqualTo(d.target());
      }
    }
    DryRunReport r = simulation.report();
    assertThat(simulation.pool()).hasSize(r.assigned() + r.pooled());
    assertThat(simulation.inPool()).isEqualTo(r.pooled() + recycled.size());
    assertThat(owned + simulation.inPool()).isEqualTo(r.assigned() + r.pooled());
    assertThat(recycled).hasSizeGreaterThan(50);
    assertThat(reminded).hasSizeGreaterThan(5);
  }

  @Test
  void printsTheDistributionThatTheSimulationHolds() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DealerRouting.Simulation run;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      run = DealerRouting.run(out, 42, 2000);
    }
    String report = bytes.toString(StandardCharsets.UTF_8);
    DryRunReport r = run.report();
    assertThat(r.decisions()).isEqualTo(simulation.report().decisions());
    assertThat(report).contains(String.format(Locale.ROOT,
        "Outcomes      2,000 leads = %,d assigned + %,d queued + %,d pooled + %,d unassigned", r.assigned(),
        r.queued(), r.pooled(), r.unassigned()));
    assertThat(report).containsPattern("  LD-EAST +large-dealers +" + r.perAgent().get("LD-EAST") + " +"
        + r.capHits().get("LD-EAST") + "  40/week");
    assertThat(report).contains("  R-06        inside-sales          0         0  inactive");
    assertThat(report).contains("Unassigned    no-capacity " + r.unassignedByReason().get("no-capacity"));
    assertThat(report).contains(String.format(Locale.ROOT, "  recycled     %,d, from",
        run.count(PoolAction.Kind.RECYCLE)));
    assertThat(report).doesNotContain("经销商").doesNotContain("Rep 0");
  }

  @Test
  void thePolicyNeedsTheExamplePluginAndSaysWhereWithoutIt() {
    String json = DealerRouting.resource(DealerRouting.POLICY_RESOURCE);
    assertThatThrownBy(() -> RoutingPolicy.fromJson(json, RoutingPlugins.none()))
        .isInstanceOf(RoutingPolicyException.class).hasMessageContaining("$.pools[7].strategy");
    RoutingPolicy policy = DealerRouting.policy();
    assertThat(policy.rules()).hasSize(9);
    assertThat(RoutingPolicy.fromJson(policy.toJson(), DealerRouting.plugins())).isEqualTo(policy);
    assertThat(DealerRouting.poolPolicy().level(DealerRouting.LEVEL).noFollowUpDays()).hasValue(7);
    List<Agent> agents = DealerRouting.agents();
    assertThat(agents).hasSize(16);
  }
}
