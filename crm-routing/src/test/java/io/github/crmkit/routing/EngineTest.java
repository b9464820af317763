package io.github.crmkit.routing;

import static io.github.crmkit.routing.Fixtures.T0;
import static io.github.crmkit.routing.Fixtures.agent;
import static io.github.crmkit.routing.Fixtures.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.Absence;
import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.DomainEvent;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.model.LeadRating;
import io.github.crmkit.model.TerritoryId;
import io.github.crmkit.model.WorkingCalendar;
import io.github.crmkit.testkit.inmemory.InMemoryAgentDirectory;
import io.github.crmkit.testkit.inmemory.RecordingEventPublisher;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineTest {
  private static final RoutingPolicy CHAIN = RoutingPolicy.of("chain-1", List.of(
          new PoolDefinition("large", List.of("d1"), null, "round-robin", null, null, false, 0, null,
              Capacity.builder().maxPerDay(1).build(), "medium", null),
          PoolDefinition.of("medium", "round-robin", List.of("d2"))),
      List.of(new RuleEntry("hot", Condition.of("rating", "=", "HOT"), Target.pool("large"),
          List.of(Target.territoryPool("parent"), Target.agent("boss"), Target.unassigned("no-dealer")))));

  private static InMemoryAgentDirectory chainDirectory(int bossCap) {
    return Fixtures.directory(List.of(
        agent("d1", 1),
        Fixtures.capped("d2", 1),
        agent("r-cn").addTerritory(TerritoryId.of("cn")).capacity(Capacity.builder().maxPerDay(1).build()).build(),
        agent("r-south").addTerritory(TerritoryId.of("south")).build(),
        Fixtures.capped("boss", bossCap)), List.of(
        Fixtures.territory("cn", null, List.of("CN"), List.of()),
        Fixtures.territory("south", "cn", List.of("CN"), List.of("Guangdong"))));
  }

  private static Lead hot(int i) {
    return lead("H-" + i).rating(LeadRating.HOT).countryCode("CN").region("Guangdong").receivedAt(T0).build();
  }

  @Test
  void followsOverflowParentTerritoryDefaultOwnerThenUnassignedWithTheReason() {
    RoutingEngine engine = Fixtures.engine(CHAIN, chainDirectory(1));
    List<String> targets = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      targets.add(Fixtures.target(engine.route(hot(i), T0)));
    }
    // large (cap 1) -> its overflow medium (cap 1) -> the parent territory's pool cn (r-cn, cap 1) -> boss (cap 1)
    assertThat(targets).containsExactly("d1", "d2", "r-cn", "boss", "UNASSIGNED:no-dealer");
    RoutingDecision last = engine.route(hot(6), T0);
    assertThat(last.ruleId()).isEqualTo("hot");
    assertThat(last.trace().attempts()).extracting(DecisionTrace.TargetAttempt::target)
        .containsExactly("pool:large", "pool:medium", "territoryPool:cn", "agent:boss", "unassigned:no-dealer");
    assertThat(last.trace().attempts().get(0).candidates())
        .containsExactly(new DecisionTrace.CandidateCheck("d1", "capped:max-per-day"));
    assertThat(last.trace().attempts().get(2).candidates())
        .containsExactly(new DecisionTrace.CandidateCheck("r-cn", "capped:max-per-day"));
  }

  @Test
  void anAgentWhoseIdReadsAlreadyAssignedIsAssignedLikeAnyOther() {
    // the engine once told "the lead is owned" from a chosen agent by the id's first characters
    RoutingPolicy policy = RoutingPolicy.of("ids-1", List.of(PoolDefinition.of("p", "round-robin",
            List.of("already-assigned"))),
        List.of(new RuleEntry("hot", Condition.of("rating", "=", "HOT"), Target.agent("already-assigned-2"),
                List.of(Target.unassigned("nobody"))),
            new RuleEntry("rest", null, Target.pool("p"), List.of(Target.unassigned("nobody")))));
    RoutingEngine engine = Fixtures.engine(policy,
        Fixtures.directory(agent("already-assigned", 1), agent("already-assigned-2", 1)));
    RoutingDecision pooled = engine.route(lead("A-1").build(), T0);
    RoutingDecision direct = engine.route(lead("A-2").rating(LeadRating.HOT).build(), T0);
    assertThat(pooled.outcome()).isEqualTo(Outcome.ASSIGNED);
    assertThat(pooled.target()).isEqualTo("already-assigned");
    assertThat(pooled.trace().attempts().get(0).result()).isEqualTo("chosen:already-assigned");
    assertThat(direct.outcome()).isEqualTo(Outcome.ASSIGNED);
    assertThat(direct.target()).isEqualTo("already-assigned-2");
    // and a lead that is owned is still told apart
    RoutingDecision again = engine.route(lead("A-1").build(), T0.plusSeconds(60));
    assertThat(again.outcome()).isEqualTo(Outcome.UNASSIGNED);
    assertThat(again.reason()).isEqualTo("already-assigned");
  }

  @Test
  void aTraceReadAfterLaterDecisionsStillExplainsItsOwnLead() {
    // the engine reuses its thread's working facts from one decision to the next; a trace must not see them change
    RoutingPolicy policy = RoutingPolicy.of("traces-1", List.of(PoolDefinition.of("p", "round-robin", List.of("a"))),
        List.of(new RuleEntry("warm-de", Condition.and(Condition.of("rating", "=", "WARM"),
                Condition.of("countryCode", "=", "DE")), Target.pool("p"), List.of()),
            new RuleEntry("big", Condition.of("score", ">=", 80L), Target.pool("p"), List.of()),
            new RuleEntry("rest", null, Target.pool("p"), List.of())));
    RoutingEngine engine = RoutingEngine.builder().policy(policy).directory(Fixtures.directory(agent("a", 1)))
        .ledger(new InMemoryAssignmentLedger()).build();
    RoutingDecision first = engine.route(lead("T-1").rating(LeadRating.HOT).countryCode("DE").score(10).build(), T0);
    RoutingDecision second = engine.route(lead("T-2").rating(LeadRating.WARM).countryCode("FR").score(95).build(),
        T0);
    RoutingDecision third = engine.route(lead("T-3").rating(LeadRating.WARM).countryCode("DE").build(), T0);
    assertThat(third.ruleId()).isEqualTo("warm-de");
    assertThat(first.ruleId()).isEqualTo("rest");
    assertThat(first.trace().rules()).containsExactly(
        new DecisionTrace.RuleCheck("warm-de", false, "$.rules[0].when.args[0]", "rating = WARM"),
        new DecisionTrace.RuleCheck("big", false, "$.rules[1].when", "score >= 80"),
        new DecisionTrace.RuleCheck("rest", true, null, null));
    assertThat(second.ruleId()).isEqualTo("big");
    assertThat(second.trace().rules()).containsExactly(
        new DecisionTrace.RuleCheck("warm-de", false, "$.rules[0].when.args[1]", "countryCode = DE"),
        new DecisionTrace.RuleCheck("big", true, null, null));
  }

  @Test
  void aTraceNamesTheChosenCandidatesStrategyStateBeforeAndAfterAndEqualsItsCopy() {
    RoutingEngine engine = RoutingEngine.builder().policy(Fixtures.onePool("round-robin", "a", "b"))
        .directory(Fixtures.directory(agent("a", 1), agent("b", 1))).ledger(new InMemoryAssignmentLedger())
        .build();
    RoutingDecision first = engine.route(lead(0), T0);
    RoutingDecision second = engine.route(lead(1), T0.plusSeconds(60));
    RoutingDecision third = engine.route(lead(2), T0.plusSeconds(120));
    String one = Fixtures.target(first);
    String other = Fixtures.target(second);
    assertThat(List.of(one, other)).containsExactlyInAnyOrder("a", "b");
    assertThat(Fixtures.target(third)).isEqualTo(one); // the one waiting longest
    DecisionTrace.TargetAttempt attempt = third.trace().attempts().get(0);
    assertThat(attempt.result()).isEqualTo("chosen:" + one);
    assertThat(attempt.stateBefore()).isEqualTo(one + " assigned=1 credits=0 lastEligibleStep=-1 total=1"
        + " lastAssignedAtEpochMilli=" + T0.toEpochMilli());
    assertThat(attempt.stateAfter()).isEqualTo(one + " assigned=2 credits=0 lastEligibleStep=-1");
    assertThat(second.trace().attempts().get(0).stateBefore()).isEqualTo(other
        + " assigned=0 credits=0 lastEligibleStep=-1 total=0 lastAssignedAtEpochMilli=never");
    // the engine's compact form is a value like one built from its components
    DecisionTrace trace = third.trace();
    DecisionTrace.TargetAttempt copy = new DecisionTrace.TargetAttempt(attempt.target(), attempt.strategy(),
        attempt.candidates(), attempt.stateBefore(), attempt.stateAfter(), attempt.result());
    DecisionTrace same = new DecisionTrace(trace.policyRevision(), trace.seed(), trace.ownerAffinity(),
        List.copyOf(trace.rules()), List.of(copy));
    assertThat(copy).isEqualTo(attempt).hasSameHashCodeAs(attempt).hasToString(attempt.toString());
    assertThat(same).isEqualTo(trace).hasSameHashCodeAs(trace).hasToString(trace.toString());
    assertThat(same.explain()).isEqualTo(trace.explain()).contains("state before: " + attempt.stateBefore());
    assertThat(second.trace()).isNotEqualTo(trace);
  }

  /** A ledger behind the port only: every call forwarded to an in-memory one, which the engine then cannot see. */
  private static final class Forwarding implements io.github.crmkit.routing.port.AssignmentLedger {
    final InMemoryAssignmentLedger to = new InMemoryAssignmentLedger();
    int reservations;

    @Override
    public io.github.crmkit.routing.port.AgentCounters counters(AgentId agent, Instant at, ZoneId zone) {
      return to.counters(agent, at, zone);
    }

    @Override
    public void read(io.github.crmkit.routing.port.CandidateCounters batch) {
      to.read(batch);
    }

    @Override
    public io.github.crmkit.routing.port.Reservation reserve(io.github.crmkit.routing.port.ReservationRequest r) {
      reservations++;
      return to.reserve(r);
    }

    @Override
    public io.github.crmkit.routing.port.Reservation reserve(io.github.crmkit.routing.port.ReservationRequest r,
        io.github.crmkit.routing.port.CandidateCounters batch, int candidate) {
      reservations++;
      return to.reserve(r, batch, candidate);
    }

    @Override
    public boolean release(LeadId lead) {
      return to.release(lead);
    }

    @Override
    public Optional<AgentId> owner(LeadId lead) {
      return to.owner(lead);
    }

    @Override
    public io.github.crmkit.routing.port.ScopeCounters scopeCounters(String scope, AgentId agent) {
      return to.scopeCounters(scope, agent);
    }

    @Override
    public long scopeStep(String scope) {
      return to.scopeStep(scope);
    }

    @Override
    public long recordStep(String scope, AgentId[] members, long[] credits) {
      return to.recordStep(scope, members, credits);
    }

    @Override
    public long recordStep(io.github.crmkit.routing.port.CandidateCounters batch, int[] positions, long[] credits) {
      return to.recordStep(batch, positions, credits);
    }
  }

  @Test
  void aLedgerBehindThePortDecidesAsTheBuiltInOne() {
    // the engine reserves with the built-in ledger directly and with any other through the port: the same decisions
    for (String strategy : List.of("round-robin", "smooth-weighted-round-robin", "load-balancing", "levelling",
        "weighted-random")) {
      RoutingPolicy policy = Fixtures.onePool(strategy, "a", "b", "c");
      InMemoryAgentDirectory directory = Fixtures.directory(Fixtures.capped("a", 2), agent("b", 2),
          Fixtures.capped("c", 3));
      Forwarding port = new Forwarding();
      RoutingEngine direct = RoutingEngine.builder().policy(policy).directory(directory)
          .ledger(new InMemoryAssignmentLedger()).seed(3).build();
      RoutingEngine behind = RoutingEngine.builder().policy(policy).directory(directory).ledger(port).seed(3)
          .build();
      for (int i = 0; i < 12; i++) {
        Instant at = T0.plusSeconds(3_600L * i);
        RoutingDecision one = direct.route(lead(i), at);
        RoutingDecision other = behind.route(lead(i), at);
        assertThat(other).as("%s, lead %d", strategy, i).isEqualTo(one);
        if (i % 3 == 2) {
          direct.ledger().release(lead(i - 1).id());
          behind.ledger().release(lead(i - 1).id());
        }
      }
      assertThat(port.reservations).as(strategy).isGreaterThanOrEqualTo(8);
    }
  }

  @Test
  void eachTraceKeepsItsOwnExclusionsWhenAPoolIsAskedAgain() {
    // a pool whose candidates are fixed shares its static exclusions between traces until a candidate is capped
    RoutingPolicy policy = Fixtures.onePool("round-robin", "a", "b", "c");
    RoutingEngine engine = RoutingEngine.builder().policy(policy)
        .directory(Fixtures.directory(Fixtures.capped("a", 1), agent("b").active(false).build(), agent("c", 1)))
        .ledger(new InMemoryAssignmentLedger()).build();
    List<RoutingDecision> decisions = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      decisions.add(engine.route(lead(i), T0.plusSeconds(i)));
    }
    decisions.add(engine.route(lead(3), T0.plusSeconds(86_400))); // the next day: a's cap is free again
    assertThat(decisions).extracting(Fixtures::target).containsExactly("a", "c", "c", "a");
    List<List<DecisionTrace.CandidateCheck>> candidates = new ArrayList<>();
    for (RoutingDecision d : decisions) {
      candidates.add(d.trace().attempts().get(0).candidates());
    }
    DecisionTrace.CandidateCheck inactive = new DecisionTrace.CandidateCheck("b", "inactive");
    assertThat(candidates.get(0)).containsExactly(new DecisionTrace.CandidateCheck("a", null), inactive,
        new DecisionTrace.CandidateCheck("c", null));
    for (int i = 1; i < 3; i++) {
      assertThat(candidates.get(i)).as("decision %d", i).containsExactly(
          new DecisionTrace.CandidateCheck("a", "capped:max-per-day"), inactive,
          new DecisionTrace.CandidateCheck("c", null));
    }
    assertThat(candidates.get(3)).containsExactly(new DecisionTrace.CandidateCheck("a", null), inactive,
        new DecisionTrace.CandidateCheck("c", null));
  }

  @Test
  void aLeadNobodyCanTakeIsNeverLost() {
    RoutingPolicy policy = RoutingPolicy.of("p", List.of(new PoolDefinition("p", List.of("a"), null, "round-robin",
        null, null, false, 0, null, Capacity.builder().maxPerDay(0).build(), null, null)),
        List.of(new RuleEntry("r", null, Target.pool("p"), List.of())));
    RoutingDecision d = Fixtures.engine(policy, Fixtures.directory(agent("a", 1))).route(lead(1), T0);
    assertThat(d.outcome()).isEqualTo(Outcome.UNASSIGNED);
    assertThat(d.reason()).isEqualTo("no-eligible-candidate");
    assertThat(d.ruleId()).isEqualTo("r");
  }

  @Test
  void excludesInactiveUnskilledAbsentAndUnavailableCandidatesWithReasons() {
    WorkingCalendar office = WorkingCalendar.weekdays(ZoneId.of("Asia/Shanghai"), LocalTime.of(9, 0),
        LocalTime.of(18, 0));
    Instant mondayNoonShanghai = Instant.parse("2026-03-02T04:00:00Z");
    InMemoryAgentDirectory directory = Fixtures.directory(
        agent("a").active(false).addSkill("pumps").addLanguage("zh-CN").build(),
        agent("b").addLanguage("zh-CN").build(),
        agent("c").addSkill("pumps").addLanguage("en").build(),
        agent("d").addSkill("pumps").addLanguage("zh-CN").calendar(office.toBuilder()
            .addAbsence(Absence.of(mondayNoonShanghai.minusSeconds(60), mondayNoonShanghai.plusSeconds(3600)))
            .build()).build(),
        agent("e").addSkill("pumps").addLanguage("zh-TW").calendar(WorkingCalendar.weekdays(ZoneId.of("UTC"),
            LocalTime.of(9, 0), LocalTime.of(17, 0))).build(),
        agent("f").addSkill("pumps").addLanguage("zh").calendar(office).build());
    RoutingPolicy policy = RoutingPolicy.of("p", List.of(new PoolDefinition("p", List.of("a", "b", "c", "d", "e",
        "f"), null, "round-robin", List.of("pumps"), List.of("zh"), true, 0, null, null, null, null)),
        List.of(new RuleEntry("r", null, Target.pool("p"), List.of())));
    RoutingDecision d = Fixtures.engine(policy, directory).route(lead(1), mondayNoonShanghai);
    assertThat(d.target()).isEqualTo("f");
    assertThat(d.trace().attempts().get(0).candidates()).containsExactly(
        new DecisionTrace.CandidateCheck("a", "inactive"),
        new DecisionTrace.CandidateCheck("b", "missing-skill:pumps"),
        new DecisionTrace.CandidateCheck("c", "missing-language:zh"),
        new DecisionTrace.CandidateCheck("d", "unavailable"),
        new DecisionTrace.CandidateCheck("e", "unavailable"), // 04:00 UTC, before 09:00
        new DecisionTrace.CandidateCheck("f", null));
    // within 5 hours e starts work (09:00 UTC) and d is back from the absence
    RoutingPolicy within = RoutingPolicy.of("p", List.of(new PoolDefinition("p", List.of("d", "e"), null,
        "round-robin", null, null, true, 5, null, null, null, null)),
        List.of(new RuleEntry("r", null, Target.pool("p"), List.of())));
    RoutingDecision w = Fixtures.engine(within, directory).route(lead(2), mondayNoonShanghai);
    assertThat(w.trace().attempts().get(0).candidates()).containsExactly(
        new DecisionTrace.CandidateCheck("d", null), new DecisionTrace.CandidateCheck("e", null));
  }

  @Test
  void manualAssignmentAndReassignmentGoThroughTheLedger() {
    RecordingEventPublisher events = new RecordingEventPublisher();
    RoutingEngine engine = RoutingEngine.builder().policy(Fixtures.onePool("round-robin", "a", "b"))
        .directory(Fixtures.directory(Fixtures.capped("a", 1), agent("b", 1))).events(events).build();
    LeadId lead = LeadId.of("L-1");
    assertThat(engine.assign(lead, AgentId.of("a"), false, T0).target()).isEqualTo("a");
    assertThat(engine.assign(lead, AgentId.of("b"), false, T0).reason()).isEqualTo("already-assigned");
    assertThat(engine.assign(LeadId.of("L-2"), AgentId.of("a"), false, T0).reason())
        .isEqualTo("capped:max-per-day");
    assertThat(engine.assign(LeadId.of("L-2"), AgentId.of("a"), true, T0).outcome()).isEqualTo(Outcome.ASSIGNED);
    assertThat(engine.assign(LeadId.of("L-3"), AgentId.of("zz"), false, T0).reason()).isEqualTo("unknown-agent");
    assertThat(engine.reassign(lead, AgentId.of("b"), false, T0).target()).isEqualTo("b");
    assertThat(engine.ledger().owner(lead)).contains(AgentId.of("b"));
    assertThat(engine.ledger().counters(AgentId.of("a"), T0, ZoneId.of("UTC")).open()).isEqualTo(1);
    assertThat(engine.ledger().counters(AgentId.of("b"), T0, ZoneId.of("UTC")).open()).isEqualTo(1);
    // routing the reassigned lead again does not give it a second owner
    assertThat(engine.route(lead("L-1").build(), T0).reason()).isEqualTo("already-assigned");
    assertThat(events.events()).extracting(DomainEvent::type).containsExactly("lead.assigned", "lead.unassigned",
        "lead.unassigned", "lead.assigned", "lead.unassigned", "lead.reassigned", "lead.unassigned");
    DomainEvent first = events.events().get(0);
    assertThat(first.aggregateId()).isEqualTo("L-1");
    assertThat(first.stringAttribute("agent")).contains("a");
    assertThat(first.stringAttribute("rule")).contains("manual");
  }

  @Test
  void ownerAffinityGivesTheLeadToTheExistingOwnerWhenItCanTakeIt() {
    RoutingPolicy base = Fixtures.onePool("round-robin", "a", "b");
    RoutingPolicy policy = new RoutingPolicy(1, "aff", "UTC", false, true, null, base.pools(), base.rules());
    RoutingEngine engine = RoutingEngine.builder().policy(policy)
        .directory(Fixtures.directory(agent("a", 1), Fixtures.capped("b", 1)))
        .duplicates(lead -> lead.company().isPresent() ? Optional.of(AgentId.of("b")) : Optional.empty())
        .build();
    RoutingDecision first = engine.route(lead("L-1").company("Acme").build(), T0);
    assertThat(first.target()).isEqualTo("b");
    assertThat(first.ruleId()).isEqualTo("owner-affinity");
    RoutingDecision capped = engine.route(lead("L-2").company("Acme").build(), T0);
    assertThat(capped.target()).isEqualTo("a");
    assertThat(capped.trace().ownerAffinity()).isEqualTo("owner-excluded:b");
    assertThat(engine.route(lead("L-3").build(), T0).trace().ownerAffinity()).isEqualTo("none");
  }

  @Test
  void dryRunReportsTheDistributionWithoutTouchingTheLiveLedger() {
    InMemoryAssignmentLedger live = new InMemoryAssignmentLedger();
    RecordingEventPublisher events = new RecordingEventPublisher();
    RoutingEngine engine = RoutingEngine.builder().policy(CHAIN).directory(chainDirectory(2)).ledger(live)
        .events(events).build();
    List<Lead> stream = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      stream.add(hot(i));
    }
    stream.add(lead("cold").rating(LeadRating.COLD).receivedAt(T0).build());
    DryRunReport report = engine.dryRun(stream);
    assertThat(report.perAgent()).containsExactly(java.util.Map.entry("boss", 2), java.util.Map.entry("d1", 1),
        java.util.Map.entry("d2", 1), java.util.Map.entry("r-cn", 1));
    assertThat(report.unassignedByReason()).containsExactly(java.util.Map.entry("no-dealer", 1),
        java.util.Map.entry("no-rule-matched", 1));
    // d1 was capped for leads 2..6 (5 times), d2 for 3..6, r-cn for 4..6, boss for lead 6
    assertThat(report.capHits()).containsExactly(java.util.Map.entry("boss", 1), java.util.Map.entry("d1", 5),
        java.util.Map.entry("d2", 4), java.util.Map.entry("r-cn", 3));
    assertThat(report.leads()).isEqualTo(7);
    assertThat(live.counters(AgentId.of("d1"), T0, ZoneId.of("UTC"))).isEqualTo(
        io.github.crmkit.routing.port.AgentCounters.NONE);
    assertThat(events.events()).isEmpty();
  }

  @Test
  void publishesOneEventPerDecisionWithIdsOnly() {
    RecordingEventPublisher events = new RecordingEventPublisher();
    RoutingEngine engine = RoutingEngine.builder().policy(CHAIN).directory(chainDirectory(1)).events(events)
        .eventIds(new java.util.function.Supplier<>() {
          private int next;

          @Override
          public String get() {
            return "e-" + ++next;
          }
        }).build();
    engine.route(hot(1), T0);
    engine.route(lead("cold").build(), T0);
    assertThat(events.events()).extracting(DomainEvent::eventId).containsExactly("e-1", "e-2");
    assertThat(events.events()).extracting(DomainEvent::type).containsExactly("lead.assigned", "lead.unassigned");
    assertThat(events.events().get(1).stringAttribute("reason")).contains("no-rule-matched");
  }

  @Test
  void buildingFailsOnUnknownAgentsTeamsAndTerritoriesWithPaths() {
    RoutingPolicy policy = RoutingPolicy.of("p", List.of(new PoolDefinition("p", List.of("a", "ghost"), "no-team",
        "round-robin", null, null, false, 0, null, null, null, null)),
        List.of(new RuleEntry("r", Condition.inTerritory("atlantis"), Target.pool("p"),
            List.of(Target.agent("nobody")))));
    assertThatThrownBy(() -> Fixtures.engine(policy, Fixtures.directory(agent("a", 1))))
        .isInstanceOfSatisfying(RoutingPolicyException.class, e -> assertThat(e.problems())
            .extracting(PolicyProblem::toString).containsExactly(
                "$.pools[0].members[1]: unknown agent 'ghost'",
                "$.pools[0].team: unknown team 'no-team'",
                "$.rules[0].when.value: unknown territory 'atlantis'",
                "$.rules[0].fallback[0].agent: unknown agent 'nobody'"));
  }

  @Test
  void smoothingSpreadsAMonthlyCapOverTheDays() {
    RoutingPolicy base = Fixtures.onePool("round-robin", "a");
    RoutingPolicy smooth = new RoutingPolicy(1, "s", "UTC", true, false, null, base.pools(), base.rules());
    RoutingEngine engine = Fixtures.engine(smooth, Fixtures.directory(
        agent("a").capacity(Capacity.builder().maxPerMonth(61).build()).build()));
    // ceil(61 / 30) = 3 a day
    List<String> day1 = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      day1.add(Fixtures.target(engine.route(lead(i), T0)));
    }
    assertThat(day1).containsExactly("a", "a", "a", "UNASSIGNED:nobody-left");
    assertThat(Fixtures.target(engine.route(lead(9), T0.plusSeconds(86_400)))).isEqualTo("a");
  }
}
