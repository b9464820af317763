/**
 * crmkit's routing engine (planned): routing policies that assign leads and service tickets to agents, teams and
 * territories with pluggable strategies (round robin, weighted, least loaded, skills and territory matching), an
 * assignment ledger port for the counters that must be shared, a public pool for what no one may take, decision
 * traces, and a plugin SPI for vendors' own strategies.
 *
 * <p>Policies are JSON documents, validated with the JSON path of each error and compiled once into immutable,
 * thread-safe objects. An unroutable lead is an ordinary result, not an exception, and every decision carries the
 * trace that explains it. Shared state lives behind ports that the host implements; plugins see a registrar, never
 * the engine. The engine depends only on the model.
 */
module io.github.crmkit.routing {
  requires transitive io.github.crmkit.model;
  // pool policies are read and written with Jackson's streaming API; no Jackson type appears in the API
  requires com.fasterxml.jackson.core;

  // The API package io.github.crmkit.routing is exported once it holds types (and .spi and .port once they
  // exist): javac rejects exporting a package that holds only package-info.java.
  // exports io.github.crmkit.routing;
  exports io.github.crmkit.routing.pool;
}
