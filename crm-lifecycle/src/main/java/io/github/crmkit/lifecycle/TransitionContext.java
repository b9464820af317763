package io.github.crmkit.lifecycle;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the host knows when it fires an event: the object's id, the instant, who acts, why, the lost reason (when
 * losing), the amount at the time, and the object's fields that gates and guards look at.
 *
 * <p>{@link #toString()} shows the object id, instant and actor only: reasons and field values may hold personal
 * data.
 *
 * <p>Immutable and thread-safe when the field map is.
 *
 * @param objectId the id of the lead, opportunity or ticket
 * @param at when the event happens
 * @param actor the id of who acts, or null
 * @param reason a free-text reason, or null
 * @param lostReason the lost reason, or null
 * @param amount the object's amount at the time, or NaN when it has none
 * @param fields the object's fields by name (only presence and value matter); copied
 */
public record TransitionContext(String objectId, Instant at, String actor, String reason, String lostReason,
    double amount, Map<String, String> fields) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if the object id, instant or fields are null
   * @throws IllegalArgumentException if the object id is blank or the amount infinite
   */
  public TransitionContext {
    Objects.requireNonNull(objectId, "TransitionContext.objectId");
    Objects.requireNonNull(at, "TransitionContext.at");
    if (objectId.isBlank()) {
      throw new IllegalArgumentException("TransitionContext.objectId must not be blank");
    }
    if (Double.isInfinite(amount)) {
      throw new IllegalArgumentException("TransitionContext.amount must be finite or NaN, was " + amount);
    }
    fields = Map.copyOf(fields);
  }

  /**
   * A context without actor, reasons, amount or fields.
   *
   * @param objectId the object id
   * @param at the instant
   * @return the context
   */
  public static TransitionContext of(String objectId, Instant at) {
    return new TransitionContext(objectId, at, null, null, null, Double.NaN, Map.of());
  }

  /**
   * Returns a copy with another actor.
   *
   * @param actor the actor id
   * @return the copy
   */
  public TransitionContext withActor(String actor) {
    return new TransitionContext(objectId, at, actor, reason, lostReason, amount, fields);
  }

  /**
   * Returns a copy with another reason.
   *
   * @param reason the reason
   * @return the copy
   */
  public TransitionContext withReason(String reason) {
    return new TransitionContext(objectId, at, actor, reason, lostReason, amount, fields);
  }

  /**
   * Returns a copy with another lost reason.
   *
   * @param lostReason the lost reason
   * @return the copy
   */
  public TransitionContext withLostReason(String lostReason) {
    return new TransitionContext(objectId, at, actor, reason, lostReason, amount, fields);
  }

  /**
   * Returns a copy with another amount.
   *
   * @param amount the amount, NaN for none
   * @return the copy
   */
  public TransitionContext withAmount(double amount) {
    return new TransitionContext(objectId, at, actor, reason, lostReason, amount, fields);
  }

  /**
   * Returns a copy with other fields.
   *
   * @param fields the fields
   * @return the copy
   */
  public TransitionContext withFields(Map<String, String> fields) {
    return new TransitionContext(objectId, at, actor, reason, lostReason, amount, fields);
  }

  /** Whether a field is present: {@code amount} is the amount, other names must have a non-blank value. */
  boolean has(String field) {
    if (field.equals("amount")) {
      return !Double.isNaN(amount);
    }
    String value = fields.get(field);
    return value != null && !value.isBlank();
  }

  /** Returns the object id, instant and actor; never reasons or field values. */
  @Override
  public String toString() {
    return "TransitionContext[objectId=" + objectId + ", at=" + at + ", actor=" + actor + "]";
  }
}
