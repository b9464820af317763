package io.github.crmkit.lifecycle;

import io.github.crmkit.model.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The append-only log of stage changes, held in columns (dictionary-coded ids and stage names, epoch milliseconds,
 * primitive amounts and probabilities) so that millions of rows cost a few dozen bytes each. Every report of this
 * package (intervals, time in stage, funnels, forecasts) is a pure function of it.
 *
 * <p>Rows of one object must continue each other: an object stays in one pipeline, its rows come in time order,
 * and each row's {@code from} is the previous row's {@code to} (the first row's {@code from} is free, null for an
 * object entering its pipeline). Rows of different objects may interleave freely.
 *
 * <p>Not thread-safe: append from one thread; read (reports) when no append runs, or from a copy.
 */
public final class StageHistory {
  private final Names objects = new Names();
  private final Names pipelines = new Names();
  private final Names stages = new Names();
  private final Names actors = new Names();
  private final Names lostReasons = new Names();

  private int size;
  private int[] object;
  private int[] pipeline;
  private int[] from;
  private int[] to;
  private long[] at;
  private int[] actor;
  private String[] reason;
  private int[] lostReason;
  private double[] amount;
  private double[] probability;

  /** Per object: its pipeline code, last stage code, last instant. */
  private int[] objectPipeline = new int[16];
  private int[] objectStage = new int[16];
  private long[] objectAt = new long[16];

  /** Per object: its first and last row; per row: the object's next row, or -1. Rows of an object are chained. */
  private int[] objectFirst = new int[16];
  private int[] objectLast = new int[16];
  private int[] next;

  /** Creates an empty history. */
  public StageHistory() {
    this(16);
  }

  /**
   * Creates an empty history with room for a number of rows, so that filling it does not copy its columns.
   *
   * @param expectedRows the number of rows expected
   * @throws IllegalArgumentException if the number is negative
   */
  public StageHistory(int expectedRows) {
    if (expectedRows < 0) {
      throw new IllegalArgumentException("expectedRows must not be negative, was " + expectedRows);
    }
    int capacity = Math.max(16, expectedRows);
    object = new int[capacity];
    pipeline = new int[capacity];
    from = new int[capacity];
    to = new int[capacity];
    at = new long[capacity];
    actor = new int[capacity];
    reason = new String[capacity];
    lostReason = new int[capacity];
    next = new int[capacity];
    amount = new double[capacity];
    probability = new double[capacity];
  }

  /**
   * Appends one change.
   *
   * @param change the change
   * @return the row number of the change
   * @throws IllegalArgumentException naming the row and field if the change does not continue its object's rows
   */
  public int append(StageChange change) {
    Objects.requireNonNull(change, "change");
    return append(change.objectId(), change.pipeline(), change.from(), change.to(), change.at().toEpochMilli(),
        change.actor(), change.reason(), change.lostReason(), change.amount(), change.probability());
  }

  /**
   * Appends one change given as column values (the batch face: no row object).
   *
   * @param objectId the object id
   * @param pipelineName the pipeline's name
   * @param fromStage the stage left, or null on entry
   * @param toStage the stage entered
   * @param atMillis when, in epoch milliseconds
   * @param actorId who, or null
   * @param reasonText a free-text reason, or null
   * @param lost the lost reason, or null
   * @param amountAtTime the amount, or NaN
   * @param probabilityAtTime the probability in [0, 1], or NaN
   * @return the row number
   * @throws IllegalArgumentException naming the row and field if the values are invalid or do not continue the
   *     object's rows
   */
  public int append(String objectId, String pipelineName, String fromStage, String toStage, long atMillis,
      String actorId, String reasonText, String lost, double amountAtTime, double probabilityAtTime) {
    String problem = problem(objectId, pipelineName, fromStage, toStage, atMillis, amountAtTime, probabilityAtTime);
    if (problem != null) {
      throw new IllegalArgumentException("stage history row " + size + ": " + problem);
    }
    int known = objects.size();
    int o = objects.code(objectId);
    int p = pipelines.code(pipelineName);
    int t = stages.code(toStage);
    if (o == objectPipeline.length) {
      int capacity = Math.max(16, o * 2);
      objectPipeline = Arrays.copyOf(objectPipeline, capacity);
      objectStage = Arrays.copyOf(objectStage, capacity);
      objectAt = Arrays.copyOf(objectAt, capacity);
      objectFirst = Arrays.copyOf(objectFirst, capacity);
      objectLast = Arrays.copyOf(objectLast, capacity);
    }
    if (size == object.length) {
      grow();
    }
    int row = size;
    if (o == known) {
      objectFirst[o] = row;
    } else {
      next[objectLast[o]] = row;
    }
    objectLast[o] = row;
    next[row] = -1;
    objectPipeline[o] = p;
    objectStage[o] = t;
    objectAt[o] = atMillis;
    object[row] = o;
    pipeline[row] = p;
    from[row] = fromStage == null ? -1 : stages.code(fromStage);
    to[row] = t;
    at[row] = atMillis;
    actor[row] = actorId == null ? -1 : actors.code(actorId);
    reason[row] = reasonText;
    lostReason[row] = lost == null ? -1 : lostReasons.code(lost);
    amount[row] = amountAtTime;
    probability[row] = probabilityAtTime;
    size++;
    return row;
  }

  private String problem(String objectId, String pipelineName, String fromStage, String toStage, long atMillis,
      double amountAtTime, double probabilityAtTime) {
    if (objectId == null || objectId.isBlank() || objectId.length() > 128) {
      return "objectId must be 1 to 128 characters, not blank";
    }
    if (pipelineName == null || pipelineName.isBlank()) {
      return "pipeline must not be blank";
    }
    if (toStage == null || toStage.isBlank()) {
      return "to must not be blank";
    }
    if (toStage.equals(fromStage)) {
      return "to must differ from from, both were '" + toStage + "'";
    }
    if (Double.isInfinite(amountAtTime)) {
      return "amount must be finite or NaN, was " + amountAtTime;
    }
    if (!Double.isNaN(probabilityAtTime) && !(probabilityAtTime >= 0 && probabilityAtTime <= 1)) {
      return "probability must be between 0 and 1 or NaN, was " + probabilityAtTime;
    }
    int o = objects.find(objectId);
    if (o >= 0) {
      if (!pipelines.name(objectPipeline[o]).equals(pipelineName)) {
        return "pipeline '" + pipelineName + "' differs from the object's pipeline '"
            + pipelines.name(objectPipeline[o]) + "' (object " + objectId + ")";
      }
      String current = stages.name(objectStage[o]);
      if (!current.equals(fromStage)) {
        return "from '" + fromStage + "' does not continue the object's stage '" + current + "' (object "
            + objectId + ")";
      }
      if (atMillis < objectAt[o]) {
        return "at " + Instant.ofEpochMilli(atMillis) + " is before the object's previous change at "
            + Instant.ofEpochMilli(objectAt[o]) + " (object " + objectId + ")";
      }
    }
    return null;
  }

  private void grow() {
    int capacity = object.length + (object.length >> 1);
    object = Arrays.copyOf(object, capacity);
    pipeline = Arrays.copyOf(pipeline, capacity);
    from = Arrays.copyOf(from, capacity);
    to = Arrays.copyOf(to, capacity);
    at = Arrays.copyOf(at, capacity);
    actor = Arrays.copyOf(actor, capacity);
    reason = Arrays.copyOf(reason, capacity);
    lostReason = Arrays.copyOf(lostReason, capacity);
    next = Arrays.copyOf(next, capacity);
    amount = Arrays.copyOf(amount, capacity);
    probability = Arrays.copyOf(probability, capacity);
  }

  /**
   * Appends a batch: every valid row is appended, every invalid one reported with its position and reason; the
   * counts reconcile.
   *
   * @param changes the changes, in order
   * @return the number appended and the rejected rows
   */
  public AppendResult appendAll(List<StageChange> changes) {
    List<RejectedChange> rejected = new ArrayList<>();
    int appended = 0;
    for (int i = 0; i < changes.size(); i++) {
      StageChange change = changes.get(i);
      if (change == null) {
        rejected.add(new RejectedChange(i, "row is null"));
        continue;
      }
      String problem = problem(change.objectId(), change.pipeline(), change.from(), change.to(),
          change.at().toEpochMilli(), change.amount(), change.probability());
      if (problem != null) {
        rejected.add(new RejectedChange(i, problem));
      } else {
        append(change);
        appended++;
      }
    }
    return new AppendResult(appended, rejected);
  }

  /**
   * The number of rows.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * The number of distinct objects.
   *
   * @return the object count
   */
  public int objectCount() {
    return objects.size();
  }

  /**
   * The id of an object, by its index in order of first appearance.
   *
   * @param index the object index, 0 to {@link #objectCount()} - 1
   * @return the object id
   * @throws IndexOutOfBoundsException if there is no such object
   */
  public String objectId(int index) {
    Objects.checkIndex(index, objects.size());
    return objects.name(index);
  }

  /**
   * The instant of the latest row.
   *
   * @return the latest instant, or null for an empty history
   */
  public Instant latest() {
    if (size == 0) {
      return null;
    }
    long max = Long.MIN_VALUE;
    for (int row = 0; row < size; row++) {
      max = Math.max(max, at[row]);
    }
    return Instant.ofEpochMilli(max);
  }

  /**
   * The instant of the earliest row.
   *
   * @return the earliest instant, or null for an empty history
   */
  public Instant earliest() {
    if (size == 0) {
      return null;
    }
    long min = Long.MAX_VALUE;
    for (int row = 0; row < size; row++) {
      min = Math.min(min, at[row]);
    }
    return Instant.ofEpochMilli(min);
  }

  /**
   * Returns one row.
   *
   * @param row the row number
   * @return the change
   * @throws IndexOutOfBoundsException if there is no such row
   */
  public StageChange get(int row) {
    Objects.checkIndex(row, size);
    return new StageChange(objects.name(object[row]), pipelines.name(pipeline[row]), stages.name(from[row]),
        stages.name(to[row]), Instant.ofEpochMilli(at[row]), actors.name(actor[row]), reason[row],
        lostReasons.name(lostReason[row]), amount[row], probability[row]);
  }

  /**
   * The current stage of an object: the {@code to} of its last row.
   *
   * @param objectId the object id
   * @return the stage name, or null when the history has no row of the object
   */
  public String currentStage(String objectId) {
    int o = objects.find(objectId);
    return o < 0 ? null : stages.name(objectStage[o]);
  }

  /**
   * The rows of one object, in order.
   *
   * @param objectId the object id
   * @return the changes, empty when the object has none
   */
  public List<StageChange> rows(String objectId) {
    int o = objects.find(objectId);
    if (o < 0) {
      return List.of();
    }
    List<StageChange> rows = new ArrayList<>();
    for (int row = objectFirst[o]; row >= 0; row = next[row]) {
      rows.add(get(row));
    }
    return List.copyOf(rows);
  }

  /**
   * The stage intervals: one per row, from the row's instant in its {@code to} stage until the object's next row
   * (or open, when it is the object's last).
   *
   * @return the intervals, in row order
   */
  public StageIntervals intervals() {
    long[] exited = new long[size];
    for (int row = 0; row < size; row++) {
      exited[row] = next[row] < 0 ? StageIntervals.OPEN : at[next[row]];
    }
    String[] objectIds = new String[size];
    String[] stageNames = new String[size];
    String[] pipelineNames = new String[size];
    for (int row = 0; row < size; row++) {
      objectIds[row] = objects.name(object[row]);
      stageNames[row] = stages.name(to[row]);
      pipelineNames[row] = pipelines.name(pipeline[row]);
    }
    return new StageIntervals(objectIds, pipelineNames, stageNames, Arrays.copyOf(at, size), exited);
  }

  /**
   * Time in each stage an object visited, in calendar time: the latest visit and the total over visits (a reopened
   * stage adds up), up to {@code asOf} for the stage it is in. The totals add up to the object's age: {@code asOf}
   * minus its first row's instant.
   *
   * @param objectId the object id
   * @param asOf the end of the open interval
   * @return one entry per stage visited, in order of first visit; empty for an unknown object
   * @throws IllegalArgumentException if {@code asOf} is before the object's last row
   */
  public List<TimeInStage> timeInStage(String objectId, Instant asOf) {
    return timeInStage(objectId, asOf, null);
  }

  /**
   * Time in each stage an object visited, in calendar time and in business time by a working calendar (working
   * hours in its zone, without holidays and absences).
   *
   * @param objectId the object id
   * @param asOf the end of the open interval
   * @param calendar the working calendar, or null for calendar time only
   * @return one entry per stage visited, in order of first visit; empty for an unknown object
   * @throws IllegalArgumentException if {@code asOf} is before the object's last row
   */
  public List<TimeInStage> timeInStage(String objectId, Instant asOf, WorkingCalendar calendar) {
    Objects.requireNonNull(asOf, "asOf");
    int o = objects.find(Objects.requireNonNull(objectId, "objectId"));
    if (o < 0) {
      return List.of();
    }
    long end = asOf.toEpochMilli();
    if (end < objectAt[o]) {
      throw new IllegalArgumentException("asOf " + asOf + " is before the object's last change at "
          + Instant.ofEpochMilli(objectAt[o]));
    }
    BusinessTime business = calendar == null ? null : new BusinessTime(calendar);
    List<Integer> order = new ArrayList<>();
    List<long[]> sums = new ArrayList<>(); // visits, latest, cumulative, latest business, cumulative business
    for (int row = objectFirst[o]; row >= 0; row = next[row]) {
      long exit = next[row] < 0 ? end : at[next[row]];
      int index = order.indexOf(to[row]);
      if (index < 0) {
        index = order.size();
        order.add(to[row]);
        sums.add(new long[5]);
      }
      long[] sum = sums.get(index);
      long millis = exit - at[row];
      sum[0]++;
      sum[1] = millis;
      sum[2] += millis;
      if (business != null) {
        long working = business.millisBetween(at[row], exit);
        sum[3] = working;
        sum[4] += working;
      }
    }
    List<TimeInStage> result = new ArrayList<>(order.size());
    for (int i = 0; i < order.size(); i++) {
      long[] sum = sums.get(i);
      result.add(new TimeInStage(stages.name(order.get(i)), (int) sum[0], Duration.ofMillis(sum[1]),
          Duration.ofMillis(sum[2]), business == null ? null : Duration.ofMillis(sum[3]),
          business == null ? null : Duration.ofMillis(sum[4])));
    }
    return List.copyOf(result);
  }

  // package-private column access for the reports

  /** The first row of an object. */
  int firstRowOf(int objectIndex) {
    return objectFirst[objectIndex];
  }

  /** The last row of an object. */
  int lastRowOf(int objectIndex) {
    return objectLast[objectIndex];
  }

  /** The next row of the same object, or -1. */
  int nextRowOf(int row) {
    return next[row];
  }

  int objectOf(int row) {
    return object[row];
  }

  int pipelineOf(int row) {
    return pipeline[row];
  }

  int fromOf(int row) {
    return from[row];
  }

  int toOf(int row) {
    return to[row];
  }

  long atOf(int row) {
    return at[row];
  }

  double amountOf(int row) {
    return amount[row];
  }

  double probabilityOf(int row) {
    return probability[row];
  }

  int lostReasonOf(int row) {
    return lostReason[row];
  }

  String objectName(int code) {
    return objects.name(code);
  }

  String stageName(int code) {
    return stages.name(code);
  }

  String lostReasonName(int code) {
    return lostReasons.name(code);
  }

  String actorName(int code) {
    return actors.name(code);
  }

  int actorOf(int row) {
    return actor[row];
  }

  /** The pipeline code of a name, or -1 when no row has it. */
  int pipelineCode(String name) {
    return pipelines.find(name);
  }

  /** Maps stage codes of this history to stage indices of a definition (-1 for names it does not have). */
  int[] stageIndices(PipelineDefinition definition) {
    int[] map = new int[stages.size()];
    for (int code = 0; code < map.length; code++) {
      String name = stages.name(code);
      map[code] = definition.hasStage(name) ? definition.indexOf(name) : -1;
    }
    return map;
  }

  /** Returns the row and object counts, never row contents. */
  @Override
  public String toString() {
    return "StageHistory[rows=" + size + ", objects=" + objects.size() + "]";
  }
}
