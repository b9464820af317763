/**
 * The scoring API (work in progress; nothing is public yet): customer summaries, RFM scores and segments, customer
 * lifetime value models, and value, loyalty and stage scores, each compiled once from a specification into an
 * immutable, thread-safe scorer.
 */
package io.github.crmkit.scoring;
