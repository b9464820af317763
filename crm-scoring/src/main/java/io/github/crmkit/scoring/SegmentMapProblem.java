package io.github.crmkit.scoring;

import java.io.Serializable;
import java.util.Objects;

/**
 * One problem found in a segment map document: where it is, as a JSON path and a position, and what is wrong.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the JSON path of the problem, {@code $} for the document, for example {@code $.segments[2].recency};
 *     for a missing property, the path it should have
 * @param line the 1-based line of the problem (of the enclosing object for a missing property)
 * @param column the 1-based column
 * @param problem what is wrong, for example {@code lower 4 must not be greater than upper 2}
 */
public record SegmentMapProblem(String path, int line, int column, String problem) implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if the path does not start with {@code $}
   */
  public SegmentMapProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(problem, "problem");
    if (!path.startsWith("$")) {
      throw new IllegalArgumentException("path must start with $, was " + path);
    }
  }

  /** Returns {@code $.path (line L, column C): problem}. */
  @Override
  public String toString() {
    return path + " (line " + line + ", column " + column + "): " + problem;
  }
}
