package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An interaction with a customer or a lead: a call, an email, a visit, a meeting, a chat or a social message. The
 * public pool's recycling rules and the SLA timers read interactions as follow-ups.
 *
 * <p>Validation: a customer or a lead (or both) is given; the duration is not negative; the summary is at most
 * 4,000 characters. The summary is free text that may hold personal data and never appears in
 * {@link #toString()}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutableInteraction.class)
@JsonDeserialize(as = ImmutableInteraction.class)
public abstract class Interaction implements Attributed {
  Interaction() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The interaction's identifier.
   *
   * @return the id
   */
  public abstract InteractionId id();

  /**
   * The customer involved.
   *
   * @return the customer, if any
   */
  public abstract Optional<CustomerId> customer();

  /**
   * The lead involved.
   *
   * @return the lead, if any
   */
  public abstract Optional<LeadId> lead();

  /**
   * The channel.
   *
   * @return the channel
   */
  public abstract InteractionChannel channel();

  /**
   * Who started it.
   *
   * @return the direction
   */
  public abstract Direction direction();

  /**
   * How it ended.
   *
   * @return the outcome
   */
  public abstract InteractionOutcome outcome();

  /**
   * The agent who handled it.
   *
   * @return the agent, if any
   */
  public abstract Optional<AgentId> agent();

  /**
   * When it happened (its start).
   *
   * @return the instant
   */
  public abstract Instant occurredAt();

  /**
   * How long it lasted.
   *
   * @return the duration, if known
   */
  public abstract Optional<Duration> duration();

  /**
   * A free-text summary (personal data).
   *
   * @return the summary, if written
   */
  @Value.Redacted
  public abstract Optional<String> summary();

  @Override
  public abstract Map<String, AttributeValue> attributes();

  @Value.Check
  final void check() {
    if (customer().isEmpty() && lead().isEmpty()) {
      throw new IllegalArgumentException("Interaction needs a customer or a lead");
    }
    duration().ifPresent(d -> {
      if (d.isNegative()) {
        throw new IllegalArgumentException("Interaction.duration must not be negative, was " + d);
      }
    });
    summary().ifPresent(s -> Checks.text("Interaction.summary", s, 4000));
    Checks.attributeKeys("Interaction.attributes", attributes());
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

  /** Builds an {@link Interaction}; not thread-safe. */
  public static final class Builder extends ImmutableInteraction.Builder {
    Builder() {}
  }
}
