package io.github.crmkit.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.annotations.Mode;

/**
 * {@link RoutingBenchmark#decide} against its peers in interleaved JMH forks, for the ratio of their throughputs on
 * a host whose speed drifts.
 *
 * <p>A single JMH run measures the benchmarks one after another: crm-routing for a minute, then Drools for a minute.
 * On a shared host whose speed drifts by a third within minutes (as this project's is), the ratio of two such
 * measurements varies from run to run by as much. This runner measures in rounds instead: in each round one JMH fork
 * of {@code decide} and one fork of each peer, with the benchmark's own warm-up (6 x 2 s) and five measured iterations of 3 s, the
 * order reversed every other round (so that neither side always runs first). Each round gives one ratio per peer,
 * from forks minutes apart at most; the report lists every round, then each peer's median, lowest and highest ratio.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.github.crmkit.benchmarks.RoutingPeerPairs [rounds] [rules] [peers]
 * }</pre>
 *
 * <p>{@code rounds} defaults to 8, {@code rules} to 100, {@code peers} to {@code droolsFirstMatch} (a comma-separated
 * list of {@link RoutingBenchmark} methods, such as {@code droolsFirstMatch,easyRulesFirstMatch}).
 *
 * <p>Not thread-safe; a command-line program.
 */
public final class RoutingPeerPairs {
  private RoutingPeerPairs() {
  }

  /**
   * Runs the rounds and prints the report.
   *
   * @param args rounds, rules and peers, each optional
   * @throws RunnerException if JMH fails
   */
  public static void main(String[] args) throws RunnerException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    String rules = args.length > 1 ? args[1] : "100";
    List<String> peers = List.of((args.length > 2 ? args[2] : "droolsFirstMatch").split(","));
    double[][] ratios = new double[peers.size()][rounds];
    List<String> lines = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      List<String> order = new ArrayList<>();
      order.add("decide");
      order.addAll(peers);
      if (round % 2 == 1) {
        Collections.reverse(order);
      }
      double[] scores = new double[order.size()];
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d:", round + 1));
      for (int b = 0; b < order.size(); b++) {
        scores[b] = measure(order.get(b), rules);
      }
      double decide = scores[order.indexOf("decide")];
      line.append(String.format(Locale.ROOT, " decide %,.0f/s", decide * 1e6));
      for (int p = 0; p < peers.size(); p++) {
        double peer = scores[order.indexOf(peers.get(p))];
        ratios[p][round] = decide / peer;
        line.append(String.format(Locale.ROOT, ", %s %,.0f/s (%.2fx)", peers.get(p), peer * 1e6,
            ratios[p][round]));
      }
      line.append(round % 2 == 1 ? ", peers first" : ", decide first");
      lines.add(line.toString());
      System.out.println("# " + line);
    }
    System.out.println();
    System.out.println("Interleaved rounds, " + rules + " rules:");
    lines.forEach(System.out::println);
    for (int p = 0; p < peers.size(); p++) {
      double[] r = ratios[p].clone();
      Arrays.sort(r);
      double median = r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
      System.out.printf(Locale.ROOT, "%s: median %.2fx, lowest %.2fx, highest %.2fx over %d rounds%n", peers.get(p),
          median, r[0], r[r.length - 1], r.length);
    }
  }

  /** One JMH fork of the benchmark: its mean throughput in operations per microsecond. */
  private static double measure(String benchmark, String rules) throws RunnerException {
    Options options = new OptionsBuilder()
        .include(RoutingBenchmark.class.getName() + "\\." + benchmark + "$")
        .param("rules", rules)
        .mode(Mode.Throughput)
        .timeUnit(TimeUnit.MICROSECONDS)
        .forks(1)
        .measurementIterations(5)
        .verbosity(VerboseMode.SILENT)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    if (results.size() != 1) {
      throw new IllegalStateException(benchmark + ": expected one result, got " + results.size());
    }
    RunResult result = results.iterator().next();
    StringBuilder iterations = new StringBuilder();
    for (IterationResult i : result.getBenchmarkResults().iterator().next().getIterationResults()) {
      iterations.append(String.format(Locale.ROOT, " %.3f", i.getPrimaryResult().getScore()));
    }
    System.out.println("# " + benchmark + " iterations (ops/us):" + iterations);
    return result.getPrimaryResult().getScore();
  }
}
