package io.github.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each binning mode on small inputs whose scores were worked out by hand from the documented rules (R's type-7
 * quantiles; pandas {@code qcut(s.rank(method="first"), q)}; SQL {@code NTILE}; breaks), ties included.
 */
class RfmBinningTest {
  /** Scores one column as frequency (not reversed) and as recency (reversed) with the same binning. */
  private static int[][] score(RfmBinning binning, double... values) {
    int n = values.length;
    int[] asRecency = new int[n];
    int[] asFrequency = new int[n];
    int[] asMonetary = new int[n];
    RfmScorer.of(binning).score(values, values, values, asRecency, asFrequency, asMonetary);
    assertThat(asMonetary).isEqualTo(asFrequency);
    return new int[][] {asFrequency, asRecency};
  }

  @Nested
  class RRfm {
    @Test
    void oneToTenInFiveBins() {
      // type 7: h = 1 + 9p; p = .2 -> 2.8, .4 -> 4.6, .6 -> 6.4, .8 -> 8.2; plus 1: 3.8, 5.6, 7.4, 9.2
      double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
      int[] f = new int[10];
      int[] r = new int[10];
      RfmFit fit = RfmScorer.of(RfmBinning.rRfm(5)).score(x, x, x, r, f, new int[10]);
      assertThat(fit.frequency().edges()).containsExactly(new double[] {1, 3.8, 5.6, 7.4, 9.2, 11}, within(1e-12));
      assertThat(f).containsExactly(1, 1, 1, 2, 2, 3, 3, 4, 4, 5);
      assertThat(r).containsExactly(5, 5, 5, 4, 4, 3, 3, 2, 2, 1);
      assertThat(fit.frequency().count(1)).isEqualTo(3);
      assertThat(fit.frequency().lowest(2)).isEqualTo(4);
      assertThat(fit.frequency().highest(2)).isEqualTo(5);
      assertThat(fit.recency().count(5)).isEqualTo(3);
      assertThat(fit.recency().highest(5)).isEqualTo(3);
    }

    @Test
    void inputOrderDoesNotMatter() {
      int[][] s = score(RfmBinning.rRfm(5), 10, 3, 7, 1, 9, 2, 8, 4, 6, 5);
      assertThat(s[0]).containsExactly(5, 1, 3, 1, 4, 1, 4, 2, 3, 2);
    }

    @Test
    void equalValuesScoreAlike() {
      // p = 1/3: h = 2.67 between two 1s -> 1, edge 2; p = 2/3: h = 4.33 between 1 and 2 -> 1.33, edge 2.33
      int[][] s = score(RfmBinning.rRfm(3), 1, 1, 1, 1, 2, 3);
      assertThat(s[0]).containsExactly(1, 1, 1, 1, 2, 3);
      assertThat(s[1]).containsExactly(3, 3, 3, 3, 2, 1);
    }

    @Test
    void coincidingEdgesLeaveEmptyBins() {
      // every interior quantile falls among the nine 1s: edges 1, 2, 2, 2, 2, 6
      double[] x = {1, 1, 1, 1, 1, 1, 1, 1, 1, 5};
      int[] f = new int[10];
      RfmFit fit = RfmScorer.of(RfmBinning.rRfm(5)).score(x, x, x, new int[10], f, new int[10]);
      assertThat(fit.frequency().edges()).containsExactly(1, 2, 2, 2, 2, 6);
      assertThat(f).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 5);
      assertThat(fit.frequency().count(3)).isZero();
      assertThat(fit.frequency().lowest(3)).isNaN();
    }

    @Test
    void oneValueScoresLowestBin() {
      int[][] s = score(RfmBinning.rRfm(5), 42);
      assertThat(s[0]).containsExactly(1);
      assertThat(s[1]).containsExactly(5);
    }

    @Test
    void noValuesGiveNanEdges() {
      RfmFit fit = RfmScorer.of(RfmBinning.rRfm(3)).score(new double[0], new double[0], new double[0], new int[0],
          new int[0], new int[0]);
      assertThat(fit.size()).isZero();
      assertThat(fit.recency().edges()).containsOnly(Double.NaN);
    }
  }

  @Nested
  class Ntile {
    @Test
    void tenValuesInFourBinsAsPandas() {
      // ranks (first): index 1 -> 1, 3 -> 2, 6 -> 3, 0 -> 4, 9 -> 5, 2 -> 6, 4 -> 7, 8 -> 8, 7 -> 9, 5 -> 10;
      // qcut edges on ranks 1..10: 1, 3.25, 5.5, 7.75, 10, so ranks 1-3, 4-5, 6-7, 8-10
      int[][] s = score(RfmBinning.ntile(4), 3, 1, 4, 1, 5, 9, 2, 6, 5, 3);
      assertThat(s[0]).containsExactly(2, 1, 3, 1, 3, 4, 1, 4, 4, 2);
    }

    @Test
    void equalValuesSplitByInputOrder() {
      // the two 5s (indexes 4 and 8) have ranks 7 and 8, on either side of the edge 7.75
      int[][] s = score(RfmBinning.ntile(4), 3, 1, 4, 1, 5, 9, 2, 6, 5, 3);
      assertThat(s[0][4]).isEqualTo(3);
      assertThat(s[0][8]).isEqualTo(4);
    }

    @Test
    void recencyReversedAsPandasWithDescendingLabels() {
      // qcut(recency.rank(method="first"), 5, labels=[5, 4, 3, 2, 1]); ranks: 5 -> 1, 10 (index 0) -> 2,
      // 10 (index 2) -> 3, 40 (index 1) -> 4, 40 (index 5) -> 5, 90 -> 6, 200 -> 7; edges 1, 2.2, 3.4, 4.6, 5.8, 7
      double[] recency = {10, 40, 10, 200, 5, 40, 90};
      int[] r = new int[7];
      RfmFit fit = RfmScorer.of(RfmBinning.ntile(5)).score(recency, recency, recency, r, new int[7], new int[7]);
      assertThat(r).containsExactly(5, 3, 4, 1, 5, 2, 1);
      assertThat(fit.recency().edges()).containsExactly(new double[] {1, 2.2, 3.4, 4.6, 5.8, 7}, within(1e-12));
      // the earlier of two equal recencies gets the higher score
      assertThat(r[0]).isGreaterThan(r[2]);
    }

    @Test
    void allEqualValuesFillTheBinsInInputOrder() {
      // ranks 1..6, edges 1, 2.67, 4.33, 6
      int[][] s = score(RfmBinning.ntile(3), 7, 7, 7, 7, 7, 7);
      assertThat(s[0]).containsExactly(1, 1, 2, 2, 3, 3);
      assertThat(s[1]).containsExactly(3, 3, 2, 2, 1, 1);
    }

    @Test
    void fewerValuesThanBins() {
      // ranks 1..3 against edges 1, 1.4, 1.8, 2.2, 2.6, 3
      int[][] s = score(RfmBinning.ntile(5), 30, 10, 20);
      assertThat(s[0]).containsExactly(5, 1, 3);
    }

    @Test
    void rankOnAnEdgeStaysInTheLowerBin() {
      // 9 values in 4 bins: edges 1, 3, 5, 7, 9 are ranks, and a rank on an edge belongs to the bin below
      int[][] s = score(RfmBinning.ntile(4), 1, 2, 3, 4, 5, 6, 7, 8, 9);
      assertThat(s[0]).containsExactly(1, 1, 1, 2, 2, 3, 3, 4, 4);
    }
  }

  @Nested
  class SqlNtile {
    @Test
    void tenValuesInFourBins() {
      // same ranks as the pandas case; NTILE(4) over 10 rows: 3, 3, 2, 2 -> ranks 1-3, 4-6, 7-8, 9-10
      double[] x = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
      int[] f = new int[10];
      RfmFit fit = RfmScorer.of(RfmBinning.sqlNtile(4)).score(x, x, x, new int[10], f, new int[10]);
      assertThat(f).containsExactly(2, 1, 2, 1, 3, 4, 1, 4, 3, 2);
      assertThat(fit.frequency().edges()).containsExactly(0, 3, 6, 8, 10);
    }

    @Test
    void fewerValuesThanBins() {
      int[][] s = score(RfmBinning.sqlNtile(5), 30, 10, 20);
      assertThat(s[0]).containsExactly(3, 1, 2);
      assertThat(s[1]).containsExactly(3, 5, 4);
    }
  }

  @Nested
  class Fixed {
    @Test
    void breaksAreInclusiveLowerEdges() {
      int[][] s = score(RfmBinning.fixed(2, 5, 10), 0, 2, 4.99, 5, 9, 10, 100, -3);
      assertThat(s[0]).containsExactly(1, 2, 2, 3, 3, 4, 4, 1);
      assertThat(s[1]).containsExactly(4, 3, 3, 2, 2, 1, 1, 4);
    }

    @Test
    void edgesAreTheBreaksBetweenInfinities() {
      double[] x = {1};
      RfmFit fit = RfmScorer.of(RfmBinning.fixed(30, 90)).score(x, x, x, new int[1], new int[1], new int[1]);
      assertThat(fit.recency().edges())
          .containsExactly(Double.NEGATIVE_INFINITY, 30, 90, Double.POSITIVE_INFINITY);
      assertThat(fit.recency().bins()).isEqualTo(3);
    }

    @Test
    void noBreaksIsOneBin() {
      int[][] s = score(RfmBinning.fixed(), 5, -5);
      assertThat(s[0]).containsExactly(1, 1);
      assertThat(s[1]).containsExactly(1, 1);
    }
  }

  @Test
  void binsMayDifferPerDimension() {
    double[] x = {1, 2, 3, 4, 5, 6};
    int[] r = new int[6];
    int[] f = new int[6];
    int[] m = new int[6];
    RfmFit fit = RfmScorer.of(RfmBinning.ntile(3), RfmBinning.ntile(2), RfmBinning.fixed(4)).score(x, x, x, r, f, m);
    assertThat(r).containsExactly(3, 3, 2, 2, 1, 1);
    assertThat(f).containsExactly(1, 1, 1, 2, 2, 2);
    assertThat(m).containsExactly(1, 1, 1, 2, 2, 2);
    assertThat(fit.recency().bins()).isEqualTo(3);
    assertThat(fit.frequency().bins()).isEqualTo(2);
  }

  @Test
  void rfmScoreConcatenatesDigits() {
    assertThat(RfmScorer.rfmScore(3, 4, 3)).isEqualTo(343);
    assertThat(RfmScorer.rfmScore(5, 5, 5)).isEqualTo(555);
    assertThat(RfmScorer.rfmScore(1, 9, 2)).isEqualTo(192);
  }

  @Test
  void binningArgumentsAreChecked() {
    assertThatThrownBy(() -> RfmBinning.rRfm(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bins must be between 1 and 9, was 0");
    assertThatThrownBy(() -> RfmBinning.ntile(10)).hasMessage("bins must be between 1 and 9, was 10");
    assertThatThrownBy(() -> RfmBinning.fixed(1, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("breaks must be strictly increasing");
    assertThatThrownBy(() -> RfmBinning.fixed(1, Double.NaN)).hasMessage("breaks[1] must be a finite number, was NaN");
    assertThatThrownBy(() -> RfmBinning.fixed(1, 2, 3, 4, 5, 6, 7, 8, 9))
        .hasMessage("breaks must have at most 8 elements, had 9");
  }

  @Test
  void columnArgumentsAreChecked() {
    RfmScorer scorer = RfmScorer.of(RfmBinning.rRfm(5));
    double[] two = {1, 2};
    assertThatThrownBy(() -> scorer.score(two, two, new double[3], new int[2], new int[2], new int[2]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("recency, frequency, monetary and the "
            + "three score arrays must have the same length, were 2, 2, 3");
    assertThatThrownBy(() -> scorer.score(two, new double[] {1, Double.POSITIVE_INFINITY}, two, new int[2],
        new int[2], new int[2])).hasMessage("frequency[1] must be a finite number, was Infinity");
    int[] shared = new int[2];
    assertThatThrownBy(() -> scorer.score(two, two, two, shared, new int[2], shared))
        .hasMessage("the three score arrays must be distinct arrays");
  }

  @Test
  void equalsAndToString() {
    assertThat(RfmBinning.fixed(30, 90)).isEqualTo(RfmBinning.fixed(30, 90)).hasSameHashCodeAs(RfmBinning.fixed(30, 90))
        .isNotEqualTo(RfmBinning.fixed(30, 91)).hasToString("FIXED[30.0, 90.0]");
    assertThat(RfmBinning.ntile(5)).isNotEqualTo(RfmBinning.sqlNtile(5)).hasToString("NTILE(5)");
  }
}
