package io.github.crmkit.lifecycle;

import java.util.List;

/**
 * What {@link StageHistory#appendAll} did: how many rows it appended and, for each row it did not, its position
 * and reason. The counts reconcile: {@code appended + rejected.size()} is the batch size.
 *
 * <p>Immutable and thread-safe.
 *
 * @param appended the number of rows appended
 * @param rejected the rows not appended, in batch order
 */
public record AppendResult(int appended, List<RejectedChange> rejected) {
  /**
   * Copies the list.
   *
   * @throws IllegalArgumentException if the count is negative
   */
  public AppendResult {
    rejected = List.copyOf(rejected);
    if (appended < 0) {
      throw new IllegalArgumentException("appended must not be negative, was " + appended);
    }
  }
}
