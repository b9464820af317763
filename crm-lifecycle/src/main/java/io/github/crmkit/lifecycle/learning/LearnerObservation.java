package io.github.crmkit.lifecycle.learning;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What the learner knows about one lead or opportunity: its team, its id, the values of the fields the learner may
 * use (source, country, salesperson, ...), the index of the furthest pipeline stage it reached (0 for the first open
 * stage), its outcome, and a manual probability a user may have set.
 *
 * <p>The host builds an observation from its own entity; the learner never holds entities. Field values are treated
 * as categories (compared as strings). {@link #toString()} names the fields but never their values, which may be
 * personal data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param team the team whose frequency tables count this object, not blank, at most 200 characters
 * @param objectId the object's id, not blank, at most 200 characters
 * @param fields field name to value, names not blank, values not null; copied
 * @param stageReached the index of the furthest stage reached, 0 to 999
 * @param outcome open, won or lost
 * @param manualPercent a probability in percent set by a user (0 to 100), preserved by the learner; empty when the
 *     learned probability applies
 */
public record LearnerObservation(
    String team,
    String objectId,
    Map<String, String> fields,
    int stageReached,
    Outcome outcome,
    OptionalDouble manualPercent) {

  /** The largest accepted stage index plus one. */
  static final int MAX_STAGES = 1000;

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException naming the component and the problem
   * @throws NullPointerException naming the component that is null
   */
  public LearnerObservation {
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(objectId, "objectId");
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(manualPercent, "manualPercent");
    checkName("LearnerObservation.team", team);
    checkName("LearnerObservation.objectId", objectId);
    for (Map.Entry<String, String> e : fields.entrySet()) {
      checkName("LearnerObservation.fields key", Objects.requireNonNull(e.getKey(), "LearnerObservation.fields key"));
      if (e.getValue() == null) {
        throw new IllegalArgumentException("LearnerObservation.fields[" + e.getKey() + "] must not be null");
      }
    }
    fields = Map.copyOf(fields);
    if (stageReached < 0 || stageReached >= MAX_STAGES) {
      throw new IllegalArgumentException(
          "LearnerObservation.stageReached must be in [0, " + (MAX_STAGES - 1) + "], was " + stageReached);
    }
    if (manualPercent.isPresent()) {
      double p = manualPercent.getAsDouble();
      if (!(p >= 0 && p <= 100)) {
        throw new IllegalArgumentException("LearnerObservation.manualPercent must be in [0, 100], was " + p);
      }
    }
  }

  /**
   * Returns an observation without a manual probability.
   *
   * @param team the team
   * @param objectId the object's id
   * @param fields field name to value
   * @param stageReached the furthest stage index reached
   * @param outcome open, won or lost
   * @return the observation
   */
  public static LearnerObservation of(
      String team, String objectId, Map<String, String> fields, int stageReached, Outcome outcome) {
    return new LearnerObservation(team, objectId, fields, stageReached, outcome, OptionalDouble.empty());
  }

  /**
   * Returns a copy with another outcome (a win, a loss, or {@link Outcome#OPEN} for a reopen); the manual probability
   * is kept.
   *
   * @param newOutcome the outcome
   * @return the copy
   */
  public LearnerObservation withOutcome(Outcome newOutcome) {
    return new LearnerObservation(team, objectId, fields, stageReached, newOutcome, manualPercent);
  }

  /**
   * Returns a copy that reached another stage.
   *
   * @param stage the furthest stage index reached
   * @return the copy
   */
  public LearnerObservation withStageReached(int stage) {
    return new LearnerObservation(team, objectId, fields, stage, outcome, manualPercent);
  }

  /**
   * Returns a copy with a manual probability, which the learner reports instead of its own estimate while the
   * object is open.
   *
   * @param percent the probability in percent, 0 to 100
   * @return the copy
   */
  public LearnerObservation withManualPercent(double percent) {
    return new LearnerObservation(team, objectId, fields, stageReached, outcome, OptionalDouble.of(percent));
  }

  /**
   * Returns a copy without a manual probability.
   *
   * @return the copy
   */
  public LearnerObservation withoutManualPercent() {
    return new LearnerObservation(team, objectId, fields, stageReached, outcome, OptionalDouble.empty());
  }

  /** Names the fields, never their values. */
  @Override
  public String toString() {
    return "LearnerObservation{team=" + team + ", objectId=" + objectId + ", fields="
        + new java.util.TreeSet<>(fields.keySet()) + ", stageReached=" + stageReached + ", outcome=" + outcome
        + (manualPercent.isPresent() ? ", manualPercent=" + manualPercent.getAsDouble() : "") + "}";
  }

  static void checkName(String what, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    if (value.length() > 200) {
      throw new IllegalArgumentException(what + " must be at most 200 characters, was " + value.length());
    }
  }
}
