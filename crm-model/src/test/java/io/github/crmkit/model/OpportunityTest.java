package io.github.crmkit.model;

import static io.github.crmkit.model.Fixtures.eur;
import static io.github.crmkit.model.Fixtures.opportunity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Opportunity} and {@link LineItem}. */
class OpportunityTest {
  private static final ProductId P1 = ProductId.of("P-1");

  @ParameterizedTest(name = "{0} {1} x {2} = {3}")
  @CsvSource({
      "1000, EUR, 0.25, 250.00 EUR",
      "1000, EUR, 0, 0.00 EUR",
      "1000, EUR, 1, 1000.00 EUR",
      "999.99, EUR, 0.1, 100.00 EUR",
      // half-even to the currency's digits
      "10.05, EUR, 0.5, 5.02 EUR",
      "10.15, EUR, 0.5, 5.08 EUR",
      "1000, JPY, 0.3333, 333 JPY",
      "0.125, EUR, 1, 0.12 EUR"})
  void weightedAmountIsRoundedHalfEvenToTheCurrencysDigits(String amount, String currency, double probability,
      String expected) {
    Opportunity o = opportunity().amount(Money.of(amount, currency)).probability(probability).build();
    assertThat(o.weightedAmount()).hasToString(expected);
  }

  @Test
  void lineItemTotalIsUnitPriceTimesQuantity() {
    assertThat(LineItem.of(P1, 3, eur("12.5")).total()).isEqualTo(eur("37.50"));
    assertThat(LineItem.of(P1, new BigDecimal("0.5"), eur("0.125")).total()).hasToString("0.0625 EUR");
    assertThat(LineItem.of(P1, new BigDecimal("2.000001"), eur("1")).total()).hasToString("2.000001 EUR");
    LineItem item = LineItem.of(P1, 2, Money.of("1500", "JPY"));
    assertThat(item.product()).isEqualTo(P1);
    assertThat(item.quantity()).isEqualTo(new BigDecimal("2"));
    assertThat(item.unitPrice()).isEqualTo(Money.of("1500", "JPY"));
    assertThat(item.total()).hasToString("3000 JPY");
    assertThat(LineItem.of(P1, 1, eur("0")).total()).isEqualTo(Money.zero(Fixtures.EUR));
  }

  static Stream<Invalid> invalidLineItems() {
    return Stream.of(
        Invalid.because("LineItem.quantity must be positive, was 0", () -> LineItem.of(P1, 0, eur("1"))),
        Invalid.because("LineItem.quantity must be positive, was -1", () -> LineItem.of(P1, -1, eur("1"))),
        Invalid.because("LineItem.quantity must be positive, was 0.000",
            () -> LineItem.of(P1, new BigDecimal("0.000"), eur("1"))),
        Invalid.because("LineItem.quantity must have at most 6 decimal places",
            () -> LineItem.of(P1, new BigDecimal("1.0000001"), eur("1"))),
        Invalid.because("LineItem.unitPrice must not be negative, was -0.01 EUR",
            () -> LineItem.of(P1, 1, eur("-0.01"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidLineItems")
  void refusesInvalidLineItems(Invalid c) {
    c.assertRefused();
  }

  @Test
  void lineItemQuantityTrailingZerosDoNotCountAsDecimalPlaces() {
    assertThat(LineItem.of(P1, new BigDecimal("1.500000000"), eur("2")).total()).isEqualTo(eur("3"));
    assertThatNullPointerException().isThrownBy(() -> LineItem.of(null, 1, eur("1"))).withMessage("product");
  }

  @Test
  void fullOpportunity() {
    Opportunity o = opportunity().owner(AgentId.of("A-1")).addLineItem(LineItem.of(P1, 4, eur("250")))
        .lostReason("Budget cut.\nRevisit in Q3.").build();
    assertThat(o.lineItems()).containsExactly(LineItem.of(P1, 4, eur("250")));
    assertThat(o.lostReason()).contains("Budget cut.\nRevisit in Q3.");
    assertThat(o.weightedAmount()).isEqualTo(eur("250"));
  }

  static Stream<Invalid> invalid() {
    return Stream.of(
        Invalid.because("Opportunity.name must not be blank", () -> opportunity().name(" ").build()),
        Invalid.because("Opportunity.name must be at most 200 characters, was 201",
            () -> opportunity().name("n".repeat(201)).build()),
        Invalid.because("Opportunity.name must be a single line (found a line break or tab at index 4)",
            () -> opportunity().name("2027\tfleet").build()),
        Invalid.because("Opportunity.amount must not be negative, was -1.00 EUR",
            () -> opportunity().amount(eur("-1")).build()),
        Invalid.because("Opportunity.stageId must be a lower-case token matching [a-z0-9][a-z0-9_.:-]{0,63}, "
            + "was 'Proposal'", () -> opportunity().stageId("Proposal").build()),
        Invalid.because("Opportunity.probability must be between 0.0 and 1.0, was 1.5",
            () -> opportunity().probability(1.5).build()),
        Invalid.because("Opportunity.probability must be between 0.0 and 1.0, was -0.01",
            () -> opportunity().probability(-0.01).build()),
        Invalid.because("Opportunity.probability must be between 0.0 and 1.0, was NaN",
            () -> opportunity().probability(Double.NaN).build()),
        Invalid.because("Opportunity.lineItems must have at most 1000 elements, had 1001",
            () -> opportunity().lineItems(Collections.nCopies(1001, LineItem.of(P1, 1, eur("1")))).build()),
        Invalid.because(CurrencyMismatchException.class,
            "currency mismatch in Opportunity.lineItems: expected EUR, actual USD",
            () -> opportunity().addLineItem(LineItem.of(P1, 1, eur("1")))
                .addLineItem(LineItem.of(P1, 1, Money.of("1", "USD"))).build()),
        Invalid.because("Opportunity.lostReason must be at most 500 characters, was 501",
            () -> opportunity().lostReason("r".repeat(501)).build()),
        Invalid.because("Opportunity.lostReason must not be blank", () -> opportunity().lostReason("\n").build()),
        Invalid.because("Opportunity.lostReason must not contain control characters (found U+001B at index 5)",
            () -> opportunity().lostReason("price\u001b[0m").build()),
        Invalid.because("Opportunity.attributes key must match [A-Za-z][A-Za-z0-9_.-]{0,63}, was 'crm:source'",
            () -> opportunity().putAttribute("crm:source", AttributeValue.ofString("x")).build()),
        Invalid.because(IllegalStateException.class,
            "Cannot build Opportunity, some of required attributes are not set [id, customer, name, amount, stageId, "
                + "probability, expectedCloseDate, createdAt]",
            () -> Opportunity.builder().build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesInvalidOpportunities(Invalid c) {
    c.assertRefused();
  }

  @Test
  void currencyMismatchInLineItemsNamesTheCurrencies() {
    assertThatThrownBy(() -> opportunity().addLineItem(LineItem.of(P1, 1, Money.of("1", "USD"))).build())
        .isInstanceOfSatisfying(CurrencyMismatchException.class, e -> {
          assertThat(e.expected()).isEqualTo(Fixtures.EUR);
          assertThat(e.actual()).isEqualTo(Fixtures.USD);
        });
  }

  @Test
  void acceptsTheLimits() {
    Opportunity o = opportunity().probability(0).amount(eur("0")).lostReason("r".repeat(500))
        .lineItems(Collections.nCopies(1000, LineItem.of(P1, 1, eur("1")))).build();
    assertThat(o.lineItems()).hasSize(1000);
    assertThat(opportunity().probability(1).build().probability()).isEqualTo(1.0);
  }
}
