package io.github.crmkit.model;

import static io.github.crmkit.model.Fixtures.EUR;
import static io.github.crmkit.model.Fixtures.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MoneyTest {
  private static final Currency JPY = Currency.getInstance("JPY");

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "12.5, EUR, 12.50",
      "12.50, EUR, 12.50",
      "12.500, EUR, 12.50",
      "12.5000000, EUR, 12.50",
      "12, EUR, 12.00",
      "1E+3, EUR, 1000.00",
      "0.125, EUR, 0.125",
      "0.1250, EUR, 0.125",
      "0, EUR, 0.00",
      "-0.000, EUR, 0.00",
      "-3, EUR, -3.00",
      "100, JPY, 100",
      "100.00, JPY, 100",
      "12.5, JPY, 12.5",
      "7, BHD, 7.000",
      "' 12.5 ', EUR, 12.50"})
  void normalisesTheAmountToTheCurrencysFractionDigits(String amount, String currency, String expected) {
    Money money = Money.of(amount, currency);
    assertThat(money.amount().toPlainString()).isEqualTo(expected);
    assertThat(money.currency()).isEqualTo(Currency.getInstance(currency));
  }

  @Test
  void equalAmountsWithDifferentScalesAreEqual() {
    Money a = Money.of("12.5", "EUR");
    Money b = Money.of(new BigDecimal("12.50"), EUR);
    Money c = Money.of(new BigDecimal("12.500"), EUR);
    assertThat(a).isEqualTo(b).isEqualTo(c).hasSameHashCodeAs(c);
    assertThat(a.compareTo(c)).isZero();
    assertThat(a).isNotEqualTo(Money.of("12.5", "USD")).isNotEqualTo(Money.of("12.51", "EUR"));
  }

  @Test
  void subCentAmountsKeepTheirPrecision() {
    Money unitPrice = Money.of("0.125", "EUR");
    assertThat(unitPrice.amount()).isEqualTo(new BigDecimal("0.125"));
    assertThat(unitPrice).isNotEqualTo(Money.of("0.12", "EUR")).isNotEqualTo(Money.of("0.13", "EUR"));
    assertThat(Money.of("0.000000000001", "EUR").amount().toPlainString()).isEqualTo("0.000000000001");
  }

  @Test
  void yenHasNoFractionDigits() {
    assertThat(JPY.getDefaultFractionDigits()).isZero();
    assertThat(Money.of("1500", "JPY")).hasToString("1500 JPY");
    assertThat(Money.of("1500.0", "JPY")).isEqualTo(Money.of(new BigDecimal("1500"), JPY));
  }

  @Test
  void arithmetic() {
    Money a = Money.of("12.5", "EUR");
    assertThat(a.plus(Money.of("0.125", "EUR"))).isEqualTo(Money.of("12.625", "EUR"));
    assertThat(a.plus(Money.of("7.5", "EUR"))).hasToString("20.00 EUR");
    assertThat(a.minus(Money.of("15", "EUR"))).hasToString("-2.50 EUR");
    assertThat(a.times(3)).hasToString("37.50 EUR");
    assertThat(a.times(new BigDecimal("0.5"))).hasToString("6.25 EUR");
    assertThat(Money.of("0.125", "EUR").times(new BigDecimal("2.5"))).hasToString("0.3125 EUR");
    assertThat(a.negate()).hasToString("-12.50 EUR");
    assertThat(a.negate().negate()).isEqualTo(a);
    assertThat(Money.zero(EUR)).hasToString("0.00 EUR");
    assertThat(Money.zero(JPY)).hasToString("0 JPY");
    assertThat(a.minus(a)).isEqualTo(Money.zero(EUR));
  }

  @Test
  void signAndPredicates() {
    assertThat(Money.of("-0.01", "EUR").signum()).isEqualTo(-1);
    assertThat(Money.of("-0.01", "EUR").isNegative()).isTrue();
    assertThat(Money.of("-0.01", "EUR").isZero()).isFalse();
    assertThat(Money.zero(EUR).signum()).isZero();
    assertThat(Money.zero(EUR).isZero()).isTrue();
    assertThat(Money.zero(EUR).isNegative()).isFalse();
    assertThat(Money.of("0.01", "EUR").signum()).isEqualTo(1);
    assertThat(Money.of("0.01", "EUR").isNegative()).isFalse();
  }

  @Test
  void comparesWithinACurrency() {
    Money a = Money.of("12.5", "EUR");
    assertThat(a.compareTo(Money.of("12.51", "EUR"))).isNegative();
    assertThat(a.compareTo(Money.of("12.49", "EUR"))).isPositive();
    assertThat(a.compareTo(Money.of("12.500", "EUR"))).isZero();
    assertThat(Money.of("-1", "EUR").compareTo(Money.of("0.125", "EUR"))).isNegative();
  }

  @Test
  void toStringIsThePlainAmountAndTheCode() {
    assertThat(Money.of("1E+3", "EUR")).hasToString("1000.00 EUR");
    assertThat(Money.of("0.125", "EUR")).hasToString("0.125 EUR");
  }

  static Stream<Invalid> crossCurrency() {
    Money eur = Money.of("10", "EUR");
    Money usd = Money.of("10", "USD");
    return Stream.of(
        Invalid.because(CurrencyMismatchException.class, "currency mismatch in money: expected EUR, actual USD",
            () -> eur.plus(usd)),
        Invalid.because(CurrencyMismatchException.class, "currency mismatch in money: expected EUR, actual USD",
            () -> eur.minus(usd)),
        Invalid.because(CurrencyMismatchException.class, "currency mismatch in money: expected EUR, actual USD",
            () -> eur.compareTo(usd)),
        Invalid.because(CurrencyMismatchException.class, "currency mismatch in money: expected USD, actual EUR",
            () -> usd.compareTo(eur)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crossCurrency")
  void crossCurrencyArithmeticAndComparisonAreRefused(Invalid c) {
    c.assertRefused();
  }

  @Test
  void currencyMismatchNamesBothCurrencies() {
    assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
        .isInstanceOf(IllegalArgumentException.class)
        .isInstanceOfSatisfying(CurrencyMismatchException.class, e -> {
          assertThat(e.expected()).isEqualTo(EUR);
          assertThat(e.actual()).isEqualTo(USD);
        });
  }

  static Stream<Invalid> invalid() {
    return Stream.of(
        Invalid.because("Money.amount must have at most 12 decimal places, had 13",
            () -> Money.of("0.0000000000001", "EUR")),
        Invalid.because("Money.amount must have at most 12 decimal places, had 13",
            () -> Money.of(new BigDecimal("-1.0000000000001"), EUR)),
        Invalid.because("Money.amount must have at most 12 decimal places, had 13",
            () -> Money.of("0.000000000001", "EUR").times(new BigDecimal("0.5"))),
        Invalid.because("Money.amount must be below 10^18 in absolute value",
            () -> Money.of("1000000000000000000", "EUR")),
        Invalid.because("Money.amount must be below 10^18 in absolute value",
            () -> Money.of("-1E+18", "EUR")),
        Invalid.because("Money.amount must be below 10^18 in absolute value",
            () -> Money.of("999999999999999999", "EUR").plus(Money.of("1", "EUR"))),
        Invalid.because("Money.amount must be a decimal number such as 12.50", () -> Money.of("12,50", "EUR")),
        Invalid.because("Money.amount must be a decimal number such as 12.50", () -> Money.of("", "EUR")),
        Invalid.because("Money.amount must be a decimal number such as 12.50", () -> Money.of("NaN", "EUR")),
        Invalid.because("Money.currency must be an ISO 4217 currency code, was 'EUX'", () -> Money.of("1", "EUX")),
        Invalid.because("Money.currency must be an ISO 4217 currency code, was 'eur'", () -> Money.of("1", "eur")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesInvalidAmountsAndCurrencies(Invalid c) {
    c.assertRefused();
  }

  @Test
  void acceptsTheLimits() {
    assertThat(Money.of("999999999999999999.99", "EUR").amount().toPlainString())
        .isEqualTo("999999999999999999.99");
    assertThat(Money.of("-999999999999999999", "EUR").isNegative()).isTrue();
    assertThat(Money.of("1.000000000000000", "EUR")).hasToString("1.00 EUR");
  }

  @Test
  void refusesNulls() {
    assertThatNullPointerException().isThrownBy(() -> Money.of((BigDecimal) null, EUR)).withMessage("amount");
    assertThatNullPointerException().isThrownBy(() -> Money.of(BigDecimal.ONE, null)).withMessage("currency");
    assertThatNullPointerException().isThrownBy(() -> Money.of("1", null));
  }
}
