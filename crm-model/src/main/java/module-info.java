/**
 * crmkit's model: immutable CRM values (customers, leads, opportunities, transactions, interactions, feedback,
 * service tickets, agents, teams, territories, products, money), their JSON mapping, and the ports that host
 * applications implement.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic", "module"}) // Immutables' annotations jar is an automatic module, compile time only
module io.github.crmkit.model {
  // compile time only: the value-type annotations (CLASS retention) are visible on exported types
  requires static transitive org.immutables.value.annotations;
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires com.fasterxml.jackson.datatype.jdk8;

  exports io.github.crmkit.model;
  exports io.github.crmkit.model.json;
  exports io.github.crmkit.model.port;
  // crmkit's one Immutables style and the shared JSON document reader, for the engine modules; not API
  exports io.github.crmkit.model.internal to
      io.github.crmkit.scoring,
      io.github.crmkit.routing,
      io.github.crmkit.lifecycle;

  opens io.github.crmkit.model to com.fasterxml.jackson.databind;
  opens io.github.crmkit.model.internal to com.fasterxml.jackson.databind;
  opens io.github.crmkit.model.port to com.fasterxml.jackson.databind;
}
