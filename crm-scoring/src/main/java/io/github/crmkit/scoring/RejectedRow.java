package io.github.crmkit.scoring;

import java.util.Objects;

/**
 * An input row that was not accepted into a batch, with where it was and why. A batch never drops a row silently:
 * every input row is either accepted or reported as a {@code RejectedRow}, so that input rows = accepted + rejected.
 *
 * <p>The reason names the field and the problem, never the offending value (it may be personal data).
 *
 * @param source the file (or other source) the row came from, or {@code ""} for in-memory input
 * @param row the 1-based row number within the source (for files: the physical line number)
 * @param column the 1-based column of the problem, or 0 if it concerns the whole row
 * @param field the field concerned, for example {@code amount} or {@code customer}
 * @param reason what is wrong, for example {@code not a finite number}
 */
public record RejectedRow(String source, long row, int column, String field, String reason) {
  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if the row is not positive or the column negative
   */
  public RejectedRow {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
    if (row < 1) {
      throw new IllegalArgumentException("row must be positive, was " + row);
    }
    if (column < 0) {
      throw new IllegalArgumentException("column must not be negative, was " + column);
    }
  }

  /** Returns {@code file:line:column: field: reason}, as compilers print positions. */
  @Override
  public String toString() {
    return (source.isEmpty() ? "row " + row : source + ":" + row) + (column > 0 ? ":" + column : "") + ": " + field
        + ": " + reason;
  }
}
