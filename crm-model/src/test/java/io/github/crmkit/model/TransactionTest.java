package io.github.crmkit.model;

import static io.github.crmkit.model.Fixtures.eur;
import static io.github.crmkit.model.Fixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TransactionTest {
  private static final TransactionId ORIGINAL = TransactionId.of("T-0");
  private static final ProductId P1 = ProductId.of("P-1");

  @Test
  void aSaleIsTheDefaultAndCountsPositive() {
    Transaction t = sale().addLine(LineItem.of(P1, 2, eur("40"))).channel("online").build();
    assertThat(t.kind()).isEqualTo(TransactionKind.SALE);
    assertThat(t.signedTotal()).isEqualTo(eur("100"));
    assertThat(t.originalTransaction()).isEmpty();
    // the total is the host's figure and need not equal the sum of the lines
    assertThat(t.lines().get(0).total()).isEqualTo(eur("80"));
    assertThat(t.channel()).contains("online");
  }

  @ParameterizedTest
  @EnumSource(value = TransactionKind.class, names = {"RETURN", "CANCELLATION"})
  void reversalsReferenceTheirSaleAndCountNegative(TransactionKind kind) {
    Transaction t = sale().id(TransactionId.of("T-2")).kind(kind).originalTransaction(ORIGINAL).build();
    assertThat(t.signedTotal()).isEqualTo(eur("-100"));
    assertThat(t.total()).isEqualTo(eur("100"));
    assertThat(t.originalTransaction()).contains(ORIGINAL);
    assertThat(kind.isReversal()).isTrue();
    Invalid.because("Transaction.originalTransaction is required when kind is " + kind,
        () -> sale().kind(kind).build()).assertRefused();
    Invalid.because("Transaction.originalTransaction must differ from Transaction.id",
        () -> sale().kind(kind).originalTransaction(TransactionId.of("T-1")).build()).assertRefused();
  }

  @Test
  void zeroTotalsHaveNoSign() {
    assertThat(sale().total(eur("0")).kind(TransactionKind.RETURN).originalTransaction(ORIGINAL).build()
        .signedTotal()).isEqualTo(eur("0"));
    assertThat(TransactionKind.SALE.isReversal()).isFalse();
  }

  static Stream<Invalid> invalid() {
    return Stream.of(
        Invalid.because("Transaction.originalTransaction must be empty when kind is SALE",
            () -> sale().originalTransaction(ORIGINAL).build()),
        Invalid.because("Transaction.total must not be negative (the kind gives the sign), was -100.00 EUR",
            () -> sale().total(eur("-100")).build()),
        Invalid.because("Transaction.channel must be a lower-case token matching [a-z0-9][a-z0-9_.:-]{0,63}, "
            + "was 'Online Shop'", () -> sale().channel("Online Shop").build()),
        Invalid.because("Transaction.lines must have at most 10000 elements, had 10001",
            () -> sale().lines(Collections.nCopies(10_001, LineItem.of(P1, 1, eur("1")))).build()),
        Invalid.because(CurrencyMismatchException.class,
            "currency mismatch in Transaction.lines: expected EUR, actual USD",
            () -> sale().addLine(LineItem.of(P1, 1, Money.of("1", "USD"))).build()),
        Invalid.because("Transaction.attributes key must match [A-Za-z][A-Za-z0-9_.-]{0,63}, was '_pos'",
            () -> sale().putAttribute("_pos", AttributeValue.ofLong(1)).build()),
        Invalid.because(IllegalStateException.class,
            "Cannot build Transaction, some of required attributes are not set [id, customer, occurredAt, total]",
            () -> Transaction.builder().build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesInvalidTransactions(Invalid c) {
    c.assertRefused();
  }

  @Test
  void acceptsTenThousandLines() {
    assertThat(sale().lines(Collections.nCopies(10_000, LineItem.of(P1, 1, eur("1")))).build().lines())
        .hasSize(10_000);
  }
}
