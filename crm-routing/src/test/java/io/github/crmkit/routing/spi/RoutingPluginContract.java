package io.github.crmkit.routing.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.routing.RoutingPlugins;
import io.github.crmkit.routing.port.AgentCounters;
import io.github.crmkit.routing.port.ScopeCounters;
import io.github.crmkit.testkit.ModelGenerators;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link RoutingPlugin} must meet: subclass it in the plugin's own tests and return the plugin
 * from {@link #plugin()}; override {@link #operands()} to give a valid operand per operator. Shipped in
 * crm-routing's test jar ({@code <type>test-jar</type>}); it needs crm-testkit's generators on the test class path.
 *
 * <p>Checked: a token name and a supported API version; registration of at least one extension, the same on every
 * call; loading the plugin twice fails fast; operators compile their operand and never throw on generated leads
 * (missing fields included); filters return null or a lower-case token for generated agents; strategies are
 * deterministic and return an index in range.
 */
public abstract class RoutingPluginContract {
  /** For subclasses. */
  protected RoutingPluginContract() {}

  private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9_.:-]{0,63}");

  /**
   * Returns the plugin under test.
   *
   * @return the plugin
   */
  protected abstract RoutingPlugin plugin();

  /**
   * A valid field and operand per operator name, as {@code {field, value}}; none by default.
   *
   * @return the operands by operator name
   */
  protected Map<String, Object[]> operands() {
    return Map.of();
  }

  /** What a plugin registered, recorded without an engine. */
  private static final class Recorder implements PluginRegistrar {
    final Map<String, ConditionOperator> operators = new HashMap<>();
    final Map<String, CandidateFilter> filters = new HashMap<>();
    final Map<String, SelectionStrategy> strategies = new HashMap<>();

    @Override
    public void operator(String name, ConditionOperator operator) {
      operators.put(name, operator);
    }

    @Override
    public void filter(String name, CandidateFilter filter) {
      filters.put(name, filter);
    }

    @Override
    public void strategy(String name, SelectionStrategy strategy) {
      strategies.put(name, strategy);
    }
  }

  private Recorder record() {
    Recorder recorder = new Recorder();
    plugin().register(recorder);
    return recorder;
  }

  @Test
  void hasATokenNameAndASupportedApiVersion() {
    assertThat(plugin().name()).matches(TOKEN);
    assertThat(plugin().requiredApiVersion()).isBetween(1, RoutingPlugin.API_VERSION);
    assertThat(RoutingPlugins.of(plugin()).pluginNames()).containsExactly(plugin().name());
  }

  @Test
  void registersAtLeastOneExtensionTheSameEachTime() {
    Recorder first = record();
    Recorder second = record();
    assertThat(first.operators.size() + first.filters.size() + first.strategies.size()).isPositive();
    assertThat(second.operators.keySet()).isEqualTo(first.operators.keySet());
    assertThat(second.filters.keySet()).isEqualTo(first.filters.keySet());
    assertThat(second.strategies.keySet()).isEqualTo(first.strategies.keySet());
    for (String name : first.operators.keySet()) {
      assertThat(name).matches(TOKEN);
    }
  }

  @Test
  void loadingItTwiceFailsFast() {
    assertThatThrownBy(() -> RoutingPlugins.of(plugin(), plugin())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(plugin().name());
  }

  private static final List<Lead> LEADS = generateLeads();
  private static final List<Agent> AGENTS = generateAgents();

  private static List<Lead> leads() {
    return LEADS;
  }

  private static List<Agent> agents() {
    return AGENTS;
  }

  private static List<Lead> generateLeads() {
    SplittableRandom random = new SplittableRandom(20261201L);
    List<Lead> out = new ArrayList<>();
    out.add(Lead.builder().id(LeadId.of("EMPTY")).sourceChannel("web").receivedAt(Instant.EPOCH).build());
    for (int i = 0; i < 200; i++) {
      out.add(ModelGenerators.lead(random));
    }
    return out;
  }

  private static List<Agent> generateAgents() {
    SplittableRandom random = new SplittableRandom(20261202L);
    List<Agent> out = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      out.add(ModelGenerators.agent(random));
    }
    return out;
  }

  @Test
  void operatorsCompileTheirOperandAndNeverThrowOnLeads() {
    for (Map.Entry<String, ConditionOperator> e : record().operators.entrySet()) {
      Object[] operand = operands().getOrDefault(e.getKey(), new Object[] {null, null});
      LeadPredicate predicate = e.getValue().compile((String) operand[0], operand[1]);
      assertThat(predicate).as(e.getKey()).isNotNull();
      for (Lead lead : leads()) {
        predicate.test(lead);
      }
    }
  }

  @Test
  void filtersReturnNullOrAToken() {
    for (Map.Entry<String, CandidateFilter> e : record().filters.entrySet()) {
      for (Lead lead : leads().subList(0, 20)) {
        for (Agent agent : agents()) {
          String code = e.getValue().exclude(agent, lead, Instant.EPOCH);
          if (code != null) {
            assertThat(code).as(e.getKey()).matches(TOKEN);
          }
        }
      }
    }
  }

  @Test
  void strategiesAreDeterministicAndReturnAnIndexInRange() {
    List<Agent> agents = agents();
    for (Map.Entry<String, SelectionStrategy> e : record().strategies.entrySet()) {
      for (int size = 1; size <= 8; size++) {
        for (Lead lead : leads().subList(0, 20)) {
          SelectionContext context = context(agents.subList(0, size), lead);
          int pick = e.getValue().select(context);
          assertThat(pick).as(e.getKey()).isBetween(0, size - 1);
          assertThat(e.getValue().select(context)).as(e.getKey()).isEqualTo(pick);
        }
      }
    }
  }

  private static SelectionContext context(List<Agent> agents, Lead lead) {
    return new SelectionContext() {
      @Override
      public int size() {
        return agents.size();
      }

      @Override
      public Agent agent(int i) {
        return agents.get(i);
      }

      @Override
      public double weight(int i) {
        return agents.get(i).weight();
      }

      @Override
      public long freeCapacity(int i) {
        return 1 + i;
      }

      @Override
      public AgentCounters counters(int i) {
        return new AgentCounters(i, i, i, i, i, i == 0 ? null : Instant.EPOCH.plusSeconds(i), i);
      }

      @Override
      public ScopeCounters scopeCounters(int i) {
        return new ScopeCounters(i, 0, -1);
      }

      @Override
      public long tieBreak(int i) {
        return agents.get(i).id().value().hashCode();
      }

      @Override
      public double random() {
        return 0.5;
      }

      @Override
      public Lead lead() {
        return lead;
      }
    };
  }
}
