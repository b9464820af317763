/**
 * crmkit's scoring engine (planned): customer summaries (frequency, recency, tenure, monetary value) computed from
 * transactions, RFM scores and segment maps, customer lifetime value models (P(alive), expected purchases, expected
 * spend), and value, loyalty and stage scores.
 *
 * <p>Scoring specifications are JSON documents, compiled once into immutable, thread-safe scorers that then run many
 * times. Each scorer has two faces that give the same answers: a typed API over model objects for application
 * developers, and a columnar batch API (primitive arrays in, arrays out, no per-row allocation) for millions of rows.
 * A score carries its components, so it explains itself. The engine depends only on the model; time and randomness
 * come in from the caller.
 */
module io.github.crmkit.scoring {
  requires transitive io.github.crmkit.model;
  // segment maps are read and written with Jackson's streaming API; no Jackson type appears in the API
  requires com.fasterxml.jackson.core;

  exports io.github.crmkit.scoring;
  exports io.github.crmkit.scoring.clv;
}
