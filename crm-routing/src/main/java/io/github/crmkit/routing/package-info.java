/**
 * The routing API (work in progress; nothing is public yet): routing policies and strategies, routing decisions
 * with their traces, and the public pool. A policy is compiled once into an immutable, thread-safe object; state
 * that must be shared, such as assignment counters, sits behind a port the host implements.
 */
package io.github.crmkit.routing;
