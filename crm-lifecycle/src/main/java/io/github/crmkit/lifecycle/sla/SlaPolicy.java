package io.github.crmkit.lifecycle.sla;

import io.github.crmkit.model.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * SLA targets over a working calendar, and the pure functions that move their timers and say what is due.
 *
 * <p>A policy holds the {@link SlaTarget targets}, the {@link BusinessTime business time} of a
 * {@link WorkingCalendar}, and the waiting states in which timers pause (for example "waiting on customer"). Timers
 * ({@link SlaTimer}) are values the host stores with its ticket or lead; every method here takes a timer and an
 * instant and returns a new timer or an answer. Nothing runs threads or reads a clock: the host calls
 * {@link #due(Collection, Instant)} when its own clock ticks, delivers the {@link SlaNotice notices}, and
 * {@link #acknowledge acknowledges} them so they are not returned again. Notices missed by a late tick are not lost:
 * every notice whose threshold was reached and that is not acknowledged is due, with the instant it fell due.
 *
 * <p>Business time consumed by a timer is the working time of its running periods; a paused timer consumes none,
 * so a pause never shortens the remaining time. Changes to a timer must come in time order: an instant before the
 * timer's {@link SlaTimer#changedAt() last change} is rejected.
 *
 * <p>Immutable and thread-safe.
 */
public final class SlaPolicy {
  private final BusinessTime time;
  private final Map<String, SlaTarget> targets;
  private final Set<String> waitingStates;

  private SlaPolicy(BusinessTime time, Map<String, SlaTarget> targets, Set<String> waitingStates) {
    this.time = time;
    this.targets = targets;
    this.waitingStates = waitingStates;
  }

  /**
   * Returns a policy.
   *
   * @param calendar the working calendar in which every target is measured
   * @param targets the targets, with distinct names
   * @param waitingStates the stages or states in which timers pause
   * @return the policy
   * @throws IllegalArgumentException when two targets share a name, naming the position
   */
  public static SlaPolicy of(WorkingCalendar calendar, List<SlaTarget> targets, Set<String> waitingStates) {
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(targets, "targets");
    Objects.requireNonNull(waitingStates, "waitingStates");
    Map<String, SlaTarget> byName = new LinkedHashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      SlaTarget target = Objects.requireNonNull(targets.get(i), "targets[" + i + "]");
      if (byName.put(target.name(), target) != null) {
        throw new IllegalArgumentException("SlaPolicy.targets[" + i + "].name repeats " + target.name());
      }
    }
    for (String state : waitingStates) {
      checkName("SlaPolicy.waitingStates element", Objects.requireNonNull(state, "waitingStates element"));
    }
    return new SlaPolicy(BusinessTime.of(calendar), java.util.Collections.unmodifiableMap(byName),
        Set.copyOf(waitingStates));
  }

  /**
   * The business time of the policy's calendar.
   *
   * @return the business time
   */
  public BusinessTime businessTime() {
    return time;
  }

  /**
   * The targets, in the order given.
   *
   * @return the targets
   */
  public List<SlaTarget> targets() {
    return List.copyOf(targets.values());
  }

  /**
   * The states in which timers pause.
   *
   * @return the waiting states
   */
  public Set<String> waitingStates() {
    return waitingStates;
  }

  /**
   * The target of a name.
   *
   * @param name the name
   * @return the target
   * @throws IllegalArgumentException when the policy has no such target
   */
  public SlaTarget target(String name) {
    SlaTarget target = targets.get(name);
    if (target == null) {
      throw new IllegalArgumentException("unknown SLA target " + name + ", expected one of " + targets.keySet());
    }
    return target;
  }

  /**
   * Starts a timer.
   *
   * @param objectId the ticket or lead, not blank
   * @param targetName the target
   * @param at the start
   * @return a running timer
   */
  public SlaTimer start(String objectId, String targetName, Instant at) {
    Objects.requireNonNull(objectId, "objectId");
    Objects.requireNonNull(at, "at");
    checkName("objectId", objectId);
    target(targetName);
    return new SlaTimer(objectId, targetName, SlaTimer.State.RUNNING, at, at, Duration.ZERO, List.of(at), 0);
  }

  /**
   * Pauses a running timer; a paused timer is returned unchanged.
   *
   * @param timer the timer
   * @param at the instant, not before the timer's last change
   * @return the paused timer
   * @throws IllegalStateException when the timer is stopped
   */
  public SlaTimer pause(SlaTimer timer, Instant at) {
    checkTime(timer, at);
    switch (timer.state()) {
      case RUNNING:
        return new SlaTimer(timer.objectId(), timer.targetName(), SlaTimer.State.PAUSED, timer.startedAt(), at,
            timer.consumedBefore().plus(time.between(timer.changedAt(), at)), append(timer.periods(), at),
            timer.noticesSent());
      case PAUSED:
        return timer;
      default:
        throw stopped(timer, "pause");
    }
  }

  /**
   * Resumes a paused timer; a running timer is returned unchanged.
   *
   * @param timer the timer
   * @param at the instant, not before the timer's last change
   * @return the running timer
   * @throws IllegalStateException when the timer is stopped
   */
  public SlaTimer resume(SlaTimer timer, Instant at) {
    checkTime(timer, at);
    switch (timer.state()) {
      case PAUSED:
        return new SlaTimer(timer.objectId(), timer.targetName(), SlaTimer.State.RUNNING, timer.startedAt(), at,
            timer.consumedBefore(), append(timer.periods(), at), timer.noticesSent());
      case RUNNING:
        return timer;
      default:
        throw stopped(timer, "resume");
    }
  }

  /**
   * Stops a timer (the target is met, or the object closed); a stopped timer is returned unchanged.
   *
   * @param timer the timer
   * @param at the instant, not before the timer's last change
   * @return the stopped timer
   */
  public SlaTimer stop(SlaTimer timer, Instant at) {
    checkTime(timer, at);
    switch (timer.state()) {
      case RUNNING:
        return new SlaTimer(timer.objectId(), timer.targetName(), SlaTimer.State.STOPPED, timer.startedAt(), at,
            timer.consumedBefore().plus(time.between(timer.changedAt(), at)), append(timer.periods(), at),
            timer.noticesSent());
      case PAUSED:
        return new SlaTimer(timer.objectId(), timer.targetName(), SlaTimer.State.STOPPED, timer.startedAt(), at,
            timer.consumedBefore(), timer.periods(), timer.noticesSent());
      default:
        return timer;
    }
  }

  /**
   * Starts the timer's target afresh (a next-update target after an update): a new running timer from {@code at},
   * paused at once when the old one was paused.
   *
   * @param timer the timer
   * @param at the instant, not before the timer's last change
   * @return the new timer
   */
  public SlaTimer restart(SlaTimer timer, Instant at) {
    checkTime(timer, at);
    SlaTimer fresh = start(timer.objectId(), timer.targetName(), at);
    return timer.state() == SlaTimer.State.PAUSED ? pause(fresh, at) : fresh;
  }

  /**
   * Moves an object's timers as the object enters a stage or state. In a waiting state every running timer pauses
   * (and a target that applies there but has no timer yet starts paused, for an object created waiting). Otherwise
   * each target that applies in the stage runs: a paused timer resumes, a missing one starts (a per-stage target
   * whose timer stopped when the object left its stage starts afresh; a stopped per-ticket timer stays stopped),
   * and each per-stage target that does not apply stops.
   *
   * @param timers the object's timers (at most one per target; timers of other objects are rejected)
   * @param objectId the object
   * @param stage the stage or state entered
   * @param at the instant
   * @return the object's timers after the change, in the policy's target order
   */
  public List<SlaTimer> enterStage(List<SlaTimer> timers, String objectId, String stage, Instant at) {
    Objects.requireNonNull(stage, "stage");
    Map<String, SlaTimer> byTarget = byTarget(timers, objectId);
    boolean waiting = waitingStates.contains(stage);
    List<SlaTimer> result = new ArrayList<>();
    for (SlaTarget target : targets.values()) {
      SlaTimer timer = byTarget.get(target.name());
      if (waiting) {
        if (timer != null) {
          result.add(timer.state() == SlaTimer.State.RUNNING ? pause(timer, at) : timer);
        } else if (target.appliesIn(stage)) {
          result.add(pause(start(objectId, target.name(), at), at));
        }
      } else if (target.appliesIn(stage)) {
        if (timer == null || (timer.state() == SlaTimer.State.STOPPED && !target.stages().isEmpty())) {
          result.add(timer == null ? start(objectId, target.name(), at) : restart(timer, at));
        } else {
          result.add(timer.state() == SlaTimer.State.PAUSED ? resume(timer, at) : timer);
        }
      } else if (timer != null) {
        result.add(stop(timer, at));
      }
    }
    return List.copyOf(result);
  }

  /**
   * Records a response to the object: first-response timers stop, next-update timers restart.
   *
   * @param timers the object's timers
   * @param at the instant of the response
   * @return the timers after the response, in the same order
   */
  public List<SlaTimer> respond(List<SlaTimer> timers, Instant at) {
    List<SlaTimer> result = new ArrayList<>(timers.size());
    for (SlaTimer timer : timers) {
      SlaMetric metric = target(timer.targetName()).metric();
      if (metric == SlaMetric.FIRST_RESPONSE) {
        result.add(stop(timer, at));
      } else if (metric == SlaMetric.NEXT_UPDATE && timer.state() != SlaTimer.State.STOPPED) {
        result.add(restart(timer, at));
      } else {
        result.add(timer);
      }
    }
    return List.copyOf(result);
  }

  /**
   * Stops every timer (the ticket is resolved, the lead followed up or closed).
   *
   * @param timers the timers
   * @param at the instant
   * @return the stopped timers, in the same order
   */
  public List<SlaTimer> stopAll(List<SlaTimer> timers, Instant at) {
    List<SlaTimer> result = new ArrayList<>(timers.size());
    for (SlaTimer timer : timers) {
      result.add(stop(timer, at));
    }
    return List.copyOf(result);
  }

  /**
   * The business time a timer consumed up to an instant.
   *
   * @param timer the timer
   * @param now the instant; for a running timer, an instant before its last change counts as that change
   * @return the business time consumed
   */
  public Duration consumed(SlaTimer timer, Instant now) {
    if (timer.state() == SlaTimer.State.RUNNING && now.isAfter(timer.changedAt())) {
      return timer.consumedBefore().plus(time.between(timer.changedAt(), now));
    }
    return timer.consumedBefore();
  }

  /**
   * Where a timer stands.
   *
   * @param timer the timer
   * @param now the instant
   * @return the status
   */
  public SlaStatus status(SlaTimer timer, Instant now) {
    SlaTarget target = target(timer.targetName());
    Duration consumed = consumed(timer, now);
    Optional<Instant> breachAt;
    if (consumed.compareTo(target.limit()) >= 0) {
      breachAt = Optional.of(crossing(timer, target.limit(), now));
    } else if (timer.state() == SlaTimer.State.RUNNING) {
      breachAt = Optional.of(time.plus(timer.changedAt(), target.limit().minus(timer.consumedBefore())));
    } else {
      breachAt = Optional.empty();
    }
    return new SlaStatus(timer.state(), target.limit(), consumed, target.limit().minus(consumed), breachAt);
  }

  /**
   * The notices of a timer that are due at an instant and not yet acknowledged, in schedule order: every reminder,
   * breach and escalation whose threshold of consumed business time was reached, whatever the timer's state now (a
   * stopped timer's notices are those reached before it stopped).
   *
   * @param timer the timer
   * @param now the instant
   * @return the notices, possibly empty
   */
  public List<SlaNotice> due(SlaTimer timer, Instant now) {
    SlaTarget target = target(timer.targetName());
    Duration consumed = consumed(timer, now);
    List<SlaNotice> result = new ArrayList<>();
    int reminders = target.remindersBefore().size();
    for (int seq = timer.noticesSent(); seq < target.noticeCount(); seq++) {
      Duration threshold = target.threshold(seq);
      if (threshold.compareTo(consumed) > 0) {
        break;
      }
      SlaNotice.Kind kind = seq < reminders ? SlaNotice.Kind.REMINDER
          : seq == reminders ? SlaNotice.Kind.BREACH : SlaNotice.Kind.ESCALATION;
      int level = seq < reminders ? seq + 1 : seq - reminders;
      result.add(new SlaNotice(timer.objectId(), timer.targetName(), target.metric(), kind, level, seq, threshold,
          crossing(timer, threshold, now)));
    }
    return List.copyOf(result);
  }

  /**
   * The notices of many timers that are due at an instant, ordered by the instant each fell due.
   *
   * @param timers the timers
   * @param now the instant
   * @return the notices, possibly empty
   */
  public List<SlaNotice> due(Collection<SlaTimer> timers, Instant now) {
    List<SlaNotice> result = new ArrayList<>();
    for (SlaTimer timer : timers) {
      result.addAll(due(timer, now));
    }
    result.sort(Comparator.comparing(SlaNotice::dueAt));
    return List.copyOf(result);
  }

  /**
   * When the timer's next notice falls due: the due instant of its first unacknowledged notice if one is due,
   * otherwise the projected instant of the next one if the timer keeps running; a host can set its next tick to it.
   *
   * @param timer the timer
   * @param now the instant
   * @return the instant, empty when nothing more can fall due without a resume
   */
  public Optional<Instant> nextDueAt(SlaTimer timer, Instant now) {
    SlaTarget target = target(timer.targetName());
    if (timer.noticesSent() >= target.noticeCount()) {
      return Optional.empty();
    }
    Duration threshold = target.threshold(timer.noticesSent());
    if (threshold.compareTo(consumed(timer, now)) <= 0) {
      return Optional.of(crossing(timer, threshold, now));
    }
    if (timer.state() != SlaTimer.State.RUNNING) {
      return Optional.empty();
    }
    return Optional.of(time.plus(timer.changedAt(), threshold.minus(timer.consumedBefore())));
  }

  /**
   * Marks a notice (and every earlier one of its timer's schedule) as delivered, so {@link #due} no longer returns
   * it.
   *
   * @param timer the timer
   * @param notice a notice of this timer
   * @return the timer with the notice acknowledged (this one if it already was)
   * @throws IllegalArgumentException when the notice belongs to another object or target
   */
  public SlaTimer acknowledge(SlaTimer timer, SlaNotice notice) {
    if (!notice.objectId().equals(timer.objectId()) || !notice.targetName().equals(timer.targetName())) {
      throw new IllegalArgumentException("notice of " + notice.objectId() + "/" + notice.targetName()
          + " does not belong to timer " + timer.objectId() + "/" + timer.targetName());
    }
    if (notice.sequence() < timer.noticesSent()) {
      return timer;
    }
    return new SlaTimer(timer.objectId(), timer.targetName(), timer.state(), timer.startedAt(), timer.changedAt(),
        timer.consumedBefore(), timer.periods(), notice.sequence() + 1);
  }

  /** The earliest instant at which the timer had consumed {@code threshold}; the threshold must be reached. */
  private Instant crossing(SlaTimer timer, Duration threshold, Instant now) {
    List<Instant> periods = timer.periods();
    Duration before = Duration.ZERO;
    for (int i = 0; i < periods.size(); i += 2) {
      Instant from = periods.get(i);
      Instant to = i + 1 < periods.size() ? periods.get(i + 1) : (now.isAfter(from) ? now : from);
      Duration length = time.between(from, to);
      if (before.plus(length).compareTo(threshold) >= 0) {
        return time.plus(from, threshold.minus(before));
      }
      before = before.plus(length);
    }
    throw new IllegalStateException("threshold " + threshold + " not reached by timer " + timer.objectId() + "/"
        + timer.targetName());
  }

  private static Map<String, SlaTimer> byTarget(List<SlaTimer> timers, String objectId) {
    Objects.requireNonNull(objectId, "objectId");
    Map<String, SlaTimer> byTarget = new HashMap<>();
    for (int i = 0; i < timers.size(); i++) {
      SlaTimer timer = timers.get(i);
      if (!timer.objectId().equals(objectId)) {
        throw new IllegalArgumentException("timers[" + i + "] belongs to " + timer.objectId() + ", not " + objectId);
      }
      if (byTarget.put(timer.targetName(), timer) != null) {
        throw new IllegalArgumentException("timers[" + i + "] repeats target " + timer.targetName());
      }
    }
    return byTarget;
  }

  private static void checkTime(SlaTimer timer, Instant at) {
    Objects.requireNonNull(timer, "timer");
    Objects.requireNonNull(at, "at");
    if (at.isBefore(timer.changedAt())) {
      throw new IllegalArgumentException("at must not be before the timer's last change " + timer.changedAt()
          + ", was " + at + " (timer " + timer.objectId() + "/" + timer.targetName() + ")");
    }
  }

  private static IllegalStateException stopped(SlaTimer timer, String action) {
    return new IllegalStateException(
        "cannot " + action + " stopped timer " + timer.objectId() + "/" + timer.targetName());
  }

  private static List<Instant> append(List<Instant> list, Instant at) {
    List<Instant> copy = new ArrayList<>(list.size() + 1);
    copy.addAll(list);
    copy.add(at);
    return copy;
  }

  static void checkName(String what, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    if (value.length() > 200) {
      throw new IllegalArgumentException(what + " must be at most 200 characters, was " + value.length());
    }
  }

  @Override
  public String toString() {
    return "SlaPolicy{targets=" + targets.keySet() + ", waitingStates=" + waitingStates + ", " + time + "}";
  }
}
