/**
 * Seeded generators of model values and of synthetic data sets.
 *
 * <p>Every generator is a plain function of a {@link java.util.random.RandomGenerator} (or of a seed), so it plugs
 * into any property-testing library and every run can be replayed.
 */
package io.github.crmkit.testkit;
