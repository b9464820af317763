package io.github.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The part scheduling behind every parallel batch call. */
class ParallelismTest {

  @Test
  void everyPartRunsExactlyOnceOnUpToTheGivenThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int threads = 1; threads <= 5; threads++) {
        for (int parts = 0; parts <= 40; parts++) {
          AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(parts, 1));
          Set<Thread> used = ConcurrentHashMap.newKeySet();
          Parallelism.of(pool, threads).run(parts, p -> {
            runs.incrementAndGet(p);
            used.add(Thread.currentThread());
            Thread.onSpinWait();
          });
          for (int p = 0; p < parts; p++) {
            assertThat(runs.get(p)).as("runs of part %s of %s on %s threads", p, parts, threads).isEqualTo(1);
          }
          assertThat(used.size()).isLessThanOrEqualTo(threads);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theCallerRunsWhatARejectingOrIdleExecutorDoesNot() {
    List<Runnable> neverRun = new ArrayList<>();
    for (Parallelism parallelism : List.of(
        Parallelism.of(task -> {
          throw new RejectedExecutionException("full");
        }, 4),
        Parallelism.of(neverRun::add, 4))) {
      Thread caller = Thread.currentThread();
      AtomicIntegerArray runs = new AtomicIntegerArray(10);
      parallelism.run(10, p -> {
        assertThat(Thread.currentThread()).isSameAs(caller);
        runs.incrementAndGet(p);
      });
      for (int p = 0; p < 10; p++) {
        assertThat(runs.get(p)).isEqualTo(1);
      }
    }
    // the tasks the idle executor kept find nothing left to do when they run late
    assertThat(neverRun).hasSize(3);
    neverRun.forEach(Runnable::run);
  }

  @Test
  void aCallerOnTheExecutorsOnlyThreadDoesNotDeadlock() throws Exception {
    ExecutorService single = Executors.newSingleThreadExecutor();
    try {
      Parallelism parallelism = Parallelism.of(single, 4);
      AtomicIntegerArray runs = new AtomicIntegerArray(6);
      Future<?> done = single.submit(() -> parallelism.run(6, runs::incrementAndGet));
      done.get(30, TimeUnit.SECONDS);
      for (int p = 0; p < 6; p++) {
        assertThat(runs.get(p)).isEqualTo(1);
      }
    } finally {
      single.shutdownNow();
    }
  }

  @Test
  void theFirstFailureReachesTheCallerAfterEveryPartRan() {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      AtomicIntegerArray runs = new AtomicIntegerArray(8);
      assertThatThrownBy(() -> Parallelism.of(pool, 4).run(8, p -> {
        runs.incrementAndGet(p);
        if (p == 3 || p == 6) {
          throw new IllegalArgumentException("part " + p);
        }
      })).isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).isIn("part 3", "part 6"))
          .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
      for (int p = 0; p < 8; p++) {
        assertThat(runs.get(p)).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anInterruptDoesNotAbandonTheCallAndIsKept() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      AtomicIntegerArray runs = new AtomicIntegerArray(2);
      Thread.currentThread().interrupt();
      Parallelism.of(pool, 2).run(2, p -> {
        if (p == 1) {
          long until = System.nanoTime() + 20_000_000L;
          while (System.nanoTime() < until) {
            Thread.onSpinWait();
          }
        }
        runs.incrementAndGet(p);
      });
      assertThat(Thread.interrupted()).isTrue();
      assertThat(runs.get(0)).isEqualTo(1);
      assertThat(runs.get(1)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void partsFollowTheWorkAndTheThreads() {
    Parallelism four = Parallelism.of(Runnable::run, 4);
    assertThat(four.parts(0, 100)).isEqualTo(1);
    assertThat(four.parts(199, 100)).isEqualTo(1);
    assertThat(four.parts(200, 100)).isEqualTo(2);
    assertThat(four.parts(1_000_000, 100)).isEqualTo(4);
    assertThat(Parallelism.sequential().parts(1_000_000, 100)).isEqualTo(1);
    assertThat(Parallelism.commonPool().threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void badArgumentsAreRefusedByName() {
    assertThatThrownBy(() -> Parallelism.of(Runnable::run, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads must be between 1 and 256, was 0");
    assertThatThrownBy(() -> Parallelism.of(Runnable::run, 257)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads must be between 1 and 256, was 257");
    assertThatThrownBy(() -> Parallelism.of(null, 2)).isInstanceOf(NullPointerException.class)
        .hasMessage("executor");
    assertThat(Parallelism.of(Runnable::run, 1)).isSameAs(Parallelism.sequential());
    assertThat(Parallelism.of(Runnable::run, 3)).hasToString("Parallelism[threads=3]");
  }
}
