/**
 * SLA timers and reminders measured in business time: first response, next update, resolution and lead follow-up
 * targets, per stage or per ticket, paused in waiting states, with reminders before the breach and escalations after.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link io.github.crmkit.lifecycle.sla.BusinessTime}: exact working-time arithmetic over a
 *       {@link io.github.crmkit.model.WorkingCalendar} (time zone, weekly hours, holidays, absences), across day
 *       boundaries, weekends, holidays and daylight-saving changes.
 *   <li>{@link io.github.crmkit.lifecycle.sla.SlaTarget}: a limit in business time with its reminders and
 *       escalations; {@link io.github.crmkit.lifecycle.sla.SlaPolicy}: targets, calendar and waiting states, and the
 *       pure functions that start, pause, resume, stop and restart {@link io.github.crmkit.lifecycle.sla.SlaTimer
 *       timers} and answer {@link io.github.crmkit.lifecycle.sla.SlaPolicy#due(java.util.Collection,
 *       java.time.Instant) what is due} at an instant as {@link io.github.crmkit.lifecycle.sla.SlaNotice notices}.
 *   <li>{@link io.github.crmkit.lifecycle.sla.SlaPolicyJson}: reads a policy from a JSON document (targets with
 *       ISO-8601 durations, waiting states, the calendar in crm-model's JSON form), reporting every problem with its
 *       JSON path, and writes one back.
 * </ul>
 *
 * <p>Clock-driven: nothing here runs a thread or reads a clock; the host passes the instant and stores the timers
 * with its tickets and leads.
 *
 * <p>Thread-safety: every type of the package is immutable and thread-safe. The package does not depend on the
 * pipeline definitions of {@code io.github.crmkit.lifecycle}: stages are names.
 */
package io.github.crmkit.lifecycle.sla;
