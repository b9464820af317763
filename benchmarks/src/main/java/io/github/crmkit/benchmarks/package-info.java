/**
 * JMH benchmarks of crmkit's engines, run from the shaded jar: {@code java -jar benchmarks/target/benchmarks.jar}.
 *
 * <p>Benchmarks build their inputs once in {@code @Setup}, index them with {@code i++ & MASK} so that the measured
 * loop allocates nothing, and report {@code gc.alloc.rate.norm} (run with {@code -prof gc}) for hot paths.
 */
package io.github.crmkit.benchmarks;
