package io.github.crmkit.scoring;

import java.util.Arrays;

/**
 * Finds a few order statistics of a {@code double} column without sorting it: a multi-position quickselect with a
 * three-way partition (so columns with many equal values, such as days or order counts, cost no more than distinct
 * ones), median-of-three pivots, and a depth limit after which a range is sorted instead (so no input is quadratic).
 * Expected time {@code O(n log m)} for {@code m} positions; worst case {@code O(n log n)}.
 *
 * <p>Values compare with {@code <} and {@code ==}, so {@code -0.0} and {@code 0.0} are equal; NaN is not allowed
 * (the callers check). Stateless and thread-safe.
 */
final class OrderStatistics {
  /** Ranges at most this long are sorted. */
  private static final int SMALL = 24;

  private OrderStatistics() {}

  /**
   * Writes into {@code out[i]} the value at 0-based position {@code positions[i]} of {@code values} in ascending
   * order.
   *
   * @param values the column, not modified
   * @param work scratch of at least {@code values.length}, overwritten
   * @param positions distinct positions in {@code [0, values.length)}, ascending
   * @param out receives the values, as long as {@code positions}
   */
  static void select(double[] values, double[] work, int[] positions, double[] out) {
    int n = values.length;
    if (positions.length == 0) {
      return;
    }
    System.arraycopy(values, 0, work, 0, n);
    int depth = 2 * (32 - Integer.numberOfLeadingZeros(n)) + 4;
    select(work, 0, n - 1, positions, 0, positions.length - 1, out, depth);
  }

  /** Resolves {@code positions[pLo..pHi]}, all within {@code [lo, hi]}. */
  private static void select(double[] a, int lo, int hi, int[] positions, int pLo, int pHi, double[] out,
      int depth) {
    while (pLo <= pHi) {
      if (hi - lo < SMALL || depth-- == 0) {
        Arrays.sort(a, lo, hi + 1);
        for (int p = pLo; p <= pHi; p++) {
          out[p] = a[positions[p]];
        }
        return;
      }
      double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
      // three-way partition: [lo, lt) < pivot, [lt, gt] == pivot, (gt, hi] > pivot
      int lt = lo;
      int gt = hi;
      int i = lo;
      while (i <= gt) {
        double x = a[i];
        if (x < pivot) {
          a[i++] = a[lt];
          a[lt++] = x;
        } else if (x > pivot) {
          a[i] = a[gt];
          a[gt--] = x;
        } else {
          i++;
        }
      }
      int left = pLo;
      while (left <= pHi && positions[left] < lt) {
        left++;
      }
      int right = left;
      while (right <= pHi && positions[right] <= gt) {
        out[right++] = pivot;
      }
      // positions[pLo..left-1] lie left of lt, positions[right..pHi] right of gt
      if (left - pLo < pHi - right + 1) {
        select(a, lo, lt - 1, positions, pLo, left - 1, out, depth);
        lo = gt + 1;
        pLo = right;
      } else {
        select(a, gt + 1, hi, positions, right, pHi, out, depth);
        hi = lt - 1;
        pHi = left - 1;
      }
    }
  }

  private static double medianOfThree(double a, double b, double c) {
    if (a < b) {
      return b < c ? b : Math.max(a, c);
    }
    return a < c ? a : Math.max(b, c);
  }
}
