package io.github.crmkit.lifecycle.sla;

import java.io.Serializable;
import java.util.Objects;

/**
 * One problem found in an SLA policy document ({@link SlaPolicyJson}): where it is, as a JSON path, and what is
 * wrong.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the JSON path, {@code $} for the document, for example {@code $.targets[2].limit}; for a missing
 *     property, the path it should have
 * @param problem what is wrong, for example {@code must be positive, was PT0S}
 */
public record SlaPolicyProblem(String path, String problem) implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if the path does not start with {@code $}
   */
  public SlaPolicyProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(problem, "problem");
    if (!path.startsWith("$")) {
      throw new IllegalArgumentException("path must start with $, was " + path);
    }
  }

  /** Returns {@code path: problem}. */
  @Override
  public String toString() {
    return path + ": " + problem;
  }
}
