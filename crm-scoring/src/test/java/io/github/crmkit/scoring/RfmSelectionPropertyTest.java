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
 * negative zero next to zero, and wide-ranging doubles.
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
    qt().withExamples(160).withFixedSeed(SEED).forAll(longs().all(), integers().between(0, 7), integers().between(1, 9))
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
    qt().withExamples(160).withFixedSeed(SEED).forAll(longs().all(), integers().between(0, 7), integers().between(1, 9))
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
}
