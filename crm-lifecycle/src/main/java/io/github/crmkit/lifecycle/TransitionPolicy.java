package io.github.crmkit.lifecycle;

/**
 * Which stage moves a pipeline allows, beyond its named transitions' own lists of source stages.
 *
 * <p>A move is forward when it goes to a terminal stage from an open one, or to an open stage of a higher
 * {@link Stage#order() order}; it is backward when it goes to an open stage of a lower or equal order; leaving a
 * terminal stage is a reopen.
 *
 * <p>Immutable and thread-safe.
 */
public enum TransitionPolicy {
  /** Any move to another stage, forward or backward, and out of a terminal stage. */
  FREE("free"),
  /** Forward moves only: never backward, and terminal stages are final (no reopen). */
  FORWARD_ONLY("forward_only"),
  /** Forward moves; backward moves and leaving a terminal stage only by an explicit reopen. */
  REOPEN_TO_GO_BACK("reopen_to_go_back");

  private final String json;

  TransitionPolicy(String json) {
    this.json = json;
  }

  /**
   * The name in JSON documents, for example {@code forward_only}.
   *
   * @return the JSON name
   */
  public String jsonName() {
    return json;
  }

  static TransitionPolicy fromJson(String name) {
    for (TransitionPolicy policy : values()) {
      if (policy.json.equals(name)) {
        return policy;
      }
    }
    return null;
  }
}
