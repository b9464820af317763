package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.CrmStyle;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * A line of an order or an opportunity: a product, a quantity and a unit price.
 *
 * <p>Validation: the quantity is positive (a return is a {@link Transaction} of kind
 * {@link TransactionKind#RETURN}, not a negative quantity) with at most 6 decimal places; the unit price is not
 * negative.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable(builder = false)
@CrmStyle
@JsonSerialize(as = ImmutableLineItem.class)
@JsonDeserialize(as = ImmutableLineItem.class)
public abstract class LineItem {
  LineItem() {}

  /**
   * Returns a line item.
   *
   * @param product the product
   * @param quantity a positive quantity
   * @param unitPrice a non-negative unit price
   * @return the line item
   */
  public static LineItem of(ProductId product, BigDecimal quantity, Money unitPrice) {
    return ImmutableLineItem.of(product, quantity, unitPrice);
  }

  /**
   * Returns a line item with a whole quantity.
   *
   * @param product the product
   * @param quantity a positive quantity
   * @param unitPrice a non-negative unit price
   * @return the line item
   */
  public static LineItem of(ProductId product, long quantity, Money unitPrice) {
    return of(product, BigDecimal.valueOf(quantity), unitPrice);
  }

  /**
   * The product.
   *
   * @return the product
   */
  @Value.Parameter
  public abstract ProductId product();

  /**
   * The quantity, positive.
   *
   * @return the quantity
   */
  @Value.Parameter
  public abstract BigDecimal quantity();

  /**
   * The price of one unit.
   *
   * @return the unit price
   */
  @Value.Parameter
  public abstract Money unitPrice();

  /**
   * Returns unit price times quantity.
   *
   * @return the line total
   */
  public final Money total() {
    return unitPrice().times(quantity());
  }

  @Value.Check
  final void check() {
    if (quantity().signum() <= 0) {
      throw new IllegalArgumentException("LineItem.quantity must be positive, was " + quantity().toPlainString());
    }
    if (quantity().stripTrailingZeros().scale() > 6) {
      throw new IllegalArgumentException("LineItem.quantity must have at most 6 decimal places");
    }
    if (unitPrice().isNegative()) {
      throw new IllegalArgumentException("LineItem.unitPrice must not be negative, was " + unitPrice());
    }
  }
}
