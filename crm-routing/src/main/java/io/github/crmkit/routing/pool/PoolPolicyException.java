package io.github.crmkit.routing.pool;

import java.util.List;

/**
 * Thrown when a pool policy document is not valid: it carries every {@link PoolPolicyProblem} found, each with its
 * JSON path, line and column.
 *
 * <p>Immutable and thread-safe.
 */
public final class PoolPolicyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The problems; an unmodifiable JDK list (not serialized). */
  private final transient List<PoolPolicyProblem> problems;

  PoolPolicyException(List<PoolPolicyProblem> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  private static String format(List<PoolPolicyProblem> problems) {
    StringBuilder out = new StringBuilder("invalid pool policy, ").append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems");
    for (PoolPolicyProblem problem : problems) {
      out.append("\n  at ").append(problem);
    }
    return out.toString();
  }

  /**
   * The problems, in document order.
   *
   * @return the problems, at least one, unmodifiable; empty after deserialization
   */
  public List<PoolPolicyProblem> problems() {
    return problems == null ? List.of() : problems;
  }
}
