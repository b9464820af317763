package io.github.crmkit.testkit.inmemory;

import io.github.crmkit.model.OpportunityId;
import io.github.crmkit.model.Opportunity;
import io.github.crmkit.model.port.OpportunityQuery;
import io.github.crmkit.model.port.OpportunityRepository;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link OpportunityRepository} in memory, ordered by id. {@link #find} streams a snapshot, so the repository may be
 * changed while a stream is consumed.
 *
 * <p>Thread-safe.
 */
public final class InMemoryOpportunityRepository implements OpportunityRepository {
  private final InMemoryRepository<OpportunityId, Opportunity> store = new InMemoryRepository<>(Opportunity::id);

  /** Creates an empty repository. */
  public InMemoryOpportunityRepository() {}

  @Override
  public Optional<Opportunity> findById(OpportunityId id) {
    return store.findById(id);
  }

  @Override
  public void save(Opportunity opportunity) {
    store.save(opportunity);
  }

  @Override
  public Stream<Opportunity> find(OpportunityQuery query) {
    return store.find(query::matches);
  }

  @Override
  public long count() {
    return store.count();
  }
}
