package io.github.crmkit.lifecycle.sla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One service-level target: a limit on business time, with reminders before the breach and escalations after it.
 *
 * <p>Every duration is business time (working time of the policy's calendar, see {@link BusinessTime}). A timer of
 * this target sends, in this order, each reminder when the business time consumed reaches
 * {@code limit - reminderBefore}, the breach when it reaches {@code limit}, and each escalation when it reaches
 * {@code limit + escalationAfter}. A target with {@link #stages()} applies only while the object is in one of those
 * stages (a per-stage target); a target without stages applies for the object's whole life (a per-ticket target).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the target's unique name within a policy, not blank, at most 200 characters
 * @param metric what it measures
 * @param limit the business time allowed, positive
 * @param remindersBefore business time before the breach at which reminders fall due, each positive, below
 *     {@code limit}, distinct; stored from the earliest reminder (the largest) to the latest
 * @param escalationsAfter business time after the breach at which escalations fall due, each positive, distinct;
 *     stored in ascending order
 * @param stages the stages in which the target applies; empty for the whole life of the object
 */
public record SlaTarget(
    String name,
    SlaMetric metric,
    Duration limit,
    List<Duration> remindersBefore,
    List<Duration> escalationsAfter,
    Set<String> stages) {

  /**
   * Validates, sorts and copies the components.
   *
   * @throws IllegalArgumentException naming the component and the problem
   */
  public SlaTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(remindersBefore, "remindersBefore");
    Objects.requireNonNull(escalationsAfter, "escalationsAfter");
    Objects.requireNonNull(stages, "stages");
    SlaPolicy.checkName("SlaTarget.name", name);
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("SlaTarget.limit must be positive, was " + limit);
    }
    List<Duration> reminders = new ArrayList<>(remindersBefore);
    for (int i = 0; i < reminders.size(); i++) {
      Duration d = Objects.requireNonNull(reminders.get(i), "remindersBefore[" + i + "]");
      if (d.isNegative() || d.isZero() || d.compareTo(limit) >= 0) {
        throw new IllegalArgumentException(
            "SlaTarget.remindersBefore[" + i + "] must be positive and below the limit " + limit + ", was " + d);
      }
    }
    reminders.sort((a, b) -> b.compareTo(a));
    checkDistinct("SlaTarget.remindersBefore", reminders);
    List<Duration> escalations = new ArrayList<>(escalationsAfter);
    for (int i = 0; i < escalations.size(); i++) {
      Duration d = Objects.requireNonNull(escalations.get(i), "escalationsAfter[" + i + "]");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("SlaTarget.escalationsAfter[" + i + "] must be positive, was " + d);
      }
    }
    escalations.sort(null);
    checkDistinct("SlaTarget.escalationsAfter", escalations);
    for (String stage : stages) {
      SlaPolicy.checkName("SlaTarget.stages element", Objects.requireNonNull(stage, "stages element"));
    }
    remindersBefore = List.copyOf(reminders);
    escalationsAfter = List.copyOf(escalations);
    stages = Set.copyOf(stages);
  }

  private static void checkDistinct(String what, List<Duration> sorted) {
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).equals(sorted.get(i - 1))) {
        throw new IllegalArgumentException(what + " must be distinct, " + sorted.get(i) + " appears twice");
      }
    }
  }

  /**
   * Returns a per-ticket target without reminders or escalations.
   *
   * @param name the name
   * @param metric the metric
   * @param limit the business time allowed
   * @return the target
   */
  public static SlaTarget of(String name, SlaMetric metric, Duration limit) {
    return new SlaTarget(name, metric, limit, List.of(), List.of(), Set.of());
  }

  /**
   * Returns a first-response target.
   *
   * @param name the name
   * @param limit the business time allowed until the first response
   * @return the target
   */
  public static SlaTarget firstResponse(String name, Duration limit) {
    return of(name, SlaMetric.FIRST_RESPONSE, limit);
  }

  /**
   * Returns a next-update target.
   *
   * @param name the name
   * @param limit the business time allowed between updates
   * @return the target
   */
  public static SlaTarget nextUpdate(String name, Duration limit) {
    return of(name, SlaMetric.NEXT_UPDATE, limit);
  }

  /**
   * Returns a resolution target.
   *
   * @param name the name
   * @param limit the business time allowed until resolution
   * @return the target
   */
  public static SlaTarget resolution(String name, Duration limit) {
    return of(name, SlaMetric.RESOLUTION, limit);
  }

  /**
   * Returns a "follow up within N days" target for leads: N working days of a given length in business time (for a
   * calendar of eight working hours a day, {@code followUpWithinDays("follow-up", 2, Duration.ofHours(8))} allows 16
   * working hours, so a lead created on Monday at 15:00 is due on Wednesday at 15:00).
   *
   * @param name the name
   * @param days the number of working days, positive
   * @param workingDay the business time of one working day, positive
   * @return the target
   */
  public static SlaTarget followUpWithinDays(String name, int days, Duration workingDay) {
    if (days <= 0) {
      throw new IllegalArgumentException("days must be positive, was " + days);
    }
    Objects.requireNonNull(workingDay, "workingDay");
    return of(name, SlaMetric.FOLLOW_UP, workingDay.multipliedBy(days));
  }

  /**
   * Returns a copy with reminders at these amounts of business time before the breach.
   *
   * @param before the amounts, each positive and below the limit
   * @return the copy
   */
  public SlaTarget withReminders(Duration... before) {
    return new SlaTarget(name, metric, limit, Arrays.asList(before), escalationsAfter, stages);
  }

  /**
   * Returns a copy with escalations at these amounts of business time after the breach.
   *
   * @param after the amounts, each positive
   * @return the copy
   */
  public SlaTarget withEscalations(Duration... after) {
    return new SlaTarget(name, metric, limit, remindersBefore, Arrays.asList(after), stages);
  }

  /**
   * Returns a copy that applies only in these stages.
   *
   * @param stageNames the stages
   * @return the copy
   */
  public SlaTarget inStages(String... stageNames) {
    return new SlaTarget(
        name, metric, limit, remindersBefore, escalationsAfter, new HashSet<>(Arrays.asList(stageNames)));
  }

  /**
   * Whether the target applies in a stage.
   *
   * @param stage the stage
   * @return true for a per-ticket target, or when the stage is one of {@link #stages()}
   */
  public boolean appliesIn(String stage) {
    return stages.isEmpty() || stages.contains(stage);
  }

  /**
   * The number of notices of a timer of this target: reminders, the breach, escalations.
   *
   * @return the count
   */
  public int noticeCount() {
    return remindersBefore.size() + 1 + escalationsAfter.size();
  }

  /**
   * The consumed business time at which the notice at a position of the schedule falls due.
   *
   * @param sequence the position, 0 to {@link #noticeCount()} - 1 (reminders, then the breach, then escalations)
   * @return the threshold
   */
  public Duration threshold(int sequence) {
    Objects.checkIndex(sequence, noticeCount());
    int reminders = remindersBefore.size();
    if (sequence < reminders) {
      return limit.minus(remindersBefore.get(sequence));
    }
    if (sequence == reminders) {
      return limit;
    }
    return limit.plus(escalationsAfter.get(sequence - reminders - 1));
  }
}
