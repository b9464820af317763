package io.github.crmkit.routing;

import java.util.List;
import java.util.Objects;

/**
 * One rule of a policy: when its condition holds (and no earlier rule's did), the lead goes to the target, or else
 * along the fallback chain (a pool's overflow pools come first). In JSON:
 * {@code {"id": "hot", "when": {...}, "target": {"pool": "large-dealers"},
 * "fallback": [{"territoryPool": "parent"}, {"agent": "manager-1"}, {"unassigned": "no-dealer"}]}}; a rule without
 * {@code "when"} always matches.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the rule's id, unique in the policy
 * @param when the condition
 * @param target the target
 * @param fallback the fallback chain, tried in order
 */
public record RuleEntry(String id, Condition when, Target target, List<Target> fallback) {
  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException if the id or target is null
   */
  public RuleEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(target, "target");
    when = when == null ? Condition.always() : when;
    fallback = List.copyOf(fallback == null ? List.of() : fallback);
  }
}
