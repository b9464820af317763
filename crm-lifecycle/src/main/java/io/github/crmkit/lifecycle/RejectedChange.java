package io.github.crmkit.lifecycle;

import java.util.Objects;

/**
 * A row {@link StageHistory#appendAll} did not append: its position in the batch and why.
 *
 * <p>Immutable and thread-safe.
 *
 * @param position the 0-based position in the batch
 * @param reason why, naming the field; never the row's personal data
 */
public record RejectedChange(int position, String reason) {
  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if the position is negative
   */
  public RejectedChange {
    Objects.requireNonNull(reason, "reason");
    if (position < 0) {
      throw new IllegalArgumentException("position must not be negative, was " + position);
    }
  }
}
