package io.github.crmkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PhoneNumberTest {
  @ParameterizedTest(name = "of(\"{0}\")")
  @CsvSource(delimiter = '|', value = {
      "+8613800138000 | +8613800138000",
      "+86 138-0013-8000 | +8613800138000",
      "0086 138 0013 8000 | +8613800138000",
      "+86 (138) 0013.8000 | +8613800138000",
      "＋８６ １３８ ００１３ ８０００ | +8613800138000",
      "'  +49/30/1234567  ' | +49301234567",
      "+49\u00a030\u00a01234567 | +49301234567",
      "+12345678 | +12345678",
      "+123456789012345 | +123456789012345"})
  void ofAcceptsInternationalNumbers(String input, String expected) {
    assertThat(PhoneNumber.of(input).value()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "parse(\"{0}\", \"{1}\")")
  @CsvSource(delimiter = '|', value = {
      "138 0013 8000 | 86 | +8613800138000",
      "030 1234567 | 49 | +49301234567",
      "(030) 123-4567 | 49 | +49301234567",
      "０３０ １２３４５６７ | 49 | +49301234567",
      "2025550123 | 1 | +12025550123",
      "+44 20 7946 0958 | 86 | +442079460958",
      "0044 20 7946 0958 | 86 | +442079460958",
      "612345678 | 358 | +358612345678"})
  void parseCompletesNationalNumbersWithTheCallingCode(String input, String callingCode, String expected) {
    assertThat(PhoneNumber.parse(input, callingCode).value()).isEqualTo(expected);
  }

  @Test
  void equalByValue() {
    assertThat(PhoneNumber.of("+86 138 0013 8000")).isEqualTo(PhoneNumber.parse("13800138000", "86"))
        .hasSameHashCodeAs(PhoneNumber.of("0086-138-0013-8000"));
  }

  static Stream<Invalid> invalid() {
    return Stream.of(
        Invalid.because("PhoneNumber must start with '+' or '00' and a country calling code; use parse(number, "
            + "callingCode) for national numbers", () -> PhoneNumber.of("13800138000")),
        Invalid.because("PhoneNumber must start with '+' or '00' and a country calling code; use parse(number, "
            + "callingCode) for national numbers", () -> PhoneNumber.of("0 138 0013 8000")),
        Invalid.because("PhoneNumber must start with '+' or '00' and a country calling code; use parse(number, "
            + "callingCode) for national numbers", () -> PhoneNumber.of("")),
        Invalid.because("PhoneNumber must be '+' followed by 8 to 15 digits", () -> PhoneNumber.of("+1234567")),
        Invalid.because("PhoneNumber must be '+' followed by 8 to 15 digits",
            () -> PhoneNumber.of("+1234567890123456")),
        Invalid.because("PhoneNumber must be '+' followed by 8 to 15 digits", () -> PhoneNumber.of("+")),
        Invalid.because("PhoneNumber must be '+' followed by 8 to 15 digits", () -> PhoneNumber.parse("123", "86")),
        Invalid.because("PhoneNumber must hold only digits after '+' (found another character at index 6)",
            () -> PhoneNumber.of("+86138abc8000")),
        Invalid.because("PhoneNumber must hold only digits after '+' (found another character at index 3)",
            () -> PhoneNumber.of("+86+13800138000")),
        Invalid.because("PhoneNumber must hold only digits after '+' (found another character at index 11)",
            () -> PhoneNumber.of("+8613800138_000")),
        Invalid.because("PhoneNumber country calling code must not start with 0",
            () -> PhoneNumber.of("+0861380013800")),
        Invalid.because("PhoneNumber country calling code must not start with 0",
            () -> PhoneNumber.of("000861380013800")),
        Invalid.because("PhoneNumber calling code must be 1 to 3 digits, was '086'",
            () -> PhoneNumber.parse("13800138000", "086")),
        Invalid.because("PhoneNumber calling code must be 1 to 3 digits, was '+86'",
            () -> PhoneNumber.parse("13800138000", "+86")),
        Invalid.because("PhoneNumber calling code must be 1 to 3 digits, was '1234'",
            () -> PhoneNumber.parse("13800138000", "1234")),
        Invalid.because("PhoneNumber calling code must be 1 to 3 digits, was ''",
            () -> PhoneNumber.parse("13800138000", "")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesMalformedNumbers(Invalid c) {
    c.assertRefused();
  }

  @Test
  void messagesNeverRepeatTheNumber() {
    String[] bad = {"13800138000", "+86 138 0013 8000 9999 1", "+86 138 0013 800O", "+0 861 3800 138000"};
    for (String number : bad) {
      assertThatIllegalArgumentException().isThrownBy(() -> PhoneNumber.of(number))
          .withMessageStartingWith("PhoneNumber ")
          .withMessageNotContaining("138")
          .withMessageNotContaining("0013");
    }
    assertThatIllegalArgumentException().isThrownBy(() -> PhoneNumber.parse("1380013800012345678", "86"))
        .withMessageNotContaining("13800138000");
  }

  @Test
  void refusesNull() {
    assertThatNullPointerException().isThrownBy(() -> PhoneNumber.of(null));
    assertThatNullPointerException().isThrownBy(() -> PhoneNumber.parse("13800138000", null));
  }

  @Test
  void toStringMasksTheNumber() {
    assertThat(PhoneNumber.of("+8613800138000")).hasToString("PhoneNumber{value=***}");
  }
}
