package io.github.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.model.TransactionKind;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * With {@link CustomerSummaries#BLOCKED_FROM_CUSTOMERS} customers or more the rows are grouped by block of customers
 * before they are summed, and without order keys the sums run over one packed slot per customer; this checks both
 * paths against a plain one-pass computation written here, customer by customer, to the last bit of every monetary
 * sum (the grouping keeps each customer's rows in order), with days before 1970 and at the ends of the int range
 * (the packing splits a long into two signed days).
 */
class CustomerSummariesBlockedTest {

  @Test
  void groupedRowsGiveExactlyTheOnePassSummaries() {
    check(CustomerSummaries.BLOCKED_FROM_CUSTOMERS + 12_345);
  }

  @Test
  void packedSlotsGiveExactlyTheOnePassSummaries() {
    check(7_001);
  }

  private static void check(int customers) {
    int n = 2 * customers;
    SplittableRandom random = new SplittableRandom(20261201L);
    TransactionColumns.Builder builder = TransactionColumns.builder(n);
    for (int i = 0; i < n; i++) {
      // every customer appears once in order first, then at random; amounts with cents, some returns
      int c = i < customers ? i : random.nextInt(customers);
      boolean isReturn = random.nextInt(25) == 0;
      double amount = random.nextInt(1, 100_000) / 100.0;
      int pick = random.nextInt(1000);
      int day = pick == 0 ? Integer.MIN_VALUE : pick == 1 ? Integer.MAX_VALUE : pick < 50
          ? -random.nextInt(1, 40_000) : 19_000 + random.nextInt(900);
      builder.add("c" + c, day, isReturn ? -amount : amount, null,
          isReturn ? TransactionKind.RETURN : TransactionKind.SALE);
    }
    TransactionColumns columns = builder.build();
    assertThat(columns.customerCount()).isEqualTo(customers);

    int[] first = new int[customers];
    int[] last = new int[customers];
    int[] orders = new int[customers];
    int[] rows = new int[customers];
    double[] monetary = new double[customers];
    for (int i = 0; i < columns.size(); i++) {
      int c = columns.customer(i);
      rows[c]++;
      monetary[c] += columns.amount(i);
      if (columns.kind(i) == TransactionColumns.SALE) {
        int d = columns.day(i);
        first[c] = orders[c] == 0 ? d : Math.min(first[c], d);
        last[c] = orders[c] == 0 ? d : Math.max(last[c], d);
        orders[c]++;
      }
    }

    CustomerSummaries s = CustomerSummaries.of(columns);
    int withoutPurchase = 0;
    for (int c = 0; c < customers; c++) {
      assertThat(s.rows(c)).as("rows of %s", c).isEqualTo(rows[c]);
      assertThat(s.orders(c)).as("orders of %s", c).isEqualTo(orders[c]);
      assertThat(Double.doubleToLongBits(s.monetary(c))).as("monetary of %s", c)
          .isEqualTo(Double.doubleToLongBits(monetary[c]));
      if (orders[c] == 0) {
        withoutPurchase++;
        assertThat(s.hasPurchase(c)).isFalse();
      } else {
        assertThat(s.firstDay(c)).as("first day of %s", c).isEqualTo(first[c]);
        assertThat(s.lastDay(c)).as("last day of %s", c).isEqualTo(last[c]);
      }
    }
    // some customers have only returns, so the no-purchase path is exercised too
    assertThat(withoutPurchase).isPositive();
  }
}
