package io.github.crmkit.scoring;

import java.util.Arrays;

/**
 * Finds a few order statistics of a {@code double} column without sorting it: a most-significant-digit radix
 * select. Each value becomes a {@code long} key with the same order; one pass finds the smallest and largest key, one
 * pass counts the keys in at most 2,048 buckets of their range, and one pass copies out only the keys of the buckets
 * that hold a wanted position, which are resolved the same way inside their bucket. A bucket whose keys are all
 * equal ends the search at once, so columns with many equal values (days, order counts) cost no more than distinct
 * ones. Each level narrows the range by eleven bits, so there are at most six levels below the first: time
 * {@code O(n)} for any input, with no data-dependent branches on the counting passes and no adversarial worst case.
 *
 * <p>The first level buckets by value instead, in 2,048 equal steps from the smallest value to the largest, when
 * that range is a finite, normal number: bucketing keys by their leading bits splits the range by binary exponent,
 * so that a money column with a few negative values (net returns) put about four fifths of its values into one
 * bucket of the first level, to be copied and split again. {@code (x - lo) * scale}, rounded down, never decreases
 * as {@code x} grows and gives equal values one bucket, which is all a level needs (on a subnormal or overflowing
 * range it would still be correct, but put nearly everything into one bucket, so the key level is used there).
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
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double x = values[i];
      long k = key(x);
      work[i] = k;
      // plain comparisons: after the first values they are almost never taken, and measured faster here than
      // Math.min and Math.max
      if (k < min) {
        min = k;
      }
      if (k > max) {
        max = k;
      }
      if (x < lo) {
        lo = x;
      }
      if (x > hi) {
        hi = x;
      }
    }
    long[] keys = new long[positions.length];
    double span = hi - lo;
    double scale = (BUCKETS - 1) / span;
    if (min != max && span >= Double.MIN_NORMAL && span <= Double.MAX_VALUE && scale <= Double.MAX_VALUE) {
      selectByValue(values, work, lo, scale, positions, keys, below);
    } else {
      select(work, n, min, max, positions, 0, positions.length, 0, keys, below);
    }
    for (int i = 0; i < keys.length; i++) {
      out[i] = value(keys[i]);
    }
  }

  /** The first level, by value: bucket {@code floor((x - lo) * scale)}, at most {@code BUCKETS - 1}. */
  private static void selectByValue(double[] values, long[] keys, double lo, double scale, int[] positions,
      long[] out, long[] below) {
    int n = values.length;
    int[] start = new int[BUCKETS + 1];
    for (int i = 0; i < n; i++) {
      start[Math.min(BUCKETS - 1, (int) ((values[i] - lo) * scale)) + 1]++;
    }
    for (int b = 0; b < BUCKETS; b++) {
      start[b + 1] += start[b];
    }
    Wanted wanted = Wanted.of(start, BUCKETS, positions, 0, positions.length, 0);
    for (int i = 0; i < n; i++) {
      int s = wanted.slot[Math.min(BUCKETS - 1, (int) ((values[i] - lo) * scale))];
      if (s >= 0) {
        wanted.add(s, keys[i]);
      }
    }
    wanted.resolve(start, positions, 0, out, below);
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
    Wanted wanted = Wanted.of(start, buckets, positions, from, to, offset);
    for (int i = 0; i < len; i++) {
      long k = keys[i];
      int s = wanted.slot[(int) ((k - min) >>> shift)];
      if (s >= 0) {
        wanted.add(s, k);
      }
    }
    wanted.resolve(start, positions, offset, out, below);
  }

  /**
   * The buckets of one level that hold wanted positions, in ascending order, each with its slice of the positions
   * and, once filled, its keys and their smallest and largest.
   */
  private static final class Wanted {
    final int[] slot; // per bucket: its index among the wanted ones, or -1
    final int[] bucket;
    final int[] firstPosition;
    final long[][] parts;
    final int[] fill;
    final long[] partMin;
    final long[] partMax;

    private Wanted(int[] slot, int[] bucket, int[] firstPosition, long[][] parts) {
      this.slot = slot;
      this.bucket = bucket;
      this.firstPosition = firstPosition;
      this.parts = parts;
      this.fill = new int[parts.length];
      this.partMin = new long[parts.length];
      this.partMax = new long[parts.length];
      Arrays.fill(partMin, Long.MAX_VALUE);
      Arrays.fill(partMax, Long.MIN_VALUE);
    }

    /**
     * The wanted buckets of a level whose bucket {@code b} holds the keys at sorted positions
     * {@code offset + start[b] .. offset + start[b+1]} of the whole column.
     */
    static Wanted of(int[] start, int buckets, int[] positions, int from, int to, int offset) {
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
      for (int w = 0; w < wanted; w++) {
        parts[w] = new long[start[wantedBucket[w] + 1] - start[wantedBucket[w]]];
      }
      return new Wanted(slot, Arrays.copyOf(wantedBucket, wanted), Arrays.copyOf(firstPosition, wanted + 1), parts);
    }

    void add(int s, long k) {
      parts[s][fill[s]++] = k;
      partMin[s] = Math.min(partMin[s], k);
      partMax[s] = Math.max(partMax[s], k);
    }

    /** Resolves each wanted bucket's positions inside its keys, the next level. */
    void resolve(int[] start, int[] positions, int offset, long[] out, long[] below) {
      for (int w = 0; w < parts.length; w++) {
        long[] part = parts[w];
        select(part, part.length, partMin[w], partMax[w], positions, firstPosition[w], firstPosition[w + 1],
            offset + start[bucket[w]], out, below);
      }
    }
  }
}
