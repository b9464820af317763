package io.github.crmkit.lifecycle;

import java.util.Objects;

/**
 * Time in one stage over all objects of a pipeline that visited it, as {@link Funnels#timeInStage} computes it: how
 * many objects and visits, and the mean per object of its total (cumulative over visits) and latest visit, in
 * calendar days and, with a working calendar, in working hours.
 *
 * <p>Immutable and thread-safe.
 *
 * @param stage the stage name
 * @param objects the objects that visited the stage
 * @param visits their visits
 * @param meanTotalDays the mean over those objects of the total time in the stage, in days; NaN without objects
 * @param meanLatestDays the mean of the latest visit, in days; NaN without objects
 * @param meanTotalWorkingHours the mean total in working hours; NaN without objects or without a calendar
 * @param meanLatestWorkingHours the mean latest visit in working hours; NaN without objects or without a calendar
 */
public record StageTimeSummary(String stage, int objects, long visits, double meanTotalDays, double meanLatestDays,
    double meanTotalWorkingHours, double meanLatestWorkingHours) {
  /**
   * Checks the counts.
   *
   * @throws IllegalArgumentException if a count is negative or there are fewer visits than objects
   */
  public StageTimeSummary {
    Objects.requireNonNull(stage, "StageTimeSummary.stage");
    if (objects < 0 || visits < objects) {
      throw new IllegalArgumentException("StageTimeSummary needs 0 <= objects <= visits, were " + objects + " and "
          + visits);
    }
  }
}
