package io.github.crmkit.lifecycle;

import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.model.DomainEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The result of firing an event: accepted, with the new stage and the domain events to publish, or rejected, with
 * the {@link Rejection} and the unchanged stage. A rejection is an ordinary result; {@link #orThrow()} turns it into
 * an exception for callers who want one.
 *
 * <p>Firing allocates this object only; the domain events are built when {@link #domainEvents(Supplier)} is called.
 *
 * <p>Immutable and thread-safe.
 */
public final class FireResult {
  private final PipelineDefinition definition;
  private final Stage from;
  private final Stage stage;
  private final LifecycleEvent event;
  private final TransitionContext context;
  private final Rejection rejection;
  /** For a guard or gate rejection, the index of the failing guard or required field, else -1. */
  private final int detail;
  /** The stage entered or tried, for an entry ({@link PipelineDefinition#enter}); null for a fired event. */
  private final Stage entering;

  FireResult(PipelineDefinition definition, Stage from, Stage stage, LifecycleEvent event,
      TransitionContext context, Rejection rejection, int detail) {
    this.definition = definition;
    this.from = from;
    this.stage = stage;
    this.event = event;
    this.context = context;
    this.rejection = rejection;
    this.detail = detail;
    this.entering = null;
  }

  private FireResult(PipelineDefinition definition, Stage entering, TransitionContext context, Rejection rejection,
      int detail) {
    this.definition = definition;
    this.from = null;
    this.stage = rejection == null ? entering : null;
    this.event = null;
    this.context = context;
    this.rejection = rejection;
    this.detail = detail;
    this.entering = entering;
  }

  /** The result of an object entering its pipeline at {@code stage}. */
  static FireResult entry(PipelineDefinition definition, Stage stage, TransitionContext context, Rejection rejection,
      int detail) {
    return new FireResult(definition, stage, context, rejection, detail);
  }

  /** The pipeline this result belongs to. */
  PipelineDefinition definition() {
    return definition;
  }

  /**
   * Whether this is the result of an object entering its pipeline ({@link PipelineDefinition#enter}), not of an
   * event fired from a stage.
   *
   * @return true for an entry
   */
  public boolean isEntry() {
    return entering != null;
  }

  /**
   * Whether the event was accepted.
   *
   * @return true if accepted
   */
  public boolean accepted() {
    return rejection == null;
  }

  /**
   * The stage the object was in when the event was fired.
   *
   * @return the previous stage, or null for an {@link #isEntry() entry}
   */
  public Stage from() {
    return from;
  }

  /**
   * The object's stage after the event: the target when accepted, the unchanged stage when rejected.
   *
   * @return the stage; for an {@link #isEntry() entry} the stage entered, or null when the entry was rejected
   */
  public Stage stage() {
    return stage;
  }

  /**
   * The event fired.
   *
   * @return the event, or null for an {@link #isEntry() entry}
   */
  public LifecycleEvent event() {
    return event;
  }

  /**
   * The context the event was fired with.
   *
   * @return the context
   */
  public TransitionContext context() {
    return context;
  }

  /**
   * Why the event was rejected.
   *
   * @return the rejection, or null when accepted
   */
  public Rejection rejection() {
    return rejection;
  }

  /**
   * Explains a rejection in words, with the failing guard or missing field; never the context's values.
   *
   * @return the explanation, or null when accepted
   */
  public String reason() {
    if (rejection == null) {
      return null;
    }
    String detailText = detail();
    return rejection + (detailText == null ? "" : ": " + detailText);
  }

  private String detail() {
    Stage target = event == null ? entering : event.target();
    return switch (rejection) {
      case GUARD_FAILED -> "guard " + definition.transitions().get(event.index).guards().get(detail) + " fails";
      case REQUIRED_FIELD_MISSING -> "stage '" + target.name() + "' requires field '"
          + target.requiredFields().get(detail) + "'";
      case LOST_REASON_REQUIRED, LOST_REASON_UNKNOWN -> "stage '" + target.name() + "' accepts lost reasons "
          + target.lostReasons();
      case NO_SUCH_TRANSITION -> definition.transitions().isEmpty() || event.kind() == LifecycleEvent.Kind.TRANSITION
          ? "not from stage '" + from.name() + "'"
          : "pipeline '" + definition.name() + "' allows named transitions only";
      default -> null;
    };
  }

  /**
   * Returns this result if accepted, else throws.
   *
   * @return this result
   * @throws TransitionRejectedException if the event was rejected, carrying the object id, stage and event
   */
  public FireResult orThrow() {
    if (rejection != null) {
      throw new TransitionRejectedException(context.objectId(), from == null ? null : from.name(), eventName(),
          rejection, detail());
    }
    return this;
  }

  /**
   * The domain events an accepted event publishes: first {@code OBJECT_TYPE.stage-changed}, then one event of each
   * type the target stage {@link Stage#emits() emits} (a lead conversion's opportunity to create and customer link,
   * for example). Each carries the attributes {@code pipeline}, {@code from}, {@code to}, {@code event}, and when
   * known {@code actor}, {@code lost_reason} and {@code amount}; never the free-text reason.
   *
   * @param eventIds the caller's source of unique event ids
   * @return the events, empty when rejected
   */
  public List<DomainEvent> domainEvents(Supplier<String> eventIds) {
    Objects.requireNonNull(eventIds, "eventIds");
    if (rejection != null) {
      return List.of();
    }
    List<DomainEvent> events = new ArrayList<>(1 + stage.emits().size());
    events.add(domainEvent(eventIds.get(), definition.objectType() + ".stage-changed"));
    for (String type : stage.emits()) {
      events.add(domainEvent(eventIds.get(), type));
    }
    return List.copyOf(events);
  }

  private DomainEvent domainEvent(String id, String type) {
    DomainEvent.Builder builder = DomainEvent.builder();
    builder.eventId(id).type(type).occurredAt(context.at()).aggregateType(definition.objectType())
        .aggregateId(context.objectId())
        .putAttribute("pipeline", AttributeValue.ofString(definition.name()))
        .putAttribute("to", AttributeValue.ofString(stage.name()))
        .putAttribute("event", AttributeValue.ofString(eventName()));
    if (from != null) {
      builder.putAttribute("from", AttributeValue.ofString(from.name()));
    }
    if (context.actor() != null) {
      builder.putAttribute("actor", AttributeValue.ofString(context.actor()));
    }
    if (context.lostReason() != null) {
      builder.putAttribute("lost_reason", AttributeValue.ofString(context.lostReason()));
    }
    if (!Double.isNaN(context.amount())) {
      builder.putAttribute("amount", AttributeValue.ofDecimal(BigDecimal.valueOf(context.amount())));
    }
    return builder.build();
  }

  /** The event's name, {@code enter} for an entry. */
  private String eventName() {
    return event == null ? "enter" : event.toString();
  }

  /** Returns the outcome, stages and event; never the context's reasons or fields. */
  @Override
  public String toString() {
    return "FireResult[" + context.objectId() + " " + eventName() + " " + (from == null ? "-" : from.name())
        + " -> " + (stage == null ? entering.name() : stage.name())
        + (rejection == null ? "" : ", rejected: " + rejection) + "]";
  }
}
