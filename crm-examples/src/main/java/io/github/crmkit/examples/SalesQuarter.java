package io.github.crmkit.examples;

import io.github.crmkit.examples.QuarterSimulation.DealCase;
import io.github.crmkit.examples.QuarterSimulation.DealSnapshot;
import io.github.crmkit.examples.QuarterSimulation.EvaluationPoint;
import io.github.crmkit.examples.QuarterSimulation.LeadCase;
import io.github.crmkit.lifecycle.ForecastCategory;
import io.github.crmkit.lifecycle.ForecastLine;
import io.github.crmkit.lifecycle.ForecastRollup;
import io.github.crmkit.lifecycle.Forecasts;
import io.github.crmkit.lifecycle.FunnelReport;
import io.github.crmkit.lifecycle.FunnelStep;
import io.github.crmkit.lifecycle.Funnels;
import io.github.crmkit.lifecycle.PipelineDefinition;
import io.github.crmkit.lifecycle.PipelineVelocity;
import io.github.crmkit.lifecycle.Stage;
import io.github.crmkit.lifecycle.StageChange;
import io.github.crmkit.lifecycle.StageHistory;
import io.github.crmkit.lifecycle.StageKind;
import io.github.crmkit.lifecycle.StageTimeSummary;
import io.github.crmkit.lifecycle.StalledObject;
import io.github.crmkit.lifecycle.TimeInStage;
import io.github.crmkit.lifecycle.sla.SlaNotice;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A sales team's quarter on generated data, end to end through crm-lifecycle's exported API: leads worked through the
 * lead lifecycle, opportunities through the opportunity pipeline, the funnel and the forecast printed at the end.
 *
 * <p>The team, its leads and their sources, ratings, regions and product interests come from crm-testkit's
 * {@code SyntheticData} (20 sales reps in four area teams, Shanghai working hours). The host (a package-private
 * simulation) owns every lead and opportunity; the engine's definitions are the presets
 * ({@code LifecyclePresets.leadLifecycle()} and {@code opportunityPipeline()}), shared and immutable. Each lead is
 * received, followed up under an SLA timer in business time (reminders, breach, escalation to the area manager),
 * contacted, qualified or disqualified, recycled to the pool and sometimes reopened by nurturing, and converted; the
 * conversion's {@code opportunity.create-requested} and {@code customer.link-requested} events make the host create
 * the opportunity, which moves through the pipeline (sometimes skipping a stage, re-quoted by an explicit reopen, lost
 * with a reason, revived) to won or lost. Reps make ordinary mistakes (converting an unqualified lead, losing a deal
 * without a reason, moving back without a reopen); the engine rejects them as normal results and the rep retries.
 * Every accepted change is appended to the {@code StageHistory} with the rep's agent id, the amount and the stage's
 * probability. The win-probability learner learns live from the deals closed in January and February and is scored
 * (Brier) against the stage defaults on the deals worked in March, whose outcomes the simulation knows by running
 * every object to its end after the quarter.
 *
 * <p>Chance of qualifying and winning depends, by construction, on the lead's source, rating and product (its region
 * has no effect), so the learner has something to find. The printed report is a pure function of the seed and the
 * lead count; it holds ids, counts and amounts only, never personal data.
 *
 * <p>Run it with {@code java -cp crm-cli/target/crm.jar io.github.crmkit.examples.SalesQuarter [seed [leads]]} after
 * {@code ./crm --help} has built the jar, or from an IDE; {@code crm demo} prints the same quarter in brief.
 *
 * <p>Thread-safety: stateless; {@link #run(PrintStream, long, int)} may be called from several threads, each with
 * its own output stream.
 */
public final class SalesQuarter {
  /** The leads received in a quarter unless {@code main} is told otherwise. */
  public static final int DEFAULT_LEADS = 3000;

  private SalesQuarter() {}

  /**
   * Runs the quarter and prints the report to standard output.
   *
   * @param args optional: the seed (42 unless given) and the number of leads a quarter (3,000 unless given)
   */
  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 42L;
    int leads = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_LEADS;
    run(System.out, seed, leads);
  }

  /**
   * Simulates a quarter and prints its report.
   *
   * @param out where the report is printed
   * @param seed the seed of the generated data and of every decision, so that every run can be replayed
   * @param leads the number of leads received in a quarter, at least 1
   * @throws NullPointerException if {@code out} is null
   * @throws IllegalArgumentException if {@code leads} is less than 1
   */
  public static void run(PrintStream out, long seed, int leads) {
    Objects.requireNonNull(out, "out");
    print(out, simulate(seed, leads));
  }

  static QuarterSimulation simulate(long seed, int leads) {
    return new QuarterSimulation(seed, leads).run();
  }

  // -----------------------------------------------------------------------------------------------------------------
  // the full report

  static void print(PrintStream out, QuarterSimulation q) {
    out.printf(Locale.ROOT, "crmkit sales quarter 2026-Q1 on generated data (seed %d, %,d leads a quarter)%n%n",
        q.seed, q.leadsPerQuarter);
    printTeam(out, q);
    printLeads(out, q);
    printOpportunities(out, q);
    printLearner(out, q);
    printForecast(out, q);
  }

  private static void printTeam(PrintStream out, QuarterSimulation q) {
    Map<String, Integer> reps = new TreeMap<>();
    q.teamOfOwner.values().forEach(t -> reps.merge(t, 1, Integer::sum));
    List<String> teams = new ArrayList<>();
    reps.forEach((team, n) -> teams.add(team + " " + n));
    out.printf(Locale.ROOT, "Team           %d active sales reps: %s%n", q.teamOfOwner.size(),
        String.join(", ", teams));
    out.printf(Locale.ROOT, "Calendar       Mon-Fri 09:00-18:00 %s; holidays %s%n", QuarterSimulation.ZONE,
        holidays());
    out.printf(Locale.ROOT, "Pipelines      %-15s %s%n", q.leadPipeline.name(), stageNames(q.leadPipeline));
    wrap(out, String.format(Locale.ROOT, "               %-15s ", q.salesPipeline.name()),
        stageNames(q.salesPipeline));
    out.printf(Locale.ROOT, "Carried over   %,d open leads and %,d open opportunities from 2025-Q4%n",
        q.openLeadsAtStart, q.openDealsAtStart);
  }

  private static String holidays() {
    List<String> out = new ArrayList<>();
    List<LocalDate> days = QuarterSimulation.HOLIDAYS;
    for (int i = 0; i < days.size(); ) {
      int j = i;
      while (j + 1 < days.size() && workdayAfter(days.get(j)).equals(days.get(j + 1))) {
        j++;
      }
      out.add(i == j ? days.get(i).toString() : days.get(i) + ".." + days.get(j).getDayOfMonth());
      i = j + 1;
    }
    return String.join(", ", out);
  }

  private static LocalDate workdayAfter(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (next.getDayOfWeek().getValue() > 5) {
      next = next.plusDays(1);
    }
    return next;
  }

  /** The open stages in order, then the terminal ones with their kinds. */
  private static String stageNames(PipelineDefinition definition) {
    List<String> open = new ArrayList<>();
    List<String> terminal = new ArrayList<>();
    for (Stage stage : definition.stages()) {
      if (stage.kind() == StageKind.OPEN) {
        open.add(stage.name());
      } else {
        terminal.add(stage.name() + (stage.name().equals(stage.kind().jsonName()) ? ""
            : " (" + stage.kind().jsonName() + ")"));
      }
    }
    return String.join(" > ", open) + " | " + String.join(", ", terminal);
  }

  private static void printLeads(PrintStream out, QuarterSimulation q) {
    Map<String, Integer> byStage = new LinkedHashMap<>();
    q.leadPipeline.stages().forEach(s -> byStage.put(s.name(), 0));
    int received = 0;
    for (LeadCase lead : q.leads) {
      if (q.inQuarter(lead.lead.receivedAt())) {
        received++;
        byStage.merge(q.leadStageAtQuarterEnd.get(lead.id), 1, Integer::sum);
      }
    }
    int open = byStage.get("new") + byStage.get("contacted") + byStage.get("qualified");
    out.printf(Locale.ROOT, "%nLeads received in the quarter: %,d = %,d converted + %,d disqualified + %,d recycled + "
        + "%,d open%n", received, byStage.get("converted"), byStage.get("disqualified"), byStage.get("recycled"), open);
    out.printf(Locale.ROOT, "  open at quarter end: %,d new, %,d contacted, %,d qualified; %,d leads reopened from "
        + "the pool by nurturing%n", byStage.get("new"), byStage.get("contacted"), byStage.get("qualified"),
        q.leadsReopened);

    FunnelReport funnel = Funnels.cohort(q.history, q.leadPipeline, q.start, q.end, null);
    out.printf(Locale.ROOT, "  Lead funnel, cohort received 2026-01-01 to 2026-03-31 (%,d leads)%n", funnel.objects());
    printFunnel(out, funnel);
    out.printf(Locale.ROOT, "  outcomes: %,d converted, %,d disqualified, %,d recycled%n", funnel.won(), funnel.lost(),
        funnel.closed());

    int clocks = q.slaStartedNew + q.slaStartedReopened;
    out.printf(Locale.ROOT, "  Follow-up SLA (business time, per lead in stage new): first touch within 2 working "
        + "days,%n    a reminder 4 working hours before the breach, an escalation to the area manager 1 working day "
        + "after it%n");
    wrap(out, "    ", String.format(Locale.ROOT, "clocks started %,d (%,d new leads, %,d reopened): %,d met, %,d "
        + "late, %,d still running at quarter end (%,d past the limit)", clocks, q.slaStartedNew, q.slaStartedReopened,
        q.slaMet, q.slaLate, q.slaRunning, q.slaRunningBreached));
    wrap(out, "    ", String.format(Locale.ROOT, "notices: %,d reminders, %,d breaches, %,d escalations (%s); %,d "
        + "first touches brought forward by a notice", q.notices.getOrDefault(SlaNotice.Kind.REMINDER, 0),
        q.notices.getOrDefault(SlaNotice.Kind.BREACH, 0), q.notices.getOrDefault(SlaNotice.Kind.ESCALATION, 0),
        counts(q.escalationsByManager, "to "), q.reactedToNotice));
    wrap(out, "  ", "Stalled at quarter end (longer in an open stage than it allows): "
        + stalled(q.history, q.leadPipeline, q));
  }

  private static void printOpportunities(PrintStream out, QuarterSimulation q) {
    int created = 0;
    int fromEarlierLeads = 0;
    int won = 0;
    int lost = 0;
    int open = 0;
    for (DealCase deal : q.deals) {
      DealSnapshot end = q.atQuarterEnd.get(deal.id);
      if (end != null && q.inQuarter(deal.opportunity.createdAt())) {
        created++;
        if (!q.inQuarter(deal.lead.lead.receivedAt())) {
          fromEarlierLeads++;
        }
        switch (end.stage().kind()) {
          case WON -> won++;
          case LOST -> lost++;
          default -> open++;
        }
      }
    }
    out.printf(Locale.ROOT, "%nOpportunities created in the quarter: %,d (one per opportunity.create-requested event of "
        + "a lead conversion)%n", created);
    out.printf(Locale.ROOT, "  = %,d won + %,d lost + %,d open at quarter end; %,d from this quarter's leads, %,d "
        + "from earlier ones%n", won, lost, open, created - fromEarlierLeads, fromEarlierLeads);
    FunnelReport funnel = Funnels.cohort(q.history, q.salesPipeline, q.start, q.end, null);
    out.printf(Locale.ROOT, "  Funnel, cohort created 2026-01-01 to 2026-03-31 (%,d opportunities)%n",
        funnel.objects());
    printFunnel(out, funnel);
    out.printf(Locale.ROOT, "    (mean days: calendar days of the visits that ended)%n");
    out.printf(Locale.ROOT, "  Win rate %s (%,d won / %,d closed), average sales cycle %.1f days, mean won amount "
        + "%s %,.0f%n", pct(funnel.winRate()), funnel.won(), funnel.won() + funnel.lost(),
        funnel.averageSalesCycleDays(), q.currency.getCurrencyCode(), funnel.meanWonAmount());
    FunnelReport period = Funnels.period(q.history, q.salesPipeline, q.start, q.end);
    out.printf(Locale.ROOT, "  Closed in the quarter, any cohort (period funnel): %,d won, %,d lost, win rate %s, "
        + "average sales cycle %.1f days%n", period.won(), period.lost(), pct(period.winRate()),
        period.averageSalesCycleDays());
    PipelineVelocity velocity = Funnels.velocity(q.history, q.salesPipeline, "needs_analysis", period);
    wrap(out, "  ", String.format(Locale.ROOT, "Pipeline velocity: %,d open deals at needs_analysis or beyond x %s "
        + "win rate x %s %,.0f mean won amount / %.1f days = %s %,.0f a day", velocity.openQualified(),
        pct(velocity.winRate()), q.currency.getCurrencyCode(), velocity.meanWonAmount(), velocity.meanCycleDays(),
        q.currency.getCurrencyCode(), velocity.valuePerDay()));
    wrap(out, "  ", "Lost reasons: " + lostReasons(q));
    wrap(out, "  ", "Stalled at quarter end: " + stalled(q.history, q.salesPipeline, q));
    out.printf(Locale.ROOT, "  Rework: %,d re-quotes (negotiation back to proposal_quote by an explicit reopen), %,d "
        + "lost deals revived%n", q.dealsRequoted, q.dealsRevived);
    Map<String, Integer> rejected = new TreeMap<>();
    q.rejections.forEach((r, n) -> rejected.put(r.name(), n));
    wrap(out, "  ", "Rejected events (ordinary results, state unchanged, the rep retried): " + counts(rejected, ""));
    wrap(out, "  ", "Domain events published: " + counts(q.eventCounts, ""));
    printTimeInStage(out, q);
    timeInStageExample(out, q);
  }

  private static void printFunnel(PrintStream out, FunnelReport funnel) {
    out.printf(Locale.ROOT, "    %-17s %8s %9s %11s %10s%n", "stage", "entered", "moved on", "conversion",
        "mean days");
    for (FunnelStep step : funnel.steps()) {
      boolean last = step == funnel.steps().get(funnel.steps().size() - 1);
      if (last) {
        out.printf(Locale.ROOT, "    %-17s %,8d%n", step.stage(), step.entered());
      } else {
        out.printf(Locale.ROOT, "    %-17s %,8d %,9d %11s %10s%n", step.stage(), step.entered(), step.movedOn(),
            pct(step.conversion()), Double.isNaN(step.meanDaysInStage()) ? "-"
                : String.format(Locale.ROOT, "%.1f", step.meanDaysInStage()));
      }
    }
  }

  /**
   * Time in stage over every deal as of the quarter's end, one pass over the history: per deal, the total over its
   * visits (a reopen adds one) and its latest visit, in calendar days and in working days of the team's calendar.
   */
  private static void printTimeInStage(PrintStream out, QuarterSimulation q) {
    out.printf(Locale.ROOT, "  Time in stage, every deal as of the quarter's end (mean per deal that visited the "
        + "stage)%n");
    out.printf(Locale.ROOT, "    %-17s %8s %8s %10s %10s %10s %10s%n", "stage", "deals", "visits", "total d",
        "latest d", "total wd", "latest wd");
    double hoursPerDay = QuarterSimulation.WORKING_DAY.toMinutes() / 60.0;
    for (StageTimeSummary t : Funnels.timeInStage(q.history, q.salesPipeline, q.end, q.calendar)) {
      if (q.salesPipeline.stage(t.stage()).kind() == StageKind.OPEN) {
        out.printf(Locale.ROOT, "    %-17s %,8d %,8d %10.1f %10.1f %10.1f %10.1f%n", t.stage(), t.objects(),
            t.visits(), t.meanTotalDays(), t.meanLatestDays(), t.meanTotalWorkingHours() / hoursPerDay,
            t.meanLatestWorkingHours() / hoursPerDay);
      }
    }
    out.printf(Locale.ROOT, "    (d: calendar days; wd: working days of %d hours, Mon-Fri 09:00-18:00 without the "
        + "holidays;%n     the visit a deal is in runs to the quarter's end)%n", Math.round(hoursPerDay));
  }

  /** Time in stage of one deal that was re-quoted (a reopen): latest visit and cumulative, calendar and business. */
  private static void timeInStageExample(PrintStream out, QuarterSimulation q) {
    for (DealCase deal : q.deals) {
      DealSnapshot end = q.atQuarterEnd.get(deal.id);
      if (end == null || !deal.requoted || end.stage().kind() != StageKind.WON
          || !q.inQuarter(deal.opportunity.createdAt())) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      for (TimeInStage t : q.history.timeInStage(deal.id, q.end, q.calendar)) {
        if (q.salesPipeline.stage(t.stage()).kind() == StageKind.OPEN) {
          parts.add(String.format(Locale.ROOT, "%s%s %s (%.1f)", t.stage(), t.visits() == 1 ? ""
              : " " + t.visits() + " visits, latest " + days(t.latest()) + ", total", days(t.cumulative()),
              t.cumulativeBusiness().toMinutes() / (double) QuarterSimulation.WORKING_DAY.toMinutes()));
        }
      }
      wrap(out, "  ", String.format(Locale.ROOT, "Time in stage of %s (re-quoted, won %s), calendar days (working "
          + "days): %s", deal.id,
          LocalDate.ofInstant(end.closedAt(), QuarterSimulation.ZONE), String.join(", ", parts)));
      return;
    }
  }

  private static String days(Duration d) {
    return String.format(Locale.ROOT, "%.1f", d.toMinutes() / 1440.0);
  }

  private static String stalled(StageHistory history, PipelineDefinition definition, QuarterSimulation q) {
    Map<String, Integer> byStage = new LinkedHashMap<>();
    List<StalledObject> stalled = Funnels.stalled(history, definition, q.end);
    for (StalledObject s : stalled) {
      byStage.merge(s.stage(), 1, Integer::sum);
    }
    if (stalled.isEmpty()) {
      return "none";
    }
    StalledObject longest = stalled.get(0);
    List<String> parts = new ArrayList<>();
    for (var stage : definition.stages()) {
      if (byStage.containsKey(stage.name())) {
        parts.add(stage.name() + " " + byStage.get(stage.name()));
      }
    }
    return String.format(Locale.ROOT, "%,d (%s); longest %s, %.0f days in %s", stalled.size(),
        String.join(", ", parts), longest.objectId(), longest.daysInStage(), longest.stage());
  }

  private static String lostReasons(QuarterSimulation q) {
    Map<String, Integer> reasons = new TreeMap<>();
    int total = 0;
    for (int row = 0; row < q.history.size(); row++) {
      StageChange change = q.history.get(row);
      if (change.pipeline().equals(q.salesPipeline.name()) && change.to().equals("lost")
          && q.inQuarter(change.at())) {
        reasons.merge(change.lostReason(), 1, Integer::sum);
        total++;
      }
    }
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(reasons.entrySet());
    sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Integer> e : sorted) {
      parts.add(e.getKey() + " " + pct((double) e.getValue() / total));
    }
    return String.format(Locale.ROOT, "%,d losses in the quarter (a revived deal lost again counts twice): %s", total,
        String.join(", ", parts));
  }

  private static void printLearner(PrintStream out, QuarterSimulation q) {
    out.println();
    wrap(out, "", String.format(Locale.ROOT, "Win-probability learner: naive Bayes over %s and the stage reached, "
        + "per team, +0.1 smoothing, at least %d closed deals a team", String.join(", ",
        QuarterSimulation.LEARNER_FIELDS), q.learnerSettings.minimumSample()));
    List<String> teams = new ArrayList<>();
    for (String team : new TreeSet<>(q.teamOfOwner.values())) {
      teams.add(team + " " + (q.trained.won(team) + q.trained.lost(team)));
    }
    wrap(out, "  ", "trained live on the deals closed 2026-01-01 to 2026-02-28: " + String.join(", ", teams));
    Brier brier = brier(q);
    out.printf(Locale.ROOT, "  held back: %,d entries of deals into an open stage in March, outcomes known from the "
        + "run-out after the quarter%n", brier.points);
    out.printf(Locale.ROOT, "  learned for %,d; insufficient history for %,d (the stage default stands in)%n",
        brier.learned, brier.points - brier.learned);
    out.printf(Locale.ROOT, "  Brier score (lower is better): learner %.4f, stage defaults %.4f%n", brier.learner,
        brier.defaults);
  }

  /** Brier scores of the held-back points: mean squared difference between probability and outcome. */
  record Brier(int points, int learned, double learner, double defaults) {}

  static Brier brier(QuarterSimulation q) {
    int points = 0;
    int learned = 0;
    double learner = 0;
    double defaults = 0;
    for (EvaluationPoint p : q.evaluation) {
      if (p.won < 0) {
        continue; // never closed (does not happen: every deal runs to its end)
      }
      points++;
      double p1 = Double.isNaN(p.learned) ? p.stageDefault : p.learned;
      if (!Double.isNaN(p.learned)) {
        learned++;
      }
      learner += (p1 - p.won) * (p1 - p.won);
      defaults += (p.stageDefault - p.won) * (p.stageDefault - p.won);
    }
    return new Brier(points, learned, points == 0 ? Double.NaN : learner / points,
        points == 0 ? Double.NaN : defaults / points);
  }

  private static final ForecastCategory[] SINGLE = {ForecastCategory.CLOSED, ForecastCategory.COMMIT,
      ForecastCategory.BEST_CASE, ForecastCategory.PIPELINE};
  private static final ForecastCategory[] CUMULATIVE = {ForecastCategory.COMMIT, ForecastCategory.BEST_CASE,
      ForecastCategory.PIPELINE};

  private static void printForecast(PrintStream out, QuarterSimulation q) {
    String quarter = Forecasts.Period.QUARTER.key(QuarterSimulation.QUARTER);
    List<ForecastLine> lines = inPeriod(q.forecastLines, quarter);
    List<ForecastLine> learnedLines = inPeriod(q.learnedForecastLines, quarter);
    Map<String, Double> actual = new TreeMap<>();
    for (DealCase deal : q.deals) {
      DealSnapshot end = q.atQuarterEnd.get(deal.id);
      if (end != null && end.stage().kind() == StageKind.WON && q.inQuarter(end.closedAt())) {
        actual.merge(deal.lead.owner, end.amount(), Double::sum);
      }
    }
    out.println();
    wrap(out, "", String.format(Locale.ROOT, "Forecast for %s as of %s (%s thousands): deals won in the quarter and "
        + "open deals expected to close in it", quarter, QuarterSimulation.CUTOFF, q.currency.getCurrencyCode()));
    out.printf(Locale.ROOT, "  %-16s %-39s %-29s %-19s %9s%n", "", "  single category", "  cumulative",
        "  weighted", "actual");
    out.printf(Locale.ROOT, "  %-5s %-10s %9s %9s %9s %9s %9s %9s %9s %9s %9s %9s%n", "owner", "team", "closed",
        "commit", "best_case", "pipeline", "commit", "best_case", "pipeline", "stage", "learned", "won Q1");
    SortedMap<String, SortedMap<String, ForecastRollup>> byTeam = Forecasts.byTeamAndOwner(lines);
    SortedMap<String, SortedMap<String, ForecastRollup>> learnedByTeam = Forecasts.byTeamAndOwner(learnedLines);
    SortedMap<String, ForecastRollup> teams = Forecasts.byTeam(lines);
    SortedMap<String, ForecastRollup> learnedTeams = Forecasts.byTeam(learnedLines);
    Map<String, Double> actualByTeam = new TreeMap<>();
    actual.forEach((owner, amount) -> actualByTeam.merge(q.teamOfOwner.get(owner), amount, Double::sum));
    for (String team : new TreeSet<>(q.teamOfOwner.values())) {
      for (Map.Entry<String, String> owner : q.teamOfOwner.entrySet()) {
        if (owner.getValue().equals(team)) {
          SortedMap<String, ForecastRollup> owners = byTeam.getOrDefault(team, new TreeMap<>());
          SortedMap<String, ForecastRollup> learnedOwners = learnedByTeam.getOrDefault(team, new TreeMap<>());
          row(out, owner.getKey(), team, owners.get(owner.getKey()), learnedOwners.get(owner.getKey()),
              actual.getOrDefault(owner.getKey(), 0.0));
        }
      }
      row(out, "", team, teams.get(team), learnedTeams.get(team), actualByTeam.getOrDefault(team, 0.0));
    }
    double total = 0;
    for (double a : actual.values()) {
      total += a;
    }
    row(out, "all", "team-sales", Forecasts.total(lines), Forecasts.total(learnedLines), total);
  }

  private static List<ForecastLine> inPeriod(List<ForecastLine> lines, String quarter) {
    List<ForecastLine> in = new ArrayList<>();
    for (ForecastLine line : lines) {
      if (line.closeDate() != null && Forecasts.Period.QUARTER.key(line.closeDate()).equals(quarter)) {
        in.add(line);
      }
    }
    return in;
  }

  private static void row(PrintStream out, String owner, String team, ForecastRollup rollup, ForecastRollup learned,
      double actual) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-5s %-10s", owner, team));
    for (ForecastCategory c : SINGLE) {
      line.append(String.format(Locale.ROOT, " %,9.0f", rollup == null ? 0 : rollup.amount(c) / 1000));
    }
    for (ForecastCategory c : CUMULATIVE) {
      line.append(String.format(Locale.ROOT, " %,9.0f", rollup == null ? 0 : rollup.cumulativeAmount(c) / 1000));
    }
    line.append(String.format(Locale.ROOT, " %,9.0f %,9.0f %,9.0f",
        rollup == null ? 0 : rollup.weightedPipeline() / 1000, learned == null ? 0 : learned.weightedPipeline() / 1000,
        actual / 1000));
    out.println(line);
  }

  // -----------------------------------------------------------------------------------------------------------------
  // the brief, for the demo

  /**
   * Prints the lifecycle in brief: the two funnels, win rate, cycle, velocity and the team's forecast.
   *
   * @param out where to print
   * @param q a finished simulation
   */
  static void printBrief(PrintStream out, QuarterSimulation q) {
    FunnelReport leads = Funnels.cohort(q.history, q.leadPipeline, q.start, q.end, null);
    FunnelReport deals = Funnels.cohort(q.history, q.salesPipeline, q.start, q.end, null);
    FunnelReport period = Funnels.period(q.history, q.salesPipeline, q.start, q.end);
    PipelineVelocity velocity = Funnels.velocity(q.history, q.salesPipeline, "needs_analysis", period);
    String ccy = q.currency.getCurrencyCode();
    out.printf(Locale.ROOT, "%nLifecycle      a generated sales quarter (2026-Q1, %,d leads, %d reps), crm-lifecycle "
        + "presets%n", q.leadsPerQuarter, q.teamOfOwner.size());
    wrap(out, "  Lead funnel    ", briefFunnel(leads));
    wrap(out, "  Deal funnel    ", briefFunnel(deals));
    wrap(out, "  Deals closed   ", String.format(Locale.ROOT, "%,d won, %,d lost in the quarter: win rate %s, "
        + "average cycle %.1f days, velocity %s %,.0f a day", period.won(), period.lost(), pct(period.winRate()),
        period.averageSalesCycleDays(), ccy, velocity.valuePerDay()));
    List<ForecastLine> lines = inPeriod(q.forecastLines, "2026-Q1");
    ForecastRollup team = Forecasts.total(lines);
    double actual = 0;
    for (DealCase deal : q.deals) {
      DealSnapshot end = q.atQuarterEnd.get(deal.id);
      if (end != null && end.stage().kind() == StageKind.WON && q.inQuarter(end.closedAt())) {
        actual += end.amount();
      }
    }
    out.printf(Locale.ROOT, "  Forecast       on %s for the quarter, %s thousands, single / cumulative: closed %,.0f, "
        + "commit %,.0f / %,.0f,%n", QuarterSimulation.CUTOFF, ccy, team.amount(ForecastCategory.CLOSED) / 1000,
        team.amount(ForecastCategory.COMMIT) / 1000, team.cumulativeAmount(ForecastCategory.COMMIT) / 1000);
    out.printf(Locale.ROOT, "                 best case %,.0f / %,.0f, pipeline %,.0f / %,.0f; weighted %,.0f; won by "
        + "the quarter's end %,.0f%n", team.amount(ForecastCategory.BEST_CASE) / 1000,
        team.cumulativeAmount(ForecastCategory.BEST_CASE) / 1000, team.amount(ForecastCategory.PIPELINE) / 1000,
        team.cumulativeAmount(ForecastCategory.PIPELINE) / 1000, team.weightedPipeline() / 1000, actual / 1000);
  }

  private static String briefFunnel(FunnelReport funnel) {
    StringBuilder out = new StringBuilder();
    List<FunnelStep> steps = funnel.steps();
    for (int i = 0; i < steps.size(); i++) {
      FunnelStep step = steps.get(i);
      if (i > 0) {
        out.append(" > ");
      }
      out.append(step.stage()).append('\u00a0').append(String.format(Locale.ROOT, "%,d", step.entered()));
      if (i > 0) {
        out.append("\u00a0(").append(pct(steps.get(i - 1).conversion())).append(')');
      }
    }
    return out.toString();
  }

  // -----------------------------------------------------------------------------------------------------------------

  /** The widest line the report prints. */
  static final int WIDTH = 118;

  /**
   * Prints text after a prefix, wrapped at spaces to {@link #WIDTH} columns, continuation lines indented by the
   * prefix's width (plus two for a prefix that is only spaces). A no-break space keeps words together and is printed
   * as a space.
   */
  static void wrap(PrintStream out, String prefix, String text) {
    String indent = " ".repeat(prefix.isBlank() ? prefix.length() + 2 : prefix.length());
    StringBuilder line = new StringBuilder(prefix);
    int start = line.length();
    for (String word : text.split(" ")) {
      if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
        out.println(line.toString().replace('\u00a0', ' '));
        line.setLength(0);
        line.append(indent);
        start = line.length();
      }
      if (line.length() > start) {
        line.append(' ');
      }
      line.append(word);
    }
    out.println(line.toString().replace('\u00a0', ' '));
  }

  static String pct(double fraction) {
    return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  private static String counts(Map<String, Integer> counts, String prefix) {
    if (counts.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((k, v) -> parts.add(prefix + k + " " + String.format(Locale.ROOT, "%,d", v)));
    return String.join(", ", parts);
  }
}
