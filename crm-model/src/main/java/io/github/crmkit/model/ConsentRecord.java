package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A customer's consent for one purpose (for example {@code marketing.email} or {@code profiling}): when it was
 * granted and, if so, when it was withdrawn. A withdrawn consent stays on record; a new grant after a withdrawal is a
 * new record.
 *
 * <p>Validation: the purpose is a lower-case token; {@code withdrawnAt} is not before {@code grantedAt}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutableConsentRecord.class)
@JsonDeserialize(as = ImmutableConsentRecord.class)
public abstract class ConsentRecord {
  ConsentRecord() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a consent granted at the given instant and not withdrawn.
   *
   * @param purpose the purpose, a lower-case token
   * @param grantedAt when it was granted
   * @return the record
   */
  public static ConsentRecord granted(String purpose, Instant grantedAt) {
    return builder().purpose(purpose).grantedAt(grantedAt).build();
  }

  /**
   * The purpose, a lower-case token such as {@code marketing.email}.
   *
   * @return the purpose
   */
  public abstract String purpose();

  /**
   * When the consent was granted.
   *
   * @return the instant
   */
  public abstract Instant grantedAt();

  /**
   * When the consent was withdrawn.
   *
   * @return the instant, if withdrawn
   */
  public abstract Optional<Instant> withdrawnAt();

  /**
   * Where the consent was collected, a lower-case token such as {@code web-form} or {@code store}.
   *
   * @return the source, if recorded
   */
  public abstract Optional<String> source();

  /**
   * Whether the consent was in force at an instant: granted at or before it and not withdrawn at or before it.
   *
   * @param at the instant
   * @return true if in force
   */
  public final boolean isActiveAt(Instant at) {
    return !grantedAt().isAfter(at) && withdrawnAt().map(w -> w.isAfter(at)).orElse(true);
  }

  @Value.Check
  final void check() {
    Checks.token("ConsentRecord.purpose", purpose());
    source().ifPresent(s -> Checks.token("ConsentRecord.source", s));
    withdrawnAt().ifPresent(w -> Checks.notBefore("ConsentRecord.withdrawnAt", w, "grantedAt", grantedAt()));
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

  /** Builds a {@link ConsentRecord}; not thread-safe. */
  public static final class Builder extends ImmutableConsentRecord.Builder {
    Builder() {}
  }
}
