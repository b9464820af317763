package io.github.crmkit.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * Stage intervals derived from a {@link StageHistory}: for each row, the object, pipeline and stage entered, when it
 * entered and when it left (the instant of the object's next row), or {@link #OPEN} while it is still there. Held
 * in columns, in the history's row order.
 *
 * <p>Immutable and thread-safe.
 */
public final class StageIntervals {
  /** The exit of an interval the object is still in. */
  public static final long OPEN = Long.MAX_VALUE;

  private final String[] objectIds;
  private final String[] pipelines;
  private final String[] stages;
  private final long[] entered;
  private final long[] exited;

  StageIntervals(String[] objectIds, String[] pipelines, String[] stages, long[] entered, long[] exited) {
    this.objectIds = objectIds;
    this.pipelines = pipelines;
    this.stages = stages;
    this.entered = entered;
    this.exited = exited;
  }

  /**
   * The number of intervals, the history's row count.
   *
   * @return the size
   */
  public int size() {
    return entered.length;
  }

  /**
   * The object of an interval.
   *
   * @param i the interval
   * @return the object id
   */
  public String objectId(int i) {
    return objectIds[i];
  }

  /**
   * The pipeline of an interval.
   *
   * @param i the interval
   * @return the pipeline name
   */
  public String pipeline(int i) {
    return pipelines[i];
  }

  /**
   * The stage of an interval.
   *
   * @param i the interval
   * @return the stage name
   */
  public String stage(int i) {
    return stages[i];
  }

  /**
   * When the object entered the stage, in epoch milliseconds.
   *
   * @param i the interval
   * @return the entry instant
   */
  public long enteredMillis(int i) {
    return entered[i];
  }

  /**
   * When the object left the stage, in epoch milliseconds, or {@link #OPEN}.
   *
   * @param i the interval
   * @return the exit instant or {@link #OPEN}
   */
  public long exitedMillis(int i) {
    return exited[i];
  }

  /**
   * Whether the object is still in the stage.
   *
   * @param i the interval
   * @return true while open
   */
  public boolean isOpen(int i) {
    return exited[i] == OPEN;
  }

  /**
   * The interval's length up to an instant (for an open interval) in milliseconds.
   *
   * @param i the interval
   * @param asOf the end of an open interval
   * @return the length in milliseconds, never negative
   */
  public long millis(int i, Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    long end = exited[i] == OPEN ? asOf.toEpochMilli() : exited[i];
    return Math.max(0, end - entered[i]);
  }
}
