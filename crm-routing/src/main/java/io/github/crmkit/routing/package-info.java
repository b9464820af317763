/**
 * The routing API. Entry points: {@link io.github.crmkit.routing.RoutingPolicy} (the policy document:
 * {@link io.github.crmkit.routing.RuleEntry rules} with {@link io.github.crmkit.routing.Condition conditions},
 * {@link io.github.crmkit.routing.Target targets} and fallback chains, {@link io.github.crmkit.routing.PoolDefinition
 * pools}; read, validated and written as JSON), {@link io.github.crmkit.routing.RoutingEngine} (the compiled
 * engine: single decisions, batches, dry runs, manual assignment), {@link io.github.crmkit.routing.RoutingDecision}
 * with its {@link io.github.crmkit.routing.DecisionTrace}, {@link io.github.crmkit.routing.RoutingPlugins} (loading
 * plugins) and {@link io.github.crmkit.routing.InMemoryAssignmentLedger}.
 *
 * <p>A policy is compiled once into an immutable, thread-safe engine; the state that must be shared (counters,
 * owners, strategy state) sits behind the {@link io.github.crmkit.routing.port.AssignmentLedger} port. Time, the
 * seed and event ids come from the caller, so every decision can be replayed.
 */
package io.github.crmkit.routing;
