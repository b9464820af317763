package io.github.crmkit.lifecycle;

import java.util.Objects;

/**
 * A condition a named {@link Transition} checks against the {@link TransitionContext} before it is accepted: a field
 * must be present, equal a value, or be at least or at most a number. The field {@code amount} is the context's
 * amount; any other name is looked up in the context's fields.
 *
 * <p>Immutable and thread-safe.
 *
 * @param field the field name
 * @param operator what to check
 * @param value the value compared with, empty for {@link Operator#PRESENT}; a decimal number for the numeric
 *     operators
 */
public record Guard(String field, Operator operator, String value) {

  /** What a guard checks. */
  public enum Operator {
    /** The field is present and not blank. */
    PRESENT("present"),
    /** The field equals the value. */
    EQUALS("equals"),
    /** The field is a number at least the value. */
    AT_LEAST("at_least"),
    /** The field is a number at most the value. */
    AT_MOST("at_most");

    private final String json;

    Operator(String json) {
      this.json = json;
    }

    /**
     * The name in JSON documents.
     *
     * @return the JSON name
     */
    public String jsonName() {
      return json;
    }

    static Operator fromJson(String name) {
      for (Operator operator : values()) {
        if (operator.json.equals(name)) {
          return operator;
        }
      }
      return null;
    }
  }

  /**
   * Checks the components for nulls.
   *
   * @throws NullPointerException if a component is null
   */
  public Guard {
    Objects.requireNonNull(field, "Guard.field");
    Objects.requireNonNull(operator, "Guard.operator");
    Objects.requireNonNull(value, "Guard.value");
  }

  /**
   * A guard requiring a field to be present.
   *
   * @param field the field
   * @return the guard
   */
  public static Guard present(String field) {
    return new Guard(field, Operator.PRESENT, "");
  }

  /**
   * A guard requiring a numeric field to be at least a value.
   *
   * @param field the field
   * @param minimum the minimum
   * @return the guard
   */
  public static Guard atLeast(String field, double minimum) {
    return new Guard(field, Operator.AT_LEAST, Double.toString(minimum));
  }

  boolean test(TransitionContext context) {
    if (field.equals("amount")) {
      double amount = context.amount();
      return switch (operator) {
        case PRESENT -> !Double.isNaN(amount);
        case EQUALS -> !Double.isNaN(amount) && amount == Double.parseDouble(value);
        case AT_LEAST -> amount >= Double.parseDouble(value);
        case AT_MOST -> amount <= Double.parseDouble(value);
      };
    }
    String actual = context.fields().get(field);
    if (actual == null || actual.isBlank()) {
      return false;
    }
    return switch (operator) {
      case PRESENT -> true;
      case EQUALS -> actual.equals(value);
      case AT_LEAST, AT_MOST -> {
        double number;
        try {
          number = Double.parseDouble(actual.trim());
        } catch (NumberFormatException e) {
          yield false;
        }
        yield operator == Operator.AT_LEAST ? number >= Double.parseDouble(value)
            : number <= Double.parseDouble(value);
      }
    };
  }

  /** Returns {@code field operator value}, without the context's values. */
  @Override
  public String toString() {
    return operator == Operator.PRESENT ? field + " present" : field + " " + operator.json + " " + value;
  }
}
