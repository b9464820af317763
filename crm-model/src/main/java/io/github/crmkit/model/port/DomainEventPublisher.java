package io.github.crmkit.model.port;

import io.github.crmkit.model.DomainEvent;

/**
 * Secondary port: where crmkit hands the events it produces (a lead assigned, recycled or converted) to the host,
 * which may put them on a message bus, an outbox table or a webhook. {@code crm-testkit} has a recording
 * implementation and {@code DomainEventPublisherContract}.
 *
 * <p>Contract: {@link #publish} either accepts the event or throws; it must not block indefinitely. Delivery
 * guarantees beyond that are the host's. Implementations state their thread-safety.
 */
@FunctionalInterface
public interface DomainEventPublisher {
  /**
   * Publishes an event.
   *
   * @param event the event
   */
  void publish(DomainEvent event);
}
