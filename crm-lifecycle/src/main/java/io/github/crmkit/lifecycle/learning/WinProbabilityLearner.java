package io.github.crmkit.lifecycle.learning;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Learns the probability of winning from a team's won and lost history, in the manner of Odoo's predictive lead
 * scoring: a naive Bayes estimate over the stage an object reached and the values of chosen fields, from per-team
 * frequency tables with an additive smoothing of 0.1.
 *
 * <p>The estimate for an open object of team {@code t} at stage {@code s} with field values {@code v_f} is, with
 * {@code W} and {@code L} the team's won and lost counts and {@code a} the smoothing:
 * <pre>
 *   odds = (W + a) / (L + a)                                   prior odds of winning
 *        x [(W + a) / (W + a)] / [(L_s + a) / (L + a)]          stage: every won object passed s;
 *                                                              L_s lost objects reached s or later
 *        x product over fields f of [(W_f,v + a) / (W + a)] / [(L_f,v + a) / (L + a)]
 *   p    = odds / (1 + odds), in percent, clamped to [0.01, 99.99]
 * </pre>
 * This is Bayes' theorem {@code P(won | x) = P(won) P(x | won) / P(x)} with the fields assumed independent given the
 * outcome (the "naive" assumption), as Odoo's documentation of predictive lead scoring describes it. A field value
 * the team has never seen on a closed object carries no information and is skipped, as is a field the object does not
 * have. Below {@link LearnerSettings#minimumSample()} closed objects the answer is
 * {@link WinProbability.Kind#INSUFFICIENT_HISTORY}; a manual probability on an open object is returned as
 * {@link WinProbability.Kind#MANUAL} and never replaced by a learned one.
 *
 * <p>Two ways to use it. Pure: {@link #estimate(LearnerSettings, FrequencyTable, LearnerObservation)} over a
 * {@link FrequencyTable} snapshot the caller keeps. Live: an instance holds the current snapshot; {@link #record},
 * {@link #win}, {@link #lose} and {@link #reopen} update it as outcomes change and
 * {@link #estimate(LearnerObservation)} reads it.
 *
 * <p>Thread-safe: an instance holds immutable settings and one atomic reference to an immutable
 * {@link FrequencyTable}. Each update is applied atomically (compare-and-set, retried on contention), so concurrent
 * updates are never lost and their order does not change the resulting counts; each estimate reads one consistent
 * snapshot. Callers must still report each change of an object once, with its true previous observation.
 */
public final class WinProbabilityLearner {
  private final LearnerSettings settings;
  private final AtomicReference<FrequencyTable> table;

  private WinProbabilityLearner(LearnerSettings settings, FrequencyTable initial) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.table = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
  }

  /**
   * Returns a learner with an empty table.
   *
   * @param settings the settings
   * @return the learner
   */
  public static WinProbabilityLearner create(LearnerSettings settings) {
    return new WinProbabilityLearner(settings, FrequencyTable.empty());
  }

  /**
   * Returns a learner starting from a snapshot (for example one built from the history with
   * {@link FrequencyTable#of}).
   *
   * @param settings the settings
   * @param initial the initial table
   * @return the learner
   */
  public static WinProbabilityLearner create(LearnerSettings settings, FrequencyTable initial) {
    return new WinProbabilityLearner(settings, initial);
  }

  /**
   * The settings.
   *
   * @return the settings
   */
  public LearnerSettings settings() {
    return settings;
  }

  /**
   * The current snapshot.
   *
   * @return the table
   */
  public FrequencyTable snapshot() {
    return table.get();
  }

  /**
   * Records a change of an object, atomically: see {@link FrequencyTable#apply}.
   *
   * @param before the object as it was last recorded, or null for a new object
   * @param after the object as it is now, or null when it is deleted
   * @return the snapshot after this change
   * @throws IllegalStateException when {@code before} was never counted; the table is then unchanged
   */
  public FrequencyTable record(LearnerObservation before, LearnerObservation after) {
    return table.updateAndGet(t -> t.apply(before, after));
  }

  /**
   * Records a win: {@code record(current, current.withOutcome(WON))}. A lost object that is won instead moves from
   * the lost to the won counts.
   *
   * @param current the object as it was last recorded
   * @return the snapshot after the win
   */
  public FrequencyTable win(LearnerObservation current) {
    return record(current, current.withOutcome(Outcome.WON));
  }

  /**
   * Records a loss at the stage the object reached: {@code record(current, current.withOutcome(LOST))}.
   *
   * @param current the object as it was last recorded
   * @return the snapshot after the loss
   */
  public FrequencyTable lose(LearnerObservation current) {
    return record(current, current.withOutcome(Outcome.LOST));
  }

  /**
   * Records a reopen: the counted outcome of a closed object is removed.
   *
   * @param closed the object as it was last recorded
   * @return the snapshot after the reopen
   */
  public FrequencyTable reopen(LearnerObservation closed) {
    return record(closed, closed.withOutcome(Outcome.OPEN));
  }

  /**
   * Estimates an object's probability of winning from the current snapshot.
   *
   * @param object the object
   * @return the answer
   */
  public WinProbability estimate(LearnerObservation object) {
    return estimate(settings, table.get(), object);
  }

  /**
   * Estimates an object's probability of winning from a snapshot; a pure function.
   *
   * @param settings the settings
   * @param table the frequency tables
   * @param object the object
   * @return the answer: won or lost for a closed object, manual when a manual probability is set on an open one,
   *     insufficient history below the minimum sample, learned otherwise
   */
  public static WinProbability estimate(LearnerSettings settings, FrequencyTable table, LearnerObservation object) {
    String team = object.team();
    long won = table.won(team);
    long lost = table.lost(team);
    long sample = won + lost;
    if (object.outcome() == Outcome.WON) {
      return new WinProbability(WinProbability.Kind.WON, 100, sample);
    }
    if (object.outcome() == Outcome.LOST) {
      return new WinProbability(WinProbability.Kind.LOST, 0, sample);
    }
    if (object.manualPercent().isPresent()) {
      return new WinProbability(WinProbability.Kind.MANUAL, object.manualPercent().getAsDouble(), sample);
    }
    if (sample < settings.minimumSample()) {
      return new WinProbability(WinProbability.Kind.INSUFFICIENT_HISTORY, Double.NaN, sample);
    }
    double a = settings.smoothing();
    double logWon = Math.log(won + a);
    double logLost = Math.log(lost + a);
    double logOdds = logWon - logLost;
    // stage: every won object counts at every stage, so only the lost side changes
    logOdds += logLost - Math.log(table.lostAtStage(team, object.stageReached()) + a);
    for (String field : settings.fields()) {
      String value = object.fields().get(field);
      if (value == null) {
        continue;
      }
      long[] c = table.counts(team, field, value);
      if (c == null) {
        continue;
      }
      logOdds += Math.log(c[0] + a) - logWon - Math.log(c[1] + a) + logLost;
    }
    return new WinProbability(WinProbability.Kind.LEARNED, clampedPercent(logOdds), sample);
  }

  static double clampedPercent(double logOdds) {
    double p = 100.0 / (1.0 + Math.exp(-logOdds));
    if (!(p >= WinProbability.MIN_PERCENT)) {
      return WinProbability.MIN_PERCENT;
    }
    return Math.min(p, WinProbability.MAX_PERCENT);
  }
}
