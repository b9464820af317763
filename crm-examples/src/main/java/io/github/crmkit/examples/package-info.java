/**
 * Runnable examples of crmkit, written against the engines' exported API only.
 *
 * <p>Entry points: {@link io.github.crmkit.examples.Demo}, which {@code crm demo} runs;
 * {@link io.github.crmkit.examples.SalesQuarter}, a sales team's quarter through crm-lifecycle (lead lifecycle,
 * opportunity pipeline, stage history, SLA timers, win-probability learner, funnels and forecast);
 * {@link io.github.crmkit.examples.DealerRouting}, the dealer scenario of the routing engine (policy, agents and
 * public-pool rules as JSON resources next to it) over the test kit's synthetic leads; and
 * {@link io.github.crmkit.examples.BestConversionPlugin}, an example routing plugin (a selection strategy that
 * prefers the agent with the best recent conversion rate).
 */
package io.github.crmkit.examples;
