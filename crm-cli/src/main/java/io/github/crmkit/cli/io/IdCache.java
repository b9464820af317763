package io.github.crmkit.cli.io;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Decodes id fields to strings, handing out the same {@code String} for the same bytes while it stays in a small
 * direct-mapped cache: ids repeat from row to row (the lines of one invoice, the purchases of one customer), so most
 * rows decode nothing, and the map lookups that follow reuse the string's cached hash code.
 *
 * <p>Not thread-safe.
 */
final class IdCache {
  private static final int SIZE = 4096;

  private final Charset charset;
  private final byte[][] keys = new byte[SIZE][];
  private final String[] values = new String[SIZE];

  IdCache(Charset charset) {
    this.charset = charset;
  }

  /** Returns the id in {@code bytes[start, end)}. */
  String get(byte[] bytes, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + bytes[i];
    }
    int slot = (h ^ (h >>> 12)) & (SIZE - 1);
    byte[] key = keys[slot];
    if (key != null && Arrays.equals(key, 0, key.length, bytes, start, end)) {
      return values[slot];
    }
    String value = new String(bytes, start, end - start, charset);
    keys[slot] = Arrays.copyOfRange(bytes, start, end);
    values[slot] = value;
    return value;
  }
}
