package io.github.crmkit.scoring;

import java.util.Arrays;

/**
 * Finds a few order statistics of a {@code double} column without sorting it: a most-significant-digit radix
 * select. Each value becomes a {@code long} key with the same order; one pass finds the smallest and largest key, one
 * pass counts the keys in at most 2,048 buckets of their range, and one pass copies out only the keys of the buckets
 * that hold a wanted position, which are resolved the same way inside their bucket. A bucket whose keys are all
 * equal ends the search at once, so columns with many equal values (days, order counts) cost no more than distinct
 * ones. Each level narrows the range by eleven bits, so there are at most six levels: time {@code O(n)} for any
 * input, with no data-dependent branches on the counting passes and no adversarial worst case.
 *
 * <p>Values compare as numbers, so {@code -0.0} and {@code 0.0} are equal (the result holds {@code 0.0}); NaN is not
 * allowed (the callers check). Stateless and thread-safe.
 */
final class OrderStatistics {
  private static final int BITS = 11;
  private static final int BUCKETS = 1 << BITS;

  private OrderStatistics() {}

  /**
   * Writes into {@code out[i]} the value at 0-based position {@code positions[i]} of {@code values} in ascending
   * order, and into {@code below[i]} how many values are strictly smaller than it.
   *
   * @param values the column, not modified
   * @param work scratch of at least {@code values.length}, overwritten
   * @param positions distinct positions in {@code [0, values.length)}, ascending
   * @param out receives the values, as long as {@code positions}
   * @param below receives the counts of smaller values, as long as {@code positions}
   */
  static void select(double[] values, long[] work, int[] positions, double[] out, long[] below) {
    int n = values.length;
    if (positions.length == 0) {
      return;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long k = key(values[i]);
      work[i] = k;
      min = Math.min(min, k);
      max = Math.max(max, k);
    }
    long[] keys = new long[positions.length];
    select(work, n, min, max, positions, 0, positions.length, 0, keys, below);
    for (int i = 0; i < keys.length; i++) {
      out[i] = value(keys[i]);
    }
  }

  /**
   * A signed {@code long} ordered as the value: the bits of a non-negative double already are; a negative one's
   * magnitude bits are flipped. {@code -0.0} is first turned into {@code 0.0}.
   */
  static long key(double value) {
    long bits = Double.doubleToRawLongBits(value + 0.0);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  /** The inverse of {@link #key}. */
  static double value(long key) {
    return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
  }

  /**
   * Resolves {@code positions[from..to)} (ascending) into {@code out[from..to)} and {@code below[from..to)}, where
   * {@code keys[0..len)}, whose smallest and largest are {@code min} and {@code max}, are the keys at sorted
   * positions {@code offset..offset+len} of the whole column, in no particular order. Equal keys always fall into
   * the same bucket, so when a slice holds one key only, every smaller key lies before it: {@code offset} of them.
   */
  private static void select(long[] keys, int len, long min, long max, int[] positions, int from, int to,
      int offset, long[] out, long[] below) {
    if (min == max) {
      for (int p = from; p < to; p++) {
        out[p] = min;
        below[p] = offset;
      }
      return;
    }
    long range = max - min; // unsigned: max >= min as signed longs
    int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(range) - BITS);
    int buckets = (int) (range >>> shift) + 1;
    int[] start = new int[buckets + 1];
    for (int i = 0; i < len; i++) {
      start[(int) ((keys[i] - min) >>> shift) + 1]++;
    }
    for (int b = 0; b < buckets; b++) {
      start[b + 1] += start[b];
    }
    // the buckets that hold wanted positions, in ascending order, each with its slice of positions
    int[] slot = new int[buckets];
    Arrays.fill(slot, -1);
    int[] wantedBucket = new int[to - from];
    int[] firstPosition = new int[to - from + 1];
    int wanted = 0;
    int b = 0;
    for (int p = from; p < to; p++) {
      int rel = positions[p] - offset;
      while (start[b + 1] <= rel) {
        b++;
      }
      if (wanted == 0 || wantedBucket[wanted - 1] != b) {
        slot[b] = wanted;
        wantedBucket[wanted] = b;
        firstPosition[wanted] = p;
        wanted++;
      }
    }
    firstPosition[wanted] = to;
    long[][] parts = new long[wanted][];
    int[] fill = new int[wanted];
    long[] partMin = new long[wanted];
    long[] partMax = new long[wanted];
    Arrays.fill(partMin, Long.MAX_VALUE);
    Arrays.fill(partMax, Long.MIN_VALUE);
    for (int w = 0; w < wanted; w++) {
      parts[w] = new long[start[wantedBucket[w] + 1] - start[wantedBucket[w]]];
    }
    for (int i = 0; i < len; i++) {
      long k = keys[i];
      int s = slot[(int) ((k - min) >>> shift)];
      if (s >= 0) {
        parts[s][fill[s]++] = k;
        partMin[s] = Math.min(partMin[s], k);
        partMax[s] = Math.max(partMax[s], k);
      }
    }
    for (int w = 0; w < wanted; w++) {
      long[] part = parts[w];
      select(part, part.length, partMin[w], partMax[w], positions, firstPosition[w], firstPosition[w + 1],
          offset + start[wantedBucket[w]], out, below);
    }
  }
}
