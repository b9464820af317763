/**
 * crmkit's scoring engine: customer summaries, RFM scores and segments, and (later) customer-value models.
 *
 * <p>Entry point for batch input: {@link io.github.crmkit.scoring.TransactionColumns}, transactions as columns of
 * primitives with dictionary-encoded customers and orders, and the {@link io.github.crmkit.scoring.RejectedRow rows}
 * that could not be accepted.
 *
 * <p>Thread-safety: built inputs, compiled scorers and results are immutable and thread-safe; builders are not.
 */
package io.github.crmkit.scoring;
