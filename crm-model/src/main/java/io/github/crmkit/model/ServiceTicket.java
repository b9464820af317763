package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A customer-service ticket: a question, complaint, after-sales request or warranty claim, with the times that SLA
 * timers measure.
 *
 * <p>Validation: first response, resolution and SLA due times are not before the opening time; a resolution time is
 * present exactly when the status is {@link TicketStatus#RESOLVED} or {@link TicketStatus#CLOSED}; the subject is
 * at most 500 characters and never appears in {@link #toString()} (it may hold personal data).
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutableServiceTicket.class)
@JsonDeserialize(as = ImmutableServiceTicket.class)
public abstract class ServiceTicket implements Attributed {
  ServiceTicket() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The ticket's identifier.
   *
   * @return the id
   */
  public abstract TicketId id();

  /**
   * The customer who raised it.
   *
   * @return the customer
   */
  public abstract CustomerId customer();

  /**
   * What it is about.
   *
   * @return the category
   */
  public abstract TicketCategory category();

  /**
   * How urgent it is; {@link TicketPriority#NORMAL} unless set.
   *
   * @return the priority
   */
  @Value.Default
  public TicketPriority priority() {
    return TicketPriority.NORMAL;
  }

  /**
   * Where it stands; {@link TicketStatus#OPEN} unless set.
   *
   * @return the status
   */
  @Value.Default
  public TicketStatus status() {
    return TicketStatus.OPEN;
  }

  /**
   * When it was opened.
   *
   * @return the instant
   */
  public abstract Instant openedAt();

  /**
   * When the customer first got an answer.
   *
   * @return the instant, if answered
   */
  public abstract Optional<Instant> firstResponseAt();

  /**
   * When it was resolved.
   *
   * @return the instant, present exactly when resolved or closed
   */
  public abstract Optional<Instant> resolvedAt();

  /**
   * When resolution is due under the service-level agreement.
   *
   * @return the instant, if an SLA applies
   */
  public abstract Optional<Instant> slaDueAt();

  /**
   * The agent working it.
   *
   * @return the assignee, if assigned
   */
  public abstract Optional<AgentId> assignee();

  /**
   * The product concerned.
   *
   * @return the product, if any
   */
  public abstract Optional<ProductId> product();

  /**
   * A short subject line (may hold personal data).
   *
   * @return the subject, if given
   */
  @Value.Redacted
  public abstract Optional<String> subject();

  @Override
  public abstract Map<String, AttributeValue> attributes();

  /**
   * Whether the SLA was or will be missed as of an instant: resolved after the due time, or unresolved and past it.
   *
   * @param now the instant to judge unresolved tickets at
   * @return true if there is an SLA and it is breached
   */
  public final boolean isSlaBreached(Instant now) {
    if (slaDueAt().isEmpty()) {
      return false;
    }
    Instant due = slaDueAt().get();
    return resolvedAt().map(r -> r.isAfter(due)).orElse(now.isAfter(due));
  }

  @Value.Check
  final void check() {
    firstResponseAt().ifPresent(t -> Checks.notBefore("ServiceTicket.firstResponseAt", t, "openedAt", openedAt()));
    resolvedAt().ifPresent(t -> Checks.notBefore("ServiceTicket.resolvedAt", t, "openedAt", openedAt()));
    slaDueAt().ifPresent(t -> Checks.notBefore("ServiceTicket.slaDueAt", t, "openedAt", openedAt()));
    if (status().isResolved() && resolvedAt().isEmpty()) {
      throw new IllegalArgumentException("ServiceTicket.resolvedAt is required when status is " + status());
    }
    if (!status().isResolved() && resolvedAt().isPresent()) {
      throw new IllegalArgumentException("ServiceTicket.resolvedAt must be empty when status is " + status());
    }
    subject().ifPresent(s -> Checks.line("ServiceTicket.subject", s, 500));
    Checks.attributeKeys("ServiceTicket.attributes", attributes());
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

  /** Builds a {@link ServiceTicket}; not thread-safe. */
  public static final class Builder extends ImmutableServiceTicket.Builder {
    Builder() {}
  }
}
