package io.github.crmkit.lifecycle.learning;

/**
 * The outcome of a lead or opportunity as the learner counts it.
 *
 * <p>Immutable and thread-safe.
 */
public enum Outcome {
  /** Still being worked: not counted in the frequency tables, only estimated. */
  OPEN,
  /** Won: counted as won at every stage of the pipeline (a won object passed them all). */
  WON,
  /** Lost: counted as lost at every stage up to and including the stage it reached. */
  LOST;

  /**
   * Whether the outcome is counted in the frequency tables.
   *
   * @return true for {@link #WON} and {@link #LOST}
   */
  public boolean isClosed() {
    return this != OPEN;
  }
}
