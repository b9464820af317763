/**
 * Secondary ports: the interfaces that a host application implements so that crmkit's engines can read and write
 * its data. crmkit never owns storage; {@code crm-testkit} ships in-memory implementations and abstract contract
 * tests that a host's own implementation can subclass.
 *
 * <p>Entry points: {@link io.github.crmkit.model.port.CustomerRepository},
 * {@link io.github.crmkit.model.port.LeadRepository}, {@link io.github.crmkit.model.port.OpportunityRepository},
 * {@link io.github.crmkit.model.port.TransactionSource}, {@link io.github.crmkit.model.port.InteractionSource},
 * {@link io.github.crmkit.model.port.AgentDirectory}, {@link io.github.crmkit.model.port.DomainEventPublisher} and
 * {@link io.github.crmkit.model.port.ConsentRegistry}.
 *
 * <p>Streams returned by ports may hold resources (a database cursor): callers close them, for example with
 * try-with-resources. Implementations state their own thread-safety; the in-memory ones are thread-safe.
 */
package io.github.crmkit.model.port;
