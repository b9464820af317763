package io.github.crmkit.model;

/** A lead's temperature, as rated by marketing or a scoring model. */
public enum LeadRating {
  /** Ready to buy soon. */
  HOT,
  /** Interested, not yet ready. */
  WARM,
  /** Little sign of interest yet. */
  COLD
}
