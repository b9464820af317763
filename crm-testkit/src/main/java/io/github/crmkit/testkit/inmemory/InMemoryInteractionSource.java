package io.github.crmkit.testkit.inmemory;

import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.Interaction;
import io.github.crmkit.model.InteractionId;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.model.port.InteractionSource;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An {@link InteractionSource} in memory. Adding an interaction with an id already present replaces it. Streams are
 * snapshots in time order, ties by id.
 *
 * <p>Thread-safe.
 */
public final class InMemoryInteractionSource implements InteractionSource {
  private final TimeOrdered<InteractionId, Interaction> store =
      new TimeOrdered<>(Interaction::id, Interaction::occurredAt);

  /** Creates an empty source. */
  public InMemoryInteractionSource() {}

  /**
   * Creates a source holding the given interactions.
   *
   * @param interactions the interactions
   * @return the source
   */
  public static InMemoryInteractionSource of(Iterable<Interaction> interactions) {
    InMemoryInteractionSource source = new InMemoryInteractionSource();
    interactions.forEach(source::add);
    return source;
  }

  /**
   * Adds an interaction, replacing one with the same id.
   *
   * @param interaction the interaction
   */
  public void add(Interaction interaction) {
    store.put(interaction);
  }

  @Override
  public Stream<Interaction> byCustomer(CustomerId customer) {
    Optional<CustomerId> wanted = Optional.of(Objects.requireNonNull(customer, "customer"));
    return store.stream(i -> i.customer().equals(wanted));
  }

  @Override
  public Stream<Interaction> byLead(LeadId lead) {
    Optional<LeadId> wanted = Optional.of(Objects.requireNonNull(lead, "lead"));
    return store.stream(i -> i.lead().equals(wanted));
  }

  @Override
  public Stream<Interaction> between(Instant from, Instant to) {
    return store.between(from, to);
  }
}
