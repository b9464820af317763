package io.github.crmkit.model;

import java.util.Currency;

/**
 * Thrown when money in two different currencies is added, subtracted or compared, or when a line item's currency
 * differs from its document's. crmkit never converts currencies implicitly.
 *
 * <p>Immutable and thread-safe.
 */
public final class CurrencyMismatchException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final Currency expected;
  private final Currency actual;

  /**
   * Creates the exception.
   *
   * @param expected the currency that was required
   * @param actual the currency that was given
   */
  public CurrencyMismatchException(Currency expected, Currency actual) {
    this("money", expected, actual);
  }

  /**
   * Creates the exception for a named field.
   *
   * @param field the field whose currency did not match
   * @param expected the currency that was required
   * @param actual the currency that was given
   */
  public CurrencyMismatchException(String field, Currency expected, Currency actual) {
    super("currency mismatch in " + field + ": expected " + expected.getCurrencyCode() + ", actual "
        + actual.getCurrencyCode());
    this.expected = expected;
    this.actual = actual;
  }

  /**
   * Returns the currency that was required.
   *
   * @return the expected currency
   */
  public Currency expected() {
    return expected;
  }

  /**
   * Returns the currency that was given.
   *
   * @return the actual currency
   */
  public Currency actual() {
    return actual;
  }
}
