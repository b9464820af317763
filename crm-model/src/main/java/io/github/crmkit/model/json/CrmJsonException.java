package io.github.crmkit.model.json;

import java.util.OptionalInt;

/**
 * Thrown when JSON cannot be read as a crmkit model type: malformed JSON, a wrong type, an unknown or missing
 * property, or a value that fails validation. It names the JSON path of the problem ({@code $.contacts.emails[0]}),
 * its line and column where known, and the problem, and never repeats input values, which may be personal data.
 *
 * <p>Immutable and thread-safe.
 */
public final class CrmJsonException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final int line;
  private final int column;
  private final String problem;

  CrmJsonException(String path, int line, int column, String problem, Throwable cause) {
    super(format(path, line, column, problem), cause);
    this.path = path;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  private static String format(String path, int line, int column, String problem) {
    StringBuilder out = new StringBuilder("invalid JSON at ").append(path);
    if (line > 0) {
      out.append(" (line ").append(line).append(", column ").append(column).append(')');
    }
    return out.append(": ").append(problem).toString();
  }

  /**
   * The JSON path of the problem, {@code $} for the root, for example {@code $.lines[2].unitPrice}.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * The 1-based line of the problem in the input.
   *
   * @return the line, if known
   */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }

  /**
   * The 1-based column of the problem in the input.
   *
   * @return the column, if known
   */
  public OptionalInt column() {
    return line > 0 ? OptionalInt.of(column) : OptionalInt.empty();
  }

  /**
   * What is wrong, without the path or location.
   *
   * @return the problem
   */
  public String problem() {
    return problem;
  }
}
