package io.github.crmkit.lifecycle.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SLA timers against hand-computed instants; Berlin office hours 09:00-17:00 on weekdays. */
class SlaPolicyTest {
  private static final WorkingCalendar OFFICE =
      WorkingCalendar.weekdays(ZoneId.of("Europe/Berlin"), LocalTime.of(9, 0), LocalTime.of(17, 0));
  private static final SlaTarget FIRST_RESPONSE = SlaTarget.firstResponse("first-response", Duration.ofHours(4))
      .withReminders(Duration.ofHours(1))
      .withEscalations(Duration.ofHours(2));
  private static final SlaTarget RESOLUTION = SlaTarget.resolution("resolution", Duration.ofHours(16))
      .withReminders(Duration.ofHours(4), Duration.ofHours(1));
  private static final SlaTarget NEXT_UPDATE = SlaTarget.nextUpdate("next-update", Duration.ofHours(8));
  private static final SlaTarget PROPOSAL = SlaTarget.followUpWithinDays("proposal-follow-up", 2, Duration.ofHours(8))
      .inStages("proposal");
  private static final SlaPolicy POLICY = SlaPolicy.of(OFFICE,
      List.of(FIRST_RESPONSE, RESOLUTION, NEXT_UPDATE, PROPOSAL), Set.of("waiting on customer"));

  private static Instant utc(String text) {
    return Instant.parse(text);
  }

  @Test
  void remindersBreachAndEscalationFallDueInOrder() {
    // ticket created Fri 2026-03-27 15:00 CET = 14:00Z: 2 h on Friday, then Monday (CEST, UTC+2) from 07:00Z:
    // reminder at 3 h -> Mon 10:00 CEST = 08:00Z, breach at 4 h -> 09:00Z, escalation at 6 h -> 11:00Z
    SlaTimer timer = POLICY.start("T-1", "first-response", utc("2026-03-27T14:00:00Z"));
    assertThat(POLICY.due(timer, utc("2026-03-30T07:59:59Z"))).isEmpty();
    assertThat(POLICY.nextDueAt(timer, utc("2026-03-27T14:00:00Z"))).contains(utc("2026-03-30T08:00:00Z"));

    List<SlaNotice> due = POLICY.due(timer, utc("2026-03-30T08:30:00Z"));
    assertThat(due).containsExactly(new SlaNotice("T-1", "first-response", SlaMetric.FIRST_RESPONSE,
        SlaNotice.Kind.REMINDER, 1, 0, Duration.ofHours(3), utc("2026-03-30T08:00:00Z")));
    SlaStatus status = POLICY.status(timer, utc("2026-03-30T08:30:00Z"));
    assertThat(status.consumed()).isEqualTo(Duration.ofMinutes(210));
    assertThat(status.remaining()).isEqualTo(Duration.ofMinutes(30));
    assertThat(status.breached()).isFalse();
    assertThat(status.breachAt()).contains(utc("2026-03-30T09:00:00Z"));

    timer = POLICY.acknowledge(timer, due.get(0));
    assertThat(POLICY.due(timer, utc("2026-03-30T08:30:00Z"))).isEmpty();
    // a late tick misses nothing: breach and escalation both come, each with the instant it fell due
    List<SlaNotice> late = POLICY.due(timer, utc("2026-03-30T11:30:00Z"));
    assertThat(late).extracting(SlaNotice::kind).containsExactly(SlaNotice.Kind.BREACH, SlaNotice.Kind.ESCALATION);
    assertThat(late).extracting(SlaNotice::dueAt)
        .containsExactly(utc("2026-03-30T09:00:00Z"), utc("2026-03-30T11:00:00Z"));
    assertThat(late.get(1).level()).isEqualTo(1);
    SlaStatus overdue = POLICY.status(timer, utc("2026-03-30T11:30:00Z"));
    assertThat(overdue.breached()).isTrue();
    assertThat(overdue.remaining()).isEqualTo(Duration.ofMinutes(-150));
    assertThat(overdue.breachAt()).contains(utc("2026-03-30T09:00:00Z"));
    timer = POLICY.acknowledge(timer, late.get(1));
    assertThat(POLICY.due(timer, utc("2026-04-30T00:00:00Z"))).isEmpty();
    assertThat(POLICY.nextDueAt(timer, utc("2026-04-30T00:00:00Z"))).isEmpty();
  }

  @Test
  void waitingStatesPauseTheClock() {
    // resolution 16 h from Fri 2026-03-27 15:00 CET (14:00Z); waiting on the customer from 16:00 CET (15:00Z,
    // 1 h consumed) until Tue 2026-03-31 10:00 CEST (08:00Z); 15 h remain: Tue 10-17 (7 h), Wed 09-17 (8 h)
    // -> breach Wed 2026-04-01 17:00 CEST = 15:00Z
    List<SlaTimer> timers = POLICY.enterStage(List.of(), "T-2", "new", utc("2026-03-27T14:00:00Z"));
    assertThat(timers).extracting(SlaTimer::targetName)
        .containsExactly("first-response", "resolution", "next-update");
    timers = POLICY.enterStage(timers, "T-2", "waiting on customer", utc("2026-03-27T15:00:00Z"));
    assertThat(timers).extracting(SlaTimer::state).containsOnly(SlaTimer.State.PAUSED);
    SlaTimer resolution = timers.get(1);
    assertThat(resolution.consumedBefore()).isEqualTo(Duration.ofHours(1));
    // nothing falls due during the pause, however long
    assertThat(POLICY.due(timers, utc("2026-03-31T07:59:00Z"))).isEmpty();
    assertThat(POLICY.status(resolution, utc("2026-03-31T07:59:00Z")).breachAt()).isEqualTo(Optional.empty());
    timers = POLICY.enterStage(timers, "T-2", "in progress", utc("2026-03-31T08:00:00Z"));
    resolution = timers.get(1);
    assertThat(resolution.state()).isEqualTo(SlaTimer.State.RUNNING);
    assertThat(POLICY.status(resolution, utc("2026-03-31T08:00:00Z")).breachAt())
        .contains(utc("2026-04-01T15:00:00Z"));
    // the first reminder (4 h before) at 12 h consumed: 11 h after the resume: Tue 10-17 (7 h), Wed 09-13 -> 11:00Z
    assertThat(POLICY.nextDueAt(resolution, utc("2026-03-31T08:00:00Z"))).contains(utc("2026-04-01T11:00:00Z"));
    // resolved on Wednesday 12:00 CEST = 10:00Z: no reminder, timers stopped
    timers = POLICY.stopAll(timers, utc("2026-04-01T10:00:00Z"));
    assertThat(timers).extracting(SlaTimer::state).containsOnly(SlaTimer.State.STOPPED);
    assertThat(POLICY.due(timers.get(1), utc("2026-05-01T00:00:00Z"))).isEmpty();
    assertThat(POLICY.status(timers.get(1), utc("2026-05-01T00:00:00Z")).consumed())
        .isEqualTo(Duration.ofHours(1 + 7 + 3));
  }

  @Test
  void anObjectCreatedWaitingStartsPaused() {
    // created while waiting on the customer on Mon 2026-03-30 09:00 CEST (07:00Z); the customer answers at
    // 13:00 CEST (11:00Z): first response due 4 h later, at 17:00 CEST = 15:00Z
    List<SlaTimer> timers = POLICY.enterStage(List.of(), "T-6", "waiting on customer", utc("2026-03-30T07:00:00Z"));
    assertThat(timers).extracting(SlaTimer::state).containsOnly(SlaTimer.State.PAUSED);
    assertThat(timers).extracting(SlaTimer::targetName)
        .containsExactly("first-response", "resolution", "next-update");
    timers = POLICY.enterStage(timers, "T-6", "new", utc("2026-03-30T11:00:00Z"));
    assertThat(POLICY.status(timers.get(0), utc("2026-03-30T11:00:00Z")).breachAt())
        .contains(utc("2026-03-30T15:00:00Z"));
    assertThat(POLICY.consumed(timers.get(0), utc("2026-03-30T12:00:00Z"))).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void responsesStopFirstResponseAndRestartNextUpdate() {
    Instant created = utc("2026-03-30T07:00:00Z"); // Mon 09:00 CEST
    List<SlaTimer> timers = POLICY.enterStage(List.of(), "T-3", "new", created);
    Instant reply = utc("2026-03-30T09:30:00Z"); // Mon 11:30 CEST, 2.5 h in
    timers = POLICY.respond(timers, reply);
    assertThat(timers.get(0).state()).isEqualTo(SlaTimer.State.STOPPED);
    assertThat(POLICY.status(timers.get(0), reply).consumed()).isEqualTo(Duration.ofMinutes(150));
    assertThat(timers.get(1).startedAt()).isEqualTo(created);
    assertThat(timers.get(2).startedAt()).isEqualTo(reply);
    // next update 8 h after the reply: Mon 11:30-17:00 (5.5 h), Tue 09:00-11:30 -> Tue 11:30 CEST = 09:30Z
    assertThat(POLICY.status(timers.get(2), reply).breachAt()).contains(utc("2026-03-31T09:30:00Z"));
    // a stopped first-response timer stays stopped when the ticket moves on
    timers = POLICY.enterStage(timers, "T-3", "in progress", utc("2026-03-30T10:00:00Z"));
    assertThat(timers.get(0).state()).isEqualTo(SlaTimer.State.STOPPED);
  }

  @Test
  void perStageTargetsRunOnlyInTheirStage() {
    // a lead enters "proposal" on Mon 2026-03-30 15:00 CEST = 13:00Z: follow up within 2 working days
    // -> Wed 2026-04-01 15:00 CEST = 13:00Z
    List<SlaTimer> timers = POLICY.enterStage(List.of(), "L-1", "proposal", utc("2026-03-30T13:00:00Z"));
    SlaTimer followUp = timers.get(3);
    assertThat(followUp.targetName()).isEqualTo("proposal-follow-up");
    assertThat(POLICY.status(followUp, utc("2026-03-30T13:00:00Z")).breachAt())
        .contains(utc("2026-04-01T13:00:00Z"));
    timers = POLICY.enterStage(timers, "L-1", "negotiation", utc("2026-03-31T07:00:00Z"));
    assertThat(timers.get(3).state()).isEqualTo(SlaTimer.State.STOPPED);
    assertThat(timers.get(3).consumedBefore()).isEqualTo(Duration.ofHours(2));
    // back to proposal: a fresh timer
    timers = POLICY.enterStage(timers, "L-1", "proposal", utc("2026-03-31T08:00:00Z"));
    assertThat(timers.get(3).state()).isEqualTo(SlaTimer.State.RUNNING);
    assertThat(timers.get(3).startedAt()).isEqualTo(utc("2026-03-31T08:00:00Z"));
    assertThat(timers.get(3).consumedBefore()).isZero();
  }

  @Test
  void misuseIsRejected() {
    SlaTimer timer = POLICY.start("T-4", "resolution", utc("2026-03-30T07:00:00Z"));
    assertThatThrownBy(() -> POLICY.pause(timer, utc("2026-03-30T06:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be before");
    SlaTimer stopped = POLICY.stop(timer, utc("2026-03-30T08:00:00Z"));
    assertThatThrownBy(() -> POLICY.resume(stopped, utc("2026-03-30T09:00:00Z")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("T-4/resolution");
    assertThatThrownBy(() -> POLICY.start("T-4", "nope", utc("2026-03-30T07:00:00Z")))
        .hasMessageContaining("unknown SLA target nope");
    assertThatThrownBy(() -> SlaPolicy.of(OFFICE, List.of(NEXT_UPDATE, NEXT_UPDATE), Set.of()))
        .hasMessageContaining("SlaPolicy.targets[1].name repeats next-update");
    assertThatThrownBy(() -> SlaTarget.firstResponse("x", Duration.ZERO)).hasMessageContaining("SlaTarget.limit");
    assertThatThrownBy(() -> SlaTarget.firstResponse("x", Duration.ofHours(1)).withReminders(Duration.ofHours(1)))
        .hasMessageContaining("SlaTarget.remindersBefore[0]");
    assertThatThrownBy(() -> SlaTarget.firstResponse("x", Duration.ofHours(2))
        .withEscalations(Duration.ofHours(1), Duration.ofHours(1))).hasMessageContaining("distinct");
    assertThatThrownBy(() -> POLICY.enterStage(List.of(timer), "T-5", "new", utc("2026-03-30T09:00:00Z")))
        .hasMessageContaining("timers[0] belongs to T-4");
    SlaNotice foreign = new SlaNotice("T-9", "resolution", SlaMetric.RESOLUTION, SlaNotice.Kind.BREACH, 0, 0,
        Duration.ofHours(1), utc("2026-03-30T09:00:00Z"));
    assertThatThrownBy(() -> POLICY.acknowledge(timer, foreign)).hasMessageContaining("does not belong");
  }
}
