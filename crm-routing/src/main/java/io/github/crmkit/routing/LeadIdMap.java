package io.github.crmkit.routing;

import io.github.crmkit.model.LeadId;
import java.util.Objects;

/**
 * A map from lead to a non-negative {@code int} by open addressing: keys and values in two arrays, linear probing,
 * removal by shifting the following entries back (no tombstones). The in-memory ledger keeps each owned lead's
 * owner here, as the owner's number.
 *
 * <p>Why not {@link java.util.HashMap}: an entry there is a node object of its own (32 bytes, allocated on every
 * insertion and reached through one more pointer); here an entry is two array cells, and putting a lead in and
 * taking it out again allocates nothing. At half load, 16 bytes per lead with compressed pointers, against about 40
 * for a {@code HashMap}. The arrays grow at half load and never shrink (as a {@code HashMap}'s table). Values are
 * numbers rather than references: the arrays live as long as the ledger, and storing a reference into them costs a
 * collector's write barrier (with G1, a memory fence) on every insertion.
 *
 * <p>Not thread-safe: the ledger uses it under its lock. Null keys and negative values are refused.
 */
final class LeadIdMap {
  /** What the methods return for a lead without a value. */
  static final int NONE = -1;
  private static final int MIN_CAPACITY = 16;

  private LeadId[] keys;
  private int[] values;
  private int size;
  /** 32 minus the number of bits of the capacity: a hash shifted right by it is a position. */
  private int shift;

  LeadIdMap() {
    allocate(MIN_CAPACITY);
  }

  private void allocate(int capacity) {
    keys = new LeadId[capacity];
    values = new int[capacity];
    shift = Integer.numberOfLeadingZeros(capacity - 1);
  }

  /** The position where the probe for {@code key} starts: the high bits of a multiplicative hash. */
  private int home(LeadId key) {
    return (key.hashCode() * 0x9E3779B9) >>> shift;
  }

  /** The position of {@code key}, or of the empty cell where the probe for it ended, as {@code -1 - position}. */
  private int find(LeadId key) {
    LeadId[] k = keys;
    int mask = k.length - 1;
    for (int i = home(key); ; i = (i + 1) & mask) {
      LeadId at = k[i];
      if (at == null) {
        return -1 - i;
      }
      if (at == key || at.equals(key)) {
        return i;
      }
    }
  }

  int size() {
    return size;
  }

  /**
   * The value of {@code key}.
   *
   * @return the value, or {@link #NONE}
   */
  int get(LeadId key) {
    int i = find(Objects.requireNonNull(key, "key"));
    return i >= 0 ? values[i] : NONE;
  }

  /**
   * Maps {@code key} to {@code value} unless it is mapped already.
   *
   * @return the value it had, or {@link #NONE} if it was put
   */
  int putIfAbsent(LeadId key, int value) {
    check(value);
    int i = find(Objects.requireNonNull(key, "key"));
    if (i >= 0) {
      return values[i];
    }
    insert(-1 - i, key, value);
    return NONE;
  }

  /**
   * Maps {@code key} to {@code value}.
   *
   * @return the value it had, or {@link #NONE}
   */
  int put(LeadId key, int value) {
    check(value);
    int i = find(Objects.requireNonNull(key, "key"));
    if (i >= 0) {
      int previous = values[i];
      values[i] = value;
      return previous;
    }
    insert(-1 - i, key, value);
    return NONE;
  }

  private static void check(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("value must not be negative, was " + value);
    }
  }

  private void insert(int empty, LeadId key, int value) {
    if (2 * (size + 1) > keys.length) { // keep at most half full: probes stay short
      grow();
      empty = -1 - find(key);
    }
    keys[empty] = key;
    values[empty] = value;
    size++;
  }

  private void grow() {
    LeadId[] oldKeys = keys;
    int[] oldValues = values;
    allocate(oldKeys.length * 2);
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      LeadId key = oldKeys[j];
      if (key != null) {
        int i = home(key);
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = oldValues[j];
      }
    }
  }

  /**
   * Removes {@code key}'s mapping.
   *
   * @return the value it had, or {@link #NONE} if it had none
   */
  int remove(LeadId key) {
    int i = find(Objects.requireNonNull(key, "key"));
    if (i < 0) {
      return NONE;
    }
    int previous = values[i];
    LeadId[] k = keys;
    int[] v = values;
    int mask = k.length - 1;
    // Shift back each following entry of the run whose probe passed through the emptied cell, so that no probe
    // meets an empty cell before its key.
    int hole = i;
    for (int j = (i + 1) & mask; k[j] != null; j = (j + 1) & mask) {
      int home = home(k[j]);
      // the entry at j may move to the hole unless its home lies cyclically in (hole, j]
      boolean stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (!stays) {
        k[hole] = k[j];
        v[hole] = v[j];
        hole = j;
      }
    }
    k[hole] = null;
    size--;
    return previous;
  }
}
