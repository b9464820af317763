package io.github.crmkit.model.port;

import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.Interaction;
import io.github.crmkit.model.LeadId;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Secondary port: where crmkit reads interactions (calls, emails, visits ...) from, for example to decide whether a
 * lead had a follow-up before it is recycled to the public pool. The host implements it; {@code crm-testkit} has an
 * in-memory implementation and {@code InteractionSourceContract}.
 *
 * <p>Contract: every stream is ordered by {@code occurredAt}, ties by interaction id; time ranges are half-open. The
 * caller closes each stream. Implementations state their thread-safety.
 */
public interface InteractionSource {
  /**
   * Streams one customer's interactions.
   *
   * @param customer the customer
   * @return the interactions, in time order
   */
  Stream<Interaction> byCustomer(CustomerId customer);

  /**
   * Streams one lead's interactions.
   *
   * @param lead the lead
   * @return the interactions, in time order
   */
  Stream<Interaction> byLead(LeadId lead);

  /**
   * Streams the interactions in a time range.
   *
   * @param from the first instant, inclusive
   * @param to the end, exclusive
   * @return the interactions, in time order
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  Stream<Interaction> between(Instant from, Instant to);
}
