package io.github.crmkit.cli.io;

import io.github.crmkit.scoring.RejectedRow;
import java.util.Objects;

/**
 * Thrown in strict mode for the first malformed row; its message is the row's position and problem
 * ({@code file:line:column: field: reason}), never its values.
 *
 * <p>Immutable.
 */
public final class MalformedRowException extends TransactionFileException {
  private static final long serialVersionUID = 1L;

  /** The row, as lenient mode would have rejected it. */
  private final transient RejectedRow row;

  /**
   * Creates the exception.
   *
   * @param row the malformed row
   */
  public MalformedRowException(RejectedRow row) {
    super(Objects.requireNonNull(row, "row").source(), row.row(), row.column(), row.field() + ": " + row.reason());
    this.row = row;
  }

  /**
   * The malformed row.
   *
   * @return the row's position and problem
   */
  public RejectedRow rejectedRow() {
    return row;
  }
}
