package io.github.crmkit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.crmkit.model.internal.Checks;
import io.github.crmkit.model.internal.CrmStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A team of agents, optionally within a parent team. Agents name their team ({@link Agent#team()}); teams form a
 * hierarchy by parent id.
 *
 * <p>Validation: the name is at most 200 characters on one line; a team is not its own parent.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@CrmStyle
@JsonSerialize(as = ImmutableTeam.class)
@JsonDeserialize(as = ImmutableTeam.class)
public abstract class Team {
  Team() {}

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The team's identifier.
   *
   * @return the id
   */
  public abstract TeamId id();

  /**
   * The team's name.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * The team's manager.
   *
   * @return the manager, if any
   */
  public abstract Optional<AgentId> manager();

  /**
   * The parent team.
   *
   * @return the parent, if any
   */
  public abstract Optional<TeamId> parent();

  @Value.Check
  final void check() {
    Checks.line("Team.name", name(), 200);
    if (parent().isPresent() && parent().get().equals(id())) {
      throw new IllegalArgumentException("Team.parent must differ from Team.id");
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

  /** Builds a {@link Team}; not thread-safe. */
  public static final class Builder extends ImmutableTeam.Builder {
    Builder() {}
  }
}
