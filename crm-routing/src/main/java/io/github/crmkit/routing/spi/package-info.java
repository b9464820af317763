/**
 * The plugin SPI for vendors: a {@link io.github.crmkit.routing.spi.RoutingPlugin} has a name and the API version it
 * needs, and registers {@link io.github.crmkit.routing.spi.ConditionOperator condition operators},
 * {@link io.github.crmkit.routing.spi.CandidateFilter candidate filters} and
 * {@link io.github.crmkit.routing.spi.SelectionStrategy selection strategies} through a
 * {@link io.github.crmkit.routing.spi.PluginRegistrar}; it never sees the engine. Hosts load plugins with
 * {@code io.github.crmkit.routing.RoutingPlugins} explicitly or, opt-in, through {@link java.util.ServiceLoader}.
 *
 * <p>Names are global: two plugins registering the same operator, filter or strategy name fail at start. A policy
 * naming an operator, filter or strategy that no plugin provides fails validation with the JSON path of the name.
 * Plugin code runs inside routing decisions: it must be thread-safe, fast and must not block; an exception it
 * throws is caught, counted as "condition false" or "candidate excluded" and noted in the trace.
 */
package io.github.crmkit.routing.spi;
