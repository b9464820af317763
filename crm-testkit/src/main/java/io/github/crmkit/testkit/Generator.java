package io.github.crmkit.testkit;

import java.util.random.RandomGenerator;

/**
 * A seeded generator of values: a plain function of a {@link RandomGenerator}, so that it plugs into QuickTheories,
 * JUnit parameterised tests or any other property-testing library, and every value can be reproduced from the seed of
 * the random generator.
 *
 * @param <T> the type of value generated
 */
@FunctionalInterface
public interface Generator<T> {
  /**
   * Generates one value, valid by construction.
   *
   * @param random the source of randomness; the only one used
   * @return the value
   */
  T next(RandomGenerator random);

  /**
   * Generates the value for a seed, with a fresh {@link java.util.SplittableRandom} seeded by it.
   *
   * @param seed the seed
   * @return the value
   */
  default T fromSeed(long seed) {
    return next(new java.util.SplittableRandom(seed));
  }
}
