package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import io.github.crmkit.model.internal.Identifiers;
import java.time.Instant;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Something that happened in a crmkit engine that the host may want to know, published through
 * {@link io.github.crmkit.model.port.DomainEventPublisher}: for example {@code lead.assigned},
 * {@code lead.recycled} or {@code opportunity.stage-changed}. Events carry ids and codes, never personal data.
 *
 * <p>Validation: the event id and aggregate id follow the identifier rules (1 to 128 characters); the type and
 * aggregate type are lower-case tokens.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutableDomainEvent.class)
@JsonDeserialize(as = ImmutableDomainEvent.class)
public abstract class DomainEvent implements Attributed {
  DomainEvent() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A unique id for the event, from the caller's id source (for idempotent delivery).
   *
   * @return the event id
   */
  public abstract String eventId();

  /**
   * What happened, a lower-case token such as {@code lead.assigned}.
   *
   * @return the type
   */
  public abstract String type();

  /**
   * When it happened.
   *
   * @return the instant
   */
  public abstract Instant occurredAt();

  /**
   * The kind of aggregate it happened to, a lower-case token such as {@code lead}.
   *
   * @return the aggregate type
   */
  public abstract String aggregateType();

  /**
   * The id of the aggregate it happened to.
   *
   * @return the aggregate id
   */
  public abstract String aggregateId();

  @Override
  public abstract Map<String, AttributeValue> attributes();

  @Value.Check
  final void check() {
    Identifiers.check("DomainEvent.eventId", eventId());
    Checks.token("DomainEvent.type", type());
    Checks.token("DomainEvent.aggregateType", aggregateType());
    Identifiers.check("DomainEvent.aggregateId", aggregateId());
    Checks.attributeKeys("DomainEvent.attributes", attributes());
  }

  /**
   * Returns a builder initialised with this value's attributes, to derive a changed copy:
   * {@code x.toBuilder().someAttribute(newValue).build()}. Setting an attribute again replaces it; collection
   * attributes are replaced by their plural setter and appended to by their {@code add} methods.
   *
   * @return a new builder
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link DomainEvent}; not thread-safe. */
  public static final class Builder extends ImmutableDomainEvent.Builder {
    Builder() {}
  }
}
