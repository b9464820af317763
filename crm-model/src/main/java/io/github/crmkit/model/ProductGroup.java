package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A group of products, optionally within a parent group (a hierarchy by parent id: category, line, series).
 *
 * <p>Validation: the name is at most 200 characters on one line; a group is not its own parent.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutableProductGroup.class)
@JsonDeserialize(as = ImmutableProductGroup.class)
public abstract class ProductGroup {
  ProductGroup() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The group's identifier.
   *
   * @return the id
   */
  public abstract ProductGroupId id();

  /**
   * The group's name.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * The parent group.
   *
   * @return the parent, if any
   */
  public abstract Optional<ProductGroupId> parent();

  @Value.Check
  final void check() {
    Checks.line("ProductGroup.name", name(), 200);
    if (parent().isPresent() && parent().get().equals(id())) {
      throw new IllegalArgumentException("ProductGroup.parent must differ from ProductGroup.id");
    }
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

  /** Builds a {@link ProductGroup}; not thread-safe. */
  public static final class Builder extends ImmutableProductGroup.Builder {
    Builder() {}
  }
}
