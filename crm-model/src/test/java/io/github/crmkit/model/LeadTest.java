package io.github.crmkit.model;

import static io.github.crmkit.model.Fixtures.T0;
import static io.github.crmkit.model.Fixtures.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class LeadTest {
  @Test
  void defaultsAndAttributes() {
    Lead l = lead().build();
    assertThat(l.id()).isEqualTo(LeadId.of("L-1"));
    assertThat(l.sourceChannel()).isEqualTo("web-form");
    assertThat(l.receivedAt()).isEqualTo(T0);
    assertThat(l.status()).isEqualTo(LeadStatus.NEW);
    assertThat(l.contacts()).isEqualTo(ContactPoints.empty());
    assertThat(l.score()).isEmpty();
    assertThat(l.owner()).isEmpty();
    assertThat(l.productInterests()).isEmpty();
  }

  @Test
  void fullLead() {
    Lead l = lead().campaign("spring-2024").personName(PersonName.parseChinese("张伟")).company("宁波泵业有限公司")
        .countryCode("CN").region("浙江省").city("宁波市").territory(TerritoryId.of("T-EAST"))
        .addProductInterest(ProductId.of("P-2")).addProductInterest(ProductId.of("P-1"))
        .addProductGroupInterest(ProductGroupId.of("G-1")).rating(LeadRating.HOT).score(87.5)
        .status(LeadStatus.WORKING).owner(AgentId.of("A-1")).customer(CustomerId.of("C-1")).build();
    assertThat(l.productInterests()).containsExactly(ProductId.of("P-1"), ProductId.of("P-2"));
    assertThat(l.score()).hasValue(87.5);
    assertThat(l.rating()).contains(LeadRating.HOT);
    assertThat(l.owner()).contains(AgentId.of("A-1"));
  }

  @ParameterizedTest
  @EnumSource(value = LeadStatus.class, names = {"ASSIGNED", "WORKING"})
  void assignedAndWorkingLeadsNeedAnOwner(LeadStatus status) {
    Invalid.because("Lead.owner is required when status is " + status, () -> lead().status(status).build())
        .assertRefused();
    assertThat(lead().status(status).owner(AgentId.of("A-1")).build().status()).isEqualTo(status);
  }

  @ParameterizedTest
  @EnumSource(value = LeadStatus.class, names = {"NEW", "NURTURING", "QUALIFIED", "CONVERTED", "DISQUALIFIED"})
  void otherStatusesMayHaveAnOwnerOrNot(LeadStatus status) {
    assertThat(lead().status(status).build().owner()).isEmpty();
    assertThat(lead().status(status).owner(AgentId.of("A-1")).build().owner()).contains(AgentId.of("A-1"));
  }

  @Test
  void pooledLeadsHaveNoOwner() {
    Invalid.because("Lead.owner must be empty when status is POOLED",
        () -> lead().status(LeadStatus.POOLED).owner(AgentId.of("A-1")).build()).assertRefused();
    assertThat(lead().status(LeadStatus.POOLED).build().owner()).isEmpty();
  }

  private static List<ProductId> products(int n) {
    List<ProductId> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(ProductId.of("P-" + i));
    }
    return out;
  }

  private static List<ProductGroupId> groups(int n) {
    List<ProductGroupId> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(ProductGroupId.of("G-" + i));
    }
    return out;
  }

  static Stream<Invalid> invalid() {
    String token = "must be a lower-case token matching [a-z0-9][a-z0-9_.:-]{0,63}, was ";
    return Stream.of(
        Invalid.because("Lead.sourceChannel " + token + "'Web Form'", () -> lead().sourceChannel("Web Form").build()),
        Invalid.because("Lead.sourceChannel " + token + "''", () -> lead().sourceChannel("").build()),
        Invalid.because("Lead.campaign " + token + "'Spring 2024'", () -> lead().campaign("Spring 2024").build()),
        Invalid.because("Lead.company must not be blank", () -> lead().company("  ").build()),
        Invalid.because("Lead.company must be at most 200 characters, was 201",
            () -> lead().company("c".repeat(201)).build()),
        Invalid.because("Lead.countryCode must be an upper-case ISO 3166-1 alpha-2 code such as CN or DE, was 'cn'",
            () -> lead().countryCode("cn").build()),
        Invalid.because("Lead.countryCode must be an upper-case ISO 3166-1 alpha-2 code such as CN or DE, was 'China'",
            () -> lead().countryCode("China").build()),
        Invalid.because("Lead.region must be a single line (found a line break or tab at index 2)",
            () -> lead().region("浙江\n省").countryCode("CN").build()),
        Invalid.because("Lead.region must be at most 200 characters, was 201",
            () -> lead().region("r".repeat(201)).build()),
        Invalid.because("Lead.city must not start or end with whitespace", () -> lead().city(" 宁波市").build()),
        Invalid.because("Lead.city must be at most 200 characters, was 201",
            () -> lead().city("c".repeat(201)).build()),
        Invalid.because("Lead.productInterests must have at most 100 elements, had 101",
            () -> lead().productInterests(products(101)).build()),
        Invalid.because("Lead.productGroupInterests must have at most 100 elements, had 101",
            () -> lead().productGroupInterests(groups(101)).build()),
        Invalid.because("Lead.score must be a finite number, was NaN", () -> lead().score(Double.NaN).build()),
        Invalid.because("Lead.score must be a finite number, was Infinity",
            () -> lead().score(Double.POSITIVE_INFINITY).build()),
        Invalid.because("Lead.score must be a finite number, was -Infinity",
            () -> lead().score(Double.NEGATIVE_INFINITY).build()),
        Invalid.because("Lead.attributes key must match [A-Za-z][A-Za-z0-9_.-]{0,63}, was 'utm source'",
            () -> lead().putAttribute("utm source", AttributeValue.ofString("x")).build()),
        Invalid.because(IllegalStateException.class,
            "Cannot build Lead, some of required attributes are not set [id, sourceChannel, receivedAt]",
            () -> Lead.builder().build()),
        Invalid.because(IllegalStateException.class,
            "Cannot build Lead, some of required attributes are not set [receivedAt]",
            () -> Lead.builder().id(LeadId.of("L-1")).sourceChannel("web").build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesInvalidLeads(Invalid c) {
    c.assertRefused();
  }

  @Test
  void acceptsTheLimitsAndAnyFiniteScore() {
    Lead l = lead().productInterests(products(100)).productGroupInterests(groups(100)).score(-1e300).build();
    assertThat(l.productInterests()).hasSize(100);
    assertThat(l.score()).hasValue(-1e300);
  }

  @Test
  void refusesNulls() {
    assertThatNullPointerException().isThrownBy(() -> Lead.builder().sourceChannel(null)).withMessage("sourceChannel");
    assertThatNullPointerException().isThrownBy(() -> Lead.builder().status(null)).withMessage("status");
    assertThatNullPointerException().isThrownBy(() -> Lead.builder().owner((AgentId) null)).withMessage("owner");
  }
}
