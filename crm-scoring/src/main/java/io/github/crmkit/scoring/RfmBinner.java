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
   * <p>No mode sorts. A column of whole numbers whose range is no wider than the column is long (days, order
   * counts) is counted into a histogram ({@link IntegerCounts}): its order statistics, ranks, scores and the bins'
   * summaries come from the counts. Otherwise the quantile and n-tile modes need only a few order statistics (the
   * cut values), which {@link OrderStatistics#select} finds in linear time, and then one pass places every value
   * against them. The n-tile modes read the bins' summaries from order statistics too (each bin's size is fixed by
   * its rank bounds, its lowest and highest values are the values at them); only R_RFM on other columns and FIXED
   * make a pass to summarise.
   *
   * @param work scratch of at least {@code values.length}, unused (may be null) for FIXED
   */
  static RfmBins bin(RfmBinning binning, boolean reversed, double[] values, int[] scores, long[] work) {
    int bins = binning.bins();
    double[] edges = new double[bins + 1];
    switch (binning.mode()) {
      case R_RFM -> {
        return quantileBins(binning, reversed, values, scores, work, edges);
      }
      case FIXED -> {
        edges[0] = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < bins; i++) {
          edges[i] = binning.breakAt(i - 1);
        }
        edges[bins] = Double.POSITIVE_INFINITY;
        scoreByValue(values, edges, bins, reversed, scores);
        return summarize(binning, reversed, values, scores, edges);
      }
      case NTILE, SQL_NTILE -> {
        return rankBins(binning, reversed, values, scores, work, edges);
      }
      default -> throw new AssertionError(binning.mode());
    }
  }

  private static RfmBins quantileBins(RfmBinning binning, boolean reversed, double[] values, int[] scores,
      long[] work, double[] edges) {
    int bins = binning.bins();
    IntegerCounts counts = IntegerCounts.of(values, work.length);
    if (counts == null) {
      quantileEdges(values, work, bins, edges);
      scoreByValue(values, edges, bins, reversed, scores);
      return summarize(binning, reversed, values, scores, edges);
    }
    counts.count(values, work);
    int[] positions = quantilePositions(values.length, bins);
    double[] at = new double[positions.length];
    counts.select(work, positions, at, new long[positions.length]);
    quantileEdges(values.length, bins, positions, at, edges);
    int[] perScore = new int[bins];
    double[] lowest = nans(bins);
    double[] highest = nans(bins);
    counts.scoreByValue(values, work, edges, reversed, scores, perScore, lowest, highest);
    return new RfmBins(binning, reversed, values.length, edges, perScore, lowest, highest);
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
    int[] positions = quantilePositions(n, bins);
    double[] at = new double[positions.length];
    OrderStatistics.select(values, work, positions, at, new long[positions.length]);
    quantileEdges(n, bins, positions, at, edges);
  }

  /** The 0-based positions the type-7 edges read, distinct and ascending: 0, n-1, and j-1, j for every quantile. */
  private static int[] quantilePositions(int n, int bins) {
    double step = 1.0 / bins;
    int[] wanted = new int[2 * bins];
    wanted[0] = 0;
    wanted[1] = n - 1;
    for (int i = 1; i < bins; i++) {
      int lo = lowerPosition(n, i * step);
      wanted[2 * i] = lo;
      wanted[2 * i + 1] = Math.min(lo + 1, n - 1);
    }
    return distinctSorted(wanted);
  }

  /** The edges from the order statistics {@code at} at {@code positions} (those of {@link #quantilePositions}). */
  private static void quantileEdges(int n, int bins, int[] positions, double[] at, double[] edges) {
    double step = 1.0 / bins;
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

  private static double[] nans(int length) {
    double[] a = new double[length];
    Arrays.fill(a, Double.NaN);
    return a;
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
      scores[k] = scoreOf(values[k], edges, bins, reversed);
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
   * {@code P[j]}, the number of ranks in bins {@code 1..j+1}, for {@code j < bins - 1}: SQL's {@code NTILE} gives the
   * first {@code n % bins} bins one rank more; pandas' {@code qcut} of ranks has edges {@code 1 + (n-1)·i/bins},
   * right-closed, so the ranks up to the edge's floor.
   */
  private static long[] rankBounds(boolean sql, int n, int bins) {
    int base = n / bins;
    int extra = n % bins;
    long[] upTo = new long[bins - 1];
    for (int j = 0; j < upTo.length; j++) {
      int bin = j + 1;
      upTo[j] = sql ? (long) bin * base + Math.min(bin, extra) : 1 + (long) bin * (n - 1) / bins;
    }
    return upTo;
  }

  /**
   * The n-tile modes. Bin {@code i} holds the ranks {@code P[i-1]+1..P[i]} ({@code P[0] = 0}, {@code P[bins] = n},
   * the others from {@link #rankBounds}), so its size is known, and its lowest and highest values are the order
   * statistics at 0-based positions {@code P[i-1]} and {@code P[i]-1}: one selection (or one histogram) gives
   * them together with the cuts the scoring needs.
   */
  private static RfmBins rankBins(RfmBinning binning, boolean reversed, double[] values, int[] scores, long[] work,
      double[] edges) {
    int n = values.length;
    int bins = binning.bins();
    boolean sql = binning.mode() == RfmBinning.Mode.SQL_NTILE;
    rankEdges(sql, n, bins, edges);
    int[] perScore = new int[bins];
    double[] lowest = nans(bins);
    double[] highest = nans(bins);
    if (n == 0) {
      return new RfmBins(binning, reversed, n, edges, perScore, lowest, highest);
    }
    long[] upTo = rankBounds(sql, n, bins);
    int[] wanted = new int[2 * bins];
    long from = 0;
    for (int i = 0; i < bins; i++) {
      long to = i < upTo.length ? upTo[i] : n; // P[i+1] >= 1 for n >= 1
      wanted[2 * i] = (int) Math.min(from, n - 1);
      wanted[2 * i + 1] = (int) to - 1;
      from = to;
    }
    int[] positions = distinctSorted(wanted);
    double[] at = new double[positions.length];
    long[] smaller = new long[positions.length];
    IntegerCounts counts = IntegerCounts.of(values, work.length);
    if (counts != null) {
      counts.count(values, work);
      counts.select(work, positions, at, smaller);
      counts.scoreByRank(values, work, upTo, reversed, scores);
    } else {
      OrderStatistics.select(values, work, positions, at, smaller);
      scoreByCuts(values, upTo, positions, at, smaller, reversed, scores);
    }
    from = 0;
    for (int i = 0; i < bins; i++) {
      long to = i < upTo.length ? upTo[i] : n;
      if (to > from) {
        int s = reversed ? bins - 1 - i : i;
        perScore[s] = (int) (to - from);
        lowest[s] = at[Arrays.binarySearch(positions, (int) from)];
        highest[s] = at[Arrays.binarySearch(positions, (int) to - 1)];
      }
      from = to;
    }
    return new RfmBins(binning, reversed, n, edges, perScore, lowest, highest);
  }

  /**
   * Scores each value by its rank (1-based, ascending, ties in input order) without ranking anything.
   *
   * <p>Let {@code P[j]} be the number of ranks in bins {@code 1..j} and {@code s[j]} the {@code P[j]}-th smallest
   * value, the cut. A value below {@code s[j]} has all its ranks at or below {@code P[j]}, a value above it has
   * all its ranks above; of the values equal to {@code s[j]}, exactly the first {@code P[j] - less[j]} in input
   * order rank at or below {@code P[j]}, where {@code less[j]} counts the values below {@code s[j]} (the selection
   * finds it with the cut). So one pass over the values, comparing each with at most {@code bins - 1} cuts and
   * counting the equal ones seen so far, gives every score.
   *
   * @param upTo {@code P[1..bins-1]}
   * @param positions selected positions, among them every {@code P[j] - 1}
   * @param at the values at {@code positions}
   * @param smaller the numbers of values below those at {@code positions}
   */
  private static void scoreByCuts(double[] values, long[] upTo, int[] positions, double[] at, long[] smaller,
      boolean reversed, int[] scores) {
    int cuts = upTo.length;
    int top = cuts + 2;
    double[] cut = new double[cuts];
    int[] group = new int[cuts]; // the first cut with the same value: its counter of equal values seen
    long[] quota = new long[cuts]; // of the values equal to cut[j], how many rank at or below P[j]
    for (int j = 0; j < cuts; j++) {
      int d = Arrays.binarySearch(positions, (int) upTo[j] - 1);
      cut[j] = at[d];
      group[j] = j > 0 && cut[j - 1] == cut[j] ? group[j - 1] : j;
      quota[j] = upTo[j] - smaller[d];
    }
    long[] seen = new long[cuts];
    for (int k = 0, n = values.length; k < n; k++) {
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

  /** The score of value {@code x} against ascending {@code edges}: bin {@code i} holds edges[i-1] <= x < edges[i]. */
  static int scoreOf(double x, double[] edges, int bins, boolean reversed) {
    int bin = bins;
    while (bin > 1 && x < edges[bin - 1]) {
      bin--;
    }
    return reversed ? bins + 1 - bin : bin;
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
      double x = values[k] + 0.0; // reported as the selections report it: -0.0 as 0.0
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
