package io.github.crmkit.model;

/** Who started an interaction. */
public enum Direction {
  /** The customer or lead reached out. */
  INBOUND,
  /** The business reached out. */
  OUTBOUND
}
