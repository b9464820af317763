package io.github.crmkit.scoring;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * How many threads a batch call may use, and the executor that runs the work beyond the calling thread's own share.
 * Batch calls that take a {@code Parallelism} ({@link CustomerSummaries#of(TransactionColumns, Parallelism)},
 * {@link RfmScorer#score(CustomerSummaries, int, Parallelism)}, {@link SegmentMap#summarize(RfmScores, Parallelism)})
 * split their work into at most {@link #threads()} parts; the calling thread always works on parts itself, and hands
 * the executor at most {@code threads - 1} tasks.
 *
 * <p>Guarantees:
 * <ul>
 *   <li><b>No deadlock on a busy or bounded executor.</b> Parts are claimed, not assigned: the caller claims parts
 *       until none are left and then waits only for parts that another thread has already started. A task the
 *       executor never starts, or rejects, leaves its parts to the caller. Passing the executor the caller itself
 *       runs on (even a single-thread one) is therefore safe.
 *   <li><b>Deterministic results.</b> How the work is cut depends on the input and on {@link #threads()} only,
 *       never on which thread ran which part or in what order; each call documents what, if anything, differs
 *       from the single-threaded result (for example the rounding of sums merged from parts).
 *   <li><b>Errors reach the caller.</b> An exception thrown in any part is rethrown on the calling thread after all
 *       started parts have finished; later ones are added to it as suppressed.
 *   <li>An interrupt while the caller waits does not abandon the call (the parts write into the result); the
 *       interrupt status is restored when the call returns.
 * </ul>
 *
 * <p>Example, both cores of a 2-core machine:
 * <pre>{@code
 * Parallelism two = Parallelism.of(ForkJoinPool.commonPool(), 2);
 * RfmScores scores = scorer.score(CustomerSummaries.of(columns, two), analysisDay, two);
 * SegmentSummary segments = SegmentMap.rfGrid().summarize(scores, two);
 * }</pre>
 *
 * <p>Measured on this project's 2-core VM (JMH, {@code benchmarks/README.md}): the whole RFM pipeline over 1 million
 * transactions took 11.4 to 11.8 ms on two threads against 14.5 to 15.9 ms on one.
 *
 * <p>Immutable and thread-safe; one instance may serve any number of concurrent calls.
 */
public final class Parallelism {
  private static final Parallelism SEQUENTIAL = new Parallelism(Runnable::run, 1);
  /** The most threads a call may ask for. */
  public static final int MAX_THREADS = 256;

  private final Executor executor;
  private final int threads;

  private Parallelism(Executor executor, int threads) {
    this.executor = executor;
    this.threads = threads;
  }

  /**
   * Everything on the calling thread.
   *
   * @return the single-threaded parallelism
   */
  public static Parallelism sequential() {
    return SEQUENTIAL;
  }

  /**
   * Up to {@code threads} threads: the calling thread and at most {@code threads - 1} tasks on {@code executor}.
   *
   * @param executor where the tasks beyond the caller's share run, for example {@link ForkJoinPool#commonPool()}
   * @param threads the most threads one call uses, 1 to {@value #MAX_THREADS}
   * @return the parallelism
   * @throws IllegalArgumentException if threads is out of range
   */
  public static Parallelism of(Executor executor, int threads) {
    Objects.requireNonNull(executor, "executor");
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException("threads must be between 1 and " + MAX_THREADS + ", was " + threads);
    }
    return threads == 1 ? SEQUENTIAL : new Parallelism(executor, threads);
  }

  /**
   * As many threads as the JVM has processors, the tasks beyond the caller's share on the common fork-join pool.
   *
   * @return the parallelism
   */
  public static Parallelism commonPool() {
    return of(ForkJoinPool.commonPool(), Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * The most threads one call uses, the caller's included.
   *
   * @return at least 1
   */
  public int threads() {
    return threads;
  }

  /**
   * The number of parts to cut {@code work} units into so that each part has at least {@code minPerPart} units
   * (but there is always one part), and there are no more parts than threads.
   */
  int parts(long work, long minPerPart) {
    return (int) Math.max(1, Math.min(threads, work / minPerPart));
  }

  /**
   * Runs {@code body} once for every part {@code 0 .. parts - 1}, on the calling thread and on up to
   * {@code threads - 1} tasks of the executor, and returns when all have finished. The body must write only what
   * its part owns.
   */
  void run(int parts, IntConsumer body) {
    if (parts <= 1 || threads == 1) {
      for (int p = 0; p < parts; p++) {
        body.accept(p);
      }
      return;
    }
    Batch batch = new Batch(parts, body);
    for (int h = Math.min(threads, parts) - 1; h > 0; h--) {
      try {
        executor.execute(batch);
      } catch (RejectedExecutionException e) {
        break; // the caller claims whatever no task does
      }
    }
    batch.run();
    batch.await();
  }

  /** Returns for example {@code Parallelism[threads=2]}. */
  @Override
  public String toString() {
    return "Parallelism[threads=" + threads + "]";
  }

  /** The parts of one call, claimed one at a time by whichever thread asks next. */
  private static final class Batch implements Runnable {
    /**
     * How long the caller spins for the last parts before it sleeps. Waking a sleeping thread costs tens of
     * microseconds on a virtual machine, and a batch's parts are of similar size, so the last ones usually finish
     * within this time.
     */
    private static final long SPIN_NANOS = 100_000;

    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final int parts;
    private final IntConsumer body;
    private volatile boolean sleeping;
    private Throwable failure; // guarded by this

    Batch(int parts, IntConsumer body) {
      this.parts = parts;
      this.body = body;
    }

    @Override
    public void run() {
      for (int p = next.getAndIncrement(); p < parts; p = next.getAndIncrement()) {
        try {
          body.accept(p);
        } catch (Throwable t) {
          fail(t);
        }
        // finished and sleeping are volatile: either this sees the caller asleep, or the caller sees every part done
        if (finished.incrementAndGet() == parts && sleeping) {
          synchronized (this) {
            notifyAll();
          }
        }
      }
    }

    private synchronized void fail(Throwable thrown) {
      if (failure == null) {
        failure = thrown;
      } else if (failure != thrown) {
        failure.addSuppressed(thrown);
      }
    }

    /** Waits for every part (all are claimed once the caller's own run returns), then rethrows the first failure. */
    void await() {
      long spinUntil = System.nanoTime() + SPIN_NANOS;
      while (finished.get() < parts && System.nanoTime() - spinUntil < 0) {
        Thread.onSpinWait();
      }
      Throwable failed;
      synchronized (this) {
        boolean interrupted = false;
        sleeping = true;
        while (finished.get() < parts) {
          try {
            wait();
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        failed = failure;
      }
      if (failed instanceof RuntimeException) {
        throw (RuntimeException) failed;
      }
      if (failed instanceof Error) {
        throw (Error) failed;
      }
      if (failed != null) {
        throw new IllegalStateException("a part failed", failed); // a body cannot throw a checked exception
      }
    }
  }
}
