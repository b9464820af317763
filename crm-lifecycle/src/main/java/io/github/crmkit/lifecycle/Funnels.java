package io.github.crmkit.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Funnels, stalled objects and pipeline velocity: pure functions of a {@link StageHistory} and a
 * {@link PipelineDefinition}, over the history's rows of that pipeline.
 *
 * <p>Levels: the open stages, in order, are levels 0 to k-1 and a won stage is level k. An object enters a level by
 * reaching its stage or by skipping past it (a move from a lower level to a higher one passes every level between);
 * it moves onward from a level when it later reaches a higher one. A lost or closed object keeps the levels it
 * reached, so it counts for every stage it reached. Leaving a terminal stage (a reopen) enters the target's level
 * only; a move back does not enter the levels between. Stage conversion is moved onward / entered, in [0, 1].
 *
 * <ul>
 *   <li>A <b>cohort</b> funnel follows the objects whose first change falls in the window (they entered the
 *       pipeline then), through all their later changes or only those within a time limit of their first.</li>
 *   <li>A <b>period</b> funnel counts the changes in the window: the levels entered in the window and, of those,
 *       the ones moved onward from in the window. An object's first change ever enters the pipeline from nothing.
 *       </li>
 * </ul>
 * Outcomes (won, lost, closed) are the stage kinds of each object's last counted change; the sales cycle of a won
 * object runs from its first change ever to that won change; a completed visit is the time between two changes of
 * an object, counted when the later change is counted.
 *
 * <p>A report follows each object's chain of rows once, with per-object bit sets and no per-row allocation. Stateless and
 * thread-safe, provided the history is not appended to meanwhile.
 */
public final class Funnels {
  private static final double DAY_MILLIS = 86_400_000.0;

  private Funnels() {}

  /**
   * A cohort funnel: the objects that entered the pipeline in {@code [from, to)}, followed through their later
   * changes, all of them or those within {@code within} of their first.
   *
   * @param history the history
   * @param definition the pipeline; rows of other pipelines are ignored
   * @param from the window's start, inclusive
   * @param to the window's end, exclusive
   * @param within the time limit after an object's first change, or null for none
   * @return the report
   * @throws IllegalArgumentException if the window is empty, the limit negative, or a row of the pipeline names a
   *     stage the definition does not have
   */
  public static FunnelReport cohort(StageHistory history, PipelineDefinition definition, Instant from, Instant to,
      Duration within) {
    if (within != null && within.isNegative()) {
      throw new IllegalArgumentException("within must not be negative, was " + within);
    }
    return scan(history, definition, from, to, within, true);
  }

  /**
   * A period funnel: the changes of the pipeline in {@code [from, to)}.
   *
   * @param history the history
   * @param definition the pipeline; rows of other pipelines are ignored
   * @param from the window's start, inclusive
   * @param to the window's end, exclusive
   * @return the report
   * @throws IllegalArgumentException if the window is empty or a row of the pipeline names a stage the definition
   *     does not have
   */
  public static FunnelReport period(StageHistory history, PipelineDefinition definition, Instant from, Instant to) {
    return scan(history, definition, from, to, null, false);
  }

  private static FunnelReport scan(StageHistory history, PipelineDefinition definition, Instant fromInstant,
      Instant toInstant, Duration within, boolean cohort) {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(definition, "definition");
    long lo = fromInstant.toEpochMilli();
    long hi = toInstant.toEpochMilli();
    if (hi <= lo) {
      throw new IllegalArgumentException("window must not be empty, was " + fromInstant + " to " + toInstant);
    }
    long withinMillis = within == null ? Long.MAX_VALUE : within.toMillis();
    int openCount = definition.openCount();
    int stageCount = definition.stageCount();
    int[] entered = new int[openCount + 1];
    int[] moved = new int[openCount + 1];
    int[] visits = new int[stageCount];
    long[] visitMillis = new long[stageCount];
    int objects = 0;
    int won = 0;
    int lost = 0;
    int closed = 0;
    double cycleMillis = 0;
    double amountSum = 0;
    int amountCount = 0;
    int pipeline = history.pipelineCode(definition.name());
    if (pipeline >= 0) {
      int[] map = history.stageIndices(definition);
      int objectCount = history.objectCount();
      for (int o = 0; o < objectCount; o++) {
        int firstRow = history.firstRowOf(o);
        if (history.pipelineOf(firstRow) != pipeline) {
          continue;
        }
        long born = history.atOf(firstRow);
        long limit;
        if (cohort) {
          if (born < lo || born >= hi) {
            continue;
          }
          limit = withinMillis == Long.MAX_VALUE ? Long.MAX_VALUE : born + withinMillis;
        } else {
          limit = Long.MAX_VALUE;
        }
        long mask = 0;
        long movedMask = 0;
        boolean counted = false;
        int outcome = -1;
        long outcomeAt = 0;
        double outcomeAmount = Double.NaN;
        for (int row = firstRow, previous = -1; row >= 0; previous = row, row = history.nextRowOf(row)) {
          long at = history.atOf(row);
          if (at > limit || (!cohort && at >= hi)) {
            break;
          }
          if (!cohort && at < lo) {
            continue;
          }
          counted = true;
          int to = stageIndex(history, map, definition, row, history.toOf(row));
          int fromCode = history.fromOf(row);
          int from = fromCode < 0 ? -1 : stageIndex(history, map, definition, row, fromCode);
          int toLevel = definition.level(to);
          int fromLevel;
          boolean fromOpen = from >= 0 && definition.stageAt(from).kind() == StageKind.OPEN;
          if (previous < 0) {
            fromLevel = fromOpen ? definition.level(from) : -1;
            if (fromOpen) {
              mask |= upTo(fromLevel);
              movedMask |= upTo(fromLevel - 1);
            }
          } else if (fromOpen) {
            fromLevel = definition.level(from);
          } else {
            fromLevel = toLevel - 1;
          }
          if (toLevel > fromLevel) {
            mask |= upTo(toLevel) & ~upTo(fromLevel);
            movedMask |= mask & upTo(toLevel - 1);
          }
          if (previous >= 0) {
            int stage = stageIndex(history, map, definition, previous, history.toOf(previous));
            visits[stage]++;
            visitMillis[stage] += at - history.atOf(previous);
          }
          outcome = definition.stageAt(to).kind().ordinal();
          outcomeAt = at;
          outcomeAmount = history.amountOf(row);
        }
        if (!counted) {
          continue;
        }
        objects++;
        for (int level = 0; level <= openCount; level++) {
          if ((mask & (1L << level)) != 0) {
            entered[level]++;
            if ((movedMask & (1L << level)) != 0) {
              moved[level]++;
            }
          }
        }
        if (outcome == StageKind.WON.ordinal()) {
          won++;
          cycleMillis += outcomeAt - born;
          if (!Double.isNaN(outcomeAmount)) {
            amountSum += outcomeAmount;
            amountCount++;
          }
        } else if (outcome == StageKind.LOST.ordinal()) {
          lost++;
        } else if (outcome == StageKind.CLOSED.ordinal()) {
          closed++;
        }
      }
    }
    return new FunnelReport(definition.name(), cohort, fromInstant, toInstant, objects,
        steps(definition, entered, moved, visits, visitMillis), won, lost, closed,
        won == 0 ? Double.NaN : cycleMillis / won / DAY_MILLIS,
        amountCount == 0 ? Double.NaN : amountSum / amountCount);
  }

  /** Bits 0..level set; none for a negative level. */
  private static long upTo(int level) {
    return level < 0 ? 0L : level >= 63 ? -1L : (1L << (level + 1)) - 1;
  }

  private static int stageIndex(StageHistory history, int[] map, PipelineDefinition definition, int row, int code) {
    int index = map[code];
    if (index < 0) {
      throw new IllegalArgumentException("stage history row " + row + ": stage '" + history.stageName(code)
          + "' is not a stage of pipeline '" + definition.name() + "'");
    }
    return index;
  }

  private static List<FunnelStep> steps(PipelineDefinition definition, int[] entered, int[] moved, int[] visits,
      long[] visitMillis) {
    int openCount = definition.openCount();
    List<FunnelStep> steps = new ArrayList<>(openCount + 1);
    for (int level = 0; level < openCount; level++) {
      for (int s = 0; s < definition.stageCount(); s++) {
        Stage stage = definition.stageAt(s);
        if (stage.kind() == StageKind.OPEN && definition.level(s) == level) {
          steps.add(new FunnelStep(stage.name(), entered[level], moved[level], visits[s],
              visits[s] == 0 ? Double.NaN : visitMillis[s] / DAY_MILLIS / visits[s]));
        }
      }
    }
    StringBuilder names = new StringBuilder();
    int wonVisits = 0;
    long wonMillis = 0;
    for (int s = 0; s < definition.stageCount(); s++) {
      if (definition.stageAt(s).kind() == StageKind.WON) {
        names.append(names.length() == 0 ? "" : "|").append(definition.stageAt(s).name());
        wonVisits += visits[s];
        wonMillis += visitMillis[s];
      }
    }
    if (names.length() > 0) {
      steps.add(new FunnelStep(names.toString(), entered[openCount], 0, wonVisits,
          wonVisits == 0 ? Double.NaN : wonMillis / DAY_MILLIS / wonVisits));
    }
    return steps;
  }

  /**
   * Time in stage over all objects of the pipeline, as of an instant: for each stage (in the definition's order),
   * the objects that visited it, their visits, and the mean per object of the total time in the stage (over
   * visits, a reopen included) and of the latest visit, the visit an object is in running to {@code asOf}. The
   * same figures as averaging {@link StageHistory#timeInStage} over the objects, in one pass over the rows with no
   * per-row allocation. Objects whose last change is after {@code asOf} are left out.
   *
   * @param history the history
   * @param definition the pipeline
   * @param asOf the end of the visits still open
   * @param calendar a working calendar for the working-hour means, or null (they are then NaN); working time costs
   *     a walk over the days of every visit
   * @return one summary per stage
   * @throws IllegalArgumentException if a row of the pipeline names a stage the definition does not have
   */
  public static List<StageTimeSummary> timeInStage(StageHistory history, PipelineDefinition definition,
      Instant asOf, io.github.crmkit.model.WorkingCalendar calendar) {
    Objects.requireNonNull(definition, "definition");
    long now = asOf.toEpochMilli();
    int stageCount = definition.stageCount();
    int[] objects = new int[stageCount];
    long[] visits = new long[stageCount];
    double[] total = new double[stageCount];
    double[] latest = new double[stageCount];
    double[] totalWorking = new double[stageCount];
    double[] latestWorking = new double[stageCount];
    // per object scratch, reset through the list of touched stages
    long[] objectTotal = new long[stageCount];
    long[] objectLatest = new long[stageCount];
    long[] objectTotalWorking = new long[stageCount];
    long[] objectLatestWorking = new long[stageCount];
    int[] touched = new int[stageCount];
    boolean[] seen = new boolean[stageCount];
    BusinessTime business = calendar == null ? null : new BusinessTime(calendar);
    int pipeline = history.pipelineCode(definition.name());
    if (pipeline >= 0) {
      int[] map = history.stageIndices(definition);
      for (int o = 0; o < history.objectCount(); o++) {
        int first = history.firstRowOf(o);
        if (history.pipelineOf(first) != pipeline || history.atOf(history.lastRowOf(o)) > now) {
          continue;
        }
        int touchedCount = 0;
        for (int row = first; row >= 0; row = history.nextRowOf(row)) {
          int s = stageIndex(history, map, definition, row, history.toOf(row));
          int nextRow = history.nextRowOf(row);
          long entered = history.atOf(row);
          long exited = nextRow < 0 ? now : history.atOf(nextRow);
          if (!seen[s]) {
            seen[s] = true;
            touched[touchedCount++] = s;
            objectTotal[s] = 0;
            objectTotalWorking[s] = 0;
          }
          visits[s]++;
          objectTotal[s] += exited - entered;
          objectLatest[s] = exited - entered;
          if (business != null) {
            long working = business.millisBetween(entered, exited);
            objectTotalWorking[s] += working;
            objectLatestWorking[s] = working;
          }
        }
        for (int t = 0; t < touchedCount; t++) {
          int s = touched[t];
          seen[s] = false;
          objects[s]++;
          total[s] += objectTotal[s];
          latest[s] += objectLatest[s];
          totalWorking[s] += objectTotalWorking[s];
          latestWorking[s] += objectLatestWorking[s];
        }
      }
    }
    List<StageTimeSummary> summaries = new ArrayList<>(stageCount);
    for (int s = 0; s < stageCount; s++) {
      int n = objects[s];
      boolean working = business != null && n > 0;
      summaries.add(new StageTimeSummary(definition.stageAt(s).name(), n, visits[s],
          n == 0 ? Double.NaN : total[s] / n / DAY_MILLIS, n == 0 ? Double.NaN : latest[s] / n / DAY_MILLIS,
          working ? totalWorking[s] / n / 3_600_000.0 : Double.NaN,
          working ? latestWorking[s] / n / 3_600_000.0 : Double.NaN));
    }
    return List.copyOf(summaries);
  }

  /**
   * The objects stalled at an instant: in an open stage with a stall limit, for longer than the limit.
   *
   * @param history the history
   * @param definition the pipeline
   * @param asOf the instant; objects whose last change is later are left out
   * @return the stalled objects, longest in stage first
   */
  public static List<StalledObject> stalled(StageHistory history, PipelineDefinition definition, Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    List<StalledObject> stalled = new ArrayList<>();
    int pipeline = history.pipelineCode(definition.name());
    if (pipeline < 0) {
      return List.of();
    }
    int[] map = history.stageIndices(definition);
    long now = asOf.toEpochMilli();
    for (int o = 0; o < history.objectCount(); o++) {
      int last = history.lastRowOf(o);
      if (history.pipelineOf(last) != pipeline || history.atOf(last) > now) {
        continue;
      }
      Stage stage = definition.stageAt(stageIndex(history, map, definition, last, history.toOf(last)));
      double days = (now - history.atOf(last)) / DAY_MILLIS;
      if (stage.kind() == StageKind.OPEN && stage.maxDaysInStage() > 0 && days > stage.maxDaysInStage()) {
        stalled.add(new StalledObject(history.objectName(o), stage.name(), Instant.ofEpochMilli(history.atOf(last)),
            days, stage.maxDaysInStage()));
      }
    }
    stalled.sort(Comparator.comparingDouble(StalledObject::daysInStage).reversed()
        .thenComparing(StalledObject::objectId));
    return List.copyOf(stalled);
  }

  /**
   * Pipeline velocity: the open objects now at or beyond a qualifying stage, with the win rate, mean won amount and
   * mean sales cycle of a basis funnel (for example last quarter's cohort).
   *
   * @param history the history
   * @param definition the pipeline
   * @param qualifiedStage the first open stage counted as qualified, or null for every open stage
   * @param basis a funnel of the same pipeline
   * @return the velocity
   * @throws IllegalArgumentException if the stage is not open or the basis is of another pipeline
   */
  public static PipelineVelocity velocity(StageHistory history, PipelineDefinition definition,
      String qualifiedStage, FunnelReport basis) {
    if (!basis.pipeline().equals(definition.name())) {
      throw new IllegalArgumentException("basis funnel is of pipeline '" + basis.pipeline() + "', not '"
          + definition.name() + "'");
    }
    int minimum = 0;
    if (qualifiedStage != null) {
      int s = definition.indexOf(qualifiedStage);
      if (definition.stageAt(s).kind() != StageKind.OPEN) {
        throw new IllegalArgumentException("qualifiedStage '" + qualifiedStage + "' must be an open stage");
      }
      minimum = definition.level(s);
    }
    int count = 0;
    int pipeline = history.pipelineCode(definition.name());
    if (pipeline >= 0) {
      int[] map = history.stageIndices(definition);
      for (int o = 0; o < history.objectCount(); o++) {
        int last = history.lastRowOf(o);
        if (history.pipelineOf(last) == pipeline) {
          int s = stageIndex(history, map, definition, last, history.toOf(last));
          if (definition.stageAt(s).kind() == StageKind.OPEN && definition.level(s) >= minimum) {
            count++;
          }
        }
      }
    }
    return new PipelineVelocity(count, basis.winRate(), basis.meanWonAmount(), basis.averageSalesCycleDays());
  }
}
