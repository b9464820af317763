package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.immutables.value.Value;

/**
 * An agent: anyone or anything work can be assigned to: a sales rep, a regional manager, a dealer, a distributor or
 * a queue. The routing engine reads its team, territories, skills, languages, weight, capacity, calendar and active
 * flag.
 *
 * <p>Validation: the display name is at most 200 characters on one line; skills are lower-case tokens; languages
 * are well-formed BCP 47 tags such as {@code zh-CN} or {@code en}; the weight is finite and positive (1 by
 * default); the agent does not report to itself. The display name of a person is personal data and never appears in
 * {@link #toString()}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutableAgent.class)
@JsonDeserialize(as = ImmutableAgent.class)
public abstract class Agent implements Attributed {
  Agent() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The agent's identifier.
   *
   * @return the id
   */
  public abstract AgentId id();

  /**
   * What kind of assignee this is.
   *
   * @return the kind
   */
  public abstract AgentKind kind();

  /**
   * The name to show (a person's name, a dealer's or a queue's name).
   *
   * @return the display name
   */
  @Value.Redacted
  public abstract String displayName();

  /**
   * The agent's team.
   *
   * @return the team, if any
   */
  public abstract Optional<TeamId> team();

  /**
   * The agent this one reports to (a rep's regional manager, a dealer's distributor).
   *
   * @return the manager, if any
   */
  public abstract Optional<AgentId> reportsTo();

  /**
   * The territories the agent covers.
   *
   * @return the territories
   */
  @Value.NaturalOrder
  public abstract SortedSet<TerritoryId> territories();

  /**
   * Skills, lower-case tokens such as {@code industrial-pumps}.
   *
   * @return the skills
   */
  @Value.NaturalOrder
  public abstract SortedSet<String> skills();

  /**
   * Languages spoken, BCP 47 tags such as {@code zh-CN}.
   *
   * @return the languages
   */
  @Value.NaturalOrder
  public abstract SortedSet<String> languages();

  /**
   * The relative share of work for weighted distribution; 1 unless set.
   *
   * @return the weight, positive
   */
  @Value.Default
  public double weight() {
    return 1.0;
  }

  /**
   * Caps on new work; unlimited unless set.
   *
   * @return the capacity
   */
  @Value.Default
  public Capacity capacity() {
    return Capacity.unlimited();
  }

  /**
   * When the agent works; without a calendar the agent is always available.
   *
   * @return the calendar, if any
   */
  public abstract Optional<WorkingCalendar> calendar();

  /**
   * Whether the agent takes work at all; true unless set.
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
    Checks.line("Agent.displayName", displayName(), 200);
    if (reportsTo().isPresent() && reportsTo().get().equals(id())) {
      throw new IllegalArgumentException("Agent.reportsTo must differ from Agent.id");
    }
    Checks.size("Agent.territories", territories().size(), 1000);
    Checks.size("Agent.skills", skills().size(), 200);
    Checks.tokens("Agent.skills", skills());
    Checks.size("Agent.languages", languages().size(), 50);
    for (String language : languages()) {
      Locale locale = Locale.forLanguageTag(language);
      if (locale.getLanguage().isEmpty() || !locale.toLanguageTag().equals(language)) {
        throw new IllegalArgumentException("Agent.languages element must be a well-formed BCP 47 tag such as "
            + "'zh-CN' or 'en', was '" + Checks.printable(language) + "'");
      }
    }
    double weight = Checks.finite("Agent.weight", weight());
    if (weight <= 0) {
      throw new IllegalArgumentException("Agent.weight must be positive, was " + weight);
    }
    Checks.attributeKeys("Agent.attributes", attributes());
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

  /** Builds an {@link Agent}; not thread-safe. */
  public static final class Builder extends ImmutableAgent.Builder {
    Builder() {}
  }
}
