package io.github.crmkit.lifecycle;

import java.util.List;
import java.util.Objects;

/**
 * One stage of a pipeline: its name, its order, what it means ({@link StageKind}), its default win probability and
 * {@link ForecastCategory}, the fields an object must have to enter it (gates), how many days an object may stay in
 * it before it counts as stalled, the reasons accepted when an object is lost into it, and the domain event types
 * published when an object enters it (for example a lead conversion's {@code opportunity.create-requested}).
 *
 * <p>The components are checked for nulls here and for everything else (names, probabilities, orders) when a
 * {@link PipelineDefinition} is built from them, so that each problem is reported with its JSON path.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the stage name, a lower-case token such as {@code needs_analysis}, unique in its pipeline
 * @param order the position in the pipeline: open stages have distinct orders; moving to a higher order is forward
 * @param kind open, won, lost or closed
 * @param probability the default win probability, in [0, 1]
 * @param forecastCategory the forecast category of objects in this stage
 * @param requiredFields the fields an object must have to enter this stage (its gate); may be empty
 * @param maxDaysInStage the number of days after which an object in this stage is stalled, 0 for never
 * @param lostReasons for a lost stage, the accepted lost reasons; when not empty, entering the stage needs one of
 *     them; empty for any reason or none
 * @param emits the domain event types published, besides the stage change, when an object enters this stage
 */
public record Stage(
    String name,
    int order,
    StageKind kind,
    double probability,
    ForecastCategory forecastCategory,
    List<String> requiredFields,
    int maxDaysInStage,
    List<String> lostReasons,
    List<String> emits) {

  /**
   * Checks the components for nulls and copies the lists.
   *
   * @throws NullPointerException if a component or list element is null
   */
  public Stage {
    Objects.requireNonNull(name, "Stage.name");
    Objects.requireNonNull(kind, "Stage.kind");
    Objects.requireNonNull(forecastCategory, "Stage.forecastCategory");
    requiredFields = List.copyOf(requiredFields);
    lostReasons = List.copyOf(lostReasons);
    emits = List.copyOf(emits);
  }

  /**
   * Returns a stage without gates, stall limit, lost reasons or emitted events.
   *
   * @param name the stage name
   * @param order the order
   * @param kind the kind
   * @param probability the default win probability, in [0, 1]
   * @param forecastCategory the forecast category
   * @return the stage
   */
  public static Stage of(String name, int order, StageKind kind, double probability,
      ForecastCategory forecastCategory) {
    return new Stage(name, order, kind, probability, forecastCategory, List.of(), 0, List.of(), List.of());
  }

  /**
   * Returns a copy with other required fields.
   *
   * @param fields the fields an object must have to enter the stage
   * @return the copy
   */
  public Stage withRequiredFields(String... fields) {
    return new Stage(name, order, kind, probability, forecastCategory, List.of(fields), maxDaysInStage,
        lostReasons, emits);
  }

  /**
   * Returns a copy with another stall limit.
   *
   * @param days the days after which an object in the stage is stalled, 0 for never
   * @return the copy
   */
  public Stage withMaxDaysInStage(int days) {
    return new Stage(name, order, kind, probability, forecastCategory, requiredFields, days, lostReasons, emits);
  }

  /**
   * Returns a copy with other accepted lost reasons.
   *
   * @param reasons the reasons
   * @return the copy
   */
  public Stage withLostReasons(String... reasons) {
    return new Stage(name, order, kind, probability, forecastCategory, requiredFields, maxDaysInStage,
        List.of(reasons), emits);
  }

  /**
   * Returns a copy with other emitted event types.
   *
   * @param types the domain event types published on entry
   * @return the copy
   */
  public Stage withEmits(String... types) {
    return new Stage(name, order, kind, probability, forecastCategory, requiredFields, maxDaysInStage, lostReasons,
        List.of(types));
  }
}
