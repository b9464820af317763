/**
 * Runnable examples of crmkit, written against the engines' exported API only.
 *
 * <p>Entry points: {@link io.github.crmkit.examples.Demo}, which {@code crm demo} runs, and
 * {@link io.github.crmkit.examples.SalesQuarter}, a sales team's quarter through crm-lifecycle (lead lifecycle,
 * opportunity pipeline, stage history, SLA timers, win-probability learner, funnels and forecast).
 */
package io.github.crmkit.examples;
