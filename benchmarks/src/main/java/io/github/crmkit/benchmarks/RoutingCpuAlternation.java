package io.github.crmkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link RoutingBenchmark#decide} against {@link RoutingBenchmark#droolsFirstMatch} in one JVM, alternating every few
 * hundred milliseconds, in thread CPU time: a check of their ratio that the host's drift between JMH forks does not
 * reach. Not a JMH benchmark, and not what the targets are judged by (JMH is); it shows what the ratio is when both
 * sides run within the same second.
 *
 * <p>Each round times 400,000 decisions (the benchmark's state: 1,000 agents, 100 rules, the same 1,024 leads, each
 * lead released after its decision), then 50,000 Drools first matches on the same leads, and prints the ratio of
 * CPU time per operation. Six rounds warm up first. The report ends with the median, the quartiles and the range.
 *
 * <pre>{@code
 * java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar io.github.crmkit.benchmarks.RoutingCpuAlternation [rounds]
 * }</pre>
 *
 * <p>{@code rounds} defaults to 40.
 *
 * <p>Not thread-safe; a command-line program.
 */
public final class RoutingCpuAlternation {
  private static final int DECISIONS = 400_000;
  private static final int MATCHES = 50_000;
  private static final int WARM_UP_ROUNDS = 6;

  /** The last result of each side, kept so that the compiler cannot drop the work. */
  private static volatile Object sink;

  private RoutingCpuAlternation() {}

  /**
   * Runs the rounds and prints the report.
   *
   * @param args the number of rounds, optional
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
    }
    RoutingBenchmark.Decisions crmkit = new RoutingBenchmark.Decisions();
    crmkit.rules = 100;
    crmkit.setup();
    RoutingBenchmark.DroolsRules drools = new RoutingBenchmark.DroolsRules();
    drools.rules = 100;
    drools.setup(); // also checks that both choose the same pool for every lead
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] ratios = new double[rounds];
    try {
      for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
        long start = threads.getCurrentThreadCpuTime();
        Object last = null;
        for (int i = 0; i < DECISIONS; i++) {
          last = crmkit.routeNext();
        }
        long middle = threads.getCurrentThreadCpuTime();
        sink = last;
        for (int i = 0; i < MATCHES; i++) {
          last = DroolsPeer.firstMatch(drools.session, drools.facts[drools.next++ & 1023]);
        }
        long end = threads.getCurrentThreadCpuTime();
        sink = last;
        double decision = (middle - start) / (double) DECISIONS;
        double match = (end - middle) / (double) MATCHES;
        if (round >= 0) {
          ratios[round] = match / decision;
          System.out.printf(Locale.ROOT, "round %d: crmkit %.1f ns, Drools %.1f ns, %.2fx%n", round + 1, decision,
              match, ratios[round]);
        }
      }
    } finally {
      drools.tearDown();
    }
    double[] sorted = ratios.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "median %.2fx, quartiles %.2fx to %.2fx, range %.2fx to %.2fx over %d rounds%n",
        quantile(sorted, 0.5), quantile(sorted, 0.25), quantile(sorted, 0.75), sorted[0], sorted[rounds - 1],
        rounds);
  }

  /** The {@code q} quantile of sorted values, interpolated between neighbours. */
  static double quantile(double[] sorted, double q) {
    double at = q * (sorted.length - 1);
    int below = (int) Math.floor(at);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
  }
}
