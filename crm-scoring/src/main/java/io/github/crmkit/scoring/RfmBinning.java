package io.github.crmkit.scoring;

import java.util.Arrays;
import java.util.Objects;

/**
 * How one RFM dimension (recency, frequency or monetary value) is cut into scores {@code 1..bins}: a mode and a
 * number of bins, or for {@link Mode#FIXED} the caller's breaks. Values are binned in ascending order; a higher
 * frequency or monetary value scores higher, and recency is reversed, so the most recent customers score
 * {@code bins}.
 *
 * <p>The modes, and how each treats ties (equal values):
 * <ul>
 *   <li>{@link Mode#R_RFM}: as R package rfm 0.3.0. The edges are R's type-7 sample quantiles of the values at
 *       probabilities {@code i/bins}, {@code i = 1..bins-1}, each plus 1, with the minimum as the first lower edge
 *       and the maximum plus 1 as the last upper edge; a value {@code x} falls in bin {@code i} when
 *       {@code edges[i-1] <= x < edges[i]}. Equal values always score alike. Edges may coincide when many values
 *       are equal; the bin between two equal edges is empty, so bins can be very unequal. For whole numbers (days,
 *       counts, whole currency units) the +1 means: a value falls in bin {@code i} exactly when it is greater than
 *       quantile {@code i-1} rounded up and at most quantile {@code i} rounded up (edge 297.4 is quantile 296.4:
 *       297 falls below it, 298 above). Fractional values up to 1 above a quantile also stay in the bin below.
 *   <li>{@link Mode#NTILE}: rank-first n-tiles as pandas computes {@code qcut(x.rank(method="first"), bins)}. Each
 *       value gets a distinct rank {@code r} in {@code 1..n}: ascending by value, and among equal values ascending
 *       by position in the input (for {@link CustomerSummaries}, by customer key). Rank {@code r} falls in the
 *       smallest bin {@code i} with {@code r <= 1 + (n-1)·i/bins}, computed in exact integer arithmetic. Bin sizes
 *       differ by at most one, and equal values can land in different bins: the one earlier in the input gets the
 *       lower rank, so for recency (reversed) the earlier customer gets the higher score, as with pandas and
 *       labels in descending order. (pandas computes those edges in floating point; where {@code (r-1)·bins/(n-1)}
 *       is a whole number, rounding could put that one rank in the next bin there.)
 *   <li>{@link Mode#SQL_NTILE}: the same ranks, grouped as SQL's {@code NTILE(bins) OVER (ORDER BY value,
 *       position)}: {@code n/bins} ranks per bin, and the first {@code n mod bins} bins one more. It differs from
 *       {@link Mode#NTILE} only in which bins get the extra ranks (for 10 values in 4 bins: sizes 3, 3, 2, 2 here,
 *       3, 2, 2, 3 for {@code NTILE}). For recency the score is {@code bins + 1} minus that n-tile.
 *   <li>{@link Mode#FIXED}: the caller's strictly increasing breaks {@code b[0] < ... < b[bins-2]}; a value
 *       {@code x} falls in bin {@code i} when {@code b[i-2] <= x < b[i-1]}, below {@code b[0]} in bin 1 and at or
 *       above the last break in bin {@code bins}. Equal values always score alike. This is also how R rfm treats
 *       breaks given as a vector, except that every value scores here, however far outside the breaks.
 * </ul>
 *
 * <p>At most {@link #MAX_BINS} bins, so that the three-digit RFM score {@code 100·R + 10·F + M} stays unambiguous.
 *
 * <p>Immutable and thread-safe.
 */
public final class RfmBinning {
  /** The largest number of bins: the RFM score {@code 100·R + 10·F + M} needs one decimal digit per score. */
  public static final int MAX_BINS = 9;

  /** How values are cut into bins; see {@link RfmBinning} for the exact rules and ties. */
  public enum Mode {
    /** Quantile edges plus one, as R package rfm 0.3.0. */
    R_RFM,
    /** Rank-first n-tiles as pandas {@code qcut(rank(method="first"))}. */
    NTILE,
    /** Rank-first n-tiles as SQL {@code NTILE} with the input position as tie-breaker. */
    SQL_NTILE,
    /** Breaks given by the caller. */
    FIXED
  }

  private final Mode mode;
  private final int bins;
  private final double[] breaks;

  private RfmBinning(Mode mode, int bins, double[] breaks) {
    this.mode = mode;
    this.bins = bins;
    this.breaks = breaks;
  }

  /**
   * Quantile bins as R package rfm 0.3.0 computes them.
   *
   * @param bins the number of bins, 1 to {@value #MAX_BINS}
   * @return the binning
   * @throws IllegalArgumentException if {@code bins} is out of range
   */
  public static RfmBinning rRfm(int bins) {
    return new RfmBinning(Mode.R_RFM, checkBins(bins), new double[0]);
  }

  /**
   * Rank-first n-tiles as pandas {@code qcut(rank(method="first"), bins)}.
   *
   * @param bins the number of bins, 1 to {@value #MAX_BINS}
   * @return the binning
   * @throws IllegalArgumentException if {@code bins} is out of range
   */
  public static RfmBinning ntile(int bins) {
    return new RfmBinning(Mode.NTILE, checkBins(bins), new double[0]);
  }

  /**
   * Rank-first n-tiles as SQL {@code NTILE(bins)} ordered by value and input position.
   *
   * @param bins the number of bins, 1 to {@value #MAX_BINS}
   * @return the binning
   * @throws IllegalArgumentException if {@code bins} is out of range
   */
  public static RfmBinning sqlNtile(int bins) {
    return new RfmBinning(Mode.SQL_NTILE, checkBins(bins), new double[0]);
  }

  /**
   * Bins between breaks given by the caller: {@code breaks.length + 1} bins, each break the (inclusive) lower edge
   * of the next bin. For recency the breaks are in days, ascending, and the bin of the fewest days scores highest.
   *
   * @param breaks finite, strictly increasing, at most {@code MAX_BINS - 1} of them (none gives one bin)
   * @return the binning
   * @throws IllegalArgumentException if a break is not finite, the breaks do not increase, or there are too many
   */
  public static RfmBinning fixed(double... breaks) {
    Objects.requireNonNull(breaks, "breaks");
    if (breaks.length > MAX_BINS - 1) {
      throw new IllegalArgumentException("breaks must have at most " + (MAX_BINS - 1) + " elements, had "
          + breaks.length);
    }
    for (int i = 0; i < breaks.length; i++) {
      if (!Double.isFinite(breaks[i])) {
        throw new IllegalArgumentException("breaks[" + i + "] must be a finite number, was " + breaks[i]);
      }
      if (i > 0 && !(breaks[i] > breaks[i - 1])) {
        throw new IllegalArgumentException("breaks must be strictly increasing, but breaks[" + i + "] = " + breaks[i]
            + " is not greater than breaks[" + (i - 1) + "] = " + breaks[i - 1]);
      }
    }
    return new RfmBinning(Mode.FIXED, breaks.length + 1, breaks.clone());
  }

  private static int checkBins(int bins) {
    if (bins < 1 || bins > MAX_BINS) {
      throw new IllegalArgumentException("bins must be between 1 and " + MAX_BINS + ", was " + bins);
    }
    return bins;
  }

  /**
   * The mode.
   *
   * @return the mode
   */
  public Mode mode() {
    return mode;
  }

  /**
   * The number of bins, which is also the highest score.
   *
   * @return the number of bins
   */
  public int bins() {
    return bins;
  }

  /**
   * The caller's breaks of a {@link Mode#FIXED} binning.
   *
   * @return a copy of the breaks; empty for the other modes
   */
  public double[] breaks() {
    return breaks.clone();
  }

  double breakAt(int i) {
    return breaks[i];
  }

  /**
   * Equal when mode, bins and breaks are equal.
   *
   * @param other the object to compare with
   * @return whether it is an equal binning
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof RfmBinning b && b.mode == mode && b.bins == bins && Arrays.equals(b.breaks, breaks);
  }

  @Override
  public int hashCode() {
    return (mode.hashCode() * 31 + bins) * 31 + Arrays.hashCode(breaks);
  }

  /** Returns for example {@code R_RFM(5)} or {@code FIXED[30.0, 90.0]}. */
  @Override
  public String toString() {
    return mode == Mode.FIXED ? "FIXED" + Arrays.toString(breaks) : mode + "(" + bins + ")";
  }
}
