package io.github.crmkit.examples;

import io.github.crmkit.lifecycle.FireResult;
import io.github.crmkit.lifecycle.ForecastLine;
import io.github.crmkit.lifecycle.LifecycleEvent;
import io.github.crmkit.lifecycle.LifecyclePresets;
import io.github.crmkit.lifecycle.PipelineDefinition;
import io.github.crmkit.lifecycle.Rejection;
import io.github.crmkit.lifecycle.Stage;
import io.github.crmkit.lifecycle.StageChange;
import io.github.crmkit.lifecycle.StageHistory;
import io.github.crmkit.lifecycle.StageKind;
import io.github.crmkit.lifecycle.TransitionContext;
import io.github.crmkit.lifecycle.learning.FrequencyTable;
import io.github.crmkit.lifecycle.learning.LearnerObservation;
import io.github.crmkit.lifecycle.learning.LearnerSettings;
import io.github.crmkit.lifecycle.learning.Outcome;
import io.github.crmkit.lifecycle.learning.WinProbability;
import io.github.crmkit.lifecycle.learning.WinProbabilityLearner;
import io.github.crmkit.lifecycle.sla.BusinessTime;
import io.github.crmkit.lifecycle.sla.SlaNotice;
import io.github.crmkit.lifecycle.sla.SlaPolicy;
import io.github.crmkit.lifecycle.sla.SlaTarget;
import io.github.crmkit.lifecycle.sla.SlaTimer;
import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.AgentKind;
import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.DomainEvent;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadRating;
import io.github.crmkit.model.Money;
import io.github.crmkit.model.Opportunity;
import io.github.crmkit.model.OpportunityId;
import io.github.crmkit.model.ProductGroupId;
import io.github.crmkit.model.Territory;
import io.github.crmkit.model.WorkingCalendar;
import io.github.crmkit.model.port.DomainEventPublisher;
import io.github.crmkit.testkit.BuyingProcess;
import io.github.crmkit.testkit.SpendProcess;
import io.github.crmkit.testkit.SyntheticData;
import io.github.crmkit.testkit.SyntheticPurchases;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The host application of {@link SalesQuarter}: it owns the leads and opportunities (the engine's definitions are
 * shared and immutable, the state lives here), fires events through the lifecycle engine, appends every accepted
 * change to the {@link StageHistory}, reacts to the domain events the engine returns, keeps the lead follow-up SLA
 * timers and ticks them with its own clock, and trains the win-probability learner live.
 *
 * <p>The sales team works leads received over two quarters: the last quarter of 2025 warms the pipeline up, so that
 * the reported quarter (2026-Q1) starts with open leads and deals as a real one does. Every object then runs to its
 * end (a "run-out" after the quarter) so that the outcome of every deal that was open in March is known; rows after
 * the quarter's end are not appended to the history, so every report is as of the quarter's end.
 *
 * <p>Everything is decided by seeded random draws, one generator per lead (its opportunity continues with it), and
 * steps are processed in time order, so a run is a pure function of the seed and the lead count.
 *
 * <p>Not thread-safe: one instance runs one simulation on one thread.
 */
final class QuarterSimulation {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final LocalDate WARM_UP = LocalDate.of(2025, 10, 1);
  static final LocalDate QUARTER = LocalDate.of(2026, 1, 1);
  static final LocalDate CUTOFF = LocalDate.of(2026, 3, 1);
  static final LocalDate QUARTER_END = LocalDate.of(2026, 4, 1);
  /** The demo calendar's holidays (weekdays only): National Day week, New Year's Day, a Spring Festival week. */
  static final List<LocalDate> HOLIDAYS = List.of(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 2),
      LocalDate.of(2025, 10, 3), LocalDate.of(2025, 10, 6), LocalDate.of(2025, 10, 7), LocalDate.of(2026, 1, 1),
      LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 18), LocalDate.of(2026, 2, 19),
      LocalDate.of(2026, 2, 20));
  static final Duration WORKING_DAY = Duration.ofHours(9);
  static final String FOLLOW_UP = "lead-follow-up";
  static final List<String> LEARNER_FIELDS = List.of("source", "rating", "product", "region");

  /** How strongly a lead's source, rating and product make it qualify and its deal win (logit scale). */
  private static final Map<String, Double> SOURCE_EFFECT = Map.of("referral", 0.9, "partner", 0.5,
      "trade-show", 0.2, "400-hotline", 0.0, "web-form", -0.2, "wechat", -0.5);
  private static final Map<String, Double> PRODUCT_EFFECT = Map.of("G-SERVICE", 0.5, "G-PUMPS", 0.0,
      "G-HVAC", -0.1, "G-SOLAR", -0.4);
  private static final Map<String, Double> PRODUCT_AMOUNT = Map.of("G-SERVICE", 30_000.0, "G-PUMPS", 80_000.0,
      "G-HVAC", 150_000.0, "G-SOLAR", 300_000.0);
  /** Logit of passing each open stage of the opportunity pipeline for an average deal. */
  private static final double[] PASS_LOGIT = {1.75, 1.4, 1.1, 0.85, 1.1, 2.2};
  /** Mean working days an opportunity spends in each open stage. */
  private static final double[] DWELL_DAYS = {3, 5, 6, 7, 6, 4};
  private static final String[][] LOST_REASONS = {
      {"no_decision", "no_decision", "timing", "no_budget", "other"},
      {"no_decision", "timing", "no_budget", "no_budget", "other"},
      {"product_fit", "product_fit", "no_budget", "timing", "competitor"},
      {"price", "price", "competitor", "competitor", "no_decision"},
      {"price", "price", "competitor", "competitor", "timing"},
      {"timing", "timing", "no_decision", "price", "other"}};
  private static final String[] DISQUALIFY_REASONS = {"no_budget", "no_need", "unreachable", "wrong_contact"};

  final long seed;
  final int leadsPerQuarter;
  final Instant warmUp;
  final Instant start;
  final Instant cutoff;
  final Instant end;
  final Currency currency;
  final PipelineDefinition leadPipeline = LifecyclePresets.leadLifecycle();
  final PipelineDefinition salesPipeline = LifecyclePresets.opportunityPipeline();
  final WorkingCalendar calendar;
  final BusinessTime businessTime;
  final SlaPolicy slaPolicy;
  final StageHistory history = new StageHistory();
  final LearnerSettings learnerSettings;
  final WinProbabilityLearner learner;

  /** Active sales reps and their teams, by agent id (sorted). */
  final Map<String, String> teamOfOwner = new TreeMap<>();
  final Map<String, String> managerOfTeam = new TreeMap<>();
  final List<LeadCase> leads = new ArrayList<>();
  final List<DealCase> deals = new ArrayList<>();

  // quarter statistics (changes at or after start and before end)
  final Map<String, Integer> eventCounts = new TreeMap<>();
  final Map<Rejection, Integer> rejections = new EnumMap<>(Rejection.class);
  int rejectionsRetried;
  int slaStartedNew;
  int slaStartedReopened;
  int slaMet;
  int slaLate;
  int slaRunning;
  int slaRunningBreached;
  final Map<SlaNotice.Kind, Integer> notices = new EnumMap<>(SlaNotice.Kind.class);
  int reactedToNotice;
  final Map<String, Integer> escalationsByManager = new TreeMap<>();
  int leadsReopened;
  int dealsRevived;
  int dealsRequoted;

  // the open pipeline at the quarter's start
  int openLeadsAtStart;
  int openDealsAtStart;

  // learner: training and evaluation
  FrequencyTable trained = FrequencyTable.empty();
  final List<EvaluationPoint> evaluation = new ArrayList<>();

  // snapshots
  final List<ForecastLine> forecastLines = new ArrayList<>();
  final List<ForecastLine> learnedForecastLines = new ArrayList<>();
  final Map<String, DealSnapshot> atQuarterEnd = new LinkedHashMap<>();
  final Map<String, String> leadStageAtQuarterEnd = new LinkedHashMap<>();

  private final PriorityQueue<Step> queue = new PriorityQueue<>();
  private final Set<LeadCase> timed = new LinkedHashSet<>();
  private long sequence;
  private long eventIds;
  private final List<DomainEvent> outbox = new ArrayList<>();
  private final DomainEventPublisher publisher = outbox::add;
  private boolean startTaken;
  private boolean cutoffTaken;
  private boolean endTaken;

  QuarterSimulation(long seed, int leadsPerQuarter) {
    if (leadsPerQuarter < 1) {
      throw new IllegalArgumentException("leads must be at least 1, was " + leadsPerQuarter);
    }
    this.seed = seed;
    this.leadsPerQuarter = leadsPerQuarter;
    this.warmUp = WARM_UP.atStartOfDay(ZONE).toInstant();
    this.start = QUARTER.atStartOfDay(ZONE).toInstant();
    this.cutoff = CUTOFF.atStartOfDay(ZONE).toInstant();
    this.end = QUARTER_END.atStartOfDay(ZONE).toInstant();
    this.learnerSettings = LearnerSettings.of(LEARNER_FIELDS);
    this.learner = WinProbabilityLearner.create(learnerSettings);

    long days = QUARTER_END.toEpochDay() - WARM_UP.toEpochDay();
    long quarterDays = QUARTER_END.toEpochDay() - QUARTER.toEpochDay();
    // the data set's leads are spread evenly over its observation window: two quarters here
    SyntheticPurchases purchases = SyntheticPurchases.builder().seed(seed).customers(1)
        .startEpochDay(WARM_UP.toEpochDay()).acquisitionDays(1).observationDays((int) days)
        .buyingProcess(BuyingProcess.bgNbd(0.243, 4.414, 0.793, 2.426))
        .spendProcess(SpendProcess.gammaGamma(6.25, 3.74, 15.44)).build();
    SyntheticData data = SyntheticData.builder().purchases(purchases)
        .leads((int) Math.round(leadsPerQuarter * (double) days / quarterDays)).salesReps(20).build();
    this.currency = data.currency();

    // the team's calendar: the reps' working hours plus the demo holidays
    WorkingCalendar reps = WorkingCalendar.weekdays(ZONE, LocalTime.of(9, 0), LocalTime.of(18, 0));
    List<Agent> agents = data.agents();
    for (Agent agent : agents) {
      if (agent.kind() == AgentKind.SALES_REP && agent.calendar().isPresent()) {
        reps = agent.calendar().get();
        break;
      }
    }
    WorkingCalendar.Builder withHolidays = reps.toBuilder();
    for (LocalDate holiday : HOLIDAYS) {
      withHolidays.addHoliday(holiday);
    }
    this.calendar = withHolidays.build();
    this.businessTime = BusinessTime.of(calendar);
    this.slaPolicy = SlaPolicy.of(calendar, List.of(SlaTarget.followUpWithinDays(FOLLOW_UP, 2, WORKING_DAY)
        .withReminders(Duration.ofHours(4)).withEscalations(WORKING_DAY).inStages("new")), Set.of());

    // owners: active sales reps; leads in a city go round robin to its reps, leads from abroad to English speakers
    Map<String, List<String>> repsByTerritory = new TreeMap<>();
    List<String> english = new ArrayList<>();
    List<String> everyone = new ArrayList<>();
    for (Agent agent : agents) {
      if (agent.kind() == AgentKind.SALES_REP && agent.active() && agent.team().isPresent()) {
        String id = agent.id().value();
        teamOfOwner.put(id, agent.team().get().value());
        everyone.add(id);
        for (var territory : agent.territories()) {
          repsByTerritory.computeIfAbsent(territory.value(), k -> new ArrayList<>()).add(id);
        }
        if (agent.languages().contains("en")) {
          english.add(id);
        }
      }
    }
    data.teams().forEach(t -> t.manager().ifPresent(m -> managerOfTeam.put(t.id().value(), m.value())));
    Map<String, String> territoryOfCity = new HashMap<>();
    for (Territory territory : data.territories()) {
      if (territory.cities().size() == 1) {
        territoryOfCity.put(territory.cities().first(), territory.id().value());
      }
    }
    Map<String, Integer> roundRobin = new HashMap<>();
    int index = 0;
    for (Lead lead : (Iterable<Lead>) data.leads()::iterator) {
      String territory = lead.city().map(territoryOfCity::get).orElse("abroad");
      List<String> candidates = repsByTerritory.getOrDefault(territory,
          territory.equals("abroad") && !english.isEmpty() ? english : everyone);
      int turn = roundRobin.merge(territory, 1, Integer::sum) - 1;
      String owner = candidates.get(turn % candidates.size());
      LeadCase c = new LeadCase(lead, owner, teamOfOwner.get(owner),
          new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index));
      leads.add(c);
      schedule(lead.receivedAt(), c, Action.RECEIVE);
      index++;
    }
  }

  /** Runs the simulation to its end: the quarter, then the run-out until every object has reached its end. */
  QuarterSimulation run() {
    Instant tick = warmUp;
    while (!queue.isEmpty()) {
      Step step = queue.poll();
      while (!tick.isAfter(step.at) && !tick.isAfter(end)) {
        tickSla(tick);
        tick = tick.plus(Duration.ofHours(1));
      }
      milestones(step.at);
      if (step.version != step.subject.version()) {
        continue; // rescheduled meanwhile
      }
      if (step.subject instanceof LeadCase lead) {
        leadStep(lead, step.action, step.at);
      } else {
        dealStep((DealCase) step.subject, step.action, step.at);
      }
    }
    while (!tick.isAfter(end)) {
      tickSla(tick);
      tick = tick.plus(Duration.ofHours(1));
    }
    milestones(end.plusSeconds(1));
    for (EvaluationPoint point : evaluation) {
      point.won = point.deal.stage.kind() == StageKind.WON ? 1 : point.deal.stage.kind() == StageKind.LOST ? 0 : -1;
    }
    return this;
  }

  private void milestones(Instant now) {
    if (!startTaken && !now.isBefore(start)) {
      startTaken = true;
      for (LeadCase lead : leads) {
        if (lead.stage != null && lead.stage.kind() == StageKind.OPEN) {
          openLeadsAtStart++;
        }
      }
      for (DealCase deal : deals) {
        if (deal.stage.kind() == StageKind.OPEN) {
          openDealsAtStart++;
        }
      }
    }
    if (!cutoffTaken && !now.isBefore(cutoff)) {
      cutoffTaken = true;
      trained = learner.snapshot();
      takeForecast();
    }
    if (!endTaken && !now.isBefore(end)) {
      endTaken = true;
      for (LeadCase lead : leads) {
        leadStageAtQuarterEnd.put(lead.id, lead.stage == null ? null : lead.stage.name());
      }
      for (DealCase deal : deals) {
        atQuarterEnd.put(deal.id, new DealSnapshot(deal.stage, deal.amount, deal.closedAt));
      }
      for (LeadCase lead : timed) {
        if (lead.timerCounted) {
          slaRunning++;
          if (lead.breached) {
            slaRunningBreached++;
          }
        }
      }
    }
  }

  boolean inQuarter(Instant at) {
    return !at.isBefore(start) && at.isBefore(end);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // leads

  private void leadStep(LeadCase lead, Action action, Instant at) {
    SplittableRandom random = lead.random;
    switch (action) {
      case RECEIVE -> {
        lead.stage = leadPipeline.entryStage();
        append(new StageChange(lead.id, leadPipeline.name(), null, lead.stage.name(), at, lead.owner, null, null,
            Double.NaN, lead.stage.probability()));
        enterLeadStage(lead, at, true);
        scheduleBusiness(lead, at, hours(random, firstTouchHours(lead)), Action.FIRST_TOUCH);
      }
      case FIRST_TOUCH -> {
        if (random.nextDouble() < 0.06) {
          fireLead(lead, "disqualify", at, pick(random, new String[] {"spam", "duplicate"}));
        } else {
          fireLead(lead, "contact", at, null);
          scheduleBusiness(lead, at, hours(random, 3 * 9.0), Action.WORK_CONTACTED);
        }
      }
      case WORK_CONTACTED -> {
        double u = random.nextDouble();
        if (u < 0.04) {
          return; // the lead goes cold in "contacted" and stalls
        }
        if (random.nextDouble() < logistic(-0.2 + lead.effect() - (lead.reopened ? 0.5 : 0))) {
          if (random.nextDouble() < 0.05) {
            fireLead(lead, "convert", at, null); // too early: rejected, the rep qualifies first
          }
          fireLead(lead, "qualify", at, null);
          scheduleBusiness(lead, at, hours(random, 4 * 9.0), Action.WORK_QUALIFIED);
        } else if (random.nextDouble() < 0.65) {
          fireLead(lead, "disqualify", at, pick(random, DISQUALIFY_REASONS));
        } else {
          recycle(lead, at);
        }
      }
      case WORK_QUALIFIED -> {
        double u = random.nextDouble();
        if (u < 0.03) {
          return; // stalls in "qualified"
        } else if (u < 0.03 + 0.97 * 0.72) {
          fireLead(lead, "convert", at, null);
        } else if (u < 0.03 + 0.97 * 0.90) {
          fireLead(lead, "disqualify", at, pick(random, DISQUALIFY_REASONS));
        } else {
          recycle(lead, at);
        }
      }
      case NURTURE -> {
        lead.reopened = true;
        if (inQuarter(at)) {
          leadsReopened++;
        }
        fireLead(lead, "reopen", at, null, "Q-NURTURE");
        scheduleBusiness(lead, at, hours(random, firstTouchHours(lead)), Action.FIRST_TOUCH);
      }
      default -> throw new IllegalStateException("not a lead action: " + action);
    }
  }

  private double firstTouchHours(LeadCase lead) {
    return switch (lead.lead.rating().orElse(LeadRating.COLD)) {
      case HOT -> 2;
      case WARM -> 5;
      default -> 10;
    };
  }

  private void recycle(LeadCase lead, Instant at) {
    fireLead(lead, "recycle", at, "not_now");
    if (!lead.reopened && lead.random.nextDouble() < 0.25) {
      schedule(at.plus(Duration.ofDays(14 + lead.random.nextInt(29))), lead, Action.NURTURE);
    }
  }

  private void fireLead(LeadCase lead, String transition, Instant at, String lostReason) {
    fireLead(lead, transition, at, lostReason, lead.owner);
  }

  private void fireLead(LeadCase lead, String transition, Instant at, String lostReason, String actor) {
    LifecycleEvent event = leadPipeline.event(transition);
    TransitionContext context = new TransitionContext(lead.id, at, actor, null, lostReason, Double.NaN, Map.of());
    FireResult result = leadPipeline.fire(lead.stage, event, context);
    if (!result.accepted()) {
      rejected(result, at);
      return;
    }
    lead.stage = result.stage();
    append(StageChange.of(result));
    enterLeadStage(lead, at, false);
    publish(result);
    CustomerId customer = null;
    boolean createOpportunity = false;
    for (DomainEvent e : drain()) {
      if (e.type().equals("customer.link-requested")) {
        customer = CustomerId.of("C-" + e.aggregateId());
      } else if (e.type().equals("opportunity.create-requested")) {
        createOpportunity = true;
      }
    }
    if (createOpportunity) {
      openDeal(lead, customer == null ? CustomerId.of("C-" + lead.id) : customer, at);
    }
  }

  /**
   * Moves the lead's follow-up timers as it enters a stage: entering "new" starts the clock (again, after a reopen),
   * leaving it stops the clock, and the notices that fell due since the last tick are delivered then.
   */
  private void enterLeadStage(LeadCase lead, Instant at, boolean created) {
    if (!at.isBefore(end)) {
      return; // the SLA clock is reported for the quarter only
    }
    boolean wasRunning = timed.contains(lead);
    List<SlaTimer> timers = new ArrayList<>(slaPolicy.enterStage(lead.timers, lead.id, lead.stage.name(), at));
    boolean running = false;
    for (SlaTimer timer : timers) {
      running |= timer.state() == SlaTimer.State.RUNNING;
    }
    if (running && !wasRunning) {
      lead.breached = false;
      lead.timerCounted = inQuarter(at);
      if (lead.timerCounted) {
        if (created) {
          slaStartedNew++;
        } else {
          slaStartedReopened++;
        }
      }
      timed.add(lead);
      lead.nextDue = nextDue(timers, at);
    } else if (!running && wasRunning) {
      for (int i = 0; i < timers.size(); i++) {
        timers.set(i, deliver(lead, timers.get(i), at, false));
      }
      if (lead.timerCounted) {
        if (lead.breached) {
          slaLate++;
        } else {
          slaMet++;
        }
      }
      timed.remove(lead);
    }
    lead.timers = List.copyOf(timers);
  }

  /** The host's clock ticks every hour; only the timers whose next notice is due by then are looked at. */
  private void tickSla(Instant now) {
    if (timed.isEmpty()) {
      return;
    }
    for (LeadCase lead : new ArrayList<>(timed)) {
      if (lead.nextDue.isAfter(now)) {
        continue;
      }
      List<SlaTimer> timers = new ArrayList<>(lead.timers);
      for (int i = 0; i < timers.size(); i++) {
        timers.set(i, deliver(lead, timers.get(i), now, true));
      }
      lead.timers = List.copyOf(timers);
      lead.nextDue = nextDue(timers, now);
    }
  }

  private Instant nextDue(List<SlaTimer> timers, Instant now) {
    Instant next = Instant.MAX;
    for (SlaTimer timer : timers) {
      Instant due = slaPolicy.nextDueAt(timer, now).orElse(Instant.MAX);
      next = due.isBefore(next) ? due : next;
    }
    return next;
  }

  /** Delivers the notices of a timer that are due, acknowledges them, and lets the rep react. */
  private SlaTimer deliver(LeadCase lead, SlaTimer timer, Instant now, boolean react) {
    for (SlaNotice notice : slaPolicy.due(timer, now)) {
      timer = slaPolicy.acknowledge(timer, notice);
      if (notice.kind() == SlaNotice.Kind.BREACH) {
        lead.breached = true;
      }
      if (lead.timerCounted) {
        notices.merge(notice.kind(), 1, Integer::sum);
        if (notice.kind() == SlaNotice.Kind.ESCALATION) {
          escalationsByManager.merge(managerOfTeam.getOrDefault(lead.team, "-"), 1, Integer::sum);
        }
      }
      if (react) {
        double chance = switch (notice.kind()) {
          case REMINDER -> 0.6;
          case BREACH -> 0.5;
          case ESCALATION -> 0.9;
        };
        if (lead.random.nextDouble() < chance) {
          Instant soon = businessTime.plus(now, Duration.ofMinutes(15 + lead.random.nextInt(106)));
          if (soon.isBefore(lead.plannedAt)) {
            if (lead.timerCounted) {
              reactedToNotice++;
            }
            schedule(soon, lead, Action.FIRST_TOUCH);
          }
        }
      }
    }
    return timer;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // opportunities

  private void openDeal(LeadCase lead, CustomerId customer, Instant at) {
    String group = lead.lead.productGroupInterests().isEmpty() ? "G-PUMPS"
        : lead.lead.productGroupInterests().first().value();
    double estimate = roundTo(PRODUCT_AMOUNT.get(group) * Math.exp(0.5 * lead.random.nextGaussian() - 0.125), 100);
    DealCase deal = new DealCase(String.format(Locale.ROOT, "O-%06d", deals.size()), lead, group, estimate);
    deal.stage = salesPipeline.entryStage();
    deal.opportunity = Opportunity.builder().id(OpportunityId.of(deal.id)).customer(customer)
        .name(group.substring(2).toLowerCase(Locale.ROOT) + " deal " + customer.value())
        .amount(money(estimate)).stageId(deal.stage.name()).probability(deal.stage.probability())
        .expectedCloseDate(expectedClose(at, 0, lead.random)).owner(AgentId.of(lead.owner))
        .createdAt(at).build();
    deals.add(deal);
    append(new StageChange(deal.id, salesPipeline.name(), null, deal.stage.name(), at, lead.owner, null, null,
        estimate, deal.stage.probability()));
    evaluate(deal, at);
    scheduleDwell(deal, at);
  }

  private void dealStep(DealCase deal, Action action, Instant at) {
    SplittableRandom random = deal.lead.random;
    int order = deal.stage.order();
    switch (action) {
      case ADVANCE -> {
        if (order == 4 && !deal.requoted && random.nextDouble() < 0.08) {
          // the customer asks for a new quote: moving back needs an explicit reopen
          deal.requoted = true;
          if (inQuarter(at)) {
            dealsRequoted++;
          }
          if (random.nextBoolean()) {
            moveDeal(deal, salesPipeline.moveTo("proposal_quote"), at, null, deal.amount);
          }
          moveDeal(deal, salesPipeline.reopenTo("proposal_quote"), at, null, deal.amount);
          scheduleDwell(deal, at);
          return;
        }
        if (random.nextDouble() < logistic(PASS_LOGIT[order] + 0.8 * deal.lead.effect())) {
          String next;
          double amount = deal.amount;
          if (order == 1 && random.nextDouble() < 0.12) {
            next = "proposal_quote"; // skips the needs analysis
          } else {
            next = order == 5 ? "won" : stageOfOrder(order + 1);
          }
          if (next.equals("proposal_quote")) {
            amount = roundTo(deal.amount * (0.85 + 0.4 * random.nextDouble()), 100);
          } else if (next.equals("won")) {
            amount = roundTo(deal.amount * (0.88 + 0.12 * random.nextDouble()), 100);
          }
          moveDeal(deal, salesPipeline.moveTo(next), at, null, amount);
          if (deal.stage.kind() == StageKind.OPEN) {
            scheduleDwell(deal, at);
          }
        } else {
          String reason = pick(random, LOST_REASONS[order]);
          if (random.nextDouble() < 0.10) {
            moveDeal(deal, salesPipeline.moveTo("lost"), at, null, deal.amount); // no reason given: rejected
          }
          moveDeal(deal, salesPipeline.moveTo("lost"), at, reason, deal.amount);
          if (!deal.revived && random.nextDouble() < 0.04) {
            schedule(at.plus(Duration.ofDays(10 + random.nextInt(21))), deal, Action.REVIVE);
          }
        }
      }
      case REVIVE -> {
        deal.revived = true;
        if (inQuarter(at)) {
          dealsRevived++;
        }
        moveDeal(deal, salesPipeline.reopenTo(stageOfOrder(deal.furthest)), at, null, deal.amount);
        scheduleDwell(deal, at);
      }
      default -> throw new IllegalStateException("not a deal action: " + action);
    }
  }

  private String stageOfOrder(int order) {
    for (Stage stage : salesPipeline.stages()) {
      if (stage.order() == order) {
        return stage.name();
      }
    }
    throw new IllegalArgumentException("no stage of order " + order);
  }

  private void scheduleDwell(DealCase deal, Instant at) {
    double days = DWELL_DAYS[deal.stage.order()];
    if (deal.lead.random.nextDouble() < 0.08) {
      days *= 4; // the deal goes quiet for a while
    }
    scheduleBusiness(deal, at, hours(deal.lead.random, days * 9.0), Action.ADVANCE);
  }

  private void moveDeal(DealCase deal, LifecycleEvent event, Instant at, String lostReason, double amount) {
    TransitionContext context = new TransitionContext(deal.id, at, deal.lead.owner, null, lostReason, amount,
        Map.of());
    FireResult result = salesPipeline.fire(deal.stage, event, context);
    if (!result.accepted()) {
      rejected(result, at);
      return;
    }
    Stage from = deal.stage;
    deal.stage = result.stage();
    deal.amount = amount;
    append(StageChange.of(result));
    publish(result);
    drain();
    Opportunity.Builder changed = deal.opportunity.toBuilder().stageId(deal.stage.name())
        .probability(deal.stage.probability()).amount(money(amount));
    if (deal.stage.kind() == StageKind.OPEN) {
      deal.furthest = Math.max(deal.furthest, deal.stage.order());
      changed.expectedCloseDate(expectedClose(at, deal.stage.order(), deal.lead.random));
      evaluate(deal, at);
    } else {
      deal.closedAt = at;
      changed.expectedCloseDate(LocalDate.ofInstant(at, ZONE));
      if (deal.stage.kind() == StageKind.LOST) {
        changed.lostReason(lostReason);
      }
    }
    deal.opportunity = changed.build();
    learn(deal, from, at);
  }

  /** Trains the learner live on the outcomes of the quarter's first two months: wins, losses and reopens. */
  private void learn(DealCase deal, Stage from, Instant at) {
    if (at.isBefore(start) || !at.isBefore(cutoff)) {
      return;
    }
    LearnerObservation open = observation(deal, Outcome.OPEN);
    if (deal.stage.kind() == StageKind.WON) {
      deal.recorded = open.withOutcome(Outcome.WON);
      learner.win(open);
    } else if (deal.stage.kind() == StageKind.LOST) {
      deal.recorded = open.withOutcome(Outcome.LOST);
      learner.lose(open);
    } else if (from.kind().isTerminal() && deal.recorded != null) {
      learner.reopen(deal.recorded);
      deal.recorded = null;
    }
  }

  LearnerObservation observation(DealCase deal, Outcome outcome) {
    Lead lead = deal.lead.lead;
    Map<String, String> fields = Map.of("source", lead.sourceChannel(),
        "rating", lead.rating().orElse(LeadRating.COLD).name().toLowerCase(Locale.ROOT),
        "product", deal.group, "region", lead.region().orElse("abroad"));
    return LearnerObservation.of(deal.lead.team, deal.id, fields, deal.furthest, outcome);
  }

  /** In the evaluation month, every entry into an open stage is a point: learned and default probability then. */
  private void evaluate(DealCase deal, Instant at) {
    if (at.isBefore(cutoff) || !at.isBefore(end)) {
      return;
    }
    LearnerObservation open = observation(deal, Outcome.OPEN).withStageReached(deal.stage.order());
    WinProbability learned = learner.estimate(open);
    evaluation.add(new EvaluationPoint(deal, deal.stage.name(), deal.stage.probability(),
        learned.hasPercent() ? learned.fraction() : Double.NaN));
  }

  /** The forecast as the team sees it on the first day of the quarter's last month. */
  private void takeForecast() {
    for (DealCase deal : deals) {
      double probability = deal.stage.kind() == StageKind.WON ? 1 : deal.stage.probability();
      double learned = probability;
      if (deal.stage.kind() == StageKind.OPEN) {
        WinProbability estimate = learner.estimate(observation(deal, Outcome.OPEN)
            .withStageReached(deal.stage.order()));
        if (estimate.hasPercent()) {
          learned = estimate.fraction();
        }
      }
      String owner = deal.lead.owner;
      LocalDate close = deal.opportunity.expectedCloseDate();
      forecastLines.add(new ForecastLine(deal.id, owner, deal.lead.team, deal.stage.forecastCategory(),
          deal.amount, probability, close));
      learnedForecastLines.add(new ForecastLine(deal.id, owner, deal.lead.team, deal.stage.forecastCategory(),
          deal.amount, learned, close));
    }
  }

  /** The host's expected close date: the remaining mean working days from the stage entered, a little optimistic. */
  private LocalDate expectedClose(Instant at, int order, SplittableRandom random) {
    double days = 0;
    for (int s = order; s < DWELL_DAYS.length; s++) {
      days += DWELL_DAYS[s];
    }
    double optimism = 0.7 + 0.4 * random.nextDouble();
    return LocalDate.ofInstant(businessTime.plus(at, hoursDuration(days * optimism * 9.0)), ZONE);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // shared

  private void rejected(FireResult result, Instant at) {
    if (inQuarter(at)) {
      rejections.merge(result.rejection(), 1, Integer::sum);
    }
  }

  private void append(StageChange change) {
    if (change.at().isBefore(end)) {
      history.append(change);
    }
  }

  private void publish(FireResult result) {
    Instant at = result.context().at();
    for (DomainEvent event : result.domainEvents(() -> "E-" + (++eventIds))) {
      publisher.publish(event);
      if (inQuarter(at)) {
        eventCounts.merge(event.type(), 1, Integer::sum);
      }
    }
  }

  private List<DomainEvent> drain() {
    List<DomainEvent> events = List.copyOf(outbox);
    outbox.clear();
    return events;
  }

  private void schedule(Instant at, Subject subject, Action action) {
    int version = subject.reschedule(at);
    queue.add(new Step(at, sequence++, subject, action, version));
  }

  private void scheduleBusiness(Subject subject, Instant from, Duration working, Action action) {
    schedule(businessTime.plus(from, working), subject, action);
  }

  private static Duration hours(SplittableRandom random, double meanHours) {
    double h = -meanHours * Math.log(1 - random.nextDouble());
    return hoursDuration(Math.max(0.25, h));
  }

  private static Duration hoursDuration(double hours) {
    return Duration.ofMinutes(Math.max(1, Math.round(hours * 60)));
  }

  private Money money(double amount) {
    return Money.of(BigDecimal.valueOf(Math.round(amount)), currency);
  }

  private static double roundTo(double value, double unit) {
    return Math.max(unit, Math.round(value / unit) * unit);
  }

  static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the host's entities

  enum Action { RECEIVE, FIRST_TOUCH, WORK_CONTACTED, WORK_QUALIFIED, NURTURE, ADVANCE, REVIVE }

  /** Something with scheduled steps; a new schedule makes the earlier steps stale. */
  abstract static class Subject {
    private int version;
    Instant plannedAt = Instant.MAX;

    int version() {
      return version;
    }

    int reschedule(Instant at) {
      plannedAt = at;
      return ++version;
    }
  }

  record Step(Instant at, long seq, Subject subject, Action action, int version) implements Comparable<Step> {
    @Override
    public int compareTo(Step other) {
      int c = at.compareTo(other.at);
      return c != 0 ? c : Long.compare(seq, other.seq);
    }
  }

  /** A lead as the host keeps it: the model lead, its owner and team, its lifecycle stage and SLA timers. */
  static final class LeadCase extends Subject {
    final Lead lead;
    final String id;
    final String owner;
    final String team;
    final SplittableRandom random;
    Stage stage;
    boolean reopened;
    List<SlaTimer> timers = List.of();
    Instant nextDue = Instant.MAX;
    boolean breached;
    boolean timerCounted;

    LeadCase(Lead lead, String owner, String team, SplittableRandom random) {
      this.lead = lead;
      this.id = lead.id().value();
      this.owner = owner;
      this.team = team;
      this.random = random;
    }

    /** How much better than average this lead qualifies and wins (logit scale), from its source, rating, product. */
    double effect() {
      double rating = switch (lead.rating().orElse(LeadRating.COLD)) {
        case HOT -> 0.8;
        case WARM -> 0.0;
        default -> -0.8;
      };
      ProductGroupId group = lead.productGroupInterests().isEmpty() ? null : lead.productGroupInterests().first();
      return rating + SOURCE_EFFECT.getOrDefault(lead.sourceChannel(), 0.0)
          + (group == null ? 0 : PRODUCT_EFFECT.getOrDefault(group.value(), 0.0));
    }
  }

  /** An opportunity as the host keeps it: the model opportunity, its stage, amount and learner record. */
  static final class DealCase extends Subject {
    final String id;
    final LeadCase lead;
    final String group;
    Opportunity opportunity;
    Stage stage;
    double amount;
    int furthest;
    Instant closedAt;
    boolean requoted;
    boolean revived;
    LearnerObservation recorded;

    DealCase(String id, LeadCase lead, String group, double amount) {
      this.id = id;
      this.lead = lead;
      this.group = group;
      this.amount = amount;
    }
  }

  record DealSnapshot(Stage stage, double amount, Instant closedAt) {}

  /** One held-back point: a deal entering an open stage in the evaluation month. */
  static final class EvaluationPoint {
    final DealCase deal;
    final String stage;
    final double stageDefault;
    final double learned;
    int won = -1;

    EvaluationPoint(DealCase deal, String stage, double stageDefault, double learned) {
      this.deal = deal;
      this.stage = stage;
      this.stageDefault = stageDefault;
      this.learned = learned;
    }
  }
}
