package io.github.crmkit.routing.spi;

/**
 * A condition operator a plugin adds: compiled once per use in a policy, then tested against leads.
 *
 * <p>Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface ConditionOperator {
  /**
   * Compiles one use of the operator. The operand is the policy's {@code "value"} as a JDK value: a
   * {@link String}, {@link Long}, {@link Double}, {@link Boolean}, a {@link java.util.List} of those, or null when
   * absent.
   *
   * @param field the policy's {@code "field"}, or null when absent
   * @param value the operand, or null
   * @return the compiled test
   * @throws IllegalArgumentException if the field or operand is not acceptable; the message is reported with the
   *     JSON path of the condition
   */
  LeadPredicate compile(String field, Object value);
}
