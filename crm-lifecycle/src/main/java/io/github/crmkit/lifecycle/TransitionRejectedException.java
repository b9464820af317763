package io.github.crmkit.lifecycle;

/**
 * Thrown by {@link FireResult#orThrow()} for a rejected event: it carries the object id, the stage the object was
 * in, the event and the {@link Rejection}; never personal data.
 *
 * <p>Immutable and thread-safe.
 */
public final class TransitionRejectedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String objectId;
  private final String from;
  private final String event;
  private final Rejection rejection;

  TransitionRejectedException(String objectId, String from, String event, Rejection rejection, String detail) {
    super("event '" + event + "' rejected for object " + objectId
        + (from == null ? " entering its pipeline" : " in stage '" + from + "'") + ": " + rejection
        + (detail == null ? "" : " (" + detail + ")"));
    this.objectId = objectId;
    this.from = from;
    this.event = event;
    this.rejection = rejection;
  }

  /**
   * The id of the object the event was fired for.
   *
   * @return the object id
   */
  public String objectId() {
    return objectId;
  }

  /**
   * The name of the stage the object was in, and stays in.
   *
   * @return the stage name, or null when the object was entering its pipeline ({@link PipelineDefinition#enter})
   */
  public String from() {
    return from;
  }

  /**
   * The event, as {@link LifecycleEvent#toString()} writes it.
   *
   * @return the event
   */
  public String event() {
    return event;
  }

  /**
   * Why it was rejected.
   *
   * @return the rejection
   */
  public Rejection rejection() {
    return rejection;
  }
}
