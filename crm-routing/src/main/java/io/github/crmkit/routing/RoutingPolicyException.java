package io.github.crmkit.routing;

import java.util.List;

/**
 * Thrown when a routing policy is not valid: it carries every {@link PolicyProblem} found, each with its JSON path.
 *
 * <p>Immutable and thread-safe.
 */
public final class RoutingPolicyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // an unmodifiable JDK list of records
  private final List<PolicyProblem> problems;

  RoutingPolicyException(List<PolicyProblem> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  private static String format(List<PolicyProblem> problems) {
    StringBuilder out = new StringBuilder("invalid routing policy, ").append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems");
    for (PolicyProblem problem : problems) {
      out.append("\n  at ").append(problem);
    }
    return out.toString();
  }

  /**
   * The problems, in document order.
   *
   * @return the problems, at least one
   */
  public List<PolicyProblem> problems() {
    return problems;
  }
}
