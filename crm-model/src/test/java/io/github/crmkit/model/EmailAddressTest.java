package io.github.crmkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EmailAddressTest {
  private static final String LABEL_63 = "d".repeat(63);

  @Test
  void fullWidthAtSignBecomesAsciiAndTheDomainIsLowerCased() {
    EmailAddress email = EmailAddress.of("Secret.Person＠Example.COM");
    assertThat(email.value()).isEqualTo("Secret.Person@example.com");
    assertThat(email.domain()).isEqualTo("example.com");
  }

  @Test
  void fullWidthLettersAreNormalisedAndWhitespaceAroundIsTrimmed() {
    assertThat(EmailAddress.of("  ｗｅｉ@ＱＱ.ＣＯＭ \t").value()).isEqualTo("wei@qq.com");
  }

  @Test
  void theLocalPartKeepsItsCase() {
    assertThat(EmailAddress.of("MiXeD.Case@EXAMPLE.org").value()).isEqualTo("MiXeD.Case@example.org");
    assertThat(EmailAddress.of("MiXeD.Case@example.org")).isNotEqualTo(EmailAddress.of("mixed.case@example.org"));
  }

  @Test
  void equalAfterNormalisation() {
    assertThat(EmailAddress.of("a.b@Example.com")).isEqualTo(EmailAddress.of("a.b＠EXAMPLE.COM"))
        .hasSameHashCodeAs(EmailAddress.of("a.b@example.com"));
  }

  @Test
  void internationalisedDomainsAndSubdomainsAreAccepted() {
    EmailAddress email = EmailAddress.of("张伟@例子.中国");
    assertThat(email.value()).isEqualTo("张伟@例子.中国");
    assertThat(email.domain()).isEqualTo("例子.中国");
    assertThat(EmailAddress.of("x+tag@mail.sub-domain.example.co.uk").domain())
        .isEqualTo("mail.sub-domain.example.co.uk");
  }

  @Test
  void acceptsTheLongestLocalPartLabelAndAddress() {
    assertThat(EmailAddress.of("l".repeat(64) + "@example.com").value()).hasSize(76);
    assertThat(EmailAddress.of("a@" + LABEL_63 + ".com").domain()).isEqualTo(LABEL_63 + ".com");
    // 64 + 1 + 63 + 1 + 63 + 1 + 61 = 254
    String longest = "l".repeat(64) + "@" + LABEL_63 + "." + LABEL_63 + "." + "d".repeat(61);
    assertThat(longest).hasSize(254);
    assertThat(EmailAddress.of(longest).value()).isEqualTo(longest);
  }

  static Stream<Invalid> invalid() {
    return Stream.of(
        Invalid.because("EmailAddress must not be blank", () -> EmailAddress.of("")),
        Invalid.because("EmailAddress must not be blank", () -> EmailAddress.of("  \t ")),
        Invalid.because("EmailAddress must be at most 254 characters, was 255",
            () -> EmailAddress.of("l".repeat(64) + "@" + LABEL_63 + "." + LABEL_63 + "." + "d".repeat(62))),
        Invalid.because("EmailAddress must contain exactly one '@'",
            () -> EmailAddress.of("secret.person.example.com")),
        Invalid.because("EmailAddress must contain exactly one '@'",
            () -> EmailAddress.of("secret@person@example.com")),
        Invalid.because("EmailAddress local part must be 1 to 64 characters, was 0",
            () -> EmailAddress.of("@example.com")),
        Invalid.because("EmailAddress local part must be 1 to 64 characters, was 65",
            () -> EmailAddress.of("l".repeat(65) + "@example.com")),
        Invalid.because("EmailAddress must not contain whitespace or control characters (index 6)",
            () -> EmailAddress.of("secret person@example.com")),
        Invalid.because("EmailAddress must not contain whitespace or control characters (index 6)",
            () -> EmailAddress.of("secret\u0001person@example.com")),
        Invalid.because("EmailAddress must not contain whitespace or control characters (index 16)",
            () -> EmailAddress.of("secret@person.ex ample.com")),
        Invalid.because("EmailAddress domain must contain at least one dot", () -> EmailAddress.of("secret@")),
        Invalid.because("EmailAddress domain must contain at least one dot", () -> EmailAddress.of("secret@localhost")),
        Invalid.because("EmailAddress domain labels must be 1 to 63 characters",
            () -> EmailAddress.of("secret@example..com")),
        Invalid.because("EmailAddress domain labels must be 1 to 63 characters",
            () -> EmailAddress.of("secret@example.com.")),
        Invalid.because("EmailAddress domain labels must be 1 to 63 characters",
            () -> EmailAddress.of("secret@" + "d".repeat(64) + ".com")),
        Invalid.because("EmailAddress domain labels must not start or end with '-'",
            () -> EmailAddress.of("secret@-example.com")),
        Invalid.because("EmailAddress domain labels must not start or end with '-'",
            () -> EmailAddress.of("secret@example-.com")),
        Invalid.because("EmailAddress domain must hold only letters, digits, hyphens and dots",
            () -> EmailAddress.of("secret@exa_mple.com")),
        Invalid.because("EmailAddress domain must hold only letters, digits, hyphens and dots",
            () -> EmailAddress.of("secret@[127.0.0.1]")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesImplausibleAddresses(Invalid c) {
    c.assertRefused();
  }

  @Test
  void messagesNeverRepeatTheAddress() {
    String[] bad = {"secret.person.example.com", "secret.person@localhost", "secret.person@@example.com",
        "secret.person@example..com", "secret.person @example.com", "secret.person@exa_mple.com"};
    for (String address : bad) {
      assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.of(address))
          .withMessageStartingWith("EmailAddress ")
          .withMessageNotContaining("secret")
          .withMessageNotContaining("person")
          .withMessageNotContaining("example");
    }
  }

  @Test
  void refusesNull() {
    assertThatNullPointerException().isThrownBy(() -> EmailAddress.of(null));
  }

  @Test
  void toStringMasksTheAddress() {
    assertThat(EmailAddress.of("secret.person@example.com")).hasToString("EmailAddress{value=***}");
  }
}
