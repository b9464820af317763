package io.github.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One million customers in one call: the counts the definitions give (not a timing test; benchmarks live
 * elsewhere).
 */
class RfmLargeInputTest {
  private static final int N = 1_000_000;

  @Test
  void millionCustomersInOneCall() {
    SplittableRandom random = new SplittableRandom(7);
    double[] recency = new double[N];
    double[] frequency = new double[N];
    double[] monetary = new double[N];
    for (int i = 0; i < N; i++) {
      recency[i] = random.nextInt(1000); // heavy ties
      frequency[i] = 1 + random.nextInt(20);
      monetary[i] = random.nextInt(1_000_000) / 100.0;
    }
    int[] r = new int[N];
    int[] f = new int[N];
    int[] m = new int[N];
    RfmFit fit = RfmScorer.of(RfmBinning.ntile(5), RfmBinning.sqlNtile(8), RfmBinning.rRfm(5))
        .score(recency, frequency, monetary, r, f, m);
    for (int score = 1; score <= 5; score++) {
      assertThat(fit.recency().count(score)).isEqualTo(N / 5);
    }
    for (int score = 1; score <= 8; score++) {
      assertThat(fit.frequency().count(score)).isEqualTo(N / 8);
    }
    long scored = 0;
    for (int score = 1; score <= 5; score++) {
      scored += fit.monetary().count(score);
    }
    assertThat(scored).isEqualTo(N);
    // the most recent fifth holds no recency above the next fifth's lowest (equal values may sit on both sides)
    assertThat(fit.recency().highest(5)).isLessThanOrEqualTo(fit.recency().lowest(4));
  }
}
