package io.github.crmkit.scoring;

import java.util.List;

/**
 * Thrown when a segment map document is not valid: it carries every {@link SegmentMapProblem} found, each with its
 * JSON path, line and column.
 *
 * <p>Immutable and thread-safe.
 */
public final class SegmentMapException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The problems; an unmodifiable JDK list of serializable records. */
  @SuppressWarnings("serial")
  private final List<SegmentMapProblem> problems;

  SegmentMapException(List<SegmentMapProblem> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  private static String format(List<SegmentMapProblem> problems) {
    StringBuilder out = new StringBuilder("invalid segment map, ").append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems");
    for (SegmentMapProblem problem : problems) {
      out.append("\n  at ").append(problem);
    }
    return out.toString();
  }

  /**
   * The problems, in document order.
   *
   * @return the problems, at least one, unmodifiable
   */
  public List<SegmentMapProblem> problems() {
    return problems;
  }
}
