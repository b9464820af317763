package io.github.crmkit.scoring;

import java.util.Arrays;

/**
 * The bins of one RFM dimension as one scoring call fitted and used them: the edges, and per score the number of
 * values and their lowest and highest value. They explain every score of that call.
 *
 * <p>{@link #edges()} has {@code bins + 1} entries in ascending order. What they bound depends on the mode (see
 * {@link RfmBinning}):
 * <ul>
 *   <li>{@link RfmBinning.Mode#R_RFM} and {@link RfmBinning.Mode#FIXED}: values. Bin {@code i} holds the values
 *       {@code x} with {@code edges[i-1] <= x < edges[i]}. For R_RFM {@code edges[0]} is the smallest value and
 *       {@code edges[bins]} the largest plus 1 (the figures R rfm reports, for example {@code 1, 115, 181, 297.4,
 *       482, 977}); for FIXED they are the infinities around the caller's breaks.
 *   <li>{@link RfmBinning.Mode#NTILE} and {@link RfmBinning.Mode#SQL_NTILE}: ranks {@code 1..n} (rank-first, ties
 *       by input position). Bin {@code i} holds the ranks {@code r} for which {@code i} is the smallest index
 *       {@code >= 1} with {@code r <= edges[i]}. For NTILE {@code edges[i] = 1 + (n-1)·i/bins}, the edges pandas
 *       {@code qcut} computes on the ranks; for SQL_NTILE {@code edges[i]} is the number of ranks in bins
 *       {@code 1..i}. Where equal values straddle two bins, {@link #highest} of the one equals {@link #lowest} of the
 *       next.
 * </ul>
 * Bin {@code i} scores {@code i}, except for recency, which is reversed: bin {@code i} scores {@code bins + 1 - i}
 * ({@link #scoreOfBin}). With no values the quantile and rank edges are NaN.
 *
 * <p>Immutable and thread-safe.
 */
public final class RfmBins {
  private final RfmBinning binning;
  private final boolean reversed;
  private final int size;
  private final double[] edges;
  private final int[] counts;
  private final double[] lowest;
  private final double[] highest;

  RfmBins(RfmBinning binning, boolean reversed, int size, double[] edges, int[] counts, double[] lowest,
      double[] highest) {
    this.binning = binning;
    this.reversed = reversed;
    this.size = size;
    this.edges = edges;
    this.counts = counts;
    this.lowest = lowest;
    this.highest = highest;
  }

  /**
   * The binning these bins were fitted by.
   *
   * @return the binning
   */
  public RfmBinning binning() {
    return binning;
  }

  /**
   * The number of bins, which is the highest score.
   *
   * @return the number of bins
   */
  public int bins() {
    return binning.bins();
  }

  /**
   * Whether the scores run against the bins (recency: the fewest days score highest).
   *
   * @return true for recency
   */
  public boolean reversed() {
    return reversed;
  }

  /**
   * The number of values binned.
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  /**
   * The {@code bins + 1} edges, ascending; see the class description for what they bound in each mode.
   *
   * @return a copy of the edges
   */
  public double[] edges() {
    return edges.clone();
  }

  /**
   * The score of bin {@code bin}: {@code bin}, or {@code bins + 1 - bin} when {@link #reversed()}.
   *
   * @param bin the bin, 1 to {@link #bins()}
   * @return the score
   * @throws IllegalArgumentException if {@code bin} is out of range
   */
  public int scoreOfBin(int bin) {
    checkRange("bin", bin);
    return reversed ? bins() + 1 - bin : bin;
  }

  /**
   * The number of values that scored {@code score}.
   *
   * @param score the score, 1 to {@link #bins()}
   * @return the count
   * @throws IllegalArgumentException if {@code score} is out of range
   */
  public int count(int score) {
    checkRange("score", score);
    return counts[score - 1];
  }

  /**
   * The lowest value that scored {@code score}.
   *
   * @param score the score, 1 to {@link #bins()}
   * @return the value, or NaN if no value scored {@code score}
   * @throws IllegalArgumentException if {@code score} is out of range
   */
  public double lowest(int score) {
    checkRange("score", score);
    return lowest[score - 1];
  }

  /**
   * The highest value that scored {@code score}.
   *
   * @param score the score, 1 to {@link #bins()}
   * @return the value, or NaN if no value scored {@code score}
   * @throws IllegalArgumentException if {@code score} is out of range
   */
  public double highest(int score) {
    checkRange("score", score);
    return highest[score - 1];
  }

  private void checkRange(String what, int value) {
    if (value < 1 || value > bins()) {
      throw new IllegalArgumentException(what + " must be between 1 and " + bins() + ", was " + value);
    }
  }

  /**
   * Returns the binning, the edges and the count per score, for example
   * {@code R_RFM(3) edges [1.0, 4.0, 7.0, 15.0] counts by score [40, 35, 25]}.
   */
  @Override
  public String toString() {
    return binning + (reversed ? " reversed" : "") + " edges " + Arrays.toString(edges) + " counts by score "
        + Arrays.toString(counts);
  }
}
