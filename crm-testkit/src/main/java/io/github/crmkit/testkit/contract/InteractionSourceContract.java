package io.github.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.Direction;
import io.github.crmkit.model.Interaction;
import io.github.crmkit.model.InteractionChannel;
import io.github.crmkit.model.InteractionId;
import io.github.crmkit.model.InteractionOutcome;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.model.port.InteractionSource;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link InteractionSource}. Subclass it and implement {@link #newSource(List)}.
 */
public abstract class InteractionSourceContract {
  private static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");

  /** Creates the contract. */
  protected InteractionSourceContract() {}

  /**
   * Returns a source that holds exactly the given interactions (ids are unique).
   *
   * @param interactions the interactions, in no particular order
   * @return the source under test
   */
  protected abstract InteractionSource newSource(List<Interaction> interactions);

  private static Interaction interaction(String id, String customer, String lead, Instant at) {
    Interaction.Builder b = Interaction.builder().id(InteractionId.of(id)).channel(InteractionChannel.CALL)
        .direction(Direction.OUTBOUND).outcome(InteractionOutcome.COMPLETED).occurredAt(at);
    if (customer != null) {
      b.customer(CustomerId.of(customer));
    }
    if (lead != null) {
      b.lead(LeadId.of(lead));
    }
    return b.build();
  }

  private static List<String> ids(Stream<Interaction> stream) {
    try (stream) {
      return stream.map(i -> i.id().value()).toList();
    }
  }

  @Test
  void byCustomerAndByLeadAreInTimeOrder() {
    InteractionSource source = newSource(List.of(
        interaction("I-3", "C-1", "L-1", T0.plusSeconds(30)), interaction("I-1", "C-1", null, T0),
        interaction("I-2", null, "L-1", T0.plusSeconds(10)), interaction("I-4", "C-2", null, T0)));
    assertThat(ids(source.byCustomer(CustomerId.of("C-1")))).containsExactly("I-1", "I-3");
    assertThat(ids(source.byLead(LeadId.of("L-1")))).containsExactly("I-2", "I-3");
    assertThat(ids(source.byLead(LeadId.of("L-9")))).isEmpty();
  }

  @Test
  void betweenIsHalfOpenWithTiesById() {
    InteractionSource source = newSource(List.of(
        interaction("I-2", "C-1", null, T0), interaction("I-1", "C-2", null, T0),
        interaction("I-3", "C-1", null, T0.plusSeconds(10))));
    assertThat(ids(source.between(T0, T0.plusSeconds(10)))).containsExactly("I-1", "I-2");
    assertThat(ids(source.between(T0, T0.plusSeconds(11)))).containsExactly("I-1", "I-2", "I-3");
    assertThatThrownBy(() -> source.between(T0.plusSeconds(1), T0)).isInstanceOf(IllegalArgumentException.class);
  }
}
