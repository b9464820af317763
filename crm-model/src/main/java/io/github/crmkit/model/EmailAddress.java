package io.github.crmkit.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.crmkit.model.internal.CrmStyle;
import java.text.Normalizer;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * An email address (personal data).
 *
 * <p>{@link #of} normalises its input: Unicode NFKC (so a full-width {@code ＠} typed on a Chinese keyboard becomes
 * {@code @}), surrounding whitespace trimmed, the domain lower-cased; the local part keeps its case. It then checks
 * the shape: exactly one {@code @}, a local part of 1 to 64 characters, a domain of dot-separated labels of 1 to 63
 * letters, digits or hyphens (internationalised labels allowed), 254 characters at most, no whitespace. Messages
 * never contain the address. {@link #toString()} masks it. In JSON an address is a plain string.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable(builder = false)
@CrmStyle
public abstract class EmailAddress {
  EmailAddress() {}

  /**
   * Returns the normalised address.
   *
   * @return the address
   */
  @JsonValue
  @Value.Parameter
  @Value.Redacted
  public abstract String value();

  /**
   * Parses and normalises an email address.
   *
   * @param address the address as typed
   * @return the address
   * @throws IllegalArgumentException if it is not a plausible address (the message does not repeat it)
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static EmailAddress of(String address) {
    return ImmutableEmailAddress.of(normalize(address));
  }

  static String normalize(String address) {
    String s = Normalizer.normalize(address, Normalizer.Form.NFKC).strip();
    int at = s.lastIndexOf('@');
    if (at < 0) {
      return s;
    }
    return s.substring(0, at + 1) + s.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the domain part, lower-cased.
   *
   * @return the domain, for example {@code example.com}
   */
  public final String domain() {
    return value().substring(value().indexOf('@') + 1);
  }

  @Value.Check
  final void check() {
    String s = value();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("EmailAddress must not be blank");
    }
    if (s.length() > 254) {
      throw new IllegalArgumentException("EmailAddress must be at most 254 characters, was " + s.length());
    }
    int at = s.indexOf('@');
    if (at < 0 || at != s.lastIndexOf('@')) {
      throw new IllegalArgumentException("EmailAddress must contain exactly one '@'");
    }
    if (at == 0 || at > 64) {
      throw new IllegalArgumentException("EmailAddress local part must be 1 to 64 characters, was " + at);
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "EmailAddress must not contain whitespace or control characters (index " + i + ")");
      }
    }
    String domain = s.substring(at + 1);
    if (domain.isEmpty() || !domain.contains(".")) {
      throw new IllegalArgumentException("EmailAddress domain must contain at least one dot");
    }
    for (String label : domain.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63) {
        throw new IllegalArgumentException("EmailAddress domain labels must be 1 to 63 characters");
      }
      if (label.startsWith("-") || label.endsWith("-")) {
        throw new IllegalArgumentException("EmailAddress domain labels must not start or end with '-'");
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!(Character.isLetterOrDigit(c) || c == '-')) {
          throw new IllegalArgumentException(
              "EmailAddress domain must hold only letters, digits, hyphens and dots");
        }
      }
    }
  }
}
