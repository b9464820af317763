package io.github.crmkit.lifecycle.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WinProbabilityLearnerTest {
  private static final LearnerSettings SETTINGS = new LearnerSettings(List.of("source"), 0.1, 5);

  private static LearnerObservation obs(String id, String source, int stage, Outcome outcome) {
    return LearnerObservation.of("t1", id, Map.of("source", source), stage, outcome);
  }

  /** Two won (both web), three lost (web at stage 0, cold at stages 1 and 2). */
  private static FrequencyTable smallHistory() {
    return FrequencyTable.of(List.of(
        obs("w1", "web", 4, Outcome.WON),
        obs("w2", "web", 4, Outcome.WON),
        obs("l1", "web", 0, Outcome.LOST),
        obs("l2", "cold", 1, Outcome.LOST),
        obs("l3", "cold", 2, Outcome.LOST)));
  }

  @Test
  void countsFollowTheStageRules() {
    FrequencyTable t = smallHistory();
    assertThat(t.won("t1")).isEqualTo(2);
    assertThat(t.lost("t1")).isEqualTo(3);
    assertThat(t.wonAtStage("t1", 3)).isEqualTo(2);
    assertThat(t.lostAtStage("t1", 0)).isEqualTo(3);
    assertThat(t.lostAtStage("t1", 1)).isEqualTo(2);
    assertThat(t.lostAtStage("t1", 2)).isEqualTo(1);
    assertThat(t.lostAtStage("t1", 3)).isZero();
    assertThat(t.won("t1", "source", "web")).isEqualTo(2);
    assertThat(t.lost("t1", "source", "web")).isEqualTo(1);
    assertThat(t.lost("t1", "source", "cold")).isEqualTo(2);
    assertThat(t.won("t2")).isZero();
  }

  @Test
  void handComputedNaiveBayesEstimate() {
    // prior odds (2.1 / 3.1); stage 1: lost side (2 + 0.1) / (3 + 0.1); source=web: won (2.1 / 2.1), lost (1.1 / 3.1)
    // odds = 2.1/3.1 * 3.1/2.1 * 3.1/1.1 = 31/11, p = 31/42
    WinProbability p = WinProbabilityLearner.estimate(SETTINGS, smallHistory(), obs("o", "web", 1, Outcome.OPEN));
    assertThat(p.kind()).isEqualTo(WinProbability.Kind.LEARNED);
    assertThat(p.percent()).isCloseTo(100.0 * 31 / 42, within(1e-9));
    assertThat(p.sample()).isEqualTo(5);

    // source=cold at stage 0: prior 2.1/3.1; stage 0: every lost object reached it, factor 1;
    // cold: won (0.1 / 2.1), lost (2.1 / 3.1) -> odds = 2.1/3.1 * (0.1/2.1) * (3.1/2.1) = 0.1/2.1 = 1/21, p = 1/22
    WinProbability cold = WinProbabilityLearner.estimate(SETTINGS, smallHistory(), obs("o", "cold", 0, Outcome.OPEN));
    assertThat(cold.percent()).isCloseTo(100.0 / 22, within(1e-9));
  }

  @Test
  void unseenValuesAndMissingFieldsCarryNoInformation() {
    FrequencyTable t = smallHistory();
    double stageOnly = WinProbabilityLearner.estimate(
        new LearnerSettings(List.of(), 0.1, 5), t, obs("o", "web", 2, Outcome.OPEN)).percent();
    // prior 2.1/3.1, stage 2: 3.1/1.1 -> odds 2.1/1.1
    assertThat(stageOnly).isCloseTo(100.0 * 2.1 / 3.2, within(1e-9));
    assertThat(WinProbabilityLearner.estimate(SETTINGS, t, obs("o", "fair", 2, Outcome.OPEN)).percent())
        .isCloseTo(stageOnly, within(1e-12));
    assertThat(WinProbabilityLearner.estimate(
        SETTINGS, t, LearnerObservation.of("t1", "o", Map.of(), 2, Outcome.OPEN)).percent())
        .isCloseTo(stageOnly, within(1e-12));
  }

  @Test
  void insufficientHistoryIsAResultWithoutAProbability() {
    FrequencyTable t = smallHistory();
    WinProbability p = WinProbabilityLearner.estimate(SETTINGS.withMinimumSample(6), t,
        obs("o", "web", 1, Outcome.OPEN));
    assertThat(p.kind()).isEqualTo(WinProbability.Kind.INSUFFICIENT_HISTORY);
    assertThat(p.hasPercent()).isFalse();
    assertThat(p.sample()).isEqualTo(5);
    assertThatThrownBy(p::fraction).isInstanceOf(IllegalStateException.class).hasMessageContaining("5 closed");
    // another team has no history at all
    WinProbability other = WinProbabilityLearner.estimate(SETTINGS, t,
        LearnerObservation.of("t2", "o", Map.of("source", "web"), 1, Outcome.OPEN));
    assertThat(other.kind()).isEqualTo(WinProbability.Kind.INSUFFICIENT_HISTORY);
    assertThat(other.sample()).isZero();
  }

  @Test
  void closedObjectsAreCertainAndManualOverridesArePreserved() {
    WinProbabilityLearner learner = WinProbabilityLearner.create(SETTINGS, smallHistory());
    LearnerObservation manual = obs("m", "web", 1, Outcome.OPEN).withManualPercent(42.5);
    assertThat(learner.estimate(manual)).isEqualTo(new WinProbability(WinProbability.Kind.MANUAL, 42.5, 5));
    // live updates of other objects never replace the manual value
    learner.win(obs("x", "web", 3, Outcome.OPEN));
    learner.lose(obs("y", "cold", 0, Outcome.OPEN));
    assertThat(learner.estimate(manual)).isEqualTo(new WinProbability(WinProbability.Kind.MANUAL, 42.5, 7));
    // winning the manual object itself: 100 %, and after a reopen the manual value is back
    learner.win(manual);
    assertThat(learner.estimate(manual.withOutcome(Outcome.WON)).percent()).isEqualTo(100.0);
    learner.reopen(manual.withOutcome(Outcome.WON));
    assertThat(learner.estimate(manual).kind()).isEqualTo(WinProbability.Kind.MANUAL);
    assertThat(learner.estimate(manual.withoutManualPercent()).kind()).isEqualTo(WinProbability.Kind.LEARNED);
    assertThat(learner.estimate(obs("z", "web", 0, Outcome.LOST)).percent()).isZero();
  }

  @Test
  void liveUpdatesMoveTheCounts() {
    WinProbabilityLearner learner = WinProbabilityLearner.create(SETTINGS, smallHistory());
    LearnerObservation open = obs("n", "cold", 2, Outcome.OPEN);
    double before = learner.estimate(obs("q", "cold", 1, Outcome.OPEN)).percent();
    FrequencyTable afterWin = learner.win(open);
    assertThat(afterWin.won("t1", "source", "cold")).isEqualTo(1);
    assertThat(learner.estimate(obs("q", "cold", 1, Outcome.OPEN)).percent()).isGreaterThan(before);
    // won -> lost moves the object between the counts
    FrequencyTable afterLoss = learner.lose(open.withOutcome(Outcome.WON));
    assertThat(afterLoss.won("t1")).isEqualTo(2);
    assertThat(afterLoss.lost("t1")).isEqualTo(4);
    assertThat(afterLoss.lostAtStage("t1", 2)).isEqualTo(2);
    // reopen removes it again
    assertThat(learner.reopen(open.withOutcome(Outcome.LOST))).isEqualTo(smallHistory());
  }

  @Test
  void removingWhatWasNeverCountedFailsAndLeavesTheTableUnchanged() {
    WinProbabilityLearner learner = WinProbabilityLearner.create(SETTINGS, smallHistory());
    assertThatThrownBy(() -> learner.reopen(obs("l9", "fair", 0, Outcome.LOST)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("l9")
        .hasMessageNotContaining("fair");
    assertThatThrownBy(() -> learner.reopen(LearnerObservation.of("t9", "x", Map.of(), 0, Outcome.WON)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(learner.snapshot()).isEqualTo(smallHistory());
  }

  @Test
  void extremeEvidenceIsClamped() {
    FrequencyTable t = FrequencyTable.empty();
    for (int i = 0; i < 2000; i++) {
      t = t.add(obs("w" + i, "web", 4, Outcome.WON));
      t = t.add(obs("l" + i, "cold", 0, Outcome.LOST));
    }
    LearnerSettings s = new LearnerSettings(List.of("source"), 0.1, 1);
    assertThat(WinProbabilityLearner.estimate(s, t, obs("o", "web", 3, Outcome.OPEN)).percent()).isEqualTo(99.99);
    assertThat(WinProbabilityLearner.estimate(s, t, obs("o", "cold", 0, Outcome.OPEN)).percent()).isEqualTo(0.01);
  }

  @Test
  void badInputIsRejectedNamingTheField() {
    assertThatThrownBy(() -> LearnerObservation.of(" ", "o", Map.of(), 0, Outcome.OPEN))
        .hasMessageContaining("LearnerObservation.team");
    assertThatThrownBy(() -> LearnerObservation.of("t", "o", Map.of(), -1, Outcome.OPEN))
        .hasMessageContaining("LearnerObservation.stageReached");
    assertThatThrownBy(() -> obs("o", "web", 0, Outcome.OPEN).withManualPercent(101))
        .hasMessageContaining("LearnerObservation.manualPercent");
    assertThatThrownBy(() -> new LearnerSettings(List.of("a", "a"), 0.1, 1))
        .hasMessageContaining("LearnerSettings.fields[1]");
    assertThatThrownBy(() -> new LearnerSettings(List.of(), 0, 1)).hasMessageContaining("smoothing");
    assertThatThrownBy(() -> FrequencyTable.empty().add(obs("o", "web", 0, Outcome.OPEN)))
        .hasMessageContaining("OPEN");
    assertThatThrownBy(() -> FrequencyTable.empty().apply(obs("a", "web", 0, Outcome.WON),
        obs("b", "web", 0, Outcome.WON))).hasMessageContaining("same object");
  }

  @Test
  void toStringNeverShowsFieldValues() {
    LearnerObservation o = LearnerObservation.of("t1", "L-1", Map.of("email", "ana@example.com"), 0, Outcome.OPEN);
    assertThat(o.toString()).contains("email").doesNotContain("ana@example.com");
    assertThat(FrequencyTable.of(List.of(o.withOutcome(Outcome.WON))).toString())
        .contains("t1").doesNotContain("ana@example.com");
  }
}
