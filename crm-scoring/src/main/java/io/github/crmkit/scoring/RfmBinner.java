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
   * <p>No mode sorts: the quantile and n-tile modes need only a few order statistics (the cut values), which
   * {@link OrderStatistics#select} finds in linear time, and then one pass places every value against them.
   *
   * @param work scratch of at least {@code values.length}, unused (may be null) for FIXED
   */
  static RfmBins bin(RfmBinning binning, boolean reversed, double[] values, int[] scores, long[] work) {
    int n = values.length;
    int bins = binning.bins();
    double[] edges = new double[bins + 1];
    switch (binning.mode()) {
      case R_RFM -> {
        quantileEdges(values, work, bins, edges);
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
        rankEdges(sql, n, bins, edges);
        scoreByRank(sql, values, work, bins, reversed, scores);
      }
      default -> throw new AssertionError(binning.mode());
    }
    return summarize(binning, reversed, values, scores, edges);
  }

  /**
   * R rfm's edges: the minimum, the type-7 quantiles at {@code i/bins} plus one, the maximum plus one. Type 7 (R's
   * default, Hyndman and Fan 1996): with the order statistics {@code x[1..n]}, {@code h = 1 + (n-1)p},
   * {@code j = floor(h)}, {@code g = h - j}, {@code Q(p) = (1-g)·x[j] + g·x[j+1]}, and {@code x[j]} itself when
   * {@code g = 0} or the two order statistics are equal. The probabilities are {@code i·(1/bins)}, as R's
   * {@code seq(0, 1, length.out = bins + 1)} computes them. Only the order statistics these formulas read are found.
   */
  static void quantileEdges(double[] values, long[] work, int bins, double[] edges) {
    int n = values.length;
    if (n == 0) {
      Arrays.fill(edges, Double.NaN);
      return;
    }
    double step = 1.0 / bins;
    // the 0-based positions read: 0, n-1, and j-1, j for every inner quantile
    int[] wanted = new int[2 * bins];
    wanted[0] = 0;
    wanted[1] = n - 1;
    for (int i = 1; i < bins; i++) {
      int lo = lowerPosition(n, i * step);
      wanted[2 * i] = lo;
      wanted[2 * i + 1] = Math.min(lo + 1, n - 1);
    }
    int[] positions = distinctSorted(wanted);
    double[] at = new double[positions.length];
    OrderStatistics.select(values, work, positions, at, new long[positions.length]);
    edges[0] = at[0];
    for (int i = 1; i < bins; i++) {
      double p = i * step;
      int lo = lowerPosition(n, p);
      double h = 1 + (n - 1) * p;
      double g = h - Math.floor(h);
      double q = at[Arrays.binarySearch(positions, lo)];
      if (g > 0 && lo + 1 < n) {
        double next = at[Arrays.binarySearch(positions, lo + 1)];
        if (next != q) {
          q = (1 - g) * q + g * next;
        }
      }
      edges[i] = q + 1;
    }
    edges[bins] = at[positions.length - 1] + 1;
  }

  /** The 0-based position {@code floor(1 + (n-1)p) - 1} of type 7's lower order statistic. */
  private static int lowerPosition(int n, double p) {
    return (int) Math.floor(1 + (n - 1) * p) - 1;
  }

  private static int[] distinctSorted(int[] positions) {
    int[] sorted = positions.clone();
    Arrays.sort(sorted);
    int k = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (k == 0 || sorted[i] != sorted[k - 1]) {
        sorted[k++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, k);
  }

  /** Bin {@code i} holds {@code edges[i-1] <= x < edges[i]}; the lowest and highest bins are open-ended. */
  private static void scoreByValue(double[] values, double[] edges, int bins, boolean reversed, int[] scores) {
    int top = bins + 1;
    boolean ascending = true;
    for (int i = 2; i < bins; i++) {
      ascending &= edges[i - 1] <= edges[i];
    }
    if (ascending) {
      // then the bin is one plus the number of inner edges at or below x, counted without branches
      for (int k = 0, n = values.length; k < n; k++) {
        double x = values[k];
        int bin = 1;
        for (int i = 1; i < bins; i++) {
          bin += x >= edges[i] ? 1 : 0;
        }
        scores[k] = reversed ? top - bin : bin;
      }
      return;
    }
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
   * Scores each value by its rank (1-based, ascending, ties in input order) without ranking anything.
   *
   * <p>Let {@code P[j]} be the number of ranks in bins {@code 1..j} and {@code s[j]} the {@code P[j]}-th smallest
   * value, the cut. A value below {@code s[j]} has all its ranks at or below {@code P[j]}, a value above it has
   * all its ranks above; of the values equal to {@code s[j]}, exactly the first {@code P[j] - less[j]} in input
   * order rank at or below {@code P[j]}, where {@code less[j]} counts the values below {@code s[j]} (the selection
   * finds it with the cut). So one pass
   * over the values, comparing each with at most {@code bins - 1} cuts and counting the equal ones seen so far,
   * gives every score; the cuts come from {@link OrderStatistics#select}.
   */
  private static void scoreByRank(boolean sql, double[] values, long[] work, int bins, boolean reversed,
      int[] scores) {
    int n = values.length;
    if (n == 0) {
      return;
    }
    int cuts = bins - 1;
    int top = bins + 1;
    int base = n / bins;
    int extra = n % bins;
    long[] upTo = new long[cuts]; // P[j]: ranks in bins 1..j+1
    int[] positions = new int[cuts];
    for (int j = 0; j < cuts; j++) {
      int bin = j + 1;
      upTo[j] = sql ? (long) bin * base + Math.min(bin, extra) : 1 + (long) bin * (n - 1) / bins;
      positions[j] = (int) upTo[j] - 1;
    }
    int[] distinct = distinctSorted(positions);
    double[] at = new double[distinct.length];
    long[] smaller = new long[distinct.length];
    OrderStatistics.select(values, work, distinct, at, smaller);
    double[] cut = new double[cuts];
    int[] group = new int[cuts]; // the first cut with the same value: its counter of equal values seen
    long[] quota = new long[cuts]; // of the values equal to cut[j], how many rank at or below P[j]
    for (int j = 0; j < cuts; j++) {
      int d = Arrays.binarySearch(distinct, positions[j]);
      cut[j] = at[d];
      group[j] = j > 0 && cut[j - 1] == cut[j] ? group[j - 1] : j;
      quota[j] = upTo[j] - smaller[d];
    }
    long[] seen = new long[cuts];
    for (int k = 0; k < n; k++) {
      double x = values[k];
      // the cuts below x, counted without branches; a value equal to a cut (rare unless values repeat) takes the
      // exact path through the tie quotas
      int above = 0;
      boolean tie = false;
      for (int j = 0; j < cuts; j++) {
        above += x > cut[j] ? 1 : 0;
        tie |= x == cut[j];
      }
      int bin = 1 + above;
      if (tie) {
        int equal = -1;
        for (int j = above; j < cuts && x == cut[j]; j++) {
          equal = group[j];
          if (seen[equal] < quota[j]) {
            break;
          }
          bin++;
        }
        seen[equal]++;
      }
      scores[k] = reversed ? top - bin : bin;
    }
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
