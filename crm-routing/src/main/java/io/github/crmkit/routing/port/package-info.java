/**
 * Secondary ports of the routing engine, implemented by the host: {@link io.github.crmkit.routing.port.AssignmentLedger}
 * holds the state that routing shares (assignment counters per agent, the backlog, the owner of each lead, the
 * strategies' per-pool counters) and {@link io.github.crmkit.routing.port.DuplicateFinder} finds the existing owner
 * of a lead's customer or duplicate lead for owner affinity.
 *
 * <p>{@code io.github.crmkit.routing.InMemoryAssignmentLedger} is the reference implementation, safe under
 * concurrent routing and linearizable (checked with Lincheck's model checking and stress testing in crm-routing's
 * {@code AssignmentLedgerLincheckTest}, beside the multi-threaded stress tests); a PostgreSQL implementation for several application instances implements the same port, with
 * {@link io.github.crmkit.routing.port.AssignmentLedger#reserve} as one transaction.
 */
package io.github.crmkit.routing.port;
