package io.github.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.model.TransactionKind;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link CustomerSummaries#of(TransactionColumns, Parallelism)} against a one-pass computation written here, customer
 * by customer, on 2, 3 and 4 threads, through every path: rows cut into parts and merged (16-byte and 32-byte
 * slots, and a customer whose 16-bit counters wrap in one part or in all), rows grouped by block, and order keys.
 *
 * <p>Days, orders and rows must be those of one pass exactly. Monetary values too wherever the contract says so
 * (grouped rows, order keys, whole-number amounts). Where the rows are cut into parts, the monetary value must be
 * the documented one: the sums of the consecutive parts {@code [n·p/parts, n·(p+1)/parts)}, each in row order,
 * added in part order, compared to the last bit.
 */
class CustomerSummariesParallelTest {
  private static ExecutorService pool;

  @BeforeAll
  static void startPool() {
    pool = Executors.newFixedThreadPool(4);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  /** The shapes of generated input. */
  private enum Shape {
    /** Days within the 16-bit range: 16-byte slots. */
    NARROW,
    /** Days before 1970 and at the ends of the int range: 32-byte slots. */
    EXTREME,
    /** Narrow days, customer 0 with 70,000 rows at the end: its counters wrap in the last part only. */
    HEAVY_AT_END,
    /** Narrow days, customer 0 with every other row: its counters wrap in every part. */
    HEAVY_EVERYWHERE,
    /** Narrow days, orders of up to three rows each, so some orders straddle a part boundary. */
    ORDERS
  }

  @Test
  void rowsCutIntoPartsInNarrowSlots() {
    for (int threads = 2; threads <= 4; threads++) {
      check(20_000, 300_000, Shape.NARROW, false, threads);
    }
  }

  @Test
  void rowsCutIntoPartsInWideSlots() {
    for (int threads = 2; threads <= 4; threads++) {
      check(20_000, 300_000, Shape.EXTREME, false, threads);
    }
  }

  @Test
  void aCounterThatWrapsInOnePartSendsAllPartsToWideSlots() {
    check(5_000, 200_000, Shape.HEAVY_AT_END, false, 2);
    check(5_000, 200_000, Shape.HEAVY_AT_END, false, 3);
  }

  @Test
  void aCounterThatWrapsInEveryPart() {
    check(5_000, 300_000, Shape.HEAVY_EVERYWHERE, false, 2);
  }

  @Test
  void wholeNumberAmountsGiveTheOnePassSumsExactly() {
    check(20_000, 300_000, Shape.NARROW, true, 3);
  }

  @Test
  void orderKeysAreCountedPerCustomerAcrossParts() {
    for (int threads = 2; threads <= 4; threads++) {
      check(20_000, 300_000, Shape.ORDERS, false, threads);
    }
  }

  @Test
  void groupedRowsAreSplitByBlockAndSumExactly() {
    check(CustomerSummaries.BLOCKED_FROM_CUSTOMERS + 1_000, 2 * CustomerSummaries.BLOCKED_FROM_CUSTOMERS,
        Shape.NARROW, false, 3);
  }

  @Test
  void theCommonPoolAndFewRowsWork() {
    // fewer rows than two parts need: one part, so the one-pass sums exactly
    check(500, 2 * CustomerSummaries.MIN_ROWS_PER_PART - 1, Shape.NARROW, false, 0);
    check(20_000, 300_000, Shape.NARROW, false, 0);
  }

  /**
   * Generates {@code n} rows of {@code customers} customers, summarises them on {@code threads} threads of the
   * pool (or the common pool with 2 threads when {@code threads} is 0) and compares with one pass.
   */
  private static void check(int customers, int n, Shape shape, boolean wholeAmounts, int threads) {
    SplittableRandom random = new SplittableRandom(20261202L + shape.ordinal() * 31L + threads);
    TransactionColumns.Builder builder = TransactionColumns.builder(n);
    int base = 10_000;
    int order = 0;
    int orderLeft = 0;
    for (int i = 0; i < n; i++) {
      int c = i < customers ? i : random.nextInt(customers);
      if (shape == Shape.HEAVY_AT_END && i >= n - 70_000 || shape == Shape.HEAVY_EVERYWHERE && i % 2 == 0) {
        c = 0;
      }
      boolean isReturn = random.nextInt(25) == 0;
      double amount = wholeAmounts ? random.nextInt(1, 1_000) : random.nextInt(1, 100_000) / 100.0;
      int day = shape == Shape.EXTREME ? extremeDay(random) : base + random.nextInt(CustomerSummaries.NARROW_DAYS);
      String orderId = null;
      if (shape == Shape.ORDERS) {
        if (orderLeft == 0) {
          order++;
          orderLeft = 1 + random.nextInt(3);
        }
        orderLeft--;
        // the rows of one order are consecutive and of one customer, so orders straddle part boundaries
        c = order % customers;
        orderId = "o" + order;
      }
      isReturn |= c % 997 == 5; // a few customers have only returns
      builder.add("c" + c, day, isReturn ? -amount : amount, orderId,
          isReturn ? TransactionKind.RETURN : TransactionKind.SALE);
    }
    TransactionColumns columns = builder.build();
    assertThat(columns.size()).isEqualTo(n);
    int customerCount = columns.customerCount();

    Parallelism parallelism = threads == 0 ? Parallelism.of(ForkJoinPool.commonPool(), 2)
        : Parallelism.of(pool, threads);
    int parts = Math.max(1, Math.min(parallelism.threads(), n / CustomerSummaries.MIN_ROWS_PER_PART));
    boolean cutByRows = shape != Shape.ORDERS && customerCount < CustomerSummaries.BLOCKED_FROM_CUSTOMERS;

    int[] first = new int[customerCount];
    int[] last = new int[customerCount];
    int[] orders = new int[customerCount];
    int[] rows = new int[customerCount];
    boolean[] purchased = new boolean[customerCount];
    double[] onePass = new double[customerCount];
    double[] merged = new double[customerCount];
    double[] partSum = new double[customerCount];
    Set<Integer> seenOrders = new HashSet<>();
    for (int p = 0; p < parts; p++) {
      Arrays.fill(partSum, 0.0);
      for (int i = (int) ((long) n * p / parts); i < (int) ((long) n * (p + 1) / parts); i++) {
        int c = columns.customer(i);
        rows[c]++;
        onePass[c] += columns.amount(i);
        partSum[c] += columns.amount(i);
        if (columns.kind(i) == TransactionColumns.SALE) {
          int d = columns.day(i);
          first[c] = purchased[c] ? Math.min(first[c], d) : d;
          last[c] = purchased[c] ? Math.max(last[c], d) : d;
          purchased[c] = true;
          if (shape != Shape.ORDERS || seenOrders.add(columns.order(i))) {
            orders[c]++;
          }
        }
      }
      for (int c = 0; c < customerCount; c++) {
        merged[c] = p == 0 ? partSum[c] : merged[c] + partSum[c];
      }
    }

    CustomerSummaries s = CustomerSummaries.of(columns, parallelism);
    int withoutPurchase = 0;
    int differsFromOnePass = 0;
    for (int c = 0; c < customerCount; c++) {
      assertThat(s.rows(c)).as("rows of %s", c).isEqualTo(rows[c]);
      assertThat(s.orders(c)).as("orders of %s", c).isEqualTo(orders[c]);
      double expected = cutByRows && !wholeAmounts ? merged[c] : onePass[c];
      assertThat(Double.doubleToLongBits(s.monetary(c))).as("monetary of %s", c)
          .isEqualTo(Double.doubleToLongBits(expected));
      if (merged[c] != onePass[c]) {
        differsFromOnePass++;
      }
      if (orders[c] == 0) {
        withoutPurchase++;
        assertThat(s.hasPurchase(c)).isFalse();
        assertThat(s.firstDay(c)).isEqualTo(CustomerSummaries.NO_PURCHASE);
      } else {
        assertThat(s.firstDay(c)).as("first day of %s", c).isEqualTo(first[c]);
        assertThat(s.lastDay(c)).as("last day of %s", c).isEqualTo(last[c]);
      }
    }
    assertThat(withoutPurchase).as("customers with only returns").isPositive();
    if (cutByRows && !wholeAmounts && parts > 1) {
      // otherwise the merged and one-pass oracles could not tell a merge in the wrong order from the right one
      assertThat(differsFromOnePass).as("customers whose merged sum rounds differently").isPositive();
    }
  }

  private static int extremeDay(SplittableRandom random) {
    int pick = random.nextInt(1000);
    return pick == 0 ? Integer.MIN_VALUE : pick == 1 ? Integer.MAX_VALUE : pick < 50 ? -random.nextInt(1, 40_000)
        : 19_000 + random.nextInt(900);
  }
}
