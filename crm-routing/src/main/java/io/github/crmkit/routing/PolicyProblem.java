package io.github.crmkit.routing;

import java.util.Objects;

/**
 * One problem found in a routing policy: its JSON path and what is wrong.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the JSON path, for example {@code $.rules[2].when.args[0].op}
 * @param problem what is wrong, for example {@code unknown operator 'matches'}
 */
public record PolicyProblem(String path, String problem) {
  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if the path does not start with {@code $}
   */
  public PolicyProblem {
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
