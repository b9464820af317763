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
  /** The fewest customers worth a thread of their own. */
  static final int MIN_CUSTOMERS_PER_PART = 1 << 13;
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
    return score(summaries, analysisDay, Parallelism.sequential());
  }

  /**
   * Scores the customers of a summary as of an analysis date, on up to {@link Parallelism#threads()} threads.
   *
   * @param summaries the customer summaries
   * @param analysisDate the day recency is counted to
   * @param parallelism how many threads to use, and where
   * @return the scores
   * @see #score(CustomerSummaries, int, Parallelism)
   */
  public RfmScores score(CustomerSummaries summaries, LocalDate analysisDate, Parallelism parallelism) {
    Objects.requireNonNull(analysisDate, "analysisDate");
    return score(summaries, Math.toIntExact(analysisDate.toEpochDay()), parallelism);
  }

  /**
   * Scores the customers of a summary as of an analysis day, on up to {@link Parallelism#threads()} threads: the
   * customers' columns are gathered and the scores scattered back by ranges of customers, and the three dimensions
   * are binned at the same time. The scores and the fit are those of {@link #score(CustomerSummaries, int)}
   * exactly, whatever the number of threads. Allocates as that call does, and one more scratch {@code long} column
   * per extra n-tile or quantile dimension binned at the same time.
   *
   * @param summaries the customer summaries
   * @param analysisDay the epoch day recency is counted to
   * @param parallelism how many threads to use, and where
   * @return the scores
   */
  public RfmScores score(CustomerSummaries summaries, int analysisDay, Parallelism parallelism) {
    Objects.requireNonNull(summaries, "summaries");
    Objects.requireNonNull(parallelism, "parallelism");
    int customers = summaries.customerCount();
    int[] lastDay = summaries.lastDay;
    int parts = parallelism.parts(customers, MIN_CUSTOMERS_PER_PART);
    int[] offset = new int[parts + 1];
    parallelism.run(parts, p -> {
      int count = 0;
      for (int k = from(customers, parts, p), to = from(customers, parts, p + 1); k < to; k++) {
        if (lastDay[k] != CustomerSummaries.NO_PURCHASE) {
          count++;
        }
      }
      offset[p + 1] = count;
    });
    for (int p = 0; p < parts; p++) {
      offset[p + 1] += offset[p];
    }
    int scored = offset[parts];
    double[] r = new double[scored];
    double[] f = new double[scored];
    double[] m = new double[scored];
    int[] orders = summaries.orders;
    double[] monetary = summaries.monetary;
    boolean[] infinite = new boolean[parts];
    parallelism.run(parts, p -> {
      boolean anyInfinite = false;
      for (int k = from(customers, parts, p), to = from(customers, parts, p + 1), j = offset[p]; k < to; k++) {
        if (lastDay[k] != CustomerSummaries.NO_PURCHASE) {
          r[j] = (double) analysisDay - lastDay[k];
          f[j] = orders[k];
          m[j] = monetary[k];
          anyInfinite |= !Double.isFinite(monetary[k]);
          j++;
        }
      }
      infinite[p] = anyInfinite;
    });
    for (boolean anyInfinite : infinite) {
      if (anyInfinite) {
        // recency and frequency come from int columns; only a monetary sum can overflow to an infinity
        checkFinite("monetary", m);
      }
    }
    int[] rs = new int[scored];
    int[] fs = new int[scored];
    int[] ms = new int[scored];
    RfmFit fit = fit(r, f, m, rs, fs, ms, parallelism);
    byte[] rByKey = new byte[customers];
    byte[] fByKey = new byte[customers];
    byte[] mByKey = new byte[customers];
    parallelism.run(parts, p -> {
      for (int k = from(customers, parts, p), to = from(customers, parts, p + 1), j = offset[p]; k < to; k++) {
        if (lastDay[k] != CustomerSummaries.NO_PURCHASE) {
          rByKey[k] = (byte) rs[j];
          fByKey[k] = (byte) fs[j];
          mByKey[k] = (byte) ms[j];
          j++;
        }
      }
    });
    return new RfmScores(summaries, analysisDay, scored, rByKey, fByKey, mByKey, fit);
  }

  /** The first index of part {@code p} of {@code n} indices cut into {@code parts} consecutive ranges. */
  private static int from(int n, int parts, int p) {
    return (int) ((long) n * p / parts);
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
    return score(recency, frequency, monetary, recencyScores, frequencyScores, monetaryScores,
        Parallelism.sequential());
  }

  /**
   * Scores primitive columns as {@link #score(double[], double[], double[], int[], int[], int[])} does, binning the
   * three dimensions at the same time on up to {@link Parallelism#threads()} threads (so at most three are used).
   * The scores and the fit are the same exactly, whatever the number of threads. Allocates one more scratch
   * {@code long[n]} per extra n-tile or quantile dimension binned at the same time.
   *
   * @param recency days since the last purchase, finite
   * @param frequency numbers of orders, finite
   * @param monetary net monetary values, finite
   * @param recencyScores receives the recency scores; the same length as {@code recency}
   * @param frequencyScores receives the frequency scores; the same length
   * @param monetaryScores receives the monetary scores; the same length
   * @param parallelism how many threads to use, and where
   * @return the bins fitted and used, per dimension
   * @throws IllegalArgumentException if the lengths differ, an output array is passed twice, or a value is not
   *     finite (naming the array and index)
   */
  public RfmFit score(double[] recency, double[] frequency, double[] monetary, int[] recencyScores,
      int[] frequencyScores, int[] monetaryScores, Parallelism parallelism) {
    Objects.requireNonNull(recency, "recency");
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(monetary, "monetary");
    Objects.requireNonNull(recencyScores, "recencyScores");
    Objects.requireNonNull(frequencyScores, "frequencyScores");
    Objects.requireNonNull(monetaryScores, "monetaryScores");
    Objects.requireNonNull(parallelism, "parallelism");
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
    return fit(recency, frequency, monetary, recencyScores, frequencyScores, monetaryScores, parallelism);
  }

  private RfmFit fit(double[] recency, double[] frequency, double[] monetary, int[] recencyScores,
      int[] frequencyScores, int[] monetaryScores, Parallelism parallelism) {
    if (parallelism.parts(recency.length, MIN_CUSTOMERS_PER_PART) == 1) {
      long[] work = needsWork() ? new long[recency.length] : null;
      RfmBins r = RfmBinner.bin(this.recency, true, recency, recencyScores, work);
      RfmBins f = RfmBinner.bin(this.frequency, false, frequency, frequencyScores, work);
      RfmBins m = RfmBinner.bin(this.monetary, false, monetary, monetaryScores, work);
      return new RfmFit(r, f, m);
    }
    // monetary first: its values are seldom whole numbers, so it is the dimension that takes longest to bin
    RfmBins[] bins = new RfmBins[3];
    parallelism.run(3, p -> {
      switch (p) {
        case 0 -> bins[2] = RfmBinner.bin(this.monetary, false, monetary, monetaryScores, work(this.monetary,
            monetary.length));
        case 1 -> bins[0] = RfmBinner.bin(this.recency, true, recency, recencyScores, work(this.recency,
            recency.length));
        default -> bins[1] = RfmBinner.bin(this.frequency, false, frequency, frequencyScores, work(this.frequency,
            frequency.length));
      }
    });
    return new RfmFit(bins[0], bins[1], bins[2]);
  }

  private static long[] work(RfmBinning binning, int n) {
    return binning.mode() == RfmBinning.Mode.FIXED ? null : new long[n];
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
