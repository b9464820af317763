package io.github.crmkit.routing;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.DomainEvent;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.model.Territory;
import io.github.crmkit.model.WorkingCalendar;
import io.github.crmkit.model.WorkingHours;
import io.github.crmkit.model.port.AgentDirectory;
import io.github.crmkit.model.port.DomainEventPublisher;
import io.github.crmkit.routing.port.AgentCounters;
import io.github.crmkit.routing.port.AssignmentLedger;
import io.github.crmkit.routing.port.CandidateCounters;
import io.github.crmkit.routing.port.DuplicateFinder;
import io.github.crmkit.routing.port.Reservation;
import io.github.crmkit.routing.port.ReservationRequest;
import io.github.crmkit.routing.spi.CandidateFilter;
import io.github.crmkit.routing.spi.SelectionContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The lead-distribution engine: a {@link RoutingPolicy} compiled once, with a snapshot of the agents, teams and
 * territories, into an immutable object that routes leads. Each decision evaluates the rules in order (first match
 * wins; conditions are compiled into a flat evaluator), then tries the rule's target and its fallback chain: for a
 * pool, the members pass the static filters (active, skills, languages), availability (working hours, holidays,
 * out-of-office), plugin filters and capacity, the pool's strategy chooses one, and the {@link AssignmentLedger}
 * reserves it atomically. A lead nobody can take is returned unassigned with the reason, never lost; a lead with
 * missing fields only fails the conditions that need them.
 *
 * <p>Modes: {@link #route} (one lead now), {@link #routeBatch} (every lead exactly one outcome),
 * {@link #dryRun} (a historical stream against a scratch ledger, the live state untouched), {@link #assign} and
 * {@link #reassign} (manual, counted for fairness). Given the same policy, agents, ledger state and seed, a decision
 * replays identically. Events ({@code lead.assigned}, {@code lead.reassigned}, {@code lead.queued},
 * {@code lead.pooled}, {@code lead.unassigned}) go to the {@link DomainEventPublisher}; an exception the publisher
 * throws propagates to the caller after the decision was recorded.
 *
 * <p>When agents change (an absence, a new hire), build a new engine: compiling is fast and the state is in the
 * ledger. Immutable and thread-safe; concurrent routing is safe as far as the ledger is (the in-memory one is).
 */
public final class RoutingEngine {
  private static final String[] NO_STRINGS = new String[0];
  /**
   * What trying an agent returns, and a pool's attempt has as its result, when the lead is owned already: told apart
   * from an agent's id or another result by identity, so that an agent whose id reads the same is still an agent.
   */
  private static final String ALREADY_ASSIGNED = new String("already-assigned");

  private final RoutingPolicy policy;
  private final ZoneId policyZone;
  private final long seed;
  private final AssignmentLedger ledger;
  private final DomainEventPublisher events;
  private final Clock clock;
  private final DuplicateFinder duplicates;
  private final Supplier<String> eventIds;
  private final RoutingPlugins plugins;
  private final AgentDirectory directory;

  private final Agent[] agents;
  private final AgentId[] agentIds;
  private final ZoneId[] agentZones;
  /** Each agent's weight, so that weighted strategies read an array, not the agents of a rarely used pool. */
  private final double[] agentWeights;
  private final Capacity[] agentCaps;
  private final int[][] agentCapArrays;
  private final Map<String, Integer> agentIndex = new HashMap<>();
  private final TerritoryIndex territories;
  private final CompiledConditions conditions;
  private final String[] ruleIds;
  private final int[] ruleRoots;
  private final CompiledConditions.RuleFilter ruleFilter;
  /** The rules as the traces explain them. */
  private final RuleCheckList.Rules ruleSet;
  private final CompiledTarget[][] chains;
  private final CompiledPool[] pools;
  private final CompiledPool[] territoryPools;
  private final boolean hasPreferences;
  private final ThreadLocal<Scratch> scratches;

  /** One step of a rule's chain. */
  private record CompiledTarget(Target.Kind kind, String ref, int index, String label) {}

  private RoutingEngine(Builder b) {
    this.policy = b.policy;
    this.policyZone = ZoneId.of(policy.zone());
    this.seed = b.seed;
    this.ledger = b.ledger;
    this.events = b.events;
    this.clock = b.clock;
    this.duplicates = b.duplicates;
    this.eventIds = b.eventIds;
    this.plugins = b.plugins;
    this.directory = b.directory;

    List<Agent> list = new ArrayList<>(directory.agents());
    list.sort((x, y) -> x.id().compareTo(y.id()));
    agents = list.toArray(new Agent[0]);
    agentIds = new AgentId[agents.length];
    agentZones = new ZoneId[agents.length];
    agentWeights = new double[agents.length];
    agentCaps = new Capacity[agents.length];
    agentCapArrays = new int[agents.length][];
    for (int i = 0; i < agents.length; i++) {
      agentIds[i] = agents[i].id();
      agentIndex.put(agentIds[i].value(), i);
      agentZones[i] = agents[i].calendar().map(WorkingCalendar::zone).orElse(policyZone);
      agentWeights[i] = agents[i].weight();
      agentCaps[i] = smooth(agents[i].capacity());
      agentCapArrays[i] = capArray(agentCaps[i]);
    }
    List<Territory> territoryList = directory.territories();
    territories = new TerritoryIndex(territoryList);
    Set<String> teams = new HashSet<>();
    for (Agent agent : agents) {
      agent.team().ifPresent(t -> teams.add(t.value()));
    }
    for (PoolDefinition pool : policy.pools()) {
      if (pool.team() != null && directory.team(io.github.crmkit.model.TeamId.of(pool.team())).isPresent()) {
        teams.add(pool.team());
      }
    }
    Set<String> territoryIds = new HashSet<>();
    for (Territory t : territoryList) {
      territoryIds.add(t.id().value());
    }
    List<PolicyProblem> problems = PolicyValidator.validate(policy, plugins,
        new PolicyValidator.Known(agentIndex.keySet(), teams, territoryIds));
    if (!problems.isEmpty()) {
      throw new RoutingPolicyException(problems);
    }

    // conditions: the rules' and the pools' preferences, compiled together
    List<Condition> all = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < policy.rules().size(); i++) {
      all.add(policy.rules().get(i).when());
      paths.add("$.rules[" + i + "].when");
    }
    for (int p = 0; p < policy.pools().size(); p++) {
      for (Map.Entry<String, Condition> e : policy.pools().get(p).preferences().entrySet()) {
        all.add(e.getValue());
        paths.add(PolicyJson.child("$.pools[" + p + "].preferences", e.getKey()));
      }
    }
    int[] roots = new int[all.size()];
    conditions = CompiledConditions.compile(all, paths, plugins, territories, policyZone, roots);
    int rules = policy.rules().size();
    ruleIds = new String[rules];
    ruleRoots = Arrays.copyOf(roots, rules);
    for (int i = 0; i < rules; i++) {
      ruleIds[i] = policy.rules().get(i).id();
    }
    ruleFilter = conditions.new RuleFilter(ruleRoots);
    ruleSet = new RuleCheckList.Rules(ruleIds, ruleRoots, conditions, territories);

    Map<String, Integer> poolIndex = new HashMap<>();
    for (int p = 0; p < policy.pools().size(); p++) {
      poolIndex.put(policy.pools().get(p).id(), p);
    }
    pools = new CompiledPool[policy.pools().size()];
    int preferenceRoot = rules;
    boolean preferences = false;
    for (int p = 0; p < pools.length; p++) {
      PoolDefinition def = policy.pools().get(p);
      Map<String, Integer> preferenceNodes = new HashMap<>();
      for (String member : def.preferences().keySet()) {
        preferenceNodes.put(member, roots[preferenceRoot++]);
        preferences = true;
      }
      pools[p] = compilePool(p, def, poolIndex, preferenceNodes);
    }
    hasPreferences = preferences;
    territoryPools = new CompiledPool[territories.size()];
    for (int t = 0; t < territoryPools.length; t++) {
      List<Integer> members = new ArrayList<>();
      for (int a = 0; a < agents.length; a++) {
        if (agents[a].territories().contains(territories.ids[t])) {
          members.add(a);
        }
      }
      territoryPools[t] = compileMembers(pools.length + t, "territory:" + territories.ids[t].value(),
          "territoryPool:" + territories.ids[t].value(), policy.territoryStrategy(), members, List.of(), List.of(),
          Capacity.unlimited(), false, 0, List.of(), -1, Map.of());
    }
    int largest = 1;
    for (CompiledPool pool : pools) {
      largest = Math.max(largest, pool.members.length);
    }
    for (CompiledPool pool : territoryPools) {
      largest = Math.max(largest, pool.members.length);
    }
    int scratchSize = largest;
    int poolCount = pools.length + territoryPools.length;
    int ruleWords = (ruleIds.length + 63) >>> 6;
    scratches = ThreadLocal.withInitial(() -> new Scratch(scratchSize, poolCount, ruleWords));
    chains = new CompiledTarget[rules][];
    for (int r = 0; r < rules; r++) {
      RuleEntry rule = policy.rules().get(r);
      List<CompiledTarget> chain = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      List<Target> targets = new ArrayList<>();
      targets.add(rule.target());
      targets.addAll(rule.fallback());
      for (Target target : targets) {
        if (target.kind() == Target.Kind.POOL) {
          int p = poolIndex.get(target.ref());
          while (p >= 0 && seen.add("pool:" + pools[p].id)) {
            chain.add(new CompiledTarget(Target.Kind.POOL, pools[p].id, p, pools[p].label));
            p = pools[p].overflow;
          }
        } else if (seen.add(target.toString())) {
          int index = target.kind() == Target.Kind.AGENT ? agentIndex.get(target.ref()) : -1;
          chain.add(new CompiledTarget(target.kind(), target.ref(), index, target.toString()));
        }
      }
      chains[r] = chain.toArray(new CompiledTarget[0]);
    }
  }

  private Capacity smooth(Capacity caps) {
    if (!policy.smoothMonthlyCaps() || caps.maxPerMonth().isEmpty()) {
      return caps;
    }
    int daily = (caps.maxPerMonth().getAsInt() + 29) / 30;
    if (caps.maxPerDay().isPresent() && caps.maxPerDay().getAsInt() <= daily) {
      return caps;
    }
    return caps.toBuilder().maxPerDay(daily).build();
  }

  private static OptionalInt min(OptionalInt a, OptionalInt b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return OptionalInt.of(Math.min(a.getAsInt(), b.getAsInt()));
  }

  private CompiledPool compilePool(int index, PoolDefinition def, Map<String, Integer> poolIndex,
      Map<String, Integer> preferenceNodes) {
    Set<Integer> members = new java.util.TreeSet<>();
    for (String member : def.members()) {
      members.add(agentIndex.get(member));
    }
    if (def.team() != null) {
      for (int a = 0; a < agents.length; a++) {
        if (agents[a].team().isPresent() && agents[a].team().get().value().equals(def.team())) {
          members.add(a);
        }
      }
    }
    return compileMembers(index, "pool:" + def.id(), "pool:" + def.id(), def.strategy(), new ArrayList<>(members),
        def.requiredSkills(), def.requiredLanguages(), def.caps(), def.requireAvailable(),
        def.availableWithinHours(), def.filters(), def.overflow() == null ? -1 : poolIndex.get(def.overflow()),
        preferenceNodes);
  }

  private CompiledPool compileMembers(int index, String scope, String label, String strategy, List<Integer> memberList,
      List<String> skills, List<String> languages, Capacity poolCaps, boolean requireAvailable, int withinHours,
      List<String> filterNames, int overflow, Map<String, Integer> preferenceNodes) {
    int n = memberList.size();
    int[] members = new int[n];
    String[] ids = new String[n];
    String[] exclusion = new String[n];
    Capacity[] caps = new Capacity[n];
    int[] preference = new int[n];
    for (int i = 0; i < n; i++) {
      int a = memberList.get(i);
      members[i] = a;
      ids[i] = agentIds[a].value();
      Agent agent = agents[a];
      exclusion[i] = staticExclusion(agent, skills, languages);
      Capacity own = agent.capacity();
      caps[i] = poolCaps.isUnlimited() ? agentCaps[a] : smooth(Capacity.builder()
          .maxPerDay(min(own.maxPerDay(), poolCaps.maxPerDay()))
          .maxPerWeek(min(own.maxPerWeek(), poolCaps.maxPerWeek()))
          .maxPerMonth(min(own.maxPerMonth(), poolCaps.maxPerMonth()))
          .maxPerRolling30Days(min(own.maxPerRolling30Days(), poolCaps.maxPerRolling30Days()))
          .maxOpen(min(own.maxOpen(), poolCaps.maxOpen()))
          .build());
      preference[i] = preferenceNodes.getOrDefault(agentIds[a].value(), -1);
    }
    CandidateFilter[] filters = new CandidateFilter[filterNames.size()];
    for (int i = 0; i < filters.length; i++) {
      filters[i] = plugins.filter(filterNames.get(i));
    }
    return new CompiledPool(index, label.substring(label.indexOf(':') + 1), label, scope, strategy,
        plugins.strategy(strategy), members, ids, exclusion, caps, filters, filterNames.toArray(NO_STRINGS),
        requireAvailable, withinHours, overflow, preference);
  }

  private static String staticExclusion(Agent agent, List<String> skills, List<String> languages) {
    if (!agent.active()) {
      return "inactive";
    }
    for (String skill : skills) {
      if (!agent.skills().contains(skill)) {
        return "missing-skill:" + skill;
      }
    }
    for (String language : languages) {
      String wanted = Locale.forLanguageTag(language).getLanguage();
      boolean speaks = false;
      for (String spoken : agent.languages()) {
        speaks |= spoken.equals(language)
            || !language.contains("-") && Locale.forLanguageTag(spoken).getLanguage().equals(wanted);
      }
      if (!speaks) {
        return "missing-language:" + language;
      }
    }
    return null;
  }

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The compiled policy.
   *
   * @return the policy
   */
  public RoutingPolicy policy() {
    return policy;
  }

  /**
   * The ledger this engine records in.
   *
   * @return the ledger
   */
  public AssignmentLedger ledger() {
    return ledger;
  }

  // ---------------------------------------------------------------------------------------------- single decisions

  /**
   * Routes one lead now (the engine's clock), records the assignment and publishes the event.
   *
   * @param lead the lead
   * @return the decision
   */
  public RoutingDecision route(Lead lead) {
    return route(lead, clock.instant());
  }

  /**
   * Routes one lead at a given instant, records the assignment and publishes the event.
   *
   * @param lead the lead
   * @param now the decision's instant
   * @return the decision
   */
  public RoutingDecision route(Lead lead, Instant now) {
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(now, "now");
    RoutingDecision decision = decide(lead, now, ledger);
    publish(decision, null);
    return decision;
  }

  private RoutingDecision decide(Lead lead, Instant now, AssignmentLedger state) {
    Scratch scratch = scratches.get();
    if (scratch.busy) { // re-entered: a plugin routing from inside a decision
      scratch = scratch.another(scratch.member.length);
    }
    scratch.busy = true;
    try {
      return decide(lead, now, state, scratch);
    } finally {
      scratch.busy = false;
    }
  }

  private RoutingDecision decide(Lead lead, Instant now, AssignmentLedger state, Scratch scratch) {
    List<DecisionTrace.TargetAttempt> attempts = scratch.attempts.reset(); // the trace copies what it keeps
    String affinity = "off";
    if (policy.ownerAffinity()) {
      affinity = ownerAffinity(lead, now, state, attempts);
      if (affinity.startsWith("assigned")) {
        String owner = affinity.substring("assigned:".length());
        DecisionTrace trace = DecisionTrace.withoutRules(policy.revision(), seed, affinity, attempts);
        return new RoutingDecision(lead.id(), Outcome.ASSIGNED, owner, "owner-affinity", null, now, trace);
      }
      if (affinity.equals("already-assigned")) {
        return alreadyAssigned(lead, DecisionTrace.withoutRules(policy.revision(), seed, affinity, attempts), now,
            null);
      }
    }
    if (scratch.facts == null) {
      scratch.facts = new LeadFacts(conditions, territories);
    }
    LeadFacts facts = scratch.facts.load(lead);
    int matched = ruleFilter.firstMatch(facts, scratch.ruleWords);
    if (matched < 0) {
      DecisionTrace trace = trace(affinity, lead, matched, attempts);
      return new RoutingDecision(lead.id(), Outcome.UNASSIGNED, null, null, "no-rule-matched", now, trace);
    }
    String ruleId = ruleIds[matched];
    for (CompiledTarget target : chains[matched]) {
      switch (target.kind()) {
        case QUEUE -> {
          attempts.add(new DecisionTrace.TargetAttempt(target.label(), null, List.of(), null, null, "queued"));
          return new RoutingDecision(lead.id(), Outcome.QUEUED, target.ref(), ruleId, null, now,
              trace(affinity, lead, matched, attempts));
        }
        case PUBLIC_POOL -> {
          attempts.add(new DecisionTrace.TargetAttempt(target.label(), null, List.of(), null, null, "pooled"));
          return new RoutingDecision(lead.id(), Outcome.POOLED, target.ref(), ruleId, null, now,
              trace(affinity, lead, matched, attempts));
        }
        case UNASSIGNED -> {
          attempts.add(new DecisionTrace.TargetAttempt(target.label(), null, List.of(), null, null, "unassigned"));
          return new RoutingDecision(lead.id(), Outcome.UNASSIGNED, null, ruleId, target.ref(), now,
              trace(affinity, lead, matched, attempts));
        }
        case AGENT -> {
          String result = tryAgent(lead, now, state, target.index(), target.label(), attempts);
          if (result != null) {
            return finish(lead, now, state, result, ruleId, affinity, matched, attempts);
          }
        }
        case TERRITORY_POOL -> {
          int t = facts.territory();
          if (t >= 0 && target.ref().equals("parent")) {
            t = territories.parent[t];
          }
          if (t < 0) {
            attempts.add(new DecisionTrace.TargetAttempt(target.label(), null, List.of(), null, null,
                target.ref().equals("parent") ? "no-parent-territory" : "no-territory"));
          } else {
            DecisionTrace.TargetAttempt a = tryPool(lead, now, state, territoryPools[t], facts, scratch);
            if (a.chosenAgent() != null || a.result() == ALREADY_ASSIGNED) {
              return finish(lead, now, ruleId, affinity, matched, attempts, a);
            }
            attempts.add(a);
          }
        }
        default -> {
          DecisionTrace.TargetAttempt a = tryPool(lead, now, state, pools[target.index()], facts, scratch);
          if (a.chosenAgent() != null || a.result() == ALREADY_ASSIGNED) {
            return finish(lead, now, ruleId, affinity, matched, attempts, a);
          }
          attempts.add(a);
        }
      }
    }
    DecisionTrace trace = trace(affinity, lead, matched, attempts);
    return new RoutingDecision(lead.id(), Outcome.UNASSIGNED, null, ruleId, "no-eligible-candidate", now, trace);
  }

  /**
   * The decision's trace: the rules it evaluated are explained when read. Made once the targets are tried, not
   * before: the stores of a new object would otherwise still be pending when the ledger takes its lock, which waits
   * for them.
   */
  private DecisionTrace trace(String affinity, Lead lead, int matched, List<DecisionTrace.TargetAttempt> attempts) {
    return DecisionTrace.of(policy.revision(), seed, affinity, ruleSet, lead, matched, attempts);
  }

  private RoutingDecision finish(Lead lead, Instant now, AssignmentLedger state, String result, String ruleId,
      String affinity, int matched, List<DecisionTrace.TargetAttempt> attempts) {
    if (result == ALREADY_ASSIGNED) {
      return alreadyAssigned(lead, trace(affinity, lead, matched, attempts), now, ruleId);
    }
    DecisionTrace trace = trace(affinity, lead, matched, attempts);
    return new RoutingDecision(lead.id(), Outcome.ASSIGNED, result, ruleId, null, now, trace);
  }

  /**
   * The decision after a pool's attempt {@code last} chose an agent or found the lead owned; the attempts before it
   * are in {@code attempts}, and {@code last} is passed apart (see {@link DecisionTrace#of(String, long, String,
   * RuleCheckList.Rules, Lead, int, List, DecisionTrace.TargetAttempt)}).
   */
  private RoutingDecision finish(Lead lead, Instant now, String ruleId, String affinity, int matched,
      List<DecisionTrace.TargetAttempt> attempts, DecisionTrace.TargetAttempt last) {
    DecisionTrace trace = DecisionTrace.of(policy.revision(), seed, affinity, ruleSet, lead, matched, attempts, last);
    String agent = last.chosenAgent();
    return agent == null ? alreadyAssigned(lead, trace, now, ruleId)
        : new RoutingDecision(lead.id(), Outcome.ASSIGNED, agent, ruleId, null, now, trace);
  }

  private static RoutingDecision alreadyAssigned(Lead lead, DecisionTrace trace, Instant now, String ruleId) {
    return new RoutingDecision(lead.id(), Outcome.UNASSIGNED, null, ruleId, "already-assigned", now, trace);
  }

  private String ownerAffinity(Lead lead, Instant now, AssignmentLedger state,
      List<DecisionTrace.TargetAttempt> attempts) {
    Optional<AgentId> owner;
    try {
      owner = duplicates.existingOwner(lead);
    } catch (RuntimeException e) {
      return "error:" + e.getClass().getSimpleName();
    }
    if (owner.isEmpty()) {
      return "none";
    }
    Integer a = agentIndex.get(owner.get().value());
    if (a == null) {
      return "owner-unknown:" + owner.get().value();
    }
    String result = tryAgent(lead, now, state, a, "ownerAffinity:" + owner.get().value(), attempts);
    if (result == null) {
      return "owner-excluded:" + owner.get().value();
    }
    return result == ALREADY_ASSIGNED ? "already-assigned" : "assigned:" + result;
  }

  /** Tries one agent: returns its id if reserved, {@link #ALREADY_ASSIGNED} if the lead is owned, or null. */
  private String tryAgent(Lead lead, Instant now, AssignmentLedger state, int a, String label,
      List<DecisionTrace.TargetAttempt> attempts) {
    String id = agentIds[a].value();
    if (!agents[a].active()) {
      attempts.add(new DecisionTrace.TargetAttempt(label, null,
          List.of(new DecisionTrace.CandidateCheck(id, "inactive")), null, null, "no-eligible-candidate"));
      return null;
    }
    // the same check as a pool's candidates: one batch read, the caps as numbers
    int[] caps = agentCapArrays[a];
    CandidateCounters batch = new CandidateCounters(1).request(now, null);
    batch.add(agentIds[a], agentZones[a]);
    state.read(batch);
    int refusing = refusingCap(caps, batch, 0);
    String cap = refusing < 0 ? null : CAP_NAMES[refusing];
    if (cap == null) {
      Reservation r = state.reserve(new ReservationRequest(lead.id(), agentIds[a], now, agentZones[a],
          agentCaps[a], null, false, false, false));
      if (r.reserved()) {
        attempts.add(new DecisionTrace.TargetAttempt(label, null,
            List.of(new DecisionTrace.CandidateCheck(id, null)), null, null, "chosen:" + id));
        return id;
      }
      if (r.status() == Reservation.Status.ALREADY_ASSIGNED) {
        attempts.add(new DecisionTrace.TargetAttempt(label, null,
            List.of(new DecisionTrace.CandidateCheck(id, null)), null, null, "already-assigned"));
        return ALREADY_ASSIGNED;
      }
      cap = r.cap();
    }
    attempts.add(new DecisionTrace.TargetAttempt(label, null,
        List.of(new DecisionTrace.CandidateCheck(id, "capped:" + cap)), null, null, "no-eligible-candidate"));
    return null;
  }

  /**
   * Tries a pool: returns the attempt, which names the chosen agent ({@link DecisionTrace.TargetAttempt#chosenAgent})
   * or has the result {@link #ALREADY_ASSIGNED} if the lead is owned, or neither.
   */
  private DecisionTrace.TargetAttempt tryPool(Lead lead, Instant now, AssignmentLedger state, CompiledPool pool,
      LeadFacts facts, Scratch scratch) {
    int n = pool.members.length;
    if (scratch.member.length < n) { // a bigger pool than planned
      scratch = scratch.another(n);
    }
    return tryPool(lead, now, state, pool, facts, scratch, scratch.batch(pool));
  }

  /*
   * A pool decision in phases, each its own method: the compiler then compiles each with its own inlining budget.
   * As one method, the budget ran out before the capacity checks, the strategy and the reservation, which were
   * then called rather than inlined, and the reservation request could no longer be scalar-replaced.
   */
  private DecisionTrace.TargetAttempt tryPool(Lead lead, Instant now, AssignmentLedger state, CompiledPool pool,
      LeadFacts facts, Scratch scratch, CandidateCounters batch) {
    int[] member;
    int m;
    if (pool.fixed && batch.requested()) { // the same candidates as the pool's previous decision on this thread
      batch.requestAgain(now);
      member = pool.fixedMember;
      m = member.length;
      if (scratch.excluded != pool.staticExclusion) { // shared: copied before the first exclusion is written
        scratch.excluded = pool.staticExclusion; // (a reference stored only when it changes: see LeadFacts)
      }
    } else {
      batch.request(now, pool.scope, pool.windows);
      member = scratch.member;
      scratch.excluded = new String[pool.members.length];
      m = collect(lead, now, pool, scratch.excluded, member, batch);
    }
    if (m > 0) {
      state.read(batch);
    }
    int count = eligible(pool, member, scratch, batch, m);
    return choose(lead, now, state, pool, facts, member, scratch, batch, m, count);
  }

  /** Adds the pool's members that pass the static filters, availability and plugin filters to the batch. */
  private int collect(Lead lead, Instant now, CompiledPool pool, String[] excluded, int[] member,
      CandidateCounters batch) {
    int n = pool.members.length;
    for (int i = 0; i < n; i++) {
      int a = pool.members[i];
      String why = pool.staticExclusion[i];
      if (why == null && pool.requireAvailable && !available(agents[a], now, pool.withinHours)) {
        why = "unavailable";
      }
      if (why == null && pool.filters.length > 0) {
        why = pluginFilters(pool, agents[a], lead, now);
      }
      if (why == null) {
        member[batch.add(agentIds[a], agentZones[a])] = i; // the member index of each candidate read
      } else {
        excluded[i] = why; // the array is new: only exclusions are written
      }
    }
    return batch.size();
  }

  /**
   * Records why member {@code i} is excluded. The exclusions may still be the pool's shared static ones, which are
   * never written: they are copied first.
   */
  private static void exclude(CompiledPool pool, Scratch scratch, int i, String why) {
    String[] excluded = scratch.excluded;
    if (excluded == pool.staticExclusion) {
      excluded = excluded.clone();
      scratch.excluded = excluded;
    }
    excluded[i] = why;
  }

  /** Marks the capped candidates excluded; returns how many are eligible, listed in {@code scratch.eligible}. */
  private static int eligible(CompiledPool pool, int[] member, Scratch scratch, CandidateCounters batch, int m) {
    long[] free = scratch.free;
    int[] eligible = scratch.eligible; // candidate positions, ascending
    int count = 0;
    int[] shared = pool.sharedCaps;
    // caps every member shares, per day and on open items only (the usual ones): read once, not per candidate
    boolean usual = shared != null && shared[1] < 0 && shared[2] < 0 && shared[3] < 0;
    int perDay = usual ? shared[0] : -1;
    int open = usual ? shared[4] : -1;
    for (int k = 0; k < m; k++) {
      int[] caps = usual ? shared : pool.capArrays[member[k]];
      long left = usual ? dayAndOpenFree(perDay, open, batch, k) : freeCapacity(caps, batch, k);
      if (left <= 0) { // some cap refuses one more: name the first, in the in-memory ledger's order
        exclude(pool, scratch, member[k], CAPPED[refusingCap(caps, batch, k)]);
      } else {
        free[k] = left;
        eligible[count++] = k;
      }
    }
    return count;
  }

  /** Selects and reserves among the eligible candidates; returns the attempt. */
  private DecisionTrace.TargetAttempt choose(Lead lead, Instant now, AssignmentLedger state, CompiledPool pool,
      LeadFacts facts, int[] member, Scratch scratch, CandidateCounters batch, int m, int count) {
    int[] eligible = scratch.eligible;
    String result = "no-eligible-candidate";
    long[] granted = null;
    if (pool.strategy == CompiledPool.LEVELLING) {
      granted = scratch.granted;
      Arrays.fill(granted, 0, m, 0L);
    }
    long[] step = scratch.step;
    while (count > 0) {
      step[0] = -1;
      int pick = select(pool, eligible, count, member, batch, scratch.free, scratch.weights, facts, state, granted,
          step);
      int i = member[pick];
      Reservation r = state.reserve(lead.id(), pool.caps[i], batch, pick);
      if (r.reserved()) {
        // the agent's id is the pool's copy, so that the id object is not read
        return DecisionTrace.TargetAttempt.chose(pool.label, pool.strategyName, pool.memberIds,
            scratch.excluded, pool.chosen[i], pool.memberIds[i], batch.scopeAssigned(pick), batch.scopeCredits(pick),
            batch.scopeLastEligibleStep(pick), batch.total(pick), batch.lastAssignedEpochMilli(pick),
            granted == null ? 0 : granted[pick], step[0]);
      }
      if (r.status() == Reservation.Status.ALREADY_ASSIGNED) {
        result = ALREADY_ASSIGNED;
        break;
      }
      exclude(pool, scratch, i, "capped:" + r.cap()); // another caller took the last place meanwhile
      int at = 0;
      while (eligible[at] != pick) {
        at++;
      }
      System.arraycopy(eligible, at + 1, eligible, at, count - at - 1);
      count--;
    }
    return DecisionTrace.TargetAttempt.lazy(pool.label, pool.strategyName, pool.memberIds, scratch.excluded, result);
  }

  /**
   * A decision's attempts, reused from one decision to the next: emptied by forgetting its size, without clearing
   * (the previous decision's attempts stay referenced until overwritten; its trace holds its own copy).
   */
  private static final class AttemptBuffer extends java.util.AbstractList<DecisionTrace.TargetAttempt> {
    private DecisionTrace.TargetAttempt[] items = new DecisionTrace.TargetAttempt[4];
    private int size;

    AttemptBuffer reset() {
      size = 0;
      return this;
    }

    @Override
    public boolean add(DecisionTrace.TargetAttempt attempt) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = Objects.requireNonNull(attempt, "attempt");
      return true;
    }

    @Override
    public DecisionTrace.TargetAttempt get(int index) {
      Objects.checkIndex(index, size);
      return items[index];
    }

    @Override
    public int size() {
      return size;
    }
  }

  /**
   * Per-thread working arrays of decisions, so that a decision allocates only what its trace keeps. Sized for the
   * largest pool; a decision that finds it in use (a plugin routing from inside a decision) takes a new one.
   */
  private static final class Scratch {
    final CandidateCounters[] batches;
    final int[] member;
    final long[] free;
    final int[] eligible;
    final long[] granted;
    /** The weights a random strategy draws by, per eligible candidate. */
    final double[] weights;
    final long[] step = new long[1];
    final long[] ruleWords;
    final AttemptBuffer attempts = new AttemptBuffer();
    /**
     * The current pool decision's exclusions, by member, which its trace keeps: a new array, or the pool's shared
     * static exclusions until a candidate is excluded.
     */
    String[] excluded;
    /** The decision's lead facts, loaded anew by each decision. */
    LeadFacts facts;
    boolean busy;

    Scratch(int size, int pools, int ruleWords) {
      this.ruleWords = new long[ruleWords];
      batches = new CandidateCounters[pools];
      member = new int[size];
      free = new long[size];
      eligible = new int[size];
      granted = new long[size];
      weights = new double[size];
    }

    /** A new scratch like this one, for pools of up to {@code size} members. */
    Scratch another(int size) {
      return new Scratch(size, batches.length, ruleWords.length);
    }

    /** The pool's own batch, so that the ledger's per-candidate handles stay valid from one decision to the next. */
    CandidateCounters batch(CompiledPool pool) {
      CandidateCounters batch = batches[pool.index];
      return batch != null ? batch : newBatch(pool);
    }

    /** Apart, so that the compiler keeps this rare path out of the decision's compiled code. */
    private CandidateCounters newBatch(CompiledPool pool) {
      CandidateCounters batch = new CandidateCounters(pool.members.length);
      batches[pool.index] = batch;
      return batch;
    }
  }

  private String pluginFilters(CompiledPool pool, Agent agent, Lead lead, Instant now) {
    for (int f = 0; f < pool.filters.length; f++) {
      String code;
      try {
        code = pool.filters[f].exclude(agent, lead, now);
      } catch (RuntimeException e) {
        code = "error";
      }
      if (code != null) {
        return "filter:" + pool.filterNames[f] + ":" + code;
      }
    }
    return null;
  }

  /** The caps per day, week, month, rolling 30 days and open items, -1 where there is none. */
  static int[] capArray(Capacity caps) {
    return new int[] {caps.maxPerDay().orElse(-1), caps.maxPerWeek().orElse(-1), caps.maxPerMonth().orElse(-1),
        caps.maxPerRolling30Days().orElse(-1), caps.maxOpen().orElse(-1)};
  }

  private static final String[] CAP_NAMES = {"max-per-day", "max-per-week", "max-per-month",
      "max-per-rolling-30-days", "max-open"};
  private static final String[] CAPPED = new String[CAP_NAMES.length];

  static {
    for (int k = 0; k < CAP_NAMES.length; k++) {
      CAPPED[k] = "capped:" + CAP_NAMES[k];
    }
  }

  /** The first cap (0 day .. 4 open) that refuses one more assignment, or -1; the in-memory ledger's order. */
  static int refusingCap(int[] caps, CandidateCounters c, int k) {
    if (caps[0] >= 0 && c.day(k) >= caps[0]) {
      return 0;
    }
    if (caps[1] >= 0 && c.week(k) >= caps[1]) {
      return 1;
    }
    if (caps[2] >= 0 && c.month(k) >= caps[2]) {
      return 2;
    }
    if (caps[3] >= 0 && c.rolling30Days(k) >= caps[3]) {
      return 3;
    }
    if (caps[4] >= 0 && c.open(k) >= caps[4]) {
      return 4;
    }
    return -1;
  }

  /** The assignments the caps still allow (Long.MAX_VALUE without caps); reads only the counters a cap uses. */
  /** {@link #freeCapacity} for caps per day and on open items only (-1: none). */
  private static long dayAndOpenFree(int perDay, int open, CandidateCounters c, int k) {
    long free = perDay < 0 ? Long.MAX_VALUE : (long) perDay - c.day(k);
    return open < 0 ? free : Math.min(free, (long) open - c.open(k));
  }

  static long freeCapacity(int[] caps, CandidateCounters c, int k) {
    long free = Long.MAX_VALUE;
    if (caps[0] >= 0) {
      free = Math.min(free, (long) caps[0] - c.day(k));
    }
    if (caps[1] >= 0) {
      free = Math.min(free, (long) caps[1] - c.week(k));
    }
    if (caps[2] >= 0) {
      free = Math.min(free, (long) caps[2] - c.month(k));
    }
    if (caps[3] >= 0) {
      free = Math.min(free, (long) caps[3] - c.rolling30Days(k));
    }
    if (caps[4] >= 0) {
      free = Math.min(free, (long) caps[4] - c.open(k));
    }
    return free;
  }

  /**
   * Whether an agent works at {@code now} or, with {@code withinHours > 0}, starts within that many hours: working
   * hours in the calendar's zone, not on a holiday, not out of office. An agent without a calendar is available.
   */
  static boolean available(Agent agent, Instant now, int withinHours) {
    if (agent.calendar().isEmpty()) {
      return true;
    }
    WorkingCalendar calendar = agent.calendar().get();
    if (calendar.isWorkingAt(now)) {
      return true;
    }
    if (withinHours <= 0) {
      return false;
    }
    Instant end = now.plusSeconds(withinHours * 3600L);
    ZoneId zone = calendar.zone();
    LocalDate day = now.atZone(zone).toLocalDate();
    int days = withinHours / 24 + 2;
    for (int d = 0; d < days; d++) {
      LocalDate date = day.plusDays(d);
      for (WorkingHours span : calendar.hours()) {
        if (span.day() != date.getDayOfWeek()) {
          continue;
        }
        Instant start = ZonedDateTime.of(date, span.start(), zone).toInstant();
        if (!start.isBefore(now) && !start.isAfter(end) && calendar.isWorkingAt(start)) {
          return true;
        }
      }
    }
    for (var absence : calendar.absences()) {
      Instant back = absence.until();
      if (back.isAfter(now) && !back.isAfter(end) && calendar.isWorkingAt(back)) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------------------------------------- strategies

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private double random(Lead lead, long step) {
    long x = mix(seed ^ mix(lead.id().value().hashCode() * 0x9e3779b97f4a7c15L + step));
    return (x >>> 11) * 0x1.0p-53;
  }

  /**
   * Whether candidate {@code i} has waited longer than candidate {@code j} (round robin's order): the older last
   * assignment (never assigned first), then fewer assignments in total, then the agent id.
   */
  private boolean waitsLonger(CompiledPool pool, int i, int j, int[] member, CandidateCounters c) {
    long li = c.lastAssignedEpochMilli(i);
    long lj = c.lastAssignedEpochMilli(j);
    if (li != lj) {
      return li < lj;
    }
    if (c.total(i) != c.total(j)) {
      return c.total(i) < c.total(j);
    }
    return agentIds[pool.members[member[i]]].compareTo(agentIds[pool.members[member[j]]]) < 0;
  }

  private double weight(CompiledPool pool, int[] member, int k) {
    return agentWeights[pool.members[member[k]]];
  }

  /**
   * Chooses among the first {@code count} candidates of {@code eligible} (positions in {@code c}); returns the
   * chosen position. Levelling writes the credits it grants into {@code granted} and its scope step into
   * {@code step[0]}.
   */
  private int select(CompiledPool pool, int[] eligible, int count, int[] member, CandidateCounters c, long[] free,
      double[] weights, LeadFacts facts, AssignmentLedger state, long[] granted, long[] step) {
    switch (pool.strategy) {
      case CompiledPool.ROUND_ROBIN:
        return longestWaiting(pool, eligible, count, member, c);
      case CompiledPool.SMOOTH_WEIGHTED:
        return smoothWeighted(pool, eligible, count, member, c);
      case CompiledPool.LOAD_BALANCING: {
        int best = eligible[0];
        for (int e = 1; e < count; e++) {
          int k = eligible[e];
          if (free[k] > free[best] || free[k] == free[best] && waitsLonger(pool, k, best, member, c)) {
            best = k;
          }
        }
        return best;
      }
      case CompiledPool.LEVELLING:
        return levelling(pool, eligible, count, member, c, state, granted, step);
      case CompiledPool.BATCH_ALLOCATION:
        return batchAllocation(pool, eligible, count, member, c, free, weights, facts);
      case CompiledPool.WEIGHTED_RANDOM: {
        for (int e = 0; e < count; e++) {
          weights[e] = weight(pool, member, eligible[e]);
        }
        return eligible[weighted(weights, count, random(facts.lead, totalAssigned(eligible, count, c)))];
      }
      default:
        return plugin(pool, eligible, count, member, c, free, facts);
    }
  }

  private int longestWaiting(CompiledPool pool, int[] eligible, int count, int[] member, CandidateCounters c) {
    int best = eligible[0];
    for (int e = 1; e < count; e++) {
      if (waitsLonger(pool, eligible[e], best, member, c)) {
        best = eligible[e];
      }
    }
    return best;
  }

  private static long totalAssigned(int[] eligible, int count, CandidateCounters c) {
    long total = 0;
    for (int e = 0; e < count; e++) {
      total += c.scopeAssigned(eligible[e]);
    }
    return total;
  }

  /** Draws among the first {@code count} weights, with {@code r} uniform in [0, 1); returns the index drawn. */
  private static int weighted(double[] weights, int count, double r) {
    double sum = 0;
    for (int k = 0; k < count; k++) {
      sum += weights[k];
    }
    double x = r * sum;
    double acc = 0;
    for (int k = 0; k < count; k++) {
      acc += weights[k];
      if (x < acc) {
        return k;
      }
    }
    return count - 1;
  }

  /**
   * Smooth weighted round robin (the sequence nginx's upstream module produces): each eligible member's current
   * weight after {@code N} assignments is {@code N * w_i - W * n_i}; the next goes to the largest
   * {@code (N + 1) * w_i - W * n_i}, so that each member stays within one assignment of its weighted share.
   * Counts are those of the pool's scope; ties go to the larger weight, then round robin's order.
   */
  private int smoothWeighted(CompiledPool pool, int[] eligible, int count, int[] member, CandidateCounters c) {
    double totalWeight = 0;
    long total = 0;
    for (int e = 0; e < count; e++) {
      total += c.scopeAssigned(eligible[e]);
      totalWeight += weight(pool, member, eligible[e]);
    }
    int best = -1;
    double bestCurrent = 0;
    for (int e = 0; e < count; e++) {
      int k = eligible[e];
      double w = weight(pool, member, k);
      double current = (total + 1) * w - totalWeight * c.scopeAssigned(k);
      if (best < 0 || current > bestCurrent + 1e-9 * totalWeight) {
        best = k;
        bestCurrent = current;
      } else if (Math.abs(current - bestCurrent) <= 1e-9 * totalWeight) {
        double wb = weight(pool, member, best);
        if (w > wb || w == wb && waitsLonger(pool, k, best, member, c)) {
          best = k;
          bestCurrent = current;
        }
      }
    }
    return best;
  }

  /**
   * Count-based levelling with calibration: the member with the fewest assignments plus credits wins (ties by round
   * robin's order). A member that was not eligible at the scope's previous decision (new, back from absence, or
   * capped) is first given credits up to the lowest count of the members that were, so it is not flooded with
   * the work it missed.
   */
  private int levelling(CompiledPool pool, int[] eligible, int count, int[] member, CandidateCounters c,
      AssignmentLedger state, long[] granted, long[] stepOut) {
    long step = c.scopeStep();
    long[] effective = new long[count];
    boolean[] continuing = new boolean[count];
    long minContinuing = Long.MAX_VALUE;
    int[] positions = Arrays.copyOf(eligible, count);
    for (int e = 0; e < count; e++) {
      int k = eligible[e];
      effective[e] = c.scopeAssigned(k) + c.scopeCredits(k);
      continuing[e] = step > 0 && c.scopeLastEligibleStep(k) == step - 1;
      if (continuing[e]) {
        minContinuing = Math.min(minContinuing, effective[e]);
      }
    }
    long[] credits = new long[count];
    if (minContinuing != Long.MAX_VALUE) {
      for (int e = 0; e < count; e++) {
        if (!continuing[e] && effective[e] < minContinuing) {
          credits[e] = minContinuing - effective[e];
          effective[e] = minContinuing;
        }
      }
    }
    stepOut[0] = state.recordStep(c, positions, credits);
    int best = 0;
    for (int e = 1; e < count; e++) {
      if (effective[e] < effective[best]
          || effective[e] == effective[best] && waitsLonger(pool, eligible[e], eligible[best], member, c)) {
        best = e;
      }
    }
    for (int e = 0; e < count; e++) {
      granted[eligible[e]] += credits[e];
    }
    return eligible[best];
  }

  /**
   * Batch allocation in the manner of Odoo's lead assignment: members whose preferred condition the lead meets are
   * served first; among the candidates the choice is random (seeded) with probability proportional to the free
   * capacity (an unlimited member counts as 1,000).
   */
  private int batchAllocation(CompiledPool pool, int[] eligible, int count, int[] member, CandidateCounters c,
      long[] free, double[] weights, LeadFacts facts) {
    int preferred = 0;
    boolean[] prefers = new boolean[count];
    for (int e = 0; e < count; e++) {
      int node = pool.preference[member[eligible[e]]];
      if (node >= 0 && conditions.evalFail(node, facts) < 0) {
        prefers[e] = true;
        preferred++;
      }
    }
    for (int e = 0; e < count; e++) {
      weights[e] = preferred == 0 || prefers[e] ? Math.min(free[eligible[e]], 1000L) : 0;
    }
    return eligible[weighted(weights, count, random(facts.lead, totalAssigned(eligible, count, c)))];
  }

  private int plugin(CompiledPool pool, int[] eligible, int count, int[] member, CandidateCounters c, long[] free,
      LeadFacts facts) {
    long step = totalAssigned(eligible, count, c);
    SelectionContext context = new SelectionContext() {
      private void check(int i) {
        if (i < 0 || i >= count) {
          throw new IndexOutOfBoundsException("candidate " + i + " out of [0, " + count + ")");
        }
      }

      @Override
      public int size() {
        return count;
      }

      @Override
      public Agent agent(int i) {
        check(i);
        return agents[pool.members[member[eligible[i]]]];
      }

      @Override
      public double weight(int i) {
        return agent(i).weight();
      }

      @Override
      public long freeCapacity(int i) {
        check(i);
        return free[eligible[i]];
      }

      @Override
      public AgentCounters counters(int i) {
        check(i);
        return c.counters(eligible[i]);
      }

      @Override
      public io.github.crmkit.routing.port.ScopeCounters scopeCounters(int i) {
        check(i);
        return c.scopeCounters(eligible[i]);
      }

      @Override
      public long tieBreak(int i) {
        check(i);
        return mix(seed ^ mix(agentIds[pool.members[member[eligible[i]]]].value().hashCode()
            + 0x632be59bd9b4e019L * facts.lead.id().value().hashCode()));
      }

      @Override
      public double random() {
        return RoutingEngine.this.random(facts.lead, step);
      }

      @Override
      public Lead lead() {
        return facts.lead;
      }
    };
    int pick;
    try {
      pick = pool.plugin.select(context);
    } catch (RuntimeException e) {
      pick = -1;
    }
    if (pick < 0 || pick >= count) {
      return longestWaiting(pool, eligible, count, member, c); // a broken plugin: round robin, never list order
    }
    return eligible[pick];
  }

  // ------------------------------------------------------------------------------------------------ batch, dry run

  /**
   * Routes a batch at one instant: every lead gets exactly one decision, in input order. Leads that meet a member's
   * preferred condition (batch allocation) are routed first, so preferences are served before capacity runs out;
   * the strategies' state advances lead by lead, so the batch is distributed as fairly as a stream. A lead whose
   * decision fails unexpectedly (a broken ledger) is returned unassigned with reason {@code error}, never dropped.
   *
   * @param leads the leads
   * @param now the decision instant
   * @return the decisions and counts
   */
  public BatchResult routeBatch(List<Lead> leads, Instant now) {
    Objects.requireNonNull(now, "now");
    RoutingDecision[] out = new RoutingDecision[leads.size()];
    Integer[] order = new Integer[leads.size()];
    boolean[] preferred = new boolean[leads.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      preferred[i] = hasPreferences && prefersAny(leads.get(i));
    }
    Arrays.sort(order, (x, y) -> Boolean.compare(preferred[y], preferred[x]));
    for (int i : order) {
      Lead lead = leads.get(i);
      RoutingDecision decision;
      try {
        decision = decide(lead, now, ledger);
      } catch (RuntimeException e) {
        decision = new RoutingDecision(lead.id(), Outcome.UNASSIGNED, null, null, "error", now,
            new DecisionTrace(policy.revision(), seed, "error:" + e.getClass().getSimpleName(), List.of(),
                List.of()));
      }
      out[i] = decision;
      publish(decision, null);
    }
    return batchResult(Arrays.asList(out));
  }

  private boolean prefersAny(Lead lead) {
    LeadFacts facts = new LeadFacts(lead, conditions, territories);
    for (CompiledPool pool : pools) {
      for (int node : pool.preference) {
        if (node >= 0 && conditions.evalFail(node, facts) < 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static BatchResult batchResult(List<RoutingDecision> decisions) {
    int[] counts = new int[Outcome.values().length];
    for (RoutingDecision d : decisions) {
      counts[d.outcome().ordinal()]++;
    }
    return new BatchResult(decisions, counts[Outcome.ASSIGNED.ordinal()], counts[Outcome.QUEUED.ordinal()],
        counts[Outcome.POOLED.ordinal()], counts[Outcome.UNASSIGNED.ordinal()]);
  }

  /**
   * Replays a historical stream of leads through this engine's policy against a fresh in-memory ledger, each at
   * its received instant, without touching the live ledger or publishing events.
   *
   * @param leads the leads, in the order they arrived
   * @return the report
   */
  public DryRunReport dryRun(Iterable<Lead> leads) {
    return dryRun(leads, new InMemoryAssignmentLedger());
  }

  /**
   * Replays a historical stream of leads against a scratch ledger the caller provides (for example one primed with
   * a copy of today's counters), each at its received instant, without publishing events.
   *
   * @param leads the leads, in the order they arrived
   * @param scratch the ledger to record in
   * @return the report
   */
  public DryRunReport dryRun(Iterable<Lead> leads, AssignmentLedger scratch) {
    Objects.requireNonNull(scratch, "scratch");
    List<RoutingDecision> decisions = new ArrayList<>();
    Map<String, Integer> perAgent = new TreeMap<>();
    Map<String, Integer> capHits = new TreeMap<>();
    Map<String, Integer> reasons = new TreeMap<>();
    Map<String, Integer> perTarget = new TreeMap<>();
    for (Lead lead : leads) {
      RoutingDecision d = decide(lead, lead.receivedAt(), scratch);
      decisions.add(d);
      switch (d.outcome()) {
        case ASSIGNED -> perAgent.merge(d.target(), 1, Integer::sum);
        case UNASSIGNED -> reasons.merge(d.reason(), 1, Integer::sum);
        default -> perTarget.merge(d.outcome().name().toLowerCase(Locale.ROOT) + ":" + d.target(), 1, Integer::sum);
      }
      for (DecisionTrace.TargetAttempt attempt : d.trace().attempts()) {
        for (DecisionTrace.CandidateCheck c : attempt.candidates()) {
          if (c.excludedBy() != null && c.excludedBy().startsWith("capped:")) {
            capHits.merge(c.agent(), 1, Integer::sum);
          }
        }
      }
    }
    BatchResult counts = batchResult(decisions);
    return new DryRunReport(decisions.size(), counts.assigned(), counts.queued(), counts.pooled(),
        counts.unassigned(), new TreeMap<>(perAgent), new TreeMap<>(capHits), new TreeMap<>(reasons),
        new TreeMap<>(perTarget), decisions);
  }

  // -------------------------------------------------------------------------------------------------------- manual

  /**
   * Assigns a lead to an agent by hand, through the ledger, so that round robin and the caps see it. Without
   * {@code force} the agent's caps apply.
   *
   * @param lead the lead's id
   * @param agent the agent
   * @param force whether to assign past a cap
   * @param now the instant
   * @return the decision: assigned, or unassigned with {@code unknown-agent}, {@code capped:...} or
   *     {@code already-assigned}
   */
  public RoutingDecision assign(LeadId lead, AgentId agent, boolean force, Instant now) {
    return manual(lead, agent, force, now, false);
  }

  /**
   * Moves a lead to another agent by hand: the new owner's counters and backlog grow, the old owner's backlog
   * shrinks.
   *
   * @param lead the lead's id
   * @param agent the new owner
   * @param force whether to assign past a cap
   * @param now the instant
   * @return the decision
   */
  public RoutingDecision reassign(LeadId lead, AgentId agent, boolean force, Instant now) {
    return manual(lead, agent, force, now, true);
  }

  private RoutingDecision manual(LeadId lead, AgentId agent, boolean force, Instant now, boolean reassign) {
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(now, "now");
    Integer a = agentIndex.get(agent.value());
    String label = "manual:" + agent.value();
    RoutingDecision decision;
    if (a == null) {
      decision = manualDecision(lead, now, null, "unknown-agent", label, null);
    } else {
      Reservation r = ledger.reserve(new ReservationRequest(lead, agent, now, agentZones[a], agentCaps[a], null,
          true, force, reassign));
      if (r.reserved()) {
        decision = manualDecision(lead, now, agent.value(), null, label, r.previousOwner());
      } else if (r.status() == Reservation.Status.CAPPED) {
        decision = manualDecision(lead, now, null, "capped:" + r.cap(), label, null);
      } else {
        decision = manualDecision(lead, now, null, "already-assigned", label, null);
      }
    }
    publish(decision, decision.outcome() == Outcome.ASSIGNED && reassign ? "lead.reassigned" : null);
    return decision;
  }

  private RoutingDecision manualDecision(LeadId lead, Instant now, String agent, String reason, String label,
      AgentId previous) {
    String result = agent != null ? "chosen:" + agent + (previous == null ? "" : " (was " + previous.value() + ")")
        : reason;
    DecisionTrace trace = new DecisionTrace(policy.revision(), seed, "off", List.of(),
        List.of(new DecisionTrace.TargetAttempt(label, null, List.of(), null, null, result)));
    return agent != null
        ? new RoutingDecision(lead, Outcome.ASSIGNED, agent, "manual", null, now, trace)
        : new RoutingDecision(lead, Outcome.UNASSIGNED, null, "manual", reason, now, trace);
  }

  /** Publishes the decision's event: {@code type}, or {@code lead.<outcome>} when null. */
  private void publish(RoutingDecision decision, String type) {
    if (events == null) {
      return;
    }
    if (type == null) {
      type = "lead." + decision.outcome().name().toLowerCase(Locale.ROOT);
    }
    DomainEvent.Builder event = DomainEvent.builder()
        .eventId(eventIds.get())
        .type(type)
        .occurredAt(decision.decidedAt())
        .aggregateType("lead")
        .aggregateId(decision.lead().value());
    if (decision.target() != null) {
      event.putAttribute(decision.outcome() == Outcome.ASSIGNED ? "agent" : "target",
          AttributeValue.ofString(decision.target()));
    }
    if (decision.ruleId() != null) {
      event.putAttribute("rule", AttributeValue.ofString(decision.ruleId()));
    }
    if (decision.reason() != null) {
      event.putAttribute("reason", AttributeValue.ofString(decision.reason()));
    }
    event.putAttribute("policyRevision", AttributeValue.ofString(policy.revision()));
    events.publish(event.build());
  }

  /** Returns the policy revision and sizes, never personal data. */
  @Override
  public String toString() {
    return "RoutingEngine{revision=" + policy.revision() + ", rules=" + ruleIds.length + ", pools=" + pools.length
        + ", agents=" + agents.length + "}";
  }

  /**
   * Builds a {@link RoutingEngine}: a policy, the agent directory (read once), and optionally the plugins, ledger
   * (a new in-memory one by default), event publisher (none by default), clock (UTC system clock), seed (0),
   * duplicate finder (none) and event id source (a counter).
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private RoutingPolicy policy;
    private AgentDirectory directory;
    private RoutingPlugins plugins = RoutingPlugins.none();
    private AssignmentLedger ledger;
    private DomainEventPublisher events;
    private Clock clock = Clock.systemUTC();
    private long seed;
    private DuplicateFinder duplicates = DuplicateFinder.NONE;
    private Supplier<String> eventIds;

    private Builder() {}

    /**
     * Sets the policy.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(RoutingPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the directory of agents, teams and territories, read once by {@link #build()}.
     *
     * @param directory the directory
     * @return this builder
     */
    public Builder directory(AgentDirectory directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Sets the plugins whose names the policy may use.
     *
     * @param plugins the plugins
     * @return this builder
     */
    public Builder plugins(RoutingPlugins plugins) {
      this.plugins = Objects.requireNonNull(plugins, "plugins");
      return this;
    }

    /**
     * Sets the ledger.
     *
     * @param ledger the ledger
     * @return this builder
     */
    public Builder ledger(AssignmentLedger ledger) {
      this.ledger = Objects.requireNonNull(ledger, "ledger");
      return this;
    }

    /**
     * Sets the event publisher; without one, no events are built.
     *
     * @param events the publisher
     * @return this builder
     */
    public Builder events(DomainEventPublisher events) {
      this.events = Objects.requireNonNull(events, "events");
      return this;
    }

    /**
     * Sets the clock {@link RoutingEngine#route(Lead)} reads.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the seed of the random strategies and tie-break keys.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the duplicate finder for owner affinity.
     *
     * @param duplicates the finder
     * @return this builder
     */
    public Builder duplicates(DuplicateFinder duplicates) {
      this.duplicates = Objects.requireNonNull(duplicates, "duplicates");
      return this;
    }

    /**
     * Sets the source of event ids.
     *
     * @param eventIds the source; each id 1 to 128 characters
     * @return this builder
     */
    public Builder eventIds(Supplier<String> eventIds) {
      this.eventIds = Objects.requireNonNull(eventIds, "eventIds");
      return this;
    }

    /**
     * Validates the policy against the plugins and the directory and compiles the engine.
     *
     * @return the engine
     * @throws RoutingPolicyException if the policy is not valid, with the JSON path of every problem
     * @throws IllegalStateException if the policy or the directory is missing
     */
    public RoutingEngine build() {
      if (policy == null || directory == null) {
        throw new IllegalStateException("RoutingEngine.Builder needs a policy and a directory");
      }
      if (ledger == null) {
        ledger = new InMemoryAssignmentLedger();
      }
      if (eventIds == null) {
        AtomicLong counter = new AtomicLong();
        eventIds = () -> "routing-" + counter.incrementAndGet();
      }
      return new RoutingEngine(this);
    }
  }

}
