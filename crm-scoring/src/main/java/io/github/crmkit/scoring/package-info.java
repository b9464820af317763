/**
 * crmkit's scoring engine: customer summaries, RFM scores and segments, and (later) customer-value models.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link io.github.crmkit.scoring.TransactionColumns}: transactions as columns of primitives with
 *       dictionary-encoded customers and orders, and the {@link io.github.crmkit.scoring.RejectedRow rows} that
 *       could not be accepted; {@link io.github.crmkit.scoring.CustomerSummaries} summarises them per customer.
 *   <li>{@link io.github.crmkit.scoring.RfmScorer}: recency, frequency and monetary scores, each dimension binned by
 *       its own {@link io.github.crmkit.scoring.RfmBinning} (R rfm's quantiles, n-tiles, or fixed breaks), from
 *       summaries or from primitive columns; every call reports the {@link io.github.crmkit.scoring.RfmFit bins}
 *       that explain its scores.
 *   <li>{@link io.github.crmkit.scoring.SegmentMap}: ordered rules over score ranges naming segments, written in
 *       code or read from a validated JSON document, with presets; {@link io.github.crmkit.scoring.SegmentSummary}
 *       sums customers, orders and revenue per segment.
 * </ul>
 *
 * <p>Summaries over those columns: {@link io.github.crmkit.scoring.CustomerSummaries} (first and last purchase,
 * orders, net monetary value), {@link io.github.crmkit.scoring.RepeatPurchaseSummary} (frequency, recency, age and
 * mean repeat value, as lifetimes computes them for BG/NBD, Pareto/NBD and Gamma-Gamma models, with
 * {@link io.github.crmkit.scoring.RepeatPurchaseOptions} choosing periods and units) and
 * {@link io.github.crmkit.scoring.CalibrationHoldoutSummary} (the same split at a calibration end, with holdout
 * purchases).
 *
 * <p>Batch calls run on the calling thread, or on several threads with a
 * {@link io.github.crmkit.scoring.Parallelism} ({@code CustomerSummaries.of(columns, parallelism)},
 * {@code RfmScorer.score(summaries, day, parallelism)}); each says what, if anything, differs from one thread.
 *
 * <p>Thread-safety: built inputs, compiled scorers and maps, and results are immutable and thread-safe; builders
 * are not.
 */
package io.github.crmkit.scoring;
