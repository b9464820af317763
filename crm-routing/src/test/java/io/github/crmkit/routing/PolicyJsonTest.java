package io.github.crmkit.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.Capacity;
import io.github.crmkit.routing.spi.PluginRegistrar;
import io.github.crmkit.routing.spi.RoutingPlugin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyJsonTest {
  static final String DEALERS = """
      {"version": 1, "revision": "2026-12-01.1", "zone": "Asia/Shanghai", "smoothMonthlyCaps": true,
       "ownerAffinity": true, "territoryStrategy": "levelling",
       "pools": [
         {"id": "large", "members": ["d1", "d2"], "strategy": "smooth-weighted-round-robin",
          "requiredSkills": ["pumps"], "requiredLanguages": ["zh"], "requireAvailable": true,
          "availableWithinHours": 4, "caps": {"maxPerDay": 20, "maxOpen": 100}, "overflow": "small",
          "preferences": {"d1": {"op": "=", "field": "region", "value": "Guangdong"}}},
         {"id": "small", "members": ["d3"], "strategy": "round-robin"}
       ],
       "rules": [
         {"id": "hot", "when": {"op": "and", "args": [
             {"op": "=", "field": "rating", "value": "HOT"},
             {"op": "between", "field": "score", "value": [50, 100.5]},
             {"op": "in", "field": "countryCode", "value": ["CN", "HK"]},
             {"op": "not", "args": [{"op": "exists", "field": "owner"}]},
             {"op": "received-hour", "value": [8, 20]},
             {"op": "received-weekday", "value": ["MONDAY", "FRIDAY"], "zone": "Europe/Berlin"},
             {"op": "contains", "field": "attributes.tags", "value": "vip"}]},
          "target": {"pool": "large"},
          "fallback": [{"territoryPool": "parent"}, {"agent": "manager"}, {"unassigned": "no-dealer"}]},
         {"id": "nurture", "when": {"op": "or", "args": [{"op": "<", "field": "score", "value": 20},
             {"op": "starts-with", "field": "campaign", "value": "long-"}]}, "target": {"queue": "nurture"}},
         {"id": "rest", "target": {"publicPool": "default"}}
       ]}
      """;

  @Test
  void readsWritesAndReadsBackTheSamePolicy() {
    RoutingPolicy policy = RoutingPolicy.fromJson(DEALERS);
    assertThat(policy.revision()).isEqualTo("2026-12-01.1");
    assertThat(policy.pools().get(0).caps()).isEqualTo(Capacity.builder().maxPerDay(20).maxOpen(100).build());
    assertThat(policy.rules().get(0).when().args()).hasSize(7);
    assertThat(policy.rules().get(0).when().args().get(1).value()).isEqualTo(List.of(50L, 100.5));
    assertThat(policy.rules().get(2).when()).isEqualTo(Condition.always());
    assertThat(policy.rules().get(0).fallback()).containsExactly(Target.territoryPool("parent"),
        Target.agent("manager"), Target.unassigned("no-dealer"));
    assertThat(RoutingPolicy.fromJson(policy.toJson())).isEqualTo(policy);
  }

  @Test
  void aPolicyBuiltInCodeRoundTrips() {
    RoutingPolicy policy = new RoutingPolicy(1, "r", "UTC", false, false, null,
        List.of(new PoolDefinition("p", List.of("a"), "team-1", "levelling", List.of("x"), List.of("en"), true, 2,
            List.of(), Capacity.builder().maxPerMonth(30).build(), null, Map.of("a", Condition.of("score", ">=", 5)))),
        List.of(new RuleEntry("r1", Condition.and(Condition.of("score", ">", 1.5),
            Condition.not(Condition.of("attributes.flag", "=", true))), Target.pool("p"), List.of())));
    assertThat(policy.validate(RoutingPlugins.none())).isEmpty();
    assertThat(RoutingPolicy.fromJson(policy.toJson())).isEqualTo(policy);
  }

  private static List<String> problems(String json) {
    return problems(json, RoutingPlugins.none());
  }

  private static List<String> problems(String json, RoutingPlugins plugins) {
    try {
      RoutingPolicy.fromJson(json, plugins);
    } catch (RoutingPolicyException e) {
      return e.problems().stream().map(PolicyProblem::toString).toList();
    }
    return List.of();
  }

  private static String rules(String rules) {
    return "{\"version\": 1, \"revision\": \"r\", \"pools\": [{\"id\": \"p\", \"members\": [\"a\"], "
        + "\"strategy\": \"round-robin\"}], \"rules\": [" + rules + "]}";
  }

  @Test
  void namesTheJsonPathOfUnknownFieldsOperatorsAndTargets() {
    assertThat(problems(rules("{\"id\": \"x\", \"priority\": 3, \"when\": {\"op\": \"matches\", \"field\": "
        + "\"city\", \"value\": \"^Shen.*\"}, \"target\": {\"team\": \"t\"}}")))
        .containsExactly(
            "$.rules[0].priority: unknown property 'priority', expected one of [fallback, id, target, when]",
            "$.rules[0].target.team: unknown target 'team', expected one of agent, pool, queue, publicPool, "
                + "territoryPool, unassigned");
    assertThat(problems(rules("{\"id\": \"x\", \"when\": {\"op\": \"matches\", \"field\": \"city\", "
        + "\"value\": \"^Shen.*\"}, \"target\": {\"pool\": \"nope\"}}")))
        .containsExactly("$.rules[0].when.op: unknown operator 'matches'",
            "$.rules[0].target.pool: unknown pool 'nope'");
    assertThat(problems(rules("{\"id\": \"x\", \"when\": {\"op\": \"=\", \"field\": \"colour\", \"value\": 1}, "
        + "\"target\": {\"pool\": \"p\"}}")))
        .singleElement().asString().startsWith("$.rules[0].when.field: unknown field 'colour'");
  }

  @Test
  void reportsEmptyPoolsNegativeCapsAndUnknownStrategies() {
    String json = "{\"version\": 1, \"revision\": \"r\", \"pools\": [{\"id\": \"p\", \"strategy\": \"fastest\", "
        + "\"caps\": {\"maxPerDay\": -1}}], \"rules\": [{\"id\": \"x\", \"target\": {\"pool\": \"p\"}}]}";
    assertThat(problems(json)).containsExactly("$.pools[0].caps.maxPerDay: cap must not be negative, was -1");
    String valid = json.replace("\"caps\": {\"maxPerDay\": -1}", "\"caps\": {\"maxPerDay\": 1}");
    assertThat(problems(valid)).containsExactly(
        "$.pools[0].strategy: unknown strategy 'fastest', expected one of [batch-allocation, levelling, "
            + "load-balancing, round-robin, smooth-weighted-round-robin, weighted-random] or a plugin's",
        "$.pools[0].members: empty pool: no members and no team");
  }

  @Test
  void reportsContradictoryRangesAndUnreachableRules() {
    assertThat(problems(rules("{\"id\": \"x\", \"when\": {\"op\": \"between\", \"field\": \"score\", "
        + "\"value\": [80, 20]}, \"target\": {\"pool\": \"p\"}}")))
        .containsExactly("$.rules[0].when.value: contradictory range: low 80 is above high 20");
    assertThat(problems(rules("{\"id\": \"x\", \"when\": {\"op\": \"and\", \"args\": ["
        + "{\"op\": \">\", \"field\": \"score\", \"value\": 80}, {\"op\": \"<=\", \"field\": \"score\", "
        + "\"value\": 80}]}, \"target\": {\"pool\": \"p\"}}")))
        .containsExactly("$.rules[0].when: contradictory ranges on field 'score': the condition can never match");
    assertThat(problems(rules("{\"id\": \"all\", \"target\": {\"pool\": \"p\"}}, "
        + "{\"id\": \"late\", \"when\": {\"op\": \"exists\", \"field\": \"city\"}, \"target\": {\"pool\": \"p\"}}")))
        .containsExactly("$.rules[1]: unreachable: the rule at $.rules[0] always matches");
    assertThat(problems(rules("{\"id\": \"x\", \"when\": {\"op\": \"in\", \"field\": \"rating\", \"value\": []}, "
        + "\"target\": {\"pool\": \"p\"}}")))
        .containsExactly("$.rules[0].when.value: contradictory: 'in' an empty array can never match");
  }

  @Test
  void reportsCyclesInOverflowAndFallbackChains() {
    String json = "{\"version\": 1, \"revision\": \"r\", \"pools\": ["
        + "{\"id\": \"a\", \"members\": [\"x\"], \"strategy\": \"round-robin\", \"overflow\": \"b\"},"
        + "{\"id\": \"b\", \"members\": [\"y\"], \"strategy\": \"round-robin\", \"overflow\": \"a\"}],"
        + "\"rules\": [{\"id\": \"r\", \"target\": {\"pool\": \"a\"}}]}";
    assertThat(problems(json)).contains("$.pools[0].overflow: cycle in fallback chain: a -> b -> a",
        "$.pools[1].overflow: cycle in fallback chain: b -> a -> b");
    assertThat(problems(rules("{\"id\": \"x\", \"target\": {\"pool\": \"p\"}, \"fallback\": [{\"agent\": \"m\"}, "
        + "{\"pool\": \"p\"}]}")))
        .containsExactly("$.rules[0].fallback[1]: cycle in fallback chain: pool:p is tried twice");
    assertThat(problems(rules("{\"id\": \"x\", \"target\": {\"unassigned\": \"none\"}, \"fallback\": "
        + "[{\"pool\": \"p\"}]}")))
        .containsExactly("$.rules[0].fallback[0]: unreachable: the target at $.rules[0].target always takes the lead");
  }

  @Test
  void reportsMalformedJsonRepeatedPropertiesAndVersions() {
    assertThat(problems("{\"version\": 1, \"rules\": [")).singleElement().asString()
        .startsWith("$: malformed JSON at line 1");
    assertThat(problems("{\"version\": 1, \"version\": 1}")).singleElement().asString()
        .startsWith("$: repeated property");
    assertThat(problems("{\"version\": 2, \"revision\": \"r\", \"rules\": []}"))
        .containsExactly("$.version: unsupported version 2, expected 1");
  }

  @Test
  void checksValueTypesPerField() {
    assertThat(problems(rules("{\"id\": \"x\", \"when\": {\"op\": \"=\", \"field\": \"rating\", "
        + "\"value\": \"BOILING\"}, \"target\": {\"pool\": \"p\"}}")))
        .containsExactly("$.rules[0].when.value: expected HOT, WARM or COLD");
    assertThat(problems(rules("{\"id\": \"x\", \"when\": {\"op\": \">\", \"field\": \"city\", \"value\": 3}, "
        + "\"target\": {\"pool\": \"p\"}}")))
        .containsExactly("$.rules[0].when.op: '>' does not apply to string field 'city'");
    assertThat(problems(rules("{\"id\": \"x\", \"when\": {\"op\": \"received-hour\", \"value\": [18, 9], "
        + "\"zone\": \"Mars/Olympus\"}, \"target\": {\"pool\": \"p\"}}")))
        .containsExactly("$.rules[0].when.zone: unknown time zone 'Mars/Olympus'",
            "$.rules[0].when.value: contradictory range: from 18 must be before to 9");
  }

  @Test
  void pluginOperatorsValidateTheirOperandsWithTheJsonPath() {
    RoutingPlugin plugin = new RoutingPlugin() {
      @Override
      public String name() {
        return "acme";
      }

      @Override
      public int requiredApiVersion() {
        return 1;
      }

      @Override
      public void register(PluginRegistrar registrar) {
        registrar.operator("acme.score-above", (field, value) -> {
          if (!(value instanceof Number limit)) {
            throw new IllegalArgumentException("expected a number");
          }
          return lead -> lead.score().isPresent() && lead.score().getAsDouble() > limit.doubleValue();
        });
      }
    };
    String json = rules("{\"id\": \"x\", \"when\": {\"op\": \"acme.score-above\", \"value\": \"ten\"}, "
        + "\"target\": {\"pool\": \"p\"}}");
    assertThat(problems(json)).containsExactly("$.rules[0].when.op: unknown operator 'acme.score-above'");
    assertThat(problems(json, RoutingPlugins.of(plugin)))
        .containsExactly("$.rules[0].when: operator 'acme.score-above': expected a number");
    assertThat(problems(json.replace("\"ten\"", "10"), RoutingPlugins.of(plugin))).isEmpty();
  }

  @Test
  void theExceptionListsEveryProblem() {
    assertThatThrownBy(() -> RoutingPolicy.fromJson("{\"version\": 1}"))
        .isInstanceOf(RoutingPolicyException.class)
        .hasMessage("invalid routing policy, 2 problems\n  at $.revision: missing, expected a string\n"
            + "  at $.rules: missing, expected an array of rules");
  }
}
