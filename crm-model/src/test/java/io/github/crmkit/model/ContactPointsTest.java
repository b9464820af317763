package io.github.crmkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ContactPoints}, {@link PostalAddress} and {@link SocialHandle}. */
class ContactPointsTest {
  private static PostalAddress.Builder ningbo() {
    return PostalAddress.builder().countryCode("CN").region("浙江省").city("宁波市").district("鄞州区")
        .postalCode("315100").addLine("天童南路 588 号");
  }

  @Test
  void postalAddressHoldsItsParts() {
    PostalAddress address = ningbo().addLine("3 楼").build();
    assertThat(address.countryCode()).isEqualTo("CN");
    assertThat(address.region()).contains("浙江省");
    assertThat(address.city()).contains("宁波市");
    assertThat(address.district()).contains("鄞州区");
    assertThat(address.postalCode()).contains("315100");
    assertThat(address.lines()).containsExactly("天童南路 588 号", "3 楼");
    assertThat(PostalAddress.builder().countryCode("DE").build().lines()).isEmpty();
  }

  @Test
  void postalAddressAcceptsFiveLinesAndATwentyCharacterPostalCode() {
    PostalAddress address = PostalAddress.builder().countryCode("GB").postalCode("p".repeat(20))
        .addLines("1", "2", "3", "4", "5").build();
    assertThat(address.lines()).hasSize(5);
  }

  static Stream<Invalid> invalidAddresses() {
    return Stream.of(
        Invalid.because("PostalAddress.countryCode must be an upper-case ISO 3166-1 alpha-2 code such as CN or DE, "
            + "was 'cn'", () -> PostalAddress.builder().countryCode("cn").build()),
        Invalid.because("PostalAddress.countryCode must be an upper-case ISO 3166-1 alpha-2 code such as CN or DE, "
            + "was 'CHN'", () -> PostalAddress.builder().countryCode("CHN").build()),
        Invalid.because("PostalAddress.countryCode must be an upper-case ISO 3166-1 alpha-2 code such as CN or DE, "
            + "was 'ZZ'", () -> PostalAddress.builder().countryCode("ZZ").build()),
        Invalid.because("PostalAddress.region must not be blank", () -> ningbo().region(" ").build()),
        Invalid.because("PostalAddress.region must be at most 200 characters, was 201",
            () -> ningbo().region("省".repeat(201)).build()),
        Invalid.because("PostalAddress.city must be a single line (found a line break or tab at index 2)",
            () -> ningbo().city("宁波\n市").build()),
        Invalid.because("PostalAddress.city must be at most 200 characters, was 201",
            () -> ningbo().city("c".repeat(201)).build()),
        Invalid.because("PostalAddress.district must not start or end with whitespace",
            () -> ningbo().district("鄞州区 ").build()),
        Invalid.because("PostalAddress.district must be at most 200 characters, was 201",
            () -> ningbo().district("区".repeat(201)).build()),
        Invalid.because("PostalAddress.postalCode must be at most 20 characters, was 21",
            () -> ningbo().postalCode("3".repeat(21)).build()),
        Invalid.because("PostalAddress.postalCode must not contain control characters (found U+0000 at index 3)",
            () -> ningbo().postalCode("315\u0000100").build()),
        Invalid.because("PostalAddress.lines must have at most 5 elements, had 6",
            () -> ningbo().addLines("2", "3", "4", "5", "6").build()),
        Invalid.because("PostalAddress.lines element must not be blank", () -> ningbo().addLine("").build()),
        Invalid.because("PostalAddress.lines element must be at most 200 characters, was 201",
            () -> ningbo().addLine("路".repeat(201)).build()),
        Invalid.because("PostalAddress.lines element must be a single line (found a line break or tab at index 4)",
            () -> ningbo().addLine("天童南路\t588 号").build()),
        Invalid.because(IllegalStateException.class,
            "Cannot build PostalAddress, some of required attributes are not set [countryCode]",
            () -> PostalAddress.builder().city("宁波市").build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidAddresses")
  void refusesInvalidAddresses(Invalid c) {
    c.assertRefused();
  }

  @Test
  void addressMessagesNeverRepeatTheAddress() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ningbo().addLine("宁波市鄞州区PII路" + "号".repeat(200)).build())
        .withMessageNotContaining("PII");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ningbo().district("鄞州区PII\u0001").build())
        .withMessageNotContaining("PII");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ningbo().postalCode("315100-PII-315100-PII").build())
        .withMessageNotContaining("PII");
  }

  @Test
  void postalAddressMasksDistrictPostalCodeAndLinesButShowsTheCoarseLocation() {
    String text = PostalAddress.builder().countryCode("CN").region("浙江省").city("宁波市")
        .district("鄞州区PII").postalCode("315100-PII").addLine("宁波市鄞州区PII路 1 号").build().toString();
    assertThat(text).doesNotContain("PII").doesNotContain("鄞州区").doesNotContain("315100").contains("***");
    // documented: country, region and city are coarse locations used for routing and are shown
    assertThat(text).contains("CN").contains("浙江省").contains("宁波市");
  }

  // SocialHandle

  @Test
  void socialHandle() {
    SocialHandle handle = SocialHandle.of("wechat", "wxid_zhangwei88");
    assertThat(handle.network()).isEqualTo("wechat");
    assertThat(handle.handle()).isEqualTo("wxid_zhangwei88");
    assertThat(handle).isEqualTo(SocialHandle.of("wechat", "wxid_zhangwei88"))
        .isNotEqualTo(SocialHandle.of("qq", "wxid_zhangwei88"));
    assertThat(handle.toString()).doesNotContain("zhangwei").contains("wechat").contains("***");
  }

  static Stream<Invalid> invalidHandles() {
    return Stream.of(
        Invalid.because("SocialHandle.network must be a lower-case token matching [a-z0-9][a-z0-9_.:-]{0,63}, "
            + "was 'WeChat'", () -> SocialHandle.of("WeChat", "wxid_1")),
        Invalid.because("SocialHandle.network must be a lower-case token matching [a-z0-9][a-z0-9_.:-]{0,63}, "
            + "was ''", () -> SocialHandle.of("", "wxid_1")),
        Invalid.because("SocialHandle.network must be a lower-case token matching [a-z0-9][a-z0-9_.:-]{0,63}, "
            + "was '-wechat'", () -> SocialHandle.of("-wechat", "wxid_1")),
        Invalid.because("SocialHandle.network must be a lower-case token matching [a-z0-9][a-z0-9_.:-]{0,63}, "
            + "was '" + "n".repeat(64) + "...'", () -> SocialHandle.of("n".repeat(65), "wxid_1")),
        Invalid.because("SocialHandle.handle must not be blank", () -> SocialHandle.of("wechat", " ")),
        Invalid.because("SocialHandle.handle must be at most 200 characters, was 201",
            () -> SocialHandle.of("wechat", "h".repeat(201))),
        Invalid.because("SocialHandle.handle must be a single line (found a line break or tab at index 4)",
            () -> SocialHandle.of("wechat", "wxid\n1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidHandles")
  void refusesInvalidHandles(Invalid c) {
    c.assertRefused();
  }

  @Test
  void acceptsTokenAndHandleLimits() {
    assertThat(SocialHandle.of("n".repeat(64), "h".repeat(200)).network()).hasSize(64);
    assertThat(SocialHandle.of("x", "@zhang").network()).isEqualTo("x");
    assertThat(SocialHandle.of("line_2:jp.biz-1", "zhang").network()).isEqualTo("line_2:jp.biz-1");
  }

  // ContactPoints

  @Test
  void primaryContactPointsAreTheFirstOfEachList() {
    ContactPoints contacts = ContactPoints.builder()
        .addEmail(EmailAddress.of("first@example.com"))
        .addEmail(EmailAddress.of("second@example.com"))
        .addPhone(PhoneNumber.of("+8613800138000"))
        .addPhone(PhoneNumber.of("+8613900139000"))
        .addAddress(ningbo().build())
        .addAddress(PostalAddress.builder().countryCode("DE").build())
        .addSocialHandle(SocialHandle.of("wechat", "wxid_1"))
        .build();
    assertThat(contacts.primaryEmail()).contains(EmailAddress.of("first@example.com"));
    assertThat(contacts.primaryPhone()).contains(PhoneNumber.of("+8613800138000"));
    assertThat(contacts.primaryAddress()).contains(ningbo().build());
    assertThat(contacts.isEmpty()).isFalse();
  }

  @Test
  void emptyContactPoints() {
    ContactPoints empty = ContactPoints.empty();
    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.primaryEmail()).isEmpty();
    assertThat(empty.primaryPhone()).isEmpty();
    assertThat(empty.primaryAddress()).isEmpty();
    assertThat(empty).isEqualTo(ContactPoints.builder().build());
    assertThat(ContactPoints.builder().addSocialHandle(SocialHandle.of("qq", "10001")).build().isEmpty()).isFalse();
    assertThat(ContactPoints.builder().addPhone(PhoneNumber.of("+8613800138000")).build().isEmpty()).isFalse();
  }

  @Test
  void acceptsTwentyOfEach() {
    ContactPoints contacts = ContactPoints.builder()
        .emails(Collections.nCopies(20, EmailAddress.of("a@example.com")))
        .phones(Collections.nCopies(20, PhoneNumber.of("+8613800138000")))
        .addresses(Collections.nCopies(20, ningbo().build()))
        .socialHandles(Collections.nCopies(20, SocialHandle.of("qq", "1")))
        .build();
    assertThat(contacts.emails()).hasSize(20);
  }

  static Stream<Invalid> tooManyContactPoints() {
    return Stream.of(
        Invalid.because("ContactPoints.emails must have at most 20 elements, had 21",
            () -> ContactPoints.builder().emails(Collections.nCopies(21, EmailAddress.of("a@example.com"))).build()),
        Invalid.because("ContactPoints.phones must have at most 20 elements, had 21",
            () -> ContactPoints.builder().phones(Collections.nCopies(21, PhoneNumber.of("+8613800138000"))).build()),
        Invalid.because("ContactPoints.addresses must have at most 20 elements, had 21",
            () -> ContactPoints.builder().addresses(Collections.nCopies(21, ningbo().build())).build()),
        Invalid.because("ContactPoints.socialHandles must have at most 20 elements, had 21",
            () -> ContactPoints.builder().socialHandles(Collections.nCopies(21, SocialHandle.of("qq", "1"))).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tooManyContactPoints")
  void refusesMoreThanTwentyOfEach(Invalid c) {
    c.assertRefused();
  }

  @Test
  void refusesNullElements() {
    assertThatNullPointerException().isThrownBy(() -> ContactPoints.builder().addEmail(null))
        .withMessage("emails element");
    assertThatNullPointerException().isThrownBy(() -> SocialHandle.of(null, "x")).withMessage("network");
    assertThatNullPointerException().isThrownBy(() -> SocialHandle.of("qq", null)).withMessage("handle");
    assertThatNullPointerException().isThrownBy(() -> PostalAddress.builder().countryCode(null))
        .withMessage("countryCode");
  }

  @Test
  void toStringMasksEveryContactPoint() {
    ContactPoints contacts = ContactPoints.builder()
        .addEmail(EmailAddress.of("secret.person@example.com"))
        .addPhone(PhoneNumber.of("+8613800138000"))
        .addAddress(PostalAddress.builder().countryCode("CN").district("鄞州区PII").postalCode("315100")
            .addLine("宁波市鄞州区PII路").build())
        .addSocialHandle(SocialHandle.of("wechat", "Zhang-Wei-PII"))
        .build();
    assertThat(contacts.toString()).doesNotContain("secret.person").doesNotContain("example.com")
        .doesNotContain("13800138000").doesNotContain("PII").doesNotContain("315100").contains("***");
  }
}
