package io.github.crmkit.routing;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The kinds of lead fields conditions may name, and which field has which kind.
 *
 * <p>Immutable and thread-safe.
 */
enum FieldKind {
  /** A string field: equality, in, starts-with, contains, exists. */
  STRING,
  /** The lead status: equality and in over {@code LeadStatus} names, exists. */
  STATUS,
  /** The rating: ordered {@code COLD < WARM < HOT}; equality, in, comparisons, between, exists. */
  RATING,
  /** The score: numeric comparisons, between, in, exists. */
  NUMBER,
  /** A set of ids: contains (an element), in (any of), exists (non-empty). */
  SET,
  /** A custom attribute, typed at run time. */
  ATTRIBUTE;

  static final String ATTRIBUTE_PREFIX = "attributes.";
  private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

  /** Slots of the built-in fields, in the order {@link LeadFacts} fills them. */
  static final Map<String, Integer> SLOTS = Map.ofEntries(
      Map.entry("sourceChannel", 0), Map.entry("campaign", 1), Map.entry("company", 2),
      Map.entry("countryCode", 3), Map.entry("region", 4), Map.entry("city", 5), Map.entry("territory", 6),
      Map.entry("status", 7), Map.entry("rating", 8), Map.entry("score", 9), Map.entry("productInterests", 10),
      Map.entry("productGroupInterests", 11), Map.entry("owner", 12), Map.entry("customer", 13));

  /** The number of built-in slots. */
  static final int BUILT_IN_SLOTS = 14;

  /**
   * Returns the kind of a field name, or null for an unknown field.
   *
   * @param field the name
   * @return the kind
   */
  static FieldKind of(String field) {
    if (field == null) {
      return null;
    }
    Integer slot = SLOTS.get(field);
    if (slot == null) {
      if (field.startsWith(ATTRIBUTE_PREFIX)
          && ATTRIBUTE_KEY.matcher(field.substring(ATTRIBUTE_PREFIX.length())).matches()) {
        return ATTRIBUTE;
      }
      return null;
    }
    return switch (slot) {
      case 7 -> STATUS;
      case 8 -> RATING;
      case 9 -> NUMBER;
      case 10, 11 -> SET;
      default -> STRING;
    };
  }

  /**
   * The rating's order, {@code COLD = 1}, {@code WARM = 2}, {@code HOT = 3}; 0 if not a rating name.
   *
   * @param rating the rating
   * @return the ordinal
   */
  static int ratingOrdinal(io.github.crmkit.model.LeadRating rating) {
    return switch (rating) {
      case COLD -> 1;
      case WARM -> 2;
      case HOT -> 3;
    };
  }

  /**
   * The rating's order by name, as {@link #ratingOrdinal(io.github.crmkit.model.LeadRating)}; 0 if not a rating.
   *
   * @param name the name
   * @return the ordinal
   */
  static int ratingOrdinal(String name) {
    return switch (name) {
      case "COLD" -> 1;
      case "WARM" -> 2;
      case "HOT" -> 3;
      default -> 0;
    };
  }
}
