package io.github.crmkit.testkit;

/**
 * Receives the transactions of a {@link SyntheticPurchases} data set one at a time, as primitives, so that streaming
 * millions of them allocates nothing per transaction.
 *
 * <p>A transaction is either a sale ({@code isReturn == false}, {@code originalSerial == -1}) or the full return of an
 * earlier sale of the same customer ({@code isReturn == true}, {@code originalSerial} is that sale's serial and
 * {@code amountCents} its amount). Amounts are never negative: a return carries the returned amount and the flag.
 *
 * <p>Implementations need not be thread-safe: {@link SyntheticPurchases#forEach(PurchaseSink)} calls its sink from the
 * calling thread only.
 */
@FunctionalInterface
public interface PurchaseSink {

  /**
   * Receives one transaction.
   *
   * @param customer the customer's index, from 0 to {@link SyntheticPurchases#customers()} - 1
   * @param transactionSerial the transaction's serial, unique in the data set:
   *     {@code ((long) customer << 32) | k} where {@code k} counts the customer's transactions from 0 in stream order
   * @param originalSerial for a return, the serial of the returned sale; {@code -1} for a sale
   * @param epochSecond when the transaction happened, in seconds since 1970-01-01T00:00:00Z
   * @param amountCents the amount in cents, {@code >= 0} (zero is possible)
   * @param isReturn whether the transaction is a return
   */
  void accept(
      int customer, long transactionSerial, long originalSerial, long epochSecond, long amountCents, boolean isReturn);
}
