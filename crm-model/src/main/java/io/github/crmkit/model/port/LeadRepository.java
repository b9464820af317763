package io.github.crmkit.model.port;

import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadId;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Secondary port: the host's storage of {@link Lead} aggregates. The host implements it;
 * {@code crm-testkit} has an in-memory implementation and {@code LeadRepositoryContract}.
 *
 * <p>Contract: {@link #save} inserts or replaces by id; {@link #findById} returns the last saved value;
 * {@link #find} returns the matching leads ordered by id, each once. Implementations state their thread-safety.
 */
public interface LeadRepository {
  /**
   * Finds a lead by id.
   *
   * @param id the id
   * @return the lead, if stored
   */
  Optional<Lead> findById(LeadId id);

  /**
   * Stores a lead, replacing any stored lead with the same id.
   *
   * @param lead the lead
   */
  void save(Lead lead);

  /**
   * Streams the leads that match a query, ordered by id. The caller closes the stream.
   *
   * @param query the criteria; {@link LeadQuery#all()} for every lead
   * @return the matching leads
   */
  Stream<Lead> find(LeadQuery query);

  /**
   * Counts the stored leads.
   *
   * @return the count
   */
  long count();
}
