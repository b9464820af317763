package io.github.crmkit.model;

/** What a transaction does to a customer's purchase history. */
public enum TransactionKind {
  /** A sale: counts as an order and adds to monetary value. */
  SALE,
  /** A return of (part of) an earlier sale: reduces monetary value, does not count as an order. */
  RETURN,
  /** A cancellation of an earlier sale: reduces monetary value, does not count as an order. */
  CANCELLATION;

  /**
   * Whether this kind reverses an earlier sale and so must reference it.
   *
   * @return true for returns and cancellations
   */
  public boolean isReversal() {
    return this != SALE;
  }
}
