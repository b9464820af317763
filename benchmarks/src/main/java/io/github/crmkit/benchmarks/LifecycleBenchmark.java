package io.github.crmkit.benchmarks;

import io.github.crmkit.lifecycle.FireResult;
import io.github.crmkit.lifecycle.FunnelReport;
import io.github.crmkit.lifecycle.Funnels;
import io.github.crmkit.lifecycle.LifecycleEvent;
import io.github.crmkit.lifecycle.LifecyclePresets;
import io.github.crmkit.lifecycle.PipelineDefinition;
import io.github.crmkit.lifecycle.Stage;
import io.github.crmkit.lifecycle.StageHistory;
import io.github.crmkit.lifecycle.StageKind;
import io.github.crmkit.lifecycle.StageTimeSummary;
import io.github.crmkit.lifecycle.TransitionContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * crm-lifecycle: events fired per second, and funnel reports over 10 million stage-history rows.
 *
 * <ul>
 *   <li>{@link Fire#acceptedMove}: {@link PipelineDefinition#fire} on the opportunity preset, direct moves that are
 *       all accepted (forward moves, and reopens backward), half of them into gated stages (the gate checks the
 *       context's amount). Inputs are built once in {@code @Setup} and indexed with {@code i++ & MASK}; the only
 *       allocation per event is the {@link FireResult} ({@code gc.alloc.rate.norm}).
 *   <li>{@link Fire#acceptedNamed}: the same with the lead lifecycle's named transitions.
 *   <li>{@link Fire#rejected}: events the table rejects (moves back without reopen, moves into the current stage).
 *   <li>{@link History#cohortFunnel} and {@link History#periodFunnel}: {@link Funnels#cohort} (one quarter's
 *       entries, followed through all later changes) and {@link Funnels#period} (one quarter's changes) over a
 *       history of 10,000,000 rows of 2,000,000 opportunities, with stage velocity (mean days per completed visit)
 *       for every stage. The history chains each object's rows as they are appended, so no report sorts or groups
 *       rows first; the setup prints the time of the first (cold) report.
 *   <li>{@link #timeInStage}: {@link Funnels#timeInStage} of every stage over the same 10,000,000 rows.
 * </ul>
 * Single-threaded. Results in {@code benchmarks/README.md}.
 */
public class LifecycleBenchmark {
  private static final int MASK = 1023;

  /** Pre-built accepted and rejected events. */
  @State(Scope.Thread)
  public static class Fire {
    PipelineDefinition sales;
    PipelineDefinition leads;
    Stage[] moveFrom = new Stage[MASK + 1];
    LifecycleEvent[] moveEvent = new LifecycleEvent[MASK + 1];
    Stage[] namedFrom = new Stage[MASK + 1];
    LifecycleEvent[] namedEvent = new LifecycleEvent[MASK + 1];
    Stage[] rejectFrom = new Stage[MASK + 1];
    LifecycleEvent[] rejectEvent = new LifecycleEvent[MASK + 1];
    TransitionContext context;
    int i;

    @Setup
    public void setUp() {
      sales = LifecyclePresets.opportunityPipeline();
      leads = LifecyclePresets.leadLifecycle();
      context = TransitionContext.of("opp-1", Instant.parse("2026-03-02T10:00:00Z")).withAmount(1200)
          .withActor("agent-1");
      SplittableRandom random = new SplittableRandom(42);
      List<Stage> open = new ArrayList<>();
      for (Stage stage : sales.stages()) {
        if (stage.kind() == StageKind.OPEN) {
          open.add(stage);
        }
      }
      for (int k = 0; k <= MASK; k++) {
        Stage from = open.get(random.nextInt(open.size()));
        Stage to = sales.stages().get(random.nextInt(sales.stages().size() - 1)); // never lost (needs a reason)
        while (to == from) {
          to = sales.stages().get(random.nextInt(sales.stages().size() - 1));
        }
        boolean back = to.kind() == StageKind.OPEN && to.order() < from.order();
        moveFrom[k] = from;
        moveEvent[k] = back ? sales.reopenTo(to.name()) : sales.moveTo(to.name());
        rejectFrom[k] = from;
        rejectEvent[k] = back ? sales.moveTo(to.name()) : sales.moveTo(from.name());
        check(sales.fire(moveFrom[k], moveEvent[k], context).accepted(), "accepted move");
        check(!sales.fire(rejectFrom[k], rejectEvent[k], context).accepted(), "rejected move");
      }
      String[][] named = {{"new", "contact"}, {"new", "qualify"}, {"contacted", "qualify"},
          {"qualified", "convert"}, {"contacted", "disqualify"}, {"qualified", "recycle"},
          {"disqualified", "reopen"}, {"recycled", "reopen"}};
      for (int k = 0; k <= MASK; k++) {
        String[] pick = named[random.nextInt(named.length)];
        namedFrom[k] = leads.stage(pick[0]);
        namedEvent[k] = leads.event(pick[1]);
        check(leads.fire(namedFrom[k], namedEvent[k], context).accepted(), "accepted named");
      }
    }
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("setup: expected every " + what);
    }
  }

  /**
   * One accepted direct move of the opportunity pipeline.
   *
   * @param s the events
   * @return the result
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(time = 2)
  @Measurement(time = 3)
  @Fork(jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
  public FireResult acceptedMove(Fire s) {
    int k = s.i++ & MASK;
    return s.sales.fire(s.moveFrom[k], s.moveEvent[k], s.context);
  }

  /**
   * One accepted named transition of the lead lifecycle.
   *
   * @param s the events
   * @return the result
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(time = 2)
  @Measurement(time = 3)
  @Fork(jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
  public FireResult acceptedNamed(Fire s) {
    int k = s.i++ & MASK;
    return s.leads.fire(s.namedFrom[k], s.namedEvent[k], s.context);
  }

  /**
   * One rejected direct move.
   *
   * @param s the events
   * @return the result
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(time = 2)
  @Measurement(time = 3)
  @Fork(jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
  public FireResult rejected(Fire s) {
    int k = s.i++ & MASK;
    return s.sales.fire(s.rejectFrom[k], s.rejectEvent[k], s.context);
  }

  /** A history of 10 million rows of 2 million opportunities over two years, built once. */
  @State(Scope.Benchmark)
  public static class History {
    static final int OBJECTS = 2_000_000;
    static final int ROWS = 10_000_000;
    PipelineDefinition sales;
    StageHistory history;
    Instant quarterStart = Instant.parse("2025-04-01T00:00:00Z");
    Instant quarterEnd = Instant.parse("2025-07-01T00:00:00Z");
    Instant asOf = Instant.parse("2027-06-01T00:00:00Z");

    @Setup
    public void setUp() {
      sales = LifecyclePresets.opportunityPipeline();
      history = new StageHistory(ROWS);
      SplittableRandom random = new SplittableRandom(7);
      List<Stage> stages = sales.stages();
      int openCount = 6;
      long start = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
      long twoYears = 730L * 86_400_000L;
      int rows = 0;
      for (int o = 0; o < OBJECTS; o++) {
        String id = "opp-" + o;
        int changes = o == OBJECTS - 1 ? ROWS - rows : Math.min(ROWS - rows - (OBJECTS - 1 - o), 5);
        long at = start + (long) (random.nextDouble() * twoYears * 0.8);
        int level = 0;
        Stage current = stages.get(0);
        history.append(id, "sales", null, current.name(), at, "agent-" + random.nextInt(50), null, null,
            Double.NaN, current.probability());
        rows++;
        for (int c = 1; c < changes; c++) {
          at += 1 + (long) (random.nextDouble() * 20 * 86_400_000L);
          Stage next;
          if (current.kind() != StageKind.OPEN) {
            next = stages.get(random.nextInt(openCount)); // reopen
          } else {
            int roll = random.nextInt(10);
            if (roll == 0) {
              next = stages.get(7); // lost
            } else if (roll == 1 || level == openCount - 1) {
              next = stages.get(6); // won
            } else if (roll == 2 && level > 0) {
              next = stages.get(random.nextInt(level)); // back
            } else {
              next = stages.get(level + 1 + random.nextInt(Math.min(2, openCount - 1 - level)));
            }
          }
          level = next.kind() == StageKind.OPEN ? stages.indexOf(next) : level;
          history.append(id, "sales", current.name(), next.name(), at, "agent-" + random.nextInt(50), null,
              next.kind() == StageKind.LOST ? "price" : null, 1000 + random.nextInt(9000), next.probability());
          current = next;
          rows++;
        }
      }
      check(history.size() == ROWS, "row of the 10 million");
      long t0 = System.nanoTime();
      FunnelReport first = Funnels.period(history, sales, quarterStart, quarterEnd);
      System.out.printf("[lifecycle] %,d rows, %,d objects; first period report %d ms; %,d objects in"
          + " the period%n", history.size(), history.objectCount(), (System.nanoTime() - t0) / 1_000_000,
          first.objects());
    }
  }

  /**
   * The cohort funnel of one quarter over 10 million rows.
   *
   * @param s the history
   * @return the report
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(time = 5)
  @Measurement(time = 5)
  @Fork(jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
  public FunnelReport cohortFunnel(History s) {
    return Funnels.cohort(s.history, s.sales, s.quarterStart, s.quarterEnd, null);
  }

  /**
   * Time in stage of every stage (objects, visits, mean total and latest days) over 10 million rows, as of the end
   * of the history.
   *
   * @param s the history
   * @return the report
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(time = 5)
  @Measurement(time = 5)
  @Fork(jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
  public List<StageTimeSummary> timeInStage(History s) {
    return Funnels.timeInStage(s.history, s.sales, s.asOf, null);
  }

  /**
   * The period funnel of one quarter over 10 million rows.
   *
   * @param s the history
   * @return the report
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(time = 5)
  @Measurement(time = 5)
  @Fork(jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
  public FunnelReport periodFunnel(History s) {
    return Funnels.period(s.history, s.sales, s.quarterStart, s.quarterEnd);
  }
}
