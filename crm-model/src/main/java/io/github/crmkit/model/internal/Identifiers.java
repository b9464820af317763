package io.github.crmkit.model.internal;

/**
 * Validation shared by every typed identifier. Identifiers are not personal data, so messages may echo them.
 *
 * <p>Internal: not exported. Thread-safe (stateless).
 */
public final class Identifiers {
  /** The longest identifier accepted, in UTF-16 code units. */
  public static final int MAX_LENGTH = 128;

  private Identifiers() {}

  /**
   * Checks an identifier's value.
   *
   * @param type the identifier's type name, used in messages
   * @param value the value
   */
  public static void check(String type, String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException(type + " must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          type + " must be at most " + MAX_LENGTH + " characters, was " + value.length());
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(type + " must not be blank");
    }
    if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
      throw new IllegalArgumentException(
          type + " must not start or end with whitespace, was '" + Checks.printable(value) + "'");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(
            type + " must not contain control characters, was '" + Checks.printable(value) + "'");
      }
    }
  }
}
