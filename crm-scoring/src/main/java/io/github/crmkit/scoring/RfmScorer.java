package io.github.crmkit.scoring;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Scores customers on recency, frequency and monetary value (RFM), each dimension cut into {@code 1..bins} by its
 * own {@link RfmBinning}; the RFM score is {@code 100·R + 10·F + M}.
 *
 * <p>The inputs are those of R package rfm 0.3.0: recency is the number of days from a customer's last purchase to
 * the analysis day, frequency the number of orders (rows, or distinct order ids when the transactions have an order
 * column), monetary value the total amount net of returns (see {@link CustomerSummaries}). Quantile and rank bins
 * are fitted to the customers of each call.
 *
 * <p>Two faces give the same scores:
 * <ul>
 *   <li>{@link #score(CustomerSummaries, int)} scores the customers of a {@link CustomerSummaries}. A customer
 *       without a purchase (no rows, or only returns) has no recency: it is excluded from the fit and the scores,
 *       counted in {@link RfmScores#excludedCount()} and marked by {@link RfmScores#isScored(int)}, never dropped
 *       silently. Ties in the n-tile modes are broken by customer key.
 *   <li>{@link #score(double[], double[], double[], int[], int[], int[])} scores primitive columns into int
 *       arrays the caller gives, for millions of customers; ties in the n-tile modes are broken by array index.
 * </ul>
 *
 * <p>Example, R rfm's defaults:
 * <pre>{@code
 * RfmScorer scorer = RfmScorer.of(RfmBinning.rRfm(5));
 * RfmScores scores = scorer.score(CustomerSummaries.of(columns), LocalDate.of(2006, 12, 31));
 * int rfm = scores.rfmScore(key);              // for example 343
 * double[] edges = scores.fit().recency().edges();
 * }</pre>
 *
 * <p>Immutable and thread-safe: compile a scorer once and share it.
 */
public final class RfmScorer {
  private final RfmBinning recency;
  private final RfmBinning frequency;
  private final RfmBinning monetary;

  private RfmScorer(RfmBinning recency, RfmBinning frequency, RfmBinning monetary) {
    this.recency = recency;
    this.frequency = frequency;
    this.monetary = monetary;
  }

  /**
   * A scorer with one binning per dimension; the numbers of bins may differ.
   *
   * @param recency the binning of recency
   * @param frequency the binning of frequency
   * @param monetary the binning of monetary value
   * @return the scorer
   */
  public static RfmScorer of(RfmBinning recency, RfmBinning frequency, RfmBinning monetary) {
    return new RfmScorer(Objects.requireNonNull(recency, "recency"), Objects.requireNonNull(frequency, "frequency"),
        Objects.requireNonNull(monetary, "monetary"));
  }

  /**
   * A scorer with the same binning for all three dimensions.
   *
   * @param binning the binning, for example {@code RfmBinning.rRfm(5)}
   * @return the scorer
   */
  public static RfmScorer of(RfmBinning binning) {
    return of(binning, binning, binning);
  }

  /**
   * The binning of recency.
   *
   * @return the binning
   */
  public RfmBinning recency() {
    return recency;
  }

  /**
   * The binning of frequency.
   *
   * @return the binning
   */
  public RfmBinning frequency() {
    return frequency;
  }

  /**
   * The binning of monetary value.
   *
   * @return the binning
   */
  public RfmBinning monetary() {
    return monetary;
  }

  /**
   * The RFM score of three dimension scores.
   *
   * @param recencyScore the recency score
   * @param frequencyScore the frequency score
   * @param monetaryScore the monetary score
   * @return {@code 100·recencyScore + 10·frequencyScore + monetaryScore}
   */
  public static int rfmScore(int recencyScore, int frequencyScore, int monetaryScore) {
    return 100 * recencyScore + 10 * frequencyScore + monetaryScore;
  }

  /**
   * Scores the customers of a summary as of an analysis date.
   *
   * @param summaries the customer summaries
   * @param analysisDate the day recency is counted to
   * @return the scores
   * @see #score(CustomerSummaries, int)
   */
  public RfmScores score(CustomerSummaries summaries, LocalDate analysisDate) {
    Objects.requireNonNull(analysisDate, "analysisDate");
    return score(summaries, Math.toIntExact(analysisDate.toEpochDay()));
  }

  /**
   * Scores the customers of a summary as of an analysis day. Customers without a purchase are excluded (see the
   * class description). A last purchase after the analysis day gives a negative recency, which scores as the most
   * recent.
   *
   * <p>Allocates per call: three {@code double} and three {@code int} columns for the scored customers, the
   * scratch of {@link #score(double[], double[], double[], int[], int[], int[])}, and three {@code byte} columns
   * for all customers, held by the result.
   *
   * @param summaries the customer summaries
   * @param analysisDay the epoch day recency is counted to
   * @return the scores
   */
  public RfmScores score(CustomerSummaries summaries, int analysisDay) {
    Objects.requireNonNull(summaries, "summaries");
    int customers = summaries.customerCount();
    int scored = 0;
    for (int k = 0; k < customers; k++) {
      if (summaries.lastDay[k] != CustomerSummaries.NO_PURCHASE) {
        scored++;
      }
    }
    double[] r = new double[scored];
    double[] f = new double[scored];
    double[] m = new double[scored];
    for (int k = 0, j = 0; k < customers; k++) {
      if (summaries.lastDay[k] != CustomerSummaries.NO_PURCHASE) {
        r[j] = (double) analysisDay - summaries.lastDay[k];
        f[j] = summaries.orders[k];
        m[j] = summaries.monetary[k];
        j++;
      }
    }
    int[] rs = new int[scored];
    int[] fs = new int[scored];
    int[] ms = new int[scored];
    // recency and frequency come from int columns; only a monetary sum can overflow to an infinity
    checkFinite("monetary", m);
    RfmFit fit = fit(r, f, m, rs, fs, ms);
    byte[] rByKey = new byte[customers];
    byte[] fByKey = new byte[customers];
    byte[] mByKey = new byte[customers];
    for (int k = 0, j = 0; k < customers; k++) {
      if (summaries.lastDay[k] != CustomerSummaries.NO_PURCHASE) {
        rByKey[k] = (byte) rs[j];
        fByKey[k] = (byte) fs[j];
        mByKey[k] = (byte) ms[j];
        j++;
      }
    }
    return new RfmScores(summaries, analysisDay, scored, rByKey, fByKey, mByKey, fit);
  }

  /**
   * Scores primitive columns, customer {@code i} at index {@code i} of every array, writing each dimension's scores
   * into the caller's arrays. Ties in the n-tile modes are broken by index.
   *
   * <p>Allocates per call, for {@code n} customers: one {@code long[n]} of scratch (unless all three dimensions are
   * {@link RfmBinning.Mode#FIXED}), one {@code byte[n + 1]} (a table from rank to score) per n-tile dimension that
   * is counted (see below), and the small {@link RfmFit} and its working arrays ({@code O(bins)}); no object per
   * customer, no boxing. Nothing is sorted. A dimension of whole numbers whose range is no wider than {@code n}
   * (days, order counts) is counted into a histogram, which gives its cut values, ranks and scores in two passes.
   * Otherwise a quantile or n-tile dimension needs only its few cut values, found by a radix selection in
   * {@code O(n)} time, and then one pass compares each value with at most {@code bins - 1} cuts; a FIXED dimension
   * is that pass alone.
   *
   * @param recency days since the last purchase, finite
   * @param frequency numbers of orders, finite
   * @param monetary net monetary values, finite
   * @param recencyScores receives the recency scores; the same length as {@code recency}
   * @param frequencyScores receives the frequency scores; the same length
   * @param monetaryScores receives the monetary scores; the same length
   * @return the bins fitted and used, per dimension
   * @throws IllegalArgumentException if the lengths differ, an output array is passed twice, or a value is not
   *     finite (naming the array and index)
   */
  public RfmFit score(double[] recency, double[] frequency, double[] monetary, int[] recencyScores,
      int[] frequencyScores, int[] monetaryScores) {
    Objects.requireNonNull(recency, "recency");
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(monetary, "monetary");
    Objects.requireNonNull(recencyScores, "recencyScores");
    Objects.requireNonNull(frequencyScores, "frequencyScores");
    Objects.requireNonNull(monetaryScores, "monetaryScores");
    int n = recency.length;
    if (frequency.length != n || monetary.length != n || recencyScores.length != n || frequencyScores.length != n
        || monetaryScores.length != n) {
      throw new IllegalArgumentException("recency, frequency, monetary and the three score arrays must have the same "
          + "length, were " + n + ", " + frequency.length + ", " + monetary.length + ", " + recencyScores.length
          + ", " + frequencyScores.length + ", " + monetaryScores.length);
    }
    if (recencyScores == frequencyScores || recencyScores == monetaryScores || frequencyScores == monetaryScores) {
      throw new IllegalArgumentException("the three score arrays must be distinct arrays");
    }
    checkFinite("recency", recency);
    checkFinite("frequency", frequency);
    checkFinite("monetary", monetary);
    return fit(recency, frequency, monetary, recencyScores, frequencyScores, monetaryScores);
  }

  private RfmFit fit(double[] recency, double[] frequency, double[] monetary, int[] recencyScores,
      int[] frequencyScores, int[] monetaryScores) {
    long[] work = needsWork() ? new long[recency.length] : null;
    RfmBins r = RfmBinner.bin(this.recency, true, recency, recencyScores, work);
    RfmBins f = RfmBinner.bin(this.frequency, false, frequency, frequencyScores, work);
    RfmBins m = RfmBinner.bin(this.monetary, false, monetary, monetaryScores, work);
    return new RfmFit(r, f, m);
  }

  private boolean needsWork() {
    return recency.mode() != RfmBinning.Mode.FIXED || frequency.mode() != RfmBinning.Mode.FIXED
        || monetary.mode() != RfmBinning.Mode.FIXED;
  }

  private static void checkFinite(String name, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] must be a finite number, was " + values[i]);
      }
    }
  }

  /** Returns for example {@code RfmScorer[recency=R_RFM(5), frequency=R_RFM(5), monetary=R_RFM(5)]}. */
  @Override
  public String toString() {
    return "RfmScorer[recency=" + recency + ", frequency=" + frequency + ", monetary=" + monetary + "]";
  }
}
