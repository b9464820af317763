package io.github.crmkit.testkit.inmemory;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.Team;
import io.github.crmkit.model.TeamId;
import io.github.crmkit.model.Territory;
import io.github.crmkit.model.TerritoryId;
import io.github.crmkit.model.port.AgentDirectory;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An {@link AgentDirectory} in memory. {@code put} methods add or replace by id; lists are snapshots ordered by id.
 *
 * <p>Thread-safe.
 */
public final class InMemoryAgentDirectory implements AgentDirectory {
  private final ConcurrentSkipListMap<AgentId, Agent> agents = new ConcurrentSkipListMap<>();
  private final ConcurrentSkipListMap<TeamId, Team> teams = new ConcurrentSkipListMap<>();
  private final ConcurrentSkipListMap<TerritoryId, Territory> territories = new ConcurrentSkipListMap<>();

  /** Creates an empty directory. */
  public InMemoryAgentDirectory() {}

  /**
   * Creates a directory holding the given agents, teams and territories.
   *
   * @param agents the agents
   * @param teams the teams
   * @param territories the territories
   * @return the directory
   */
  public static InMemoryAgentDirectory of(
      Iterable<Agent> agents, Iterable<Team> teams, Iterable<Territory> territories) {
    InMemoryAgentDirectory directory = new InMemoryAgentDirectory();
    agents.forEach(directory::put);
    teams.forEach(directory::put);
    territories.forEach(directory::put);
    return directory;
  }

  /**
   * Adds or replaces an agent.
   *
   * @param agent the agent
   */
  public void put(Agent agent) {
    agents.put(agent.id(), agent);
  }

  /**
   * Adds or replaces a team.
   *
   * @param team the team
   */
  public void put(Team team) {
    teams.put(team.id(), team);
  }

  /**
   * Adds or replaces a territory.
   *
   * @param territory the territory
   */
  public void put(Territory territory) {
    territories.put(territory.id(), territory);
  }

  @Override
  public Optional<Agent> agent(AgentId id) {
    return Optional.ofNullable(agents.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public List<Agent> agents() {
    return List.copyOf(agents.values());
  }

  @Override
  public List<Agent> agentsInTeam(TeamId team) {
    Optional<TeamId> wanted = Optional.of(Objects.requireNonNull(team, "team"));
    return agents.values().stream().filter(a -> a.team().equals(wanted)).toList();
  }

  @Override
  public List<Agent> agentsInTerritory(TerritoryId territory) {
    Objects.requireNonNull(territory, "territory");
    return agents.values().stream().filter(a -> a.territories().contains(territory)).toList();
  }

  @Override
  public Optional<Team> team(TeamId id) {
    return Optional.ofNullable(teams.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public List<Territory> territories() {
    return List.copyOf(territories.values());
  }
}
