package io.github.crmkit.benchmarks;

import io.github.crmkit.model.Transaction;
import io.github.crmkit.testkit.SyntheticData;
import io.github.crmkit.testkit.SyntheticPurchases;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
 * Memory stays flat while the generator streams 10 million transactions: each operation streams every transaction of
 * {@code customers} customers as model objects ({@link SyntheticData#transactions()}, the path that allocates) in a
 * JVM whose heap is capped at 64 MB, and reports two counters:
 * <ul>
 *   <li>{@code transactions}: how many were streamed (about 1.1 million for 400,000 customers, 11 million for
 *       4 million customers);
 *   <li>{@code heapAfterGcBytes}: the heap in use right after a full collection at the end of the run, i.e. what the
 *       generator retains. It is the same for 1 million and 10 million transactions.
 * </ul>
 * Ten million retained {@code Transaction} objects would need gigabytes; finishing at all under {@code -Xmx64m}
 * already shows that nothing is retained per transaction. The peak heap used during the run
 * ({@code peakHeapBytes}, the sum of the heap pools' peaks since the iteration began) is reported too: it is bounded by
 * the young generation's size, not by the number of transactions.
 *
 * <p>JMH sums auxiliary counters over measured iterations, so there is exactly one measured run (after one warm-up
 * run): each counter reads for one run of the given size.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar GeneratorMemoryBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms64m", "-Xmx64m"})
@Warmup(iterations = 1)
@Measurement(iterations = 1)

public class GeneratorMemoryBenchmark {
  /** Customers per operation: about 1.1 million and 11 million transactions. */
  @Param({"400000", "4000000"})
  public int customers;

  private SyntheticData data;

  /** What one streaming run retained and peaked at. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Memory {
    /** Transactions streamed in the iteration. */
    public long transactions;
    /** Heap used after a full collection at the end of the run. */
    public long heapAfterGcBytes;
    /** The sum of the heap pools' peak usage during the run. */
    public long peakHeapBytes;

    /** Resets the counters and the pools' peaks before each iteration. */
    @Setup(Level.Iteration)
    public void reset() {
      transactions = 0;
      heapAfterGcBytes = 0;
      peakHeapBytes = 0;
      System.gc();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          pool.resetPeakUsage();
        }
      }
    }
  }

  /** Builds the generator. */
  @Setup(Level.Trial)
  public void setUp() {
    SyntheticPurchases purchases = GeneratorBenchmark.demoProcess(customers);
    data = SyntheticData.builder().purchases(purchases).build();
  }

  /**
   * Streams every transaction as a model object, then measures the heap.
   *
   * @param memory the counters
   * @param blackhole consumes every transaction
   */
  @Benchmark
  public void streamModelObjects(Memory memory, Blackhole blackhole) {
    long n = 0;
    for (Iterator<Transaction> it = data.transactions().iterator(); it.hasNext(); n++) {
      blackhole.consume(it.next());
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    memory.transactions = n;
    memory.peakHeapBytes = peak;
    memory.heapAfterGcBytes = runtime.totalMemory() - runtime.freeMemory();
  }
}
