package io.github.crmkit.lifecycle;

import java.util.List;

/**
 * Thrown when a pipeline definition (or a JSON document of one) is not valid: it carries every
 * {@link PipelineProblem} found, each with its JSON path.
 *
 * <p>Immutable and thread-safe.
 */
public final class PipelineDefinitionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The problems; an unmodifiable JDK list of serializable records. */
  @SuppressWarnings("serial")
  private final List<PipelineProblem> problems;

  PipelineDefinitionException(List<PipelineProblem> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  private static String format(List<PipelineProblem> problems) {
    StringBuilder out = new StringBuilder("invalid pipeline definition, ").append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems");
    for (PipelineProblem problem : problems) {
      out.append("\n  at ").append(problem);
    }
    return out.toString();
  }

  /**
   * The problems, in document order.
   *
   * @return the problems, at least one, unmodifiable
   */
  public List<PipelineProblem> problems() {
    return problems;
  }
}
