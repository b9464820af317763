package io.github.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.DomainEvent;
import io.github.crmkit.model.port.DomainEventPublisher;
import io.github.crmkit.testkit.ModelGenerators;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DomainEventPublisher}: every accepted event is delivered once, in publication order, and
 * null is refused. Subclass it and implement {@link #newPublisher()} and {@link #delivered()} (how the test sees what
 * reached the host's side, for example rows of an outbox table).
 */
public abstract class DomainEventPublisherContract {
  /** Creates the contract. */
  protected DomainEventPublisherContract() {}

  /**
   * Returns a new publisher with nothing delivered yet.
   *
   * @return the publisher under test
   */
  protected abstract DomainEventPublisher newPublisher();

  /**
   * Returns what the publisher last created by {@link #newPublisher()} has delivered, in order.
   *
   * @return the delivered events
   */
  protected abstract List<DomainEvent> delivered();

  @Test
  void deliversEveryEventOnceInOrder() {
    DomainEventPublisher publisher = newPublisher();
    SplittableRandom random = new SplittableRandom(11);
    List<DomainEvent> sent = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      DomainEvent event = ModelGenerators.domainEvent(random).toBuilder().eventId("E-" + i).build();
      publisher.publish(event);
      sent.add(event);
    }
    assertThat(delivered()).containsExactlyElementsOf(sent);
  }

  @Test
  void refusesNull() {
    DomainEventPublisher publisher = newPublisher();
    assertThatThrownBy(() -> publisher.publish(null)).isInstanceOf(NullPointerException.class);
    assertThat(delivered()).isEmpty();
  }
}
