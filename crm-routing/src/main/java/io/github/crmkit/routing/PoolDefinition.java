package io.github.crmkit.routing;

import io.github.crmkit.model.Capacity;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pool of agents with a selection strategy and candidate filters. In JSON:
 * <pre>{@code
 * {"id": "large-dealers", "members": ["d-1", "d-2"], "team": "dealers", "strategy": "smooth-weighted-round-robin",
 *  "requiredSkills": ["pumps"], "requiredLanguages": ["zh"], "requireAvailable": true, "availableWithinHours": 4,
 *  "filters": ["acme.vip-only"], "caps": {"maxPerDay": 20}, "overflow": "small-dealers",
 *  "preferences": {"d-1": {"op": "=", "field": "region", "value": "Guangdong"}}}
 * }</pre>
 * Members are the listed agents plus the agents of the team. Built-in strategies: {@code round-robin} (longest
 * waiting since the last assignment), {@code smooth-weighted-round-robin}, {@code load-balancing},
 * {@code levelling}, {@code batch-allocation}, {@code weighted-random}. The pool's caps apply on top of each
 * member's own (the lower wins). A required language matches an agent language with the same primary language
 * ({@code zh} matches {@code zh-CN}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the pool's id
 * @param members agent ids
 * @param team a team id whose agents are members too, or null
 * @param strategy the selection strategy's name
 * @param requiredSkills skills every candidate must have
 * @param requiredLanguages languages every candidate must speak
 * @param requireAvailable whether candidates must be working (calendar, holidays, absences)
 * @param availableWithinHours with {@code requireAvailable}: accept candidates who start work within this many
 *     hours, 0 for "now"
 * @param filters plugin filter names
 * @param caps caps on top of the members' own
 * @param overflow the pool to try when no member can take the lead, or null
 * @param preferences per member, the condition of the leads it prefers ({@code batch-allocation} serves those
 *     first)
 */
public record PoolDefinition(String id, List<String> members, String team, String strategy,
    List<String> requiredSkills, List<String> requiredLanguages, boolean requireAvailable,
    int availableWithinHours, List<String> filters, Capacity caps, String overflow,
    Map<String, Condition> preferences) {
  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException if the id or strategy is null
   */
  public PoolDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(strategy, "strategy");
    members = List.copyOf(members == null ? List.of() : members);
    requiredSkills = List.copyOf(requiredSkills == null ? List.of() : requiredSkills);
    requiredLanguages = List.copyOf(requiredLanguages == null ? List.of() : requiredLanguages);
    filters = List.copyOf(filters == null ? List.of() : filters);
    caps = caps == null ? Capacity.unlimited() : caps;
    preferences = preferences == null ? Map.of() : java.util.Collections.unmodifiableMap(
        new java.util.TreeMap<>(preferences));
  }

  /**
   * A pool of listed members with a strategy and no filters.
   *
   * @param id the id
   * @param strategy the strategy
   * @param members the agent ids
   * @return the pool
   */
  public static PoolDefinition of(String id, String strategy, List<String> members) {
    return new PoolDefinition(id, members, null, strategy, null, null, false, 0, null, null, null, null);
  }
}
