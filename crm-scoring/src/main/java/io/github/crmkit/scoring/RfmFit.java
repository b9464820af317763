package io.github.crmkit.scoring;

/**
 * The bins that one RFM scoring call fitted and used, one {@link RfmBins} per dimension: they explain every score
 * of the call.
 *
 * <p>Immutable and thread-safe.
 */
public final class RfmFit {
  private final RfmBins recency;
  private final RfmBins frequency;
  private final RfmBins monetary;

  RfmFit(RfmBins recency, RfmBins frequency, RfmBins monetary) {
    this.recency = recency;
    this.frequency = frequency;
    this.monetary = monetary;
  }

  /**
   * The recency bins (in days since the last purchase; reversed, so the fewest days score highest).
   *
   * @return the bins
   */
  public RfmBins recency() {
    return recency;
  }

  /**
   * The frequency bins (in orders).
   *
   * @return the bins
   */
  public RfmBins frequency() {
    return frequency;
  }

  /**
   * The monetary bins (in net monetary value).
   *
   * @return the bins
   */
  public RfmBins monetary() {
    return monetary;
  }

  /**
   * The number of customers scored.
   *
   * @return the count
   */
  public int size() {
    return recency.size();
  }

  /** Returns the three dimensions' bins, one per line. */
  @Override
  public String toString() {
    return "recency " + recency + "\nfrequency " + frequency + "\nmonetary " + monetary;
  }
}
