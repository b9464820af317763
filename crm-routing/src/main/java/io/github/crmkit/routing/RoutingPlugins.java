package io.github.crmkit.routing;

import io.github.crmkit.routing.spi.CandidateFilter;
import io.github.crmkit.routing.spi.ConditionOperator;
import io.github.crmkit.routing.spi.PluginRegistrar;
import io.github.crmkit.routing.spi.RoutingPlugin;
import io.github.crmkit.routing.spi.SelectionStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The loaded routing plugins: the condition operators, candidate filters and selection strategies they registered,
 * by name. Loading is explicit ({@link #of}) or, opt-in, through {@link ServiceLoader} ({@link #discover}); it fails
 * fast with an {@link IllegalStateException} when two plugins (or a plugin and a built-in) register the same name,
 * two plugins have the same name, or a plugin needs a newer API than {@link RoutingPlugin#API_VERSION}.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class RoutingPlugins {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.:-]{0,63}");
  private static final RoutingPlugins NONE = new RoutingPlugins(List.of());

  /** The built-in condition operators. */
  static final Set<String> BUILT_IN_OPERATORS = Set.of("and", "or", "not", "always", "=", "!=", "<", "<=", ">",
      ">=", "in", "between", "exists", "starts-with", "contains", "in-territory", "received-hour",
      "received-weekday");
  /** The built-in selection strategies. */
  static final Set<String> BUILT_IN_STRATEGIES = Set.of("round-robin", "smooth-weighted-round-robin",
      "load-balancing", "levelling", "batch-allocation", "weighted-random");

  private final List<String> pluginNames;
  private final Map<String, ConditionOperator> operators = new TreeMap<>();
  private final Map<String, CandidateFilter> filters = new TreeMap<>();
  private final Map<String, SelectionStrategy> strategies = new TreeMap<>();
  private final Map<String, String> owners = new TreeMap<>();

  private RoutingPlugins(List<RoutingPlugin> plugins) {
    List<String> names = new ArrayList<>();
    for (RoutingPlugin plugin : plugins) {
      Objects.requireNonNull(plugin, "plugin");
      String name = plugin.name();
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalStateException("plugin name must be a lower-case token, was '" + name + "' ("
            + plugin.getClass().getName() + ")");
      }
      if (names.contains(name)) {
        throw new IllegalStateException("two plugins are named '" + name + "'");
      }
      if (plugin.requiredApiVersion() < 1 || plugin.requiredApiVersion() > RoutingPlugin.API_VERSION) {
        throw new IllegalStateException("plugin '" + name + "' needs routing plugin API version "
            + plugin.requiredApiVersion() + ", this release provides " + RoutingPlugin.API_VERSION);
      }
      names.add(name);
      Registrar registrar = new Registrar(name);
      plugin.register(registrar);
      registrar.open = false;
    }
    this.pluginNames = List.copyOf(names);
  }

  /**
   * No plugins: built-in operators and strategies only.
   *
   * @return the empty registry
   */
  public static RoutingPlugins none() {
    return NONE;
  }

  /**
   * Loads the given plugins, in order.
   *
   * @param plugins the plugins
   * @return the registry
   * @throws IllegalStateException on a duplicate name or an unsupported API version
   */
  public static RoutingPlugins of(RoutingPlugin... plugins) {
    return new RoutingPlugins(Arrays.asList(plugins));
  }

  /**
   * Loads the given plugins, in order.
   *
   * @param plugins the plugins
   * @return the registry
   * @throws IllegalStateException on a duplicate name or an unsupported API version
   */
  public static RoutingPlugins of(List<? extends RoutingPlugin> plugins) {
    return new RoutingPlugins(List.copyOf(plugins));
  }

  /**
   * Loads every plugin that {@link ServiceLoader} finds for {@link RoutingPlugin}, sorted by name so that the
   * result does not depend on the class path's order.
   *
   * @param loader the class loader to search
   * @return the registry
   * @throws IllegalStateException on a duplicate name or an unsupported API version
   */
  public static RoutingPlugins discover(ClassLoader loader) {
    List<RoutingPlugin> found = new ArrayList<>();
    for (RoutingPlugin plugin : ServiceLoader.load(RoutingPlugin.class, loader)) {
      found.add(plugin);
    }
    found.sort((a, b) -> String.valueOf(a.name()).compareTo(String.valueOf(b.name())));
    return new RoutingPlugins(found);
  }

  /**
   * Loads every plugin on the module path or class path of this module's layer.
   *
   * @return the registry
   */
  public static RoutingPlugins discover() {
    List<RoutingPlugin> found = new ArrayList<>();
    for (RoutingPlugin plugin : ServiceLoader.load(RoutingPlugin.class)) {
      found.add(plugin);
    }
    found.sort((a, b) -> String.valueOf(a.name()).compareTo(String.valueOf(b.name())));
    return new RoutingPlugins(found);
  }

  /**
   * The loaded plugins' names, in load order.
   *
   * @return the names
   */
  public List<String> pluginNames() {
    return pluginNames;
  }

  /**
   * The names of the operators the plugins registered.
   *
   * @return the names, sorted
   */
  public Set<String> operatorNames() {
    return Collections.unmodifiableSet(operators.keySet());
  }

  /**
   * The names of the filters the plugins registered.
   *
   * @return the names, sorted
   */
  public Set<String> filterNames() {
    return Collections.unmodifiableSet(filters.keySet());
  }

  /**
   * The names of the strategies the plugins registered.
   *
   * @return the names, sorted
   */
  public Set<String> strategyNames() {
    return Collections.unmodifiableSet(strategies.keySet());
  }

  ConditionOperator operator(String name) {
    return operators.get(name);
  }

  CandidateFilter filter(String name) {
    return filters.get(name);
  }

  SelectionStrategy strategy(String name) {
    return strategies.get(name);
  }

  @Override
  public String toString() {
    return "RoutingPlugins" + pluginNames;
  }

  private final class Registrar implements PluginRegistrar {
    private final String plugin;
    private boolean open = true;

    Registrar(String plugin) {
      this.plugin = plugin;
    }

    private void claim(String kind, String name, Object extension, Set<String> builtIns) {
      if (!open) {
        throw new IllegalStateException("plugin '" + plugin + "' registered after register() returned");
      }
      Objects.requireNonNull(extension, kind);
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalStateException("plugin '" + plugin + "': " + kind + " name must be a lower-case token, was '"
            + name + "'");
      }
      if (builtIns.contains(name)) {
        throw new IllegalStateException("plugin '" + plugin + "': " + kind + " '" + name + "' is built in");
      }
      String key = kind + ":" + name;
      String previous = owners.putIfAbsent(key, plugin);
      if (previous != null) {
        throw new IllegalStateException("plugins '" + previous + "' and '" + plugin + "' both register " + kind
            + " '" + name + "'");
      }
    }

    @Override
    public void operator(String name, ConditionOperator operator) {
      claim("operator", name, operator, BUILT_IN_OPERATORS);
      operators.put(name, operator);
    }

    @Override
    public void filter(String name, CandidateFilter filter) {
      claim("filter", name, filter, Set.of());
      filters.put(name, filter);
    }

    @Override
    public void strategy(String name, SelectionStrategy strategy) {
      claim("strategy", name, strategy, BUILT_IN_STRATEGIES);
      strategies.put(name, strategy);
    }
  }
}
