package io.github.crmkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Team} and {@link Territory}. */
class TeamAndTerritoryTest {
  private static Team.Builder team() {
    return Team.builder().id(TeamId.of("TM-1")).name("华东销售部");
  }

  private static Territory.Builder territory() {
    return Territory.builder().id(TerritoryId.of("T-1")).name("华南");
  }

  @Test
  void teamAttributes() {
    Team t = team().manager(AgentId.of("A-1")).parent(TeamId.of("TM-0")).build();
    assertThat(t.name()).isEqualTo("华东销售部");
    assertThat(t.manager()).contains(AgentId.of("A-1"));
    assertThat(t.parent()).contains(TeamId.of("TM-0"));
    assertThat(t.toString()).contains("华东销售部");
  }

  @Test
  void territoryKeepsItsSetsInNaturalOrder() {
    Territory t = territory().parent(TerritoryId.of("T-0")).addCountryCode("HK").addCountryCode("CN")
        .addRegion("广东省").addCity("深圳市").addCity("广州市").addPostalCodePrefix("518").build();
    assertThat(t.countryCodes()).containsExactly("CN", "HK");
    assertThat(t.regions()).containsExactly("广东省");
    assertThat(t.cities()).containsExactly("广州市", "深圳市");
    assertThat(t.postalCodePrefixes()).containsExactly("518");
    assertThat(territory().build().countryCodes()).isEmpty();
  }

  static Stream<Invalid> invalid() {
    return Stream.of(
        Invalid.because("Team.name must not be blank", () -> team().name("").build()),
        Invalid.because("Team.name must be at most 200 characters, was 201",
            () -> team().name("t".repeat(201)).build()),
        Invalid.because("Team.name must be a single line (found a line break or tab at index 2)",
            () -> team().name("华东\n销售部").build()),
        Invalid.because("Team.parent must differ from Team.id", () -> team().parent(TeamId.of("TM-1")).build()),
        Invalid.because(IllegalStateException.class, "Cannot build Team, some of required attributes are not set "
            + "[id, name]", () -> Team.builder().build()),
        Invalid.because("Territory.name must not start or end with whitespace",
            () -> territory().name("华南 ").build()),
        Invalid.because("Territory.name must be at most 200 characters, was 201",
            () -> territory().name("t".repeat(201)).build()),
        Invalid.because("Territory.parent must differ from Territory.id",
            () -> territory().parent(TerritoryId.of("T-1")).build()),
        Invalid.because("Territory.countryCodes element must be an upper-case ISO 3166-1 alpha-2 code such as CN or "
            + "DE, was 'ZZ'", () -> territory().addCountryCode("CN").addCountryCode("ZZ").build()),
        Invalid.because("Territory.countryCodes element must be an upper-case ISO 3166-1 alpha-2 code such as CN or "
            + "DE, was 'de'", () -> territory().addCountryCode("de").build()),
        Invalid.because("Territory.regions element must not be blank", () -> territory().addRegion(" ").build()),
        Invalid.because("Territory.regions element must be at most 200 characters, was 201",
            () -> territory().addRegion("r".repeat(201)).build()),
        Invalid.because("Territory.cities element must be a single line (found a line break or tab at index 2)",
            () -> territory().addCity("深圳\t市").build()),
        Invalid.because("Territory.cities element must be at most 200 characters, was 201",
            () -> territory().addCity("c".repeat(201)).build()),
        Invalid.because("Territory.postalCodePrefixes element must be at most 20 characters, was 21",
            () -> territory().addPostalCodePrefix("5".repeat(21)).build()),
        Invalid.because("Territory.postalCodePrefixes element must not contain control characters (found U+0000 at "
            + "index 3)", () -> territory().addPostalCodePrefix("518\u0000").build()),
        Invalid.because(IllegalStateException.class, "Cannot build Territory, some of required attributes are not set "
            + "[id, name]", () -> Territory.builder().addCountryCode("CN").build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesInvalidTeamsAndTerritories(Invalid c) {
    c.assertRefused();
  }
}
