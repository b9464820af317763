package io.github.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.crmkit.model.TransactionKind;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Segment rules and maps from code: precedence, the presets, batch assignment, summaries and argument checks. */
class SegmentMapTest {
  private static final SegmentMap SMALL = SegmentMap.of(3, List.of(
      new SegmentRule("Best", 3, 3, 3, 3, 2, 3),
      new SegmentRule("Recent", 3, 3, 1, 3, 1, 3),
      new SegmentRule("Frequent", 1, 3, 3, 3, 1, 3)));

  @Test
  void firstMatchingRuleWinsAndTheUnmatchedAreOthers() {
    assertThat(SMALL.segmentOf(3, 3, 3)).isEqualTo("Best");
    assertThat(SMALL.segmentOf(3, 3, 1)).isEqualTo("Recent"); // Best needs M >= 2; Recent comes before Frequent
    assertThat(SMALL.segmentOf(2, 3, 1)).isEqualTo("Frequent");
    assertThat(SMALL.segmentOf(2, 2, 3)).isEqualTo("Others");
    assertThat(SMALL.segmentIndex(2, 2, 3)).isEqualTo(3);
    assertThat(SMALL.segmentCount()).isEqualTo(4);
    assertThat(SMALL.segmentName(3)).isEqualTo(SegmentMap.OTHERS);
  }

  @Test
  void rfmReadmePresetInItsOrder() {
    SegmentMap map = SegmentMap.rfmReadme();
    assertThat(map.rules()).extracting(SegmentRule::name, SegmentRule::recencyLow, SegmentRule::recencyHigh,
        SegmentRule::frequencyLow, SegmentRule::frequencyHigh, SegmentRule::monetaryLow, SegmentRule::monetaryHigh)
        .containsExactly(
            tuple("Champions", 5, 5, 5, 5, 5, 5),
            tuple("Potential Loyalist", 3, 5, 3, 5, 2, 5),
            tuple("Loyal Customers", 2, 4, 2, 4, 2, 4),
            tuple("Promising", 3, 4, 1, 3, 3, 5),
            tuple("New Customers", 4, 5, 1, 3, 1, 5),
            tuple("Can't Lose Them", 1, 2, 3, 4, 4, 5),
            tuple("At Risk", 1, 2, 2, 5, 4, 5),
            tuple("Need Attention", 1, 3, 3, 5, 3, 5),
            tuple("About To Sleep", 2, 3, 1, 3, 1, 4),
            tuple("Lost", 1, 1, 1, 5, 1, 5));
    // overlapping rules: 4-4-4 is in Potential Loyalist and Loyal Customers; the earlier wins
    assertThat(map.segmentOf(4, 4, 4)).isEqualTo("Potential Loyalist");
    // 2-1-5 matches no rule (About To Sleep needs M <= 4)
    assertThat(map.segmentOf(2, 1, 5)).isEqualTo("Others");
  }

  @Test
  void rfGridCoversEveryRecencyFrequencyCellExactlyOnceAsItsRegularExpressions() {
    // the grid as it is usually written: regular expressions over the two-digit string "RF"
    String[][] patterns = {
        {"[1-2][1-2]", "hibernating"}, {"[1-2][3-4]", "at risk"}, {"[1-2]5", "can't lose"},
        {"3[1-2]", "about to sleep"}, {"33", "need attention"}, {"[3-4][4-5]", "loyal customers"},
        {"41", "promising"}, {"51", "new customers"}, {"[4-5][2-3]", "potential loyalists"},
        {"5[4-5]", "champions"}};
    SegmentMap grid = SegmentMap.rfGrid();
    assertThat(grid.rules()).hasSize(10);
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        String rf = "" + r + f;
        String byPattern = null;
        int patternMatches = 0;
        for (String[] p : patterns) {
          if (Pattern.matches(p[0], rf)) {
            byPattern = p[1];
            patternMatches++;
          }
        }
        assertThat(patternMatches).as("patterns matching %s", rf).isEqualTo(1);
        int ruleMatches = 0;
        for (SegmentRule rule : grid.rules()) {
          for (int m = 1; m <= 5; m++) {
            if (rule.matches(r, f, m)) {
              ruleMatches++;
            }
          }
        }
        assertThat(ruleMatches).as("rules matching %s, once per monetary score", rf).isEqualTo(5);
        for (int m = 1; m <= 5; m++) {
          assertThat(grid.segmentOf(r, f, m)).as("RF %s M %s", rf, m).isEqualTo(byPattern);
        }
      }
    }
  }

  @Test
  void assignWritesSegmentIndexes() {
    int[] out = new int[4];
    SMALL.assign(new int[] {3, 3, 2, 2}, new int[] {3, 3, 3, 2}, new int[] {3, 1, 1, 3}, out);
    assertThat(out).containsExactly(0, 1, 2, 3);
    assertThatThrownBy(() -> SMALL.assign(new int[] {3, 0}, new int[] {3, 3}, new int[] {3, 3}, new int[2]))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("recencyScores[1] must be between 1 and 3, was 0");
    assertThatThrownBy(() -> SMALL.assign(new int[1], new int[2], new int[2], new int[2]))
        .hasMessageStartingWith("recencyScores, frequencyScores, monetaryScores and segmentIndexes must have the same "
            + "length");
  }

  @Test
  void summaryReconcilesWithTheInputAndCountsCustomersWithoutPurchase() {
    // analysis day 100; FIXED recency breaks 10, 30 -> R 3 for < 10 days, 2 for 10-29, 1 for >= 30;
    // frequency breaks 2, 3 -> F 1, 2, 3+; monetary break 100 -> M 1 below 100, 2 from 100 on (3 bins: 100, 200)
    TransactionColumns.Builder b = TransactionColumns.builder(16);
    b.add("a", 95, 80);
    b.add("a", 99, 150); // a: recency 1, 2 orders, 230 -> R3 F2 M3
    b.add("b", 50, 20); // b: recency 50, 1 order, 20 -> R1 F1 M1
    b.add("c", 91, 60);
    b.add("c", 92, 60);
    b.add("c", 93, 60); // c: recency 7, 3 orders, 180 -> R3 F3 M2
    b.add("d", 80, 30, null, TransactionKind.RETURN); // d: only a return, no purchase -> excluded, -30
    b.add("e", 85, 120);
    b.add("e", 86, 10, null, TransactionKind.RETURN); // e: recency 15, 1 order, 110 -> R2 F1 M2
    CustomerSummaries summaries = CustomerSummaries.of(b.build());
    RfmScorer scorer = RfmScorer.of(RfmBinning.fixed(10, 30), RfmBinning.fixed(2, 3), RfmBinning.fixed(100, 200));
    RfmScores scores = scorer.score(summaries, 100);
    SegmentSummary summary = SMALL.summarize(scores);

    int a = SharedData.keyOf(summaries, "a");
    int d = SharedData.keyOf(summaries, "d");
    int e = SharedData.keyOf(summaries, "e");
    assertThat(scores.rfmScore(a)).isEqualTo(323);
    assertThat(summary.segmentName(a)).isEqualTo("Recent"); // Best needs F 3
    assertThat(summary.segmentName(e)).isEqualTo("Others");
    assertThat(summary.segmentIndex(d)).isEqualTo(SegmentSummary.NOT_SEGMENTED);
    assertThatThrownBy(() -> summary.segmentName(d)).isInstanceOf(IllegalStateException.class);

    assertThat(summary.segments()).extracting(SegmentStats::name, SegmentStats::customers, SegmentStats::orders,
        SegmentStats::revenue).containsExactly(
            tuple("Best", 1, 3L, 180.0), // c: R3 F3 M2
            tuple("Recent", 1, 2L, 230.0), // a: R3 F2 M3
            tuple("Frequent", 0, 0L, 0.0),
            tuple("Others", 2, 2L, 130.0)); // b and e
    SegmentStats recent = summary.segment("Recent");
    assertThat(recent.customerShare()).isEqualTo(0.25);
    assertThat(recent.orderShare()).isEqualTo(2.0 / 7);
    assertThat(recent.revenueShare()).isEqualTo(230.0 / 540);
    assertThat(summary.excludedCustomers()).isEqualTo(1);
    assertThat(summary.excludedOrders()).isZero();
    assertThat(summary.excludedRevenue()).isEqualTo(-30.0);
    assertThat(summary.customers()).isEqualTo(5);
    assertThat(summary.orders()).isEqualTo(7);
    assertThat(summary.revenue()).isEqualTo(80 + 150 + 20 + 180 - 30 + 110);
    assertThatThrownBy(() -> summary.segment("Nobody")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void summarizeRefusesScoresWithOtherBins() {
    TransactionColumns columns = TransactionColumns.of(new int[] {0}, new int[] {1}, new double[] {1},
        new String[] {"x"});
    RfmScores fiveBins = RfmScorer.of(RfmBinning.rRfm(5)).score(CustomerSummaries.of(columns), 2);
    assertThatThrownBy(() -> SMALL.summarize(fiveBins)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scores must have the map's bins (recency, frequency, monetary) 3, 3, 3, had 5, 5, 5");
  }

  @Test
  void rulesAndMapsCheckTheirArguments() {
    assertThatThrownBy(() -> new SegmentRule("X", 4, 2, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recencyLow must not be greater than recencyHigh, was 4 > 2");
    assertThatThrownBy(() -> new SegmentRule("X", 1, 1, 0, 1, 1, 1))
        .hasMessage("frequencyLow must be between 1 and 9, was 0");
    assertThatThrownBy(() -> new SegmentRule(" X", 1, 1, 1, 1, 1, 1))
        .hasMessage("name must not start or end with whitespace");
    assertThatThrownBy(() -> new SegmentRule("Others", 1, 1, 1, 1, 1, 1))
        .hasMessageStartingWith("name must not be 'Others'");
    assertThatThrownBy(() -> SegmentMap.of(3, List.of(new SegmentRule("X", 1, 4, 1, 1, 1, 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rules[0].recencyHigh must be at most 3 (the number of bins), was 4");
    assertThatThrownBy(() -> SegmentMap.of(3, List.of(new SegmentRule("X", 1, 1, 1, 1, 1, 1),
        new SegmentRule("Y", 2, 2, 1, 1, 1, 1), new SegmentRule("X", 3, 3, 1, 1, 1, 1))))
        .hasMessage("rules[2].name must be distinct, but 'X' is also the name of rules[0]");
    assertThatThrownBy(() -> SegmentMap.of(10, List.of())).hasMessage("recencyBins must be between 1 and 9, was 10");
    assertThatThrownBy(() -> SMALL.segmentIndex(1, 4, 1)).hasMessage("frequencyScore must be between 1 and 3, was 4");
  }

  @Test
  void equality() {
    assertThat(SegmentMap.of(3, SMALL.rules())).isEqualTo(SMALL).hasSameHashCodeAs(SMALL);
    assertThat(SegmentMap.of(4, SMALL.rules())).isNotEqualTo(SMALL);
    assertThat(SegmentMap.rfGrid()).isNotEqualTo(SegmentMap.rfmReadme());
    assertThat(SMALL).hasToString("SegmentMap[bins=3/3/3, segments=[Best, Recent, Frequent, Others]]");
  }
}
