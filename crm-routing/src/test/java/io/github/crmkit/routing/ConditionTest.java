package io.github.crmkit.routing;

import static io.github.crmkit.routing.Fixtures.T0;
import static io.github.crmkit.routing.Fixtures.agent;
import static io.github.crmkit.routing.Fixtures.lead;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadRating;
import io.github.crmkit.model.LeadStatus;
import io.github.crmkit.model.ProductId;
import io.github.crmkit.model.TerritoryId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each operator through a one-rule policy: the lead is queued when the condition holds. */
class ConditionTest {
  private static RoutingDecision decide(Condition condition, Lead lead) {
    RoutingPolicy policy = RoutingPolicy.of("c", List.of(),
        List.of(new RuleEntry("rule", condition, Target.queue("q"), List.of())));
    RoutingEngine engine = RoutingEngine.builder().policy(policy)
        .directory(Fixtures.directory(List.of(agent("a", 1)), List.of(
            Fixtures.territory("cn", null, List.of("CN"), List.of()),
            Fixtures.territory("south", "cn", List.of("CN"), List.of("Guangdong", "Guangxi")),
            Fixtures.territory("de", null, List.of("DE"), List.of()))))
        .build();
    return engine.route(lead, lead.receivedAt());
  }

  private static boolean holds(Condition condition, Lead lead) {
    return decide(condition, lead).outcome() == Outcome.QUEUED;
  }

  private static final Lead FULL = lead("L-1").campaign("long-2026").company("Acme Pumps").countryCode("CN")
      .region("Guangdong").city("Shenzhen").rating(LeadRating.WARM).score(72.5).status(LeadStatus.NEW)
      .addProductInterest(ProductId.of("P-1"))
      .putAttribute("tier", AttributeValue.ofString("gold"))
      .putAttribute("employees", AttributeValue.ofLong(250))
      .putAttribute("revenue", AttributeValue.ofDecimal(new BigDecimal("1.5")))
      .putAttribute("partner", AttributeValue.ofBoolean(true))
      .putAttribute("tags", AttributeValue.ofStrings(List.of("vip", "export")))
      .build();
  private static final Lead EMPTY = lead("L-2").build();

  @Test
  void comparesStringsAndSets() {
    assertThat(holds(Condition.of("region", "=", "Guangdong"), FULL)).isTrue();
    assertThat(holds(Condition.of("region", "!=", "Guangdong"), FULL)).isFalse();
    assertThat(holds(Condition.of("city", "in", List.of("Guangzhou", "Shenzhen")), FULL)).isTrue();
    assertThat(holds(Condition.of("campaign", "starts-with", "long-"), FULL)).isTrue();
    assertThat(holds(Condition.of("company", "contains", "Pump"), FULL)).isTrue();
    assertThat(holds(Condition.of("company", "contains", "pump"), FULL)).isFalse();
    assertThat(holds(Condition.of("status", "=", "NEW"), FULL)).isTrue();
    assertThat(holds(Condition.of("productInterests", "contains", "P-1"), FULL)).isTrue();
    assertThat(holds(Condition.of("productInterests", "in", List.of("P-7", "P-1")), FULL)).isTrue();
    assertThat(holds(Condition.of("productInterests", "exists", null), EMPTY)).isFalse();
  }

  @Test
  void comparesScoresAndRatingsInOrder() {
    assertThat(holds(Condition.of("score", ">", 72.5), FULL)).isFalse();
    assertThat(holds(Condition.of("score", ">=", 72.5), FULL)).isTrue();
    assertThat(holds(Condition.of("score", "between", List.of(70L, 80L)), FULL)).isTrue();
    assertThat(holds(Condition.of("score", "in", List.of(72.5, 1L)), FULL)).isTrue();
    assertThat(holds(Condition.of("score", "!=", 72.5), FULL)).isFalse();
    assertThat(holds(Condition.of("rating", ">=", "WARM"), FULL)).isTrue();
    assertThat(holds(Condition.of("rating", ">", "WARM"), FULL)).isFalse();
    assertThat(holds(Condition.of("rating", "between", List.of("COLD", "WARM")), FULL)).isTrue();
    assertThat(holds(Condition.of("rating", "=", "HOT"), FULL)).isFalse();
  }

  @Test
  void readsCustomAttributesByType() {
    assertThat(holds(Condition.of("attributes.tier", "=", "gold"), FULL)).isTrue();
    assertThat(holds(Condition.of("attributes.tier", "=", 1L), FULL)).isFalse();
    assertThat(holds(Condition.of("attributes.employees", ">", 200L), FULL)).isTrue();
    assertThat(holds(Condition.of("attributes.employees", "=", 250L), FULL)).isTrue();
    assertThat(holds(Condition.of("attributes.revenue", "between", List.of(1L, 2L)), FULL)).isTrue();
    assertThat(holds(Condition.of("attributes.partner", "=", true), FULL)).isTrue();
    assertThat(holds(Condition.of("attributes.tags", "contains", "vip"), FULL)).isTrue();
    assertThat(holds(Condition.of("attributes.tier", "in", List.of("silver", "gold")), FULL)).isTrue();
    assertThat(holds(Condition.of("attributes.tier", "starts-with", "go"), FULL)).isTrue();
    assertThat(holds(Condition.of("attributes.missing", "exists", null), FULL)).isFalse();
  }

  @Test
  void aMissingFieldMakesEveryComparisonFalseWithoutThrowing() {
    for (String op : List.of("=", "!=", "<", ">=")) {
      assertThat(holds(Condition.of("score", op, 1L), EMPTY)).as(op).isFalse();
    }
    assertThat(holds(Condition.of("region", "!=", "Guangdong"), EMPTY)).isFalse();
    assertThat(holds(Condition.of("attributes.tier", "!=", "gold"), EMPTY)).isFalse();
    assertThat(holds(Condition.not(Condition.of("score", "exists", null)), EMPTY)).isTrue();
  }

  @Test
  void territoryMembershipUsesTheMostSpecificTerritoryAndTheHierarchy() {
    assertThat(holds(Condition.inTerritory("south"), FULL)).isTrue();
    assertThat(holds(Condition.inTerritory("cn"), FULL)).isTrue();
    Lead beijing = lead("L-3").countryCode("CN").region("Beijing").build();
    assertThat(holds(Condition.inTerritory("cn"), beijing)).isTrue();
    assertThat(holds(Condition.inTerritory("south"), beijing)).isFalse();
    Lead named = lead("L-4").countryCode("CN").region("Guangdong").territory(TerritoryId.of("de")).build();
    assertThat(holds(Condition.inTerritory("de"), named)).isTrue(); // the lead's own territory wins
    assertThat(holds(Condition.inTerritory("cn"), EMPTY)).isFalse();
  }

  @Test
  void receivedTimeWindowsAreReadInTheirZone() {
    Lead monday0930utc = lead("L-5").receivedAt(Instant.parse("2026-03-02T09:30:00Z")).build();
    assertThat(holds(Condition.receivedHour(9, 10, null), monday0930utc)).isTrue();
    assertThat(holds(Condition.receivedHour(17, 18, "Asia/Shanghai"), monday0930utc)).isTrue(); // 17:30 there
    Lead sunday2330utc = lead("L-6").receivedAt(Instant.parse("2026-03-01T23:30:00Z")).build();
    Condition monday = new Condition("received-weekday", null, List.of("MONDAY"), List.of(), "Asia/Shanghai");
    assertThat(holds(monday, sunday2330utc)).isTrue(); // Monday 07:30 in Shanghai
    assertThat(holds(new Condition("received-weekday", null, List.of("MONDAY"), List.of(), null), sunday2330utc))
        .isFalse();
  }

  @Test
  void theTraceNamesTheFailingCondition() {
    Condition c = Condition.and(Condition.of("rating", "=", "WARM"),
        Condition.or(Condition.of("score", ">", 90L), Condition.of("city", "=", "Beijing")));
    RoutingDecision decision = decide(c, FULL);
    assertThat(decision.outcome()).isEqualTo(Outcome.UNASSIGNED);
    assertThat(decision.reason()).isEqualTo("no-rule-matched");
    assertThat(decision.trace().rules()).containsExactly(
        new DecisionTrace.RuleCheck("rule", false, "$.rules[0].when.args[1]", "or(2 conditions)"));
    RoutingDecision notWarm = decide(c, lead("L-7").rating(LeadRating.HOT).build());
    assertThat(notWarm.trace().rules().get(0).failedPath()).isEqualTo("$.rules[0].when.args[0]");
    assertThat(notWarm.trace().rules().get(0).failedCondition()).isEqualTo("rating = WARM");
    assertThat(T0).isNotNull();
  }
}
