package io.github.crmkit.scoring.clv;

import java.util.Arrays;
import java.util.Objects;

/**
 * Discrete-time repeat-transaction histories as weighted columns, the input of the BG/BB model: per row the
 * frequency {@code x} (transactions in the {@code n} calibration opportunities), the recency {@code t_x} (the
 * opportunity of the last transaction, 0 if none), the number of opportunities {@code n}, and a weight (the number of
 * customers with that pattern, as in the donations data of Fader, Hardie and Shang 2010).
 *
 * <p>Rows are checked when the columns are built: {@code 0 <= x <= t_x <= n}; {@code t_x = 0} exactly when
 * {@code x = 0}; weights positive and finite. A violation throws an {@link IllegalArgumentException} naming the column
 * and the row. {@link #compress()} merges rows with the same {@code (x, t_x, n)}.
 *
 * <p>Immutable and thread-safe: the arrays are copied in and never handed out.
 */
public final class BgBbPatterns {
  private final int[] frequency;
  private final int[] recency;
  private final int[] periods;
  private final double[] weight;
  private final double totalWeight;

  private BgBbPatterns(int[] frequency, int[] recency, int[] periods, double[] weight) {
    this.frequency = frequency;
    this.recency = recency;
    this.periods = periods;
    this.weight = weight;
    double total = 0.0;
    for (double w : weight) {
      total += w;
    }
    this.totalWeight = total;
  }

  /**
   * Weighted patterns.
   *
   * @param frequency the transactions {@code x} per row
   * @param recency the opportunity {@code t_x} of the last transaction per row, 0 if none
   * @param periods the number of opportunities {@code n} per row
   * @param weight the number of customers per row, positive and finite
   * @return the patterns (copies)
   * @throws IllegalArgumentException if the columns differ in length or a row is invalid (naming column and row)
   */
  public static BgBbPatterns weighted(int[] frequency, int[] recency, int[] periods, double[] weight) {
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(recency, "recency");
    Objects.requireNonNull(periods, "periods");
    Objects.requireNonNull(weight, "weight");
    int n = frequency.length;
    if (recency.length != n || periods.length != n || weight.length != n) {
      throw new IllegalArgumentException("columns must have the same length, were frequency " + n + ", recency "
          + recency.length + ", periods " + periods.length + ", weight " + weight.length);
    }
    for (int i = 0; i < n; i++) {
      check(i, frequency[i], recency[i], periods[i], weight[i]);
    }
    return new BgBbPatterns(frequency.clone(), recency.clone(), periods.clone(), weight.clone());
  }

  /**
   * One customer per row (weight 1).
   *
   * @param frequency the transactions {@code x} per customer
   * @param recency the opportunity {@code t_x} of the last transaction, 0 if none
   * @param periods the number of opportunities {@code n}
   * @return the patterns (copies)
   * @throws IllegalArgumentException if the columns differ in length or a row is invalid (naming column and row)
   */
  public static BgBbPatterns of(int[] frequency, int[] recency, int[] periods) {
    double[] weight = new double[frequency.length];
    Arrays.fill(weight, 1.0);
    return weighted(frequency, recency, periods, weight);
  }

  static void check(int i, int x, int tx, int n, double w) {
    if (n < 0) {
      throw new IllegalArgumentException("periods[" + i + "] (n) must be >= 0, was " + n);
    }
    if (x < 0 || x > n) {
      throw new IllegalArgumentException("frequency[" + i + "] (x) must be in [0, n = " + n + "], was " + x);
    }
    if (tx < x || tx > n) {
      throw new IllegalArgumentException("recency[" + i + "] (t_x) must be in [x = " + x + ", n = " + n + "], was "
          + tx);
    }
    if (x == 0 && tx != 0) {
      throw new IllegalArgumentException("recency[" + i + "] (t_x) must be 0 when frequency is 0, was " + tx);
    }
    if (!(w > 0.0 && w < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("weight[" + i + "] must be positive and finite, was " + w);
    }
  }

  /**
   * The same customers with identical {@code (x, t_x, n)} rows merged, their weights added, sorted by {@code n},
   * {@code x}, {@code t_x}.
   *
   * @return the compressed patterns
   */
  public BgBbPatterns compress() {
    int rows = frequency.length;
    long[] keys = new long[rows];
    for (int i = 0; i < rows; i++) {
      // n, x and t_x are non-negative ints below 2^21 in any realistic data; wider values fall back to no merging
      keys[i] = ((long) periods[i] << 42) | ((long) frequency[i] << 21) | recency[i];
    }
    boolean packable = true;
    for (int i = 0; i < rows; i++) {
      if (periods[i] >= (1 << 21)) {
        packable = false;
        break;
      }
    }
    if (!packable) {
      return this;
    }
    long[] sorted = keys.clone();
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < rows; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        distinct++;
      }
    }
    long[] unique = new long[distinct];
    int k = 0;
    for (int i = 0; i < rows; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        unique[k++] = sorted[i];
      }
    }
    double[] w = new double[distinct];
    for (int i = 0; i < rows; i++) {
      w[Arrays.binarySearch(unique, keys[i])] += weight[i];
    }
    int[] x = new int[distinct];
    int[] tx = new int[distinct];
    int[] n = new int[distinct];
    long mask = (1L << 21) - 1;
    for (int j = 0; j < distinct; j++) {
      n[j] = (int) (unique[j] >>> 42);
      x[j] = (int) ((unique[j] >>> 21) & mask);
      tx[j] = (int) (unique[j] & mask);
    }
    return new BgBbPatterns(x, tx, n, w);
  }

  /**
   * The number of rows.
   *
   * @return the rows
   */
  public int size() {
    return frequency.length;
  }

  /**
   * The total weight, the number of customers.
   *
   * @return the sum of the weights
   */
  public double totalWeight() {
    return totalWeight;
  }

  /**
   * The frequency of a row.
   *
   * @param i the row
   * @return x
   */
  public int frequency(int i) {
    return frequency[i];
  }

  /**
   * The recency of a row.
   *
   * @param i the row
   * @return t_x
   */
  public int recency(int i) {
    return recency[i];
  }

  /**
   * The number of opportunities of a row.
   *
   * @param i the row
   * @return n
   */
  public int periods(int i) {
    return periods[i];
  }

  /**
   * The weight of a row.
   *
   * @param i the row
   * @return the weight
   */
  public double weight(int i) {
    return weight[i];
  }

  /**
   * Whether any customer has a transaction.
   *
   * @return true if some {@code x > 0}
   */
  public boolean hasTransactions() {
    for (int x : frequency) {
      if (x > 0) {
        return true;
      }
    }
    return false;
  }

  int[] frequencies() {
    return frequency;
  }

  int[] recencies() {
    return recency;
  }

  int[] periodCounts() {
    return periods;
  }

  double[] weights() {
    return weight;
  }

  /** Returns the size and total weight only (no customer data). */
  @Override
  public String toString() {
    return "BgBbPatterns[rows=" + frequency.length + ", customers=" + totalWeight + "]";
  }
}
