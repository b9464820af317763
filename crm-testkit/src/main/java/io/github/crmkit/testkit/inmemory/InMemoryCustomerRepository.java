package io.github.crmkit.testkit.inmemory;

import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.Customer;
import io.github.crmkit.model.port.CustomerQuery;
import io.github.crmkit.model.port.CustomerRepository;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link CustomerRepository} in memory, ordered by id. {@link #find} streams a snapshot, so the repository may be
 * changed while a stream is consumed.
 *
 * <p>Thread-safe.
 */
public final class InMemoryCustomerRepository implements CustomerRepository {
  private final InMemoryRepository<CustomerId, Customer> store = new InMemoryRepository<>(Customer::id);

  /** Creates an empty repository. */
  public InMemoryCustomerRepository() {}

  @Override
  public Optional<Customer> findById(CustomerId id) {
    return store.findById(id);
  }

  @Override
  public void save(Customer customer) {
    store.save(customer);
  }

  @Override
  public Stream<Customer> find(CustomerQuery query) {
    return store.find(query::matches);
  }

  @Override
  public long count() {
    return store.count();
  }
}
