package io.github.crmkit.routing;

import static io.github.crmkit.routing.Fixtures.T0;
import static io.github.crmkit.routing.Fixtures.agent;
import static io.github.crmkit.routing.Fixtures.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.crmkit.model.Absence;
import io.github.crmkit.model.Agent;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.WorkingCalendar;
import io.github.crmkit.model.WorkingHours;
import io.github.crmkit.testkit.ModelGenerators;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of routing over random agents, caps, strategies and leads drawn by QuickTheories: caps are never
 * exceeded, smooth weighted round robin keeps every member within one assignment of its share, decisions replay
 * identically, every lead of a batch has exactly one outcome, ineligible agents are never chosen, and a returning
 * agent gets no more than its fair share after calibration.
 */
class RoutingPropertyTest {
  private static final long SEED = 20261201L;
  private static final List<String> STRATEGIES = List.of("round-robin", "smooth-weighted-round-robin",
      "load-balancing", "levelling", "batch-allocation", "weighted-random");

  private static String id(int i) {
    return "a" + i;
  }

  private static List<String> ids(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(id(i));
    }
    return out;
  }

  @Test
  void smoothWeightedRoundRobinKeepsEveryMemberWithinOneOfItsShare() {
    qt().withExamples(150).withFixedSeed(SEED)
        .forAll(lists().of(integers().between(1, 10)).ofSizeBetween(1, 6), integers().between(1, 120))
        .checkAssert((weights, leads) -> {
          List<Agent> agents = new ArrayList<>();
          double total = 0;
          for (int i = 0; i < weights.size(); i++) {
            agents.add(agent(id(i), weights.get(i)));
            total += weights.get(i);
          }
          RoutingEngine engine = Fixtures.engine(Fixtures.onePool("smooth-weighted-round-robin",
              ids(weights.size()).toArray(new String[0])), Fixtures.directory(agents, List.of()));
          int[] counts = new int[weights.size()];
          for (int n = 1; n <= leads; n++) {
            String target = engine.route(lead(n), T0.plusSeconds(n)).target();
            counts[Integer.parseInt(target.substring(1))]++;
            for (int i = 0; i < counts.length; i++) {
              double share = n * weights.get(i) / total;
              assertThat(Math.abs(counts[i] - share)).as("member %s after %s leads, weights %s", i, n, weights)
                  .isLessThanOrEqualTo(1.0);
            }
          }
        });
  }

  @Test
  void capsAreNeverExceededWhateverTheStrategy() {
    qt().withExamples(120).withFixedSeed(SEED)
        .forAll(lists().of(integers().between(0, 4)).ofSizeBetween(1, 5), integers().between(0, 5),
            integers().between(0, 60), longs().all())
        .checkAssert((caps, strategy, leads, seed) -> {
          List<Agent> agents = new ArrayList<>();
          for (int i = 0; i < caps.size(); i++) {
            agents.add(agent(id(i)).weight(1 + i).capacity(Capacity.builder().maxPerDay(caps.get(i))
                .maxPerWeek(caps.get(i) + 2).build()).build());
          }
          RoutingEngine engine = RoutingEngine.builder()
              .policy(Fixtures.onePool(STRATEGIES.get(strategy), ids(caps.size()).toArray(new String[0])))
              .directory(Fixtures.directory(agents, List.of())).seed(seed).build();
          Map<String, Integer> perAgentDay = new HashMap<>();
          Map<String, Integer> perAgentWeek = new HashMap<>();
          for (int n = 0; n < leads; n++) {
            Instant at = T0.plusSeconds(n * 7_000L); // about 12 leads a day, over 5 days
            RoutingDecision d = engine.route(lead(n), at);
            if (d.outcome() == Outcome.ASSIGNED) {
              int agentIndex = Integer.parseInt(d.target().substring(1));
              long day = at.getEpochSecond() / 86_400;
              int today = perAgentDay.merge(d.target() + "@" + day, 1, Integer::sum);
              int week = perAgentWeek.merge(d.target(), 1, Integer::sum); // T0 is a Monday: one week
              assertThat(today).isLessThanOrEqualTo(caps.get(agentIndex));
              assertThat(week).isLessThanOrEqualTo(caps.get(agentIndex) + 2);
            } else {
              assertThat(d.reason()).isEqualTo("nobody-left");
            }
          }
        });
  }

  private static RoutingPolicy mixedPolicy(String strategy) {
    return RoutingPolicy.of("mixed", List.of(
            new PoolDefinition("hot", List.of("a0", "a1", "a2"), null, strategy, null, null, false, 0, null,
                Capacity.builder().maxPerDay(3).build(), "all", null),
            PoolDefinition.of("all", strategy, ids(6))),
        List.of(
            new RuleEntry("hot", Condition.of("rating", "=", "HOT"), Target.pool("hot"),
                List.of(Target.unassigned("hot-overflow"))),
            new RuleEntry("scored", Condition.of("score", ">=", 50L), Target.pool("all"), List.of()),
            new RuleEntry("cn", Condition.of("countryCode", "=", "CN"), Target.queue("cn-nurture"), List.of()),
            new RuleEntry("rest", null, Target.publicPool("default"), List.of())));
  }

  private static List<Agent> sixAgents(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Agent> agents = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      agents.add(agent(id(i)).weight(1 + random.nextInt(4))
          .capacity(Capacity.builder().maxPerDay(1 + random.nextInt(6)).build()).build());
    }
    return agents;
  }

  private static List<Lead> leads(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Lead> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(ModelGenerators.lead(random));
    }
    return out;
  }

  @Test
  void theSamePolicyStateAndSeedReplayIdentically() {
    qt().withExamples(40).withFixedSeed(SEED).forAll(longs().all(), integers().between(0, 5))
        .checkAssert((seed, strategy) -> {
          List<Lead> stream = leads(seed, 60);
          List<RoutingDecision> first = new ArrayList<>();
          List<RoutingDecision> second = new ArrayList<>();
          for (List<RoutingDecision> out : List.of(first, second)) {
            RoutingEngine engine = RoutingEngine.builder().policy(mixedPolicy(STRATEGIES.get(strategy)))
                .directory(Fixtures.directory(sixAgents(seed), List.of())).seed(seed).build();
            for (Lead lead : stream) {
              out.add(engine.route(lead, lead.receivedAt()));
            }
          }
          assertThat(second).isEqualTo(first);
          assertThat(second).extracting(d -> d.trace().explain())
              .isEqualTo(first.stream().map(d -> d.trace().explain()).toList());
        });
  }

  @Test
  void everyLeadOfABatchHasExactlyOneOutcome() {
    qt().withExamples(40).withFixedSeed(SEED).forAll(longs().all(), integers().between(0, 120),
        integers().between(0, 5)).checkAssert((seed, n, strategy) -> {
          List<Lead> batch = leads(seed, n);
          RoutingEngine engine = RoutingEngine.builder().policy(mixedPolicy(STRATEGIES.get(strategy)))
              .directory(Fixtures.directory(sixAgents(seed), List.of())).seed(seed).build();
          BatchResult result = engine.routeBatch(batch, T0);
          assertThat(result.decisions()).hasSize(n);
          for (int i = 0; i < n; i++) {
            assertThat(result.decisions().get(i).lead()).isEqualTo(batch.get(i).id());
          }
          assertThat(result.assigned() + result.queued() + result.pooled() + result.unassigned()).isEqualTo(n);
          // a lead id seen twice in the batch is assigned at most once
          Map<String, Integer> assignedPerLead = new HashMap<>();
          for (RoutingDecision d : result.decisions()) {
            if (d.outcome() == Outcome.ASSIGNED) {
              assertThat(assignedPerLead.merge(d.lead().value(), 1, Integer::sum)).isEqualTo(1);
            }
          }
        });
  }

  @Test
  void inactiveAbsentAndUnskilledAgentsAreNeverChosen() {
    Instant now = Instant.parse("2026-03-02T10:00:00Z");
    qt().withExamples(100).withFixedSeed(SEED)
        .forAll(lists().of(integers().between(0, 7)).ofSizeBetween(1, 6), integers().between(0, 5),
            longs().all())
        .checkAssert((flags, strategy, seed) -> {
          List<Agent> agents = new ArrayList<>();
          List<Boolean> eligible = new ArrayList<>();
          for (int i = 0; i < flags.size(); i++) {
            int f = flags.get(i);
            Agent.Builder b = agent(id(i)).active((f & 1) == 0);
            if ((f & 2) == 0) {
              b.addSkill("pumps");
            }
            if ((f & 4) != 0) {
              b.calendar(WorkingCalendar.weekdays(ZoneOffset.UTC, LocalTime.of(0, 0), LocalTime.of(23, 0)).toBuilder()
                  .addAbsence(Absence.of(now.minusSeconds(3600), now.plusSeconds(86_400))).build());
            }
            agents.add(b.build());
            eligible.add(f == 0);
          }
          PoolDefinition pool = new PoolDefinition("p", ids(flags.size()), null, STRATEGIES.get(strategy),
              List.of("pumps"), null, true, 0, null, null, null, null);
          RoutingEngine engine = RoutingEngine.builder().policy(RoutingPolicy.of("p", List.of(pool),
                  List.of(new RuleEntry("r", null, Target.pool("p"), List.of()))))
              .directory(Fixtures.directory(agents, List.of())).seed(seed).build();
          for (int n = 0; n < 10; n++) {
            RoutingDecision d = engine.route(lead(n), now);
            if (d.outcome() == Outcome.ASSIGNED) {
              assertThat(eligible.get(Integer.parseInt(d.target().substring(1)))).isTrue();
            } else {
              assertThat(eligible).doesNotContain(true);
            }
          }
        });
  }

  @Test
  void aReturningAgentGetsNoMoreThanItsFairShareAfterCalibration() {
    qt().withExamples(100).withFixedSeed(SEED)
        .forAll(integers().between(2, 5), integers().between(0, 40), integers().between(1, 60))
        .checkAssert((k, away, after) -> {
          WorkingCalendar.Builder calendar = WorkingCalendar.builder().zone(ZoneOffset.UTC);
          for (DayOfWeek day : DayOfWeek.values()) {
            calendar.addHour(WorkingHours.of(day, LocalTime.of(0, 0), LocalTime.of(23, 59)));
          }
          Instant back = T0.plusSeconds(60L * away);
          if (away > 0) {
            calendar.addAbsence(Absence.of(T0.minusSeconds(60), back));
          }
          List<Agent> agents = new ArrayList<>();
          agents.add(agent(id(0)).calendar(calendar.build()).build());
          for (int i = 1; i < k; i++) {
            agents.add(agent(id(i), 1));
          }
          PoolDefinition pool = new PoolDefinition("p", ids(k), null, "levelling", null, null, true, 0, null, null,
              null, null);
          RoutingEngine engine = Fixtures.engine(RoutingPolicy.of("p", List.of(pool),
              List.of(new RuleEntry("r", null, Target.pool("p"), List.of()))), Fixtures.directory(agents, List.of()));
          for (int n = 0; n < away; n++) {
            assertThat(engine.route(lead(n), T0.plusSeconds(60L * n)).target()).isNotEqualTo(id(0));
          }
          int returning = 0;
          for (int n = 0; n < after; n++) {
            if (id(0).equals(engine.route(lead(1000 + n), back.plusSeconds(60L * n)).target())) {
              returning++;
            }
          }
          assertThat(returning).as("k=%s away=%s after=%s", k, away, after)
              .isLessThanOrEqualTo((after + k - 1) / k);
        });
  }

  private static RoutingPolicy guarded(boolean wrap) {
    List<Condition> conditions = List.of(
        Condition.and(Condition.of("rating", "=", "HOT"), Condition.of("score", ">=", 40L)),
        Condition.and(Condition.of("countryCode", "in", List.of("DE", "US")), Condition.of("score", "<", 50L)),
        Condition.of("status", "=", "NEW"),
        Condition.and(Condition.of("rating", ">=", "WARM"), Condition.of("campaign", "exists", null)),
        Condition.and(Condition.of("sourceChannel", "=", "partner"), Condition.of("rating", "=", "COLD")),
        Condition.of("region", "in", List.of("Bayern", "England")));
    List<RuleEntry> rules = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      Condition c = wrap ? Condition.and(Condition.always(), conditions.get(i)) : conditions.get(i);
      rules.add(new RuleEntry("r" + i, c, Target.queue("q" + i), List.of()));
    }
    return RoutingPolicy.of("guarded", List.of(), rules);
  }

  @Test
  void theRuleIndexNeverChangesADecisionNorTheFailingConditions() {
    RoutingEngine indexed = Fixtures.engine(guarded(false), Fixtures.directory(agent("a", 1)));
    RoutingEngine plain = Fixtures.engine(guarded(true), Fixtures.directory(agent("a", 1)));
    qt().withExamples(300).withFixedSeed(SEED).forAll(longs().all()).checkAssert(seed -> {
      for (Lead lead : leads(seed, 5)) {
        RoutingDecision a = indexed.route(lead, T0);
        RoutingDecision b = plain.route(lead, T0);
        assertThat(a.target()).isEqualTo(b.target());
        assertThat(a.ruleId()).isEqualTo(b.ruleId());
        assertThat(a.trace().rules()).extracting(DecisionTrace.RuleCheck::failedCondition)
            .isEqualTo(b.trace().rules().stream().map(DecisionTrace.RuleCheck::failedCondition).toList());
      }
    });
  }
}
