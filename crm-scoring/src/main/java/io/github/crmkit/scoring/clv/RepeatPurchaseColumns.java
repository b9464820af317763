package io.github.crmkit.scoring.clv;

import io.github.crmkit.scoring.RepeatPurchaseSummary;
import java.util.Arrays;
import java.util.Objects;

/**
 * Customers' repeat-purchase histories as columns of primitives, the input of the BG/NBD, MBG/NBD and Pareto/NBD
 * models: per row the frequency {@code x} (repeat purchases in the calibration period), the recency {@code t_x} (the
 * time of the last repeat purchase, from the first purchase), the age {@code T} (the time from the first purchase to
 * the end of calibration), all in one time unit, and a weight (the number of customers the row stands for, 1 unless
 * given).
 *
 * <p>Rows are checked when the columns are built: {@code x >= 0}; {@code T} finite and {@code >= 0};
 * {@code 0 <= t_x <= T}; {@code t_x = 0} when {@code x = 0}; weights positive and finite. A violation throws an
 * {@link IllegalArgumentException} naming the column and the row.
 *
 * <p>{@link #compress()} merges rows with the same {@code (x, t_x, T)} into one row whose weight is their sum, so a
 * million customers cost a fit only as much as their distinct patterns; the fits compress their input themselves.
 *
 * <p>Immutable and thread-safe: the arrays are copied in and never handed out.
 */
public final class RepeatPurchaseColumns {
  private final int[] frequency;
  private final double[] recency;
  private final double[] age;
  private final double[] weight;
  private final boolean compressed;
  private final double totalWeight;

  private RepeatPurchaseColumns(int[] frequency, double[] recency, double[] age, double[] weight,
      boolean compressed) {
    this.frequency = frequency;
    this.recency = recency;
    this.age = age;
    this.weight = weight;
    this.compressed = compressed;
    double total = 0.0;
    for (double w : weight) {
      total += w;
    }
    this.totalWeight = total;
  }

  /**
   * Columns with a weight of 1 per row.
   *
   * @param frequency the repeat purchases {@code x} per customer
   * @param recency the recency {@code t_x} per customer
   * @param age the age {@code T} per customer
   * @return the columns (copies)
   * @throws IllegalArgumentException if the columns differ in length or a row is invalid (naming column and row)
   */
  public static RepeatPurchaseColumns of(int[] frequency, double[] recency, double[] age) {
    double[] weight = new double[frequency.length];
    Arrays.fill(weight, 1.0);
    return weighted(frequency, recency, age, weight);
  }

  /**
   * Weighted columns: row {@code i} stands for {@code weight[i]} customers with the same history.
   *
   * @param frequency the repeat purchases {@code x}
   * @param recency the recency {@code t_x}
   * @param age the age {@code T}
   * @param weight the weight of each row, positive and finite
   * @return the columns (copies)
   * @throws IllegalArgumentException if the columns differ in length or a row is invalid (naming column and row)
   */
  public static RepeatPurchaseColumns weighted(int[] frequency, double[] recency, double[] age, double[] weight) {
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(recency, "recency");
    Objects.requireNonNull(age, "age");
    Objects.requireNonNull(weight, "weight");
    int n = frequency.length;
    if (recency.length != n || age.length != n || weight.length != n) {
      throw new IllegalArgumentException("columns must have the same length, were frequency " + n + ", recency "
          + recency.length + ", age " + age.length + ", weight " + weight.length);
    }
    for (int i = 0; i < n; i++) {
      check(i, frequency[i], recency[i], age[i], weight[i]);
    }
    return new RepeatPurchaseColumns(frequency.clone(), recency.clone(), age.clone(), weight.clone(), false);
  }

  /**
   * The included customers of a repeat-purchase summary, each with weight 1, in the summary's order (excluded
   * customers left out).
   *
   * @param summary the summary
   * @return the columns
   */
  public static RepeatPurchaseColumns from(RepeatPurchaseSummary summary) {
    int n = summary.includedCount();
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    int row = 0;
    for (int k = 0; k < summary.customerCount(); k++) {
      if (summary.isIncluded(k)) {
        x[row] = summary.frequency(k);
        tx[row] = summary.recency(k);
        t[row] = summary.age(k);
        row++;
      }
    }
    return of(x, tx, t);
  }

  static void check(int i, int x, double tx, double t, double w) {
    if (x < 0) {
      throw new IllegalArgumentException("frequency[" + i + "] must be >= 0, was " + x);
    }
    if (!(t >= 0.0 && t < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("age[" + i + "] (T) must be finite and >= 0, was " + t);
    }
    if (!(tx >= 0.0 && tx <= t)) {
      throw new IllegalArgumentException("recency[" + i + "] (t_x) must be in [0, T = " + t + "], was " + tx);
    }
    if (x == 0 && tx != 0.0) {
      throw new IllegalArgumentException("recency[" + i + "] (t_x) must be 0 when frequency is 0, was " + tx);
    }
    if (!(w > 0.0 && w < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("weight[" + i + "] must be positive and finite, was " + w);
    }
  }

  /**
   * Merges rows with equal {@code (x, t_x, T)} into one row carrying the sum of their weights; rows are ordered by
   * frequency, then by first occurrence. Linear time in the rows (hashing), plus a sort of the distinct patterns.
   *
   * @return the compressed columns ({@code this} when already compressed)
   */
  public RepeatPurchaseColumns compress() {
    if (compressed) {
      return this;
    }
    int n = frequency.length;
    int capacity = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
    int mask = capacity - 1;
    int[] table = new int[capacity];
    Arrays.fill(table, -1);
    int[] firstRow = new int[n];
    double[] sums = new double[n];
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      long rb = Double.doubleToLongBits(recency[i] + 0.0);
      long ab = Double.doubleToLongBits(age[i] + 0.0);
      long h = frequency[i] * 0x9E3779B97F4A7C15L + rb;
      h = (h ^ (h >>> 29)) * 0xBF58476D1CE4E5B9L + ab;
      h = (h ^ (h >>> 32)) * 0x94D049BB133111EBL;
      int slot = (int) (h ^ (h >>> 31)) & mask;
      while (true) {
        int p = table[slot];
        if (p < 0) {
          table[slot] = distinct;
          firstRow[distinct] = i;
          sums[distinct] = weight[i];
          distinct++;
          break;
        }
        int r = firstRow[p];
        if (frequency[r] == frequency[i] && recency[r] == recency[i] && age[r] == age[i]) {
          sums[p] += weight[i];
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    long[] keys = new long[distinct];
    for (int p = 0; p < distinct; p++) {
      keys[p] = ((long) frequency[firstRow[p]] << 32) | p;
    }
    Arrays.sort(keys);
    int[] x = new int[distinct];
    double[] tx = new double[distinct];
    double[] t = new double[distinct];
    double[] w = new double[distinct];
    for (int k = 0; k < distinct; k++) {
      int p = (int) keys[k];
      int r = firstRow[p];
      x[k] = frequency[r];
      tx[k] = recency[r];
      t[k] = age[r];
      w[k] = sums[p];
    }
    return new RepeatPurchaseColumns(x, tx, t, w, true);
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
   * The total weight, the number of customers the rows stand for.
   *
   * @return the sum of the weights
   */
  public double totalWeight() {
    return totalWeight;
  }

  /**
   * The frequency {@code x} of row {@code i}.
   *
   * @param i the row
   * @return x
   */
  public int frequency(int i) {
    return frequency[i];
  }

  /**
   * The recency {@code t_x} of row {@code i}.
   *
   * @param i the row
   * @return t_x
   */
  public double recency(int i) {
    return recency[i];
  }

  /**
   * The age {@code T} of row {@code i}.
   *
   * @param i the row
   * @return T
   */
  public double age(int i) {
    return age[i];
  }

  /**
   * The weight of row {@code i}.
   *
   * @param i the row
   * @return the weight
   */
  public double weight(int i) {
    return weight[i];
  }

  /**
   * Whether any row has a repeat purchase ({@code x > 0}); without one, no purchase model can be identified.
   *
   * @return true if some frequency is positive
   */
  public boolean hasRepeatPurchases() {
    for (int x : frequency) {
      if (x > 0) {
        return true;
      }
    }
    return false;
  }

  /** Direct access for the package's loops; never modified. */
  int[] frequencies() {
    return frequency;
  }

  double[] recencies() {
    return recency;
  }

  double[] ages() {
    return age;
  }

  double[] weights() {
    return weight;
  }
}
