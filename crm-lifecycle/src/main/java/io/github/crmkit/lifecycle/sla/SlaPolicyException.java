package io.github.crmkit.lifecycle.sla;

import java.util.List;

/**
 * Thrown by {@link SlaPolicyJson#read(String)} when an SLA policy document is not valid: it carries every
 * {@link SlaPolicyProblem} found, each with its JSON path.
 *
 * <p>Immutable and thread-safe.
 */
public final class SlaPolicyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The problems; an unmodifiable JDK list of serializable records. */
  @SuppressWarnings("serial")
  private final List<SlaPolicyProblem> problems;

  SlaPolicyException(List<SlaPolicyProblem> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  private static String format(List<SlaPolicyProblem> problems) {
    StringBuilder out = new StringBuilder("invalid SLA policy, ").append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems");
    for (SlaPolicyProblem problem : problems) {
      out.append("\n  at ").append(problem);
    }
    return out.toString();
  }

  /**
   * The problems, in document order.
   *
   * @return the problems, at least one, unmodifiable
   */
  public List<SlaPolicyProblem> problems() {
    return problems;
  }
}
