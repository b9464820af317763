package io.github.crmkit.lifecycle;

/**
 * Pipeline (sales) velocity: how much value the open pipeline turns into per day, computed as open qualified
 * objects x win rate x mean won amount / mean sales cycle in days.
 *
 * <p>Immutable and thread-safe.
 *
 * @param openQualified open objects at or beyond the qualifying stage
 * @param winRate the win rate of the basis funnel
 * @param meanWonAmount the mean won amount of the basis funnel
 * @param meanCycleDays the mean sales cycle in days of the basis funnel
 */
public record PipelineVelocity(int openQualified, double winRate, double meanWonAmount, double meanCycleDays) {
  /**
   * Checks the count.
   *
   * @throws IllegalArgumentException if the count is negative
   */
  public PipelineVelocity {
    if (openQualified < 0) {
      throw new IllegalArgumentException("PipelineVelocity.openQualified must not be negative, was "
          + openQualified);
    }
  }

  /**
   * The value per day: open qualified x win rate x mean won amount / mean cycle days.
   *
   * @return the value per day, NaN when a factor is unknown or the cycle is 0
   */
  public double valuePerDay() {
    return meanCycleDays > 0 ? openQualified * winRate * meanWonAmount / meanCycleDays : Double.NaN;
  }
}
