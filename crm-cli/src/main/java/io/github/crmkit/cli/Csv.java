package io.github.crmkit.cli;

import java.math.BigDecimal;

/** Formatting of CSV output fields. Stateless and thread-safe. */
final class Csv {
  private Csv() {}

  /** Quotes a text field when it holds a comma, a quote or a line break (RFC 4180). */
  static String field(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }

  /** Writes a double in plain notation with up to 10 significant decimals, without exponent or trailing zeros. */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    BigDecimal d = new BigDecimal(value).setScale(10, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
    return d.toPlainString();
  }
}
