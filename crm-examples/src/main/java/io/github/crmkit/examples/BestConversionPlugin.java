package io.github.crmkit.examples;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.routing.spi.PluginRegistrar;
import io.github.crmkit.routing.spi.RoutingPlugin;
import io.github.crmkit.routing.spi.SelectionContext;
import io.github.crmkit.routing.spi.SelectionStrategy;

/**
 * An example vendor plugin: the selection strategy {@value #STRATEGY}, which prefers the candidate with the best
 * recent conversion rate. It shows how a plugin extends the routing engine through the SPI only: it registers a
 * {@link SelectionStrategy} with the {@link PluginRegistrar} and never sees the engine.
 *
 * <p>The host keeps two custom attributes on each {@link Agent}, refreshed as it sees fit (for example nightly over
 * the last 90 days): {@value #LEADS} (leads handled, a long) and {@value #WINS} (of those, converted, a long). A raw
 * rate would rank an agent with one win out of one lead above one with 30 out of 100, so the strategy ranks by the
 * rate shrunk towards the candidates' pooled rate {@code m = sum(wins) / sum(leads)}:
 * {@code (wins + k * m) / (leads + k)} with {@code k = } {@value #PRIOR_LEADS} pseudo-leads (the beta-binomial
 * posterior mean with a prior of mean {@code m} and strength {@code k}). An agent without the attributes, such as a
 * new hire, ranks at the pooled rate. Ties go to the candidate with fewer assignments today, then to the engine's
 * seeded tie-break key, never to the candidates' order. Caps still apply: a capped agent is not a candidate, so the
 * next best takes over.
 *
 * <p>Use it in a policy as a pool's {@code "strategy": "examples.best-conversion"} after loading the plugin, either
 * explicitly ({@code RoutingPlugins.of(new BestConversionPlugin())}) or, opt-in, through {@code ServiceLoader}
 * ({@code RoutingPlugins.discover()}: crm-examples lists it in {@code META-INF/services}).
 *
 * <p>Immutable and thread-safe; the strategy allocates nothing per decision.
 */
public final class BestConversionPlugin implements RoutingPlugin {
  /** The plugin's name. */
  public static final String NAME = "examples";

  /** The strategy's name in policies. */
  public static final String STRATEGY = "examples.best-conversion";

  /** The agent attribute holding the recent leads handled. */
  public static final String LEADS = "recentLeads";

  /** The agent attribute holding the recent leads converted. */
  public static final String WINS = "recentWins";

  /** The strength of the prior, in leads. */
  public static final int PRIOR_LEADS = 20;

  /** Rates closer than this are a tie (so that rounding in the last bits never decides). */
  private static final double TIE = 1e-9;

  private static final SelectionStrategy BEST_CONVERSION = BestConversionPlugin::select;

  /** Creates the plugin. */
  public BestConversionPlugin() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int requiredApiVersion() {
    return 1;
  }

  @Override
  public void register(PluginRegistrar registrar) {
    registrar.strategy(STRATEGY, BEST_CONVERSION);
  }

  /**
   * The smoothed conversion rate of an agent, as the strategy ranks it.
   *
   * @param agent the agent
   * @param pooledRate the candidates' pooled rate, the prior mean
   * @return {@code (wins + k * pooledRate) / (leads + k)}
   */
  public static double smoothedRate(Agent agent, double pooledRate) {
    long leads = count(agent, LEADS);
    long wins = Math.min(count(agent, WINS), leads);
    return (wins + PRIOR_LEADS * pooledRate) / (leads + PRIOR_LEADS);
  }

  /** A non-negative long attribute, 0 when absent or of another type. */
  private static long count(Agent agent, String name) {
    AttributeValue value = agent.attributes().get(name);
    return value != null && value.type() == AttributeValue.Type.LONG ? Math.max(0, value.asLong()) : 0;
  }

  private static int select(SelectionContext context) {
    long leads = 0;
    long wins = 0;
    for (int i = 0; i < context.size(); i++) {
      long l = count(context.agent(i), LEADS);
      leads += l;
      wins += Math.min(count(context.agent(i), WINS), l);
    }
    double pooled = leads == 0 ? 0 : (double) wins / leads;
    int best = 0;
    double bestRate = smoothedRate(context.agent(0), pooled);
    for (int i = 1; i < context.size(); i++) {
      double rate = smoothedRate(context.agent(i), pooled);
      if (rate > bestRate + TIE || rate >= bestRate - TIE && before(context, i, best)) {
        best = i;
        bestRate = rate;
      }
    }
    return best;
  }

  /** Whether candidate {@code i} wins a tie against {@code j}: fewer assignments today, then the tie-break key. */
  private static boolean before(SelectionContext context, int i, int j) {
    int today = Integer.compare(context.counters(i).day(), context.counters(j).day());
    if (today != 0) {
      return today < 0;
    }
    int key = Long.compare(context.tieBreak(i), context.tieBreak(j));
    return key != 0 ? key < 0 : context.agent(i).id().compareTo(context.agent(j).id()) < 0;
  }
}
