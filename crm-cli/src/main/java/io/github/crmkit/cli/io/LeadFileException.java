package io.github.crmkit.cli.io;

import java.io.IOException;
import java.util.Objects;

/**
 * A lead file that cannot be read: a missing column, a malformed row, a value the model refuses, a duplicate lead
 * id. The message has the form {@code file:line[:column]: problem} for CSV files (as compilers print positions) and
 * {@code file: problem at JSON path} for JSON files, and never holds a field's value, which may be personal data.
 *
 * <p>Immutable.
 */
public final class LeadFileException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a position in a CSV file.
   *
   * @param source the file, as given
   * @param line the 1-based physical line
   * @param column the 1-based column, or 0 for the whole line
   * @param problem what is wrong, without any field's value
   */
  public LeadFileException(String source, long line, int column, String problem) {
    super(Objects.requireNonNull(source, "source") + ":" + line + (column > 0 ? ":" + column : "") + ": "
        + Objects.requireNonNull(problem, "problem"));
  }

  /**
   * Creates the exception for a whole file or a JSON path in it.
   *
   * @param source the file, as given
   * @param problem what is wrong, naming the JSON path where there is one
   */
  public LeadFileException(String source, String problem) {
    super(Objects.requireNonNull(source, "source") + ": " + Objects.requireNonNull(problem, "problem"));
  }
}
