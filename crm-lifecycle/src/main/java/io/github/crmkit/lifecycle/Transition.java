package io.github.crmkit.lifecycle;

import java.util.List;
import java.util.Objects;

/**
 * A named transition: the event name the host fires (for example {@code qualify}), the stages it may be fired from,
 * the stage it leads to, whether it is an explicit reopen, and its guards.
 *
 * <p>The components are checked for nulls here and for everything else when a {@link PipelineDefinition} is built.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the event name, a lower-case token unique in its pipeline
 * @param from the stages it may be fired from; empty for every open stage
 * @param to the target stage
 * @param reopen whether this is an explicit reopen (may go backward or leave a terminal stage when the policy
 *     allows reopening)
 * @param guards the conditions checked against the context; all must hold
 */
public record Transition(String name, List<String> from, String to, boolean reopen, List<Guard> guards) {

  /**
   * Checks the components for nulls and copies the lists.
   *
   * @throws NullPointerException if a component or list element is null
   */
  public Transition {
    Objects.requireNonNull(name, "Transition.name");
    Objects.requireNonNull(to, "Transition.to");
    from = List.copyOf(from);
    guards = List.copyOf(guards);
  }

  /**
   * A transition without guards that is not a reopen.
   *
   * @param name the event name
   * @param to the target stage
   * @param from the source stages, none for every open stage
   * @return the transition
   */
  public static Transition of(String name, String to, String... from) {
    return new Transition(name, List.of(from), to, false, List.of());
  }

  /**
   * An explicit reopen without guards.
   *
   * @param name the event name
   * @param to the target stage
   * @param from the source stages
   * @return the transition
   */
  public static Transition reopen(String name, String to, String... from) {
    return new Transition(name, List.of(from), to, true, List.of());
  }

  /**
   * Returns a copy with other guards.
   *
   * @param guards the guards
   * @return the copy
   */
  public Transition withGuards(Guard... guards) {
    return new Transition(name, from, to, reopen, List.of(guards));
  }
}
