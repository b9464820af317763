package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A customer's feedback: a CSAT rating (1 to 5), a Net Promoter Score answer (0 to 10) and/or a comment.
 *
 * <p>Validation: at least one of CSAT, NPS and comment; CSAT in 1..5; NPS in 0..10; the comment is at most 4,000
 * characters; the channel is a lower-case token. The comment may hold personal data and never appears in
 * {@link #toString()}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutableFeedback.class)
@JsonDeserialize(as = ImmutableFeedback.class)
public abstract class Feedback implements Attributed {
  /** The Net Promoter category of an NPS answer. */
  public enum NpsCategory {
    /** 9 or 10. */
    PROMOTER,
    /** 7 or 8. */
    PASSIVE,
    /** 0 to 6. */
    DETRACTOR
  }

  Feedback() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The feedback's identifier.
   *
   * @return the id
   */
  public abstract FeedbackId id();

  /**
   * The customer who gave it.
   *
   * @return the customer
   */
  public abstract CustomerId customer();

  /**
   * Customer satisfaction, 1 (very unsatisfied) to 5 (very satisfied).
   *
   * @return the CSAT rating, if answered
   */
  public abstract OptionalInt csat();

  /**
   * The answer to "how likely are you to recommend us", 0 to 10.
   *
   * @return the NPS answer, if answered
   */
  public abstract OptionalInt nps();

  /**
   * A free-text comment (personal data).
   *
   * @return the comment, if written
   */
  @Value.Redacted
  public abstract Optional<String> comment();

  /**
   * Where it was collected, a lower-case token such as {@code survey-email}.
   *
   * @return the channel, if known
   */
  public abstract Optional<String> channel();

  /**
   * When it was received.
   *
   * @return the instant
   */
  public abstract Instant receivedAt();

  /**
   * The service ticket it is about.
   *
   * @return the ticket, if any
   */
  public abstract Optional<TicketId> ticket();

  @Override
  public abstract Map<String, AttributeValue> attributes();

  /**
   * Returns the Net Promoter category of the NPS answer.
   *
   * @return the category, if NPS was answered
   */
  public final Optional<NpsCategory> npsCategory() {
    if (nps().isEmpty()) {
      return Optional.empty();
    }
    int score = nps().getAsInt();
    return Optional.of(score >= 9 ? NpsCategory.PROMOTER : score >= 7 ? NpsCategory.PASSIVE : NpsCategory.DETRACTOR);
  }

  @Value.Check
  final void check() {
    if (csat().isEmpty() && nps().isEmpty() && comment().isEmpty()) {
      throw new IllegalArgumentException("Feedback needs a csat, an nps or a comment");
    }
    if (csat().isPresent()) {
      Checks.range("Feedback.csat", csat().getAsInt(), 1, 5);
    }
    if (nps().isPresent()) {
      Checks.range("Feedback.nps", nps().getAsInt(), 0, 10);
    }
    comment().ifPresent(c -> Checks.text("Feedback.comment", c, 4000));
    channel().ifPresent(c -> Checks.token("Feedback.channel", c));
    Checks.attributeKeys("Feedback.attributes", attributes());
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

  /** Builds a {@link Feedback}; not thread-safe. */
  public static final class Builder extends ImmutableFeedback.Builder {
    Builder() {}
  }
}
