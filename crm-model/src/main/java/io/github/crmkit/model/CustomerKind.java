package io.github.crmkit.model;

/** Whether a customer is a person (B2C) or an organisation (B2B). */
public enum CustomerKind {
  /** A natural person; {@link Customer#personName()} is required. */
  PERSON,
  /** A company or other organisation; {@link Customer#organizationName()} is required. */
  ORGANIZATION
}
