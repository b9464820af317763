package io.github.crmkit.lifecycle;

/**
 * Why an event was rejected: an ordinary outcome of {@link PipelineDefinition#fire}, not an error.
 *
 * <p>Immutable and thread-safe.
 */
public enum Rejection {
  /** The event is not defined from the current stage (or direct moves in a pipeline of named transitions). */
  NO_SUCH_TRANSITION,
  /** The object is already in the target stage. */
  ALREADY_IN_STAGE,
  /** The forward-only policy forbids moving back. */
  BACKWARD_NOT_ALLOWED,
  /** The forward-only policy makes terminal stages final. */
  STAGE_IS_FINAL,
  /** The policy allows going back or leaving a terminal stage only by an explicit reopen. */
  REOPEN_REQUIRED,
  /** A guard of the transition does not hold. */
  GUARD_FAILED,
  /** The target stage's gate needs a field the object does not have. */
  REQUIRED_FIELD_MISSING,
  /** The lost stage accepts only listed lost reasons and none was given. */
  LOST_REASON_REQUIRED,
  /** The lost reason given is not one the lost stage accepts. */
  LOST_REASON_UNKNOWN;

  static final Rejection[] BY_CODE = values();

  /** The table code of a static rejection: negative. */
  int code() {
    return -1 - ordinal();
  }

  static Rejection ofCode(int code) {
    return BY_CODE[-1 - code];
  }
}
