/**
 * The crmkit model: immutable, validated values shared by every crmkit engine and by host applications.
 *
 * <p>Entry points: the aggregates {@link io.github.crmkit.model.Customer}, {@link io.github.crmkit.model.Lead},
 * {@link io.github.crmkit.model.Opportunity}, {@link io.github.crmkit.model.Transaction},
 * {@link io.github.crmkit.model.Interaction}, {@link io.github.crmkit.model.Feedback},
 * {@link io.github.crmkit.model.ServiceTicket} and {@link io.github.crmkit.model.Agent}; each is built with its
 * {@code builder()} and validated on {@code build()}. Identifiers are typed ({@link io.github.crmkit.model.CustomerId}
 * and so on), amounts are {@link io.github.crmkit.model.Money}, and vendor-specific fields are
 * {@link io.github.crmkit.model.AttributeValue custom attributes} keyed by name.
 *
 * <p>Validation throws {@link java.lang.IllegalArgumentException} (or {@link java.lang.NullPointerException} for a
 * missing value, {@link java.lang.IllegalStateException} for a missing required attribute) with a message that names
 * the field and the problem, and never the offending value when that value may be personal data. Personal data
 * (names, email addresses, phone numbers, postal addresses, handles, free-text comments) is masked as {@code ***}
 * in every {@code toString()}.
 *
 * <p>Thread-safety: every type in this package is immutable and safe to share between threads.
 */
package io.github.crmkit.model;
