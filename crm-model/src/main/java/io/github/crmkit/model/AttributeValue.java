package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.AttributeValueJson;
import io.github.crmkit.model.internal.Checks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A typed value of a custom attribute: a string, a long, a decimal, a boolean, a date, an instant or a list of
 * strings. Custom attributes ({@code attributes()} on the aggregates, keyed by name) let hosts and vendors add fields
 * without subclassing the model.
 *
 * <p>The typed accessors ({@link #asString()}, {@link #asLong()} and so on) throw {@link IllegalStateException} when
 * the value is of another {@link #type()}. {@link #toString()} shows the type only, never the value, because
 * custom attributes may hold personal data. In JSON a value is an object with one member named after its type, for
 * example {@code {"string": "gold"}}, {@code {"long": 12}}, {@code {"decimal": "0.25"}}, {@code {"boolean": true}},
 * {@code {"date": "2024-05-01"}}, {@code {"instant": "2024-05-01T08:00:00Z"}} or {@code {"strings": ["a", "b"]}}.
 *
 * <p>Immutable and thread-safe.
 */
@JsonSerialize(using = AttributeValueJson.Serializer.class)
@JsonDeserialize(using = AttributeValueJson.Deserializer.class)
public final class AttributeValue {
  /** The longest string value accepted, in characters. */
  public static final int MAX_STRING_LENGTH = 4096;

  /** The most elements a list of strings may hold. */
  public static final int MAX_LIST_SIZE = 1000;

  /** The type of an attribute value. */
  public enum Type {
    /** A string of at most {@value AttributeValue#MAX_STRING_LENGTH} characters. */
    STRING,
    /** A 64-bit integer. */
    LONG,
    /** An exact decimal number. */
    DECIMAL,
    /** A boolean. */
    BOOLEAN,
    /** A calendar date. */
    DATE,
    /** An instant on the time line. */
    INSTANT,
    /** A list of at most {@value AttributeValue#MAX_LIST_SIZE} strings. */
    STRINGS;

    /**
     * Returns the JSON member name of the type, for example {@code "string"}.
     *
     * @return the lower-case name
     */
    public String jsonName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Type type;
  private final Object value;

  private AttributeValue(Type type, Object value) {
    this.type = type;
    this.value = value;
  }

  /**
   * Returns a string value.
   *
   * @param value at most {@value #MAX_STRING_LENGTH} characters, may be empty
   * @return the attribute value
   */
  public static AttributeValue ofString(String value) {
    Objects.requireNonNull(value, "value");
    if (value.length() > MAX_STRING_LENGTH) {
      throw new IllegalArgumentException(
          "AttributeValue string must be at most " + MAX_STRING_LENGTH + " characters, was " + value.length());
    }
    return new AttributeValue(Type.STRING, value);
  }

  /**
   * Returns a long value.
   *
   * @param value the value
   * @return the attribute value
   */
  public static AttributeValue ofLong(long value) {
    return new AttributeValue(Type.LONG, value);
  }

  /**
   * Returns a decimal value. Its scale is kept: {@code 1.0} and {@code 1.00} are different values.
   *
   * @param value the value
   * @return the attribute value
   */
  public static AttributeValue ofDecimal(BigDecimal value) {
    Objects.requireNonNull(value, "value");
    return new AttributeValue(Type.DECIMAL, value);
  }

  /**
   * Returns a boolean value.
   *
   * @param value the value
   * @return the attribute value
   */
  public static AttributeValue ofBoolean(boolean value) {
    return new AttributeValue(Type.BOOLEAN, value);
  }

  /**
   * Returns a date value.
   *
   * @param value the value
   * @return the attribute value
   */
  public static AttributeValue ofDate(LocalDate value) {
    return new AttributeValue(Type.DATE, Objects.requireNonNull(value, "value"));
  }

  /**
   * Returns an instant value.
   *
   * @param value the value
   * @return the attribute value
   */
  public static AttributeValue ofInstant(Instant value) {
    return new AttributeValue(Type.INSTANT, Objects.requireNonNull(value, "value"));
  }

  /**
   * Returns a list-of-strings value.
   *
   * @param values at most {@value #MAX_LIST_SIZE} non-null strings of at most {@value #MAX_STRING_LENGTH}
   *     characters each; copied
   * @return the attribute value
   */
  public static AttributeValue ofStrings(List<String> values) {
    List<String> copy = List.copyOf(values);
    Checks.size("AttributeValue strings", copy.size(), MAX_LIST_SIZE);
    for (String value : copy) {
      if (value.length() > MAX_STRING_LENGTH) {
        throw new IllegalArgumentException("AttributeValue strings element must be at most " + MAX_STRING_LENGTH
            + " characters, was " + value.length());
      }
    }
    return new AttributeValue(Type.STRINGS, copy);
  }

  /**
   * Returns the value's type.
   *
   * @return the type
   */
  public Type type() {
    return type;
  }

  /**
   * Returns the string value.
   *
   * @return the value
   * @throws IllegalStateException if the type is not {@link Type#STRING}
   */
  public String asString() {
    return (String) expect(Type.STRING);
  }

  /**
   * Returns the long value.
   *
   * @return the value
   * @throws IllegalStateException if the type is not {@link Type#LONG}
   */
  public long asLong() {
    return (Long) expect(Type.LONG);
  }

  /**
   * Returns the decimal value.
   *
   * @return the value
   * @throws IllegalStateException if the type is not {@link Type#DECIMAL}
   */
  public BigDecimal asDecimal() {
    return (BigDecimal) expect(Type.DECIMAL);
  }

  /**
   * Returns the boolean value.
   *
   * @return the value
   * @throws IllegalStateException if the type is not {@link Type#BOOLEAN}
   */
  public boolean asBoolean() {
    return (Boolean) expect(Type.BOOLEAN);
  }

  /**
   * Returns the date value.
   *
   * @return the value
   * @throws IllegalStateException if the type is not {@link Type#DATE}
   */
  public LocalDate asDate() {
    return (LocalDate) expect(Type.DATE);
  }

  /**
   * Returns the instant value.
   *
   * @return the value
   * @throws IllegalStateException if the type is not {@link Type#INSTANT}
   */
  public Instant asInstant() {
    return (Instant) expect(Type.INSTANT);
  }

  /**
   * Returns the list-of-strings value.
   *
   * @return the value, unmodifiable
   * @throws IllegalStateException if the type is not {@link Type#STRINGS}
   */
  @SuppressWarnings("unchecked")
  public List<String> asStrings() {
    return (List<String>) expect(Type.STRINGS);
  }

  private Object expect(Type expected) {
    if (type != expected) {
      throw new IllegalStateException("attribute value is of type " + type + ", not " + expected);
    }
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof AttributeValue
            && type == ((AttributeValue) other).type
            && value.equals(((AttributeValue) other).value);
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + value.hashCode();
  }

  /** Returns the type only; the value is never shown because it may be personal data. */
  @Override
  public String toString() {
    return "AttributeValue{type=" + type + ", value=***}";
  }
}
