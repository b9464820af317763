package io.github.crmkit.benchmarks;

import io.github.crmkit.scoring.clv.BgNbdModel;
import io.github.crmkit.scoring.clv.CustomerLifetimeValue;
import io.github.crmkit.scoring.clv.FittedModel;
import io.github.crmkit.scoring.clv.GammaGammaModel;
import io.github.crmkit.scoring.clv.ParetoNbdModel;
import io.github.crmkit.scoring.clv.RepeatPurchaseColumns;
import io.github.crmkit.testkit.BuyingProcess;
import io.github.crmkit.testkit.SyntheticPurchases;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Customer-value models of {@code io.github.crmkit.scoring.clv} on generated CDNOW-like customers (crm-testkit's
 * {@link SyntheticPurchases} with the published CDNOW BG/NBD process {@code r=0.243, alpha=4.414, a=0.793,
 * b=2.426} and Gamma-Gamma spend {@code 6.25, 3.74, 15.44}, 12 weeks of acquisition, 39 weeks of calibration),
 * summarised as lifetimes does with daily periods: frequency = repeat purchase days, recency and age in weeks of
 * whole days, mean repeat spend. Daily periods give the realistic pattern repetition the fits compress.
 *
 * <ul>
 *   <li>{@link #bgNbdFitCdnowSize}: BG/NBD fit on 2,357 customers, CDNOW's size (issue target 5 ms; lifetimes about
 *       0.105 s).
 *   <li>{@link #paretoNbdFitCdnowSize}: Pareto/NBD fit on the same customers (target 25 ms; lifetimes about 0.5 s).
 *   <li>{@link #gammaGammaFitCdnowSize}: Gamma-Gamma fit on the repeat customers among them (CDNOW: 946; target 2
 *       ms; lifetimes about 0.04 s).
 *   <li>{@link #bgNbdFitMillion}: BG/NBD fit on 1,000,000 customers, compression to distinct patterns included
 *       (target 0.5 s; lifetimes about 14 s).
 *   <li>{@link #scoreMillion}: P(alive), conditional expected purchases over 52 weeks and 12-month CLV at 1% a month
 *       for 1,000,000 customers, into arrays allocated in {@code @Setup} (target 100 ms; lifetimes about 0.7 s).
 * </ul>
 *
 * <p>Run from the repository root, after {@code mvn -q -B install -pl benchmarks}:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar ClvBenchmark -f 1 -wi 2 -i 3 -prof gc
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ClvBenchmark {
  private static final long SECONDS_PER_DAY = 86_400L;

  /** Summaries of generated customers as columns. */
  static final class Summaries {
    final int[] x;
    final double[] tx;
    final double[] age;
    final double[] spend;

    Summaries(int customers, long seed) {
      SyntheticPurchases data = SyntheticPurchases.builder()
          .seed(seed)
          .customers(customers)
          .acquisitionDays(84)
          .observationDays(273)
          .buyingProcess(BuyingProcess.bgNbd(0.243, 4.414, 0.793, 2.426))
          .build();
      x = new int[customers];
      tx = new double[customers];
      age = new double[customers];
      spend = new double[customers];
      long[] firstDay = new long[customers];
      long[] lastDay = new long[customers];
      long[] spendCents = new long[customers];
      java.util.Arrays.fill(firstDay, -1);
      long startDay = data.startEpochDay();
      data.forEach((customer, serial, original, epochSecond, cents, isReturn) -> {
        if (isReturn) {
          return;
        }
        long day = epochSecond / SECONDS_PER_DAY - startDay;
        if (firstDay[customer] < 0) {
          firstDay[customer] = day;
          lastDay[customer] = day;
        } else if (day > lastDay[customer]) {
          lastDay[customer] = day;
          x[customer]++;
          spendCents[customer] += cents;
        } else {
          spendCents[customer] += cents; // a second sale on a repeat day counts in that day's spend
        }
      });
      for (int i = 0; i < customers; i++) {
        tx[i] = (lastDay[i] - firstDay[i]) / 7.0;
        age[i] = (273 - firstDay[i]) / 7.0;
        spend[i] = x[i] == 0 ? 0.0 : spendCents[i] / 100.0 / x[i];
      }
    }
  }

  /** CDNOW-sized data. */
  @State(Scope.Benchmark)
  public static class CdnowSize {
    RepeatPurchaseColumns columns;
    Summaries summaries;

    /** Generates 2,357 customers. */
    @Setup(Level.Trial)
    public void setUp() {
      summaries = new Summaries(2_357, 1997L);
      columns = RepeatPurchaseColumns.of(summaries.x, summaries.tx, summaries.age);
    }
  }

  /** A million customers, a fitted model and output arrays. */
  @State(Scope.Benchmark)
  public static class Million {
    RepeatPurchaseColumns columns;
    Summaries summaries;
    BgNbdModel purchases;
    GammaGammaModel spend;
    double[] alive;
    double[] expected;
    double[] clv;

    /** Generates 1,000,000 customers and fits the models once. */
    @Setup(Level.Trial)
    public void setUp() {
      summaries = new Summaries(1_000_000, 2026L);
      columns = RepeatPurchaseColumns.of(summaries.x, summaries.tx, summaries.age);
      FittedModel fit = BgNbdModel.fit(BgNbdModel.Variant.BG_NBD, columns);
      purchases = BgNbdModel.of(fit);
      spend = GammaGammaModel.of(GammaGammaModel.fit(summaries.x, summaries.spend));
      alive = new double[columns.size()];
      expected = new double[columns.size()];
      clv = new double[columns.size()];
      System.out.println("\n1M customers: " + columns.compress().size() + " distinct patterns; " + fit.toJson());
    }
  }

  /**
   * BG/NBD fit on 2,357 customers.
   *
   * @param data the data
   * @return the fit
   */
  @Benchmark
  public FittedModel bgNbdFitCdnowSize(CdnowSize data) {
    return BgNbdModel.fit(BgNbdModel.Variant.BG_NBD, data.columns);
  }

  /**
   * Pareto/NBD fit on the same 2,357 customers (issue target 25 ms; lifetimes about 0.5 s). The data come from the
   * BG/NBD process, which Pareto/NBD fits as well as any; the work per likelihood evaluation (the Gauss
   * hypergeometric function per distinct pattern) does not depend on which process made the data.
   *
   * @param data the data
   * @return the fit
   */
  @Benchmark
  public FittedModel paretoNbdFitCdnowSize(CdnowSize data) {
    return ParetoNbdModel.fit(data.columns);
  }

  /**
   * Gamma-Gamma fit on the repeat customers of 2,357.
   *
   * @param data the data
   * @return the fit
   */
  @Benchmark
  public FittedModel gammaGammaFitCdnowSize(CdnowSize data) {
    return GammaGammaModel.fit(data.summaries.x, data.summaries.spend);
  }

  /**
   * BG/NBD fit on 1,000,000 customers, compression included.
   *
   * @param data the data
   * @return the fit
   */
  @Benchmark
  public FittedModel bgNbdFitMillion(Million data) {
    return BgNbdModel.fit(BgNbdModel.Variant.BG_NBD, data.columns);
  }

  /**
   * P(alive), CE(52) and 12-month CLV of 1,000,000 customers into preallocated arrays.
   *
   * @param data the data
   * @return a checksum
   */
  @Benchmark
  public double scoreMillion(Million data) {
    Summaries s = data.summaries;
    data.purchases.probabilityAlive(s.x, s.tx, s.age, data.alive);
    data.purchases.conditionalExpectedPurchases(52.0, s.x, s.tx, s.age, data.expected);
    CustomerLifetimeValue.compute(data.purchases, data.spend, s.x, s.tx, s.age, s.spend, 12, 0.01,
        CustomerLifetimeValue.WEEKS_PER_MONTH, data.clv);
    return data.alive[17] + data.expected[42] + data.clv[4711];
  }
}
