package io.github.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The scorer finds cut values by selection instead of sorting; these properties check it against the plain
 * definitions computed through a full sort, on columns long enough to go through the selection's partitioning
 * (thousands of values) and shaped to stress it: many ties, few distinct values, sorted and reversed input,
 * negative zero next to zero, and wide-ranging doubles. Columns of whole numbers in a range no wider than their
 * length are counted instead ({@code IntegerCounts}); the shapes put columns on both sides of that boundary (range
 * just under or over the length, the magnitude limit, a rare fraction, one huge value). The selection's first level
 * steps by value unless the range is subnormal or overflows; shapes cover both.
 */
class RfmSelectionPropertyTest {
  private static final long SEED = 20261201L;

  /** A column of one of several shapes, from a seed. */
  static double[] column(long seed, int shape) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = random.nextInt(0, 6000);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = switch (shape) {
        case 0 -> random.nextInt(0, 730); // days
        case 1 -> 1 + random.nextInt(0, 4) * random.nextInt(0, 3); // order counts, mostly 1
        case 2 -> Math.round(random.nextDouble(-50, 5000) * 100) / 100.0; // money in cents
        case 3 -> i; // sorted
        case 4 -> n - i; // reversed
        case 5 -> random.nextBoolean() ? 0.0 : -0.0; // all equal under ==
        case 6 -> random.nextInt(3) == 0 ? -0.0 : random.nextInt(-2, 3); // zeros of both signs among few values
        case 7 -> random.nextInt(-n / 2 - 1, n / 2 + 1); // whole numbers, range just under or over the length
        case 8 -> 0x1p52 - random.nextInt(0, 40); // whole numbers at the counting path's magnitude limit
        case 9 -> random.nextInt(0, 50) + (random.nextInt(50) == 0 ? 0.5 : 0.0); // days with a rare fraction
        case 10 -> random.nextBoolean() ? Math.pow(2, 60) : random.nextInt(0, 40); // whole, range far too wide
        case 11 -> random.nextInt(0, 1000) * Double.MIN_VALUE; // subnormal range: no steps by value
        case 12 -> random.nextInt(-3, 4) * 0x1p1021; // the range overflows: no steps by value
        case 13 -> random.nextInt(20) == 0 ? -random.nextInt(1, 150) : random.nextInt(500, 120_000) / 100.0; // net money
        default -> random.nextDouble(-1e12, 1e12) * Math.pow(10, random.nextInt(-6, 6));
      };
    }
    return x;
  }

  /** Indices in ascending value order, ties by index (a stable sort of boxed indices). */
  private static Integer[] order(double[] x) {
    Integer[] idx = new Integer[x.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    // Double.compare would put -0.0 before 0.0; the scorer treats them as equal, as SQL and pandas do
    Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> x[i] + 0.0).thenComparingInt(i -> i));
    return idx;
  }

  @Test
  void ntileScoresEqualTheRankDefinitionOnLargeColumns() {
    qt().withExamples(240).withFixedSeed(SEED).forAll(longs().all(), integers().between(0, 14), integers().between(1, 9))
        .checkAssert((seed, shape, bins) -> {
          double[] x = column(seed, shape);
          int n = x.length;
          Integer[] idx = order(x);
          for (boolean sql : new boolean[] {false, true}) {
            int[] expected = new int[n];
            for (int rank = 1; rank <= n; rank++) {
              int bin;
              if (sql) {
                int base = n / bins;
                int extra = n % bins;
                long big = (long) extra * (base + 1);
                bin = rank <= big ? (rank - 1) / (base + 1) + 1 : extra + (int) ((rank - 1 - big) / base) + 1;
              } else {
                bin = 1;
                while ((long) (rank - 1) * bins > (long) (n - 1) * bin) {
                  bin++;
                }
              }
              expected[idx[rank - 1]] = bin;
            }
            int[] f = new int[n];
            int[] r = new int[n];
            int[] m = new int[n];
            RfmScorer.of(sql ? RfmBinning.sqlNtile(bins) : RfmBinning.ntile(bins)).score(x, x, x, r, f, m);
            assertThat(f).as("shape %s, n %s, bins %s, sql %s", shape, n, bins, sql).isEqualTo(expected);
            for (int i = 0; i < n; i++) {
              assertThat(r[i]).isEqualTo(bins + 1 - expected[i]);
            }
          }
        });
  }

  @Test
  void rRfmEdgesEqualTypeSevenQuantilesOfTheSortedColumn() {
    qt().withExamples(240).withFixedSeed(SEED).forAll(longs().all(), integers().between(0, 14), integers().between(1, 9))
        .checkAssert((seed, shape, bins) -> {
          double[] x = column(seed, shape);
          int n = x.length;
          int[] f = new int[n];
          int[] r = new int[n];
          int[] m = new int[n];
          RfmFit fit = RfmScorer.of(RfmBinning.rRfm(bins)).score(x, x, x, r, f, m);
          double[] edges = fit.frequency().edges();
          if (n == 0) {
            assertThat(edges).containsOnly(Double.NaN);
            return;
          }
          double[] sorted = x.clone();
          Arrays.sort(sorted);
          assertThat(edges[0]).isEqualTo(sorted[0] + 0.0, org.assertj.core.api.Assertions.offset(0.0));
          assertThat(edges[bins]).isEqualTo(sorted[n - 1] + 1);
          for (int i = 1; i < bins; i++) {
            // as R's quantile(type = 7) computes it: index = 1 + (n - 1) p, lo = floor(index)
            double h = 1 + (n - 1) * (i * (1.0 / bins));
            int j = (int) Math.floor(h) - 1;
            double g = h - Math.floor(h);
            double q = g > 0 && j + 1 < n && sorted[j + 1] != sorted[j]
                ? (1 - g) * sorted[j] + g * sorted[j + 1] : sorted[j];
            assertThat(edges[i]).as("edge %s of shape %s, n %s", i, shape, n).isEqualTo(q + 1);
          }
          for (int k = 0; k < n; k++) {
            int bin = bins;
            while (bin > 1 && x[k] < edges[bin - 1]) {
              bin--;
            }
            assertThat(f[k]).isEqualTo(bin);
          }
        });
  }

  /**
   * The fit's per-score summaries (count, lowest, highest) are those of the values that got each score, counted
   * from the scores: the n-tile modes read them from order statistics and the counting path from its histogram,
   * without a pass over the scores. Negative zero is reported as zero.
   */
  @Test
  void binSummariesDescribeTheValuesThatGotEachScore() {
    qt().withExamples(240).withFixedSeed(SEED).forAll(longs().all(), integers().between(0, 14), integers().between(1, 9))
        .checkAssert((seed, shape, bins) -> {
          double[] x = column(seed, shape);
          int n = x.length;
          double[] breaks = new double[bins - 1];
          for (int i = 0; i < breaks.length; i++) {
            breaks[i] = (i + 1) * 100.0;
          }
          for (RfmBinning binning : new RfmBinning[] {RfmBinning.ntile(bins), RfmBinning.sqlNtile(bins),
              RfmBinning.rRfm(bins), RfmBinning.fixed(breaks)}) {
            int[] r = new int[n];
            int[] f = new int[n];
            int[] m = new int[n];
            RfmFit fit = RfmScorer.of(binning).score(x, x, x, r, f, m);
            for (boolean recency : new boolean[] {false, true}) {
              int[] scores = recency ? r : f;
              RfmBins got = recency ? fit.recency() : fit.frequency();
              int[] count = new int[bins + 1];
              double[] lowest = new double[bins + 1];
              double[] highest = new double[bins + 1];
              Arrays.fill(lowest, Double.NaN);
              Arrays.fill(highest, Double.NaN);
              for (int k = 0; k < n; k++) {
                int score = scores[k];
                double v = x[k] + 0.0;
                count[score]++;
                lowest[score] = count[score] == 1 ? v : Math.min(lowest[score], v);
                highest[score] = count[score] == 1 ? v : Math.max(highest[score], v);
              }
              for (int score = 1; score <= bins; score++) {
                String what = binning + " shape " + shape + " n " + n + " recency " + recency + " score " + score;
                assertThat(got.count(score)).as(what).isEqualTo(count[score]);
                // boxed: NaN equals NaN, and -0.0 differs from 0.0
                assertThat(Double.valueOf(got.lowest(score))).as(what).isEqualTo(Double.valueOf(lowest[score]));
                assertThat(Double.valueOf(got.highest(score))).as(what).isEqualTo(Double.valueOf(highest[score]));
              }
            }
          }
        });
  }
}
