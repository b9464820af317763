package io.github.crmkit.model;

import static io.github.crmkit.model.Fixtures.agent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Agent} and {@link Capacity}. */
class AgentTest {
  @Test
  void defaults() {
    Agent a = agent().build();
    assertThat(a.weight()).isEqualTo(1.0);
    assertThat(a.capacity()).isEqualTo(Capacity.unlimited());
    assertThat(a.capacity().isUnlimited()).isTrue();
    assertThat(a.active()).isTrue();
    assertThat(a.calendar()).isEmpty();
    assertThat(a.team()).isEmpty();
  }

  @Test
  void fullAgentKeepsSetsInNaturalOrder() {
    Agent a = agent().team(TeamId.of("TM-1")).reportsTo(AgentId.of("A-0"))
        .addTerritory(TerritoryId.of("T-2")).addTerritory(TerritoryId.of("T-1"))
        .addSkill("pumps").addSkill("industrial-pumps").addLanguage("zh-CN").addLanguage("en")
        .weight(2.5).active(false)
        .capacity(Capacity.builder().maxPerDay(10).maxOpen(0).build())
        .calendar(WorkingCalendar.weekdays(ZoneId.of("Asia/Shanghai"), LocalTime.of(9, 0), LocalTime.of(18, 0)))
        .build();
    assertThat(a.territories()).containsExactly(TerritoryId.of("T-1"), TerritoryId.of("T-2"));
    assertThat(a.skills()).containsExactly("industrial-pumps", "pumps");
    assertThat(a.languages()).containsExactly("en", "zh-CN");
    assertThat(a.weight()).isEqualTo(2.5);
    assertThat(a.active()).isFalse();
    assertThat(a.capacity().isUnlimited()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "zh-CN", "zh-Hans-CN", "de-DE", "yue-HK", "pt-BR"})
  void acceptsWellFormedLanguageTags(String tag) {
    assertThat(agent().addLanguage(tag).build().languages()).containsExactly(tag);
  }

  private static List<String> numbered(String prefix, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + i);
    }
    return out;
  }

  private static List<TerritoryId> territories(int n) {
    List<TerritoryId> out = new ArrayList<>();
    for (String s : numbered("T-", n)) {
      out.add(TerritoryId.of(s));
    }
    return out;
  }

  static Stream<Invalid> invalid() {
    String bcp47 = "Agent.languages element must be a well-formed BCP 47 tag such as 'zh-CN' or 'en', was ";
    return Stream.of(
        Invalid.because("Agent.displayName must not be blank", () -> agent().displayName(" ").build()),
        Invalid.because("Agent.displayName must be at most 200 characters, was 201",
            () -> agent().displayName("d".repeat(201)).build()),
        Invalid.because("Agent.displayName must be a single line (found a line break or tab at index 3)",
            () -> agent().displayName("Rep\nOne").build()),
        Invalid.because("Agent.reportsTo must differ from Agent.id",
            () -> agent().reportsTo(AgentId.of("A-1")).build()),
        Invalid.because("Agent.territories must have at most 1000 elements, had 1001",
            () -> agent().territories(territories(1001)).build()),
        Invalid.because("Agent.skills must have at most 200 elements, had 201",
            () -> agent().skills(numbered("s", 201)).build()),
        Invalid.because("Agent.skills element must be a lower-case token matching [a-z0-9][a-z0-9_.:-]{0,63}, "
            + "was 'Pumps'", () -> agent().addSkill("pumps").addSkill("Pumps").build()),
        Invalid.because("Agent.languages must have at most 50 elements, had 51",
            () -> agent().languages(numbered("x", 51)).build()),
        Invalid.because(bcp47 + "'zh_CN'", () -> agent().addLanguage("zh_CN").build()),
        Invalid.because(bcp47 + "'EN'", () -> agent().addLanguage("EN").build()),
        Invalid.because(bcp47 + "'zh-cn'", () -> agent().addLanguage("zh-cn").build()),
        Invalid.because(bcp47 + "''", () -> agent().addLanguage("").build()),
        Invalid.because(bcp47 + "'Chinese'", () -> agent().addLanguage("Chinese").build()),
        Invalid.because("Agent.weight must be a finite number, was NaN", () -> agent().weight(Double.NaN).build()),
        Invalid.because("Agent.weight must be a finite number, was Infinity",
            () -> agent().weight(Double.POSITIVE_INFINITY).build()),
        Invalid.because("Agent.weight must be positive, was 0.0", () -> agent().weight(0).build()),
        Invalid.because("Agent.weight must be positive, was -1.0", () -> agent().weight(-1).build()),
        Invalid.because("Agent.attributes key must match [A-Za-z][A-Za-z0-9_.-]{0,63}, was 'x y'",
            () -> agent().putAttribute("x y", AttributeValue.ofLong(1)).build()),
        Invalid.because(IllegalStateException.class,
            "Cannot build Agent, some of required attributes are not set [id, kind, displayName]",
            () -> Agent.builder().build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesInvalidAgents(Invalid c) {
    c.assertRefused();
  }

  @Test
  void acceptsTheLimits() {
    Agent a = agent().territories(territories(1000)).skills(numbered("s", 200)).weight(Double.MIN_VALUE).build();
    assertThat(a.territories()).hasSize(1000);
    assertThat(a.skills()).hasSize(200);
  }

  // Capacity

  @Test
  void capacityCaps() {
    Capacity none = Capacity.builder().maxPerDay(0).build();
    assertThat(none.maxPerDay()).hasValue(0);
    assertThat(none.isUnlimited()).isFalse();
    Capacity all = Capacity.builder().maxPerDay(5).maxPerWeek(20).maxPerMonth(60).maxPerRolling30Days(70)
        .maxOpen(15).build();
    assertThat(all.maxPerWeek()).hasValue(20);
    assertThat(all.maxPerMonth()).hasValue(60);
    assertThat(all.maxPerRolling30Days()).hasValue(70);
    assertThat(all.maxOpen()).hasValue(15);
    assertThat(Capacity.unlimited().isUnlimited()).isTrue();
    assertThat(Capacity.unlimited()).isEqualTo(Capacity.builder().build());
    assertThat(Capacity.builder().maxOpen(1).build().isUnlimited()).isFalse();
    assertThat(Capacity.builder().maxPerRolling30Days(1).build().isUnlimited()).isFalse();
  }

  static Stream<Invalid> invalidCapacities() {
    return Stream.of(
        Invalid.because("Capacity.maxPerDay must not be negative, was -1",
            () -> Capacity.builder().maxPerDay(-1).build()),
        Invalid.because("Capacity.maxPerWeek must not be negative, was -1",
            () -> Capacity.builder().maxPerWeek(-1).build()),
        Invalid.because("Capacity.maxPerMonth must not be negative, was -2",
            () -> Capacity.builder().maxPerMonth(-2).build()),
        Invalid.because("Capacity.maxPerRolling30Days must not be negative, was -1",
            () -> Capacity.builder().maxPerRolling30Days(-1).build()),
        Invalid.because("Capacity.maxOpen must not be negative, was -2147483648",
            () -> Capacity.builder().maxOpen(Integer.MIN_VALUE).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCapacities")
  void refusesNegativeCaps(Invalid c) {
    c.assertRefused();
  }
}
