package io.github.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.Customer;
import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.CustomerKind;
import io.github.crmkit.model.PersonName;
import io.github.crmkit.model.port.CustomerQuery;
import io.github.crmkit.model.port.CustomerRepository;
import io.github.crmkit.testkit.ModelGenerators;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CustomerRepository}. Subclass it and implement {@link #newRepository()}.
 */
public abstract class CustomerRepositoryContract {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  /** Creates the contract. */
  protected CustomerRepositoryContract() {}

  /**
   * Returns a new, empty repository.
   *
   * @return the repository under test
   */
  protected abstract CustomerRepository newRepository();

  private static Customer customer(String id, String owner, String tag, Instant created) {
    Customer.Builder b = Customer.builder().id(CustomerId.of(id)).kind(CustomerKind.PERSON)
        .personName(PersonName.familyFirst("王", "芳")).createdAt(created);
    if (owner != null) {
      b.owner(AgentId.of(owner));
    }
    if (tag != null) {
      b.addTag(tag);
    }
    return b.build();
  }

  private static List<CustomerId> ids(Stream<Customer> stream) {
    try (stream) {
      return stream.map(Customer::id).toList();
    }
  }

  @Test
  void emptyRepositoryFindsNothing() {
    CustomerRepository repository = newRepository();
    assertThat(repository.findById(CustomerId.of("C-1"))).isEmpty();
    assertThat(repository.count()).isZero();
    assertThat(ids(repository.find(CustomerQuery.all()))).isEmpty();
  }

  @Test
  void savedCustomerIsFoundEqualAndReplacedById() {
    CustomerRepository repository = newRepository();
    Customer first = customer("C-1", "A-1", "vip", T0);
    repository.save(first);
    assertThat(repository.findById(CustomerId.of("C-1"))).contains(first);
    Customer second = customer("C-1", "A-2", null, T0.plusSeconds(5));
    repository.save(second);
    assertThat(repository.findById(CustomerId.of("C-1"))).contains(second);
    assertThat(repository.count()).isEqualTo(1);
  }

  @Test
  void findFiltersByEveryCriterionAndOrdersById() {
    CustomerRepository repository = newRepository();
    repository.save(customer("C-3", "A-1", "vip", T0.plusSeconds(30)));
    repository.save(customer("C-1", "A-1", null, T0));
    repository.save(customer("C-2", "A-2", "vip", T0.plusSeconds(10)));
    repository.save(customer("C-4", null, "vip", T0.plusSeconds(20)));

    assertThat(ids(repository.find(CustomerQuery.all())))
        .extracting(CustomerId::value).containsExactly("C-1", "C-2", "C-3", "C-4");
    assertThat(ids(repository.find(CustomerQuery.builder().owner(AgentId.of("A-1")).build())))
        .extracting(CustomerId::value).containsExactly("C-1", "C-3");
    assertThat(ids(repository.find(CustomerQuery.builder().tag("vip").build())))
        .extracting(CustomerId::value).containsExactly("C-2", "C-3", "C-4");
    assertThat(ids(repository.find(CustomerQuery.builder().tag("vip").owner(AgentId.of("A-1")).build())))
        .extracting(CustomerId::value).containsExactly("C-3");
    // half-open range: from inclusive, before exclusive
    assertThat(ids(repository.find(
        CustomerQuery.builder().createdFrom(T0.plusSeconds(10)).createdBefore(T0.plusSeconds(30)).build())))
        .extracting(CustomerId::value).containsExactly("C-2", "C-4");
  }

  @Test
  void behavesLikeASortedMapUnderRandomSaves() {
    for (long seed = 1; seed <= 5; seed++) {
      CustomerRepository repository = newRepository();
      RepositoryContractSupport.behavesLikeASortedMap(seed, ModelGenerators::customer, Customer::id,
          (c, id) -> c.toBuilder().id(id).build(), repository::save, repository::findById,
          () -> repository.find(CustomerQuery.all()), repository::count);
    }
  }
}
