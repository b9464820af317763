package io.github.crmkit.scoring;

/**
 * One rule of a {@link SegmentMap}: a named segment and an inclusive range of scores for each of recency,
 * frequency and monetary value. A customer matches when all three of its scores lie in the ranges.
 *
 * <p>The ranges are checked here against 1 to {@link RfmBinning#MAX_BINS}, and against the actual numbers of bins
 * when the rule joins a map.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the segment's name: 1 to 64 characters, one line, no surrounding whitespace, not {@code Others}
 *     (the name of the unmatched)
 * @param recencyLow the lowest recency score, inclusive
 * @param recencyHigh the highest recency score, inclusive
 * @param frequencyLow the lowest frequency score, inclusive
 * @param frequencyHigh the highest frequency score, inclusive
 * @param monetaryLow the lowest monetary score, inclusive
 * @param monetaryHigh the highest monetary score, inclusive
 */
public record SegmentRule(String name, int recencyLow, int recencyHigh, int frequencyLow, int frequencyHigh,
    int monetaryLow, int monetaryHigh) {
  static final int MAX_NAME_LENGTH = 64;

  /**
   * Checks the name and the ranges.
   *
   * @throws IllegalArgumentException if the name is not valid, a bound is outside 1 to {@link RfmBinning#MAX_BINS},
   *     or a low bound is greater than its high bound
   */
  public SegmentRule {
    if (name == null) {
      throw new NullPointerException("name");
    }
    String problem = nameProblem(name);
    if (problem != null) {
      throw new IllegalArgumentException("name " + problem);
    }
    checkRange("recency", recencyLow, recencyHigh);
    checkRange("frequency", frequencyLow, frequencyHigh);
    checkRange("monetary", monetaryLow, monetaryHigh);
  }

  /**
   * A rule on recency and frequency only: every monetary score from 1 to {@code monetaryBins} matches.
   *
   * @param name the segment's name
   * @param recencyLow the lowest recency score, inclusive
   * @param recencyHigh the highest recency score, inclusive
   * @param frequencyLow the lowest frequency score, inclusive
   * @param frequencyHigh the highest frequency score, inclusive
   * @param monetaryBins the number of monetary bins
   * @return the rule
   */
  public static SegmentRule ofRecencyFrequency(String name, int recencyLow, int recencyHigh, int frequencyLow,
      int frequencyHigh, int monetaryBins) {
    return new SegmentRule(name, recencyLow, recencyHigh, frequencyLow, frequencyHigh, 1, monetaryBins);
  }

  /**
   * Whether three scores lie in this rule's ranges.
   *
   * @param recencyScore the recency score
   * @param frequencyScore the frequency score
   * @param monetaryScore the monetary score
   * @return true if all three are within their ranges
   */
  public boolean matches(int recencyScore, int frequencyScore, int monetaryScore) {
    return recencyScore >= recencyLow && recencyScore <= recencyHigh && frequencyScore >= frequencyLow
        && frequencyScore <= frequencyHigh && monetaryScore >= monetaryLow && monetaryScore <= monetaryHigh;
  }

  private static void checkRange(String dimension, int low, int high) {
    checkBound(dimension + "Low", low);
    checkBound(dimension + "High", high);
    if (low > high) {
      throw new IllegalArgumentException(dimension + "Low must not be greater than " + dimension + "High, was "
          + low + " > " + high);
    }
  }

  private static void checkBound(String parameter, int value) {
    if (value < 1 || value > RfmBinning.MAX_BINS) {
      throw new IllegalArgumentException(parameter + " must be between 1 and " + RfmBinning.MAX_BINS + ", was "
          + value);
    }
  }

  /** What is wrong with a segment name, phrased to follow "name", or null if nothing. */
  static String nameProblem(String name) {
    if (name.isBlank()) {
      return "must not be blank";
    }
    if (Character.isWhitespace(name.charAt(0)) || Character.isWhitespace(name.charAt(name.length() - 1))) {
      return "must not start or end with whitespace";
    }
    int length = name.codePointCount(0, name.length());
    if (length > MAX_NAME_LENGTH) {
      return "must be at most " + MAX_NAME_LENGTH + " characters, was " + length;
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
        return "must be one line without control characters (found one at index " + i + ")";
      }
    }
    if (name.equals(SegmentMap.OTHERS)) {
      return "must not be '" + SegmentMap.OTHERS + "', the name of customers no rule matches";
    }
    return null;
  }
}
