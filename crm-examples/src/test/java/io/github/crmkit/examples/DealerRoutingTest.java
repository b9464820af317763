package io.github.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.routing.DryRunReport;
import io.github.crmkit.routing.Outcome;
import io.github.crmkit.routing.RoutingDecision;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DealerRoutingTest {
  @Test
  void routesEveryLeadOnceAndSharesHotLeadsByWeight() {
    DryRunReport report = DealerRouting.run(2000, 7);
    assertThat(report.leads()).isEqualTo(2000);
    assertThat(report.assigned() + report.queued() + report.pooled() + report.unassigned()).isEqualTo(2000);
    Map<String, Integer> hot = new HashMap<>();
    int hotTotal = 0;
    for (RoutingDecision d : report.decisions()) {
      if ("hot".equals(d.ruleId()) && d.outcome() == Outcome.ASSIGNED) {
        hot.merge(d.target(), 1, Integer::sum);
        hotTotal++;
      }
      if ("long-term".equals(d.ruleId())) {
        assertThat(d.outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(d.target()).isEqualTo("nurture");
      }
      if ("warm-by-province".equals(d.ruleId()) && d.outcome() == Outcome.ASSIGNED) {
        assertThat(d.target()).matches("dealer-(gd|zj|js)\\d|rep-\\d");
      }
    }
    assertThat(hotTotal).isPositive();
    // the large dealers are never capped, so smooth weighted round robin keeps each within one of its share
    assertThat(Math.abs(hot.getOrDefault("dealer-l1", 0) - hotTotal * 0.5)).isLessThanOrEqualTo(1.0);
    assertThat(Math.abs(hot.getOrDefault("dealer-l2", 0) - hotTotal * 0.3)).isLessThanOrEqualTo(1.0);
    assertThat(Math.abs(hot.getOrDefault("dealer-l3", 0) - hotTotal * 0.2)).isLessThanOrEqualTo(1.0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DealerRouting.print(report, new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("2000 leads: ").contains("dealer-l1", "queued:nurture");
  }
}
