package io.github.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.TransactionKind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CustomerSummariesTest {
  private static int day(String iso) {
    return (int) LocalDate.parse(iso).toEpochDay();
  }

  /** c1: order A in two rows (60 + 40) on 01-10, order B 50 on 01-20, a return of 30 on 01-25. */
  private static TransactionColumns withOrders() {
    TransactionColumns.Builder b = TransactionColumns.builder(8);
    b.add("c1", day("2024-01-20"), 50, "B", TransactionKind.SALE);
    b.add("c1", day("2024-01-10"), 60, "A", TransactionKind.SALE);
    b.add("c2", day("2024-02-01"), 20, "R2", TransactionKind.RETURN);
    b.add("c1", day("2024-01-25"), 30, "R1", TransactionKind.RETURN);
    b.add("c1", day("2024-01-10"), 40, "A", TransactionKind.SALE);
    return b.build();
  }

  @Test
  void firstAndLastPurchaseAreSaleDaysInAnyRowOrder() {
    CustomerSummaries s = CustomerSummaries.of(withOrders());
    assertThat(s.customerCount()).isEqualTo(2);
    assertThat(s.customerId(0)).isEqualTo("c1");
    assertThat(s.firstDay(0)).isEqualTo(day("2024-01-10"));
    // the return on 01-25 is not a purchase, so the last purchase stays on 01-20
    assertThat(s.lastDay(0)).isEqualTo(day("2024-01-20"));
    assertThat(s.hasPurchase(0)).isTrue();
  }

  @Test
  void severalRowsOfOneOrderCountOnceAndReturnsAreNoOrders() {
    CustomerSummaries s = CustomerSummaries.of(withOrders());
    assertThat(s.orders(0)).isEqualTo(2);
    assertThat(s.rows(0)).isEqualTo(4);
  }

  @Test
  void returnsSubtractFromMonetaryValue() {
    CustomerSummaries s = CustomerSummaries.of(withOrders());
    assertThat(s.monetary(0)).isEqualTo(120.0); // 60 + 40 + 50 - 30
    assertThat(s.meanOrderValue(0)).isEqualTo(60.0); // 120 / 2 orders
  }

  @Test
  void withoutOrderColumnEverySaleRowIsAnOrder() {
    TransactionColumns.Builder b = TransactionColumns.builder(4);
    b.add("c", day("2024-03-05"), 10);
    b.add("c", day("2024-01-01"), 20);
    b.add("c", day("2024-03-05"), 30);
    b.add("c", day("2024-02-01"), 5, null, TransactionKind.CANCELLATION);
    TransactionColumns columns = b.build();
    assertThat(columns.hasOrders()).isFalse();
    CustomerSummaries s = CustomerSummaries.of(columns);
    assertThat(s.orders(0)).isEqualTo(3);
    assertThat(s.rows(0)).isEqualTo(4);
    assertThat(s.monetary(0)).isEqualTo(55.0);
    assertThat(s.firstDay(0)).isEqualTo(day("2024-01-01"));
    assertThat(s.lastDay(0)).isEqualTo(day("2024-03-05"));
  }

  @Test
  void customerWithOnlyReturnsHasNoPurchase() {
    CustomerSummaries s = CustomerSummaries.of(withOrders());
    assertThat(s.customerId(1)).isEqualTo("c2");
    assertThat(s.hasPurchase(1)).isFalse();
    assertThat(s.orders(1)).isZero();
    assertThat(s.rows(1)).isEqualTo(1);
    assertThat(s.monetary(1)).isEqualTo(-20.0);
    assertThat(s.meanOrderValue(1)).isZero();
    assertThat(s.firstDay(1)).isEqualTo(CustomerSummaries.NO_PURCHASE);
    assertThat(s.lastDay(1)).isEqualTo(CustomerSummaries.NO_PURCHASE);
    assertThatThrownBy(() -> s.recencyDays(1, day("2024-03-01")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no purchase");
    assertThatThrownBy(() -> s.tenureDays(1, day("2024-03-01")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no purchase");
  }

  @Test
  void recencyAndTenureCountDaysToTheAnalysisDay() {
    CustomerSummaries s = CustomerSummaries.of(withOrders());
    assertThat(s.recencyDays(0, day("2024-02-01"))).isEqualTo(12); // 01-20 .. 02-01
    assertThat(s.tenureDays(0, day("2024-02-01"))).isEqualTo(22); // 01-10 .. 02-01
    assertThat(s.recencyDays(0, day("2024-01-20"))).isZero();
  }

  @Test
  void anOrderIdUsedByTwoCustomersCountsOncePerCustomerWhateverTheRowOrder() {
    TransactionColumns.Builder b = TransactionColumns.builder(4);
    b.add("a", 10, 1, "o1", TransactionKind.SALE);
    b.add("b", 10, 1, "o1", TransactionKind.SALE);
    b.add("a", 11, 1, "o1", TransactionKind.SALE);
    b.add("b", 12, 1, "o2", TransactionKind.SALE);
    CustomerSummaries s = CustomerSummaries.of(b.build());
    assertThat(s.orders(0)).isEqualTo(1);
    assertThat(s.orders(1)).isEqualTo(2);
  }

  @Test
  void aPurchaseOnTheLargestDayIsStillAFirstPurchase() {
    TransactionColumns columns = TransactionColumns.of(new int[] {0}, new int[] {Integer.MAX_VALUE},
        new double[] {1.0}, new String[] {"c"});
    CustomerSummaries s = CustomerSummaries.of(columns);
    assertThat(s.hasPurchase(0)).isTrue();
    assertThat(s.firstDay(0)).isEqualTo(Integer.MAX_VALUE);
    assertThat(s.lastDay(0)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void aCustomerWithoutRowsHasNoPurchase() {
    TransactionColumns columns = TransactionColumns.of(new int[] {1}, new int[] {5}, new double[] {1.0},
        new String[] {"none", "one"});
    CustomerSummaries s = CustomerSummaries.of(columns);
    assertThat(s.hasPurchase(0)).isFalse();
    assertThat(s.rows(0)).isZero();
    assertThat(s.hasPurchase(1)).isTrue();
    assertThat(s.orders(1)).isEqualTo(1);
  }
}
