package io.github.crmkit.scoring;

import java.time.LocalDate;

/**
 * The RFM scores of the customers of a {@link CustomerSummaries} as of an analysis day, by customer key, with the
 * inputs they came from and the {@link #fit() bins} that explain them.
 *
 * <p>A customer without a purchase is not scored: {@link #isScored(int)} is false, its scores are
 * {@link #NOT_SCORED}, and it is counted in {@link #excludedCount()}, so that
 * {@code scoredCount() + excludedCount() == customerCount()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class RfmScores {
  /** The score of a customer that was not scored (it has no purchase). */
  public static final int NOT_SCORED = 0;

  private final CustomerSummaries summaries;
  private final int analysisDay;
  private final int scored;
  private final byte[] recency;
  private final byte[] frequency;
  private final byte[] monetary;
  private final RfmFit fit;

  RfmScores(CustomerSummaries summaries, int analysisDay, int scored, byte[] recency, byte[] frequency,
      byte[] monetary, RfmFit fit) {
    this.summaries = summaries;
    this.analysisDay = analysisDay;
    this.scored = scored;
    this.recency = recency;
    this.frequency = frequency;
    this.monetary = monetary;
    this.fit = fit;
  }

  /**
   * The summaries that were scored.
   *
   * @return the summaries
   */
  public CustomerSummaries summaries() {
    return summaries;
  }

  /**
   * The epoch day recency was counted to.
   *
   * @return the analysis day
   */
  public int analysisDay() {
    return analysisDay;
  }

  /**
   * The analysis day as a date.
   *
   * @return the analysis date
   */
  public LocalDate analysisDate() {
    return LocalDate.ofEpochDay(analysisDay);
  }

  /**
   * The bins fitted and used per dimension.
   *
   * @return the fit
   */
  public RfmFit fit() {
    return fit;
  }

  /**
   * The number of customers, scored or not.
   *
   * @return the count
   */
  public int customerCount() {
    return recency.length;
  }

  /**
   * The number of customers scored.
   *
   * @return the count
   */
  public int scoredCount() {
    return scored;
  }

  /**
   * The number of customers not scored because they have no purchase.
   *
   * @return the count
   */
  public int excludedCount() {
    return recency.length - scored;
  }

  /**
   * Whether customer {@code k} was scored (it has a purchase).
   *
   * @param k the customer key
   * @return true if scored
   */
  public boolean isScored(int k) {
    return recency[k] != NOT_SCORED;
  }

  /**
   * The external id of customer {@code k}.
   *
   * @param k the customer key
   * @return the id
   */
  public String customerId(int k) {
    return summaries.customerId(k);
  }

  /**
   * The recency input of customer {@code k}: days from its last purchase to the analysis day.
   *
   * @param k the customer key
   * @return the days
   * @throws IllegalStateException if the customer has no purchase
   */
  public int recencyDays(int k) {
    return summaries.recencyDays(k, analysisDay);
  }

  /**
   * The frequency input of customer {@code k}: its number of orders.
   *
   * @param k the customer key
   * @return the orders
   */
  public int frequency(int k) {
    return summaries.orders(k);
  }

  /**
   * The monetary input of customer {@code k}: its net monetary value.
   *
   * @param k the customer key
   * @return the net total
   */
  public double monetary(int k) {
    return summaries.monetary(k);
  }

  /**
   * The recency score of customer {@code k}.
   *
   * @param k the customer key
   * @return 1 to the recency bins (highest = most recent), or {@link #NOT_SCORED}
   */
  public int recencyScore(int k) {
    return recency[k];
  }

  /**
   * The frequency score of customer {@code k}.
   *
   * @param k the customer key
   * @return 1 to the frequency bins, or {@link #NOT_SCORED}
   */
  public int frequencyScore(int k) {
    return frequency[k];
  }

  /**
   * The monetary score of customer {@code k}.
   *
   * @param k the customer key
   * @return 1 to the monetary bins, or {@link #NOT_SCORED}
   */
  public int monetaryScore(int k) {
    return monetary[k];
  }

  /**
   * The RFM score of customer {@code k}: {@code 100·R + 10·F + M}.
   *
   * @param k the customer key
   * @return the RFM score, or {@link #NOT_SCORED}
   */
  public int rfmScore(int k) {
    return RfmScorer.rfmScore(recency[k], frequency[k], monetary[k]);
  }

  /**
   * Copies the recency scores, by customer key.
   *
   * @return a new array; {@link #NOT_SCORED} for customers not scored
   */
  public int[] recencyScores() {
    return widen(recency);
  }

  /**
   * Copies the frequency scores, by customer key.
   *
   * @return a new array; {@link #NOT_SCORED} for customers not scored
   */
  public int[] frequencyScores() {
    return widen(frequency);
  }

  /**
   * Copies the monetary scores, by customer key.
   *
   * @return a new array; {@link #NOT_SCORED} for customers not scored
   */
  public int[] monetaryScores() {
    return widen(monetary);
  }

  private static int[] widen(byte[] scores) {
    int[] out = new int[scores.length];
    for (int k = 0; k < scores.length; k++) {
      out[k] = scores[k];
    }
    return out;
  }

  /** Returns the counts and the analysis date, never a customer. */
  @Override
  public String toString() {
    return "RfmScores[customers=" + customerCount() + ", scored=" + scored + ", excluded=" + excludedCount()
        + ", analysisDate=" + analysisDate() + "]";
  }
}
