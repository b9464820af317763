package io.github.crmkit.examples;

import io.github.crmkit.routing.spi.RoutingPlugin;
import io.github.crmkit.routing.spi.RoutingPluginContract;
import java.util.Map;

/** The example plugin meets the routing plugin contract (from crm-routing's test jar). */
class ConversionRatePluginTest extends RoutingPluginContract {
  @Override
  protected RoutingPlugin plugin() {
    return new ConversionRatePlugin();
  }

  @Override
  protected Map<String, Object[]> operands() {
    return Map.of("acme.campaign-prefix", new Object[] {null, "spring-"});
  }
}
