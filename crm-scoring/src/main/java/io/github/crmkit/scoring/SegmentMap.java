package io.github.crmkit.scoring;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Names RFM segments by ordered rules over inclusive score ranges: the first rule whose recency, frequency and
 * monetary ranges all contain a customer's scores names its segment; a customer no rule matches is in
 * {@value #OTHERS}. Rules may overlap (order decides) and need not cover every cell.
 *
 * <p>A map is made for given numbers of bins per dimension, and every range lies within them. It is compiled into
 * a lookup table over all score cells, so assigning a segment is one array read.
 *
 * <p>Maps are data: {@link #toJson()} writes, and {@link #fromJson(String, int, int, int)} reads, a versioned
 * document; {@link #validate(String, int, int, int)} lists every problem of a document with its JSON path, line and
 * column. The document:
 * <pre>{@code
 * {"version": 1, "segments": [
 *   {"name": "Champions", "recency": [5, 5], "frequency": [5, 5], "monetary": [5, 5]},
 *   {"name": "Lost", "recency": [1, 1]}
 * ]}
 * }</pre>
 * {@code version} (1) and {@code segments} are required; each segment needs a {@code name}; a range is
 * {@code [lower, upper]}, inclusive, and an omitted range matches every score of its dimension. No other property
 * is allowed, names must be distinct, and {@value #OTHERS} is reserved.
 *
 * <p>Presets: {@link #rfmReadme()} (the map of R package rfm's README) and {@link #rfGrid()} (the common
 * 10-segment recency-frequency grid).
 *
 * <p>Immutable and thread-safe.
 */
public final class SegmentMap {
  /** The name of the segment of customers that no rule matches. */
  public static final String OTHERS = "Others";
  /** The version of the JSON document this library reads and writes. */
  public static final int VERSION = 1;

  private static final SegmentMap RFM_README = of(5, 5, 5, List.of(
      new SegmentRule("Champions", 5, 5, 5, 5, 5, 5),
      new SegmentRule("Potential Loyalist", 3, 5, 3, 5, 2, 5),
      new SegmentRule("Loyal Customers", 2, 4, 2, 4, 2, 4),
      new SegmentRule("Promising", 3, 4, 1, 3, 3, 5),
      new SegmentRule("New Customers", 4, 5, 1, 3, 1, 5),
      new SegmentRule("Can't Lose Them", 1, 2, 3, 4, 4, 5),
      new SegmentRule("At Risk", 1, 2, 2, 5, 4, 5),
      new SegmentRule("Need Attention", 1, 3, 3, 5, 3, 5),
      new SegmentRule("About To Sleep", 2, 3, 1, 3, 1, 4),
      new SegmentRule("Lost", 1, 1, 1, 5, 1, 5)));

  private static final SegmentMap RF_GRID = of(5, 5, 5, List.of(
      SegmentRule.ofRecencyFrequency("hibernating", 1, 2, 1, 2, 5),
      SegmentRule.ofRecencyFrequency("at risk", 1, 2, 3, 4, 5),
      SegmentRule.ofRecencyFrequency("can't lose", 1, 2, 5, 5, 5),
      SegmentRule.ofRecencyFrequency("about to sleep", 3, 3, 1, 2, 5),
      SegmentRule.ofRecencyFrequency("need attention", 3, 3, 3, 3, 5),
      SegmentRule.ofRecencyFrequency("loyal customers", 3, 4, 4, 5, 5),
      SegmentRule.ofRecencyFrequency("promising", 4, 4, 1, 1, 5),
      SegmentRule.ofRecencyFrequency("new customers", 5, 5, 1, 1, 5),
      SegmentRule.ofRecencyFrequency("potential loyalists", 4, 5, 2, 3, 5),
      SegmentRule.ofRecencyFrequency("champions", 5, 5, 4, 5, 5)));

  private final int recencyBins;
  private final int frequencyBins;
  private final int monetaryBins;
  private final List<SegmentRule> rules;
  private final String[] names;
  private final int[] table;

  private SegmentMap(int recencyBins, int frequencyBins, int monetaryBins, List<SegmentRule> rules) {
    this.recencyBins = recencyBins;
    this.frequencyBins = frequencyBins;
    this.monetaryBins = monetaryBins;
    this.rules = rules;
    this.names = new String[rules.size() + 1];
    for (int i = 0; i < rules.size(); i++) {
      names[i] = rules.get(i).name();
    }
    names[rules.size()] = OTHERS;
    this.table = new int[recencyBins * frequencyBins * monetaryBins];
    for (int r = 1; r <= recencyBins; r++) {
      for (int f = 1; f <= frequencyBins; f++) {
        for (int m = 1; m <= monetaryBins; m++) {
          int segment = rules.size();
          for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).matches(r, f, m)) {
              segment = i;
              break;
            }
          }
          table[cell(r, f, m)] = segment;
        }
      }
    }
  }

  private int cell(int r, int f, int m) {
    return ((r - 1) * frequencyBins + (f - 1)) * monetaryBins + (m - 1);
  }

  /**
   * A map from rules, for scores with the given numbers of bins.
   *
   * @param recencyBins the number of recency bins, 1 to {@value RfmBinning#MAX_BINS}
   * @param frequencyBins the number of frequency bins
   * @param monetaryBins the number of monetary bins
   * @param rules the rules, in order of precedence
   * @return the map
   * @throws IllegalArgumentException if a number of bins is out of range, a range exceeds its bins (naming the rule
   *     by index), or two rules have the same name
   */
  public static SegmentMap of(int recencyBins, int frequencyBins, int monetaryBins, List<SegmentRule> rules) {
    checkBins("recencyBins", recencyBins);
    checkBins("frequencyBins", frequencyBins);
    checkBins("monetaryBins", monetaryBins);
    List<SegmentRule> copy = List.copyOf(rules);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < copy.size(); i++) {
      SegmentRule rule = copy.get(i);
      checkHigh(i, "recencyHigh", rule.recencyHigh(), recencyBins);
      checkHigh(i, "frequencyHigh", rule.frequencyHigh(), frequencyBins);
      checkHigh(i, "monetaryHigh", rule.monetaryHigh(), monetaryBins);
      Integer first = seen.putIfAbsent(rule.name(), i);
      if (first != null) {
        throw new IllegalArgumentException("rules[" + i + "].name must be distinct, but '" + rule.name()
            + "' is also the name of rules[" + first + "]");
      }
    }
    return new SegmentMap(recencyBins, frequencyBins, monetaryBins, copy);
  }

  /**
   * A map from rules, for scores with {@code bins} bins in every dimension.
   *
   * @param bins the number of bins of each dimension
   * @param rules the rules, in order of precedence
   * @return the map
   * @throws IllegalArgumentException as {@link #of(int, int, int, List)}
   */
  public static SegmentMap of(int bins, List<SegmentRule> rules) {
    return of(bins, bins, bins, rules);
  }

  static void checkBins(String parameter, int bins) {
    if (bins < 1 || bins > RfmBinning.MAX_BINS) {
      throw new IllegalArgumentException(parameter + " must be between 1 and " + RfmBinning.MAX_BINS + ", was "
          + bins);
    }
  }

  private static void checkHigh(int index, String parameter, int high, int bins) {
    if (high > bins) {
      throw new IllegalArgumentException("rules[" + index + "]." + parameter + " must be at most " + bins
          + " (the number of bins), was " + high);
    }
  }

  /**
   * The segment map of R package rfm's README, for 5 bins, in this order: Champions (R 5-5, F 5-5, M 5-5),
   * Potential Loyalist (3-5, 3-5, 2-5), Loyal Customers (2-4, 2-4, 2-4), Promising (3-4, 1-3, 3-5), New Customers
   * (4-5, 1-3, 1-5), Can't Lose Them (1-2, 3-4, 4-5), At Risk (1-2, 2-5, 4-5), Need Attention (1-3, 3-5, 3-5),
   * About To Sleep (2-3, 1-3, 1-4), Lost (1-1, 1-5, 1-5). The rules overlap, so their order matters, and some
   * cells fall to {@value #OTHERS}.
   *
   * @return the map
   */
  public static SegmentMap rfmReadme() {
    return RFM_README;
  }

  /**
   * The common 10-segment grid over recency and frequency, for 5 bins, monetary value unrestricted; usually
   * applied to {@link RfmBinning#ntile(int) NTILE} scores, as with pandas. By the two-digit string "RF":
   * {@code [1-2][1-2]} hibernating, {@code [1-2][3-4]} at risk, {@code [1-2]5} can't lose, {@code 3[1-2]} about to
   * sleep, {@code 33} need attention, {@code [3-4][4-5]} loyal customers, {@code 41} promising, {@code 51} new
   * customers, {@code [4-5][2-3]} potential loyalists, {@code 5[4-5]} champions. Every one of the 25 cells is in
   * exactly one segment, so {@value #OTHERS} stays empty.
   *
   * @return the map
   */
  public static SegmentMap rfGrid() {
    return RF_GRID;
  }

  /**
   * Reads a map from its JSON document (see the class description), for scores with the given numbers of bins.
   *
   * @param json the document
   * @param recencyBins the number of recency bins, 1 to {@value RfmBinning#MAX_BINS}
   * @param frequencyBins the number of frequency bins
   * @param monetaryBins the number of monetary bins
   * @return the map
   * @throws SegmentMapException listing every problem of the document, with its JSON path
   * @throws IllegalArgumentException if a number of bins is out of range
   */
  public static SegmentMap fromJson(String json, int recencyBins, int frequencyBins, int monetaryBins) {
    SegmentMapJson.Parsed parsed = SegmentMapJson.parse(json, recencyBins, frequencyBins, monetaryBins);
    if (!parsed.problems().isEmpty()) {
      throw new SegmentMapException(parsed.problems());
    }
    return new SegmentMap(recencyBins, frequencyBins, monetaryBins, List.copyOf(parsed.rules()));
  }

  /**
   * Reads a map from its JSON document, for scores with {@code bins} bins in every dimension.
   *
   * @param json the document
   * @param bins the number of bins of each dimension
   * @return the map
   * @throws SegmentMapException listing every problem of the document, with its JSON path
   */
  public static SegmentMap fromJson(String json, int bins) {
    return fromJson(json, bins, bins, bins);
  }

  /**
   * Lists every problem of a segment map document: malformed JSON, a missing or unsupported version, a missing
   * name, an unknown or repeated property, a value of the wrong type, a range that is not two integers, a bound
   * outside {@code 1..bins}, a lower bound greater than its upper bound, a repeated or reserved name.
   *
   * @param json the document
   * @param recencyBins the number of recency bins
   * @param frequencyBins the number of frequency bins
   * @param monetaryBins the number of monetary bins
   * @return the problems in document order, empty if the document is valid; unmodifiable
   * @throws IllegalArgumentException if a number of bins is out of range
   */
  public static List<SegmentMapProblem> validate(String json, int recencyBins, int frequencyBins,
      int monetaryBins) {
    return SegmentMapJson.parse(json, recencyBins, frequencyBins, monetaryBins).problems();
  }

  /**
   * Writes this map as its JSON document, one segment per line, every range explicit. Reading it back with the
   * same bins gives an equal map.
   *
   * @return the document
   */
  public String toJson() {
    return SegmentMapJson.write(this);
  }

  /**
   * The rules, in order of precedence.
   *
   * @return the rules, unmodifiable
   */
  public List<SegmentRule> rules() {
    return rules;
  }

  /**
   * The number of recency bins the map is for.
   *
   * @return the bins
   */
  public int recencyBins() {
    return recencyBins;
  }

  /**
   * The number of frequency bins the map is for.
   *
   * @return the bins
   */
  public int frequencyBins() {
    return frequencyBins;
  }

  /**
   * The number of monetary bins the map is for.
   *
   * @return the bins
   */
  public int monetaryBins() {
    return monetaryBins;
  }

  /**
   * The number of segments: one per rule, and {@value #OTHERS}.
   *
   * @return the count
   */
  public int segmentCount() {
    return names.length;
  }

  /**
   * The name of segment {@code index}.
   *
   * @param index a segment index, 0 to {@code segmentCount() - 1}; the last is {@value #OTHERS}
   * @return the name
   */
  public String segmentName(int index) {
    Objects.checkIndex(index, names.length);
    return names[index];
  }

  /**
   * The index of the segment of three scores: that of the first rule that matches, or {@code rules().size()} for
   * {@value #OTHERS}.
   *
   * @param recencyScore the recency score, 1 to {@link #recencyBins()}
   * @param frequencyScore the frequency score, 1 to {@link #frequencyBins()}
   * @param monetaryScore the monetary score, 1 to {@link #monetaryBins()}
   * @return the segment index
   * @throws IllegalArgumentException if a score is out of range
   */
  public int segmentIndex(int recencyScore, int frequencyScore, int monetaryScore) {
    checkScore("recencyScore", recencyScore, recencyBins);
    checkScore("frequencyScore", frequencyScore, frequencyBins);
    checkScore("monetaryScore", monetaryScore, monetaryBins);
    return table[cell(recencyScore, frequencyScore, monetaryScore)];
  }

  /**
   * The name of the segment of three scores.
   *
   * @param recencyScore the recency score
   * @param frequencyScore the frequency score
   * @param monetaryScore the monetary score
   * @return the name of the first matching rule, or {@value #OTHERS}
   * @throws IllegalArgumentException if a score is out of range
   */
  public String segmentOf(int recencyScore, int frequencyScore, int monetaryScore) {
    return names[segmentIndex(recencyScore, frequencyScore, monetaryScore)];
  }

  private static void checkScore(String parameter, int score, int bins) {
    if (score < 1 || score > bins) {
      throw new IllegalArgumentException(parameter + " must be between 1 and " + bins + ", was " + score);
    }
  }

  /**
   * Assigns the segment index of every customer of score columns (as {@link RfmScorer} writes them): one table
   * read per customer, no allocation.
   *
   * @param recencyScores the recency scores
   * @param frequencyScores the frequency scores, the same length
   * @param monetaryScores the monetary scores, the same length
   * @param segmentIndexes receives the segment indexes ({@link #segmentName(int)} names them), the same length
   * @throws IllegalArgumentException if the lengths differ or a score is out of range (naming the array and index)
   */
  public void assign(int[] recencyScores, int[] frequencyScores, int[] monetaryScores, int[] segmentIndexes) {
    int n = recencyScores.length;
    if (frequencyScores.length != n || monetaryScores.length != n || segmentIndexes.length != n) {
      throw new IllegalArgumentException("recencyScores, frequencyScores, monetaryScores and segmentIndexes must have "
          + "the same length, were " + n + ", " + frequencyScores.length + ", " + monetaryScores.length + ", "
          + segmentIndexes.length);
    }
    for (int i = 0; i < n; i++) {
      int r = recencyScores[i];
      int f = frequencyScores[i];
      int m = monetaryScores[i];
      if (r < 1 || r > recencyBins || f < 1 || f > frequencyBins || m < 1 || m > monetaryBins) {
        checkScore("recencyScores[" + i + "]", r, recencyBins);
        checkScore("frequencyScores[" + i + "]", f, frequencyBins);
        checkScore("monetaryScores[" + i + "]", m, monetaryBins);
      }
      segmentIndexes[i] = table[cell(r, f, m)];
    }
  }

  /**
   * Assigns every scored customer its segment and sums customers, orders and revenue per segment.
   *
   * @param scores scores whose numbers of bins are this map's
   * @return the summary
   * @throws IllegalArgumentException if the scores have other numbers of bins
   */
  public SegmentSummary summarize(RfmScores scores) {
    return summarize(scores, Parallelism.sequential());
  }

  /**
   * Assigns every scored customer its segment and sums customers, orders and revenue per segment, on up to
   * {@link Parallelism#threads()} threads, each summing a range of customers. The segments, customers and orders are
   * those of {@link #summarize(RfmScores)} exactly; a segment's revenue is the sum of the ranges' sums, added in
   * range order, so it may differ from the one-thread sum in its last bits (never when the monetary values are whole
   * numbers below 2<sup>53</sup> in total), and is the same for the same scores and number of threads.
   *
   * @param scores scores whose numbers of bins are this map's
   * @param parallelism how many threads to use, and where
   * @return the summary
   * @throws IllegalArgumentException if the scores have other numbers of bins
   */
  public SegmentSummary summarize(RfmScores scores, Parallelism parallelism) {
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(parallelism, "parallelism");
    RfmFit fit = scores.fit();
    if (fit.recency().bins() != recencyBins || fit.frequency().bins() != frequencyBins
        || fit.monetary().bins() != monetaryBins) {
      throw new IllegalArgumentException("scores must have the map's bins (recency, frequency, monetary) "
          + recencyBins + ", " + frequencyBins + ", " + monetaryBins + ", had " + fit.recency().bins() + ", "
          + fit.frequency().bins() + ", " + fit.monetary().bins());
    }
    int customers = scores.customerCount();
    int[] segmentOf = new int[customers];
    int parts = parallelism.parts(customers, MIN_CUSTOMERS_PER_PART);
    Sums[] sums = new Sums[parts];
    parallelism.run(parts, p -> sums[p] = sum(scores, (int) ((long) customers * p / parts),
        (int) ((long) customers * (p + 1) / parts), segmentOf));
    Sums total = sums[0];
    for (int p = 1; p < parts; p++) {
      total.add(sums[p]);
    }
    return new SegmentSummary(this, segmentOf, total.count, total.orders, total.revenue, total.excluded,
        total.excludedOrders, total.excludedRevenue);
  }

  /** The fewest customers worth a thread of their own. */
  static final int MIN_CUSTOMERS_PER_PART = 1 << 14;

  /** Customers, orders and revenue per segment, and of the customers not scored, over a range of customers. */
  private static final class Sums {
    final int[] count;
    final long[] orders;
    final double[] revenue;
    int excluded;
    long excludedOrders;
    double excludedRevenue;

    Sums(int segments) {
      count = new int[segments];
      orders = new long[segments];
      revenue = new double[segments];
    }

    void add(Sums more) {
      for (int s = 0; s < count.length; s++) {
        count[s] += more.count[s];
        orders[s] += more.orders[s];
        revenue[s] += more.revenue[s];
      }
      excluded += more.excluded;
      excludedOrders += more.excludedOrders;
      excludedRevenue += more.excludedRevenue;
    }
  }

  private Sums sum(RfmScores scores, int from, int to, int[] segmentOf) {
    Sums sums = new Sums(names.length);
    int[] count = sums.count;
    long[] orders = sums.orders;
    double[] revenue = sums.revenue;
    for (int k = from; k < to; k++) {
      if (scores.isScored(k)) {
        int s = table[cell(scores.recencyScore(k), scores.frequencyScore(k), scores.monetaryScore(k))];
        segmentOf[k] = s;
        count[s]++;
        orders[s] += scores.frequency(k);
        revenue[s] += scores.monetary(k);
      } else {
        segmentOf[k] = SegmentSummary.NOT_SEGMENTED;
        sums.excluded++;
        sums.excludedOrders += scores.frequency(k);
        sums.excludedRevenue += scores.monetary(k);
      }
    }
    return sums;
  }

  /**
   * Equal when the bins and the rules, in order, are equal.
   *
   * @param other the object to compare with
   * @return whether it is an equal map
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof SegmentMap map && map.recencyBins == recencyBins && map.frequencyBins == frequencyBins
        && map.monetaryBins == monetaryBins && map.rules.equals(rules);
  }

  @Override
  public int hashCode() {
    return Objects.hash(recencyBins, frequencyBins, monetaryBins, rules);
  }

  /** Returns the bins and the segment names in order. */
  @Override
  public String toString() {
    return "SegmentMap[bins=" + recencyBins + "/" + frequencyBins + "/" + monetaryBins + ", segments="
        + Arrays.toString(names) + "]";
  }
}
