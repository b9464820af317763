package io.github.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.crmkit.examples.QuarterSimulation.LeadCase;
import io.github.crmkit.lifecycle.LifecyclePresets;
import io.github.crmkit.lifecycle.StageChange;
import io.github.crmkit.model.Lead;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the sales quarter on a fixed seed (42, 3,000 leads, what {@code main} runs) and checks facts of its report that
 * can be checked by hand: counts that reconcile, funnel arithmetic, nested forecast roll-ups, the learner's Brier
 * score below the stage defaults', and figures that agree with an independent pass over the stage history.
 */
class SalesQuarterTest {
  /** 2026-Q1 in Asia/Shanghai. */
  private static final Instant Q1_START = Instant.parse("2025-12-31T16:00:00Z");
  private static final Instant Q1_END = Instant.parse("2026-03-31T16:00:00Z");

  private static QuarterSimulation quarter;
  private static String report;

  @BeforeAll
  static void runTheQuarter() {
    quarter = SalesQuarter.simulate(42L, SalesQuarter.DEFAULT_LEADS);
    report = print(quarter);
  }

  private static String print(QuarterSimulation q) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      SalesQuarter.print(out, q);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String run(long seed, int leads) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      SalesQuarter.run(out, seed, leads);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The report with wrapped lines joined again. */
  private static String unwrapped(String text) {
    return text.replaceAll("\n {4,}(?=[^ ])", " ");
  }

  private static Matcher find(String text, String regex) {
    Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(unwrapped(text));
    assertThat(m.find()).as("report matches %s", regex).isTrue();
    return m;
  }

  private static long n(String digits) {
    return Long.parseLong(digits.replace(",", ""));
  }

  private static final String N = "([\\d,]+)";
  private static final String PCT = "([\\d.]+)%";

  /** Funnel rows: stage, entered, moved on, conversion; the last (won) row has only stage and entered. */
  private record Step(String stage, long entered, long movedOn, double conversion) {}

  private static List<Step> funnel(String title) {
    int at = report.indexOf(title);
    assertThat(at).as(title).isNotNegative();
    List<String> lines = report.substring(at).lines().skip(2).toList();
    List<Step> steps = new ArrayList<>();
    Pattern row = Pattern.compile("^    ([a-z_]+) +" + N + " +" + N + " +" + PCT + " .*$");
    Pattern last = Pattern.compile("^    ([a-z_|]+) +" + N + "$");
    for (String line : lines) {
      Matcher m = row.matcher(line);
      if (m.matches()) {
        steps.add(new Step(m.group(1), n(m.group(2)), n(m.group(3)), Double.parseDouble(m.group(4))));
        continue;
      }
      m = last.matcher(line);
      assertThat(m.matches()).as("funnel row or last row: %s", line).isTrue();
      steps.add(new Step(m.group(1), n(m.group(2)), 0, Double.NaN));
      break;
    }
    return steps;
  }

  @Test
  void leadsReconcile() {
    Matcher m = find(report, "^Leads received in the quarter: " + N + " = " + N + " converted \\+ " + N
        + " disqualified \\+ " + N + " recycled \\+ " + N + " open$");
    long received = n(m.group(1));
    long converted = n(m.group(2));
    long disqualified = n(m.group(3));
    long recycled = n(m.group(4));
    long open = n(m.group(5));
    assertThat(converted + disqualified + recycled + open).isEqualTo(received);

    long inQuarter = 0;
    for (LeadCase lead : quarter.leads) {
      Instant at = lead.lead.receivedAt();
      if (!at.isBefore(Q1_START) && at.isBefore(Q1_END)) {
        inQuarter++;
      }
    }
    assertThat(received).isEqualTo(inQuarter).isBetween(2_900L, 3_100L);

    Matcher byStage = find(report, "^  open at quarter end: " + N + " new, " + N + " contacted, " + N + " qualified;");
    assertThat(n(byStage.group(1)) + n(byStage.group(2)) + n(byStage.group(3))).isEqualTo(open);

    // the funnel, a pure function of the stage history, agrees with the host's own entities
    Matcher outcomes = find(report, "^  outcomes: " + N + " converted, " + N + " disqualified, " + N + " recycled$");
    assertThat(n(outcomes.group(1))).isEqualTo(converted);
    assertThat(n(outcomes.group(2))).isEqualTo(disqualified);
    assertThat(n(outcomes.group(3))).isEqualTo(recycled);
    List<Step> steps = funnel("Lead funnel, cohort received");
    assertThat(steps).extracting(Step::stage).containsExactly("new", "contacted", "qualified", "converted");
    assertThat(steps.get(0).entered()).isEqualTo(received);
    assertThat(steps.get(3).entered()).isEqualTo(converted);
    assertThat(report).contains("cohort received 2026-01-01 to 2026-03-31 (" + String.format("%,d", received)
        + " leads)");
  }

  @Test
  void funnelsConvertBetweenZeroAndOneAndEachStepFeedsTheNext() {
    for (String title : List.of("Lead funnel, cohort received", "  Funnel, cohort created")) {
      List<Step> steps = funnel(title);
      assertThat(steps).hasSizeGreaterThan(3);
      for (int i = 0; i < steps.size() - 1; i++) {
        Step step = steps.get(i);
        assertThat(step.conversion()).as(step.stage()).isBetween(0.0, 100.0)
            .isCloseTo(100.0 * step.movedOn() / step.entered(), within(0.051));
        assertThat(step.movedOn()).isLessThanOrEqualTo(step.entered());
        // the simulation's objects only skip forward or go back to stages they reached, so the set of stages an
        // object reached is a prefix of the funnel: whoever moved on from a stage entered the next one
        assertThat(steps.get(i + 1).entered()).as("entered after " + step.stage()).isEqualTo(step.movedOn());
      }
    }
  }

  @Test
  void opportunitiesReconcileWithTheConversionsAndTheEvents() {
    long created = n(find(report, "^Opportunities created in the quarter: " + N + " ").group(1));
    Matcher m = find(report, "^  = " + N + " won \\+ " + N + " lost \\+ " + N + " open at quarter end; " + N
        + " from this quarter's leads, " + N + " from earlier ones$");
    long won = n(m.group(1));
    long lost = n(m.group(2));
    assertThat(won + lost + n(m.group(3))).isEqualTo(created);
    assertThat(n(m.group(4)) + n(m.group(5))).isEqualTo(created);
    long converted = n(find(report, " = " + N + " converted \\+").group(1));
    assertThat(n(m.group(4))).as("this quarter's leads converted in it").isEqualTo(converted);
    assertThat(n(m.group(5))).as("leads of 2025-Q4 converted in 2026-Q1").isPositive();

    // one create-requested and one customer-link event per conversion, and one opportunity per create request
    assertThat(n(find(report, "opportunity\\.create-requested " + N).group(1))).isEqualTo(created);
    assertThat(n(find(report, "customer\\.link-requested " + N).group(1))).isEqualTo(created);

    List<Step> steps = funnel("  Funnel, cohort created");
    assertThat(steps.get(0).entered()).isEqualTo(created);
    assertThat(steps.get(steps.size() - 1).stage()).isEqualTo("won");
    assertThat(steps.get(steps.size() - 1).entered()).isEqualTo(won);
    Matcher rate = find(report, "^  Win rate " + PCT + " \\(" + N + " won / " + N + " closed\\)");
    assertThat(n(rate.group(2))).isEqualTo(won);
    assertThat(n(rate.group(3))).isEqualTo(won + lost);
    assertThat(Double.parseDouble(rate.group(1))).isCloseTo(100.0 * won / (won + lost), within(0.051));
  }

  @Test
  void stageChangedEventsCountTheFiredChangesOfTheHistory() {
    // every accepted event is one stage-changed event and one history row with a "from" stage; entries into a
    // pipeline are appended by the host without firing
    Map<String, Long> fired = new LinkedHashMap<>(Map.of("lead_lifecycle", 0L, "sales", 0L));
    for (int row = 0; row < quarter.history.size(); row++) {
      StageChange change = quarter.history.get(row);
      if (change.from() != null && !change.at().isBefore(Q1_START) && change.at().isBefore(Q1_END)) {
        fired.merge(change.pipeline(), 1L, Long::sum);
      }
      assertThat(change.actor()).matches("R-\\d{3}|Q-NURTURE");
    }
    assertThat(n(find(report, "lead\\.stage-changed " + N).group(1))).isEqualTo(fired.get("lead_lifecycle"));
    assertThat(n(find(report, "opportunity\\.stage-changed " + N).group(1))).isEqualTo(fired.get("sales"));
  }

  @Test
  void timeInStageTotalsCoverTheLatestVisitAndWorkingTimeFitsInCalendarTime() {
    int at = report.indexOf("  Time in stage, every deal as of the quarter's end");
    assertThat(at).isNotNegative();
    Pattern row = Pattern.compile("^    ([a-z_]+) +" + N + " +" + N + " +([\\d.]+) +([\\d.]+) +([\\d.]+) +([\\d.]+)$");
    List<String> stages = new ArrayList<>();
    for (String line : report.substring(at).lines().skip(2).toList()) {
      Matcher m = row.matcher(line);
      if (!m.matches()) {
        break;
      }
      stages.add(m.group(1));
      long deals = n(m.group(2));
      long visits = n(m.group(3));
      double totalDays = Double.parseDouble(m.group(4));
      double latestDays = Double.parseDouble(m.group(5));
      double totalWorking = Double.parseDouble(m.group(6));
      double latestWorking = Double.parseDouble(m.group(7));
      assertThat(visits).as(line).isGreaterThanOrEqualTo(deals);
      assertThat(totalDays).as(line).isGreaterThanOrEqualTo(latestDays);
      assertThat(totalWorking).as(line).isGreaterThanOrEqualTo(latestWorking);
      // nine working hours at most in a day of 24 hours
      assertThat(totalWorking * 9).as(line).isLessThanOrEqualTo(totalDays * 24 + 0.1 * 24);
      if (m.group(1).equals("initial_contact")) {
        // every deal that existed at the quarter's end entered the pipeline there
        assertThat(deals).isEqualTo(quarter.atQuarterEnd.size());
      }
    }
    assertThat(stages).containsExactly("initial_contact", "intent_confirmed", "needs_analysis", "proposal_quote",
        "negotiation", "contract");
  }

  @Test
  void slaClocksAndNoticesReconcile() {
    Matcher m = find(report, "clocks started " + N + " \\(" + N + " new leads, " + N + " reopened\\): " + N + " met, "
        + N + " late, " + N + " still running at quarter end \\(" + N + " past the limit\\)");
    long clocks = n(m.group(1));
    long late = n(m.group(5));
    assertThat(n(m.group(2)) + n(m.group(3))).isEqualTo(clocks);
    assertThat(n(m.group(4)) + late + n(m.group(6))).isEqualTo(clocks);
    // every lead received starts a clock, and every lead reopened to "new" starts it again
    assertThat(n(m.group(2))).isEqualTo(n(find(report, "^Leads received in the quarter: " + N).group(1)));
    assertThat(n(m.group(3))).isEqualTo(n(find(report, "; " + N + " leads reopened from the pool").group(1)));

    Matcher notices = find(report, "notices: " + N + " reminders, " + N + " breaches, " + N + " escalations \\(([^)]*)\\)");
    long reminders = n(notices.group(1));
    long breaches = n(notices.group(2));
    long escalations = n(notices.group(3));
    // a clock breaches once: either it stopped late, or it still runs past the limit
    assertThat(breaches).isEqualTo(late + n(m.group(7)));
    // the reminder falls due 4 working hours before the breach, the escalation a working day after it
    assertThat(reminders).isGreaterThanOrEqualTo(breaches);
    assertThat(breaches).isGreaterThanOrEqualTo(escalations);
    long byManager = 0;
    for (String part : notices.group(4).split(", ")) {
      assertThat(part).matches("to M-[A-Z]+ [\\d,]+");
      byManager += n(part.substring(part.lastIndexOf(' ') + 1));
    }
    assertThat(byManager).isEqualTo(escalations);
    assertThat(late).isPositive();
  }

  /** A forecast row: owner (blank for a team subtotal), team, ten amounts in thousands. */
  private record Row(String owner, String team, long[] v) {
    long closed() {
      return v[0];
    }
  }

  private static List<Row> forecastRows() {
    List<Row> rows = new ArrayList<>();
    Pattern row = Pattern.compile("^  (R-\\d{3}|all|) +(team-[a-z]+)((?: +-?[\\d,]+){10})$");
    for (String line : report.substring(report.indexOf("Forecast for 2026-Q1")).lines().toList()) {
      Matcher m = row.matcher(line);
      if (m.matches()) {
        String[] cells = m.group(3).trim().split(" +");
        long[] v = new long[cells.length];
        for (int i = 0; i < cells.length; i++) {
          v[i] = n(cells[i]);
        }
        rows.add(new Row(m.group(1), m.group(2), v));
      }
    }
    return rows;
  }

  @Test
  void forecastRollUpsNestAndAddUpFromOwnersToTeamsToTheSalesTeam() {
    List<Row> rows = forecastRows();
    long reps = n(find(report, "^Team +" + N + " active sales reps").group(1));
    assertThat(rows.stream().filter(r -> r.owner().startsWith("R-")).count()).isEqualTo(reps);
    assertThat(rows.get(rows.size() - 1).owner()).isEqualTo("all");
    for (Row r : rows) {
      long[] v = r.v();
      // single: closed, commit, best_case, pipeline; cumulative: commit, best_case, pipeline; weighted: stage,
      // learned; actual won. Amounts are rounded to thousands, so sums may differ by one per term.
      String what = r.owner() + " " + r.team();
      assertThat(v[4]).as(what).isCloseTo(v[0] + v[1], within(1L));
      assertThat(v[5]).as(what).isCloseTo(v[4] + v[2], within(2L));
      assertThat(v[6]).as(what).isCloseTo(v[5] + v[3], within(3L));
      assertThat(r.closed()).as(what).isLessThanOrEqualTo(v[4]);
      assertThat(v[4]).as(what).isLessThanOrEqualTo(v[5]);
      assertThat(v[5]).as(what).isLessThanOrEqualTo(v[6]);
      for (int weighted = 7; weighted <= 8; weighted++) {
        assertThat(v[weighted]).as(what).isBetween(v[0] - 1, v[6] + 1);
      }
      // whatever was won before the forecast was won in the quarter
      assertThat(v[9]).as(what).isGreaterThanOrEqualTo(v[0] - 1);
    }
    // owners add up to their team, teams to the sales team
    Row all = rows.get(rows.size() - 1);
    long[] teamsTotal = new long[10];
    long[] ownersTotal = new long[10];
    int teams = 0;
    int owners = 0;
    for (Row r : rows) {
      if (r.owner().isEmpty()) {
        for (int i = 0; i < 10; i++) {
          assertThat(r.v()[i]).as(r.team() + " column " + i).isCloseTo(ownersTotal[i], within((long) owners));
          teamsTotal[i] += r.v()[i];
          ownersTotal[i] = 0;
        }
        teams++;
        owners = 0;
      } else if (r.owner().startsWith("R-")) {
        for (int i = 0; i < 10; i++) {
          ownersTotal[i] += r.v()[i];
        }
        owners++;
      }
    }
    assertThat(teams).isEqualTo(4);
    for (int i = 0; i < 10; i++) {
      assertThat(all.v()[i]).as("all, column " + i).isCloseTo(teamsTotal[i], within((long) teams));
    }
  }

  @Test
  void learnerIsBetterCalibratedThanTheStageDefaultsOnHeldBackDeals() {
    Matcher brier = find(report, "Brier score \\(lower is better\\): learner ([\\d.]+), stage defaults ([\\d.]+)$");
    double learned = Double.parseDouble(brier.group(1));
    double defaults = Double.parseDouble(brier.group(2));
    assertThat(learned).isBetween(0.0, 0.25);
    assertThat(defaults).isBetween(0.0, 1.0);
    assertThat(learned).isLessThan(defaults);

    long points = n(find(report, "held back: " + N + " entries").group(1));
    Matcher split = find(report, "learned for " + N + "; insufficient history for " + N);
    assertThat(n(split.group(1)) + n(split.group(2))).isEqualTo(points);
    assertThat(points).isGreaterThan(1000);
    // every team closed at least the minimum sample in two months, so the learner answered for every point
    assertThat(n(split.group(2))).isZero();
    Matcher trained = find(report, "trained live on the deals closed 2026-01-01 to 2026-02-28: (.*)$");
    for (String team : trained.group(1).split(", ")) {
      assertThat(n(team.substring(team.lastIndexOf(' ') + 1))).as(team).isGreaterThanOrEqualTo(50);
    }
  }

  @Test
  void pipelineVelocityIsTheProductOfItsFactors() {
    Matcher m = find(report, "Pipeline velocity: " + N + " open deals at needs_analysis or beyond x " + PCT
        + " win rate x CNY " + N + " mean won amount / ([\\d.]+) days = CNY " + N + " a day");
    double expected = n(m.group(1)) * Double.parseDouble(m.group(2)) / 100 * n(m.group(3))
        / Double.parseDouble(m.group(4));
    assertThat((double) n(m.group(5))).isCloseTo(expected, within(expected * 0.003));
    // the basis is the quarter's period funnel
    assertThat(m.group(2)).isEqualTo(find(report, "\\(period funnel\\): " + N + " won, " + N + " lost, win rate "
        + PCT).group(3));
  }

  @Test
  void lostReasonsAreThoseOfThePresetAndAddUpToAHundredPercent() {
    List<String> accepted = LifecyclePresets.opportunityPipeline().stage("lost").lostReasons();
    Matcher m = find(report, "Lost reasons: " + N + " losses in the quarter \\(a revived deal lost again counts "
        + "twice\\): (.*)$");
    assertThat(n(m.group(1))).isPositive();
    double sum = 0;
    for (String part : m.group(2).split(", ")) {
      String[] words = part.split(" ");
      assertThat(accepted).contains(words[0]);
      sum += Double.parseDouble(words[1].replace("%", ""));
    }
    assertThat(sum).isCloseTo(100.0, within(0.5));
  }

  @Test
  void theOnlyRejectionsAreTheRepsMistakes() {
    Matcher m = find(report, "Rejected events \\(ordinary results, state unchanged, the rep retried\\): (.*)$");
    Map<String, Long> rejected = new LinkedHashMap<>();
    for (String part : m.group(1).split(", ")) {
      rejected.put(part.substring(0, part.indexOf(' ')), n(part.substring(part.indexOf(' ') + 1)));
    }
    // converting an unqualified lead, losing a deal without a reason, moving back without a reopen
    assertThat(rejected.keySet()).containsExactly("LOST_REASON_REQUIRED", "NO_SUCH_TRANSITION", "REOPEN_REQUIRED");
    assertThat(rejected.values()).allMatch(v -> v > 0);
  }

  @Test
  void stalledObjectsAddUpByStage() {
    for (String line : List.of("Stalled at quarter end \\(longer in an open stage than it allows\\): ",
        "  Stalled at quarter end: ")) {
      Matcher m = find(report, line + N + " \\(([^)]*)\\); longest ([LO]-\\d+), " + N + " days in ([a-z_]+)$");
      long sum = 0;
      for (String part : m.group(2).split(", ")) {
        sum += n(part.substring(part.lastIndexOf(' ') + 1));
      }
      assertThat(sum).isEqualTo(n(m.group(1)));
      assertThat(m.group(2)).contains(m.group(5) + " ");
    }
  }

  @Test
  void sameSeedSameReportDifferentSeedDifferentReport() {
    String once = run(7, 400);
    assertThat(once).isEqualTo(run(7, 400)).isNotEqualTo(run(8, 400))
        .contains("crmkit sales quarter 2026-Q1 on generated data (seed 7, 400 leads a quarter)");
    assertThat(print(quarter)).isEqualTo(report);
  }

  @Test
  void reportHoldsIdsNotPersonalDataAndFitsATerminal() {
    List<String> personal = new ArrayList<>();
    for (LeadCase c : quarter.leads) {
      Lead lead = c.lead;
      lead.personName().ifPresent(name -> personal.add(name.displayName()));
      lead.contacts().emails().forEach(e -> personal.add(e.value()));
      lead.contacts().phones().forEach(p -> personal.add(p.value()));
      lead.company().ifPresent(personal::add);
    }
    personal.removeIf(s -> s.codePointCount(0, s.length()) < 2);
    assertThat(personal).hasSizeGreaterThan(5000);
    for (String p : personal) {
      assertThat(report).doesNotContain(p);
    }
    assertThat(report.lines()).allMatch(line -> line.length() <= SalesQuarter.WIDTH);
  }

  @Test
  void refusesFewerThanOneLead() {
    assertThatThrownBy(() -> SalesQuarter.run(System.out, 1, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("leads must be at least 1, was 0");
  }
}
