package io.github.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.AgentKind;
import io.github.crmkit.model.Team;
import io.github.crmkit.model.TeamId;
import io.github.crmkit.model.Territory;
import io.github.crmkit.model.TerritoryId;
import io.github.crmkit.model.port.AgentDirectory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AgentDirectory}. Subclass it and implement {@link #newDirectory(List, List, List)}.
 */
public abstract class AgentDirectoryContract {
  /** Creates the contract. */
  protected AgentDirectoryContract() {}

  /**
   * Returns a directory holding exactly the given agents, teams and territories.
   *
   * @param agents the agents
   * @param teams the teams
   * @param territories the territories
   * @return the directory under test
   */
  protected abstract AgentDirectory newDirectory(List<Agent> agents, List<Team> teams, List<Territory> territories);

  private static Agent agent(String id, String team, boolean active, String... territories) {
    Agent.Builder b = Agent.builder().id(AgentId.of(id)).kind(AgentKind.SALES_REP).displayName("Rep " + id)
        .active(active);
    if (team != null) {
      b.team(TeamId.of(team));
    }
    for (String t : territories) {
      b.addTerritory(TerritoryId.of(t));
    }
    return b.build();
  }

  private static List<String> ids(List<Agent> agents) {
    return agents.stream().map(a -> a.id().value()).toList();
  }

  private AgentDirectory directory() {
    Team south = Team.builder().id(TeamId.of("south")).name("华南").build();
    Team north = Team.builder().id(TeamId.of("north")).name("华北").parent(TeamId.of("south")).build();
    Territory gd = Territory.builder().id(TerritoryId.of("T-GD")).name("广东").addRegion("广东省").build();
    Territory sz = Territory.builder().id(TerritoryId.of("T-SZ")).name("深圳").parent(TerritoryId.of("T-GD"))
        .addCity("深圳市").build();
    return newDirectory(
        List.of(agent("A-3", "south", true, "T-SZ"), agent("A-1", "south", false, "T-GD", "T-SZ"),
            agent("A-2", "north", true), agent("A-4", null, true, "T-GD")),
        List.of(north, south), List.of(sz, gd));
  }

  @Test
  void agentsAreOrderedByIdAndIncludeInactiveOnes() {
    AgentDirectory directory = directory();
    assertThat(ids(directory.agents())).containsExactly("A-1", "A-2", "A-3", "A-4");
    assertThat(directory.agent(AgentId.of("A-1"))).get().extracting(Agent::active).isEqualTo(false);
    assertThat(directory.agent(AgentId.of("A-9"))).isEmpty();
  }

  @Test
  void teamMembershipIsDirectOnly() {
    AgentDirectory directory = directory();
    assertThat(ids(directory.agentsInTeam(TeamId.of("south")))).containsExactly("A-1", "A-3");
    assertThat(ids(directory.agentsInTeam(TeamId.of("north")))).containsExactly("A-2");
    assertThat(directory.team(TeamId.of("north"))).get().extracting(Team::parent)
        .isEqualTo(java.util.Optional.of(TeamId.of("south")));
    assertThat(directory.team(TeamId.of("west"))).isEmpty();
  }

  @Test
  void territoryCoverageIsDirectOnly() {
    AgentDirectory directory = directory();
    assertThat(ids(directory.agentsInTerritory(TerritoryId.of("T-GD")))).containsExactly("A-1", "A-4");
    assertThat(ids(directory.agentsInTerritory(TerritoryId.of("T-SZ")))).containsExactly("A-1", "A-3");
    assertThat(directory.territories()).extracting(t -> t.id().value()).containsExactly("T-GD", "T-SZ");
  }
}
