/**
 * The lifecycle API (work in progress; nothing is public yet): pipeline definitions, stage history, funnels,
 * forecasts, stage probabilities and SLA timers. A definition is compiled once into an immutable, thread-safe
 * object; transitions return results (accepted, or rejected with a reason) instead of throwing.
 */
package io.github.crmkit.lifecycle;
