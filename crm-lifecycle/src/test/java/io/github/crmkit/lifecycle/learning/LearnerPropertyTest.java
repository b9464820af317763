package io.github.crmkit.lifecycle.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LearnerPropertyTest {
  private static final long SEED = 20261201L;
  private static final String[] TEAMS = {"north", "south", "east"};
  private static final String[] SOURCES = {"web", "referral", "event", "cold"};
  private static final String[] SIZES = {"small", "medium", "large"};
  private static final LearnerSettings SETTINGS = new LearnerSettings(List.of("source", "size"), 0.1, 1);

  private static LearnerObservation randomObservation(SplittableRandom r, int i, Outcome outcome) {
    Map<String, String> fields = r.nextInt(5) == 0
        ? Map.of("source", SOURCES[r.nextInt(SOURCES.length)])
        : Map.of("source", SOURCES[r.nextInt(SOURCES.length)], "size", SIZES[r.nextInt(SIZES.length)]);
    return LearnerObservation.of(TEAMS[r.nextInt(TEAMS.length)], "o" + i, fields, r.nextInt(6), outcome);
  }

  private static Outcome closed(SplittableRandom r) {
    return r.nextBoolean() ? Outcome.WON : Outcome.LOST;
  }

  private static List<LearnerObservation> history(long seed, int size) {
    SplittableRandom r = new SplittableRandom(seed);
    List<LearnerObservation> list = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      list.add(randomObservation(r, i, closed(r)));
    }
    return list;
  }

  @Test
  void reopenFollowedByCloseRoundTripsTheCounts() {
    qt().withExamples(300).withFixedSeed(SEED).forAll(longs().all(), integers().between(0, 40)).checkAssert(
        (seed, size) -> {
          FrequencyTable base = FrequencyTable.of(history(seed, size));
          SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
          LearnerObservation open = randomObservation(r, 1_000, Outcome.OPEN);
          LearnerObservation closed = open.withOutcome(closed(r));
          FrequencyTable afterClose = base.apply(open, closed);
          assertThat(afterClose).isNotEqualTo(base);
          FrequencyTable afterReopen = afterClose.apply(closed, closed.withOutcome(Outcome.OPEN));
          assertThat(afterReopen).isEqualTo(base);
          assertThat(afterReopen.hashCode()).isEqualTo(base.hashCode());
          assertThat(afterReopen.apply(open, closed)).isEqualTo(afterClose);
          // closing with the other outcome after the reopen moves it fully to the other side
          Outcome other = closed.outcome() == Outcome.WON ? Outcome.LOST : Outcome.WON;
          FrequencyTable flipped = afterReopen.apply(open, open.withOutcome(other));
          assertThat(flipped.won(open.team()) + flipped.lost(open.team()))
              .isEqualTo(afterClose.won(open.team()) + afterClose.lost(open.team()));
          // the live learner does the same
          WinProbabilityLearner learner = WinProbabilityLearner.create(SETTINGS, base);
          learner.record(open, closed);
          learner.reopen(closed);
          assertThat(learner.snapshot()).isEqualTo(base);
        });
  }

  @Test
  void probabilitiesAlwaysStayWithinTheClamp() {
    qt().withExamples(400).withFixedSeed(SEED).forAll(longs().all(), integers().between(0, 300)).checkAssert(
        (seed, size) -> {
          SplittableRandom r = new SplittableRandom(seed);
          // skewed histories (almost all won or all lost for a value) push the odds to the extremes
          double winRate = r.nextDouble();
          List<LearnerObservation> list = new ArrayList<>();
          for (int i = 0; i < size; i++) {
            list.add(randomObservation(r, i, r.nextDouble() < winRate ? Outcome.WON : Outcome.LOST));
          }
          FrequencyTable t = FrequencyTable.of(list);
          double smoothing = r.nextBoolean() ? 0.1 : 1e-9 + r.nextDouble();
          LearnerSettings settings = new LearnerSettings(List.of("source", "size"), smoothing, 1);
          for (int i = 0; i < 20; i++) {
            WinProbability p = WinProbabilityLearner.estimate(settings, t, randomObservation(r, i, Outcome.OPEN));
            if (p.hasPercent()) {
              assertThat(p.kind()).isEqualTo(WinProbability.Kind.LEARNED);
              assertThat(p.percent()).isBetween(0.01, 99.99);
            } else {
              assertThat(p.sample()).isZero();
            }
          }
        });
  }

  @Test
  void orderOfUpdatesDoesNotMatter() {
    qt().withExamples(200).withFixedSeed(SEED).forAll(longs().all(), integers().between(0, 60)).checkAssert(
        (seed, size) -> {
          List<LearnerObservation> list = history(seed, size);
          // some objects are closed, reopened and closed again along the way
          SplittableRandom r = new SplittableRandom(seed + 1);
          List<LearnerObservation[]> changes = new ArrayList<>();
          for (LearnerObservation o : list) {
            changes.add(new LearnerObservation[] {null, o});
          }
          FrequencyTable inOrder = FrequencyTable.empty();
          for (LearnerObservation[] c : changes) {
            inOrder = inOrder.apply(c[0], c[1]);
          }
          List<LearnerObservation> shuffled = new ArrayList<>(list);
          Collections.shuffle(shuffled, new java.util.Random(r.nextLong()));
          WinProbabilityLearner learner = WinProbabilityLearner.create(SETTINGS);
          for (LearnerObservation o : shuffled) {
            learner.record(null, o.withOutcome(Outcome.OPEN));
            if (r.nextInt(3) == 0) {
              learner.record(o.withOutcome(Outcome.OPEN), o);
              learner.reopen(o);
              learner.record(o.withOutcome(Outcome.OPEN), o);
            } else {
              learner.record(o.withOutcome(Outcome.OPEN), o);
            }
          }
          assertThat(learner.snapshot()).isEqualTo(inOrder);
          // and therefore every estimate is the same
          SplittableRandom q = new SplittableRandom(seed + 2);
          for (int i = 0; i < 10; i++) {
            LearnerObservation probe = randomObservation(q, i, Outcome.OPEN);
            assertThat(learner.estimate(probe)).isEqualTo(WinProbabilityLearner.estimate(SETTINGS, inOrder, probe));
          }
        });
  }

  @Test
  void concurrentUpdatesAreNeverLost() throws InterruptedException {
    List<LearnerObservation> list = history(SEED, 4_000);
    WinProbabilityLearner learner = WinProbabilityLearner.create(SETTINGS);
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      int from = t;
      threads[t] = new Thread(() -> {
        for (int i = from; i < list.size(); i += threads.length) {
          learner.record(null, list.get(i));
        }
      });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(learner.snapshot()).isEqualTo(FrequencyTable.of(list));
  }
}
