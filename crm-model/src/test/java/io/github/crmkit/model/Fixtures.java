package io.github.crmkit.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

/** Minimal valid values of every model type, as builders, for tests to vary one attribute at a time. */
public final class Fixtures {
  /** A fixed instant: 2024-05-01T08:00:00Z. */
  public static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

  /** The euro. */
  public static final Currency EUR = Currency.getInstance("EUR");

  /** The US dollar. */
  public static final Currency USD = Currency.getInstance("USD");

  private Fixtures() {}

  /**
   * Euros.
   *
   * @param amount the amount
   * @return the money
   */
  public static Money eur(String amount) {
    return Money.of(new BigDecimal(amount), EUR);
  }

  /**
   * A person customer, C-1, Ada Lovelace, created at {@link #T0}.
   *
   * @return the builder
   */
  public static Customer.Builder person() {
    return Customer.builder()
        .id(CustomerId.of("C-1"))
        .kind(CustomerKind.PERSON)
        .personName(PersonName.of("Ada", "Lovelace"))
        .createdAt(T0);
  }

  /**
   * A new lead L-1 from {@code web-form}, received at {@link #T0}.
   *
   * @return the builder
   */
  public static Lead.Builder lead() {
    return Lead.builder().id(LeadId.of("L-1")).sourceChannel("web-form").receivedAt(T0);
  }

  /**
   * An opportunity O-1 for C-1 over 1000 EUR at 25 %, in stage {@code proposal}.
   *
   * @return the builder
   */
  public static Opportunity.Builder opportunity() {
    return Opportunity.builder()
        .id(OpportunityId.of("O-1"))
        .customer(CustomerId.of("C-1"))
        .name("2027 fleet renewal")
        .amount(eur("1000"))
        .stageId("proposal")
        .probability(0.25)
        .expectedCloseDate(LocalDate.of(2024, 9, 30))
        .createdAt(T0);
  }

  /**
   * A sale T-1 of 100 EUR to C-1 at {@link #T0}.
   *
   * @return the builder
   */
  public static Transaction.Builder sale() {
    return Transaction.builder()
        .id(TransactionId.of("T-1"))
        .customer(CustomerId.of("C-1"))
        .occurredAt(T0)
        .total(eur("100"));
  }

  /**
   * An inbound completed call I-1 with C-1 at {@link #T0}.
   *
   * @return the builder
   */
  public static Interaction.Builder interaction() {
    return Interaction.builder()
        .id(InteractionId.of("I-1"))
        .customer(CustomerId.of("C-1"))
        .channel(InteractionChannel.CALL)
        .direction(Direction.INBOUND)
        .outcome(InteractionOutcome.COMPLETED)
        .occurredAt(T0);
  }

  /**
   * Feedback F-1 from C-1 with a CSAT of 4, received at {@link #T0}.
   *
   * @return the builder
   */
  public static Feedback.Builder feedback() {
    return Feedback.builder().id(FeedbackId.of("F-1")).customer(CustomerId.of("C-1")).csat(4).receivedAt(T0);
  }

  /**
   * An open question ticket K-1 from C-1, opened at {@link #T0}.
   *
   * @return the builder
   */
  public static ServiceTicket.Builder ticket() {
    return ServiceTicket.builder()
        .id(TicketId.of("K-1"))
        .customer(CustomerId.of("C-1"))
        .category(TicketCategory.QUESTION)
        .openedAt(T0);
  }

  /**
   * A sales rep A-1 named Rep One.
   *
   * @return the builder
   */
  public static Agent.Builder agent() {
    return Agent.builder().id(AgentId.of("A-1")).kind(AgentKind.SALES_REP).displayName("Rep One");
  }
}
