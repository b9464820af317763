package io.github.crmkit.testkit.inmemory;

import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.Transaction;
import io.github.crmkit.model.TransactionId;
import io.github.crmkit.model.port.TransactionSource;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A {@link TransactionSource} in memory. Adding a transaction with an id already present replaces it. Streams are
 * snapshots in time order, ties by id.
 *
 * <p>Thread-safe.
 */
public final class InMemoryTransactionSource implements TransactionSource {
  private final TimeOrdered<TransactionId, Transaction> store =
      new TimeOrdered<>(Transaction::id, Transaction::occurredAt);

  /** Creates an empty source. */
  public InMemoryTransactionSource() {}

  /**
   * Creates a source holding the given transactions.
   *
   * @param transactions the transactions
   * @return the source
   */
  public static InMemoryTransactionSource of(Iterable<Transaction> transactions) {
    InMemoryTransactionSource source = new InMemoryTransactionSource();
    transactions.forEach(source::add);
    return source;
  }

  /**
   * Adds a transaction, replacing one with the same id.
   *
   * @param transaction the transaction
   */
  public void add(Transaction transaction) {
    store.put(transaction);
  }

  /**
   * Returns the number of transactions held.
   *
   * @return the count
   */
  public int size() {
    return store.size();
  }

  @Override
  public Stream<Transaction> all() {
    return store.stream(t -> true);
  }

  @Override
  public Stream<Transaction> byCustomer(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    return store.stream(t -> t.customer().equals(customer));
  }

  @Override
  public Stream<Transaction> between(Instant from, Instant to) {
    return store.between(from, to);
  }
}
