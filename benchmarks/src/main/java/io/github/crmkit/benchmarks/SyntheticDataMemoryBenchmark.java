package io.github.crmkit.benchmarks;

import io.github.crmkit.model.Transaction;
import io.github.crmkit.testkit.PurchaseCursor;
import io.github.crmkit.testkit.PurchaseSink;
import io.github.crmkit.testkit.SyntheticData;
import io.github.crmkit.testkit.SyntheticPurchases;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Memory stays flat while the synthetic generator streams 10 million transactions: the heap needed for 10 million is
 * the heap needed for 1 million.
 *
 * <p>Each operation streams at least {@code transactions} transactions (1 million or 10 million: the
 * {@code @Param}) of the CDNOW-like data set of {@link SyntheticDataBenchmark}, with as many customers as that takes,
 * in a forked JVM whose heap is fixed at 64 MB ({@code -Xms64m -Xmx64m}), once through each face of the generator:
 * {@link #forEachPrimitive} ({@link SyntheticPurchases#forEach(PurchaseSink)}) and {@link #transactionsModel}
 * ({@link SyntheticData#transactions()}, one model {@link Transaction} each, handed to a {@link Blackhole}). A
 * retained model transaction costs hundreds of bytes (ids, an {@code Instant}, {@code Money} over a
 * {@code BigDecimal}), so 10 million of them would need gigabytes: finishing at all in 64 MB shows that the stream does
 * not keep what it has emitted. The counters (JMH's {@code @AuxCounters}, one line each in the report) say how much
 * heap it did need:
 *
 * <ul>
 *   <li>{@code transactions}: the transactions streamed, exactly (at least the {@code @Param}; the last customer is
 *       streamed to its end).
 *   <li>{@code heapPeakMB}: the peak of the heap in use during the stream, garbage included, in MiB. It is measured,
 *       not sampled: the JVM reports the heap in use before every collection, and between collections the heap only
 *       grows, so the peak is the highest of those values or the heap in use at the end of the stream (see
 *       {@link HeapWatch}). The fork uses the Serial collector ({@code -XX:+UseSerialGC}) because it frees memory only
 *       in the collections it reports. This value is bounded by the young generation's size plus what survives, not
 *       by the number of transactions; it would climb to the 64 MB limit (and end in {@code OutOfMemoryError}) if
 *       anything were retained per transaction.
 *   <li>{@code heapLiveMidStreamMB}: the live heap while the stream is still open: at the {@code transactions}-th
 *       transaction (one million or ten million in), the sink runs a full collection ({@code System.gc()}) and reads
 *       the heap in use. Everything still reachable then, the generator's state included, is in this number, and it
 *       is the same after 10 million transactions as after 1 million.
 *   <li>{@code heapMaxAfterGcMB}: the most heap in use right after any collection during the stream, an upper bound
 *       of the live heap at every collection (dead objects promoted to the old generation stay until a full
 *       collection).
 *   <li>{@code heapMaxMB}: the heap the JVM may use ({@link Runtime#maxMemory()}; with the Serial collector it excludes
 *       one survivor space, so it is a little under 64).
 * </ul>
 *
 * <p>The score (single-shot time per operation) includes the one full collection of the mid-stream probe; it is not
 * the point of this benchmark ({@link SyntheticDataBenchmark} measures the rate). Before each iteration a full
 * collection starts from a clean heap and the counters are reset. JMH sums {@code @AuxCounters} over measurement
 * iterations (there is no "max" counter), so the default is two warm-up iterations and one measurement iteration;
 * every iteration, warm-up included, also prints its counters on a line starting with {@code [heap]}. With
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes allocated per operation: divided by {@code transactions},
 * bytes per transaction, all of it garbage that the collector reclaimed within 64 MB.
 *
 * <p>Run from the repository root, after {@code mvn -q -B -o install -pl benchmarks}:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar SyntheticDataMemoryBenchmark -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms64m", "-Xmx64m", "-XX:+UseSerialGC"})
@Warmup(iterations = 2)
@Measurement(iterations = 1)
public class SyntheticDataMemoryBenchmark {

  private static final double MIB = 1024.0 * 1024.0;

  /** How many transactions to stream, at least; the live heap is probed at exactly this transaction. */
  @Param({"1000000", "10000000"})
  public int transactions;

  private SyntheticPurchases purchases;
  private SyntheticData data;
  private long streamed;
  private ProbingSink sink;
  private ProbingConsumer consumer;
  private HeapWatch watch;

  /**
   * Chooses the number of customers (the fewest whose transactions reach {@code transactions}; a customer's
   * transactions do not depend on how many customers there are), counts what they stream, and installs the heap watch.
   *
   * @param blackhole consumes the model transactions
   */
  @Setup(Level.Trial)
  public void setUp(Blackhole blackhole) {
    // every customer makes at least one purchase, so `transactions` customers are enough
    PurchaseCursor cursor = SyntheticDataBenchmark.cdnow(transactions).cursor();
    long n = 0;
    while (n < transactions && cursor.next()) {
      n++;
    }
    if (n < transactions) {
      throw new IllegalStateException(
          "the data set must have at least " + transactions + " transactions, has " + n);
    }
    purchases = SyntheticDataBenchmark.cdnow(cursor.customer() + 1);
    data = SyntheticData.builder().purchases(purchases).build();
    sink = new ProbingSink(transactions);
    consumer = new ProbingConsumer(transactions, blackhole);
    purchases.forEach(sink);
    streamed = sink.count;
    watch = HeapWatch.instance();
    System.out.printf("%n[heap] %,d customers stream %,d transactions; max heap %.1f MiB; collectors %s%n",
        purchases.customers(), streamed, Runtime.getRuntime().maxMemory() / MIB, watch.collectorNames());
  }

  /**
   * Streams through the primitive callback; the sink probes the live heap at the {@code transactions}-th transaction.
   *
   * @param heap the counters
   * @return the checksum, so that the work cannot be eliminated
   */
  @Benchmark
  public long forEachPrimitive(HeapCounters heap) {
    sink.reset();
    purchases.forEach(sink);
    heap.record(sink.count, sink.liveAtProbe, streamed);
    return sink.checksum;
  }

  /**
   * Streams model transactions; the consumer probes the live heap at the {@code transactions}-th transaction.
   *
   * @param heap the counters
   */
  @Benchmark
  public void transactionsModel(HeapCounters heap) {
    consumer.reset();
    data.transactions().forEach(consumer);
    heap.record(consumer.count, consumer.liveAtProbe, streamed);
  }

  /**
   * The heap counters of one iteration, in MiB; see the class comment for what each means.
   *
   * <p>Not thread-safe: one per benchmark thread (there is one).
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class HeapCounters {
    /** The transactions streamed. */
    public long transactions;
    /** The peak heap in use during the stream, in MiB. */
    public double heapPeakMB;
    /** The live heap at the probed transaction, in MiB. */
    public double heapLiveMidStreamMB;
    /** The most heap in use after any collection during the stream, in MiB. */
    public double heapMaxAfterGcMB;
    /** The heap the JVM may use, in MiB. */
    public double heapMaxMB;

    private long usedAtEnd;

    /** Starts the iteration from a clean heap: a full collection, then the watch forgets it. */
    @Setup(Level.Iteration)
    public void startIteration() {
      transactions = 0;
      heapPeakMB = 0;
      heapLiveMidStreamMB = 0;
      heapMaxAfterGcMB = 0;
      heapMaxMB = 0;
      usedAtEnd = 0;
      System.gc();
      HeapWatch.instance().reset();
    }

    void record(long count, long liveAtProbe, long expected) {
      usedAtEnd = HeapWatch.usedBytes();
      if (count != expected) {
        throw new IllegalStateException("the stream must have " + expected + " transactions, had " + count);
      }
      transactions = count;
      heapLiveMidStreamMB = liveAtProbe / MIB;
    }

    /** Reads the watch once the stream has ended, outside the measured time. */
    @TearDown(Level.Iteration)
    public void endIteration() {
      HeapWatch watch = HeapWatch.instance();
      watch.awaitDelivered();
      heapPeakMB = watch.peakUsedBytes(usedAtEnd) / MIB;
      heapMaxAfterGcMB = watch.maxUsedAfterGcBytes() / MIB;
      heapMaxMB = Runtime.getRuntime().maxMemory() / MIB;
      System.out.printf("%n[heap] transactions %,d: peak %.1f MiB, live mid-stream %.1f MiB, max after GC %.1f MiB,"
          + " %d collections, max heap %.1f MiB%n",
          transactions, heapPeakMB, heapLiveMidStreamMB, heapMaxAfterGcMB, watch.collections(), heapMaxMB);
    }
  }

  /** Counts, checksums, and probes the live heap once, at the {@code probeAt}-th transaction. */
  static final class ProbingSink implements PurchaseSink {
    private final long probeAt;
    long count;
    long checksum;
    long liveAtProbe;

    ProbingSink(long probeAt) {
      this.probeAt = probeAt;
    }

    void reset() {
      count = 0;
      liveAtProbe = 0;
    }

    @Override
    public void accept(
        int customer, long transactionSerial, long originalSerial, long epochSecond, long amountCents,
        boolean isReturn) {
      checksum += (transactionSerial ^ originalSerial ^ epochSecond ^ amountCents) + (isReturn ? customer : 0);
      if (++count == probeAt) {
        liveAtProbe = HeapWatch.liveBytes();
      }
    }
  }

  /** Hands every model transaction to a {@link Blackhole}; probes the live heap at the {@code probeAt}-th one. */
  static final class ProbingConsumer implements Consumer<Transaction> {
    private final long probeAt;
    private final Blackhole blackhole;
    long count;
    long liveAtProbe;

    ProbingConsumer(long probeAt, Blackhole blackhole) {
      this.probeAt = probeAt;
      this.blackhole = blackhole;
    }

    void reset() {
      count = 0;
      liveAtProbe = 0;
    }

    @Override
    public void accept(Transaction transaction) {
      blackhole.consume(transaction);
      if (++count == probeAt) {
        liveAtProbe = HeapWatch.liveBytes();
      }
    }
  }
}
