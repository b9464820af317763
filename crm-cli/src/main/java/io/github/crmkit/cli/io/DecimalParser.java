package io.github.crmkit.cli.io;

/**
 * Parses decimal numbers ({@code 11.77}, {@code -3}, {@code 1.5e3}) from bytes in place, to exactly the double
 * {@link Double#parseDouble} returns.
 *
 * <p>Plain decimals with at most 15 significant digits and at most 22 fractional digits, the common case, take a
 * fast path without allocation: the digits as a long divided by a power of ten, both exact in a double, so the IEEE
 * division rounds correctly. Anything else made of digits, sign, point and exponent goes to
 * {@code Double.parseDouble}. Surrounding spaces must be trimmed by the caller; thousands separators, currency signs,
 * hexadecimal and Java's {@code d}/{@code f} suffixes are not numbers here.
 *
 * <p>Not thread-safe: {@link #value()} holds the result of the last call.
 */
final class DecimalParser {
  /** The field is a finite number, in {@link #value()}. */
  static final int OK = 0;
  /** The field is not a number. */
  static final int NOT_A_NUMBER = 1;
  /** The field is a number but not finite ({@code NaN}, {@code Infinity}, or beyond the double range). */
  static final int NOT_FINITE = 2;

  private static final double[] POWERS_OF_TEN = new double[23];
  private static final long MAX_EXACT = 999_999_999_999_999L; // 15 digits, below 2^53

  static {
    double p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p;
      p *= 10;
    }
  }

  private double value;

  /** The value of the last successful {@link #parse}. */
  double value() {
    return value;
  }

  /**
   * Parses {@code bytes[start, end)}.
   *
   * @return {@link #OK}, {@link #NOT_A_NUMBER} or {@link #NOT_FINITE}
   */
  int parse(byte[] bytes, int start, int end) {
    int i = start;
    if (i == end) {
      return NOT_A_NUMBER;
    }
    boolean negative = false;
    byte b = bytes[i];
    if (b == '-' || b == '+') {
      negative = b == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int fractionDigits = 0;
    boolean point = false;
    for (; i < end; i++) {
      b = bytes[i];
      int d = b - '0';
      if (d >= 0 && d <= 9) {
        if (mantissa > MAX_EXACT / 10) {
          return slowPath(bytes, start, end);
        }
        mantissa = mantissa * 10 + d;
        digits++;
        if (point) {
          fractionDigits++;
        }
      } else if (b == '.' && !point) {
        point = true;
      } else {
        return slowPath(bytes, start, end);
      }
    }
    if (digits == 0) {
      return NOT_A_NUMBER;
    }
    if (fractionDigits >= POWERS_OF_TEN.length) {
      return slowPath(bytes, start, end);
    }
    double v = fractionDigits == 0 ? (double) mantissa : mantissa / POWERS_OF_TEN[fractionDigits];
    value = negative ? -v : v;
    return OK;
  }

  private int slowPath(byte[] bytes, int start, int end) {
    // only the characters of a decimal floating-point literal: keeps out hex, d/f suffixes and other Java syntax
    boolean digit = false;
    for (int i = start; i < end; i++) {
      byte b = bytes[i];
      if (b >= '0' && b <= '9') {
        digit = true;
      } else if (b != '.' && b != '-' && b != '+' && b != 'e' && b != 'E') {
        return isNonFiniteWord(bytes, start, end) ? NOT_FINITE : NOT_A_NUMBER;
      }
    }
    if (!digit) {
      return NOT_A_NUMBER;
    }
    double v;
    try {
      v = Double.parseDouble(new String(bytes, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1));
    } catch (NumberFormatException e) {
      return NOT_A_NUMBER;
    }
    if (!Double.isFinite(v)) {
      return NOT_FINITE;
    }
    value = v;
    return OK;
  }

  private static boolean isNonFiniteWord(byte[] bytes, int start, int end) {
    int i = start;
    if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
      i++;
    }
    String word = new String(bytes, i, end - i, java.nio.charset.StandardCharsets.ISO_8859_1);
    return word.equalsIgnoreCase("nan") || word.equalsIgnoreCase("infinity") || word.equalsIgnoreCase("inf");
  }
}
