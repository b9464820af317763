package io.github.crmkit.scoring;

import io.github.crmkit.model.Transaction;
import io.github.crmkit.model.TransactionKind;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Transactions as columns of primitives: the input of crmkit's batch scoring engines, built once (from files, from
 * model {@link Transaction}s, or from the caller's arrays) and then read by any number of scorers.
 *
 * <p>Columns, one entry per accepted row {@code i}:
 * <ul>
 *   <li>{@link #customer(int)}: a dense customer key in {@code [0, customerCount())}; {@link #customerId(int)} maps
 *       a key back to the external id;
 *   <li>{@link #day(int)}: the day of the transaction, as an epoch day ({@link LocalDate#toEpochDay()});
 *   <li>{@link #amount(int)}: the signed effect on monetary value: positive for a sale, negative for a return or
 *       cancellation;
 *   <li>{@link #kind(int)} (optional): sale, return or cancellation; returns and cancellations do not count as
 *       orders. Without a kind column every row is a sale;
 *   <li>{@link #order(int)} (optional): a dense order key, so that several rows of one order count as one order.
 *       Order ids are scoped to their customer: an order key never belongs to two customers (the same order id on
 *       rows of two customers makes two orders). Without an order column every sale row is an order.
 * </ul>
 *
 * <p>Rows the builder could not accept are kept as {@link #rejects()}; {@link #inputRows()} = {@link #size()} +
 * {@code rejects().size()}, always.
 *
 * <p>Immutable and thread-safe once built (the arrays are owned by this object and never exposed).
 */
public final class TransactionColumns {
  /** The {@link #kind} code of a sale. */
  public static final byte SALE = 0;
  /** The {@link #kind} code of a return. */
  public static final byte RETURN = 1;
  /** The {@link #kind} code of a cancellation. */
  public static final byte CANCELLATION = 2;

  final int size;
  final int[] customer;
  final int[] day;
  final double[] amount;
  final byte[] kind;
  final int[] order;
  /** The smallest and largest day of any row; 0 and 0 when there are no rows. */
  final int minDay;
  final int maxDay;
  private final String[] customerIds;
  private final int orderCount;
  private final List<RejectedRow> rejects;

  private TransactionColumns(int size, int[] customer, int[] day, double[] amount, byte[] kind, int[] order,
      String[] customerIds, int orderCount, List<RejectedRow> rejects) {
    this.size = size;
    this.customer = customer;
    this.day = day;
    this.amount = amount;
    this.kind = kind;
    this.order = order;
    this.customerIds = customerIds;
    this.orderCount = orderCount;
    this.rejects = rejects;
    int lo = size == 0 ? 0 : Integer.MAX_VALUE;
    int hi = size == 0 ? 0 : Integer.MIN_VALUE;
    for (int i = 0; i < size; i++) {
      int d = day[i];
      if (d < lo) {
        lo = d;
      }
      if (d > hi) {
        hi = d;
      }
    }
    this.minDay = lo;
    this.maxDay = hi;
  }

  /**
   * Returns a builder that dictionary-encodes customer and order ids as rows are added.
   *
   * @param expectedRows a capacity hint
   * @return a builder
   */
  public static Builder builder(int expectedRows) {
    return new Builder(expectedRows);
  }

  /**
   * Copies model transactions into columns, their days taken in a time zone. A transaction whose day does not fit an
   * {@code int} epoch day is rejected (field {@code occurredAt}), with its 1-based position as row.
   *
   * @param transactions the transactions, in any order, all in one currency
   * @param zone the zone in which a transaction's instant falls on a day
   * @return the columns; a transaction's id is its order id
   * @throws IllegalArgumentException if the transactions are in more than one currency (amounts of different
   *     currencies cannot be summed; convert them first)
   */
  public static TransactionColumns of(Iterable<Transaction> transactions, ZoneId zone) {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(zone, "zone");
    Builder builder = builder(transactions instanceof java.util.Collection<?> c ? c.size() : 1024);
    Currency currency = null;
    long position = 0;
    for (Transaction t : transactions) {
      position++;
      Currency own = t.total().currency();
      if (currency == null) {
        currency = own;
      } else if (!currency.equals(own)) {
        throw new IllegalArgumentException("transactions must share one currency: expected " + currency + ", was "
            + own + " at position " + position);
      }
      long epochDay = LocalDate.ofInstant(t.occurredAt(), zone).toEpochDay();
      if (epochDay != (int) epochDay) {
        builder.reject("", position, 0, "occurredAt", "day outside the int range");
        continue;
      }
      double value = t.signedTotal().amount().doubleValue();
      builder.add(t.customer().value(), (int) epochDay, value, t.id().value(), t.kind());
    }
    return builder.build();
  }

  /**
   * Wraps primitive columns given by the caller (copied), all sales, every row its own order.
   *
   * @param customer dense customer keys, each in {@code [0, customerIds.length)}
   * @param day epoch days
   * @param amount finite amounts
   * @param customerIds the external id of each customer key, distinct
   * @return the columns
   * @throws IllegalArgumentException naming the first bad index if the arrays differ in length, a key is out of
   *     range, an amount is not finite, or a customer id is null, blank or repeated
   */
  public static TransactionColumns of(int[] customer, int[] day, double[] amount, String[] customerIds) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(customerIds, "customerIds");
    int n = customer.length;
    if (day.length != n || amount.length != n) {
      throw new IllegalArgumentException("customer, day and amount must have the same length, were " + n + ", "
          + day.length + ", " + amount.length);
    }
    for (int i = 0; i < n; i++) {
      if (customer[i] < 0 || customer[i] >= customerIds.length) {
        throw new IllegalArgumentException("customer[" + i + "] must be in [0, " + customerIds.length + "), was "
            + customer[i]);
      }
      if (!Double.isFinite(amount[i])) {
        throw new IllegalArgumentException("amount[" + i + "] must be a finite number, was " + amount[i]);
      }
    }
    String[] ids = customerIds.clone();
    for (int k = 0; k < ids.length; k++) {
      if (ids[k] == null || ids[k].isBlank()) {
        throw new IllegalArgumentException("customerIds[" + k + "] must not be null or blank");
      }
    }
    if (new java.util.HashSet<>(Arrays.asList(ids)).size() != ids.length) {
      throw new IllegalArgumentException("customerIds must be distinct");
    }
    return new TransactionColumns(n, customer.clone(), day.clone(), amount.clone(), null, null, ids, 0, List.of());
  }

  /**
   * The number of accepted rows.
   *
   * @return the row count
   */
  public int size() {
    return size;
  }

  /**
   * The number of rows offered to the builder: accepted plus rejected.
   *
   * @return the input row count
   */
  public long inputRows() {
    return (long) size + rejects.size();
  }

  /**
   * The rows that were not accepted, in input order.
   *
   * @return the rejects, unmodifiable
   */
  public List<RejectedRow> rejects() {
    return rejects;
  }

  /**
   * The number of distinct customers.
   *
   * @return the customer count
   */
  public int customerCount() {
    return customerIds.length;
  }

  /**
   * The external id of a customer key.
   *
   * @param key a customer key in {@code [0, customerCount())}
   * @return the id
   */
  public String customerId(int key) {
    return customerIds[key];
  }

  /**
   * The customer key of row {@code i}.
   *
   * @param i the row
   * @return the key
   */
  public int customer(int i) {
    Objects.checkIndex(i, size);
    return customer[i];
  }

  /**
   * The epoch day of row {@code i}.
   *
   * @param i the row
   * @return the day
   */
  public int day(int i) {
    Objects.checkIndex(i, size);
    return day[i];
  }

  /**
   * The signed amount of row {@code i}: positive for a sale, negative for a return or cancellation.
   *
   * @param i the row
   * @return the amount
   */
  public double amount(int i) {
    Objects.checkIndex(i, size);
    return amount[i];
  }

  /**
   * The kind of row {@code i}: {@link #SALE}, {@link #RETURN} or {@link #CANCELLATION}.
   *
   * @param i the row
   * @return the kind code
   */
  public byte kind(int i) {
    Objects.checkIndex(i, size);
    return kind == null ? SALE : kind[i];
  }

  /**
   * Whether an order column was given.
   *
   * @return true if rows carry order keys
   */
  public boolean hasOrders() {
    return order != null;
  }

  /**
   * The number of distinct orders, when an order column was given.
   *
   * @return the order count, or 0 without an order column
   */
  public int orderCount() {
    return orderCount;
  }

  /**
   * The order key of row {@code i}.
   *
   * @param i the row
   * @return the order key, or -1 without an order column
   */
  public int order(int i) {
    Objects.checkIndex(i, size);
    return order == null ? -1 : order[i];
  }

  /**
   * Builds {@link TransactionColumns} row by row, dictionary-encoding ids and collecting rejects. Not thread-safe.
   */
  public static final class Builder {
    private static final int MAX_ROWS = Integer.MAX_VALUE - 8;

    private int size;
    private int[] customer;
    private int[] day;
    private double[] amount;
    private byte[] kind;
    private int[] order;
    private boolean anyKind;
    private boolean anyOrder;
    private long inputRow;
    private final Map<String, Integer> customerKeys = new HashMap<>();
    private final List<String> customerIds = new ArrayList<>();
    private final Map<OrderId, Integer> orderKeys = new HashMap<>();
    private final List<RejectedRow> rejects = new ArrayList<>();

    private Builder(int expectedRows) {
      int capacity = Math.max(16, expectedRows);
      customer = new int[capacity];
      day = new int[capacity];
      amount = new double[capacity];
      kind = new byte[capacity];
      order = new int[capacity];
    }

    /**
     * Adds a sale that is its own order.
     *
     * @param customerId the customer's external id
     * @param epochDay the day
     * @param value the amount
     * @return true if accepted, false if rejected (see {@link TransactionColumns#rejects()})
     */
    public boolean add(String customerId, int epochDay, double value) {
      return add(customerId, epochDay, value, null, TransactionKind.SALE);
    }

    /**
     * Adds a row.
     *
     * @param customerId the customer's external id; a null or blank id rejects the row
     * @param epochDay the day
     * @param value the signed amount (a return's or cancellation's is made negative if given positive); a
     *     non-finite amount rejects the row
     * @param orderId the order id, or null if the row is its own order
     * @param transactionKind the kind
     * @return true if accepted, false if rejected
     * @throws IllegalStateException if the builder already holds the largest number of rows an array can hold
     */
    public boolean add(String customerId, int epochDay, double value, String orderId, TransactionKind transactionKind) {
      inputRow++;
      if (customerId == null || customerId.isBlank()) {
        rejects.add(new RejectedRow("", inputRow, 0, "customer", "missing customer id"));
        return false;
      }
      if (!Double.isFinite(value)) {
        rejects.add(new RejectedRow("", inputRow, 0, "amount", "not a finite number"));
        return false;
      }
      ensureCapacity();
      Integer key = customerKeys.get(customerId);
      if (key == null) {
        key = customerIds.size();
        customerKeys.put(customerId, key);
        customerIds.add(customerId);
      }
      customer[size] = key;
      day[size] = epochDay;
      byte code = transactionKind == TransactionKind.RETURN ? RETURN
          : transactionKind == TransactionKind.CANCELLATION ? CANCELLATION : SALE;
      amount[size] = code == SALE ? value : -Math.abs(value);
      kind[size] = code;
      anyKind |= code != SALE;
      if (orderId != null) {
        OrderId scoped = new OrderId(key, orderId);
        Integer o = orderKeys.get(scoped);
        if (o == null) {
          o = orderKeys.size();
          orderKeys.put(scoped, o);
        }
        order[size] = o;
        anyOrder = true;
      } else {
        order[size] = -1;
      }
      size++;
      return true;
    }

    /**
     * Records a row that could not be read (for example a date that does not parse), so that counts reconcile.
     *
     * @param source the file, or {@code ""}
     * @param row the 1-based row or line number in the source
     * @param column the 1-based column, or 0
     * @param field the field concerned
     * @param reason what is wrong, without the offending value
     */
    public void reject(String source, long row, int column, String field, String reason) {
      inputRow++;
      rejects.add(new RejectedRow(source, row, column, field, reason));
    }

    /**
     * The number of rows offered so far, accepted or rejected.
     *
     * @return the count
     */
    public long inputRows() {
      return inputRow;
    }

    private void ensureCapacity() {
      if (size == customer.length) {
        if (size == MAX_ROWS) {
          throw new IllegalStateException("a TransactionColumns holds at most " + MAX_ROWS + " rows");
        }
        int capacity = (int) Math.min(MAX_ROWS, Math.max(16L, customer.length + (long) (customer.length >> 1)));
        customer = Arrays.copyOf(customer, capacity);
        day = Arrays.copyOf(day, capacity);
        amount = Arrays.copyOf(amount, capacity);
        kind = Arrays.copyOf(kind, capacity);
        order = Arrays.copyOf(order, capacity);
      }
    }

    /** An order id scoped to its customer key. */
    private record OrderId(int customer, String id) {}

    /**
     * Builds the columns. Rows without an order id get fresh order keys of their own when other rows have one.
     *
     * @return the columns
     */
    public TransactionColumns build() {
      int orderCount = orderKeys.size();
      int[] orders = null;
      if (anyOrder) {
        orders = Arrays.copyOf(order, size);
        for (int i = 0; i < size; i++) {
          if (orders[i] < 0) {
            orders[i] = orderCount++;
          }
        }
      }
      return new TransactionColumns(size, Arrays.copyOf(customer, size), Arrays.copyOf(day, size),
          Arrays.copyOf(amount, size), anyKind ? Arrays.copyOf(kind, size) : null, orders,
          customerIds.toArray(new String[0]), anyOrder ? orderCount : 0,
          Collections.unmodifiableList(new ArrayList<>(rejects)));
    }
  }
}
