package io.github.crmkit.cli;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.Team;
import io.github.crmkit.model.TeamId;
import io.github.crmkit.model.Territory;
import io.github.crmkit.model.TerritoryId;
import io.github.crmkit.model.port.AgentDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The agents of an agents file and the territories of a territories file, as the routing engine reads them: no
 * teams of their own (a team is known through its members' {@code team}).
 *
 * <p>Immutable and thread-safe.
 */
final class FileAgentDirectory implements AgentDirectory {
  private final List<Agent> agents;
  private final List<Territory> territories;

  FileAgentDirectory(List<Agent> agents, List<Territory> territories) {
    this.territories = List.copyOf(territories);
    List<Agent> sorted = new ArrayList<>(agents);
    sorted.sort((a, b) -> a.id().compareTo(b.id()));
    this.agents = List.copyOf(sorted);
  }

  @Override
  public Optional<Agent> agent(AgentId id) {
    for (Agent agent : agents) {
      if (agent.id().equals(id)) {
        return Optional.of(agent);
      }
    }
    return Optional.empty();
  }

  @Override
  public List<Agent> agents() {
    return agents;
  }

  @Override
  public List<Agent> agentsInTeam(TeamId team) {
    List<Agent> out = new ArrayList<>();
    for (Agent agent : agents) {
      if (agent.team().equals(Optional.of(team))) {
        out.add(agent);
      }
    }
    return List.copyOf(out);
  }

  @Override
  public List<Agent> agentsInTerritory(TerritoryId territory) {
    List<Agent> out = new ArrayList<>();
    for (Agent agent : agents) {
      if (agent.territories().contains(territory)) {
        out.add(agent);
      }
    }
    return List.copyOf(out);
  }

  @Override
  public Optional<Team> team(TeamId id) {
    return Optional.empty();
  }

  @Override
  public List<Territory> territories() {
    return territories;
  }
}
