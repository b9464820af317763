/**
 * crmkit's test kit: seeded generators for every model type, a streaming synthetic data generator with known
 * buying, dropout and spend processes, in-memory implementations of every port, and abstract contract tests.
 */
module io.github.crmkit.testkit {
  requires transitive io.github.crmkit.model;
  requires transitive org.junit.jupiter.api;
  requires org.assertj.core;

  exports io.github.crmkit.testkit;
  exports io.github.crmkit.testkit.inmemory;
  exports io.github.crmkit.testkit.contract;

  // JUnit discovers and runs the contracts' test methods reflectively in subclasses
  opens io.github.crmkit.testkit.contract to org.junit.platform.commons;
}
