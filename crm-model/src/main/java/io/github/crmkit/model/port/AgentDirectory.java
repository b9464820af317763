package io.github.crmkit.model.port;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.Team;
import io.github.crmkit.model.TeamId;
import io.github.crmkit.model.Territory;
import io.github.crmkit.model.TerritoryId;
import java.util.List;
import java.util.Optional;

/**
 * Secondary port: who can be assigned work. The routing engine reads agents, teams and territories through it;
 * the host implements it over its user directory or HR system. {@code crm-testkit} has an in-memory implementation
 * and {@code AgentDirectoryContract}.
 *
 * <p>Contract: lists are ordered by id and unmodifiable; inactive agents are included (the caller filters).
 * Implementations state their thread-safety.
 */
public interface AgentDirectory {
  /**
   * Finds an agent.
   *
   * @param id the id
   * @return the agent, if known
   */
  Optional<Agent> agent(AgentId id);

  /**
   * Returns every agent.
   *
   * @return the agents, ordered by id
   */
  List<Agent> agents();

  /**
   * Returns the agents of a team (not of its sub-teams).
   *
   * @param team the team
   * @return the members, ordered by id
   */
  List<Agent> agentsInTeam(TeamId team);

  /**
   * Returns the agents that cover a territory directly (not through a parent or child territory).
   *
   * @param territory the territory
   * @return the agents, ordered by id
   */
  List<Agent> agentsInTerritory(TerritoryId territory);

  /**
   * Finds a team.
   *
   * @param id the id
   * @return the team, if known
   */
  Optional<Team> team(TeamId id);

  /**
   * Returns every territory.
   *
   * @return the territories, ordered by id
   */
  List<Territory> territories();
}
