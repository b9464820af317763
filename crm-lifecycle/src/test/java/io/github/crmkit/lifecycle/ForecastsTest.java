package io.github.crmkit.lifecycle;

import static io.github.crmkit.lifecycle.ForecastCategory.BEST_CASE;
import static io.github.crmkit.lifecycle.ForecastCategory.CLOSED;
import static io.github.crmkit.lifecycle.ForecastCategory.COMMIT;
import static io.github.crmkit.lifecycle.ForecastCategory.OMITTED;
import static io.github.crmkit.lifecycle.ForecastCategory.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class ForecastsTest {
  private static final List<ForecastLine> LINES = List.of(
      new ForecastLine("o1", "ann", "east", PIPELINE, 1000, 0.1, LocalDate.of(2026, 1, 15)), // weighted 100
      new ForecastLine("o2", "ann", "east", BEST_CASE, 2000, 0.5, LocalDate.of(2026, 2, 10)), // 1000
      new ForecastLine("o3", "bob", "east", COMMIT, 4000, 0.9, LocalDate.of(2026, 4, 1)), // 3600
      new ForecastLine("o4", "bob", "west", CLOSED, 3000, 1.0, LocalDate.of(2026, 3, 31)), // 3000
      new ForecastLine("o5", "cy", "west", OMITTED, 5000, 0.0, LocalDate.of(2026, 3, 1)), // never counted
      new ForecastLine("o6", null, null, PIPELINE, 500, 0.2, null)); // 100

  @Test
  void totalsBySingleAndCumulativeCategory() {
    ForecastRollup total = Forecasts.total(LINES);
    // single: pipeline 1000 + 500, best case 2000, commit 4000, closed 3000, omitted 5000 (kept for information)
    assertThat(total.amount(PIPELINE)).isEqualTo(1500);
    assertThat(total.amount(OMITTED)).isEqualTo(5000);
    assertThat(total.weighted(PIPELINE)).isCloseTo(200, within(1e-9));
    // cumulative: pipeline = 1500 + 2000 + 4000 + 3000 = 10500; best case 9000; commit 7000; closed 3000
    assertThat(total.cumulativeAmount(PIPELINE)).isEqualTo(10500);
    assertThat(total.cumulativeAmount(BEST_CASE)).isEqualTo(9000);
    assertThat(total.cumulativeAmount(COMMIT)).isEqualTo(7000);
    assertThat(total.cumulativeAmount(CLOSED)).isEqualTo(3000);
    assertThat(total.cumulativeAmount(OMITTED)).isZero();
    // weighted: 200 + 1000 + 3600 + 3000 = 7800; best case 7600; commit 6600; closed 3000
    assertThat(total.weightedPipeline()).isCloseTo(7800, within(1e-9));
    assertThat(total.cumulativeWeighted(BEST_CASE)).isCloseTo(7600, within(1e-9));
    assertThat(total.cumulativeWeighted(COMMIT)).isCloseTo(6600, within(1e-9));
    assertThat(total.cumulativeWeighted(CLOSED)).isCloseTo(3000, within(1e-9));
    assertThat(total.cumulativeCount(PIPELINE)).isEqualTo(5);
    assertThat(total.cumulativeCount(COMMIT)).isEqualTo(2);
    assertThat(total.cumulativeCount(OMITTED)).isZero();
  }

  @Test
  void byOwnerTeamAndPeriod() {
    Map<String, ForecastRollup> owners = Forecasts.byOwner(LINES);
    assertThat(owners.keySet()).containsExactly("", "ann", "bob", "cy");
    assertThat(owners.get("ann").cumulativeAmount(PIPELINE)).isEqualTo(3000); // 1000 + 2000
    assertThat(owners.get("ann").weightedPipeline()).isCloseTo(1100, within(1e-9)); // 100 + 1000
    assertThat(owners.get("bob").cumulativeAmount(COMMIT)).isEqualTo(7000); // 4000 + 3000
    assertThat(owners.get("cy").cumulativeAmount(PIPELINE)).isZero(); // omitted only
    assertThat(owners.get("").cumulativeAmount(PIPELINE)).isEqualTo(500);
    Map<String, ForecastRollup> teams = Forecasts.byTeam(LINES);
    assertThat(teams.get("east").cumulativeAmount(PIPELINE)).isEqualTo(7000); // 1000 + 2000 + 4000
    assertThat(teams.get("east").weightedPipeline()).isCloseTo(4700, within(1e-9)); // 100 + 1000 + 3600
    assertThat(teams.get("west").cumulativeAmount(PIPELINE)).isEqualTo(3000);
    Map<String, ForecastRollup> quarters = Forecasts.byPeriod(LINES, Forecasts.Period.QUARTER);
    assertThat(quarters.keySet()).containsExactly("", "2026-Q1", "2026-Q2");
    assertThat(quarters.get("2026-Q1").cumulativeAmount(PIPELINE)).isEqualTo(6000); // o1 + o2 + o4
    assertThat(quarters.get("2026-Q1").weightedPipeline()).isCloseTo(4100, within(1e-9)); // 100 + 1000 + 3000
    assertThat(quarters.get("2026-Q2").cumulativeAmount(COMMIT)).isEqualTo(4000);
    assertThat(Forecasts.byPeriod(LINES, Forecasts.Period.MONTH).keySet()).containsExactly("", "2026-01",
        "2026-02", "2026-03", "2026-04");
    assertThat(Forecasts.byPeriod(LINES, Forecasts.Period.YEAR).keySet()).containsExactly("", "2026");
    assertThat(Forecasts.byTeamAndOwner(LINES).get("east").keySet()).containsExactly("ann", "bob");
  }

  @Test
  void linesFromTheFixedHistory() {
    List<ForecastLine> lines = Forecasts.linesFromHistory(FunnelsTest.fixedHistory(), FunnelsTest.SALES);
    // last changes: A won 1000; B lost (no amount); F initial_contact (no amount, 10%); C lost 5000;
    // D won 3000; E negotiation 800 at 70% (best case).
    assertThat(lines).extracting(ForecastLine::objectId).containsExactly("A", "B", "F", "C", "D", "E");
    assertThat(lines.get(0)).isEqualTo(new ForecastLine("A", "agent-1", null, CLOSED, 1000, 1.0,
        LocalDate.of(2026, 2, 10)));
    assertThat(lines.get(2)).isEqualTo(new ForecastLine("F", "agent-1", null, PIPELINE, 0, 0.1, null));
    ForecastRollup total = Forecasts.total(lines);
    assertThat(total.cumulativeAmount(PIPELINE)).isEqualTo(4800); // 1000 + 0 + 3000 + 800
    assertThat(total.weightedPipeline()).isCloseTo(4560, within(1e-9)); // 1000 + 3000 + 0.7 x 800
    assertThat(total.cumulativeAmount(CLOSED)).isEqualTo(4000);
    assertThat(total.amount(OMITTED)).isEqualTo(5000);
  }

  @Test
  void badLinesNameTheField() {
    assertThatThrownBy(() -> new ForecastLine("o", null, null, PIPELINE, -1, 0.5, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ForecastLine.amount must be finite and not negative, was -1.0");
    assertThatThrownBy(() -> new ForecastLine("o", null, null, PIPELINE, 1, 1.5, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ForecastLine.probability must be between 0 and 1, was 1.5");
  }

  static Gen<List<ForecastLine>> lines() {
    return SourceDSL.integers().between(0, 40).zip(SourceDSL.longs().all(), (n, seed) -> {
      java.util.Random random = new java.util.Random(seed);
      List<ForecastLine> lines = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        lines.add(new ForecastLine("o" + i, "a" + random.nextInt(3), "t" + random.nextInt(2),
            ForecastCategory.values()[random.nextInt(5)], random.nextInt(100_000) / 100.0, random.nextDouble(),
            random.nextBoolean() ? null : LocalDate.of(2026, 1, 1).plusDays(random.nextInt(400))));
      }
      return lines;
    });
  }

  @Test
  void cumulativeRollUpIsNeverBelowSingleAndNests() {
    qt().withExamples(300).withFixedSeed(20261201L).forAll(lines()).checkAssert(lines -> {
      List<ForecastRollup> rollups = new ArrayList<>();
      rollups.add(Forecasts.total(lines));
      rollups.addAll(Forecasts.byOwner(lines).values());
      rollups.addAll(Forecasts.byPeriod(lines, Forecasts.Period.QUARTER).values());
      for (ForecastRollup rollup : rollups) {
        ForecastCategory[] nested = {PIPELINE, BEST_CASE, COMMIT, CLOSED};
        for (int i = 0; i < nested.length; i++) {
          assertThat(rollup.cumulativeAmount(nested[i])).isGreaterThanOrEqualTo(rollup.amount(nested[i]));
          assertThat(rollup.cumulativeWeighted(nested[i])).isGreaterThanOrEqualTo(rollup.weighted(nested[i]));
          if (i > 0) {
            assertThat(rollup.cumulativeAmount(nested[i - 1])).isGreaterThanOrEqualTo(
                rollup.cumulativeAmount(nested[i]));
          }
        }
        assertThat(rollup.cumulativeAmount(OMITTED)).isZero();
      }
      // the groups partition the lines: owners' pipelines add up to the total (omitted never counted)
      double sum = 0;
      for (ForecastRollup owner : Forecasts.byOwner(lines).values()) {
        sum += owner.cumulativeAmount(PIPELINE);
      }
      double expected = 0;
      for (ForecastLine line : lines) {
        expected += line.category() == OMITTED ? 0 : line.amount();
      }
      assertThat(sum).isCloseTo(expected, within(1e-6));
      assertThat(Forecasts.total(lines).cumulativeAmount(PIPELINE)).isCloseTo(expected, within(1e-6));
    });
  }
}
