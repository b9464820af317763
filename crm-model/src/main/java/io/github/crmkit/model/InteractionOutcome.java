package io.github.crmkit.model;

/** How an interaction ended. */
public enum InteractionOutcome {
  /** It took place and reached the person. */
  COMPLETED,
  /** Nobody answered. */
  NO_ANSWER,
  /** A voicemail or message was left. */
  LEFT_MESSAGE,
  /** A follow-up was scheduled. */
  SCHEDULED,
  /** It was cancelled. */
  CANCELLED,
  /** It could not be delivered (bounced email, wrong number). */
  FAILED
}
