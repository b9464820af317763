package io.github.crmkit.benchmarks;

import io.github.crmkit.model.Transaction;
import io.github.crmkit.testkit.BuyingProcess;
import io.github.crmkit.testkit.PurchaseSink;
import io.github.crmkit.testkit.SpendProcess;
import io.github.crmkit.testkit.SyntheticData;
import io.github.crmkit.testkit.SyntheticPurchases;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The synthetic data generator's rate, in transactions per second, through its two faces: the primitive
 * {@link SyntheticPurchases#forEach} callback (no allocation per transaction) and {@link SyntheticData#transactions()}
 * (one validated model {@link Transaction} per transaction).
 *
 * <p>One operation streams every transaction of {@code customers} customers with the demo's process (BG/NBD with
 * CDNOW's parameters, Gamma-Gamma spend, 3% returns, 78 weeks). The {@code transactions} counter is reported by JMH as
 * a rate, so its score is transactions per second; divide {@code gc.alloc.rate.norm} (bytes per operation, with
 * {@code -prof gc}) by the transactions per operation printed at setup to get bytes per transaction.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar GeneratorBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
public class GeneratorBenchmark {
  /** Customers per operation. */
  @Param({"100000"})
  public int customers;

  private SyntheticPurchases purchases;
  private SyntheticData data;
  private long transactionsPerOperation;

  /** Counts the transactions streamed; JMH reports it per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counter {
    /** Transactions streamed, reported as a rate. */
    public long transactions;

    /** Resets the counter before each iteration. */
    @Setup(Level.Iteration)
    public void reset() {
      transactions = 0;
    }
  }

  /** Builds the generator and counts the transactions of one operation. */
  @Setup(Level.Trial)
  public void setUp() {
    purchases = demoProcess(customers);
    data = SyntheticData.builder().purchases(purchases).build();
    long[] count = new long[1];
    purchases.forEach((c, serial, original, epochSecond, cents, isReturn) -> count[0]++);
    transactionsPerOperation = count[0];
    System.out.printf("%n# %,d transactions per operation (%,d customers)%n", transactionsPerOperation, customers);
  }

  static SyntheticPurchases demoProcess(int customers) {
    return SyntheticPurchases.builder().seed(42).customers(customers).acquisitionDays(84).observationDays(546)
        .buyingProcess(BuyingProcess.bgNbd(0.243, 4.414, 0.793, 2.426))
        .spendProcess(SpendProcess.gammaGamma(6.25, 3.74, 15.44)).returnProbability(0.03).build();
  }

  /** A sink that folds every transaction into a checksum, so that nothing can be optimised away. */
  static final class ChecksumSink implements PurchaseSink {
    long checksum;
    long count;

    @Override
    public void accept(int customer, long serial, long originalSerial, long epochSecond, long amountCents,
        boolean isReturn) {
      checksum += serial ^ epochSecond ^ amountCents ^ customer;
      count++;
    }
  }

  /**
   * Streams one operation's transactions through the primitive callback.
   *
   * @param counter the transaction counter
   * @return a checksum
   */
  @Benchmark
  public long primitive(Counter counter) {
    ChecksumSink sink = new ChecksumSink();
    purchases.forEach(sink);
    counter.transactions += sink.count;
    return sink.checksum;
  }

  /**
   * Streams one operation's transactions as model objects.
   *
   * @param counter the transaction counter
   * @param blackhole consumes every transaction
   */
  @Benchmark
  public void modelObjects(Counter counter, Blackhole blackhole) {
    long n = 0;
    for (Iterator<Transaction> it = data.transactions().iterator(); it.hasNext(); n++) {
      blackhole.consume(it.next());
    }
    counter.transactions += n;
  }
}
