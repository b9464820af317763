package io.github.crmkit.lifecycle;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One object in a forecast: its owner, team, forecast category, amount, win probability and (expected or actual)
 * close date.
 *
 * <p>Immutable and thread-safe.
 *
 * @param objectId the object id
 * @param owner the owner's id, or null
 * @param team the team's id, or null
 * @param category the forecast category
 * @param amount the amount, finite and not negative
 * @param probability the win probability in [0, 1]
 * @param closeDate the expected (open) or actual (closed) close date, or null
 */
public record ForecastLine(String objectId, String owner, String team, ForecastCategory category, double amount,
    double probability, LocalDate closeDate) {
  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component when one is out of range
   */
  public ForecastLine {
    Objects.requireNonNull(objectId, "ForecastLine.objectId");
    Objects.requireNonNull(category, "ForecastLine.category");
    if (!(amount >= 0) || Double.isInfinite(amount)) {
      throw new IllegalArgumentException("ForecastLine.amount must be finite and not negative, was " + amount);
    }
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("ForecastLine.probability must be between 0 and 1, was " + probability);
    }
  }

  /**
   * The weighted amount: amount x probability.
   *
   * @return the weighted amount
   */
  public double weighted() {
    return amount * probability;
  }
}
