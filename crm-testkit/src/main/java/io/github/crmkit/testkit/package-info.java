/**
 * Seeded generators of model values ({@link io.github.crmkit.testkit.ModelGenerators}) and of synthetic data sets
 * ({@link io.github.crmkit.testkit.SyntheticData}, over the primitive purchase stream of
 * {@link io.github.crmkit.testkit.SyntheticPurchases} and {@link io.github.crmkit.testkit.PurchaseSink}).
 *
 * <p>Every generator is a plain function of a {@link java.util.random.RandomGenerator} (or of a seed), so it plugs
 * into any property-testing library and every run can be replayed.
 */
package io.github.crmkit.testkit;
