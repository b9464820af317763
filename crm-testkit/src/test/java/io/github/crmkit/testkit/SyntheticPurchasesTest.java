package io.github.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Determinism, ordering, window, return and truth invariants of {@link SyntheticPurchases}. */
class SyntheticPurchasesTest {

  private static final long DAY = 86_400L;
  private static final BuyingProcess CDNOW_BG_NBD = BuyingProcess.bgNbd(0.243, 4.414, 0.793, 2.426);

  /** One emitted transaction, boxed for comparisons in tests only. */
  record Tx(int customer, long serial, long originalSerial, long epochSecond, long cents, boolean isReturn) {}

  static List<Tx> collect(SyntheticPurchases data) {
    List<Tx> txs = new ArrayList<>();
    data.forEach((c, s, o, t, a, r) -> txs.add(new Tx(c, s, o, t, a, r)));
    return txs;
  }

  static List<Tx> collectWithCursor(PurchaseCursor cursor) {
    List<Tx> txs = new ArrayList<>();
    while (cursor.next()) {
      txs.add(new Tx(cursor.customer(), cursor.serial(), cursor.originalSerial(), cursor.epochSecond(),
          cursor.amountCents(), cursor.isReturn()));
    }
    return txs;
  }

  private static SyntheticPurchases.Builder typical() {
    return SyntheticPurchases.builder()
        .seed(20240101L)
        .customers(2_000)
        .buyingProcess(BuyingProcess.bgNbd(0.8, 2.0, 0.8, 2.4))
        .returnProbability(0.1);
  }

  @Test
  void builderHasTheDocumentedDefaults() {
    SyntheticPurchases data = SyntheticPurchases.builder().buyingProcess(CDNOW_BG_NBD).build();
    assertThat(data.seed()).isZero();
    assertThat(data.customers()).isEqualTo(1);
    assertThat(data.startEpochDay()).isEqualTo(LocalDate.of(2024, 1, 1).toEpochDay());
    assertThat(data.startEpochSecond()).isEqualTo(LocalDate.of(2024, 1, 1).toEpochDay() * DAY);
    assertThat(data.endEpochSecond()).isEqualTo(LocalDate.of(2024, 1, 1).plusDays(546).toEpochDay() * DAY);
    assertThat(data.acquisitionDays()).isEqualTo(84);
    assertThat(data.observationDays()).isEqualTo(546);
    assertThat(data.daysPerTimeUnit()).isEqualTo(7.0);
    assertThat(data.buyingProcess()).isEqualTo(CDNOW_BG_NBD);
    assertThat(data.spendProcess()).isEqualTo(SpendProcess.gammaGamma(6.25, 3.74, 15.44));
    assertThat(data.returnProbability()).isZero();
    assertThat(data.toString()).contains("seed=0", "start=2024-01-01", "BuyingProcess.bgNbd(");
    assertThat(data.toBuilder().build()).isEqualTo(data).hasSameHashCodeAs(data);
    assertThat(data.toBuilder().seed(1).build()).isNotEqualTo(data);
  }

  @Test
  void builderRejectsBadSettings() {
    SyntheticPurchases.Builder builder = SyntheticPurchases.builder();
    assertThatThrownBy(() -> builder.customers(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customers must be at least 1, was 0");
    assertThatThrownBy(() -> builder.acquisitionDays(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("acquisitionDays must be at least 1, was 0");
    assertThatThrownBy(() -> builder.observationDays(-5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("observationDays must be at least 1, was -5");
    assertThatThrownBy(() -> builder.daysPerTimeUnit(0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("daysPerTimeUnit must be positive, was 0.0");
    assertThatThrownBy(() -> builder.returnProbability(1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("returnProbability must be in [0, 1), was 1.0");
    assertThatThrownBy(() -> builder.returnProbability(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.startEpochDay(Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("startEpochDay must be in [");
    assertThatThrownBy(() -> builder.buyingProcess(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("buyingProcess must be set");
    assertThatThrownBy(() -> builder.buyingProcess(CDNOW_BG_NBD).acquisitionDays(100).observationDays(99).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("acquisitionDays must not exceed observationDays, was 100 > 99");

    SyntheticPurchases data = builder.observationDays(100).customers(3).build();
    assertThatThrownBy(() -> data.truth(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customer must be in [0, 3), was 3");
    assertThatThrownBy(() -> data.cursor(2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customer range must be within [0, 3], was [2, 1)");
    assertThatThrownBy(() -> data.forEach(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void sameSettingsGiveTheSameSequenceOnAnyThread() throws Exception {
    SyntheticPurchases data = typical().build();
    List<Tx> first = collect(data);
    assertThat(first).hasSizeGreaterThan(5_000);
    assertThat(collect(typical().build())).isEqualTo(first);
    assertThat(collect(data.toBuilder().build())).isEqualTo(first);

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<Tx>> a = pool.submit(() -> collect(typical().build()));
      Future<List<Tx>> b = pool.submit(() -> collectWithCursor(data.cursor()));
      assertThat(a.get()).isEqualTo(first);
      assertThat(b.get()).isEqualTo(first);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void differentSeedsGiveDifferentSequences() {
    List<Tx> first = collect(typical().build());
    List<Tx> second = collect(typical().seed(20240102L).build());
    assertThat(second).isNotEqualTo(first);
    // not merely shifted: the first customer's first purchase differs
    assertThat(second.get(0).epochSecond()).isNotEqualTo(first.get(0).epochSecond());
    assertThat(typical().build().truth(0).lambda()).isNotEqualTo(typical().seed(20240102L).build().truth(0).lambda());
  }

  @Test
  void cursorGivesTheForEachSequence() {
    SyntheticPurchases data = typical().build();
    PurchaseCursor cursor = data.cursor();
    assertThatThrownBy(cursor::epochSecond)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no current transaction: the getters need a preceding next() that returned true");
    List<Tx> viaCursor = collectWithCursor(cursor);
    assertThat(viaCursor).isEqualTo(collect(data));
    assertThat(cursor.next()).isFalse();
    assertThatThrownBy(cursor::customer).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void customersAreGeneratedIndependently() {
    SyntheticPurchases data = typical().customers(60).build();
    List<Tx> all = collect(data);
    // the first 20 customers do not depend on how many customers follow
    List<Tx> twenty = collect(data.toBuilder().customers(20).build());
    assertThat(all.subList(0, twenty.size())).isEqualTo(twenty);
    assertThat(all.get(twenty.size()).customer()).isEqualTo(20);
    // a range is the matching slice of the whole
    List<Tx> range = collectWithCursor(data.cursor(20, 40));
    List<Tx> slice = all.stream().filter(t -> t.customer() >= 20 && t.customer() < 40).toList();
    assertThat(range).isEqualTo(slice);
    List<Tx> viaForEach = new ArrayList<>();
    data.forEach(20, 40, (c, s, o, t, a, r) -> viaForEach.add(new Tx(c, s, o, t, a, r)));
    assertThat(viaForEach).isEqualTo(slice);
    assertThat(collectWithCursor(data.cursor(60, 60))).isEmpty();
  }

  @Test
  void changingOnlyReturnsOrSpendKeepsTheSales() {
    SyntheticPurchases withReturns = typical().build();
    List<long[]> sales = sales(withReturns);
    assertThat(sales(withReturns.toBuilder().returnProbability(0.0).build()))
        .usingElementComparator(SyntheticPurchasesTest::compareArrays)
        .isEqualTo(sales);
    List<long[]> fixedSpend = sales(withReturns.toBuilder().spendProcess(SpendProcess.fixed(9.99)).build());
    assertThat(fixedSpend).hasSameSizeAs(sales);
    for (int i = 0; i < sales.size(); i++) {
      assertThat(fixedSpend.get(i)[0]).isEqualTo(sales.get(i)[0]);
      assertThat(fixedSpend.get(i)[1]).isEqualTo(sales.get(i)[1]);
      assertThat(fixedSpend.get(i)[2]).isEqualTo(999L);
    }
  }

  private static List<long[]> sales(SyntheticPurchases data) {
    List<long[]> sales = new ArrayList<>();
    data.forEach((c, s, o, t, a, r) -> {
      if (!r) {
        sales.add(new long[] {c, t, a});
      }
    });
    return sales;
  }

  private static int compareArrays(long[] a, long[] b) {
    return java.util.Arrays.compare(a, b);
  }

  @Test
  void everySettingKeepsTheOrderingWindowReturnAndTruthInvariants() {
    Gen<BuyingProcess> processes = integers().between(0, 2).zip(
        doubles().between(0.05, 3.0),
        doubles().between(0.3, 20.0),
        doubles().between(0.05, 5.0),
        (kind, r, alpha, shape) -> switch (kind) {
          case 0 -> BuyingProcess.bgNbd(r, alpha, shape, 1.0 + shape);
          case 1 -> BuyingProcess.paretoNbd(r, alpha, shape, 2.0 * shape + 1.0);
          default -> BuyingProcess.poisson(r, alpha);
        });
    Gen<SyntheticPurchases.Builder> windows = longs().all().zip(
        integers().between(1, 30),
        integers().between(-20_000, 60_000),
        integers().between(1, 120),
        integers().between(0, 400),
        (seed, customers, start, acquisition, extra) -> SyntheticPurchases.builder()
            .seed(seed)
            .customers(customers)
            .startEpochDay(start)
            .acquisitionDays(acquisition)
            .observationDays(acquisition + extra));
    Gen<SyntheticPurchases> settings = windows.zip(
        processes,
        doubles().between(0.5, 30.0),
        doubles().between(0.0, 0.9),
        (builder, process, daysPerUnit, returns) -> builder
            .buyingProcess(process)
            .daysPerTimeUnit(daysPerUnit)
            .returnProbability(returns)
            .build());
    qt().withFixedSeed(7L)
        .withExamples(200)
        .forAll(settings)
        .checkAssert(data -> assertInvariants(data, collect(data)));
  }

  @Test
  void theTypicalDataSetKeepsTheInvariants() {
    SyntheticPurchases data = typical().build();
    assertInvariants(data, collect(data));
    SyntheticPurchases pareto = typical().buyingProcess(BuyingProcess.paretoNbd(0.55, 10.58, 0.61, 11.67)).build();
    assertInvariants(pareto, collect(pareto));
    SyntheticPurchases poisson = typical().buyingProcess(BuyingProcess.poisson(0.55, 10.58)).build();
    assertInvariants(poisson, collect(poisson));
  }

  /**
   * Checks, for any data set: customers in index order, each customer's transactions in time order inside the window,
   * the serial layout, the first transaction being a sale inside the acquisition window, returns referring to an
   * earlier sale of the same customer 1 to 30 days before with its amount (each sale returned at most once), and the
   * truth agreeing with the sales.
   */
  static void assertInvariants(SyntheticPurchases data, List<Tx> txs) {
    long start = data.startEpochSecond();
    long end = data.endEpochSecond();
    assertThat(end).isEqualTo(start + data.observationDays() * DAY);
    int expectedCustomer = -1;
    long index = 0;
    long previousTime = Long.MIN_VALUE;
    long firstSale = 0;
    long lastSale = 0;
    long repeats = 0;
    Map<Long, Tx> salesBySerial = new HashMap<>();
    Set<Long> returned = new HashSet<>();
    for (Tx tx : txs) {
      if (tx.customer() != expectedCustomer) {
        if (expectedCustomer >= 0) {
          assertTruth(data, expectedCustomer, firstSale, lastSale, repeats);
        }
        assertThat(tx.customer()).as("customers in index order, none skipped").isEqualTo(expectedCustomer + 1);
        expectedCustomer = tx.customer();
        index = 0;
        previousTime = Long.MIN_VALUE;
        salesBySerial.clear();
        returned.clear();
        assertThat(tx.isReturn()).as("a customer starts with a sale").isFalse();
        assertThat(tx.epochSecond()).isBetween(start, start + data.acquisitionDays() * DAY - 1);
        firstSale = tx.epochSecond();
        lastSale = firstSale;
        repeats = -1;
      }
      assertThat(tx.serial()).isEqualTo(((long) tx.customer() << 32) | index);
      index++;
      assertThat(tx.epochSecond()).isGreaterThanOrEqualTo(previousTime).isBetween(start, end - 1);
      previousTime = tx.epochSecond();
      assertThat(tx.cents()).isNotNegative();
      if (tx.isReturn()) {
        Tx sale = salesBySerial.get(tx.originalSerial());
        assertThat(sale).as("a return refers to an earlier sale of the same customer").isNotNull();
        assertThat(returned.add(tx.originalSerial())).as("a sale is returned at most once").isTrue();
        assertThat(tx.epochSecond() - sale.epochSecond()).isBetween(DAY, 30 * DAY);
        assertThat(tx.cents()).isEqualTo(sale.cents());
      } else {
        assertThat(tx.originalSerial()).isEqualTo(-1L);
        salesBySerial.put(tx.serial(), tx);
        lastSale = tx.epochSecond();
        repeats++;
      }
    }
    assertThat(expectedCustomer).as("every customer has a first purchase").isEqualTo(data.customers() - 1);
    assertTruth(data, expectedCustomer, firstSale, lastSale, repeats);
  }

  private static void assertTruth(SyntheticPurchases data, int customer, long firstSale, long lastSale, long repeats) {
    CustomerTruth truth = data.truth(customer);
    assertThat(truth.customer()).isEqualTo(customer);
    assertThat(truth.firstPurchaseEpochSecond()).isEqualTo(firstSale);
    assertThat(truth.lastPurchaseEpochSecond()).isEqualTo(lastSale);
    assertThat(truth.repeatPurchases()).isEqualTo(repeats);
    assertThat(truth.lambda()).isNotNegative();
    double lastAfterDays = (lastSale - firstSale) / (double) DAY;
    switch (data.buyingProcess().kind()) {
      case BG_NBD -> {
        assertThat(truth.dropoutProbability()).isBetween(0.0, 1.0);
        assertThat(truth.dropoutRate()).isNaN();
        // a BG/NBD customer drops out right after a repeat purchase: at the last one if inside the window
        assertThat(truth.dropoutAfterDays()).isGreaterThanOrEqualTo(lastAfterDays);
        if (repeats == 0) {
          assertThat(truth.dropoutAfterDays()).isGreaterThan(0.0);
        }
        if (truth.firstPurchaseEpochSecond() + truth.dropoutAfterDays() * DAY < data.endEpochSecond() - 1) {
          assertThat(truth.dropoutAfterDays()).isCloseTo(lastAfterDays, within(1.0 / DAY));
        }
      }
      case PARETO_NBD -> {
        assertThat(truth.dropoutProbability()).isNaN();
        assertThat(truth.dropoutRate()).isNotNegative();
        assertThat(truth.dropoutAfterDays()).isGreaterThanOrEqualTo(lastAfterDays);
      }
      case POISSON -> {
        assertThat(truth.dropoutAfterDays()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(truth.dropsOut()).isFalse();
      }
    }
    if (data.spendProcess().kind() == SpendProcess.Kind.GAMMA_GAMMA) {
      assertThat(truth.meanSpend()).isEqualTo(data.spendProcess().p() / truth.nu());
    } else {
      assertThat(truth.nu()).isNaN();
      assertThat(truth.meanSpend()).isEqualTo(data.spendProcess().amount());
    }
  }

  @Test
  void returnsHappenAtTheConfiguredRate() {
    double returnProbability = 0.2;
    SyntheticPurchases data = SyntheticPurchases.builder()
        .seed(3)
        .customers(5_000)
        .buyingProcess(BuyingProcess.poisson(2.0, 2.0))
        .returnProbability(returnProbability)
        .build();
    long cutoff = data.endEpochSecond() - 30 * DAY;
    long[] counts = new long[2]; // eligible sales, their returns
    Map<Long, Long> saleTimes = new HashMap<>();
    data.forEach((c, s, o, t, a, r) -> {
      if (!r && t < cutoff) {
        counts[0]++;
        saleTimes.put(s, t);
      } else if (r && saleTimes.containsKey(o)) {
        counts[1]++;
      }
    });
    // every sale at least 30 days before the end has its return inside the window when it has one, so the fraction
    // returned is a binomial proportion: allow 5 standard errors
    double fraction = counts[1] / (double) counts[0];
    double standardError = Math.sqrt(returnProbability * (1 - returnProbability) / counts[0]);
    assertThat(counts[0]).isGreaterThan(100_000);
    assertThat(fraction).isCloseTo(returnProbability, within(5 * standardError));
    assertInvariants(data, collect(data));
  }

  /**
   * The bytes the current thread has allocated so far, through the {@code com.sun.management} extension (called
   * reflectively: this module does not read jdk.management), or -1 where it is not available.
   */
  private static long allocatedBytes() {
    try {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      Class<?> extension = Class.forName("com.sun.management.ThreadMXBean");
      if (!extension.isInstance(threads)) {
        return -1;
      }
      Method method = extension.getMethod("getThreadAllocatedBytes", long.class);
      return (Long) method.invoke(threads, Thread.currentThread().getId());
    } catch (ReflectiveOperationException | UnsupportedOperationException e) {
      return -1;
    }
  }

  @Test
  void streamingAllocatesNothingPerTransaction() {
    Assumptions.assumeTrue(allocatedBytes() >= 0, "per-thread allocation counter available");
    // the same 10 customers, buying about 13 (small) or 14,000 (large) times a week for 72 to 78 weeks
    SyntheticPurchases small = SyntheticPurchases.builder().seed(1).customers(10)
        .buyingProcess(BuyingProcess.poisson(1_000.0, 77.0)).returnProbability(0.05).build();
    SyntheticPurchases large = small.toBuilder().buyingProcess(BuyingProcess.poisson(1_100_000.0, 77.0)).build();
    long[] sum = new long[2];
    PurchaseSink sink = (c, s, o, t, a, r) -> {
      sum[0]++;
      sum[1] += a;
    };
    small.forEach(sink); // loads and initializes the classes
    sum[0] = 0;
    long before = allocatedBytes();
    small.forEach(sink);
    long smallBytes = allocatedBytes() - before;
    long smallCount = sum[0];
    sum[0] = 0;
    before = allocatedBytes();
    large.forEach(sink);
    long largeBytes = allocatedBytes() - before;
    long largeCount = sum[0];
    System.out.printf("allocated %,d bytes for %,d transactions and %,d bytes for %,d transactions%n", smallBytes,
        smallCount, largeBytes, largeCount);
    assertThat(largeCount).isGreaterThan(500 * smallCount).isGreaterThan(10_000_000L);
    // per-customer objects and the pending-return arrays (at most a few hundred thousand bytes here), nothing
    // proportional to the ~10 million transactions
    assertThat(largeBytes).as("bytes for %s transactions (%s bytes for %s)", largeCount, smallBytes, smallCount)
        .isLessThan(1_000_000L);
  }
}
