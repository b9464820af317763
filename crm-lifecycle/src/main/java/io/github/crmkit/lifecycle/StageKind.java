package io.github.crmkit.lifecycle;

/**
 * What a stage means for the object in it: still being worked ({@link #OPEN}), or at an end: won, lost, or closed
 * without a win or a loss (a disqualified lead, a resolved and closed ticket, a lead recycled to the pool).
 *
 * <p>Immutable and thread-safe.
 */
public enum StageKind {
  /** Being worked; counts in the funnel's levels and in the open pipeline. */
  OPEN("open"),
  /** Terminal: won (a converted lead, a won deal). Passes every open stage in a funnel. */
  WON("won"),
  /** Terminal: lost; counts for every open stage it reached in a funnel. */
  LOST("lost"),
  /** Terminal: closed, neither won nor lost. */
  CLOSED("closed");

  private final String json;

  StageKind(String json) {
    this.json = json;
  }

  /**
   * The name in JSON documents, for example {@code open}.
   *
   * @return the JSON name
   */
  public String jsonName() {
    return json;
  }

  /**
   * Whether a stage of this kind ends the object's life in the pipeline (leaving it takes an explicit reopen).
   *
   * @return true for won, lost and closed
   */
  public boolean isTerminal() {
    return this != OPEN;
  }

  static StageKind fromJson(String name) {
    for (StageKind kind : values()) {
      if (kind.json.equals(name)) {
        return kind;
      }
    }
    return null;
  }
}
