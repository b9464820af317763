/**
 * Win-probability learning in the manner of Odoo's predictive lead scoring: per-team frequency tables of won and lost
 * outcomes per field value and per stage reached, with a naive Bayes estimate.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link io.github.crmkit.lifecycle.learning.LearnerObservation}: what the learner knows of one lead or
 *       opportunity (team, id, field values, furthest stage reached, {@link io.github.crmkit.lifecycle.learning.Outcome
 *       outcome}, manual probability); the host builds it from its own entity.
 *   <li>{@link io.github.crmkit.lifecycle.learning.FrequencyTable}: an immutable snapshot of the counts, updated
 *       incrementally (each update returns a new snapshot) on a win, a loss or a reopen.
 *   <li>{@link io.github.crmkit.lifecycle.learning.WinProbabilityLearner}: the estimate, as a pure function of
 *       {@link io.github.crmkit.lifecycle.learning.LearnerSettings settings} and a snapshot, or live over a current
 *       snapshot it keeps; it answers with a {@link io.github.crmkit.lifecycle.learning.WinProbability}, which can be
 *       "insufficient history" instead of a guess.
 * </ul>
 *
 * <p>References: Odoo documentation, "Lead scoring" (CRM, predictive lead scoring: naive Bayes over won and lost
 * leads sharing the same values); no Odoo code is used.
 *
 * <p>Thread-safety: observations, settings, tables and answers are immutable and thread-safe; a
 * {@link io.github.crmkit.lifecycle.learning.WinProbabilityLearner} is thread-safe (atomic updates of its snapshot).
 * The package does not depend on the pipeline definitions of {@code io.github.crmkit.lifecycle}: stages are indexes.
 */
package io.github.crmkit.lifecycle.learning;
