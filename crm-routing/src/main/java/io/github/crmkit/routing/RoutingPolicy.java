package io.github.crmkit.routing;

import java.util.List;
import java.util.Objects;

/**
 * A routing policy: a versioned document of ordered rules (the first whose condition holds wins), the pools they
 * name, and policy-wide options. In JSON:
 * <pre>{@code
 * {"version": 1, "revision": "2026-12-01.1", "zone": "Asia/Shanghai", "smoothMonthlyCaps": false,
 *  "ownerAffinity": true, "territoryStrategy": "round-robin",
 *  "pools": [ ... PoolDefinition ... ],
 *  "rules": [ ... RuleEntry ... ]}
 * }</pre>
 * {@link #fromJson} reads and validates a document, naming the JSON path of every problem; {@link #toJson} writes
 * it back ({@code fromJson(p.toJson()).equals(p)}). A policy built in code is validated by {@link #validate} and
 * when an engine is built from it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param version the document format version, {@value #FORMAT_VERSION}
 * @param revision the policy's own revision, chosen by its author (shown in traces)
 * @param zone the company's time zone (IANA id), for received-time conditions and agents without a calendar
 * @param smoothMonthlyCaps whether a monthly cap also caps each day at {@code ceil(maxPerMonth / 30)}, spreading
 *     the month's work over its days (the daily smoothing Odoo's lead assignment applies to monthly capacity)
 * @param ownerAffinity whether a lead whose customer or duplicate already has an owner goes to that owner first
 * @param territoryStrategy the strategy of territory pools
 * @param pools the pools
 * @param rules the rules, in order
 */
public record RoutingPolicy(int version, String revision, String zone, boolean smoothMonthlyCaps,
    boolean ownerAffinity, String territoryStrategy, List<PoolDefinition> pools, List<RuleEntry> rules) {
  /** The document format version this release reads and writes. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException if the revision or zone is null
   */
  public RoutingPolicy {
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(zone, "zone");
    territoryStrategy = territoryStrategy == null ? "round-robin" : territoryStrategy;
    pools = List.copyOf(pools == null ? List.of() : pools);
    rules = List.copyOf(rules == null ? List.of() : rules);
  }

  /**
   * A policy of the given pools and rules with the default options (UTC, no smoothing, no owner affinity,
   * round-robin territory pools).
   *
   * @param revision the revision
   * @param pools the pools
   * @param rules the rules
   * @return the policy
   */
  public static RoutingPolicy of(String revision, List<PoolDefinition> pools, List<RuleEntry> rules) {
    return new RoutingPolicy(FORMAT_VERSION, revision, "UTC", false, false, "round-robin", pools, rules);
  }

  /**
   * Reads and validates a policy document, resolving plugin names against the registry.
   *
   * @param json the document
   * @param plugins the plugins whose operators, filters and strategies the policy may name
   * @return the policy
   * @throws RoutingPolicyException listing every problem with its JSON path
   */
  public static RoutingPolicy fromJson(String json, RoutingPlugins plugins) {
    PolicyJson.Parsed parsed = PolicyJson.read(json);
    if (!parsed.problems().isEmpty()) {
      throw new RoutingPolicyException(parsed.problems());
    }
    List<PolicyProblem> problems = PolicyValidator.validate(parsed.policy(), plugins, null);
    if (!problems.isEmpty()) {
      throw new RoutingPolicyException(problems);
    }
    return parsed.policy();
  }

  /**
   * Reads and validates a policy document that uses built-in names only.
   *
   * @param json the document
   * @return the policy
   * @throws RoutingPolicyException listing every problem with its JSON path
   */
  public static RoutingPolicy fromJson(String json) {
    return fromJson(json, RoutingPlugins.none());
  }

  /**
   * Writes the policy as a JSON document.
   *
   * @return the document
   */
  public String toJson() {
    return PolicyJson.write(this);
  }

  /**
   * Validates the policy as a whole (without an agent directory: agent and territory ids are checked when an
   * engine is built).
   *
   * @param plugins the plugins whose names the policy may use
   * @return the problems, empty if valid
   */
  public List<PolicyProblem> validate(RoutingPlugins plugins) {
    return PolicyValidator.validate(this, plugins, null);
  }
}
