package io.github.crmkit.routing.spi;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.AgentKind;
import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.routing.RoutingDecision;
import io.github.crmkit.routing.RoutingEngine;
import io.github.crmkit.routing.RoutingPlugins;
import io.github.crmkit.routing.RoutingPolicy;
import io.github.crmkit.testkit.inmemory.InMemoryAgentDirectory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sample vendor plugin (the best recent conversion rate wins; a campaign-prefix operator; a filter excluding
 * dealers for VIP leads), checked by the plugin contract and used end to end through a JSON policy.
 */
class ConversionRatePluginTest extends RoutingPluginContract {
  private static final java.time.Instant T0 = java.time.Instant.parse("2026-03-02T09:00:00Z");

  static final class ConversionRatePlugin implements RoutingPlugin {
    @Override
    public String name() {
      return "acme";
    }

    @Override
    public int requiredApiVersion() {
      return 1;
    }

    static double rate(Agent agent) {
      AttributeValue v = agent.attributes().get("conversionRate");
      return v != null && v.type() == AttributeValue.Type.DECIMAL ? v.asDecimal().doubleValue() : 0;
    }

    @Override
    public void register(PluginRegistrar registrar) {
      registrar.strategy("acme.best-conversion", context -> {
        int best = 0;
        for (int i = 1; i < context.size(); i++) {
          double r = rate(context.agent(i));
          double b = rate(context.agent(best));
          if (r > b || r == b && context.tieBreak(i) < context.tieBreak(best)) {
            best = i;
          }
        }
        return best;
      });
      registrar.operator("acme.campaign-prefix", (field, value) -> {
        if (!(value instanceof String prefix) || prefix.isEmpty()) {
          throw new IllegalArgumentException("expected a non-empty prefix");
        }
        return lead -> lead.campaign().isPresent() && lead.campaign().get().startsWith(prefix);
      });
      registrar.filter("acme.no-dealers-for-vip", (agent, lead, now) ->
          agent.kind() == AgentKind.DEALER && lead.attributes().containsKey("vip") ? "dealer" : null);
    }
  }

  @Override
  protected RoutingPlugin plugin() {
    return new ConversionRatePlugin();
  }

  @Override
  protected Map<String, Object[]> operands() {
    return Map.of("acme.campaign-prefix", new Object[] {null, "spring-"});
  }

  private static Agent agent(String id, AgentKind kind, String rate) {
    return Agent.builder().id(AgentId.of(id)).kind(kind).displayName("x")
        .putAttribute("conversionRate", AttributeValue.ofDecimal(new BigDecimal(rate))).build();
  }

  @Test
  void routesThroughAPolicyThatNamesThePluginsExtensions() {
    String json = """
        {"version": 1, "revision": "acme-1",
         "pools": [{"id": "p", "members": ["d", "r1", "r2"], "strategy": "acme.best-conversion",
                    "filters": ["acme.no-dealers-for-vip"]}],
         "rules": [{"id": "spring", "when": {"op": "acme.campaign-prefix", "value": "spring-"},
                    "target": {"pool": "p"}}]}
        """;
    RoutingPlugins plugins = RoutingPlugins.of(plugin());
    RoutingPolicy policy = RoutingPolicy.fromJson(json, plugins);
    InMemoryAgentDirectory directory = InMemoryAgentDirectory.of(List.of(agent("d", AgentKind.DEALER, "0.9"),
        agent("r1", AgentKind.SALES_REP, "0.3"), agent("r2", AgentKind.SALES_REP, "0.5")), List.of(), List.of());
    RoutingEngine engine = RoutingEngine.builder().policy(policy).plugins(plugins).directory(directory).build();
    Lead plain = Lead.builder().id(LeadId.of("L-1")).sourceChannel("web").campaign("spring-sale").receivedAt(T0)
        .build();
    assertThat(engine.route(plain, T0).target()).isEqualTo("d");
    Lead vip = plain.toBuilder().id(LeadId.of("L-2")).putAttribute("vip", AttributeValue.ofBoolean(true)).build();
    RoutingDecision decision = engine.route(vip, T0);
    assertThat(decision.target()).isEqualTo("r2");
    assertThat(decision.trace().attempts().get(0).candidates().get(0).excludedBy())
        .isEqualTo("filter:acme.no-dealers-for-vip:dealer");
    Lead other = plain.toBuilder().id(LeadId.of("L-3")).campaign("autumn").build();
    assertThat(engine.route(other, T0).reason()).isEqualTo("no-rule-matched");
  }

  @Test
  void duplicateNamesAndNewerApiVersionsFailFast() {
    RoutingPlugin clash = new RoutingPlugin() {
      @Override
      public String name() {
        return "other";
      }

      @Override
      public int requiredApiVersion() {
        return 1;
      }

      @Override
      public void register(PluginRegistrar registrar) {
        registrar.strategy("acme.best-conversion", context -> 0);
      }
    };
    assertThatThrownBy(() -> RoutingPlugins.of(plugin(), clash)).isInstanceOf(IllegalStateException.class)
        .hasMessage("plugins 'acme' and 'other' both register strategy 'acme.best-conversion'");
    RoutingPlugin builtIn = new RoutingPlugin() {
      @Override
      public String name() {
        return "sneaky";
      }

      @Override
      public int requiredApiVersion() {
        return 1;
      }

      @Override
      public void register(PluginRegistrar registrar) {
        registrar.strategy("round-robin", context -> 0);
      }
    };
    assertThatThrownBy(() -> RoutingPlugins.of(builtIn)).hasMessage(
        "plugin 'sneaky': strategy 'round-robin' is built in");
    RoutingPlugin future = new RoutingPlugin() {
      @Override
      public String name() {
        return "future";
      }

      @Override
      public int requiredApiVersion() {
        return RoutingPlugin.API_VERSION + 1;
      }

      @Override
      public void register(PluginRegistrar registrar) {}
    };
    assertThatThrownBy(() -> RoutingPlugins.of(future)).hasMessage(
        "plugin 'future' needs routing plugin API version 2, this release provides 1");
  }

  @Test
  void discoveryThroughServiceLoaderIsOptInAndFindsNothingUnlessListed() {
    assertThat(RoutingPlugins.discover(getClass().getClassLoader()).pluginNames()).isEmpty();
    assertThat(RoutingPlugins.none().pluginNames()).isEmpty();
  }
}
