package io.github.crmkit.model;

import static io.github.crmkit.model.Fixtures.T0;
import static io.github.crmkit.model.Fixtures.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InteractionTest {
  private static Interaction.Builder withoutParty() {
    return Interaction.builder().id(InteractionId.of("I-1")).channel(InteractionChannel.EMAIL)
        .direction(Direction.OUTBOUND).outcome(InteractionOutcome.NO_ANSWER).occurredAt(T0);
  }

  @Test
  void aCustomerOrALeadOrBoth() {
    assertThat(withoutParty().customer(CustomerId.of("C-1")).build().lead()).isEmpty();
    assertThat(withoutParty().lead(LeadId.of("L-1")).build().customer()).isEmpty();
    Interaction both = withoutParty().customer(CustomerId.of("C-1")).lead(LeadId.of("L-1")).agent(AgentId.of("A-1"))
        .duration(Duration.ZERO).summary("Called back.\n\tAgreed on a visit.").build();
    assertThat(both.customer()).contains(CustomerId.of("C-1"));
    assertThat(both.lead()).contains(LeadId.of("L-1"));
    assertThat(both.duration()).contains(Duration.ZERO);
    assertThat(both.summary()).contains("Called back.\n\tAgreed on a visit.");
    assertThat(interaction().summary("s".repeat(4000)).build().summary())
        .hasValueSatisfying(s -> assertThat(s).hasSize(4000));
  }

  static Stream<Invalid> invalid() {
    return Stream.of(
        Invalid.because("Interaction needs a customer or a lead", () -> withoutParty().build()),
        Invalid.because("Interaction.duration must not be negative, was PT-1S",
            () -> interaction().duration(Duration.ofSeconds(-1)).build()),
        Invalid.because("Interaction.summary must not be blank", () -> interaction().summary("\n\n").build()),
        Invalid.because("Interaction.summary must not start or end with whitespace",
            () -> interaction().summary("Called back.\n").build()),
        Invalid.because("Interaction.summary must be at most 4000 characters, was 4001",
            () -> interaction().summary("s".repeat(4001)).build()),
        Invalid.because("Interaction.summary must not contain control characters (found U+0000 at index 6)",
            () -> interaction().summary("Called\u0000back").build()),
        Invalid.because("Interaction.attributes key must match [A-Za-z][A-Za-z0-9_.-]{0,63}, was 'call id'",
            () -> interaction().putAttribute("call id", AttributeValue.ofString("x")).build()),
        Invalid.because(IllegalStateException.class,
            "Cannot build Interaction, some of required attributes are not set [id, channel, direction, outcome, "
                + "occurredAt]",
            () -> Interaction.builder().customer(CustomerId.of("C-1")).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesInvalidInteractions(Invalid c) {
    c.assertRefused();
  }
}
