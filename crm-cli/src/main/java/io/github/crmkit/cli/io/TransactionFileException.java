package io.github.crmkit.cli.io;

import java.io.IOException;
import java.util.Objects;

/**
 * A transaction file that cannot be read as the format says: a header without a named column, or (in strict mode,
 * as the subclass {@link MalformedRowException}) a malformed row. The message has the form
 * {@code file:line[:column]: problem}, as compilers print positions, and never holds a field's value.
 *
 * <p>Immutable.
 */
public class TransactionFileException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The file, as given. */
  private final String source;
  /** The 1-based line. */
  private final long line;
  /** The 1-based column, or 0. */
  private final int column;

  /**
   * Creates the exception.
   *
   * @param source the file, as given
   * @param line the 1-based physical line
   * @param column the 1-based column, or 0 for the whole line
   * @param problem what is wrong, without any field's value
   */
  public TransactionFileException(String source, long line, int column, String problem) {
    super(Objects.requireNonNull(source, "source") + ":" + line + (column > 0 ? ":" + column : "") + ": "
        + Objects.requireNonNull(problem, "problem"));
    this.source = source;
    this.line = line;
    this.column = column;
  }

  /**
   * The file.
   *
   * @return the file, as given
   */
  public String source() {
    return source;
  }

  /**
   * The line.
   *
   * @return the 1-based physical line
   */
  public long line() {
    return line;
  }

  /**
   * The column.
   *
   * @return the 1-based column, or 0 if the problem concerns the whole line
   */
  public int column() {
    return column;
  }
}
