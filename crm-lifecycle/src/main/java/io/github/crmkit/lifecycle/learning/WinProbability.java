package io.github.crmkit.lifecycle.learning;

import java.util.Objects;

/**
 * The learner's answer for one object: a learned probability, the user's manual probability, the certain outcome of
 * a closed object, or "insufficient history" when the team has too few closed objects to learn from; the last is a
 * result, not a guess, and carries no probability.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what the answer is
 * @param percent the probability of winning in percent; {@code NaN} only for
 *     {@link Kind#INSUFFICIENT_HISTORY}
 * @param sample the number of closed objects of the team the estimate rests on
 */
public record WinProbability(Kind kind, double percent, long sample) {

  /** The smallest learned probability, in percent. */
  public static final double MIN_PERCENT = 0.01;

  /** The largest learned probability, in percent. */
  public static final double MAX_PERCENT = 99.99;

  /** What a {@link WinProbability} is. Immutable and thread-safe. */
  public enum Kind {
    /** Learned from the team's frequency tables, within [0.01, 99.99] percent. */
    LEARNED,
    /** Set by a user and preserved by the learner. */
    MANUAL,
    /** The object is won: 100 percent. */
    WON,
    /** The object is lost: 0 percent. */
    LOST,
    /** The team has fewer closed objects than the minimum sample: no probability. */
    INSUFFICIENT_HISTORY
  }

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException naming the component and the problem
   */
  public WinProbability {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.INSUFFICIENT_HISTORY) {
      if (!Double.isNaN(percent)) {
        throw new IllegalArgumentException("WinProbability.percent must be NaN for INSUFFICIENT_HISTORY, was "
            + percent);
      }
    } else if (!(percent >= 0 && percent <= 100)) {
      throw new IllegalArgumentException("WinProbability.percent must be in [0, 100], was " + percent);
    }
    if (kind == Kind.LEARNED && (percent < MIN_PERCENT || percent > MAX_PERCENT)) {
      throw new IllegalArgumentException(
          "WinProbability.percent must be in [0.01, 99.99] when LEARNED, was " + percent);
    }
    if (sample < 0) {
      throw new IllegalArgumentException("WinProbability.sample must not be negative, was " + sample);
    }
  }

  /**
   * Whether this answer carries a probability.
   *
   * @return false only for {@link Kind#INSUFFICIENT_HISTORY}
   */
  public boolean hasPercent() {
    return kind != Kind.INSUFFICIENT_HISTORY;
  }

  /**
   * The probability as a fraction in [0, 1].
   *
   * @return {@code percent() / 100}
   * @throws IllegalStateException for {@link Kind#INSUFFICIENT_HISTORY}
   */
  public double fraction() {
    if (!hasPercent()) {
      throw new IllegalStateException("insufficient history: " + sample + " closed objects");
    }
    return percent / 100.0;
  }
}
