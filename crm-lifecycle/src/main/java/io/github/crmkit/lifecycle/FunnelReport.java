package io.github.crmkit.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A funnel of one pipeline over a window, as {@link Funnels} computes it: the steps (open stages in order, then
 * won), outcome counts, win rate, average sales cycle and mean won amount.
 *
 * <p>Immutable and thread-safe.
 *
 * @param pipeline the pipeline's name
 * @param cohort true for a cohort funnel, false for a period funnel
 * @param from the window's start, inclusive
 * @param to the window's end, exclusive
 * @param objects the objects counted: the cohort, or the objects with a change in the window
 * @param steps the steps
 * @param won objects whose last counted change entered a won stage
 * @param lost objects whose last counted change entered a lost stage
 * @param closed objects whose last counted change entered a closed stage (neither won nor lost)
 * @param averageSalesCycleDays mean days from an object's first change to its won change, over the won; NaN
 *     without any
 * @param meanWonAmount mean amount at the won change over the won with an amount; NaN without any
 */
public record FunnelReport(String pipeline, boolean cohort, Instant from, Instant to, int objects,
    List<FunnelStep> steps, int won, int lost, int closed, double averageSalesCycleDays, double meanWonAmount) {
  /**
   * Copies the steps and checks the counts.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public FunnelReport {
    Objects.requireNonNull(pipeline, "FunnelReport.pipeline");
    steps = List.copyOf(steps);
    if (objects < 0 || won < 0 || lost < 0 || closed < 0) {
      throw new IllegalArgumentException("FunnelReport counts must not be negative");
    }
  }

  /**
   * The win rate: won divided by won plus lost.
   *
   * @return the win rate in [0, 1], NaN when nothing was won or lost
   */
  public double winRate() {
    return won + lost == 0 ? Double.NaN : (double) won / (won + lost);
  }

  /**
   * The step of a stage.
   *
   * @param stage the stage name
   * @return the step
   * @throws IllegalArgumentException if the funnel has no such step
   */
  public FunnelStep step(String stage) {
    for (FunnelStep step : steps) {
      if (step.stage().equals(stage)) {
        return step;
      }
    }
    throw new IllegalArgumentException("funnel of pipeline '" + pipeline + "' has no step '" + stage + "'");
  }
}
