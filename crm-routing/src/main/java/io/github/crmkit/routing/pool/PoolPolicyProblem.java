package io.github.crmkit.routing.pool;

import io.github.crmkit.model.internal.CrmStyle;
import org.immutables.value.Value;

/**
 * One problem found in a pool policy document: where it is, as a JSON path and a position, and what is wrong.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable(builder = false)
@CrmStyle
public abstract class PoolPolicyProblem {
  PoolPolicyProblem() {}

  /**
   * Returns a problem.
   *
   * @param path the JSON path, starting with {@code $}
   * @param line the 1-based line
   * @param column the 1-based column
   * @param problem what is wrong
   * @return the problem
   * @throws IllegalArgumentException if the path does not start with {@code $}
   */
  public static PoolPolicyProblem of(String path, int line, int column, String problem) {
    return ImmutablePoolPolicyProblem.of(path, line, column, problem);
  }

  /**
   * The JSON path of the problem, {@code $} for the document, for example {@code $.levels.A.noFollowUpDays}; for a
   * missing property, the path it should have.
   *
   * @return the path
   */
  @Value.Parameter(order = 0)
  public abstract String path();

  /**
   * The 1-based line of the problem (of the enclosing object for a missing property).
   *
   * @return the line
   */
  @Value.Parameter(order = 1)
  public abstract int line();

  /**
   * The 1-based column of the problem.
   *
   * @return the column
   */
  @Value.Parameter(order = 2)
  public abstract int column();

  /**
   * What is wrong, for example {@code must be between 1 and 36500, was 0}.
   *
   * @return the description
   */
  @Value.Parameter(order = 3)
  public abstract String problem();

  @Value.Check
  final void check() {
    if (!path().startsWith("$")) {
      throw new IllegalArgumentException("PoolPolicyProblem.path must start with $, was " + path());
    }
  }

  /** Returns {@code $.path (line L, column C): problem}. */
  @Override
  public final String toString() {
    return path() + " (line " + line() + ", column " + column() + "): " + problem();
  }
}
