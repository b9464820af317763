package io.github.crmkit.lifecycle;

/**
 * An event of one {@link PipelineDefinition}, resolved once so that firing it is a table look-up: a named
 * transition ({@link PipelineDefinition#event(String)}), or, in a pipeline without named transitions, a move to a
 * stage ({@link PipelineDefinition#moveTo(String)}) or an explicit reopen to a stage
 * ({@link PipelineDefinition#reopenTo(String)}).
 *
 * <p>Immutable and thread-safe.
 */
public final class LifecycleEvent {
  /** What kind of event. */
  public enum Kind {
    /** A named transition. */
    TRANSITION,
    /** A direct move to a stage. */
    MOVE,
    /** An explicit reopen to a stage. */
    REOPEN
  }

  final PipelineDefinition definition;
  final int index;
  private final Kind kind;
  private final String name;
  private final Stage target;
  private final String text;

  LifecycleEvent(PipelineDefinition definition, int index, Kind kind, String name, Stage target) {
    this.definition = definition;
    this.index = index;
    this.kind = kind;
    this.name = name;
    this.target = target;
    this.text = switch (kind) {
      case TRANSITION -> name;
      case MOVE -> "move:" + target.name();
      case REOPEN -> "reopen:" + target.name();
    };
  }

  /**
   * The kind of event.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The transition name for a named transition, else the target stage's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The stage the event leads to.
   *
   * @return the target stage
   */
  public Stage target() {
    return target;
  }

  /**
   * The pipeline this event belongs to.
   *
   * @return the definition
   */
  public PipelineDefinition definition() {
    return definition;
  }

  /** Returns the transition name, {@code move:STAGE} or {@code reopen:STAGE}. */
  @Override
  public String toString() {
    return text;
  }
}
