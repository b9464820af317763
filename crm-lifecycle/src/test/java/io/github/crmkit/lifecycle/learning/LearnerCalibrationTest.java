package io.github.crmkit.lifecycle.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/**
 * Validates the learner on held-back history of generated leads whose chance of winning depends, by construction,
 * on their field values: its probabilities must be better calibrated (lower Brier score) than the stage defaults.
 *
 * <p>The generative process: five open stages; a lead at stage {@code s} passes it with probability
 * {@code logistic(c_s + e_team + e_source + e_size)} ({@code region} has no effect); a lead that passes all five is
 * won, a lead that fails at stage {@code s} is lost having reached {@code s}. Leads are generated in time order; the
 * learner is trained live (win/lose calls) on the first 80 % and evaluated on the last 20 %, once at every stage each
 * held-back lead was open at, against its outcome.
 */
class LearnerCalibrationTest {
  private static final double[] STAGE_CONSTANT = {0.2, 0.6, 1.0, 1.4, 1.8};
  /** Stage defaults as a pipeline preset would set them (a typical 10/20/40/60/80 ladder). */
  private static final double[] STAGE_DEFAULT = {0.10, 0.20, 0.40, 0.60, 0.80};
  private static final String[] TEAMS = {"north", "south"};
  private static final double[] TEAM_EFFECT = {0.0, 0.4};
  private static final String[] SOURCES = {"web", "referral", "event", "cold-call"};
  private static final double[] SOURCE_EFFECT = {0.0, 1.2, 0.4, -1.0};
  private static final String[] SIZES = {"small", "medium", "large"};
  private static final double[] SIZE_EFFECT = {-0.5, 0.0, 0.6};
  private static final String[] REGIONS = {"a", "b", "c", "d"};

  private record Lead(LearnerObservation observation, double effect) {}

  private static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** The true probability of winning for a lead with this effect that is open at stage s. */
  private static double truth(double effect, int stage) {
    double p = 1;
    for (int s = stage; s < STAGE_CONSTANT.length; s++) {
      p *= logistic(STAGE_CONSTANT[s] + effect);
    }
    return p;
  }

  private static List<Lead> generate(RandomGenerator random, int size) {
    List<Lead> leads = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      int team = random.nextInt(TEAMS.length);
      int source = random.nextInt(SOURCES.length);
      int leadSize = random.nextInt(SIZES.length);
      double effect = TEAM_EFFECT[team] + SOURCE_EFFECT[source] + SIZE_EFFECT[leadSize];
      int reached = 0;
      boolean won = true;
      for (int s = 0; s < STAGE_CONSTANT.length; s++) {
        reached = s;
        if (random.nextDouble() >= logistic(STAGE_CONSTANT[s] + effect)) {
          won = false;
          break;
        }
      }
      Map<String, String> fields = Map.of("source", SOURCES[source], "size", SIZES[leadSize],
          "region", REGIONS[random.nextInt(REGIONS.length)]);
      leads.add(new Lead(LearnerObservation.of(TEAMS[team], "L-" + i, fields, reached,
          won ? Outcome.WON : Outcome.LOST), effect));
    }
    return leads;
  }

  @Test
  void learnedProbabilitiesAreBetterCalibratedThanStageDefaults() {
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(20261201L);
    List<Lead> leads = generate(random, 10_000);
    int trainSize = 8_000;
    LearnerSettings settings = LearnerSettings.of(List.of("source", "size", "region"));
    WinProbabilityLearner learner = WinProbabilityLearner.create(settings);
    WinProbabilityLearner stageOnly = WinProbabilityLearner.create(LearnerSettings.of(List.of()));
    for (Lead lead : leads.subList(0, trainSize)) {
      LearnerObservation closed = lead.observation();
      LearnerObservation open = closed.withOutcome(Outcome.OPEN);
      if (closed.outcome() == Outcome.WON) {
        learner.win(open);
        stageOnly.win(open);
      } else {
        learner.lose(open);
        stageOnly.lose(open);
      }
    }

    double learned = 0;
    double defaults = 0;
    double stageRates = 0;
    double oracle = 0;
    int points = 0;
    for (Lead lead : leads.subList(trainSize, leads.size())) {
      LearnerObservation closed = lead.observation();
      double y = closed.outcome() == Outcome.WON ? 1 : 0;
      for (int s = 0; s <= closed.stageReached(); s++) {
        LearnerObservation open = closed.withOutcome(Outcome.OPEN).withStageReached(s);
        WinProbability p = learner.estimate(open);
        assertThat(p.kind()).isEqualTo(WinProbability.Kind.LEARNED);
        learned += square(p.fraction() - y);
        stageRates += square(stageOnly.estimate(open).fraction() - y);
        defaults += square(STAGE_DEFAULT[s] - y);
        oracle += square(truth(lead.effect(), s) - y);
        points++;
      }
    }
    learned /= points;
    defaults /= points;
    stageRates /= points;
    oracle /= points;
    System.out.printf("Brier scores on %d held-back (lead, stage) points of %d leads: learner %.4f, "
        + "stage-only learner %.4f, stage defaults %.4f, true probabilities %.4f%n",
        points, leads.size() - trainSize, learned, stageRates, defaults, oracle);

    assertThat(learned).isLessThan(defaults);
    assertThat(learned).isLessThan(stageRates);
    // and it is close to the best possible (the Brier score of the true probabilities)
    assertThat(learned - oracle).isLessThan(0.01);
  }

  @Test
  void belowTheMinimumSampleTheAnswerIsInsufficientHistory() {
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(7L);
    List<Lead> leads = generate(random, 200);
    LearnerSettings settings = LearnerSettings.of(List.of("source", "size"));
    WinProbabilityLearner learner = WinProbabilityLearner.create(settings);
    long closedInNorth = 0;
    for (Lead lead : leads) {
      LearnerObservation closed = lead.observation();
      if (!closed.team().equals("north")) {
        continue;
      }
      LearnerObservation probe = closed.withOutcome(Outcome.OPEN).withStageReached(0);
      WinProbability before = learner.estimate(probe);
      assertThat(before.sample()).isEqualTo(closedInNorth);
      assertThat(before.kind()).isEqualTo(closedInNorth < 50
          ? WinProbability.Kind.INSUFFICIENT_HISTORY : WinProbability.Kind.LEARNED);
      learner.record(null, closed);
      closedInNorth++;
    }
    assertThat(closedInNorth).isGreaterThan(50);
  }

  private static double square(double x) {
    return x * x;
  }
}
