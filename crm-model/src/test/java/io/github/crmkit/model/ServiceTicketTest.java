package io.github.crmkit.model;

import static io.github.crmkit.model.Fixtures.T0;
import static io.github.crmkit.model.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceTicketTest {
  private static final Instant DUE = T0.plus(Duration.ofHours(24));
  private static final Instant BEFORE = T0.minusSeconds(1);

  @Test
  void defaults() {
    ServiceTicket t = ticket().build();
    assertThat(t.priority()).isEqualTo(TicketPriority.NORMAL);
    assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(t.resolvedAt()).isEmpty();
    assertThat(t.slaDueAt()).isEmpty();
  }

  @Test
  void withoutAnSlaItIsNeverBreached() {
    assertThat(ticket().build().isSlaBreached(Instant.MAX)).isFalse();
    assertThat(ticket().status(TicketStatus.RESOLVED).resolvedAt(DUE.plusSeconds(1)).build()
        .isSlaBreached(Instant.MAX)).isFalse();
  }

  @Test
  void anUnresolvedTicketIsBreachedOnceNowIsPastTheDueTime() {
    ServiceTicket t = ticket().slaDueAt(DUE).status(TicketStatus.IN_PROGRESS).build();
    assertThat(t.isSlaBreached(T0)).isFalse();
    assertThat(t.isSlaBreached(DUE)).isFalse();
    assertThat(t.isSlaBreached(DUE.plusNanos(1))).isTrue();
  }

  @Test
  void aResolvedTicketIsJudgedByItsResolutionTimeNotByNow() {
    ServiceTicket onTime = ticket().slaDueAt(DUE).status(TicketStatus.RESOLVED).resolvedAt(DUE).build();
    assertThat(onTime.isSlaBreached(DUE.plus(Duration.ofDays(365)))).isFalse();
    ServiceTicket late = ticket().slaDueAt(DUE).status(TicketStatus.CLOSED).resolvedAt(DUE.plusNanos(1)).build();
    assertThat(late.isSlaBreached(T0)).isTrue();
    assertThat(late.isSlaBreached(DUE.plusNanos(1))).isTrue();
  }

  @Test
  void timesAtTheOpeningInstantAreAccepted() {
    ServiceTicket t = ticket().firstResponseAt(T0).slaDueAt(T0).status(TicketStatus.RESOLVED).resolvedAt(T0)
        .assignee(AgentId.of("A-1")).product(ProductId.of("P-1")).subject("Pump leaks").priority(TicketPriority.URGENT)
        .build();
    assertThat(t.firstResponseAt()).contains(T0);
    assertThat(t.isSlaBreached(Instant.MAX)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = TicketStatus.class, names = {"RESOLVED", "CLOSED"})
  void resolvedStatusesNeedAResolutionTime(TicketStatus status) {
    assertThat(status.isResolved()).isTrue();
    Invalid.because("ServiceTicket.resolvedAt is required when status is " + status,
        () -> ticket().status(status).build()).assertRefused();
  }

  @ParameterizedTest
  @EnumSource(value = TicketStatus.class, names = {"OPEN", "IN_PROGRESS", "WAITING_ON_CUSTOMER"})
  void unresolvedStatusesHaveNoResolutionTime(TicketStatus status) {
    assertThat(status.isResolved()).isFalse();
    Invalid.because("ServiceTicket.resolvedAt must be empty when status is " + status,
        () -> ticket().status(status).resolvedAt(DUE).build()).assertRefused();
  }

  static Stream<Invalid> invalid() {
    return Stream.of(
        Invalid.because("ServiceTicket.firstResponseAt must not be before openedAt, was 2024-05-01T07:59:59Z < "
            + "2024-05-01T08:00:00Z", () -> ticket().firstResponseAt(BEFORE).build()),
        Invalid.because("ServiceTicket.resolvedAt must not be before openedAt, was 2024-05-01T07:59:59Z < "
            + "2024-05-01T08:00:00Z", () -> ticket().status(TicketStatus.RESOLVED).resolvedAt(BEFORE).build()),
        Invalid.because("ServiceTicket.slaDueAt must not be before openedAt, was 2024-05-01T07:59:59Z < "
            + "2024-05-01T08:00:00Z", () -> ticket().slaDueAt(BEFORE).build()),
        Invalid.because("ServiceTicket.subject must not be blank", () -> ticket().subject("").build()),
        Invalid.because("ServiceTicket.subject must be at most 500 characters, was 501",
            () -> ticket().subject("s".repeat(501)).build()),
        Invalid.because("ServiceTicket.subject must be a single line (found a line break or tab at index 4)",
            () -> ticket().subject("Pump\nleaks").build()),
        Invalid.because("ServiceTicket.attributes key must match [A-Za-z][A-Za-z0-9_.-]{0,63}, was 'sla/hours'",
            () -> ticket().putAttribute("sla/hours", AttributeValue.ofLong(24)).build()),
        Invalid.because(IllegalStateException.class,
            "Cannot build ServiceTicket, some of required attributes are not set [id, customer, category, openedAt]",
            () -> ServiceTicket.builder().build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesInvalidTickets(Invalid c) {
    c.assertRefused();
  }
}
