package io.github.crmkit.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A small fixed history of the opportunity pipeline, with every figure computed by hand. Levels: initial_contact 0,
 * intent_confirmed 1, needs_analysis 2, proposal_quote 3, negotiation 4, contract 5, won 6.
 *
 * <pre>
 * A: Jan 1 initial_contact, Jan 11 needs_analysis (skips intent_confirmed), Jan 21 proposal_quote,
 *    Feb 10 won (1000)
 * B: Jan 5 initial_contact, Jan 15 intent_confirmed, Jan 25 lost (price)
 * C: Jan 10 initial_contact, Jan 20 contract (5000), Jan 30 back to needs_analysis, Feb 9 lost (competitor)
 * D: Jan 20 initial_contact, Feb 19 won (3000)
 * E: Feb 5 created in intent_confirmed, Feb 15 negotiation (800)
 * F: Jan 8 initial_contact, nothing since
 * </pre>
 */
class FunnelsTest {
  static final PipelineDefinition SALES = LifecyclePresets.opportunityPipeline();

  private static Instant day(String date) {
    return Instant.parse(date + "T00:00:00Z");
  }

  static StageHistory fixedHistory() {
    StageHistory h = new StageHistory();
    add(h, "A", null, "initial_contact", "2026-01-01", Double.NaN, null);
    add(h, "B", null, "initial_contact", "2026-01-05", Double.NaN, null);
    add(h, "F", null, "initial_contact", "2026-01-08", Double.NaN, null);
    add(h, "C", null, "initial_contact", "2026-01-10", Double.NaN, null);
    add(h, "A", "initial_contact", "needs_analysis", "2026-01-11", Double.NaN, null);
    add(h, "B", "initial_contact", "intent_confirmed", "2026-01-15", Double.NaN, null);
    add(h, "C", "initial_contact", "contract", "2026-01-20", 5000, null);
    add(h, "D", null, "initial_contact", "2026-01-20", Double.NaN, null);
    add(h, "A", "needs_analysis", "proposal_quote", "2026-01-21", 1000, null);
    add(h, "B", "intent_confirmed", "lost", "2026-01-25", Double.NaN, "price");
    add(h, "C", "contract", "needs_analysis", "2026-01-30", 5000, null);
    add(h, "E", null, "intent_confirmed", "2026-02-05", Double.NaN, null);
    add(h, "C", "needs_analysis", "lost", "2026-02-09", 5000, "competitor");
    add(h, "A", "proposal_quote", "won", "2026-02-10", 1000, null);
    add(h, "E", "intent_confirmed", "negotiation", "2026-02-15", 800, null);
    add(h, "D", "initial_contact", "won", "2026-02-19", 3000, null);
    return h;
  }

  private static void add(StageHistory h, String id, String from, String to, String date, double amount,
      String lostReason) {
    h.append(new StageChange(id, "sales", from, to, day(date), "agent-1", null, lostReason, amount,
        SALES.stage(to).probability()));
  }

  private static void steps(FunnelReport report, int[] entered, int[] moved) {
    assertThat(report.steps()).extracting(FunnelStep::stage).containsExactly("initial_contact", "intent_confirmed",
        "needs_analysis", "proposal_quote", "negotiation", "contract", "won");
    assertThat(report.steps()).extracting(FunnelStep::entered).containsExactly(box(entered));
    assertThat(report.steps()).extracting(FunnelStep::movedOn).containsExactly(box(moved));
  }

  private static Integer[] box(int[] values) {
    Integer[] boxed = new Integer[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return boxed;
  }

  @Test
  void januaryCohort() {
    FunnelReport report = Funnels.cohort(fixedHistory(), SALES, day("2026-01-01"), day("2026-02-01"), null);
    // cohort: A, B, C, D, F (E entered in February).
    // entered: level 0 all 5; level 1 A (skipped), B, C (skipped), D (skipped) = 4; levels 2-5: A, C, D = 3
    //   (C reached contract, so it counts for every stage up to it; B stopped at intent_confirmed); won: A, D = 2.
    // moved on: level 0: A, B, C, D = 4; level 1: A, C, D = 3 (B was lost); levels 2-4: A, C, D = 3;
    //   level 5 (contract): A, D = 2 (C went back from contract and was lost).
    assertThat(report.objects()).isEqualTo(5);
    steps(report, new int[] {5, 4, 3, 3, 3, 3, 2}, new int[] {4, 3, 3, 3, 3, 2, 0});
    assertThat(report.step("initial_contact").conversion()).isEqualTo(0.8);
    assertThat(report.step("intent_confirmed").conversion()).isEqualTo(0.75);
    assertThat(report.step("contract").conversion()).isCloseTo(2.0 / 3, within(1e-12));
    // outcomes: A and D won, B and C lost, F open: win rate 2 / 4
    assertThat(report.won()).isEqualTo(2);
    assertThat(report.lost()).isEqualTo(2);
    assertThat(report.closed()).isZero();
    assertThat(report.winRate()).isEqualTo(0.5);
    // cycles: A Jan 1 -> Feb 10 = 40 days, D Jan 20 -> Feb 19 = 30 days; mean 35. Won amounts 1000, 3000.
    assertThat(report.averageSalesCycleDays()).isEqualTo(35.0);
    assertThat(report.meanWonAmount()).isEqualTo(2000.0);
    // completed visits: initial_contact A 10, B 10, C 10, D 30 days -> 4 visits, mean 15; intent_confirmed B 10;
    // needs_analysis A 10 and C 10; proposal_quote A 20; negotiation none; contract C 10; won none.
    assertThat(report.steps()).extracting(FunnelStep::completedVisits).containsExactly(4, 1, 2, 1, 0, 1, 0);
    assertThat(report.step("initial_contact").meanDaysInStage()).isEqualTo(15.0);
    assertThat(report.step("intent_confirmed").meanDaysInStage()).isEqualTo(10.0);
    assertThat(report.step("needs_analysis").meanDaysInStage()).isEqualTo(10.0);
    assertThat(report.step("proposal_quote").meanDaysInStage()).isEqualTo(20.0);
    assertThat(report.step("negotiation").meanDaysInStage()).isNaN();
  }

  @Test
  void januaryCohortWithinFifteenDays() {
    FunnelReport report = Funnels.cohort(fixedHistory(), SALES, day("2026-01-01"), day("2026-02-01"),
        Duration.ofDays(15));
    // only changes up to 15 days after each object's first: A Jan 1, 11; B Jan 5, 15; C Jan 10, 20 (contract);
    // D Jan 20; F Jan 8. Nothing was won or lost by then.
    // entered: level 0: 5; level 1: A, B, C = 3; level 2: A, C = 2; levels 3-5: C = 1; won 0.
    // moved on: level 0: A, B, C = 3; level 1: A, C = 2; levels 2-4: C = 1; level 5: 0.
    steps(report, new int[] {5, 3, 2, 1, 1, 1, 0}, new int[] {3, 2, 1, 1, 1, 0, 0});
    assertThat(report.won() + report.lost()).isZero();
    assertThat(report.winRate()).isNaN();
    assertThat(report.averageSalesCycleDays()).isNaN();
  }

  @Test
  void februaryPeriod() {
    FunnelReport report = Funnels.period(fixedHistory(), SALES, day("2026-02-01"), day("2026-03-01"));
    // changes in February: E created in intent_confirmed (enters levels 0 and 1, moves on from 0), E to
    // negotiation (enters 2, 3, 4; moves on from 1, 2, 3), A proposal_quote -> won (enters 4, 5, won; moves on
    // from 4, 5), C needs_analysis -> lost (enters nothing), D initial_contact -> won (enters 1 to won; moves on
    // from 1 to 5). Objects: A, C, D, E.
    // entered: level 0: E; levels 1-3: D, E; level 4: A, D, E; level 5: A, D; won: A, D.
    // moved on: level 0: E; levels 1-3: D, E; level 4: A, D; level 5: A, D.
    assertThat(report.objects()).isEqualTo(4);
    steps(report, new int[] {1, 2, 2, 2, 3, 2, 2}, new int[] {1, 2, 2, 2, 2, 2, 0});
    assertThat(report.step("negotiation").conversion()).isCloseTo(2.0 / 3, within(1e-12));
    // outcomes: A, D won; C lost; E open.
    assertThat(report.winRate()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(report.averageSalesCycleDays()).isEqualTo(35.0);
    // visits ending in February: A proposal_quote 20 days, C needs_analysis 10, D initial_contact 30,
    // E intent_confirmed 10.
    assertThat(report.steps()).extracting(FunnelStep::completedVisits).containsExactly(1, 1, 1, 1, 0, 0, 0);
    assertThat(report.step("initial_contact").meanDaysInStage()).isEqualTo(30.0);
    assertThat(report.step("proposal_quote").meanDaysInStage()).isEqualTo(20.0);
  }

  @Test
  void stalledAndVelocity() {
    StageHistory history = fixedHistory();
    // on March 1: F has been in initial_contact (limit 30 days) since Jan 8: 52 days; E in negotiation (limit 21)
    // since Feb 15: 14 days, not stalled.
    assertThat(Funnels.stalled(history, SALES, day("2026-03-01"))).containsExactly(
        new StalledObject("F", "initial_contact", day("2026-01-08"), 52.0, 30));
    FunnelReport january = Funnels.cohort(history, SALES, day("2026-01-01"), day("2026-02-01"), null);
    // open at or beyond intent_confirmed: E only (F is in initial_contact). 1 x 0.5 x 2000 / 35 per day.
    PipelineVelocity velocity = Funnels.velocity(history, SALES, "intent_confirmed", january);
    assertThat(velocity.openQualified()).isEqualTo(1);
    assertThat(velocity.valuePerDay()).isCloseTo(1000.0 / 35, within(1e-9));
    assertThat(Funnels.velocity(history, SALES, null, january).openQualified()).isEqualTo(2);
    assertThatThrownBy(() -> Funnels.velocity(history, SALES, "won", january))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("qualifiedStage 'won' must be an open stage");
  }

  @Test
  void timeInStageOverAllObjects() {
    List<StageTimeSummary> times = Funnels.timeInStage(fixedHistory(), SALES, day("2026-03-01"), null);
    // as of March 1: initial_contact A 10, B 10, F 52 (still there), C 10, D 30 days: mean 112 / 5 = 22.4;
    // intent_confirmed B 10, E 10; needs_analysis A 10, C 10; proposal_quote A 20; negotiation E 14 (still there);
    // contract C 10; won A 19, D 10: 14.5; lost B 35, C 20: 27.5.
    assertThat(times).extracting(StageTimeSummary::stage).containsExactly("initial_contact", "intent_confirmed",
        "needs_analysis", "proposal_quote", "negotiation", "contract", "won", "lost");
    assertThat(times).extracting(StageTimeSummary::objects).containsExactly(5, 2, 2, 1, 1, 1, 2, 2);
    assertThat(times).extracting(StageTimeSummary::meanTotalDays).containsExactly(22.4, 10.0, 10.0, 20.0, 14.0,
        10.0, 14.5, 27.5);
    assertThat(times).extracting(StageTimeSummary::meanLatestDays).containsExactly(22.4, 10.0, 10.0, 20.0, 14.0,
        10.0, 14.5, 27.5);
    assertThat(times.get(0).meanTotalWorkingHours()).isNaN();
    // on February 12 the objects changed later (D, E) are left out
    List<StageTimeSummary> early = Funnels.timeInStage(fixedHistory(), SALES, day("2026-02-12"), null);
    // initial_contact: A, B, C, F (F's only change is Jan 8: 35 days so far); mean (10 + 10 + 10 + 35) / 4
    assertThat(early.get(0).objects()).isEqualTo(4);
    assertThat(early.get(0).meanTotalDays()).isEqualTo(16.25);
  }

  @Test
  void otherPipelinesAreIgnoredAndUnknownStagesNamed() {
    StageHistory history = fixedHistory();
    history.append(StageChange.of("L1", "lead_lifecycle", null, "new", day("2026-01-02")));
    FunnelReport report = Funnels.cohort(history, SALES, day("2026-01-01"), day("2026-02-01"), null);
    assertThat(report.objects()).isEqualTo(5);
    FunnelReport none = Funnels.cohort(history, LifecyclePresets.serviceTicketLifecycle(), day("2026-01-01"),
        day("2026-02-01"), null);
    assertThat(none.objects()).isZero();
    assertThat(none.steps()).extracting(FunnelStep::entered).containsOnly(0);
    history.append(StageChange.of("G", "sales", null, "limbo", day("2026-01-03")));
    assertThatThrownBy(() -> Funnels.cohort(history, SALES, day("2026-01-01"), day("2026-02-01"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stage history row 17: stage 'limbo' is not a stage of pipeline 'sales'");
    assertThatThrownBy(() -> Funnels.period(history, SALES, day("2026-02-01"), day("2026-02-01")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("window must not be empty");
    assertThat(List.of(report.cohort(), Funnels.period(history, LifecyclePresets.leadLifecycle(),
        day("2026-01-01"), day("2026-02-01")).objects())).containsExactly(true, 1);
  }
}
