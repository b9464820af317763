package io.github.crmkit.routing.pool;

import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.model.internal.CrmStyle;
import io.github.crmkit.model.internal.Identifiers;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * Identifies a record of the public pool: a {@link LeadId lead} or a {@link CustomerId customer}. Two ids are equal
 * when their kind and value are; ids order by kind (leads first), then by value.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable(builder = false)
@CrmStyle
public abstract class PoolRecordId implements Comparable<PoolRecordId> {
  PoolRecordId() {}

  /** What a pool record is. */
  public enum Kind {
    /** A lead ({@link LeadId}). */
    LEAD("lead"),
    /** A customer ({@link CustomerId}). */
    CUSTOMER("customer");

    private final String token;

    Kind(String token) {
      this.token = token;
    }

    /**
     * The lower-case token of the kind, used as the aggregate type of the pool's domain events.
     *
     * @return {@code lead} or {@code customer}
     */
    public String token() {
      return token;
    }
  }

  /**
   * Returns the id of a lead's pool record.
   *
   * @param lead the lead
   * @return the record id
   */
  public static PoolRecordId of(LeadId lead) {
    return ImmutablePoolRecordId.of(Kind.LEAD, Objects.requireNonNull(lead, "lead").value());
  }

  /**
   * Returns the id of a customer's pool record.
   *
   * @param customer the customer
   * @return the record id
   */
  public static PoolRecordId of(CustomerId customer) {
    return ImmutablePoolRecordId.of(Kind.CUSTOMER, Objects.requireNonNull(customer, "customer").value());
  }

  /**
   * Whether the record is a lead or a customer.
   *
   * @return the kind
   */
  @Value.Parameter(order = 0)
  public abstract Kind kind();

  /**
   * The lead's or customer's identifier value.
   *
   * @return the value, 1 to 128 characters
   */
  @Value.Parameter(order = 1)
  public abstract String value();

  @Value.Check
  final void check() {
    Identifiers.check("PoolRecordId.value", value());
  }

  @Override
  public final int compareTo(PoolRecordId other) {
    int byKind = kind().compareTo(other.kind());
    return byKind != 0 ? byKind : value().compareTo(other.value());
  }

  /** Returns {@code lead:VALUE} or {@code customer:VALUE}; identifiers are not personal data. */
  @Override
  public final String toString() {
    return kind().token() + ":" + value();
  }
}
