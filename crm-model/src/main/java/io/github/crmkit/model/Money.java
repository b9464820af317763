package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.MoneyJson;
import io.github.crmkit.model.internal.CrmStyle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.immutables.value.Value;

/**
 * An amount of money in one currency.
 *
 * <p>The amount is normalised on construction: trailing zeros beyond the currency's default fraction digits are
 * removed and missing ones added, so {@code 12.5 EUR}, {@code 12.50 EUR} and {@code 12.500 EUR} are equal, while
 * sub-cent unit prices such as {@code 0.125 EUR} keep their precision. {@link #equals} is therefore consistent with
 * {@link #compareTo}. Arithmetic and comparison across currencies are refused with a
 * {@link CurrencyMismatchException}; nothing converts currencies implicitly.
 *
 * <p>At most {@value #MAX_SCALE} decimal places and an absolute value below 10<sup>18</sup> are accepted. In JSON a
 * money value is {@code {"amount": "12.50", "currency": "EUR"}}, the amount a decimal string.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable(builder = false)
@CrmStyle
@JsonSerialize(using = MoneyJson.Serializer.class)
@JsonDeserialize(using = MoneyJson.Deserializer.class)
public abstract class Money implements Comparable<Money> {
  /** The largest number of decimal places accepted. */
  public static final int MAX_SCALE = 12;

  private static final BigDecimal LIMIT = BigDecimal.TEN.pow(18);

  Money() {}

  /**
   * Returns the amount, normalised to at least the currency's default fraction digits.
   *
   * @return the amount
   */
  @Value.Parameter
  public abstract BigDecimal amount();

  /**
   * Returns the currency.
   *
   * @return the currency
   */
  @Value.Parameter
  public abstract Currency currency();

  /**
   * Returns money of the given amount and currency.
   *
   * @param amount the amount
   * @param currency the currency
   * @return the money value
   * @throws IllegalArgumentException if the amount has more than {@value #MAX_SCALE} decimal places or is not below
   *     10<sup>18</sup> in absolute value
   */
  public static Money of(BigDecimal amount, Currency currency) {
    return ImmutableMoney.of(amount, currency);
  }

  /**
   * Parses money from a decimal string and an ISO 4217 currency code, for example {@code of("12.50", "EUR")}.
   *
   * @param amount a decimal number such as {@code "12.50"} or {@code "-3"}
   * @param currencyCode an ISO 4217 code such as {@code "CNY"}
   * @return the money value
   * @throws IllegalArgumentException if the amount is not a decimal number or the code is not a known currency
   */
  public static Money of(String amount, String currencyCode) {
    BigDecimal value;
    try {
      value = new BigDecimal(amount.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Money.amount must be a decimal number such as 12.50", e);
    }
    return of(value, currency(currencyCode));
  }

  /**
   * Returns zero in the given currency.
   *
   * @param currency the currency
   * @return zero
   */
  public static Money zero(Currency currency) {
    return of(BigDecimal.ZERO, currency);
  }

  static Currency currency(String code) {
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Money.currency must be an ISO 4217 currency code, was '"
              + io.github.crmkit.model.internal.Checks.printable(code) + "'", e);
    }
  }

  @Value.Check
  final Money normalize() {
    BigDecimal amount = amount();
    if (amount.abs().compareTo(LIMIT) >= 0) {
      throw new IllegalArgumentException("Money.amount must be below 10^18 in absolute value");
    }
    int digits = Math.max(0, currency().getDefaultFractionDigits());
    BigDecimal stripped = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
    if (stripped.scale() > MAX_SCALE) {
      throw new IllegalArgumentException(
          "Money.amount must have at most " + MAX_SCALE + " decimal places, had " + stripped.scale());
    }
    BigDecimal normalised = stripped.scale() < digits ? stripped.setScale(digits, RoundingMode.UNNECESSARY) : stripped;
    return normalised.equals(amount) ? this : ImmutableMoney.of(normalised, currency());
  }

  /**
   * Adds money in the same currency.
   *
   * @param other money in the same currency
   * @return the sum
   * @throws CurrencyMismatchException if the currencies differ
   */
  public final Money plus(Money other) {
    requireSameCurrency(other);
    return of(amount().add(other.amount()), currency());
  }

  /**
   * Subtracts money in the same currency.
   *
   * @param other money in the same currency
   * @return the difference
   * @throws CurrencyMismatchException if the currencies differ
   */
  public final Money minus(Money other) {
    requireSameCurrency(other);
    return of(amount().subtract(other.amount()), currency());
  }

  /**
   * Multiplies by a quantity, keeping full precision (up to {@value #MAX_SCALE} decimal places).
   *
   * @param factor the factor, for example a quantity
   * @return the product
   * @throws IllegalArgumentException if the product needs more than {@value #MAX_SCALE} decimal places
   */
  public final Money times(BigDecimal factor) {
    return of(amount().multiply(factor), currency());
  }

  /**
   * Multiplies by a whole number.
   *
   * @param factor the factor
   * @return the product
   */
  public final Money times(long factor) {
    return times(BigDecimal.valueOf(factor));
  }

  /**
   * Returns the negated amount.
   *
   * @return minus this
   */
  public final Money negate() {
    return of(amount().negate(), currency());
  }

  /**
   * Returns the sign of the amount.
   *
   * @return -1, 0 or 1
   */
  public final int signum() {
    return amount().signum();
  }

  /**
   * Whether the amount is zero.
   *
   * @return true for zero
   */
  public final boolean isZero() {
    return amount().signum() == 0;
  }

  /**
   * Whether the amount is below zero.
   *
   * @return true for a negative amount
   */
  public final boolean isNegative() {
    return amount().signum() < 0;
  }

  /**
   * Compares amounts in the same currency.
   *
   * @throws CurrencyMismatchException if the currencies differ
   */
  @Override
  public final int compareTo(Money other) {
    requireSameCurrency(other);
    return amount().compareTo(other.amount());
  }

  private void requireSameCurrency(Money other) {
    if (!currency().equals(other.currency())) {
      throw new CurrencyMismatchException(currency(), other.currency());
    }
  }

  /** Returns the amount and the currency code, for example {@code 12.50 EUR}. */
  @Override
  public final String toString() {
    return amount().toPlainString() + " " + currency().getCurrencyCode();
  }
}
