package io.github.crmkit.lifecycle;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an object spent in one stage: the number of visits, the latest visit, and the total over visits (a
 * reopen adds a visit), in calendar time and, when a working calendar was given, in business time.
 *
 * <p>Immutable and thread-safe.
 *
 * @param stage the stage name
 * @param visits how many times the object entered the stage
 * @param latest the length of the latest visit (up to the report's instant if the object is still there)
 * @param cumulative the total over visits
 * @param latestBusiness the latest visit in working time, or null without a calendar
 * @param cumulativeBusiness the total in working time, or null without a calendar
 */
public record TimeInStage(String stage, int visits, Duration latest, Duration cumulative, Duration latestBusiness,
    Duration cumulativeBusiness) {
  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if visits are not positive or a duration is negative
   */
  public TimeInStage {
    Objects.requireNonNull(stage, "TimeInStage.stage");
    Objects.requireNonNull(latest, "TimeInStage.latest");
    Objects.requireNonNull(cumulative, "TimeInStage.cumulative");
    if (visits < 1) {
      throw new IllegalArgumentException("TimeInStage.visits must be positive, was " + visits);
    }
    if (latest.isNegative() || cumulative.compareTo(latest) < 0) {
      throw new IllegalArgumentException("TimeInStage.cumulative must be at least latest, which must not be"
          + " negative, were " + cumulative + " and " + latest);
    }
  }
}
