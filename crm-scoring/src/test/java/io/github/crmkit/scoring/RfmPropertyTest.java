package io.github.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.crmkit.model.TransactionKind;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties of the RFM scorer over random inputs drawn by QuickTheories (small value ranges, so that ties are
 * common): scores stay in range, n-tile bins differ in size by at most one and agree with a naive definition,
 * quantile bins agree with the edges they report, recency is frequency reversed, and the two faces agree.
 */
class RfmPropertyTest {
  private static final long SEED = 20261122L;

  private static Gen<List<Integer>> values() {
    return lists().of(integers().between(-5, 25)).ofSizeBetween(0, 120);
  }

  private static double[] toArray(List<Integer> list) {
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  /** Scores {@code x} as all three dimensions; returns {frequency scores, recency scores} and the fit. */
  private static Object[] score(RfmBinning binning, double[] x) {
    int n = x.length;
    int[] r = new int[n];
    int[] f = new int[n];
    int[] m = new int[n];
    RfmFit fit = RfmScorer.of(binning).score(x, x, x, r, f, m);
    assertThat(m).isEqualTo(f);
    return new Object[] {f, r, fit};
  }

  /** The bin of rank r by the definitions, with ranks counted naively: O(n^2), exact integer comparisons. */
  private static int[] naiveNtile(double[] x, int bins, boolean sql) {
    int n = x.length;
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      long rank = 1;
      for (int j = 0; j < n; j++) {
        if (x[j] < x[i] || (x[j] == x[i] && j < i)) {
          rank++;
        }
      }
      int bin = 0;
      if (sql) {
        long upper = 0;
        for (int b = 1; b <= bins && bin == 0; b++) {
          upper += n / bins + (b <= n % bins ? 1 : 0);
          if (rank <= upper) {
            bin = b;
          }
        }
      } else {
        // smallest b >= 1 with rank <= 1 + (n-1) b / bins, i.e. (rank - 1) * bins <= (n - 1) * b
        for (int b = 1; b <= bins && bin == 0; b++) {
          if ((rank - 1) * bins <= (long) (n - 1) * b) {
            bin = b;
          }
        }
      }
      out[i] = bin;
    }
    return out;
  }

  @Test
  void ntileMatchesItsDefinitionAndBinSizesDifferByAtMostOne() {
    qt().withExamples(500).withFixedSeed(SEED).forAll(values(), integers().between(1, 9)).checkAssert((list, bins) -> {
      double[] x = toArray(list);
      for (boolean sql : new boolean[] {false, true}) {
        Object[] s = score(sql ? RfmBinning.sqlNtile(bins) : RfmBinning.ntile(bins), x);
        int[] f = (int[]) s[0];
        assertThat(f).as("sql=%s bins=%s x=%s", sql, bins, list).isEqualTo(naiveNtile(x, bins, sql));
        int[] sizes = new int[bins];
        for (int score : f) {
          assertThat(score).isBetween(1, bins);
          sizes[score - 1]++;
        }
        if (x.length >= bins) {
          int min = Arrays.stream(sizes).min().orElseThrow();
          int max = Arrays.stream(sizes).max().orElseThrow();
          assertThat(max - min).as("bin sizes %s", Arrays.toString(sizes)).isLessThanOrEqualTo(1);
        }
        for (int score = 1; score <= bins; score++) {
          assertThat(((RfmFit) s[2]).frequency().count(score)).isEqualTo(sizes[score - 1]);
        }
      }
    });
  }

  @Test
  void ntileIsMonotoneInValueThenPosition() {
    qt().withExamples(300).withFixedSeed(SEED).forAll(values(), integers().between(1, 9)).checkAssert((list, bins) -> {
      double[] x = toArray(list);
      int[] f = (int[]) score(RfmBinning.ntile(bins), x)[0];
      for (int i = 0; i < x.length; i++) {
        for (int j = i + 1; j < x.length; j++) {
          if (x[i] <= x[j]) {
            assertThat(f[i]).isLessThanOrEqualTo(f[j]);
          } else {
            assertThat(f[i]).isGreaterThanOrEqualTo(f[j]);
          }
        }
      }
    });
  }

  /** R's type 7 written the other way round: x[j] + g (x[j+1] - x[j]), 1-based j = floor(1 + (n-1) p). */
  private static double type7(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int j = (int) Math.floor(h);
    double g = h - j;
    return j + 1 < sorted.length ? sorted[j] + g * (sorted[j + 1] - sorted[j]) : sorted[j];
  }

  @Test
  void rRfmScoresLieBetweenTheReportedEdgesAndEqualValuesScoreAlike() {
    qt().withExamples(500).withFixedSeed(SEED).forAll(values(), integers().between(1, 9)).checkAssert((list, bins) -> {
      double[] x = toArray(list);
      Object[] s = score(RfmBinning.rRfm(bins), x);
      int[] f = (int[]) s[0];
      RfmBins fit = ((RfmFit) s[2]).frequency();
      double[] edges = fit.edges();
      if (x.length > 0) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        assertThat(edges[0]).isEqualTo(sorted[0]);
        assertThat(edges[bins]).isEqualTo(sorted[x.length - 1] + 1);
        for (int i = 1; i < bins; i++) {
          assertThat(edges[i]).isCloseTo(type7(sorted, (double) i / bins) + 1, within(1e-9));
        }
      }
      for (int i = 0; i < x.length; i++) {
        assertThat(f[i]).isBetween(1, bins);
        assertThat(x[i]).isGreaterThanOrEqualTo(edges[f[i] - 1]).isLessThan(edges[f[i]]);
        for (int j = 0; j < x.length; j++) {
          if (x[i] == x[j]) {
            assertThat(f[i]).isEqualTo(f[j]);
          } else if (x[i] < x[j]) {
            assertThat(f[i]).isLessThanOrEqualTo(f[j]);
          }
        }
      }
    });
  }

  @Test
  void recencyIsFrequencyReversedInEveryMode() {
    qt().withExamples(300).withFixedSeed(SEED).forAll(values(), integers().between(1, 9)).checkAssert((list, bins) -> {
      double[] x = toArray(list);
      double[] breaks = new double[bins - 1];
      for (int i = 0; i < breaks.length; i++) {
        breaks[i] = -5 + 3 * i;
      }
      for (RfmBinning binning : new RfmBinning[] {
          RfmBinning.rRfm(bins), RfmBinning.ntile(bins), RfmBinning.sqlNtile(bins), RfmBinning.fixed(breaks)}) {
        Object[] s = score(binning, x);
        int[] f = (int[]) s[0];
        int[] r = (int[]) s[1];
        for (int i = 0; i < x.length; i++) {
          assertThat(r[i]).as("%s at %s", binning, i).isEqualTo(bins + 1 - f[i]);
        }
      }
    });
  }

  /** Random transactions: some customers only return goods (no purchase), some rows share an order. */
  private static TransactionColumns transactions(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int customers = 1 + random.nextInt(60);
    TransactionColumns.Builder builder = TransactionColumns.builder(16);
    int rows = random.nextInt(400);
    for (int i = 0; i < rows; i++) {
      String customer = "c" + random.nextInt(customers);
      int day = 13_000 + random.nextInt(120);
      double amount = random.nextInt(1, 50);
      boolean onlyReturns = customer.hashCode() % 7 == 0;
      TransactionKind kind = onlyReturns || random.nextInt(10) == 0 ? TransactionKind.RETURN : TransactionKind.SALE;
      String order = random.nextInt(4) == 0 ? "o" + random.nextInt(rows / 3 + 1) : null;
      builder.add(customer, day, amount, order, kind);
    }
    return builder.build();
  }

  @Test
  void bothFacesGiveTheSameScores() {
    int[] excludedSeen = {0};
    qt().withExamples(300).withFixedSeed(SEED).forAll(longs().all(), integers().between(0, 3))
        .checkAssert((seed, mode) -> {
          RfmBinning binning = switch (mode) {
            case 0 -> RfmBinning.rRfm(5);
            case 1 -> RfmBinning.ntile(4);
            case 2 -> RfmBinning.sqlNtile(3);
            default -> RfmBinning.fixed(2, 10, 40);
          };
          RfmScorer scorer = RfmScorer.of(binning, RfmBinning.ntile(5), RfmBinning.rRfm(4));
          CustomerSummaries summaries = CustomerSummaries.of(transactions(seed));
          int analysisDay = 13_130;
          RfmScores scores = scorer.score(summaries, analysisDay);

          int n = summaries.customerCount();
          int[] keys = new int[n];
          int scored = 0;
          for (int k = 0; k < n; k++) {
            if (summaries.hasPurchase(k)) {
              keys[scored++] = k;
            } else {
              excludedSeen[0]++;
              assertThat(scores.isScored(k)).isFalse();
              assertThat(scores.rfmScore(k)).isEqualTo(RfmScores.NOT_SCORED);
            }
          }
          double[] r = new double[scored];
          double[] f = new double[scored];
          double[] m = new double[scored];
          for (int j = 0; j < scored; j++) {
            r[j] = summaries.recencyDays(keys[j], analysisDay);
            f[j] = summaries.orders(keys[j]);
            m[j] = summaries.monetary(keys[j]);
          }
          int[] rs = new int[scored];
          int[] fs = new int[scored];
          int[] ms = new int[scored];
          RfmFit fit = scorer.score(r, f, m, rs, fs, ms);
          for (int j = 0; j < scored; j++) {
            int k = keys[j];
            assertThat(scores.isScored(k)).isTrue();
            assertThat(new int[] {scores.recencyScore(k), scores.frequencyScore(k), scores.monetaryScore(k)})
                .as("customer %s", k).containsExactly(rs[j], fs[j], ms[j]);
            assertThat(scores.rfmScore(k)).isEqualTo(100 * rs[j] + 10 * fs[j] + ms[j]);
          }
          assertThat(scores.scoredCount()).isEqualTo(scored);
          assertThat(scores.scoredCount() + scores.excludedCount()).isEqualTo(n);
          assertThat(scores.fit().recency().edges()).isEqualTo(fit.recency().edges());
          assertThat(scores.fit().monetary().edges()).isEqualTo(fit.monetary().edges());
        });
    assertThat(excludedSeen[0]).as("customers without a purchase occurred").isPositive();
  }
}
