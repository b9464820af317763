package io.github.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.TransactionKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link RfmScorer#score(CustomerSummaries, int, Parallelism)} and the parallel array face give exactly the scores
 * and fits of the single-threaded calls (themselves checked against oracles in {@link RfmSelectionPropertyTest} and
 * {@link RfmRPackageTest}), on 2 to 4 threads and in every binning mode, with customers excluded for want of a
 * purchase spread over every range of customers.
 */
class RfmScorerParallelTest {
  private static ExecutorService pool;

  @BeforeAll
  static void startPool() {
    pool = Executors.newFixedThreadPool(3);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  private static final List<RfmScorer> SCORERS = List.of(
      RfmScorer.of(RfmBinning.rRfm(5)),
      RfmScorer.of(RfmBinning.ntile(5)),
      RfmScorer.of(RfmBinning.sqlNtile(4), RfmBinning.ntile(3), RfmBinning.rRfm(6)),
      RfmScorer.of(RfmBinning.fixed(30, 90, 365), RfmBinning.ntile(5), RfmBinning.fixed(100, 1_000)));

  @Test
  void summariesScoreAlikeOnAnyNumberOfThreads() {
    int customers = 50_000;
    CustomerSummaries summaries = summaries(20261203L, customers, 4, 101, 7);
    int day = 19_800;
    for (RfmScorer scorer : SCORERS) {
      RfmScores expected = scorer.score(summaries, day);
      assertThat(expected.excludedCount()).isEqualTo((customers + 100 - 7) / 101);
      for (int threads = 2; threads <= 4; threads++) {
        RfmScores actual = scorer.score(summaries, day, Parallelism.of(pool, threads));
        assertThat(actual.scoredCount()).isEqualTo(expected.scoredCount());
        assertThat(actual.fit()).hasToString(expected.fit().toString());
        for (int k = 0; k < customers; k++) {
          assertThat(actual.isScored(k)).isEqualTo(expected.isScored(k));
          if (expected.isScored(k)) {
            assertThat(actual.rfmScore(k)).as("%s on %s threads, customer %s", scorer, threads, k)
                .isEqualTo(expected.rfmScore(k));
          }
        }
        assertSameBins(actual.fit(), expected.fit());
      }
    }
  }

  @Test
  void segmentSummariesSumByRangesOfCustomers() {
    int customers = 70_000;
    CustomerSummaries summaries = summaries(20261205L, customers, 3, 89, 3);
    RfmScores scores = RfmScorer.of(RfmBinning.ntile(5)).score(summaries, 19_800);
    SegmentMap grid = SegmentMap.rfGrid();
    SegmentSummary expected = grid.summarize(scores);
    for (int threads = 2; threads <= 4; threads++) {
      SegmentSummary actual = grid.summarize(scores, Parallelism.of(pool, threads));
      int parts = Math.min(threads, customers / SegmentMap.MIN_CUSTOMERS_PER_PART);
      // the documented revenue: each range of customers summed in key order, the ranges' sums added in order
      Map<String, Double> revenue = new HashMap<>();
      double excludedRevenue = 0;
      for (int p = 0; p < parts; p++) {
        Map<String, Double> part = new HashMap<>();
        double excludedPart = 0;
        for (int k = customers * p / parts; k < customers * (p + 1) / parts; k++) {
          if (scores.isScored(k)) {
            part.merge(expected.segmentName(k), scores.monetary(k), Double::sum);
          } else {
            excludedPart += scores.monetary(k);
          }
        }
        part.forEach((name, sum) -> revenue.merge(name, sum, Double::sum));
        excludedRevenue += excludedPart;
      }
      int differs = 0;
      for (SegmentStats stats : expected.segments()) {
        SegmentStats got = actual.segment(stats.name());
        assertThat(got.customers()).isEqualTo(stats.customers());
        assertThat(got.orders()).isEqualTo(stats.orders());
        assertThat(got.revenue()).as("revenue of %s on %s threads", stats.name(), threads)
            .isEqualTo(revenue.getOrDefault(stats.name(), 0.0));
        differs += got.revenue() != stats.revenue() ? 1 : 0;
      }
      assertThat(actual.excludedCustomers()).isEqualTo(expected.excludedCustomers()).isPositive();
      assertThat(actual.excludedRevenue()).isEqualTo(excludedRevenue);
      for (int k = 0; k < customers; k++) {
        assertThat(actual.segmentIndex(k)).isEqualTo(expected.segmentIndex(k));
      }
      if (threads == 4) {
        // else the two oracles could not tell summing by ranges from summing in one pass
        assertThat(differs).isPositive();
      }
    }
  }

  @Test
  void columnsScoreAlikeOnAnyNumberOfThreads() {
    SplittableRandom random = new SplittableRandom(20261204L);
    int n = 30_000;
    double[] r = new double[n];
    double[] f = new double[n];
    double[] m = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = random.nextInt(400);
      f[i] = 1 + random.nextInt(12);
      m[i] = random.nextInt(-500, 200_000) / 100.0;
    }
    for (RfmScorer scorer : SCORERS) {
      int[] rs = new int[n];
      int[] fs = new int[n];
      int[] ms = new int[n];
      RfmFit expected = scorer.score(r, f, m, rs, fs, ms);
      for (int threads = 2; threads <= 4; threads++) {
        int[] prs = new int[n];
        int[] pfs = new int[n];
        int[] pms = new int[n];
        RfmFit actual = scorer.score(r, f, m, prs, pfs, pms, Parallelism.of(pool, threads));
        assertThat(prs).isEqualTo(rs);
        assertThat(pfs).isEqualTo(fs);
        assertThat(pms).isEqualTo(ms);
        assertSameBins(actual, expected);
      }
    }
  }

  @Test
  void aMonetarySumThatOverflowsIsNamedOnAnyNumberOfThreads() {
    TransactionColumns.Builder builder = TransactionColumns.builder(40_002);
    for (int c = 0; c < 40_000; c++) {
      builder.add("c" + c, 19_000 + c % 300, 10.0);
    }
    builder.add("c15000", 19_001, 1e308);
    builder.add("c15000", 19_002, 1e308); // the sum is +Infinity
    CustomerSummaries summaries = CustomerSummaries.of(builder.build());
    for (Parallelism parallelism : List.of(Parallelism.sequential(), Parallelism.of(pool, 2),
        Parallelism.of(pool, 3))) {
      assertThatThrownBy(() -> RfmScorer.of(RfmBinning.ntile(5)).score(summaries, 19_400, parallelism))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("monetary[15000] must be a finite number, was Infinity");
    }
  }

  @Test
  void aNonFiniteValueIsNamedAsOnOneThread() {
    double[] values = new double[20_000];
    values[17_001] = Double.NaN;
    int[] a = new int[values.length];
    int[] b = new int[values.length];
    int[] c = new int[values.length];
    assertThatThrownBy(() -> RfmScorer.of(RfmBinning.ntile(5)).score(new double[values.length], new double[
        values.length], values, a, b, c, Parallelism.of(pool, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("monetary[17001] must be a finite number, was NaN");
  }

  /**
   * Summaries of {@code rowsPerCustomer * customers} rows with cents, every customer seen once in order first; the
   * customers {@code c % returnsEvery == returnsAt} have only returns, so they are excluded from the scores.
   */
  private static CustomerSummaries summaries(long seed, int customers, int rowsPerCustomer, int returnsEvery,
      int returnsAt) {
    SplittableRandom random = new SplittableRandom(seed);
    TransactionColumns.Builder builder = TransactionColumns.builder(rowsPerCustomer * customers);
    for (int i = 0; i < rowsPerCustomer * customers; i++) {
      int c = i < customers ? i : random.nextInt(customers);
      boolean onlyReturns = c % returnsEvery == returnsAt;
      double amount = random.nextInt(1, 50_000) / 100.0;
      builder.add("c" + c, 19_000 + random.nextInt(700), onlyReturns ? -amount : amount, null,
          onlyReturns ? TransactionKind.RETURN : TransactionKind.SALE);
    }
    return CustomerSummaries.of(builder.build());
  }

  private static void assertSameBins(RfmFit actual, RfmFit expected) {
    List<RfmBins> a = List.of(actual.recency(), actual.frequency(), actual.monetary());
    List<RfmBins> e = List.of(expected.recency(), expected.frequency(), expected.monetary());
    for (int d = 0; d < 3; d++) {
      assertThat(a.get(d).edges()).isEqualTo(e.get(d).edges());
      for (int score = 1; score <= e.get(d).bins(); score++) {
        assertThat(a.get(d).count(score)).isEqualTo(e.get(d).count(score));
        // an empty bin's lowest and highest are NaN
        assertThat(Double.doubleToLongBits(a.get(d).lowest(score)))
            .isEqualTo(Double.doubleToLongBits(e.get(d).lowest(score)));
        assertThat(Double.doubleToLongBits(a.get(d).highest(score)))
            .isEqualTo(Double.doubleToLongBits(e.get(d).highest(score)));
      }
    }
  }
}
