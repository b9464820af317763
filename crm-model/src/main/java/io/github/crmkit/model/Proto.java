package io.github.crmkit.model;

import io.github.crmkit.model.internal.CrmStyle;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** proto */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutableProto.class)
@JsonDeserialize(as = ImmutableProto.class)
abstract class Proto {
  public abstract String name();
  @Value.Redacted
  public abstract Optional<String> email();
  public abstract List<String> tags();
  public abstract BigDecimal amount();
  public abstract Currency currency();

  public static Builder builder() { return new Builder(); }

  public static final class Builder extends ImmutableProto.Builder {
    Builder() {}
  }

  @Value.Check
  void check() {
    if (name().isBlank()) throw new IllegalArgumentException("name must not be blank");
  }
}
