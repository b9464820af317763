package io.github.crmkit.routing;

import java.util.Objects;

/**
 * Where a rule sends a lead. In JSON an object with one member named after the kind: {@code {"agent": "a-17"}},
 * {@code {"pool": "large-dealers"}}, {@code {"queue": "nurture"}}, {@code {"publicPool": "default"}},
 * {@code {"territoryPool": "lead"}} or {@code {"territoryPool": "parent"}}, {@code {"unassigned": "reason-code"}}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the kind of target
 * @param ref the agent id, pool id, queue id, public pool name, {@code lead}/{@code parent}, or reason code
 */
public record Target(Kind kind, String ref) {
  /** The kinds of target. */
  public enum Kind {
    /** One agent (also a default owner in a fallback chain). */
    AGENT("agent"),
    /** A pool of the policy, with its selection strategy. */
    POOL("pool"),
    /** A queue: the lead waits there for a group; nothing is reserved. */
    QUEUE("queue"),
    /** The public pool (公海): the lead is put there for agents to claim. */
    PUBLIC_POOL("publicPool"),
    /**
     * The agents covering the lead's territory ({@code lead}) or its parent territory ({@code parent}), chosen by
     * the policy's territory strategy.
     */
    TERRITORY_POOL("territoryPool"),
    /** No one: the lead is returned unassigned with the reason code. */
    UNASSIGNED("unassigned");

    private final String jsonName;

    Kind(String jsonName) {
      this.jsonName = jsonName;
    }

    /**
     * The JSON member name.
     *
     * @return the name
     */
    public String jsonName() {
      return jsonName;
    }
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Target {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ref, "ref");
  }

  /**
   * An agent target.
   *
   * @param agentId the agent id
   * @return the target
   */
  public static Target agent(String agentId) {
    return new Target(Kind.AGENT, agentId);
  }

  /**
   * A pool target.
   *
   * @param poolId the pool id
   * @return the target
   */
  public static Target pool(String poolId) {
    return new Target(Kind.POOL, poolId);
  }

  /**
   * A queue target.
   *
   * @param queueId the queue id
   * @return the target
   */
  public static Target queue(String queueId) {
    return new Target(Kind.QUEUE, queueId);
  }

  /**
   * The public pool.
   *
   * @param name the public pool's name
   * @return the target
   */
  public static Target publicPool(String name) {
    return new Target(Kind.PUBLIC_POOL, name);
  }

  /**
   * A territory pool.
   *
   * @param which {@code lead} or {@code parent}
   * @return the target
   */
  public static Target territoryPool(String which) {
    return new Target(Kind.TERRITORY_POOL, which);
  }

  /**
   * Unassigned with a reason.
   *
   * @param reasonCode a lower-case token
   * @return the target
   */
  public static Target unassigned(String reasonCode) {
    return new Target(Kind.UNASSIGNED, reasonCode);
  }

  /** Returns {@code kind:ref}, for traces (ids and codes only). */
  @Override
  public String toString() {
    return kind.jsonName + ":" + ref;
  }
}
