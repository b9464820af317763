package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A product or service the host sells, optionally in a {@link ProductGroup}.
 *
 * <p>Validation: the name is at most 200 characters and the SKU at most 64, each on one line; the list price is not
 * negative.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutableProduct.class)
@JsonDeserialize(as = ImmutableProduct.class)
public abstract class Product implements Attributed {
  Product() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The product's identifier.
   *
   * @return the id
   */
  public abstract ProductId id();

  /**
   * The product's name.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * The stock-keeping unit code.
   *
   * @return the SKU, if any
   */
  public abstract Optional<String> sku();

  /**
   * The product group.
   *
   * @return the group, if any
   */
  public abstract Optional<ProductGroupId> group();

  /**
   * The list price.
   *
   * @return the price, if listed
   */
  public abstract Optional<Money> listPrice();

  /**
   * Whether the product is still sold; true unless set.
   *
   * @return the active flag
   */
  @Value.Default
  public boolean active() {
    return true;
  }

  @Override
  public abstract Map<String, AttributeValue> attributes();

  @Value.Check
  final void check() {
    Checks.line("Product.name", name(), 200);
    sku().ifPresent(s -> Checks.line("Product.sku", s, 64));
    listPrice().ifPresent(p -> {
      if (p.isNegative()) {
        throw new IllegalArgumentException("Product.listPrice must not be negative, was " + p);
      }
    });
    Checks.attributeKeys("Product.attributes", attributes());
  }

  /**
   * Returns a builder initialised with this value's attributes, to derive a changed copy:
   * {@code x.toBuilder().someAttribute(newValue).build()}. Setting an attribute again replaces it; collection
   * attributes are replaced by their plural setter and appended to by their {@code add} methods.
   *
   * @return a new builder
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link Product}; not thread-safe. */
  public static final class Builder extends ImmutableProduct.Builder {
    Builder() {}
  }
}
