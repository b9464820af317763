package io.github.crmkit.lifecycle;

import java.util.Objects;

/**
 * One step of a funnel: an open stage (in order) or the won stage at the end, how many objects entered it (reaching
 * it or skipping past it), how many moved onward, and how long visits to it lasted.
 *
 * <p>Immutable and thread-safe.
 *
 * @param stage the stage name (for several won stages, their names joined by {@code |})
 * @param entered objects that entered the stage or skipped past it
 * @param movedOn objects that moved onward from it (0 for the won step)
 * @param completedVisits the visits to the stage that ended (the object moved elsewhere) in the report's scope
 * @param meanDaysInStage the mean length of those visits in days, NaN without any
 */
public record FunnelStep(String stage, int entered, int movedOn, int completedVisits, double meanDaysInStage) {
  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if a count is negative or more moved on than entered
   */
  public FunnelStep {
    Objects.requireNonNull(stage, "FunnelStep.stage");
    if (entered < 0 || movedOn < 0 || movedOn > entered || completedVisits < 0) {
      throw new IllegalArgumentException("FunnelStep counts must satisfy 0 <= movedOn <= entered and"
          + " completedVisits >= 0, were " + movedOn + ", " + entered + ", " + completedVisits);
    }
  }

  /**
   * The stage conversion: objects that moved onward divided by objects that entered.
   *
   * @return the conversion in [0, 1], NaN when none entered
   */
  public double conversion() {
    return entered == 0 ? Double.NaN : (double) movedOn / entered;
  }
}
