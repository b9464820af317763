/**
 * crmkit's scoring engine: customer summaries, RFM scores and segments, and (later) customer-value models.
 *
 * <p>Entry point for batch input: {@link io.github.crmkit.scoring.TransactionColumns}, transactions as columns of
 * primitives with dictionary-encoded customers and orders, and the {@link io.github.crmkit.scoring.RejectedRow rows}
 * that could not be accepted.
 *
 * <p>Summaries over those columns: {@link io.github.crmkit.scoring.CustomerSummaries} (first and last purchase,
 * orders, net monetary value), {@link io.github.crmkit.scoring.RepeatPurchaseSummary} (frequency, recency, age and
 * mean repeat value, as lifetimes computes them for BG/NBD, Pareto/NBD and Gamma-Gamma models, with
 * {@link io.github.crmkit.scoring.RepeatPurchaseOptions} choosing periods and units) and
 * {@link io.github.crmkit.scoring.CalibrationHoldoutSummary} (the same split at a calibration end, with holdout
 * purchases).
 *
 * <p>Thread-safety: built inputs, compiled scorers and results are immutable and thread-safe; builders are not.
 */
package io.github.crmkit.scoring;
