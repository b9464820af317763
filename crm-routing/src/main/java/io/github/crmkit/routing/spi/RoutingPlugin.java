package io.github.crmkit.routing.spi;

/**
 * A routing plugin: a named bundle of condition operators, candidate filters and selection strategies. Register a
 * plugin with {@code RoutingPlugins.of(...)} or, opt-in, list it in
 * {@code META-INF/services/io.github.crmkit.routing.spi.RoutingPlugin} for {@code RoutingPlugins.discover()}.
 *
 * <p>Implementations are immutable and thread-safe; {@link #register} is called once per registry.
 */
public interface RoutingPlugin {
  /** The plugin API version this release of crm-routing provides. */
  int API_VERSION = 1;

  /**
   * The plugin's name, a lower-case token such as {@code acme-conversion}; unique among loaded plugins.
   *
   * @return the name
   */
  String name();

  /**
   * The plugin API version the plugin needs; loading fails if it is greater than {@link #API_VERSION}.
   *
   * @return the version, at least 1
   */
  int requiredApiVersion();

  /**
   * Registers the plugin's operators, filters and strategies.
   *
   * @param registrar where to register; valid only during the call
   */
  void register(PluginRegistrar registrar);
}
