package io.github.crmkit.lifecycle.learning;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable snapshot of the learner's per-team frequency tables: for each team, the number of won and lost
 * objects, the number of lost objects by the stage they reached, and for each field value the number of won and lost
 * objects that carried it.
 *
 * <p>Counting rules: a {@link Outcome#WON won} object counts as won at every stage (it passed them all) and once for
 * each of its field values; a {@link Outcome#LOST lost} object counts as lost at every stage from the first up to the
 * one it reached, and once for each of its field values; an {@link Outcome#OPEN open} object is not counted.
 *
 * <p>Incremental updates return a new snapshot and leave this one unchanged: {@link #apply} takes an object's
 * observation before and after a change (a win, a loss, a reopen, or a move from won to lost) and removes what the
 * old observation counted before adding what the new one counts, so a reopen removes the counted outcome. Only the
 * changed team's tables are copied. Two tables holding the same counts are {@link #equals equal}, whatever the order
 * of the updates that built them.
 *
 * <p>Immutable and thread-safe: snapshots can be shared between threads freely. To keep one current table under
 * concurrent updates, use {@link WinProbabilityLearner}.
 */
public final class FrequencyTable {
  private static final FrequencyTable EMPTY = new FrequencyTable(Map.of());

  private final Map<String, TeamCounts> teams;

  private FrequencyTable(Map<String, TeamCounts> teams) {
    this.teams = teams;
  }

  /**
   * Returns the table without any counts.
   *
   * @return the empty table
   */
  public static FrequencyTable empty() {
    return EMPTY;
  }

  /**
   * Returns the table counting the given observations (open ones are skipped).
   *
   * @param observations the history
   * @return the table
   */
  public static FrequencyTable of(Iterable<LearnerObservation> observations) {
    FrequencyTable table = EMPTY;
    for (LearnerObservation o : observations) {
      table = table.apply(null, o);
    }
    return table;
  }

  /**
   * Returns the table after an object changed from {@code before} to {@code after}: the outcome counted for
   * {@code before} (if closed) is removed and the outcome of {@code after} (if closed) is added. Either may be
   * {@code null} (a new object, or one that is deleted).
   *
   * @param before the object as it was counted, or null
   * @param after the object as it is now, or null
   * @return the updated table (this one when nothing changes)
   * @throws IllegalArgumentException when both are given with different object ids
   * @throws IllegalStateException when {@code before} was never counted (a count would become negative)
   */
  public FrequencyTable apply(LearnerObservation before, LearnerObservation after) {
    if (before != null && after != null && !before.objectId().equals(after.objectId())) {
      throw new IllegalArgumentException("FrequencyTable.apply needs the same object before and after, was "
          + before.objectId() + " and " + after.objectId());
    }
    boolean remove = before != null && before.outcome().isClosed();
    boolean add = after != null && after.outcome().isClosed();
    if (!remove && !add) {
      return this;
    }
    Map<String, TeamCounts> next = new HashMap<>(teams);
    if (remove) {
      update(next, before, -1);
    }
    if (add) {
      update(next, after, +1);
    }
    return new FrequencyTable(Map.copyOf(next));
  }

  /**
   * Returns the table with one more closed object counted; the same as {@code apply(null, closed)}.
   *
   * @param closed a won or lost object
   * @return the updated table
   * @throws IllegalArgumentException when the object is open
   */
  public FrequencyTable add(LearnerObservation closed) {
    if (!closed.outcome().isClosed()) {
      throw new IllegalArgumentException("FrequencyTable.add needs a won or lost object, " + closed.objectId()
          + " is OPEN");
    }
    return apply(null, closed);
  }

  private static void update(Map<String, TeamCounts> teams, LearnerObservation o, int sign) {
    TeamCounts old = teams.get(o.team());
    TeamCounts updated = (old == null ? TeamCounts.EMPTY : old).plus(o, sign);
    if (updated.isEmpty()) {
      teams.remove(o.team());
    } else {
      teams.put(o.team(), updated);
    }
  }

  /**
   * The teams that have counts.
   *
   * @return the team names
   */
  public Set<String> teams() {
    return teams.keySet();
  }

  /**
   * The number of won objects of a team.
   *
   * @param team the team
   * @return the count, 0 for an unknown team
   */
  public long won(String team) {
    TeamCounts t = teams.get(team);
    return t == null ? 0 : t.won;
  }

  /**
   * The number of lost objects of a team.
   *
   * @param team the team
   * @return the count, 0 for an unknown team
   */
  public long lost(String team) {
    TeamCounts t = teams.get(team);
    return t == null ? 0 : t.lost;
  }

  /**
   * The number of won objects counted at a stage: every won object of the team.
   *
   * @param team the team
   * @param stage the stage index, not negative
   * @return the count
   */
  public long wonAtStage(String team, int stage) {
    checkStage(stage);
    return won(team);
  }

  /**
   * The number of lost objects counted at a stage: those that reached that stage or a later one.
   *
   * @param team the team
   * @param stage the stage index, not negative
   * @return the count
   */
  public long lostAtStage(String team, int stage) {
    checkStage(stage);
    TeamCounts t = teams.get(team);
    return t == null ? 0 : t.lostAtStage(stage);
  }

  /**
   * The number of won objects of a team that carried a field value.
   *
   * @param team the team
   * @param field the field name
   * @param value the value
   * @return the count
   */
  public long won(String team, String field, String value) {
    long[] c = counts(team, field, value);
    return c == null ? 0 : c[0];
  }

  /**
   * The number of lost objects of a team that carried a field value.
   *
   * @param team the team
   * @param field the field name
   * @param value the value
   * @return the count
   */
  public long lost(String team, String field, String value) {
    long[] c = counts(team, field, value);
    return c == null ? 0 : c[1];
  }

  /** Won and lost counts of a field value, or null; package-private, never modify. */
  long[] counts(String team, String field, String value) {
    TeamCounts t = teams.get(team);
    if (t == null) {
      return null;
    }
    Map<String, long[]> values = t.fields.get(field);
    return values == null ? null : values.get(value);
  }

  private static void checkStage(int stage) {
    if (stage < 0) {
      throw new IllegalArgumentException("stage must not be negative, was " + stage);
    }
  }

  /**
   * Equal when both hold the same counts.
   *
   * @param other another object
   * @return whether equal
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof FrequencyTable t && teams.equals(t.teams);
  }

  @Override
  public int hashCode() {
    return teams.hashCode();
  }

  /** Team names with their won and lost totals; no field values. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("FrequencyTable{");
    teams.keySet().stream().sorted().forEach(name -> {
      TeamCounts t = teams.get(name);
      s.append(name).append("=won ").append(t.won).append("/lost ").append(t.lost).append("; ");
    });
    return s.append('}').toString();
  }

  /** Counts of one team; immutable once built. */
  private static final class TeamCounts {
    static final TeamCounts EMPTY = new TeamCounts(0, 0, new long[0], Map.of());

    final long won;
    final long lost;
    /** lostReached[s]: lost objects whose furthest stage was s; no trailing zeros. */
    final long[] lostReached;
    /** field -> value -> {won, lost}; no zero entries, no empty maps; arrays never modified after construction. */
    final Map<String, Map<String, long[]>> fields;

    TeamCounts(long won, long lost, long[] lostReached, Map<String, Map<String, long[]>> fields) {
      this.won = won;
      this.lost = lost;
      this.lostReached = lostReached;
      this.fields = fields;
    }

    boolean isEmpty() {
      return won == 0 && lost == 0 && lostReached.length == 0 && fields.isEmpty();
    }

    long lostAtStage(int stage) {
      long sum = 0;
      for (int s = stage; s < lostReached.length; s++) {
        sum += lostReached[s];
      }
      return sum;
    }

    TeamCounts plus(LearnerObservation o, int sign) {
      boolean isWon = o.outcome() == Outcome.WON;
      long newWon = won + (isWon ? sign : 0);
      long newLost = lost + (isWon ? 0 : sign);
      if (newWon < 0 || newLost < 0) {
        throw neverCounted(o);
      }
      long[] reached = lostReached;
      if (!isWon) {
        int r = o.stageReached();
        reached = Arrays.copyOf(lostReached, Math.max(lostReached.length, r + 1));
        reached[r] += sign;
        if (reached[r] < 0) {
          throw neverCounted(o);
        }
        int length = reached.length;
        while (length > 0 && reached[length - 1] == 0) {
          length--;
        }
        reached = length == reached.length ? reached : Arrays.copyOf(reached, length);
      }
      Map<String, Map<String, long[]>> newFields = new HashMap<>(fields);
      int slot = isWon ? 0 : 1;
      for (Map.Entry<String, String> e : o.fields().entrySet()) {
        Map<String, long[]> values = newFields.get(e.getKey());
        Map<String, long[]> copy = values == null ? new HashMap<>() : new HashMap<>(values);
        long[] old = copy.get(e.getValue());
        long[] c = old == null ? new long[2] : old.clone();
        c[slot] += sign;
        if (c[slot] < 0) {
          throw neverCounted(o);
        }
        if (c[0] == 0 && c[1] == 0) {
          copy.remove(e.getValue());
        } else {
          copy.put(e.getValue(), c);
        }
        if (copy.isEmpty()) {
          newFields.remove(e.getKey());
        } else {
          newFields.put(e.getKey(), Map.copyOf(copy));
        }
      }
      return new TeamCounts(newWon, newLost, reached, Map.copyOf(newFields));
    }

    private static IllegalStateException neverCounted(LearnerObservation o) {
      return new IllegalStateException("object " + o.objectId() + " of team " + o.team() + " was never counted as "
          + o.outcome() + " at stage " + o.stageReached() + " with these field values: a count would become negative");
    }

    @Override
    public boolean equals(Object other) {
      if (!(other instanceof TeamCounts t)) {
        return false;
      }
      if (won != t.won || lost != t.lost || !Arrays.equals(lostReached, t.lostReached)
          || !fields.keySet().equals(t.fields.keySet())) {
        return false;
      }
      for (Map.Entry<String, Map<String, long[]>> e : fields.entrySet()) {
        Map<String, long[]> mine = e.getValue();
        Map<String, long[]> theirs = t.fields.get(e.getKey());
        if (!mine.keySet().equals(theirs.keySet())) {
          return false;
        }
        for (Map.Entry<String, long[]> v : mine.entrySet()) {
          if (!Arrays.equals(v.getValue(), theirs.get(v.getKey()))) {
            return false;
          }
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int h = Objects.hash(won, lost) * 31 + Arrays.hashCode(lostReached);
      for (Map.Entry<String, Map<String, long[]>> e : fields.entrySet()) {
        int inner = 0;
        for (Map.Entry<String, long[]> v : e.getValue().entrySet()) {
          inner += v.getKey().hashCode() ^ Arrays.hashCode(v.getValue());
        }
        h += e.getKey().hashCode() ^ inner;
      }
      return h;
    }
  }
}
