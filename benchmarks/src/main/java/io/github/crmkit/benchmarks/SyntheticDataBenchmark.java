package io.github.crmkit.benchmarks;

import io.github.crmkit.model.Transaction;
import io.github.crmkit.testkit.BuyingProcess;
import io.github.crmkit.testkit.PurchaseSink;
import io.github.crmkit.testkit.SpendProcess;
import io.github.crmkit.testkit.SyntheticData;
import io.github.crmkit.testkit.SyntheticPurchases;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The rate of crm-testkit's synthetic purchase generator, in transactions per second, and what it allocates per
 * transaction, through its two faces.
 *
 * <ul>
 *   <li>{@link #forEachPrimitive}: {@link SyntheticPurchases#forEach(PurchaseSink)} into a sink that folds every
 *       transaction's primitives into a checksum. This is the path engines and bulk loaders use.
 *   <li>{@link #transactionsModel}: {@link SyntheticData#transactions()}, one validated model {@link Transaction} per
 *       transaction (id strings, {@code Instant}, {@code Money} over {@code BigDecimal}), each handed to a
 *       {@link Blackhole} so that it escapes as it would to a real consumer.
 *   <li>{@link #forEachPrimitiveFrequentBuyers}: the primitive path again, over a population with about 750
 *       transactions per customer instead of about 2.9. It separates the generator's cost per customer (a customer
 *       starts with a few small objects: its random streams) from its cost per transaction (nothing is allocated).
 * </ul>
 *
 * <p>One invocation streams a whole data set of about a million transactions. The data sets are fixed (seed 42), so
 * their transaction counts are exact constants, and each benchmark declares its count with
 * {@link OperationsPerInvocation}: JMH's score is then <em>transactions per second</em>, and with {@code -prof gc},
 * {@code gc.alloc.rate.norm} is <em>bytes allocated per transaction</em>. {@link #setUp} streams every data set once
 * and refuses to run if a count differs from its constant (that is, if the generator changed), so a report can never
 * be normalised by a wrong count. The inputs (generators, sinks, the consumer) are built in {@code @Setup}; nothing is
 * allocated per invocation by the benchmark itself, so what {@code -prof gc} reports is the generator's own
 * allocation.
 *
 * <p>The main population is the CDNOW customer base as Fader, Hardie and Lee fitted it: BG/NBD buying and dropout
 * ({@code r = 0.243, alpha = 4.414, a = 0.793, b = 2.426}, rates per week), Gamma-Gamma spend
 * ({@code p = 6.25, q = 3.74, gamma = 15.44}), 3% returns, first purchases over 12 weeks, 78 weeks observed.
 *
 * <p>Run from the repository root, after {@code mvn -q -B -o install -pl benchmarks}:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar SyntheticDataBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s -prof gc
 * }</pre>
 *
 * <p>The companion {@link SyntheticDataMemoryBenchmark} shows that the heap stays flat over 10 million transactions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class SyntheticDataBenchmark {

  /** Customers of the CDNOW-like data set: chosen for about a million transactions. */
  static final int CDNOW_CUSTOMERS = 350_000;

  /** The exact number of transactions of the CDNOW-like data set (seed 42), checked in {@link #setUp}. */
  static final int CDNOW_TRANSACTIONS = 999_037;

  /** Customers of the frequent-buyer data set: chosen for about a million transactions. */
  static final int FREQUENT_CUSTOMERS = 1_300;

  /** The exact number of transactions of the frequent-buyer data set (seed 42), checked in {@link #setUp}. */
  static final int FREQUENT_TRANSACTIONS = 971_883;

  private SyntheticPurchases cdnow;
  private SyntheticData cdnowData;
  private SyntheticPurchases frequentBuyers;
  private ChecksumSink sink;
  private Consumer<Transaction> consumer;

  /**
   * The CDNOW-like process: BG/NBD with Fader, Hardie and Lee's CDNOW estimates, Gamma-Gamma spend, 3% returns.
   *
   * @param customers the number of customers
   * @return the data set, seed 42
   */
  static SyntheticPurchases cdnow(int customers) {
    return SyntheticPurchases.builder()
        .seed(42)
        .customers(customers)
        .buyingProcess(BuyingProcess.bgNbd(0.243, 4.414, 0.793, 2.426))
        .spendProcess(SpendProcess.gammaGamma(6.25, 3.74, 15.44))
        .returnProbability(0.03)
        .build();
  }

  /**
   * Builds the data sets, the sink and the consumer, and checks every transaction count by streaming each data set
   * once (which also warms up the generator's code, through the same sink class the benchmark uses).
   *
   * @param blackhole the blackhole that the model path's consumer feeds
   * @throws IllegalStateException if a data set no longer has the number of transactions its constant declares
   */
  @Setup(Level.Trial)
  public void setUp(Blackhole blackhole) {
    cdnow = cdnow(CDNOW_CUSTOMERS);
    cdnowData = SyntheticData.builder().purchases(cdnow).build();
    frequentBuyers = SyntheticPurchases.builder()
        .seed(42)
        .customers(FREQUENT_CUSTOMERS)
        .buyingProcess(BuyingProcess.poisson(10.0, 1.0))
        .returnProbability(0.03)
        .build();
    sink = new ChecksumSink();
    consumer = blackhole::consume;

    check("CDNOW_TRANSACTIONS", CDNOW_TRANSACTIONS, count(cdnow));
    check("CDNOW_TRANSACTIONS (model path)", CDNOW_TRANSACTIONS, cdnowData.transactions().count());
    check("FREQUENT_TRANSACTIONS", FREQUENT_TRANSACTIONS, count(frequentBuyers));
  }

  private long count(SyntheticPurchases purchases) {
    long before = sink.count;
    purchases.forEach(sink);
    return sink.count - before;
  }

  private static void check(String constant, long expected, long actual) {
    if (actual != expected) {
      throw new IllegalStateException(
          constant + " must be the data set's transaction count, expected " + expected + ", actual " + actual
              + " (the generator changed: update the constant)");
    }
  }

  /**
   * Streams the CDNOW-like data set through the primitive callback. Score: transactions per second.
   *
   * @return the running checksum, so that the work cannot be eliminated
   */
  @Benchmark
  @OperationsPerInvocation(CDNOW_TRANSACTIONS)
  public long forEachPrimitive() {
    cdnow.forEach(sink);
    return sink.checksum;
  }

  /**
   * Streams the CDNOW-like data set as model objects, each consumed by a {@link Blackhole}. Score: transactions per
   * second.
   */
  @Benchmark
  @OperationsPerInvocation(CDNOW_TRANSACTIONS)
  public void transactionsModel() {
    cdnowData.transactions().forEach(consumer);
  }

  /**
   * Streams the frequent-buyer data set (about 750 transactions per customer) through the primitive callback. Score:
   * transactions per second.
   *
   * @return the running checksum, so that the work cannot be eliminated
   */
  @Benchmark
  @OperationsPerInvocation(FREQUENT_TRANSACTIONS)
  public long forEachPrimitiveFrequentBuyers() {
    frequentBuyers.forEach(sink);
    return sink.checksum;
  }

  /**
   * Folds every transaction into fields of a long-lived object, so the JIT must keep every value the generator
   * computes. Allocated once, in {@code @Setup}.
   */
  static final class ChecksumSink implements PurchaseSink {
    long checksum;
    long count;

    @Override
    public void accept(
        int customer, long transactionSerial, long originalSerial, long epochSecond, long amountCents,
        boolean isReturn) {
      checksum += (transactionSerial ^ originalSerial ^ epochSecond ^ amountCents) + (isReturn ? customer : 0);
      count++;
    }
  }
}
