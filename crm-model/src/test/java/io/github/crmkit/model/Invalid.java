package io.github.crmkit.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One way to break a validation rule, for parameterized tests: the action that must be refused and the exact message
 * expected. The message is the test's display name, so a report shows which rule failed.
 */
public final class Invalid {
  private final String message;
  private final Action action;
  private final Class<? extends Throwable> type;

  /** Code that is expected to throw. */
  @FunctionalInterface
  public interface Action {
    /**
     * Runs the code.
     *
     * @throws Throwable the expected exception
     */
    void run() throws Throwable;
  }

  private Invalid(Class<? extends Throwable> type, String message, Action action) {
    this.type = type;
    this.message = message;
    this.action = action;
  }

  /**
   * An action refused with an {@link IllegalArgumentException} carrying exactly this message.
   *
   * @param message the exact message
   * @param action the action
   * @return the case
   */
  public static Invalid because(String message, Action action) {
    return new Invalid(IllegalArgumentException.class, message, action);
  }

  /**
   * An action refused with an exception of exactly the given type carrying exactly this message.
   *
   * @param type the exception type
   * @param message the exact message
   * @param action the action
   * @return the case
   */
  public static Invalid because(Class<? extends Throwable> type, String message, Action action) {
    return new Invalid(type, message, action);
  }

  /** Runs the action and checks the exception's exact type and message. */
  public void assertRefused() {
    assertThatThrownBy(action::run).isExactlyInstanceOf(type).hasMessage(message);
  }

  @Override
  public String toString() {
    return message;
  }
}
