package io.github.crmkit.routing.spi;

/**
 * What a {@link RoutingPlugin} registers its extensions with during {@link RoutingPlugin#register}. Names are
 * lower-case tokens ({@code [a-z0-9][a-z0-9_.:-]*}); by convention prefixed with the plugin name, such as
 * {@code acme.best-conversion}. A name already taken by a built-in or another plugin fails at once with an
 * {@link IllegalStateException} naming both owners.
 *
 * <p>Not thread-safe; valid only during {@link RoutingPlugin#register}.
 */
public interface PluginRegistrar {
  /**
   * Registers a condition operator, used in a policy as {@code {"op": name, "field": ..., "value": ...}}.
   *
   * @param name the operator's name
   * @param operator the operator
   */
  void operator(String name, ConditionOperator operator);

  /**
   * Registers a candidate filter, used in a pool as {@code "filters": [name]}.
   *
   * @param name the filter's name
   * @param filter the filter
   */
  void filter(String name, CandidateFilter filter);

  /**
   * Registers a selection strategy, used in a pool as {@code "strategy": name}.
   *
   * @param name the strategy's name
   * @param strategy the strategy
   */
  void strategy(String name, SelectionStrategy strategy);
}
