package io.github.crmkit.model.port;

import io.github.crmkit.model.Opportunity;
import io.github.crmkit.model.OpportunityId;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Secondary port: the host's storage of {@link Opportunity} aggregates. The host implements it;
 * {@code crm-testkit} has an in-memory implementation and {@code OpportunityRepositoryContract}.
 *
 * <p>Contract: {@link #save} inserts or replaces by id; {@link #findById} returns the last saved value;
 * {@link #find} returns the matching opportunities ordered by id, each once. Implementations state their
 * thread-safety.
 */
public interface OpportunityRepository {
  /**
   * Finds an opportunity by id.
   *
   * @param id the id
   * @return the opportunity, if stored
   */
  Optional<Opportunity> findById(OpportunityId id);

  /**
   * Stores an opportunity, replacing any stored opportunity with the same id.
   *
   * @param opportunity the opportunity
   */
  void save(Opportunity opportunity);

  /**
   * Streams the opportunities that match a query, ordered by id. The caller closes the stream.
   *
   * @param query the criteria; {@link OpportunityQuery#all()} for every opportunity
   * @return the matching opportunities
   */
  Stream<Opportunity> find(OpportunityQuery query);

  /**
   * Counts the stored opportunities.
   *
   * @return the count
   */
  long count();
}
