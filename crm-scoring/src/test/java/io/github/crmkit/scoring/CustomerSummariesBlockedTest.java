package io.github.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.model.TransactionKind;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * With {@link CustomerSummaries#BLOCKED_FROM_CUSTOMERS} customers or more the rows are grouped by block of customers
 * before they are summed, and without order keys the sums run over one packed slot per customer: 16 bytes when all
 * days lie within {@link CustomerSummaries#NARROW_DAYS} of the first and no customer has 65,536 rows, 32 bytes
 * otherwise. This checks every path against a plain one-pass computation written here, customer by customer, to the
 * last bit of every monetary sum (the grouping keeps each customer's rows in order): with days before 1970 and at
 * the ends of the int range (the 32-byte packing splits a long into two signed days), with day ranges of exactly
 * the narrow limit and one more, and with one customer of 70,000 rows (whose 16-bit counters would wrap).
 */
class CustomerSummariesBlockedTest {

  /** The days of the generated rows. */
  private enum Days {
    /** Days before 1970 and at the ends of the int range: 32-byte slots. */
    EXTREME,
    /** Days from -30,000 to exactly {@code -30,000 + NARROW_DAYS}, both ends present: 16-byte slots. */
    NARROW,
    /** As NARROW, one day wider: 32-byte slots. */
    ONE_TOO_WIDE
  }

  @Test
  void groupedRowsGiveExactlyTheOnePassSummaries() {
    check(CustomerSummaries.BLOCKED_FROM_CUSTOMERS + 12_345, Days.EXTREME, 0);
  }

  @Test
  void groupedRowsInNarrowSlotsGiveExactlyTheOnePassSummaries() {
    check(CustomerSummaries.BLOCKED_FROM_CUSTOMERS + 12_345, Days.NARROW, 0);
  }

  @Test
  void packedSlotsGiveExactlyTheOnePassSummaries() {
    check(7_001, Days.EXTREME, 0);
  }

  @Test
  void narrowSlotsGiveExactlyTheOnePassSummariesUpToTheirDayLimit() {
    check(7_001, Days.NARROW, 0);
    check(7_001, Days.ONE_TOO_WIDE, 0);
  }

  @Test
  void aCustomerWithMoreRowsThanNarrowCountersHoldIsSummedExactly() {
    check(7_001, Days.NARROW, 70_000);
  }

  /**
   * Summarises {@code 2 * customers} generated rows, plus {@code heavyRows} rows of customer 0 (with returns among
   * them), and compares every customer with a one-pass computation.
   */
  private static void check(int customers, Days days, int heavyRows) {
    int n = 2 * customers + heavyRows;
    SplittableRandom random = new SplittableRandom(20261201L);
    TransactionColumns.Builder builder = TransactionColumns.builder(n);
    int base = -30_000;
    for (int i = 0; i < n; i++) {
      // every customer appears once in order first, then at random (or customer 0 for the heavy rows); amounts
      // with cents, some returns
      int c = i < customers ? i : i < 2 * customers ? random.nextInt(customers) : 0;
      boolean isReturn = random.nextInt(25) == 0;
      double amount = random.nextInt(1, 100_000) / 100.0;
      int pick = random.nextInt(1000);
      int day = switch (days) {
        case EXTREME -> pick == 0 ? Integer.MIN_VALUE : pick == 1 ? Integer.MAX_VALUE : pick < 50
            ? -random.nextInt(1, 40_000) : 19_000 + random.nextInt(900);
        case NARROW, ONE_TOO_WIDE -> i == 0 ? base : i == 1 ? base + CustomerSummaries.NARROW_DAYS
            + (days == Days.ONE_TOO_WIDE ? 1 : 0) : base + random.nextInt(CustomerSummaries.NARROW_DAYS + 1);
      };
      builder.add("c" + c, day, isReturn && i > 1 ? -amount : amount, null,
          isReturn && i > 1 ? TransactionKind.RETURN : TransactionKind.SALE);
    }
    TransactionColumns columns = builder.build();
    assertThat(columns.size()).isEqualTo(n);
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
