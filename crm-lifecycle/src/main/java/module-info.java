/**
 * crmkit's lifecycle engine: sales pipeline definitions with their legal stage transitions, stage history, funnels
 * and conversion rates, pipeline forecasts, a stage probability learner, and SLA timers.
 *
 * <p>A pipeline definition is a JSON document compiled once into an immutable, thread-safe object, while the state
 * of each lead or opportunity stays in the host's own entity. A rejected transition is an ordinary result carrying
 * its reason, not an exception. Time comes in from the caller, so every run can be replayed. The engine depends
 * only on the model.
 */
module io.github.crmkit.lifecycle {
  requires transitive io.github.crmkit.model;

  exports io.github.crmkit.lifecycle;
  exports io.github.crmkit.lifecycle.learning;
  exports io.github.crmkit.lifecycle.sla;
}
