package io.github.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.Money;
import io.github.crmkit.model.Transaction;
import io.github.crmkit.model.TransactionId;
import io.github.crmkit.model.TransactionKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionColumnsTest {
  @Test
  void builderEncodesCustomerIdsDenselyInOrderOfFirstAppearance() {
    TransactionColumns.Builder b = TransactionColumns.builder(0);
    b.add("x", 1, 10);
    b.add("y", 2, 20);
    b.add("x", 3, 30);
    TransactionColumns c = b.build();
    assertThat(c.size()).isEqualTo(3);
    assertThat(c.customerCount()).isEqualTo(2);
    assertThat(c.customer(0)).isZero();
    assertThat(c.customer(1)).isEqualTo(1);
    assertThat(c.customer(2)).isZero();
    assertThat(c.customerId(0)).isEqualTo("x");
    assertThat(c.customerId(1)).isEqualTo("y");
    assertThat(c.day(2)).isEqualTo(3);
    assertThat(c.amount(1)).isEqualTo(20.0);
    assertThat(c.kind(0)).isEqualTo(TransactionColumns.SALE);
    assertThat(c.hasOrders()).isFalse();
    assertThat(c.orderCount()).isZero();
    assertThat(c.order(0)).isEqualTo(-1);
    assertThat(c.rejects()).isEmpty();
    assertThat(c.inputRows()).isEqualTo(3);
  }

  @Test
  void builderGrowsPastItsCapacityHint() {
    TransactionColumns.Builder b = TransactionColumns.builder(1);
    for (int i = 0; i < 100; i++) {
      b.add("c" + (i % 7), i, i);
    }
    TransactionColumns c = b.build();
    assertThat(c.size()).isEqualTo(100);
    assertThat(c.customerCount()).isEqualTo(7);
    assertThat(c.day(99)).isEqualTo(99);
    assertThat(c.customer(99)).isEqualTo(99 % 7);
  }

  @Test
  void builderEncodesOrdersAndGivesRowsWithoutAnOrderIdAFreshOrder() {
    TransactionColumns.Builder b = TransactionColumns.builder(4);
    b.add("x", 1, 10, "o1", TransactionKind.SALE);
    b.add("x", 1, 5, "o2", TransactionKind.SALE);
    b.add("x", 1, 7, "o1", TransactionKind.SALE);
    b.add("x", 2, 3, null, TransactionKind.SALE);
    TransactionColumns c = b.build();
    assertThat(c.hasOrders()).isTrue();
    assertThat(c.order(0)).isZero();
    assertThat(c.order(1)).isEqualTo(1);
    assertThat(c.order(2)).isZero();
    assertThat(c.order(3)).isEqualTo(2);
    assertThat(c.orderCount()).isEqualTo(3);
  }

  @Test
  void returnsAndCancellationsAreNegativeWhateverTheSignGiven() {
    TransactionColumns.Builder b = TransactionColumns.builder(3);
    b.add("x", 1, 10, null, TransactionKind.RETURN);
    b.add("x", 1, -4, null, TransactionKind.CANCELLATION);
    b.add("x", 1, 6, null, TransactionKind.SALE);
    TransactionColumns c = b.build();
    assertThat(c.amount(0)).isEqualTo(-10.0);
    assertThat(c.kind(0)).isEqualTo(TransactionColumns.RETURN);
    assertThat(c.amount(1)).isEqualTo(-4.0);
    assertThat(c.kind(1)).isEqualTo(TransactionColumns.CANCELLATION);
    assertThat(c.amount(2)).isEqualTo(6.0);
    assertThat(c.kind(2)).isEqualTo(TransactionColumns.SALE);
  }

  @Test
  void blankIdsAndNonFiniteAmountsAreRejectedWithTheirPositionAndCountsReconcile() {
    TransactionColumns.Builder b = TransactionColumns.builder(8);
    assertThat(b.add("x", 1, 10)).isTrue();
    assertThat(b.add(null, 1, 10)).isFalse();
    assertThat(b.add("  ", 1, 10)).isFalse();
    assertThat(b.add("x", 1, Double.NaN)).isFalse();
    assertThat(b.add("y", 1, Double.POSITIVE_INFINITY)).isFalse();
    b.reject("orders.csv", 7, 3, "day", "not a date");
    assertThat(b.add("y", 2, 1)).isTrue();
    assertThat(b.inputRows()).isEqualTo(7);
    TransactionColumns c = b.build();
    assertThat(c.size()).isEqualTo(2);
    assertThat(c.inputRows()).isEqualTo(7);
    assertThat(c.rejects()).containsExactly(
        new RejectedRow("", 2, 0, "customer", "missing customer id"),
        new RejectedRow("", 3, 0, "customer", "missing customer id"),
        new RejectedRow("", 4, 0, "amount", "not a finite number"),
        new RejectedRow("", 5, 0, "amount", "not a finite number"),
        new RejectedRow("orders.csv", 7, 3, "day", "not a date"));
    // a rejected row's customer is not registered
    assertThat(c.customerCount()).isEqualTo(2);
    assertThat(c.rejects().get(4)).hasToString("orders.csv:7:3: day: not a date");
    assertThat(c.rejects().get(0)).hasToString("row 2: customer: missing customer id");
    assertThatThrownBy(() -> c.rejects().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void arraysAreCopied() {
    int[] customer = {0, 1};
    int[] day = {5, 6};
    double[] amount = {1.5, 2.5};
    String[] ids = {"a", "b"};
    TransactionColumns c = TransactionColumns.of(customer, day, amount, ids);
    customer[0] = 1;
    day[0] = 99;
    amount[0] = 99;
    ids[0] = "z";
    assertThat(c.customer(0)).isZero();
    assertThat(c.day(0)).isEqualTo(5);
    assertThat(c.amount(0)).isEqualTo(1.5);
    assertThat(c.customerId(0)).isEqualTo("a");
    assertThat(c.kind(1)).isEqualTo(TransactionColumns.SALE);
    assertThat(c.hasOrders()).isFalse();
    assertThat(c.inputRows()).isEqualTo(2);
  }

  @Test
  void arraysOfDifferentLengthsAreRejected() {
    assertThatThrownBy(() -> TransactionColumns.of(new int[2], new int[1], new double[2], new String[] {"a"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customer, day and amount must have the same length, were 2, 1, 2");
  }

  @Test
  void customerKeysOutOfRangeAreRejectedWithTheirIndex() {
    assertThatThrownBy(() -> TransactionColumns.of(new int[] {0, 2}, new int[2], new double[2],
        new String[] {"a", "b"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("customer[1] must be in [0, 2), was 2");
    assertThatThrownBy(() -> TransactionColumns.of(new int[] {-1}, new int[1], new double[1], new String[] {"a"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("customer[0] must be in [0, 1), was -1");
  }

  @Test
  void nonFiniteAmountsAreRejectedWithTheirIndex() {
    assertThatThrownBy(() -> TransactionColumns.of(new int[2], new int[2], new double[] {1, Double.NaN},
        new String[] {"a"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("amount[1] must be a finite number, was NaN");
  }

  @Test
  void customerIdsMustBeDistinctAndPresent() {
    assertThatThrownBy(() -> TransactionColumns.of(new int[1], new int[1], new double[1], new String[] {"a", "a"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("customerIds must be distinct");
    assertThatThrownBy(() -> TransactionColumns.of(new int[1], new int[1], new double[1], new String[] {"a", null}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("customerIds[1] must not be null or blank");
    assertThatThrownBy(() -> TransactionColumns.of(new int[1], new int[1], new double[1], new String[] {" "}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("customerIds[0] must not be null or blank");
  }

  @Test
  void nullArraysAreNamed() {
    assertThatThrownBy(() -> TransactionColumns.of(null, new int[1], new double[1], new String[] {"a"}))
        .isInstanceOf(NullPointerException.class).hasMessage("customer");
    assertThatThrownBy(() -> TransactionColumns.of(new int[1], new int[1], new double[1], null))
        .isInstanceOf(NullPointerException.class).hasMessage("customerIds");
  }

  @Test
  void accessorsCheckTheRowIndex() {
    TransactionColumns c = TransactionColumns.of(new int[1], new int[1], new double[1], new String[] {"a"});
    assertThatThrownBy(() -> c.day(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> c.amount(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  private static Transaction sale(String id, String customer, String instant, String amount) {
    return Transaction.builder().id(TransactionId.of(id)).customer(CustomerId.of(customer))
        .occurredAt(Instant.parse(instant)).total(Money.of(amount, "EUR")).build();
  }

  @Test
  void modelTransactionsBecomeRowsWithTheirDayInTheZoneAndReturnsNegative() {
    Transaction late = sale("t1", "c1", "2024-01-01T23:30:00Z", "10.00");
    Transaction other = sale("t2", "c2", "2024-01-03T10:00:00Z", "7.50");
    Transaction ret = Transaction.builder().id(TransactionId.of("t3")).customer(CustomerId.of("c1"))
        .occurredAt(Instant.parse("2024-01-05T08:00:00Z")).kind(TransactionKind.RETURN)
        .originalTransaction(TransactionId.of("t1")).total(Money.of("4.00", "EUR")).build();
    TransactionColumns c = TransactionColumns.of(List.of(late, other, ret), ZoneId.of("Europe/Berlin"));
    assertThat(c.size()).isEqualTo(3);
    assertThat(c.customerCount()).isEqualTo(2);
    // 23:30 UTC on Jan 1 is 00:30 on Jan 2 in Berlin
    assertThat(c.day(0)).isEqualTo(LocalDate.of(2024, 1, 2).toEpochDay());
    assertThat(c.amount(0)).isEqualTo(10.0);
    assertThat(c.customerId(c.customer(1))).isEqualTo("c2");
    assertThat(c.amount(1)).isEqualTo(7.5);
    assertThat(c.customer(2)).isEqualTo(c.customer(0));
    assertThat(c.kind(2)).isEqualTo(TransactionColumns.RETURN);
    assertThat(c.amount(2)).isEqualTo(-4.0);
    assertThat(c.day(2)).isEqualTo(LocalDate.of(2024, 1, 5).toEpochDay());
    // every transaction is its own order
    assertThat(c.hasOrders()).isTrue();
    assertThat(c.orderCount()).isEqualTo(3);
    assertThat(CustomerSummaries.of(c).orders(c.customer(0))).isEqualTo(1);

    TransactionColumns utc = TransactionColumns.of(List.of(late), ZoneOffset.UTC);
    assertThat(utc.day(0)).isEqualTo(LocalDate.of(2024, 1, 1).toEpochDay());
  }

  @Test
  void modelTransactionsInMoreThanOneCurrencyAreRefused() {
    Transaction eur = sale("t1", "c1", "2024-01-01T10:00:00Z", "10.00");
    Transaction usd = Transaction.builder().from(sale("t2", "c1", "2024-01-02T10:00:00Z", "3.00"))
        .total(Money.of("3.00", "USD")).build();
    assertThatThrownBy(() -> TransactionColumns.of(List.of(eur, usd), ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("transactions must share one currency: expected EUR, was USD at position 2");
  }

  @Test
  void modelTransactionsOutsideTheDayRangeAreRejectedNotWrapped() {
    Transaction far = sale("t1", "c1", "+9999999-01-01T00:00:00Z", "1.00");
    Transaction ok = sale("t2", "c1", "2024-01-01T00:00:00Z", "1.00");
    TransactionColumns c = TransactionColumns.of(List.of(far, ok), ZoneOffset.UTC);
    assertThat(c.size()).isEqualTo(1);
    assertThat(c.inputRows()).isEqualTo(2);
    assertThat(c.rejects()).containsExactly(new RejectedRow("", 1, 0, "occurredAt", "day outside the int range"));
  }

  @Test
  void nullArgumentsAreNamed() {
    assertThatThrownBy(() -> TransactionColumns.of(null, ZoneOffset.UTC))
        .isInstanceOf(NullPointerException.class).hasMessage("transactions");
    assertThatThrownBy(() -> TransactionColumns.of(List.of(), null))
        .isInstanceOf(NullPointerException.class).hasMessage("zone");
  }
}
