package io.github.crmkit.lifecycle;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Forecasts: weighted pipeline and roll-ups by category, in total and by owner, team and period, over
 * {@link ForecastLine}s the host builds from its objects, or from a {@link StageHistory}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Forecasts {
  /** The key of lines without an owner, team or close date in the grouped roll-ups. */
  public static final String NONE = "";

  /** How {@link #byPeriod} groups close dates. */
  public enum Period {
    /** {@code 2026-03}. */
    MONTH,
    /** {@code 2026-Q1}. */
    QUARTER,
    /** {@code 2026}. */
    YEAR;

    /**
     * The key of a date.
     *
     * @param date the date
     * @return the key
     */
    public String key(LocalDate date) {
      return switch (this) {
        case MONTH -> String.format("%04d-%02d", date.getYear(), date.getMonthValue());
        case QUARTER -> date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
        case YEAR -> Integer.toString(date.getYear());
      };
    }
  }

  private Forecasts() {}

  /**
   * Forecast lines from a history: one per object of the pipeline, from its last change: the stage's forecast
   * category, the amount then (0 when unknown), the probability then (the stage's default when unknown), the actor of
   * the last change as owner, no team, and for a terminal stage the UTC date of that change as close date (none for
   * an open stage). Hosts that keep owners, teams and expected close dates build their lines themselves.
   *
   * @param history the history
   * @param definition the pipeline
   * @return the lines, in order of the objects' first appearance
   * @throws IllegalArgumentException if a row of the pipeline names a stage the definition does not have
   */
  public static List<ForecastLine> linesFromHistory(StageHistory history, PipelineDefinition definition) {
    Objects.requireNonNull(definition, "definition");
    int pipeline = history.pipelineCode(definition.name());
    if (pipeline < 0) {
      return List.of();
    }
    int[] map = history.stageIndices(definition);
    List<ForecastLine> lines = new ArrayList<>();
    for (int o = 0; o < history.objectCount(); o++) {
      int last = history.lastRowOf(o);
      if (history.pipelineOf(last) != pipeline) {
        continue;
      }
      int s = map[history.toOf(last)];
      if (s < 0) {
        throw new IllegalArgumentException("stage history row " + last + ": stage '"
            + history.stageName(history.toOf(last)) + "' is not a stage of pipeline '" + definition.name() + "'");
      }
      Stage stage = definition.stageAt(s);
      double amount = history.amountOf(last);
      double probability = history.probabilityOf(last);
      LocalDate close = stage.kind().isTerminal()
          ? java.time.Instant.ofEpochMilli(history.atOf(last)).atOffset(ZoneOffset.UTC).toLocalDate() : null;
      lines.add(new ForecastLine(history.objectName(o), history.actorName(history.actorOf(last)), null,
          stage.forecastCategory(), Double.isNaN(amount) ? 0 : Math.max(0, amount),
          Double.isNaN(probability) ? stage.probability() : probability, close));
    }
    return List.copyOf(lines);
  }

  /**
   * The roll-up of all lines.
   *
   * @param lines the lines
   * @return the roll-up
   */
  public static ForecastRollup total(List<ForecastLine> lines) {
    return ForecastRollup.of(lines);
  }

  /**
   * Roll-ups by owner; lines without an owner under {@link #NONE}.
   *
   * @param lines the lines
   * @return the roll-ups, sorted by owner
   */
  public static SortedMap<String, ForecastRollup> byOwner(List<ForecastLine> lines) {
    SortedMap<String, ForecastRollup> out = new TreeMap<>();
    for (ForecastLine line : lines) {
      out.computeIfAbsent(line.owner() == null ? NONE : line.owner(), k -> new ForecastRollup()).add(line);
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * Roll-ups by team; lines without a team under {@link #NONE}.
   *
   * @param lines the lines
   * @return the roll-ups, sorted by team
   */
  public static SortedMap<String, ForecastRollup> byTeam(List<ForecastLine> lines) {
    SortedMap<String, ForecastRollup> out = new TreeMap<>();
    for (ForecastLine line : lines) {
      out.computeIfAbsent(line.team() == null ? NONE : line.team(), k -> new ForecastRollup()).add(line);
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * Roll-ups by period of the close date; lines without one under {@link #NONE}.
   *
   * @param lines the lines
   * @param period month, quarter or year
   * @return the roll-ups, sorted by period
   */
  public static SortedMap<String, ForecastRollup> byPeriod(List<ForecastLine> lines, Period period) {
    Objects.requireNonNull(period, "period");
    SortedMap<String, ForecastRollup> out = new TreeMap<>();
    for (ForecastLine line : lines) {
      String key = line.closeDate() == null ? NONE : period.key(line.closeDate());
      out.computeIfAbsent(key, k -> new ForecastRollup()).add(line);
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * Roll-ups by owner within team: team, then owner.
   *
   * @param lines the lines
   * @return the roll-ups, sorted by team then owner
   */
  public static SortedMap<String, SortedMap<String, ForecastRollup>> byTeamAndOwner(List<ForecastLine> lines) {
    SortedMap<String, List<ForecastLine>> teams = new TreeMap<>();
    for (ForecastLine line : lines) {
      teams.computeIfAbsent(line.team() == null ? NONE : line.team(), k -> new ArrayList<>()).add(line);
    }
    SortedMap<String, SortedMap<String, ForecastRollup>> out = new TreeMap<>();
    for (Map.Entry<String, List<ForecastLine>> team : teams.entrySet()) {
      out.put(team.getKey(), byOwner(team.getValue()));
    }
    return Collections.unmodifiableSortedMap(out);
  }
}
