package io.github.crmkit.model.port;

import io.github.crmkit.model.ConsentRecord;
import io.github.crmkit.model.CustomerId;
import java.time.Instant;
import java.util.List;

/**
 * Secondary port: the record of what each customer consented to, per purpose, over time. Engines ask it before
 * using data for a purpose (marketing, profiling). The host implements it; {@code crm-testkit} has an in-memory
 * implementation, timed by an injected {@link java.time.Clock}, and {@code ConsentRegistryContract}.
 *
 * <p>Contract: {@link #grant} and {@link #withdraw} are timestamped by the implementation's clock; granting an
 * already granted purpose and withdrawing a purpose not granted change nothing; {@link #history} keeps withdrawn
 * records. Implementations state their thread-safety.
 */
public interface ConsentRegistry {
  /**
   * Records that a customer grants consent for a purpose, now.
   *
   * @param customer the customer
   * @param purpose the purpose, a lower-case token such as {@code marketing.email}
   * @param source where it was collected, a lower-case token such as {@code web-form}
   * @return true if a new grant was recorded, false if the purpose was already granted
   */
  boolean grant(CustomerId customer, String purpose, String source);

  /**
   * Records that a customer withdraws consent for a purpose, now.
   *
   * @param customer the customer
   * @param purpose the purpose
   * @return true if a grant was withdrawn, false if the purpose was not granted
   */
  boolean withdraw(CustomerId customer, String purpose);

  /**
   * Whether consent for a purpose is in force now.
   *
   * @param customer the customer
   * @param purpose the purpose
   * @return true if granted and not withdrawn
   */
  boolean isGranted(CustomerId customer, String purpose);

  /**
   * Whether consent for a purpose was in force at an instant.
   *
   * @param customer the customer
   * @param purpose the purpose
   * @param at the instant
   * @return true if a record was active at that instant
   */
  boolean wasGranted(CustomerId customer, String purpose, Instant at);

  /**
   * Returns every record of a customer, ordered by purpose then grant time.
   *
   * @param customer the customer
   * @return the records, unmodifiable
   */
  List<ConsentRecord> history(CustomerId customer);
}
