package io.github.crmkit.testkit;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A pull cursor over the transactions of a {@link SyntheticPurchases} data set, in the same order as
 * {@link SyntheticPurchases#forEach(PurchaseSink)}: by customer index, then by time (a sale before a return at the
 * same second, returns at the same second by the serial of the returned sale).
 *
 * <p>Usage: {@code while (cursor.next()) { use cursor.customer(), cursor.epochSecond(), ... }}. The getters describe
 * the transaction that the last successful {@link #next()} moved to; see {@link PurchaseSink#accept} for the meaning
 * of each value.
 *
 * <p>Memory does not grow with the number of transactions: the cursor holds one customer's latent state and the
 * customer's returns that are still to come (their number is bounded by the customer's sales in 30 days), in
 * primitive arrays reused from customer to customer. Nothing is allocated per transaction; a few small objects are
 * allocated per customer.
 *
 * <p>Not thread-safe: use one cursor per thread (a {@link SyntheticPurchases} hands out any number of independent
 * cursors).
 */
public final class PurchaseCursor {

  private static final long MIN_RETURN_DELAY_SECONDS = SyntheticPurchases.SECONDS_PER_DAY;
  private static final long MAX_RETURN_DELAY_SECONDS = 30 * SyntheticPurchases.SECONDS_PER_DAY;
  private static final long MAX_INDEX = 0xFFFF_FFFFL;

  private final CustomerSimulation simulation;
  private final int endCustomer;
  private final long startSecond;
  private final long observationSeconds;
  private final double returnProbability;

  private int nextCustomer;
  private boolean inCustomer;
  private int currentCustomer;
  private long nextSaleOffset;
  private long nextIndex;

  // pending returns of the current customer: a binary min-heap ordered by (offset, original serial)
  private long[] pendingOffset = new long[16];
  private long[] pendingSerial = new long[16];
  private long[] pendingCents = new long[16];
  private int pendingSize;

  private boolean positioned;
  private int customer;
  private long serial;
  private long originalSerial;
  private long epochSecond;
  private long amountCents;
  private boolean isReturn;

  PurchaseCursor(SyntheticPurchases config, int fromCustomer, int toCustomer) {
    this.simulation = new CustomerSimulation(config);
    this.nextCustomer = fromCustomer;
    this.endCustomer = toCustomer;
    this.startSecond = config.startEpochSecond();
    this.observationSeconds = config.observationDays() * SyntheticPurchases.SECONDS_PER_DAY;
    this.returnProbability = config.returnProbability();
  }

  /**
   * Moves to the next transaction.
   *
   * @return {@code true} if there is one (the getters now describe it), {@code false} at the end (and ever after)
   * @throws IllegalStateException if a customer would exceed 2^32 transactions (the serial cannot encode them)
   */
  public boolean next() {
    while (true) {
      if (inCustomer) {
        if (pendingSize > 0 && pendingOffset[0] < nextSaleOffset) {
          emitReturn();
          return true;
        }
        if (nextSaleOffset != CustomerSimulation.NO_SALE) {
          emitSale();
          nextSaleOffset = simulation.nextRepeatOffset();
          return true;
        }
        // no sale left, hence no pending return either (every pending offset is below NO_SALE)
        inCustomer = false;
      }
      if (nextCustomer >= endCustomer) {
        positioned = false;
        return false;
      }
      currentCustomer = nextCustomer++;
      simulation.start(currentCustomer);
      nextSaleOffset = simulation.firstOffset();
      nextIndex = 0;
      inCustomer = true;
    }
  }

  /**
   * Feeds every remaining transaction to {@code sink}, reading the fields directly.
   *
   * @param sink the receiver
   */
  void drainTo(PurchaseSink sink) {
    while (next()) {
      sink.accept(customer, serial, originalSerial, epochSecond, amountCents, isReturn);
    }
  }

  private void emitSale() {
    long saleSerial = nextSerial();
    long cents = simulation.nextAmountCents();
    if (returnProbability > 0.0) {
      SplittableRandom rng = simulation.returns();
      if (Distributions.uniform(rng) < returnProbability) {
        long delay =
            MIN_RETURN_DELAY_SECONDS
                + (long) (Distributions.uniform(rng) * (MAX_RETURN_DELAY_SECONDS - MIN_RETURN_DELAY_SECONDS));
        long returnOffset = nextSaleOffset + delay;
        if (returnOffset < observationSeconds) {
          push(returnOffset, saleSerial, cents);
        }
      }
    }
    set(saleSerial, -1L, nextSaleOffset, cents, false);
  }

  private void emitReturn() {
    long offset = pendingOffset[0];
    long original = pendingSerial[0];
    long cents = pendingCents[0];
    popMin();
    set(nextSerial(), original, offset, cents, true);
  }

  private long nextSerial() {
    if (nextIndex > MAX_INDEX) {
      throw new IllegalStateException(
          "customer " + currentCustomer + " must have at most 2^32 transactions, has more");
    }
    return ((long) currentCustomer << 32) | nextIndex++;
  }

  private void set(long serial, long originalSerial, long offset, long cents, boolean isReturn) {
    this.positioned = true;
    this.customer = currentCustomer;
    this.serial = serial;
    this.originalSerial = originalSerial;
    this.epochSecond = startSecond + offset;
    this.amountCents = cents;
    this.isReturn = isReturn;
  }

  private static boolean less(long offsetA, long serialA, long offsetB, long serialB) {
    return offsetA < offsetB || (offsetA == offsetB && serialA < serialB);
  }

  private void push(long offset, long originalSerial, long cents) {
    if (pendingSize == pendingOffset.length) {
      int capacity = pendingSize * 2;
      pendingOffset = Arrays.copyOf(pendingOffset, capacity);
      pendingSerial = Arrays.copyOf(pendingSerial, capacity);
      pendingCents = Arrays.copyOf(pendingCents, capacity);
    }
    int i = pendingSize++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(offset, originalSerial, pendingOffset[parent], pendingSerial[parent])) {
        break;
      }
      pendingOffset[i] = pendingOffset[parent];
      pendingSerial[i] = pendingSerial[parent];
      pendingCents[i] = pendingCents[parent];
      i = parent;
    }
    pendingOffset[i] = offset;
    pendingSerial[i] = originalSerial;
    pendingCents[i] = cents;
  }

  private void popMin() {
    int size = --pendingSize;
    if (size == 0) {
      return;
    }
    long offset = pendingOffset[size];
    long originalSerial = pendingSerial[size];
    long cents = pendingCents[size];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size
          && less(pendingOffset[child + 1], pendingSerial[child + 1], pendingOffset[child], pendingSerial[child])) {
        child++;
      }
      if (!less(pendingOffset[child], pendingSerial[child], offset, originalSerial)) {
        break;
      }
      pendingOffset[i] = pendingOffset[child];
      pendingSerial[i] = pendingSerial[child];
      pendingCents[i] = pendingCents[child];
      i = child;
    }
    pendingOffset[i] = offset;
    pendingSerial[i] = originalSerial;
    pendingCents[i] = cents;
  }

  private void checkPositioned() {
    if (!positioned) {
      throw new IllegalStateException("no current transaction: the getters need a preceding next() that returned true");
    }
  }

  /**
   * Returns the current transaction's customer index.
   *
   * @return the customer index
   * @throws IllegalStateException unless the last call to {@link #next()} returned {@code true}
   */
  public int customer() {
    checkPositioned();
    return customer;
  }

  /**
   * Returns the current transaction's serial, {@code ((long) customer << 32) | k} with {@code k} the customer's
   * transaction count before it.
   *
   * @return the serial
   * @throws IllegalStateException unless the last call to {@link #next()} returned {@code true}
   */
  public long serial() {
    checkPositioned();
    return serial;
  }

  /**
   * Returns, for a return, the serial of the returned sale; {@code -1} for a sale.
   *
   * @return the original serial or -1
   * @throws IllegalStateException unless the last call to {@link #next()} returned {@code true}
   */
  public long originalSerial() {
    checkPositioned();
    return originalSerial;
  }

  /**
   * Returns the current transaction's time in seconds since 1970-01-01T00:00:00Z.
   *
   * @return the epoch second
   * @throws IllegalStateException unless the last call to {@link #next()} returned {@code true}
   */
  public long epochSecond() {
    checkPositioned();
    return epochSecond;
  }

  /**
   * Returns the current transaction's amount in cents, {@code >= 0}; for a return, the returned sale's amount.
   *
   * @return the amount in cents
   * @throws IllegalStateException unless the last call to {@link #next()} returned {@code true}
   */
  public long amountCents() {
    checkPositioned();
    return amountCents;
  }

  /**
   * Returns whether the current transaction is a return.
   *
   * @return whether it is a return
   * @throws IllegalStateException unless the last call to {@link #next()} returned {@code true}
   */
  public boolean isReturn() {
    checkPositioned();
    return isReturn;
  }
}
