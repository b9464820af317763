package io.github.crmkit.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * A model value that carries custom attributes: typed values keyed by name, so that hosts and vendors add fields
 * without subclassing. Keys match {@code [A-Za-z][A-Za-z0-9_.-]{0,63}}; at most 256 attributes.
 *
 * <p>The typed getters return an empty optional when the attribute is absent and throw
 * {@link IllegalStateException} when it has another type.
 */
public interface Attributed {
  /**
   * Returns the custom attributes.
   *
   * @return an unmodifiable map from name to value
   */
  Map<String, AttributeValue> attributes();

  /**
   * Returns one custom attribute.
   *
   * @param name the attribute's name
   * @return the value, if present
   */
  default Optional<AttributeValue> attribute(String name) {
    return Optional.ofNullable(attributes().get(name));
  }

  /**
   * Returns a string attribute.
   *
   * @param name the attribute's name
   * @return the string, if present
   * @throws IllegalStateException if the attribute is not a string
   */
  default Optional<String> stringAttribute(String name) {
    return attribute(name).map(AttributeValue::asString);
  }

  /**
   * Returns a long attribute.
   *
   * @param name the attribute's name
   * @return the long, if present
   * @throws IllegalStateException if the attribute is not a long
   */
  default Optional<Long> longAttribute(String name) {
    return attribute(name).map(AttributeValue::asLong);
  }

  /**
   * Returns a decimal attribute.
   *
   * @param name the attribute's name
   * @return the decimal, if present
   * @throws IllegalStateException if the attribute is not a decimal
   */
  default Optional<BigDecimal> decimalAttribute(String name) {
    return attribute(name).map(AttributeValue::asDecimal);
  }

  /**
   * Returns a boolean attribute.
   *
   * @param name the attribute's name
   * @return the boolean, if present
   * @throws IllegalStateException if the attribute is not a boolean
   */
  default Optional<Boolean> booleanAttribute(String name) {
    return attribute(name).map(AttributeValue::asBoolean);
  }
}
