package io.github.crmkit.testkit.inmemory;

import io.github.crmkit.model.DomainEvent;
import io.github.crmkit.model.port.DomainEventPublisher;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link DomainEventPublisher} that records every event in publication order, for assertions in tests.
 *
 * <p>Thread-safe.
 */
public final class RecordingEventPublisher implements DomainEventPublisher {
  private final List<DomainEvent> events = new CopyOnWriteArrayList<>();

  /** Creates a publisher with nothing recorded. */
  public RecordingEventPublisher() {}

  @Override
  public void publish(DomainEvent event) {
    events.add(Objects.requireNonNull(event, "event"));
  }

  /**
   * Returns the events published so far, in order.
   *
   * @return a snapshot of the events
   */
  public List<DomainEvent> events() {
    return List.copyOf(events);
  }

  /** Forgets every recorded event. */
  public void clear() {
    events.clear();
  }
}
