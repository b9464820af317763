package io.github.crmkit.model;

import static io.github.crmkit.model.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DomainEventTest {
  private static DomainEvent.Builder event() {
    return DomainEvent.builder().eventId("E-1").type("lead.assigned").occurredAt(T0).aggregateType("lead")
        .aggregateId("L-1");
  }

  @Test
  void holdsIdsCodesAndAttributes() {
    DomainEvent e = event().putAttribute("owner", AttributeValue.ofString("A-1")).build();
    assertThat(e.eventId()).isEqualTo("E-1");
    assertThat(e.type()).isEqualTo("lead.assigned");
    assertThat(e.aggregateType()).isEqualTo("lead");
    assertThat(e.aggregateId()).isEqualTo("L-1");
    assertThat(e.stringAttribute("owner")).contains("A-1");
    assertThat(event().type("opportunity.stage-changed").build().type()).isEqualTo("opportunity.stage-changed");
  }

  static Stream<Invalid> invalid() {
    String token = "must be a lower-case token matching [a-z0-9][a-z0-9_.:-]{0,63}, was ";
    return Stream.of(
        Invalid.because("DomainEvent.eventId must not be empty", () -> event().eventId("").build()),
        Invalid.because("DomainEvent.eventId must be at most 128 characters, was 129",
            () -> event().eventId("e".repeat(129)).build()),
        Invalid.because("DomainEvent.eventId must not be blank", () -> event().eventId(" ").build()),
        Invalid.because("DomainEvent.eventId must not start or end with whitespace, was 'E-1 '",
            () -> event().eventId("E-1 ").build()),
        Invalid.because("DomainEvent.eventId must not contain control characters, was 'E\\u00071'",
            () -> event().eventId("E\u00071").build()),
        Invalid.because("DomainEvent.type " + token + "'Lead.Assigned'", () -> event().type("Lead.Assigned").build()),
        Invalid.because("DomainEvent.aggregateType " + token + "'lead aggregate'",
            () -> event().aggregateType("lead aggregate").build()),
        Invalid.because("DomainEvent.aggregateId must not be empty", () -> event().aggregateId("").build()),
        Invalid.because("DomainEvent.aggregateId must be at most 128 characters, was 129",
            () -> event().aggregateId("a".repeat(129)).build()),
        Invalid.because("DomainEvent.aggregateId must not start or end with whitespace, was ' L-1'",
            () -> event().aggregateId(" L-1").build()),
        Invalid.because("DomainEvent.attributes key must match [A-Za-z][A-Za-z0-9_.-]{0,63}, was 'new owner'",
            () -> event().putAttribute("new owner", AttributeValue.ofString("A-1")).build()),
        Invalid.because(IllegalStateException.class,
            "Cannot build DomainEvent, some of required attributes are not set [eventId, type, occurredAt, "
                + "aggregateType, aggregateId]",
            () -> DomainEvent.builder().build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesInvalidEvents(Invalid c) {
    c.assertRefused();
  }
}
