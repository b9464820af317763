package io.github.crmkit.model.port;

import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.Transaction;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Secondary port: where crmkit's scoring engines read a purchase history from. The host implements it over its
 * order tables or files; {@code crm-testkit} has an in-memory implementation and {@code TransactionSourceContract}.
 *
 * <p>Contract: every stream is ordered by {@code occurredAt}, ties by transaction id; each transaction appears once;
 * time ranges are half-open ({@code from <= occurredAt < to}). The caller closes each stream. Implementations
 * state their thread-safety.
 */
public interface TransactionSource {
  /**
   * Streams every transaction.
   *
   * @return the transactions, in time order
   */
  Stream<Transaction> all();

  /**
   * Streams one customer's transactions.
   *
   * @param customer the customer
   * @return the customer's transactions, in time order
   */
  Stream<Transaction> byCustomer(CustomerId customer);

  /**
   * Streams the transactions in a time range.
   *
   * @param from the first instant, inclusive
   * @param to the end, exclusive
   * @return the transactions in the range, in time order
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  Stream<Transaction> between(Instant from, Instant to);
}
