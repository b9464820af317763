package io.github.crmkit.lifecycle;

import java.io.Serializable;
import java.util.Objects;

/**
 * One problem found in a pipeline definition: where it is, as a JSON path, and what is wrong. Definitions built in
 * code are reported with the paths their JSON form would have.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the JSON path, {@code $} for the document, for example {@code $.stages[2].probability}; for a missing
 *     property, the path it should have
 * @param problem what is wrong, for example {@code must be between 0 and 1, was 1.5}
 */
public record PipelineProblem(String path, String problem) implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if the path does not start with {@code $}
   */
  public PipelineProblem {
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
