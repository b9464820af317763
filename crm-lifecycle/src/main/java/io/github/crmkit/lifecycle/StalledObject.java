package io.github.crmkit.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * An object that has stayed in an open stage longer than the stage's {@link Stage#maxDaysInStage()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param objectId the object id
 * @param stage the stage it is in
 * @param enteredAt when it entered the stage
 * @param daysInStage days in the stage up to the report's instant
 * @param maxDaysInStage the stage's limit
 */
public record StalledObject(String objectId, String stage, Instant enteredAt, double daysInStage,
    int maxDaysInStage) {
  /**
   * Checks the components for nulls.
   *
   * @throws NullPointerException if one is null
   */
  public StalledObject {
    Objects.requireNonNull(objectId, "StalledObject.objectId");
    Objects.requireNonNull(stage, "StalledObject.stage");
    Objects.requireNonNull(enteredAt, "StalledObject.enteredAt");
  }
}
