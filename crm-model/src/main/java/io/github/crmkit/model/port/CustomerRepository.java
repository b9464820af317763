package io.github.crmkit.model.port;

import io.github.crmkit.model.Customer;
import io.github.crmkit.model.CustomerId;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Secondary port: the host's storage of {@link Customer} aggregates. The host implements it over its own database;
 * {@code crm-testkit} has an in-memory implementation and {@code CustomerRepositoryContract}, an abstract test
 * that an implementation subclasses to prove it behaves as documented here.
 *
 * <p>Contract: {@link #save} inserts or replaces by id; {@link #findById} returns the last saved value;
 * {@link #find} returns the matching customers ordered by id, each once. Implementations state their
 * thread-safety.
 */
public interface CustomerRepository {
  /**
   * Finds a customer by id.
   *
   * @param id the id
   * @return the customer, if stored
   */
  Optional<Customer> findById(CustomerId id);

  /**
   * Stores a customer, replacing any stored customer with the same id.
   *
   * @param customer the customer
   */
  void save(Customer customer);

  /**
   * Streams the customers that match a query, ordered by id. The caller closes the stream.
   *
   * @param query the criteria; {@link CustomerQuery#all()} for every customer
   * @return the matching customers
   */
  Stream<Customer> find(CustomerQuery query);

  /**
   * Counts the stored customers.
   *
   * @return the count
   */
  long count();
}
