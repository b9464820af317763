package io.github.crmkit.routing.spi;

/**
 * A selection strategy: chooses one of the eligible candidates of a pool for a lead. It must be deterministic: the
 * same context (candidates, counters, seed) gives the same choice, and ties are broken by the counters or
 * {@link SelectionContext#tieBreak(int)}, never by the candidates' order alone.
 *
 * <p>Implementations are immutable and thread-safe; the state they read is in the context.
 */
@FunctionalInterface
public interface SelectionStrategy {
  /**
   * Chooses a candidate.
   *
   * @param context the candidates and their counters, valid only during the call
   * @return the index of the chosen candidate, in {@code [0, context.size())}
   */
  int select(SelectionContext context);
}
