package io.github.crmkit.lifecycle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pipeline (lifecycle) definition: named, for one object type (lead, opportunity, ticket...), with its stages, its
 * {@link TransitionPolicy} and its named transitions. It is data: built from values or read from JSON
 * ({@link PipelineJson}), validated once, then compiled into a transition table (stage x event to target stage or
 * rejection), so that {@link #fire} is a look-up that allocates only its result. The state of each object (its
 * current {@link Stage}) stays in the host's entity.
 *
 * <p>A pipeline either has named transitions, and then only they can be fired ({@link #event(String)}), or has
 * none, and then any stage can be moved to ({@link #moveTo(String)}, {@link #reopenTo(String)}) as the policy
 * allows. The entry stage is the open stage of the lowest order.
 *
 * <p>Immutable and thread-safe.
 */
public final class PipelineDefinition {
  /** The version of the JSON document this library reads and writes. */
  public static final int VERSION = 1;
  /** The most stages a pipeline may have. */
  public static final int MAX_STAGES = 60;

  private final String name;
  private final String objectType;
  private final TransitionPolicy policy;
  private final List<Stage> stages;
  private final List<Transition> transitions;

  private final Stage[] stageArray;
  private final Map<String, Integer> stageIndex;
  private final Map<String, LifecycleEvent> eventsByName;
  private final LifecycleEvent[] events;
  /** event index * stage count + stage index: the target stage index, or a negative {@link Rejection} code. */
  private final int[] table;
  /** Whether firing the event needs guards, gates or lost reasons checked. */
  private final boolean[] checked;
  /** Per stage: the funnel level (rank among open stages by order; won: open count; lost and closed: -1). */
  private final int[] levels;
  private final int openCount;
  private final int entry;

  private PipelineDefinition(String name, String objectType, TransitionPolicy policy, List<Stage> stages,
      List<Transition> transitions) {
    this.name = name;
    this.objectType = objectType;
    this.policy = policy;
    this.stages = stages;
    this.transitions = transitions;
    int count = stages.size();
    stageArray = stages.toArray(new Stage[0]);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < count; i++) {
      index.put(stageArray[i].name(), i);
    }
    stageIndex = Collections.unmodifiableMap(index);
    levels = new int[count];
    int open = 0;
    int first = -1;
    for (int i = 0; i < count; i++) {
      if (stageArray[i].kind() == StageKind.OPEN) {
        open++;
        if (first < 0 || stageArray[i].order() < stageArray[first].order()) {
          first = i;
        }
        int rank = 0;
        for (Stage other : stageArray) {
          if (other.kind() == StageKind.OPEN && other.order() < stageArray[i].order()) {
            rank++;
          }
        }
        levels[i] = rank;
      }
    }
    for (int i = 0; i < count; i++) {
      if (stageArray[i].kind() != StageKind.OPEN) {
        levels[i] = stageArray[i].kind() == StageKind.WON ? open : -1;
      }
    }
    openCount = open;
    entry = first;

    int transitionCount = transitions.size();
    events = new LifecycleEvent[transitionCount + 2 * count];
    Map<String, LifecycleEvent> byName = new HashMap<>();
    for (int t = 0; t < transitionCount; t++) {
      Transition transition = transitions.get(t);
      events[t] = new LifecycleEvent(this, t, LifecycleEvent.Kind.TRANSITION, transition.name(),
          stageArray[index.get(transition.to())]);
      byName.put(transition.name(), events[t]);
    }
    for (int s = 0; s < count; s++) {
      events[transitionCount + s] = new LifecycleEvent(this, transitionCount + s, LifecycleEvent.Kind.MOVE,
          stageArray[s].name(), stageArray[s]);
      events[transitionCount + count + s] = new LifecycleEvent(this, transitionCount + count + s,
          LifecycleEvent.Kind.REOPEN, stageArray[s].name(), stageArray[s]);
    }
    eventsByName = Collections.unmodifiableMap(byName);
    table = new int[events.length * count];
    checked = new boolean[events.length];
    for (int e = 0; e < events.length; e++) {
      Stage target = events[e].target();
      int targetIndex = index.get(target.name());
      checked[e] = !target.requiredFields().isEmpty()
          || (target.kind() == StageKind.LOST && !target.lostReasons().isEmpty())
          || (e < transitionCount && !transitions.get(e).guards().isEmpty());
      for (int s = 0; s < count; s++) {
        int code;
        if (e < transitionCount) {
          Transition transition = transitions.get(e);
          boolean fromHere = transition.from().isEmpty() ? stageArray[s].kind() == StageKind.OPEN
              : transition.from().contains(stageArray[s].name());
          code = fromHere ? staticCode(policy, stageArray[s], target, targetIndex, transition.reopen())
              : Rejection.NO_SUCH_TRANSITION.code();
        } else if (transitionCount > 0) {
          code = Rejection.NO_SUCH_TRANSITION.code();
        } else {
          boolean reopen = e >= transitionCount + count;
          code = staticCode(policy, stageArray[s], target, targetIndex, reopen);
        }
        table[e * count + s] = code;
      }
    }
  }

  /** The target index if the policy allows moving from {@code from} to {@code to}, else a rejection code. */
  static int staticCode(TransitionPolicy policy, Stage from, Stage to, int toIndex, boolean reopen) {
    if (from.name().equals(to.name())) {
      return Rejection.ALREADY_IN_STAGE.code();
    }
    boolean leavingTerminal = from.kind().isTerminal();
    boolean backward = !leavingTerminal && !to.kind().isTerminal() && to.order() <= from.order();
    if (!leavingTerminal && !backward) {
      return toIndex;
    }
    return switch (policy) {
      case FREE -> toIndex;
      case FORWARD_ONLY -> leavingTerminal ? Rejection.STAGE_IS_FINAL.code()
          : Rejection.BACKWARD_NOT_ALLOWED.code();
      case REOPEN_TO_GO_BACK -> reopen ? toIndex : Rejection.REOPEN_REQUIRED.code();
    };
  }

  /**
   * Validates and compiles a definition.
   *
   * @param name the pipeline name, a lower-case token (unique among the host's pipelines)
   * @param objectType the object type, a lower-case token such as {@code lead}, {@code opportunity} or
   *     {@code ticket}; it is the aggregate type of the domain events
   * @param policy the transition policy
   * @param stages the stages, in any order
   * @param transitions the named transitions, empty for a pipeline of direct moves
   * @return the definition
   * @throws PipelineDefinitionException listing every problem with its JSON path
   */
  public static PipelineDefinition of(String name, String objectType, TransitionPolicy policy, List<Stage> stages,
      List<Transition> transitions) {
    List<PipelineProblem> problems = validate(name, objectType, policy, stages, transitions);
    if (!problems.isEmpty()) {
      throw new PipelineDefinitionException(problems);
    }
    return new PipelineDefinition(name, objectType, policy, List.copyOf(stages), List.copyOf(transitions));
  }

  /**
   * Validates a definition without building it: names (tokens, no duplicates), orders, probabilities in [0, 1]
   * (won stages 1, lost stages 0), forecast categories (lost stages omitted), gates, stall limits, lost reasons,
   * transitions (known stages, guards, whether the policy lets them fire at all), at least one open and one
   * terminal stage, every stage reachable from the entry stage and a terminal stage reachable from every open one.
   *
   * @param name the pipeline name
   * @param objectType the object type
   * @param policy the transition policy
   * @param stages the stages
   * @param transitions the named transitions
   * @return the problems, empty when valid
   */
  public static List<PipelineProblem> validate(String name, String objectType, TransitionPolicy policy,
      List<Stage> stages, List<Transition> transitions) {
    return PipelineValidator.validate(name, objectType, policy, stages, transitions);
  }

  /**
   * The pipeline's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The object type, the aggregate type of the domain events.
   *
   * @return the object type
   */
  public String objectType() {
    return objectType;
  }

  /**
   * The transition policy.
   *
   * @return the policy
   */
  public TransitionPolicy policy() {
    return policy;
  }

  /**
   * The stages, in the order given.
   *
   * @return the stages, unmodifiable
   */
  public List<Stage> stages() {
    return stages;
  }

  /**
   * The named transitions.
   *
   * @return the transitions, unmodifiable, empty for a pipeline of direct moves
   */
  public List<Transition> transitions() {
    return transitions;
  }

  /**
   * The entry stage: the open stage of the lowest order, where new objects start and cohorts are counted from.
   *
   * @return the entry stage
   */
  public Stage entryStage() {
    return stageArray[entry];
  }

  /**
   * Returns a stage by name.
   *
   * @param stageName the name
   * @return the stage
   * @throws IllegalArgumentException if the pipeline has no such stage
   */
  public Stage stage(String stageName) {
    return stageArray[indexOf(stageName)];
  }

  /**
   * Whether the pipeline has a stage of this name.
   *
   * @param stageName the name
   * @return true if it has
   */
  public boolean hasStage(String stageName) {
    return stageIndex.containsKey(stageName);
  }

  int indexOf(String stageName) {
    Integer i = stageIndex.get(Objects.requireNonNull(stageName, "stageName"));
    if (i == null) {
      throw new IllegalArgumentException("pipeline '" + name + "' has no stage '" + stageName + "'");
    }
    return i;
  }

  int indexOf(Stage stage) {
    Stage[] array = stageArray;
    for (int i = 0; i < array.length; i++) {
      if (array[i] == stage) {
        return i;
      }
    }
    Objects.requireNonNull(stage, "stage");
    Integer i = stageIndex.get(stage.name());
    if (i == null || !array[i].equals(stage)) {
      throw new IllegalArgumentException("stage '" + stage.name() + "' is not a stage of pipeline '" + name + "'");
    }
    return i;
  }

  int stageCount() {
    return stageArray.length;
  }

  Stage stageAt(int index) {
    return stageArray[index];
  }

  /** The funnel level of a stage index: rank among open stages, open count for won, -1 for lost and closed. */
  int level(int stage) {
    return levels[stage];
  }

  /** The number of open stages; the level of a won stage. */
  int openCount() {
    return openCount;
  }

  /**
   * Returns the event of a named transition.
   *
   * @param transitionName the transition's name
   * @return the event
   * @throws IllegalArgumentException if the pipeline has no such transition
   */
  public LifecycleEvent event(String transitionName) {
    LifecycleEvent event = eventsByName.get(Objects.requireNonNull(transitionName, "transitionName"));
    if (event == null) {
      throw new IllegalArgumentException("pipeline '" + name + "' has no transition '" + transitionName + "'");
    }
    return event;
  }

  /**
   * Returns the event of a direct move to a stage; in a pipeline of named transitions firing it is rejected with
   * {@link Rejection#NO_SUCH_TRANSITION}.
   *
   * @param stageName the target stage
   * @return the event
   * @throws IllegalArgumentException if the pipeline has no such stage
   */
  public LifecycleEvent moveTo(String stageName) {
    return events[transitions.size() + indexOf(stageName)];
  }

  /**
   * Returns the event of an explicit reopen to a stage (a move that may go backward or leave a terminal stage when
   * the policy allows reopening); in a pipeline of named transitions firing it is rejected.
   *
   * @param stageName the target stage
   * @return the event
   * @throws IllegalArgumentException if the pipeline has no such stage
   */
  public LifecycleEvent reopenTo(String stageName) {
    return events[transitions.size() + stageArray.length + indexOf(stageName)];
  }

  /**
   * Every event of this pipeline: the named transitions, then a move to each stage, then a reopen to each stage.
   *
   * @return the events, unmodifiable
   */
  public List<LifecycleEvent> events() {
    return List.of(events);
  }

  /**
   * Fires an event: a pure function of this definition, the current stage, the event and the context. The event is
   * accepted when the table allows it from the current stage and the transition's guards, the target's gate
   * (required fields) and, for a lost stage listing lost reasons, the lost reason hold; otherwise it is rejected
   * with a {@link Rejection}. Only the result is allocated.
   *
   * @param current the object's current stage, a stage of this pipeline
   * @param event an event of this pipeline
   * @param context the object id, instant, actor, reasons, amount and fields
   * @return the result, accepted or rejected
   * @throws IllegalArgumentException if the stage or event belongs to another pipeline
   */
  public FireResult fire(Stage current, LifecycleEvent event, TransitionContext context) {
    Objects.requireNonNull(context, "context");
    if (event.definition != this) {
      throw new IllegalArgumentException("event " + event + " is not an event of pipeline '" + name + "'");
    }
    int from = indexOf(current);
    int e = event.index;
    int code = table[e * stageArray.length + from];
    if (code < 0) {
      return new FireResult(this, current, current, event, context, Rejection.ofCode(code), -1);
    }
    Stage target = stageArray[code];
    if (checked[e]) {
      if (e < transitions.size()) {
        List<Guard> guards = transitions.get(e).guards();
        for (int i = 0; i < guards.size(); i++) {
          if (!guards.get(i).test(context)) {
            return new FireResult(this, current, current, event, context, Rejection.GUARD_FAILED, i);
          }
        }
      }
      List<String> required = target.requiredFields();
      for (int i = 0; i < required.size(); i++) {
        if (!context.has(required.get(i))) {
          return new FireResult(this, current, current, event, context, Rejection.REQUIRED_FIELD_MISSING, i);
        }
      }
      if (target.kind() == StageKind.LOST && !target.lostReasons().isEmpty()) {
        String reason = context.lostReason();
        if (reason == null) {
          return new FireResult(this, current, current, event, context, Rejection.LOST_REASON_REQUIRED, -1);
        }
        if (!target.lostReasons().contains(reason)) {
          return new FireResult(this, current, current, event, context, Rejection.LOST_REASON_UNKNOWN, -1);
        }
      }
    }
    return new FireResult(this, current, target, event, context, null, -1);
  }

  /**
   * An object enters this pipeline at its {@link #entryStage() entry stage}; see {@link #enter(Stage,
   * TransitionContext)}.
   *
   * @param context the object id, instant, actor, amount and fields
   * @return the result, accepted or rejected
   */
  public FireResult enter(TransitionContext context) {
    return enter(entryStage(), context);
  }

  /**
   * An object enters this pipeline at a stage, for example a new lead at the entry stage or an opportunity imported
   * as already qualified: a pure function, as {@link #fire(Stage, LifecycleEvent, TransitionContext) fire} is. The
   * entry is accepted when the stage's gate holds (its required fields are in the context) and, for a lost stage
   * that lists lost reasons, the context's lost reason is one of them; otherwise it is rejected with the same
   * {@link Rejection}s {@code fire} uses. An accepted entry's {@link StageChange#of(FireResult) stage change} is the
   * object's first history row (from null), and its {@link FireResult#domainEvents domain events} are those of a
   * move into the stage, without a {@code from} attribute and with event {@code enter}. The result's
   * {@link FireResult#from()} and {@link FireResult#event()} are null. Only the result is allocated.
   *
   * @param stage the stage entered, a stage of this pipeline
   * @param context the object id, instant, actor, reasons, amount and fields
   * @return the result, accepted or rejected
   * @throws IllegalArgumentException if the stage belongs to another pipeline
   */
  public FireResult enter(Stage stage, TransitionContext context) {
    Objects.requireNonNull(context, "context");
    Stage target = stageArray[indexOf(stage)];
    List<String> required = target.requiredFields();
    for (int i = 0; i < required.size(); i++) {
      if (!context.has(required.get(i))) {
        return FireResult.entry(this, target, context, Rejection.REQUIRED_FIELD_MISSING, i);
      }
    }
    if (target.kind() == StageKind.LOST && !target.lostReasons().isEmpty()) {
      String reason = context.lostReason();
      if (reason == null) {
        return FireResult.entry(this, target, context, Rejection.LOST_REASON_REQUIRED, -1);
      }
      if (!target.lostReasons().contains(reason)) {
        return FireResult.entry(this, target, context, Rejection.LOST_REASON_UNKNOWN, -1);
      }
    }
    return FireResult.entry(this, target, context, null, -1);
  }

  /**
   * Fires an event from a stage given by name; see {@link #fire(Stage, LifecycleEvent, TransitionContext)}.
   *
   * @param currentStage the name of the object's current stage
   * @param event an event of this pipeline
   * @param context the context
   * @return the result
   * @throws IllegalArgumentException if the stage or event belongs to another pipeline
   */
  public FireResult fire(String currentStage, LifecycleEvent event, TransitionContext context) {
    return fire(stage(currentStage), event, context);
  }

  /**
   * The events the transition table allows from a stage, whatever the guards and gates: what a user interface may
   * offer.
   *
   * @param from the current stage
   * @return the events the table allows from it, in {@link #events()} order
   */
  public List<LifecycleEvent> allowedEvents(Stage from) {
    int s = indexOf(from);
    List<LifecycleEvent> allowed = new ArrayList<>();
    for (LifecycleEvent event : events) {
      if (table[event.index * stageArray.length + s] >= 0) {
        allowed.add(event);
      }
    }
    return List.copyOf(allowed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PipelineDefinition other && name.equals(other.name) && objectType.equals(other.objectType)
        && policy == other.policy && stages.equals(other.stages) && transitions.equals(other.transitions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, objectType, policy, stages, transitions);
  }

  /** Returns the name, object type, policy and stage names. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("PipelineDefinition[").append(name).append(", ").append(objectType)
        .append(", ").append(policy.jsonName()).append(", stages=");
    for (int i = 0; i < stageArray.length; i++) {
      out.append(i == 0 ? "" : ",").append(stageArray[i].name());
    }
    return out.append(", transitions=").append(transitions.size()).append(']').toString();
  }
}
