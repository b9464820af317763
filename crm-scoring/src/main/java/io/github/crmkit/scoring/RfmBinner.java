package io.github.crmkit.scoring;

import java.util.Arrays;

/**
 * Fits the bins of one dimension and scores its values: the hot path of {@link RfmScorer}. Works over primitive
 * arrays only; the caller passes the scratch arrays, so a call allocates nothing but its small result.
 *
 * <p>Stateless and thread-safe.
 */
final class RfmBinner {
  private RfmBinner() {}

  /**
   * Bins {@code values} into {@code scores}.
   *
   * @param sorted scratch of at least {@code values.length}, unused (may be null) for FIXED
   * @param ties scratch of at least {@code values.length}, used (may be null otherwise) for the n-tile modes
   */
  static RfmBins bin(RfmBinning binning, boolean reversed, double[] values, int[] scores, double[] sorted,
      int[] ties) {
    int n = values.length;
    int bins = binning.bins();
    double[] edges = new double[bins + 1];
    switch (binning.mode()) {
      case R_RFM -> {
        sortedCopy(values, sorted);
        quantileEdges(sorted, n, bins, edges);
        scoreByValue(values, edges, bins, reversed, scores);
      }
      case FIXED -> {
        edges[0] = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < bins; i++) {
          edges[i] = binning.breakAt(i - 1);
        }
        edges[bins] = Double.POSITIVE_INFINITY;
        scoreByValue(values, edges, bins, reversed, scores);
      }
      case NTILE, SQL_NTILE -> {
        boolean sql = binning.mode() == RfmBinning.Mode.SQL_NTILE;
        sortedCopy(values, sorted);
        rankEdges(sql, n, bins, edges);
        scoreByRank(sql, values, sorted, ties, bins, reversed, scores);
      }
      default -> throw new AssertionError(binning.mode());
    }
    return summarize(binning, reversed, values, scores, edges);
  }

  private static void sortedCopy(double[] values, double[] sorted) {
    System.arraycopy(values, 0, sorted, 0, values.length);
    Arrays.sort(sorted, 0, values.length);
  }

  /**
   * R rfm's edges: the minimum, the type-7 quantiles at {@code i/bins} plus one, the maximum plus one. Type 7 (R's
   * default, Hyndman and Fan 1996): with the order statistics {@code x[1..n]}, {@code h = 1 + (n-1)p},
   * {@code j = floor(h)}, {@code g = h - j}, {@code Q(p) = (1-g)·x[j] + g·x[j+1]}, and {@code x[j]} itself when
   * {@code g = 0} or the two order statistics are equal. The probabilities are {@code i·(1/bins)}, as R's
   * {@code seq(0, 1, length.out = bins + 1)} computes them.
   */
  static void quantileEdges(double[] sorted, int n, int bins, double[] edges) {
    if (n == 0) {
      Arrays.fill(edges, Double.NaN);
      return;
    }
    double step = 1.0 / bins;
    edges[0] = sorted[0];
    for (int i = 1; i < bins; i++) {
      edges[i] = quantile7(sorted, n, i * step) + 1;
    }
    edges[bins] = sorted[n - 1] + 1;
  }

  static double quantile7(double[] sorted, int n, double p) {
    double h = 1 + (n - 1) * p;
    double j = Math.floor(h);
    double g = h - j;
    int lo = (int) j - 1; // 0-based
    double q = sorted[lo];
    if (g > 0 && lo + 1 < n && sorted[lo + 1] != q) {
      q = (1 - g) * q + g * sorted[lo + 1];
    }
    return q;
  }

  /** Bin {@code i} holds {@code edges[i-1] <= x < edges[i]}; the lowest and highest bins are open-ended. */
  private static void scoreByValue(double[] values, double[] edges, int bins, boolean reversed, int[] scores) {
    int top = bins + 1;
    for (int k = 0, n = values.length; k < n; k++) {
      double x = values[k];
      int bin = bins;
      while (bin > 1 && x < edges[bin - 1]) {
        bin--;
      }
      scores[k] = reversed ? top - bin : bin;
    }
  }

  private static void rankEdges(boolean sql, int n, int bins, double[] edges) {
    if (n == 0) {
      Arrays.fill(edges, Double.NaN);
      return;
    }
    if (sql) {
      int base = n / bins;
      int extra = n % bins;
      edges[0] = 0;
      for (int i = 1; i <= bins; i++) {
        edges[i] = edges[i - 1] + base + (i <= extra ? 1 : 0);
      }
    } else {
      for (int i = 0; i <= bins; i++) {
        edges[i] = 1 + (double) (n - 1) * i / bins;
      }
    }
  }

  /**
   * Ranks each value (1-based, ascending, ties in input order) without sorting indices: the rank of
   * {@code values[k]} is the number of smaller values (its lower bound in the sorted copy) plus the number of equal
   * values before position {@code k} (counted in {@code ties} at that lower bound) plus one.
   */
  private static void scoreByRank(boolean sql, double[] values, double[] sorted, int[] ties, int bins,
      boolean reversed, int[] scores) {
    int n = values.length;
    Arrays.fill(ties, 0, n, 0);
    int top = bins + 1;
    int base = n / bins;
    int extra = n % bins;
    long bigBins = (long) extra * (base + 1);
    for (int k = 0; k < n; k++) {
      int first = lowerBound(sorted, n, values[k]);
      long rank = first + ties[first]++ + 1L;
      int bin;
      if (sql) {
        bin = rank <= bigBins ? (int) ((rank - 1) / (base + 1)) + 1 : extra + (int) ((rank - 1 - bigBins) / base) + 1;
      } else if (rank == 1) {
        bin = 1;
      } else {
        // the smallest i with rank <= 1 + (n-1)·i/bins, that is ceil((rank-1)·bins / (n-1))
        bin = (int) (((rank - 1) * bins + n - 2) / (n - 1));
      }
      scores[k] = reversed ? top - bin : bin;
    }
  }

  /** The first index whose value is not less than {@code value}. */
  private static int lowerBound(double[] sorted, int n, double value) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static RfmBins summarize(RfmBinning binning, boolean reversed, double[] values, int[] scores,
      double[] edges) {
    int bins = binning.bins();
    int[] counts = new int[bins];
    double[] lowest = new double[bins];
    double[] highest = new double[bins];
    Arrays.fill(lowest, Double.NaN);
    Arrays.fill(highest, Double.NaN);
    for (int k = 0, n = values.length; k < n; k++) {
      int s = scores[k] - 1;
      double x = values[k];
      counts[s]++;
      if (!(x >= lowest[s])) {
        lowest[s] = x;
      }
      if (!(x <= highest[s])) {
        highest[s] = x;
      }
    }
    return new RfmBins(binning, reversed, values.length, edges, counts, lowest, highest);
  }
}
