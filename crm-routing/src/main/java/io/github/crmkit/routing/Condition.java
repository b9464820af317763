package io.github.crmkit.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A node of a rule's condition: a small typed expression tree over lead fields and custom attributes. In JSON a
 * node is an object with an {@code "op"} and, depending on the operator, {@code "field"}, {@code "value"},
 * {@code "args"} and {@code "zone"}:
 * <ul>
 *   <li>{@code and}, {@code or} (non-empty {@code args}), {@code not} (one element in {@code args}), {@code always};</li>
 *   <li>{@code =}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code in} (an array),
 *       {@code between} (an array of two numbers, inclusive), {@code exists} (no value), {@code starts-with},
 *       {@code contains} (a string; for sets and lists, an element): on a {@code field};</li>
 *   <li>{@code in-territory}: the lead's territory (given, or the most specific territory covering its country,
 *       region and city) is the {@code value} territory or lies within it;</li>
 *   <li>{@code received-hour} ({@code value} {@code [from, to)} hours 0 to 24) and {@code received-weekday}
 *       ({@code value} an array of {@code MONDAY} ... {@code SUNDAY}), in the {@code zone} (an IANA zone id) or the
 *       policy's zone;</li>
 *   <li>any operator a plugin registers, with its own {@code field} and {@code value}.</li>
 * </ul>
 * Fields: {@code sourceChannel}, {@code campaign}, {@code company}, {@code countryCode}, {@code region},
 * {@code city}, {@code territory}, {@code status}, {@code rating} ({@code HOT > WARM > COLD}), {@code score},
 * {@code productInterests}, {@code productGroupInterests}, {@code owner}, {@code customer}, and
 * {@code attributes.NAME} for a custom attribute. A comparison on a missing field is false ({@code !=} too); use
 * {@code exists} and {@code not} to test for absence. No regular expressions.
 *
 * <p>Values are JDK values: {@link String}, {@link Long}, {@link Double}, {@link Boolean} or a list of those.
 *
 * <p>Immutable and thread-safe.
 *
 * @param op the operator
 * @param field the field, or null
 * @param value the operand, or null
 * @param args the operands of {@code and}, {@code or} and {@code not}, otherwise empty
 * @param zone the time zone of a received-time condition, or null for the policy's zone
 */
public record Condition(String op, String field, Object value, List<Condition> args, String zone) {
  private static final Condition ALWAYS = new Condition("always", null, null, List.of(), null);

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException if the operator or an argument is null
   * @throws IllegalArgumentException if the value is not a JDK value as described above
   */
  public Condition {
    Objects.requireNonNull(op, "op");
    args = List.copyOf(args == null ? List.of() : args);
    value = checkValue(value);
  }

  private static Object checkValue(Object value) {
    if (value == null || value instanceof String || value instanceof Long || value instanceof Double
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object element : list) {
        Object checked = checkValue(Objects.requireNonNull(element, "value element"));
        if (checked instanceof List) {
          throw new IllegalArgumentException("Condition.value must not nest lists");
        }
        copy.add(checked);
      }
      return List.copyOf(copy);
    }
    throw new IllegalArgumentException("Condition.value must be a String, Long, Double, Boolean or a list of them, "
        + "was " + value.getClass().getSimpleName());
  }

  /**
   * The condition that always holds (a catch-all).
   *
   * @return the condition
   */
  public static Condition always() {
    return ALWAYS;
  }

  /**
   * All of the conditions.
   *
   * @param conditions the operands, at least one
   * @return the condition
   */
  public static Condition and(Condition... conditions) {
    return new Condition("and", null, null, Arrays.asList(conditions), null);
  }

  /**
   * Any of the conditions.
   *
   * @param conditions the operands, at least one
   * @return the condition
   */
  public static Condition or(Condition... conditions) {
    return new Condition("or", null, null, Arrays.asList(conditions), null);
  }

  /**
   * The negation of a condition.
   *
   * @param condition the operand
   * @return the condition
   */
  public static Condition not(Condition condition) {
    return new Condition("not", null, null, List.of(condition), null);
  }

  /**
   * A comparison or other operator on a field.
   *
   * @param field the field
   * @param op the operator
   * @param value the operand, or null
   * @return the condition
   */
  public static Condition of(String field, String op, Object value) {
    return new Condition(op, field, value, List.of(), null);
  }

  /**
   * Territory membership through the hierarchy.
   *
   * @param territory the territory id
   * @return the condition
   */
  public static Condition inTerritory(String territory) {
    return new Condition("in-territory", null, territory, List.of(), null);
  }

  /**
   * A received-time window by hour of day, {@code from <= hour < to}, in a zone.
   *
   * @param from the first hour, 0 to 23
   * @param to the end hour, exclusive, 1 to 24
   * @param zone the zone id, or null for the policy's zone
   * @return the condition
   */
  public static Condition receivedHour(int from, int to, String zone) {
    return new Condition("received-hour", null, List.of((long) from, (long) to), List.of(), zone);
  }
}
