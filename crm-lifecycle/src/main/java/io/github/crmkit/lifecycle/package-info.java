/**
 * The lifecycle API: pipeline definitions as data, firing events as a pure function, the append-only stage history,
 * time in stage, funnels and forecasts.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link io.github.crmkit.lifecycle.PipelineDefinition}: stages, policy and named transitions, validated and
 *       compiled once into a transition table; {@link io.github.crmkit.lifecycle.PipelineJson} reads and writes it,
 *       {@link io.github.crmkit.lifecycle.LifecyclePresets} holds the lead, opportunity and service-ticket
 *       lifecycles.</li>
 *   <li>{@link io.github.crmkit.lifecycle.PipelineDefinition#fire}: {@code (definition, stage, event, context) ->}
 *       {@link io.github.crmkit.lifecycle.FireResult}, accepted with the new stage and domain events, or rejected
 *       with a {@link io.github.crmkit.lifecycle.Rejection}; never an exception for an ordinary rejection.
 *       {@link io.github.crmkit.lifecycle.PipelineDefinition#enter} is the same for a new object entering its
 *       pipeline (gate checked, first history row, domain events).</li>
 *   <li>{@link io.github.crmkit.lifecycle.StageHistory}: the append-only, columnar log of
 *       {@link io.github.crmkit.lifecycle.StageChange}s, its {@link io.github.crmkit.lifecycle.StageIntervals} and
 *       {@link io.github.crmkit.lifecycle.TimeInStage} in calendar and business time.</li>
 *   <li>{@link io.github.crmkit.lifecycle.Funnels}: cohort and period funnels, win rate, sales cycle, stage velocity,
 *       stalled objects and pipeline velocity, all pure functions of the history.</li>
 *   <li>{@link io.github.crmkit.lifecycle.Forecasts}: weighted pipeline and single and cumulative
 *       {@link io.github.crmkit.lifecycle.ForecastRollup}s by category, owner, team and period.</li>
 * </ul>
 *
 * <p>Definitions and results are immutable and thread-safe; the state of each object stays in the host's entity.
 */
package io.github.crmkit.lifecycle;
