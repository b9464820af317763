/**
 * Abstract contract tests, one per port: a host's implementation proves it behaves as the port documents by
 * subclassing the contract and supplying fresh instances. For example:
 *
 * <pre>{@code
 * class JdbcCustomerRepositoryTest extends CustomerRepositoryContract {
 *   protected CustomerRepository newRepository() { return new JdbcCustomerRepository(freshDataSource()); }
 * }
 * }</pre>
 *
 * <p>The contracts are JUnit Jupiter tests; they use seeded generators, so a failure can be replayed. Each test
 * method asks for a new instance, so implementations need not be reset between tests.
 */
package io.github.crmkit.testkit.contract;
