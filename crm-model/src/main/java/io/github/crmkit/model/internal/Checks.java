package io.github.crmkit.model.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Argument checks shared by the model's value types. Messages name the field and the problem; they echo a value only
 * through the {@code Codes} variants, which are used for non-personal codes (identifiers, currency and country codes,
 * attribute keys). Templates are formatted only on failure.
 *
 * <p>Internal: not exported, not part of the API. Thread-safe (stateless).
 */
public final class Checks {
  private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9_.:-]{0,63}");
  private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

  private Checks() {}

  /** Throws {@link IllegalArgumentException} with a formatted message when {@code condition} is false. */
  public static void check(boolean condition, String template, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(template, args));
    }
  }

  /**
   * Checks a free-text value (possibly personal data): not blank, no surrounding whitespace, no control characters,
   * at most {@code maxLength} characters. The message never contains the value.
   */
  public static String text(String field, String value, int maxLength) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
      throw new IllegalArgumentException(field + " must not start or end with whitespace");
    }
    int length = value.codePointCount(0, value.length());
    if (length > maxLength) {
      throw new IllegalArgumentException(
          field + " must be at most " + maxLength + " characters, was " + length);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
        throw new IllegalArgumentException(
            field + " must not contain control characters (found U+" + String.format("%04X", (int) c)
                + " at index " + i + ")");
      }
    }
    return value;
  }

  /** Like {@link #text} but also refuses line breaks and tabs (names, single-line labels). */
  public static String line(String field, String value, int maxLength) {
    text(field, value, maxLength);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        throw new IllegalArgumentException(field + " must be a single line (found a line break or tab at index "
            + i + ")");
      }
    }
    return value;
  }

  /** Checks a lower-case token such as a channel, purpose, stage id or skill: {@code [a-z0-9][a-z0-9_.:-]{0,63}}. */
  public static String token(String field, String value) {
    if (!TOKEN.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field + " must be a lower-case token matching " + TOKEN.pattern() + ", was '" + printable(value) + "'");
    }
    return value;
  }

  /** Checks every element of a collection of tokens. */
  public static void tokens(String field, Collection<String> values) {
    for (String value : values) {
      token(field + " element", value);
    }
  }

  /** Checks the keys of a custom-attribute map and its size. */
  public static void attributeKeys(String field, Map<String, ?> attributes) {
    size(field, attributes.size(), 256);
    for (String key : attributes.keySet()) {
      if (!ATTRIBUTE_KEY.matcher(key).matches()) {
        throw new IllegalArgumentException(field + " key must match " + ATTRIBUTE_KEY.pattern() + ", was '"
            + printable(key) + "'");
      }
    }
  }

  /** Checks that a collection has at most {@code max} elements. */
  public static void size(String field, int size, int max) {
    if (size > max) {
      throw new IllegalArgumentException(field + " must have at most " + max + " elements, had " + size);
    }
  }

  /** Checks that {@code later} is not before {@code earlier}. */
  public static void notBefore(String laterField, Instant later, String earlierField, Instant earlier) {
    if (later.isBefore(earlier)) {
      throw new IllegalArgumentException(
          laterField + " must not be before " + earlierField + ", was " + later + " < " + earlier);
    }
  }

  /** Checks that a double is finite. */
  public static double finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be a finite number, was " + value);
    }
    return value;
  }

  /** Checks that a double lies within the closed range [min, max]. */
  public static double range(String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          field + " must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  /** Checks that an int lies within the closed range [min, max]. */
  public static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          field + " must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  /** Checks that an int is not negative. */
  public static int notNegative(String field, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative, was " + value);
    }
    return value;
  }

  /** Shortens and escapes a non-personal value for an error message. */
  public static String printable(String value) {
    StringBuilder out = new StringBuilder();
    int limit = Math.min(value.length(), 64);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    if (value.length() > limit) {
      out.append("...");
    }
    return out.toString();
  }
}
