package io.github.crmkit.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.crmkit.model.internal.CrmStyle;
import java.text.Normalizer;
import org.immutables.value.Value;

/**
 * A telephone number in E.164 form, for example {@code +8613812345678} (personal data).
 *
 * <p>{@link #of} accepts an international number with its {@code +} (or {@code 00}) prefix; {@link #parse} also
 * accepts a national number and a default country calling code. Both normalise full-width digits and signs (NFKC)
 * and drop spaces, hyphens, dots, slashes and parentheses. A valid number has 8 to 15 digits after the {@code +},
 * the first of them not zero. This is a structural check; numbering-plan validation per country is left to the
 * host. Messages never contain the number; {@link #toString()} masks it. In JSON a number is a plain string.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable(builder = false)
@CrmStyle
public abstract class PhoneNumber {
  PhoneNumber() {}

  /**
   * Returns the number in E.164 form.
   *
   * @return {@code +} followed by 8 to 15 digits
   */
  @JsonValue
  @Value.Parameter
  @Value.Redacted
  public abstract String value();

  /**
   * Parses an international number such as {@code +86 138-1234-5678} or {@code 0049 30 1234567}.
   *
   * @param number the number as typed
   * @return the number
   * @throws IllegalArgumentException if it is not an international number of 8 to 15 digits
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static PhoneNumber of(String number) {
    String digits = clean(number);
    if (digits.startsWith("00")) {
      digits = "+" + digits.substring(2);
    }
    if (!digits.startsWith("+")) {
      throw new IllegalArgumentException(
          "PhoneNumber must start with '+' or '00' and a country calling code; use parse(number, callingCode) "
              + "for national numbers");
    }
    return ImmutablePhoneNumber.of(digits);
  }

  /**
   * Parses a number that may be national, completing it with a default country calling code. A national trunk
   * prefix {@code 0} is dropped ({@code 030 1234567} with {@code "49"} becomes {@code +49301234567}).
   *
   * @param number the number as typed
   * @param defaultCallingCode the country calling code without {@code +}, for example {@code "86"}
   * @return the number
   * @throws IllegalArgumentException if the result is not a number of 8 to 15 digits
   */
  public static PhoneNumber parse(String number, String defaultCallingCode) {
    if (!defaultCallingCode.matches("[1-9][0-9]{0,2}")) {
      throw new IllegalArgumentException("PhoneNumber calling code must be 1 to 3 digits, was '"
          + io.github.crmkit.model.internal.Checks.printable(defaultCallingCode) + "'");
    }
    String digits = clean(number);
    if (digits.startsWith("+") || digits.startsWith("00")) {
      return of(digits);
    }
    if (digits.startsWith("0")) {
      digits = digits.substring(1);
    }
    return ImmutablePhoneNumber.of("+" + defaultCallingCode + digits);
  }

  private static String clean(String number) {
    String s = Normalizer.normalize(number, Normalizer.Form.NFKC).strip();
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '\u00a0') {
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  @Value.Check
  final void check() {
    String s = value();
    if (s.length() < 9 || s.length() > 16 || s.charAt(0) != '+') {
      throw new IllegalArgumentException("PhoneNumber must be '+' followed by 8 to 15 digits");
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException(
            "PhoneNumber must hold only digits after '+' (found another character at index " + i + ")");
      }
    }
    if (s.charAt(1) == '0') {
      throw new IllegalArgumentException("PhoneNumber country calling code must not start with 0");
    }
  }
}
