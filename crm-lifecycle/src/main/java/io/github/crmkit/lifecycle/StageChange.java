package io.github.crmkit.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the stage history: an object of a pipeline moved from one stage to another at an instant, by an actor,
 * for a reason, with the amount and probability it had at the time.
 *
 * <p>{@link #toString()} leaves out the free-text reason, which may hold personal data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param objectId the id of the lead, opportunity or ticket, 1 to 128 characters
 * @param pipeline the pipeline's name
 * @param from the stage left, or null when the object enters its pipeline
 * @param to the stage entered
 * @param at when
 * @param actor the id of who moved it, or null
 * @param reason a free-text reason, or null
 * @param lostReason the lost reason, or null
 * @param amount the amount at the time, or NaN when unknown
 * @param probability the win probability at the time, in [0, 1], or NaN when unknown
 */
public record StageChange(String objectId, String pipeline, String from, String to, Instant at, String actor,
    String reason, String lostReason, double amount, double probability) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if the object id, pipeline, target stage or instant is null
   * @throws IllegalArgumentException naming the component when one is out of range
   */
  public StageChange {
    Objects.requireNonNull(objectId, "StageChange.objectId");
    Objects.requireNonNull(pipeline, "StageChange.pipeline");
    Objects.requireNonNull(to, "StageChange.to");
    Objects.requireNonNull(at, "StageChange.at");
    if (objectId.isBlank() || objectId.length() > 128) {
      throw new IllegalArgumentException("StageChange.objectId must be 1 to 128 characters, not blank");
    }
    if (Double.isInfinite(amount)) {
      throw new IllegalArgumentException("StageChange.amount must be finite or NaN, was " + amount);
    }
    if (!Double.isNaN(probability) && !(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("StageChange.probability must be between 0 and 1 or NaN, was "
          + probability);
    }
    if (to.equals(from)) {
      throw new IllegalArgumentException("StageChange.to must differ from from, both were '" + to + "'");
    }
  }

  /**
   * A stage change without actor, reasons, amount or probability.
   *
   * @param objectId the object id
   * @param pipeline the pipeline
   * @param from the stage left, or null on entry
   * @param to the stage entered
   * @param at when
   * @return the change
   */
  public static StageChange of(String objectId, String pipeline, String from, String to, Instant at) {
    return new StageChange(objectId, pipeline, from, to, at, null, null, null, Double.NaN, Double.NaN);
  }

  /**
   * The change an accepted {@link FireResult} records: its object, pipeline, stages, instant, actor, reasons and
   * amount, and the target stage's default probability. For an entry ({@link PipelineDefinition#enter}) it is the
   * object's first history row, from null.
   *
   * @param result an accepted result
   * @return the change
   * @throws IllegalArgumentException if the result was rejected
   */
  public static StageChange of(FireResult result) {
    if (!result.accepted()) {
      throw new IllegalArgumentException("a rejected result changes no stage: " + result.rejection());
    }
    TransitionContext context = result.context();
    return new StageChange(context.objectId(), result.definition().name(),
        result.from() == null ? null : result.from().name(),
        result.stage().name(), context.at(), context.actor(), context.reason(), context.lostReason(),
        context.amount(), result.stage().probability());
  }

  /** Returns the change without the free-text reason. */
  @Override
  public String toString() {
    return "StageChange[" + objectId + " " + pipeline + " " + from + " -> " + to + " at " + at + ", actor="
        + actor + ", lostReason=" + lostReason + ", amount=" + amount + ", probability=" + probability + "]";
  }
}
