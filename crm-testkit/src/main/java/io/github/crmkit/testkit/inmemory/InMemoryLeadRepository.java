package io.github.crmkit.testkit.inmemory;

import io.github.crmkit.model.LeadId;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.port.LeadQuery;
import io.github.crmkit.model.port.LeadRepository;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link LeadRepository} in memory, ordered by id. {@link #find} streams a snapshot, so the repository may be
 * changed while a stream is consumed.
 *
 * <p>Thread-safe.
 */
public final class InMemoryLeadRepository implements LeadRepository {
  private final InMemoryRepository<LeadId, Lead> store = new InMemoryRepository<>(Lead::id);

  /** Creates an empty repository. */
  public InMemoryLeadRepository() {}

  @Override
  public Optional<Lead> findById(LeadId id) {
    return store.findById(id);
  }

  @Override
  public void save(Lead lead) {
    store.save(lead);
  }

  @Override
  public Stream<Lead> find(LeadQuery query) {
    return store.find(query::matches);
  }

  @Override
  public long count() {
    return store.count();
  }
}
