/**
 * crmkit's routing engine: routing policies (JSON documents of ordered rules, validated with the JSON path of each
 * error) compiled once into an immutable, thread-safe {@link io.github.crmkit.routing.RoutingEngine} that assigns
 * leads to agents, pools, queues or the public pool with pluggable selection strategies (round robin, smooth
 * weighted round robin, load balancing, levelling, batch allocation, weighted random), capacity caps and candidate
 * filters; an {@link io.github.crmkit.routing.port.AssignmentLedger} port for the state that must be shared, with
 * an in-memory implementation; decision traces; and a plugin SPI for vendors.
 *
 * <p>An unroutable lead is an ordinary result, not an exception, and every decision carries the trace that explains
 * it. Plugins see a registrar, never the engine; {@link java.util.ServiceLoader} discovery is opt-in. The engine
 * depends only on the model.
 */
module io.github.crmkit.routing {
  requires transitive io.github.crmkit.model;
  // policies are read and written with Jackson's tree model, pool policies with its streaming API; no Jackson
  // type appears in the API
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.core;

  exports io.github.crmkit.routing;
  exports io.github.crmkit.routing.pool;
  exports io.github.crmkit.routing.port;
  exports io.github.crmkit.routing.spi;

  uses io.github.crmkit.routing.spi.RoutingPlugin;
}
