/**
 * The public pool (公海): leads and customers no agent owns, claimed by agents within limits and recycled back when
 * their owners neglect them.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link io.github.crmkit.routing.pool.PoolPolicy}: the rules as data (protection period, recycling rules per
 *       customer level with a reminder, claiming limits), read from and written to JSON with a validator that names
 *       the JSON path of every problem ({@link io.github.crmkit.routing.pool.PoolPolicyException});
 *   <li>{@link io.github.crmkit.routing.pool.PublicPool}: the engine: {@code claim}, {@code assign},
 *       {@code release} return {@link io.github.crmkit.routing.pool.PoolResult}s (a refusal is a result with a
 *       reason, never an exception); {@code sweep(now)} returns the
 *       {@link io.github.crmkit.routing.pool.PoolAction}s (recycle, remind) and applies them; domain events go to
 *       the model's {@code DomainEventPublisher} port. Nothing runs on its own threads: time comes from the caller;
 *   <li>{@link io.github.crmkit.routing.pool.PoolLedger}: the secondary port where the state lives, implemented by
 *       the host; it sits in this package rather than a {@code .port} subpackage because its signatures are made of
 *       this package's values ({@link io.github.crmkit.routing.pool.PoolRecord}) and the engine depends on it, so a
 *       separate package would only add a cycle between two packages.
 *       {@link io.github.crmkit.routing.pool.InMemoryPoolLedger} is the in-memory implementation, safe under
 *       concurrent claims and linearizable (checked with Lincheck in crm-routing's {@code PoolLedgerLincheckTest}).
 * </ul>
 *
 * <p>A host's own ledger (for example over a relational database) proves itself by subclassing the abstract
 * {@code io.github.crmkit.routing.pool.PoolLedgerContract} from crm-routing's test jar (Maven: the
 * {@code crm-routing} dependency with {@code <type>test-jar</type>} and {@code <scope>test</scope>}, plus JUnit,
 * AssertJ and crm-testkit in test scope) and implementing its {@code newLedger()} method.
 *
 * <p>Every type here is immutable and thread-safe, except builders; ledger implementations are thread-safe. No
 * type holds or prints personal data: records are identified by lead and customer ids, agents by agent ids.
 */
package io.github.crmkit.routing.pool;
