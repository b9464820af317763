package io.github.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * R package rfm 0.3.0's example orders ({@code rfm_data_orders}), analysis date 2006-12-31, 5 bins, mode R_RFM:
 * the figures rfm publishes (its README and its tests) reproduced exactly.
 */
class RfmRPackageTest {
  private static CustomerSummaries summaries;
  private static RfmScores scores;

  @BeforeAll
  static void score() {
    summaries = CustomerSummaries.of(SharedData.rfmOrders());
    scores = RfmScorer.of(RfmBinning.rRfm(5)).score(summaries, LocalDate.of(2006, 12, 31));
  }

  @Test
  void inputsMatchTheDataDescription() {
    assertThat(summaries.customerCount()).isEqualTo(995);
    long orders = 0;
    double revenue = 0;
    for (int k = 0; k < summaries.customerCount(); k++) {
      orders += summaries.orders(k);
      revenue += summaries.monetary(k);
    }
    assertThat(orders).isEqualTo(4906);
    assertThat(revenue).isEqualTo(464_158.0);
    assertThat(scores.scoredCount()).isEqualTo(995);
    assertThat(scores.excludedCount()).isZero();
  }

  @Test
  void recencyEdgesAndCounts() {
    RfmBins r = scores.fit().recency();
    assertThat(r.edges()).containsExactly(new double[] {1, 115, 181, 297.4, 482, 977}, within(1e-9));
    assertThat(r.reversed()).isTrue();
    assertThat(new int[] {r.count(1), r.count(2), r.count(3), r.count(4), r.count(5)})
        .containsExactly(197, 200, 199, 199, 200);
  }

  @Test
  void frequencyEdgesAndCounts() {
    RfmBins f = scores.fit().frequency();
    assertThat(f.edges()).containsExactly(1, 4, 5, 6, 8, 15);
    assertThat(new int[] {f.count(1), f.count(2), f.count(3), f.count(4), f.count(5)})
        .containsExactly(268, 187, 176, 244, 120);
  }

  @Test
  void monetaryEdgesAndCounts() {
    RfmBins m = scores.fit().monetary();
    assertThat(m.edges()).containsExactly(new double[] {12, 255.8, 382, 506.4, 666, 1489}, within(1e-9));
    assertThat(new int[] {m.count(1), m.count(2), m.count(3), m.count(4), m.count(5)})
        .containsExactly(200, 200, 198, 202, 195);
  }

  @Test
  void abbeyOReilly() {
    int k = SharedData.keyOf(summaries, "Abbey O'Reilly");
    assertThat(scores.recencyDays(k)).isEqualTo(205);
    assertThat(scores.frequency(k)).isEqualTo(6);
    assertThat(scores.monetary(k)).isEqualTo(472.0);
    assertThat(scores.recencyScore(k)).isEqualTo(3);
    assertThat(scores.frequencyScore(k)).isEqualTo(4);
    assertThat(scores.monetaryScore(k)).isEqualTo(3);
    assertThat(scores.rfmScore(k)).isEqualTo(343);
  }

  @Test
  void everyScoreLiesBetweenTheEdgesOfItsBin() {
    RfmFit fit = scores.fit();
    for (int k = 0; k < summaries.customerCount(); k++) {
      assertBetween(fit.recency(), scores.recencyScore(k), scores.recencyDays(k));
      assertBetween(fit.frequency(), scores.frequencyScore(k), scores.frequency(k));
      assertBetween(fit.monetary(), scores.monetaryScore(k), scores.monetary(k));
    }
  }

  /** The segment map of rfm's own test of rfm_segment, given there as vectors of names and bounds. */
  static SegmentMap rfmTestMap() {
    String[] names = {"Champions", "Loyal Customers", "Potential Loyalist", "New Customers", "Promising",
        "Need Attention", "About To Sleep", "At Risk", "Can't Lose Them", "Lost"};
    int[] recencyLower = {4, 2, 3, 4, 3, 2, 2, 1, 1, 1};
    int[] recencyUpper = {5, 5, 5, 5, 4, 3, 3, 2, 1, 2};
    int[] otherLower = {4, 3, 1, 1, 1, 2, 1, 2, 4, 1};
    int[] otherUpper = {5, 5, 3, 1, 1, 3, 2, 5, 5, 2};
    List<SegmentRule> rules = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      rules.add(new SegmentRule(names[i], recencyLower[i], recencyUpper[i], otherLower[i], otherUpper[i],
          otherLower[i], otherUpper[i]));
    }
    return SegmentMap.of(5, rules);
  }

  @Test
  void championsOfRfmsSegmentTest() {
    SegmentStats champions = rfmTestMap().summarize(scores).segment("Champions");
    assertThat(champions.customers()).isEqualTo(158);
    assertThat(champions.orders()).isEqualTo(1234);
    assertThat(champions.revenue()).isEqualTo(120_178.0);
  }

  @Test
  void segmentSummariesReconcileWithTheInput() {
    for (SegmentMap map : List.of(rfmTestMap(), SegmentMap.rfmReadme())) {
      SegmentSummary summary = map.summarize(scores);
      assertThat(summary.segments()).hasSize(map.rules().size() + 1);
      assertThat(summary.segments().get(map.rules().size()).name()).isEqualTo("Others");
      assertThat(summary.segments().stream().mapToInt(SegmentStats::customers).sum()).isEqualTo(995);
      assertThat(summary.segments().stream().mapToLong(SegmentStats::orders).sum()).isEqualTo(4906);
      assertThat(summary.segments().stream().mapToDouble(SegmentStats::revenue).sum()).isEqualTo(464_158.0);
      assertThat(summary.segments().stream().mapToDouble(SegmentStats::customerShare).sum())
          .isCloseTo(1.0, within(1e-12));
      assertThat(summary.customers()).isEqualTo(995);
      assertThat(summary.excludedCustomers()).isZero();
      assertThat(summary.orders()).isEqualTo(4906);
      assertThat(summary.revenue()).isEqualTo(464_158.0);
    }
  }

  @Test
  void rfGridOnNtileScoresLeavesNoOthers() {
    RfmScores ntile = RfmScorer.of(RfmBinning.ntile(5)).score(summaries, LocalDate.of(2006, 12, 31));
    SegmentSummary summary = SegmentMap.rfGrid().summarize(ntile);
    assertThat(summary.segment("Others").customers()).isZero();
    assertThat(summary.segmentedCustomers()).isEqualTo(995);
    // 995 customers in 5 n-tiles of 199 each
    for (int score = 1; score <= 5; score++) {
      assertThat(ntile.fit().recency().count(score)).isEqualTo(199);
      assertThat(ntile.fit().frequency().count(score)).isEqualTo(199);
    }
  }

  private static void assertBetween(RfmBins bins, int score, double value) {
    int bin = bins.reversed() ? bins.bins() + 1 - score : score;
    double[] e = bins.edges();
    assertThat(value).isGreaterThanOrEqualTo(e[bin - 1]).isLessThan(e[bin]);
  }
}
