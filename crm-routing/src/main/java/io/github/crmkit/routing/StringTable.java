package io.github.crmkit.routing;

import java.util.Map;

/**
 * A fixed map from string to a row of bits by open addressing, for the rule filter's tables (a field's value to the
 * rules it lets through): built once, read on every decision.
 *
 * <p>Why not {@link java.util.HashMap}: a lookup there calls {@code hashCode} and follows a node to its key and
 * value. Here the keys' hashes sit in an {@code int} array next to the keys, so that a value the policy never
 * names (the usual case for most of a lead's fields) is refused after reading the hashes only, without touching a
 * key; a value that is the policy's own string instance is found without comparing characters.
 *
 * <p>Immutable and thread-safe once built.
 *
 */
final class StringTable {
  private final String[] keys;
  private final int[] hashes;
  private final long[][] values;
  private final int mask;

  /**
   * A table of the entries of {@code map}.
   *
   * @param map the entries; no null keys or values
   */
  StringTable(Map<String, long[]> map) {
    int capacity = Integer.highestOneBit(Math.max(2, map.size() * 2 - 1)) << 1; // at most half full
    keys = new String[capacity];
    hashes = new int[capacity];
    values = new long[capacity][];
    mask = capacity - 1;
    for (Map.Entry<String, long[]> e : map.entrySet()) {
      String key = e.getKey();
      int h = key.hashCode();
      int i = spread(h) & mask;
      while (keys[i] != null) {
        i = (i + 1) & mask;
      }
      keys[i] = key;
      hashes[i] = h;
      values[i] = java.util.Objects.requireNonNull(e.getValue(), "value");
    }
  }

  private static int spread(int h) {
    return h * 0x9E3779B9 >>> 16 ^ h;
  }

  /**
   * The value of {@code key}, or null if it has none.
   *
   * @param key the key, not null
   * @return the value or null
   */
  long[] get(String key) {
    int h = key.hashCode();
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      String at = keys[i];
      if (at == null) {
        return null;
      }
      if (at == key || hashes[i] == h && at.equals(key)) {
        return values[i];
      }
    }
  }
}
