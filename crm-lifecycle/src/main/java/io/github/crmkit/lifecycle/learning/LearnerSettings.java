package io.github.crmkit.lifecycle.learning;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * How the learner estimates: which fields it uses, the additive smoothing of its counts, and the minimum number of
 * closed objects a team needs before it estimates at all.
 *
 * <p>Immutable and thread-safe.
 *
 * @param fields the field names used in the estimate, in order, distinct, not blank; may be empty (stage only)
 * @param smoothing the pseudo-count added to every count, positive and finite; Odoo's predictive lead scoring
 *     documents 0.1
 * @param minimumSample the number of closed (won plus lost) objects a team needs; below it the estimate is
 *     {@link WinProbability.Kind#INSUFFICIENT_HISTORY}; at least 1
 */
public record LearnerSettings(List<String> fields, double smoothing, int minimumSample) {

  /** The smoothing pseudo-count of Odoo's predictive lead scoring. */
  public static final double DEFAULT_SMOOTHING = 0.1;

  /** The default minimum number of closed objects per team. */
  public static final int DEFAULT_MINIMUM_SAMPLE = 50;

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException naming the component and the problem
   */
  public LearnerSettings {
    Objects.requireNonNull(fields, "fields");
    fields = List.copyOf(fields);
    HashSet<String> seen = new HashSet<>();
    for (int i = 0; i < fields.size(); i++) {
      LearnerObservation.checkName("LearnerSettings.fields[" + i + "]", fields.get(i));
      if (!seen.add(fields.get(i))) {
        throw new IllegalArgumentException("LearnerSettings.fields[" + i + "] repeats " + fields.get(i));
      }
    }
    if (!(smoothing > 0) || Double.isInfinite(smoothing)) {
      throw new IllegalArgumentException("LearnerSettings.smoothing must be positive and finite, was " + smoothing);
    }
    if (minimumSample < 1) {
      throw new IllegalArgumentException("LearnerSettings.minimumSample must be at least 1, was " + minimumSample);
    }
  }

  /**
   * Returns settings with the default smoothing (0.1) and minimum sample (50).
   *
   * @param fields the field names used in the estimate
   * @return the settings
   */
  public static LearnerSettings of(List<String> fields) {
    return new LearnerSettings(fields, DEFAULT_SMOOTHING, DEFAULT_MINIMUM_SAMPLE);
  }

  /**
   * Returns a copy with another minimum sample.
   *
   * @param sample the minimum number of closed objects per team
   * @return the copy
   */
  public LearnerSettings withMinimumSample(int sample) {
    return new LearnerSettings(fields, smoothing, sample);
  }
}
