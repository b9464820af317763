package io.github.crmkit.model;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes known to the JDK. */
final class Countries {
  private static final Set<String> CODES = Set.of(Locale.getISOCountries());

  private Countries() {}

  static String check(String field, String code) {
    if (!CODES.contains(code)) {
      throw new IllegalArgumentException(field + " must be an upper-case ISO 3166-1 alpha-2 code such as CN or DE, was '"
          + io.github.crmkit.model.internal.Checks.printable(code) + "'");
    }
    return code;
  }
}
