package io.github.crmkit.routing.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class PoolPolicyTest {
  static final String EXAMPLE = """
      {"version": 1, "timeZone": "Asia/Shanghai", "protectionDays": 3,
       "levels": {"A": {"noFollowUpDays": 7, "noOpportunityDays": 30, "noDealDays": 90, "reminderDaysBefore": 2},
                  "B": {"noFollowUpDays": 15, "reminderDaysBefore": 3, "recycleToLevel": "C"},
                  "C": {"noFollowUpDays": 30},
                  "重点客户": {}},
       "claiming": {"dailyLimit": 5, "holdCap": 50, "reclaimCooldownDays": 7}}
      """;

  @Test
  void readsTheDocumentedExample() {
    PoolPolicy policy = PoolPolicy.fromJson(EXAMPLE);
    assertThat(policy.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(policy.protectionDays()).isEqualTo(3);
    assertThat(policy.levels()).containsOnlyKeys("A", "B", "C", "重点客户");
    LevelRules a = policy.level("A");
    assertThat(a.noFollowUpDays()).hasValue(7);
    assertThat(a.noOpportunityDays()).hasValue(30);
    assertThat(a.noDealDays()).hasValue(90);
    assertThat(a.reminderDaysBefore()).hasValue(2);
    assertThat(a.recycleToLevel()).isEmpty();
    assertThat(policy.level("B").recycleToLevel()).contains("C");
    assertThat(policy.level("B").noDealDays()).isEmpty();
    assertThat(policy.level("重点客户").recycles()).isFalse();
    assertThat(policy.claiming().dailyLimit()).hasValue(5);
    assertThat(policy.claiming().holdCap()).hasValue(50);
    assertThat(policy.claiming().reclaimCooldownDays()).isEqualTo(7);
  }

  @Test
  void defaultsWhenOptionalPartsAreAbsent() {
    PoolPolicy policy = PoolPolicy.fromJson("{\"version\": 1, \"levels\": {\"A\": {\"noFollowUpDays\": 7}}}");
    assertThat(policy.timeZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(policy.protectionDays()).isZero();
    assertThat(policy.claiming().dailyLimit()).isEmpty();
    assertThat(policy.claiming().holdCap()).isEmpty();
    assertThat(policy.claiming().reclaimCooldownDays()).isZero();
  }

  @Test
  void writesWhatItReads() {
    PoolPolicy policy = PoolPolicy.fromJson(EXAMPLE);
    String json = policy.toJson();
    assertThat(json).contains("\"timeZone\" : \"Asia/Shanghai\"").contains("\"recycleToLevel\" : \"C\"");
    assertThat(PoolPolicy.fromJson(json)).isEqualTo(policy);
  }

  @Test
  void namesTheJsonPathOfEveryProblem() {
    String json = """
        {"version": 2, "timeZone": "Mars/Olympus", "protectionDays": -1, "colour": "red",
         "levels": {"A": {"noFollowUpDays": 0, "noDealDays": "ten"},
                    "B": {"noFollowUpDays": 7, "reminderDaysBefore": 7},
                    "C": {"reminderDaysBefore": 1},
                    "D": {"noFollowUpDays": 7, "recycleToLevel": "Z", "sometimes": true},
                    "my level": {"noOpportunityDays": 40000}},
         "claiming": {"dailyLimit": -5, "holdCap": 1.5, "reclaimCooldownDays": 7, "dailyLimit": 3}}
        """;
    assertThatThrownBy(() -> PoolPolicy.fromJson(json))
        .isInstanceOfSatisfying(PoolPolicyException.class, e -> {
          assertThat(e.problems().stream().map(p -> p.path() + ": " + p.problem()).collect(Collectors.toList()))
              .containsExactly(
                  "$.version: unsupported version 2, expected 1",
                  "$.timeZone: unknown time zone 'Mars/Olympus'",
                  "$.protectionDays: must be between 0 and 36500, was -1",
                  "$.colour: unknown property 'colour', expected version, timeZone, protectionDays, levels or claiming",
                  "$.levels.A.noFollowUpDays: must be between 1 and 36500, was 0",
                  "$.levels.A.noDealDays: expected an integer, found a string",
                  "$.levels.B.reminderDaysBefore: must be less than noFollowUpDays 7, was 7",
                  "$.levels.C.reminderDaysBefore: needs at least one of noFollowUpDays, noOpportunityDays, noDealDays",
                  "$.levels.D.sometimes: unknown property 'sometimes', expected noFollowUpDays, noOpportunityDays, "
                      + "noDealDays, reminderDaysBefore or recycleToLevel",
                  "$.levels['my level'].noOpportunityDays: must be between 1 and 36500, was 40000",
                  "$.claiming.dailyLimit: must be between 0 and 1000000, was -5",
                  "$.claiming.holdCap: expected an integer, found a decimal number",
                  "$.claiming.dailyLimit: repeated property 'dailyLimit'");
          assertThat(e.problems().get(0).line()).isEqualTo(1);
          assertThat(e.problems().get(4).line()).isEqualTo(2);
          assertThat(e.getMessage()).startsWith("invalid pool policy, 13 problems\n  at $.version (line 1, column");
        });
  }

  @Test
  void reportsAnUnknownRecycleTargetWhereItIsNamed() {
    String json = "{\"version\": 1, \"levels\": {\"A\": {\"noFollowUpDays\": 7, \"recycleToLevel\": \"Z\"}}}";
    assertThatThrownBy(() -> PoolPolicy.fromJson(json))
        .isInstanceOfSatisfying(PoolPolicyException.class, e -> assertThat(e.problems()).singleElement()
            .hasToString("$.levels.A.recycleToLevel (line 1, column 72): names 'Z', which is not a level of this "
                + "policy"));
  }

  @Test
  void reportsMissingPartsAndEmptyLevels() {
    assertThatThrownBy(() -> PoolPolicy.fromJson("{}"))
        .isInstanceOfSatisfying(PoolPolicyException.class, e -> assertThat(e.problems())
            .extracting(PoolPolicyProblem::path).containsExactly("$.version", "$.levels"));
    assertThatThrownBy(() -> PoolPolicy.fromJson("{\"version\": 1, \"levels\": {}}"))
        .isInstanceOfSatisfying(PoolPolicyException.class, e -> assertThat(e.problems()).singleElement()
            .hasToString("$.levels (line 1, column 26): must name at least one level"));
    assertThatThrownBy(() -> PoolPolicy.fromJson("{\"version\": 1, \"levels\": {\"A\": {\"noFollowUpDays\": 7}"))
        .isInstanceOfSatisfying(PoolPolicyException.class, e -> assertThat(e.problems()).singleElement()
            .extracting(PoolPolicyProblem::problem).isEqualTo("malformed JSON"));
    assertThatThrownBy(() -> PoolPolicy.fromJson("[]"))
        .isInstanceOfSatisfying(PoolPolicyException.class, e -> assertThat(e.problems()).singleElement()
            .hasToString("$ (line 1, column 1): expected an object, found an array"));
    assertThatThrownBy(() -> PoolPolicy.fromJson(""))
        .isInstanceOfSatisfying(PoolPolicyException.class, e -> assertThat(e.problems()).singleElement()
            .hasToString("$ (line 1, column 1): expected an object, found no content"));
  }

  @Test
  void theBuilderChecksTheSameRulesNamingTheField() {
    assertThatThrownBy(() -> LevelRules.builder().noFollowUpDays(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LevelRules.noFollowUpDays must be between 1 and 36500, was 0");
    assertThatThrownBy(() -> LevelRules.builder().noDealDays(5).reminderDaysBefore(5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LevelRules.reminderDaysBefore must be less than noDealDays 5, was 5");
    assertThatThrownBy(() -> ClaimRules.builder().holdCap(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ClaimRules.holdCap must be between 0 and 1000000, was -1");
    assertThatThrownBy(() -> PoolPolicy.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PoolPolicy.levels must name at least one level");
    assertThatThrownBy(() -> PoolPolicy.builder()
            .putLevel("A", LevelRules.builder().noFollowUpDays(7).recycleToLevel("B").build()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PoolPolicy.levels['A'].recycleToLevel names 'B', expected one of [A]");
    assertThatThrownBy(() -> PoolPolicy.builder().putLevel(" A", LevelRules.builder().build()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PoolPolicy.levels: level name must not start or end with whitespace");
    PoolPolicy policy = PoolPolicy.builder().putLevel("A", LevelRules.builder().build()).build();
    assertThatThrownBy(() -> policy.level("Z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level 'Z' is not a level of the pool policy, expected one of [A]");
  }

  @Test
  void everyValidPolicyRoundTripsThroughJson() {
    qt().withExamples(300).withFixedSeed(20261201L).forAll(policies()).checkAssert(policy -> {
      assertThat(PoolPolicy.fromJson(policy.toJson())).isEqualTo(policy);
    });
  }

  static Gen<PoolPolicy> policies() {
    Gen<Integer> days = SourceDSL.integers().between(0, 120);
    Gen<LevelRules> levels = SourceDSL.lists().of(days).ofSize(4).map(d -> {
      LevelRules.Builder builder = LevelRules.builder();
      int smallest = Integer.MAX_VALUE;
      if (d.get(0) > 0) {
        builder.noFollowUpDays(d.get(0));
        smallest = Math.min(smallest, d.get(0));
      }
      if (d.get(1) > 10) {
        builder.noOpportunityDays(d.get(1));
        smallest = Math.min(smallest, d.get(1));
      }
      if (d.get(2) > 20) {
        builder.noDealDays(d.get(2));
        smallest = Math.min(smallest, d.get(2));
      }
      if (smallest != Integer.MAX_VALUE && smallest > 1 && d.get(3) % 3 != 0) {
        builder.reminderDaysBefore(1 + d.get(3) % (smallest - 1));
      }
      return builder.build();
    });
    List<String> names = List.of("A", "B", "C", "客户 D");
    return SourceDSL.lists().of(levels).ofSizeBetween(1, 4).zip(SourceDSL.integers().between(0, 1000),
        (rules, seed) -> {
          PoolPolicy.Builder builder = PoolPolicy.builder().protectionDays(seed % 10)
              .timeZone(seed % 2 == 0 ? ZoneOffset.UTC : ZoneId.of("Asia/Shanghai"));
          for (int i = 0; i < rules.size(); i++) {
            LevelRules level = rules.get(i);
            if ((seed >> i) % 3 == 0) {
              level = level.toBuilder().recycleToLevel(names.get((seed + i) % rules.size())).build();
            }
            builder.putLevel(names.get(i), level);
          }
          ClaimRules.Builder claiming = ClaimRules.builder().reclaimCooldownDays(seed % 5);
          if (seed % 7 != 0) {
            claiming.dailyLimit(seed % 11);
          }
          if (seed % 5 != 0) {
            claiming.holdCap(seed % 13);
          }
          return builder.claiming(claiming.build()).build();
        });
  }
}
