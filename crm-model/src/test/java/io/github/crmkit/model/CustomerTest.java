package io.github.crmkit.model;

import static io.github.crmkit.model.Fixtures.T0;
import static io.github.crmkit.model.Fixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Customer} and {@link ConsentRecord}. */
class CustomerTest {
  private static final Instant T1 = T0.plus(Duration.ofDays(30));
  private static final Instant T2 = T0.plus(Duration.ofDays(60));

  @Test
  void personCustomer() {
    Customer c = person().owner(AgentId.of("A-1")).acquisitionChannel("web").addTags("vip", "b2c").build();
    assertThat(c.id()).isEqualTo(CustomerId.of("C-1"));
    assertThat(c.kind()).isEqualTo(CustomerKind.PERSON);
    assertThat(c.displayName()).isEqualTo("Ada Lovelace");
    assertThat(c.tags()).containsExactly("b2c", "vip");
    assertThat(c.owner()).contains(AgentId.of("A-1"));
    assertThat(c.acquisitionChannel()).contains("web");
    assertThat(c.createdAt()).isEqualTo(T0);
    assertThat(c.contacts()).isEqualTo(ContactPoints.empty());
    assertThat(c.consents()).isEmpty();
    assertThat(c.attributes()).isEmpty();
    assertThat(c.organizationName()).isEmpty();
  }

  @Test
  void organizationCustomerDisplaysItsTradingName() {
    Customer c = Customer.builder().id(CustomerId.of("C-2")).kind(CustomerKind.ORGANIZATION).createdAt(T0)
        .organizationName(OrganizationName.builder().legalName("深圳市腾讯计算机系统有限公司").tradingName("Tencent").build())
        .personName(PersonName.familyFirst("马", "化腾")) // the main contact
        .build();
    assertThat(c.displayName()).isEqualTo("Tencent");
    assertThat(c.personName().map(PersonName::displayName)).contains("马化腾");
  }

  @Test
  void personDisplayNameFollowsTheNameOrder() {
    assertThat(person().personName(PersonName.parseChinese("欧阳娜娜")).build().displayName()).isEqualTo("欧阳娜娜");
  }

  @Test
  void toBuilderDerivesAChangedCopy() {
    Customer c = person().build();
    Customer changed = c.toBuilder().addTag("vip").build();
    assertThat(changed.tags()).containsExactly("vip");
    assertThat(c.tags()).isEmpty();
    assertThat(changed).isNotEqualTo(c);
    assertThat(changed.toBuilder().tags(List.of()).build()).isEqualTo(c);
  }

  // consent

  @Test
  void consentIsActiveFromGrantInclusiveToWithdrawalExclusive() {
    ConsentRecord record = ConsentRecord.builder().purpose("marketing.email").grantedAt(T0).withdrawnAt(T1).build();
    assertThat(record.isActiveAt(T0.minusNanos(1))).isFalse();
    assertThat(record.isActiveAt(T0)).isTrue();
    assertThat(record.isActiveAt(T1.minusNanos(1))).isTrue();
    assertThat(record.isActiveAt(T1)).isFalse();
    assertThat(record.isActiveAt(T2)).isFalse();
  }

  @Test
  void consentNeverWithdrawnStaysActive() {
    ConsentRecord record = ConsentRecord.granted("profiling", T0);
    assertThat(record.purpose()).isEqualTo("profiling");
    assertThat(record.grantedAt()).isEqualTo(T0);
    assertThat(record.withdrawnAt()).isEmpty();
    assertThat(record.source()).isEmpty();
    assertThat(record.isActiveAt(T0.minusNanos(1))).isFalse();
    assertThat(record.isActiveAt(T0)).isTrue();
    assertThat(record.isActiveAt(Instant.MAX)).isTrue();
  }

  @Test
  void consentWithdrawnAtTheGrantInstantIsNeverActive() {
    ConsentRecord record = ConsentRecord.builder().purpose("profiling").grantedAt(T0).withdrawnAt(T0).build();
    assertThat(record.isActiveAt(T0)).isFalse();
  }

  @Test
  void customerHasConsentPerPurposeAndInstant() {
    Customer c = person()
        .addConsent(ConsentRecord.builder().purpose("marketing.email").grantedAt(T0).withdrawnAt(T1).source("web-form")
            .build())
        .addConsent(ConsentRecord.granted("marketing.email", T2))
        .addConsent(ConsentRecord.granted("profiling", T1))
        .build();
    assertThat(c.hasConsent("marketing.email", T0.minusSeconds(1))).isFalse();
    assertThat(c.hasConsent("marketing.email", T0)).isTrue();
    assertThat(c.hasConsent("marketing.email", T1)).isFalse();
    assertThat(c.hasConsent("marketing.email", T2.minusNanos(1))).isFalse();
    assertThat(c.hasConsent("marketing.email", T2)).isTrue();
    assertThat(c.hasConsent("profiling", T0)).isFalse();
    assertThat(c.hasConsent("profiling", T1)).isTrue();
    assertThat(c.hasConsent("marketing.sms", T2)).isFalse();
    assertThat(c.hasConsent("Marketing.Email", T2)).isFalse();
    assertThat(person().build().hasConsent("marketing.email", T0)).isFalse();
  }

  @Test
  void regrantAtTheWithdrawalInstantDoesNotOverlap() {
    Customer c = person()
        .addConsent(ConsentRecord.granted("marketing.email", T1))
        .addConsent(ConsentRecord.builder().purpose("marketing.email").grantedAt(T0).withdrawnAt(T1).build())
        .build();
    assertThat(c.consents()).hasSize(2);
    assertThat(c.hasConsent("marketing.email", T1)).isTrue();
  }

  static Stream<Invalid> invalidConsents() {
    return Stream.of(
        Invalid.because("ConsentRecord.purpose must be a lower-case token matching [a-z0-9][a-z0-9_.:-]{0,63}, "
            + "was 'Marketing'", () -> ConsentRecord.granted("Marketing", T0)),
        Invalid.because("ConsentRecord.purpose must be a lower-case token matching [a-z0-9][a-z0-9_.:-]{0,63}, "
            + "was 'marketing email'", () -> ConsentRecord.granted("marketing email", T0)),
        Invalid.because("ConsentRecord.source must be a lower-case token matching [a-z0-9][a-z0-9_.:-]{0,63}, "
            + "was 'Web Form'", () -> ConsentRecord.builder().purpose("profiling").grantedAt(T0).source("Web Form")
            .build()),
        Invalid.because("ConsentRecord.withdrawnAt must not be before grantedAt, was 2024-04-30T08:00:00Z < "
            + "2024-05-01T08:00:00Z", () -> ConsentRecord.builder().purpose("profiling").grantedAt(T0)
            .withdrawnAt(T0.minus(Duration.ofDays(1))).build()),
        Invalid.because(IllegalStateException.class,
            "Cannot build ConsentRecord, some of required attributes are not set [purpose, grantedAt]",
            () -> ConsentRecord.builder().build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidConsents")
  void refusesInvalidConsents(Invalid c) {
    c.assertRefused();
  }

  // validation

  private static Map<String, AttributeValue> attributes(int n) {
    Map<String, AttributeValue> out = new HashMap<>();
    for (int i = 0; i < n; i++) {
      out.put("a" + i, AttributeValue.ofLong(i));
    }
    return out;
  }

  private static List<String> tags(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("tag-" + i);
    }
    return out;
  }

  static Stream<Invalid> invalid() {
    return Stream.of(
        Invalid.because("Customer.personName is required when kind is PERSON",
            () -> Customer.builder().id(CustomerId.of("C-1")).kind(CustomerKind.PERSON).createdAt(T0).build()),
        Invalid.because("Customer.personName is required when kind is PERSON",
            () -> Customer.builder().id(CustomerId.of("C-1")).kind(CustomerKind.PERSON).createdAt(T0)
                .organizationName(OrganizationName.of("ACME GmbH")).build()),
        Invalid.because("Customer.organizationName is required when kind is ORGANIZATION",
            () -> person().kind(CustomerKind.ORGANIZATION).build()),
        Invalid.because("Customer.tags must have at most 100 elements, had 101",
            () -> person().tags(tags(101)).build()),
        Invalid.because("Customer.tags element must be at most 64 characters, was 65",
            () -> person().addTag("t".repeat(65)).build()),
        Invalid.because("Customer.tags element must not be blank", () -> person().addTag(" ").build()),
        Invalid.because("Customer.tags element must be a single line (found a line break or tab at index 3)",
            () -> person().addTag("vip\nx").build()),
        Invalid.because("Customer.acquisitionChannel must be a lower-case token matching [a-z0-9][a-z0-9_.:-]{0,63}, "
            + "was 'Web Shop'", () -> person().acquisitionChannel("Web Shop").build()),
        Invalid.because("Customer.consents must have at most 1000 elements, had 1001",
            () -> person().consents(Collections.nCopies(1001,
                ConsentRecord.builder().purpose("profiling").grantedAt(T0).withdrawnAt(T0).build())).build()),
        Invalid.because("Customer.consents has overlapping records for purpose 'marketing.email': a consent must be "
            + "withdrawn before it is granted again",
            () -> person().addConsent(ConsentRecord.granted("marketing.email", T0))
                .addConsent(ConsentRecord.granted("marketing.email", T1)).build()),
        Invalid.because("Customer.consents has overlapping records for purpose 'marketing.email': a consent must be "
            + "withdrawn before it is granted again",
            () -> person().addConsent(ConsentRecord.granted("marketing.email", T1))
                .addConsent(ConsentRecord.builder().purpose("marketing.email").grantedAt(T0)
                    .withdrawnAt(T1.plusNanos(1)).build()).build()),
        Invalid.because("Customer.consents has overlapping records for purpose 'profiling': a consent must be "
            + "withdrawn before it is granted again",
            () -> person()
                .addConsent(ConsentRecord.builder().purpose("profiling").grantedAt(T0).withdrawnAt(T2).build())
                .addConsent(ConsentRecord.builder().purpose("marketing.email").grantedAt(T0).build())
                .addConsent(ConsentRecord.builder().purpose("profiling").grantedAt(T1).withdrawnAt(T2).build())
                .build()),
        Invalid.because("Customer.attributes key must match [A-Za-z][A-Za-z0-9_.-]{0,63}, was '1tier'",
            () -> person().putAttribute("1tier", AttributeValue.ofString("gold")).build()),
        Invalid.because("Customer.attributes key must match [A-Za-z][A-Za-z0-9_.-]{0,63}, was 'loyalty tier'",
            () -> person().putAttribute("loyalty tier", AttributeValue.ofString("gold")).build()),
        Invalid.because("Customer.attributes key must match [A-Za-z][A-Za-z0-9_.-]{0,63}, was ''",
            () -> person().putAttribute("", AttributeValue.ofString("gold")).build()),
        Invalid.because("Customer.attributes must have at most 256 elements, had 257",
            () -> person().attributes(attributes(257)).build()),
        Invalid.because(IllegalStateException.class,
            "Cannot build Customer, some of required attributes are not set [id, kind, createdAt]",
            () -> Customer.builder().build()),
        Invalid.because(IllegalStateException.class,
            "Cannot build Customer, some of required attributes are not set [createdAt]",
            () -> Customer.builder().id(CustomerId.of("C-1")).kind(CustomerKind.PERSON)
                .personName(PersonName.of("Ada", "Lovelace")).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesInvalidCustomers(Invalid c) {
    c.assertRefused();
  }

  @Test
  void acceptsTheLimits() {
    Customer c = person().tags(tags(99)).addTag("t".repeat(64)).attributes(attributes(256)).build();
    assertThat(c.tags()).hasSize(100).contains("t".repeat(64));
    assertThat(c.attributes()).hasSize(256);
    assertThat(person().putAttribute("a" + "b".repeat(63), AttributeValue.ofLong(1)).build().attributes()).hasSize(1);
  }

  @Test
  void refusesNulls() {
    assertThatNullPointerException().isThrownBy(() -> Customer.builder().id(null)).withMessage("id");
    assertThatNullPointerException().isThrownBy(() -> Customer.builder().kind(null)).withMessage("kind");
    assertThatNullPointerException().isThrownBy(() -> Customer.builder().createdAt(null)).withMessage("createdAt");
    assertThatNullPointerException().isThrownBy(() -> Customer.builder().personName((PersonName) null))
        .withMessage("personName");
    assertThatNullPointerException().isThrownBy(() -> Customer.builder().contacts(null)).withMessage("contacts");
    assertThatNullPointerException().isThrownBy(() -> Customer.builder().addTag(null)).withMessage("tags element");
    assertThatNullPointerException().isThrownBy(() -> Customer.builder().putAttribute("a", null))
        .withMessageContaining("attributes");
    assertThatNullPointerException().isThrownBy(() -> ConsentRecord.granted(null, T0)).withMessage("purpose");
  }
}
