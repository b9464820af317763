package io.github.crmkit.examples;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AgentKind;
import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.routing.spi.PluginRegistrar;
import io.github.crmkit.routing.spi.RoutingPlugin;

/**
 * An example vendor plugin for the routing engine. It registers:
 * <ul>
 *   <li>the strategy {@code acme.best-conversion}: the candidate with the best recent conversion rate (the host
 *       keeps it in the agent's custom attribute {@code conversionRate}, a decimal) wins; ties go by the
 *       decision's seeded tie-break key, never by position;</li>
 *   <li>the operator {@code acme.campaign-prefix}: the lead's campaign starts with the operand;</li>
 *   <li>the filter {@code acme.no-dealers-for-vip}: dealers are excluded for leads carrying a {@code vip}
 *       attribute (reason code {@code dealer}).</li>
 * </ul>
 * Load it with {@code RoutingPlugins.of(new ConversionRatePlugin())}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConversionRatePlugin implements RoutingPlugin {
  /** Creates the plugin. */
  public ConversionRatePlugin() {}

  @Override
  public String name() {
    return "acme";
  }

  @Override
  public int requiredApiVersion() {
    return 1;
  }

  static double conversionRate(Agent agent) {
    AttributeValue v = agent.attributes().get("conversionRate");
    return v != null && v.type() == AttributeValue.Type.DECIMAL ? v.asDecimal().doubleValue() : 0;
  }

  @Override
  public void register(PluginRegistrar registrar) {
    registrar.strategy("acme.best-conversion", context -> {
      int best = 0;
      for (int i = 1; i < context.size(); i++) {
        double rate = conversionRate(context.agent(i));
        double bestRate = conversionRate(context.agent(best));
        if (rate > bestRate || rate == bestRate && context.tieBreak(i) < context.tieBreak(best)) {
          best = i;
        }
      }
      return best;
    });
    registrar.operator("acme.campaign-prefix", (field, value) -> {
      if (!(value instanceof String prefix) || prefix.isEmpty()) {
        throw new IllegalArgumentException("expected a non-empty campaign prefix");
      }
      return lead -> lead.campaign().isPresent() && lead.campaign().get().startsWith(prefix);
    });
    registrar.filter("acme.no-dealers-for-vip", (agent, lead, now) ->
        agent.kind() == AgentKind.DEALER && lead.attributes().containsKey("vip") ? "dealer" : null);
  }
}
