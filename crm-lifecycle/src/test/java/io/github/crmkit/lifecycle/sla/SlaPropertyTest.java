package io.github.crmkit.lifecycle.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.crmkit.model.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SlaPropertyTest {
  private static final long SEED = 20261202L;

  private static SlaPolicy policy(SplittableRandom r, WorkingCalendar calendar) {
    Duration limit = Duration.ofMinutes(30 + r.nextInt(40 * 60));
    SlaTarget target = SlaTarget.resolution("resolution", limit)
        .withReminders(limit.dividedBy(2), limit.dividedBy(10))
        .withEscalations(Duration.ofMinutes(1 + r.nextInt(600)), Duration.ofMinutes(601 + r.nextInt(600)));
    return SlaPolicy.of(calendar, List.of(target), Set.of("waiting"));
  }

  private static WorkingCalendar calendar(SplittableRandom r) {
    WorkingCalendar calendar;
    do {
      calendar = BusinessTimePropertyTest.anyCalendar(r);
    } while (calendar.hours().isEmpty());
    return calendar;
  }

  /** Random pauses and resumes at increasing instants. */
  private static List<Instant> changes(SplittableRandom r, Instant start, int count) {
    List<Instant> list = new ArrayList<>();
    Instant t = start;
    for (int i = 0; i < count; i++) {
      t = t.plusSeconds(r.nextLong(2 * 86_400));
      list.add(t);
    }
    return list;
  }

  @Test
  void pausesNeverShortenTheRemainingTime() {
    qt().withExamples(250).withFixedSeed(SEED).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      WorkingCalendar calendar = calendar(r);
      SlaPolicy policy = policy(r, calendar);
      Instant start = BusinessTimePropertyTest.near(r, calendar);
      SlaTimer plain = policy.start("T", "resolution", start);
      SlaTimer paused = plain;
      List<Instant> changes = changes(r, start, 2 * (1 + r.nextInt(3)));
      for (int i = 0; i < changes.size(); i++) {
        paused = i % 2 == 0 ? policy.pause(paused, changes.get(i)) : policy.resume(paused, changes.get(i));
      }
      Instant now = changes.get(changes.size() - 1).plusSeconds(r.nextLong(3 * 86_400));
      SlaStatus a = policy.status(plain, now);
      SlaStatus b = policy.status(paused, now);
      assertThat(b.remaining()).isGreaterThanOrEqualTo(a.remaining());
      assertThat(b.consumed()).isLessThanOrEqualTo(a.consumed());
      // the consumed time is exactly the business time of the running periods
      Duration expected = Duration.ZERO;
      Instant runFrom = start;
      for (int i = 0; i < changes.size(); i += 2) {
        expected = expected.plus(policy.businessTime().between(runFrom, changes.get(i)));
        runFrom = changes.get(i + 1);
      }
      expected = expected.plus(policy.businessTime().between(runFrom, now));
      assertThat(b.consumed()).isEqualTo(expected);
      // a projected or past breach is never earlier with pauses
      if (a.breachAt().isPresent() && b.breachAt().isPresent()) {
        assertThat(b.breachAt().get()).isAfterOrEqualTo(a.breachAt().get());
      }
      // and every notice falls due no earlier, and no more of them
      List<SlaNotice> dueA = policy.due(plain, now);
      List<SlaNotice> dueB = policy.due(paused, now);
      assertThat(dueB.size()).isLessThanOrEqualTo(dueA.size());
      for (int i = 0; i < dueB.size(); i++) {
        assertThat(dueB.get(i).dueAt()).isAfterOrEqualTo(dueA.get(i).dueAt());
      }
    });
  }

  @Test
  void noticesFallDueInOrderAtTheirThresholds() {
    qt().withExamples(250).withFixedSeed(SEED).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      WorkingCalendar calendar = calendar(r);
      SlaPolicy policy = policy(r, calendar);
      Instant start = BusinessTimePropertyTest.near(r, calendar);
      SlaTimer timer = policy.start("T", "resolution", start);
      List<Instant> changes = changes(r, start, 2 * r.nextInt(3));
      for (int i = 0; i < changes.size(); i++) {
        timer = i % 2 == 0 ? policy.pause(timer, changes.get(i)) : policy.resume(timer, changes.get(i));
      }
      Instant from = changes.isEmpty() ? start : changes.get(changes.size() - 1);
      Instant now = from.plusSeconds(r.nextLong(20 * 86_400));
      List<SlaNotice> due = policy.due(timer, now);
      Duration consumed = policy.consumed(timer, now);
      for (int i = 0; i < due.size(); i++) {
        SlaNotice n = due.get(i);
        assertThat(n.sequence()).isEqualTo(i);
        assertThat(n.threshold()).isLessThanOrEqualTo(consumed);
        assertThat(n.dueAt()).isBeforeOrEqualTo(now).isAfterOrEqualTo(start);
        // at its instant, exactly its threshold had been consumed
        assertThat(policy.consumed(timer, n.dueAt())).isLessThanOrEqualTo(consumed);
        if (i > 0) {
          assertThat(n.dueAt()).isAfterOrEqualTo(due.get(i - 1).dueAt());
        }
      }
      // before acknowledging, the next due instant is that of the first notice due
      if (!due.isEmpty()) {
        assertThat(policy.nextDueAt(timer, now)).contains(due.get(0).dueAt());
      }
      // acknowledging all returned notices leaves nothing due now
      for (SlaNotice n : due) {
        timer = policy.acknowledge(timer, n);
      }
      assertThat(policy.due(timer, now)).isEmpty();
      int count = policy.target("resolution").noticeCount();
      Optional<Instant> next = policy.nextDueAt(timer, now);
      if (due.size() < count) {
        assertThat(policy.target("resolution").threshold(due.size())).isGreaterThan(consumed);
        // while running, the next notice is projected exactly where its threshold is consumed
        if (timer.state() == SlaTimer.State.RUNNING) {
          assertThat(next.orElseThrow()).isAfter(now);
          assertThat(policy.consumed(timer, next.orElseThrow()))
              .isEqualTo(policy.target("resolution").threshold(due.size()));
          assertThat(policy.due(timer, next.orElseThrow())).hasSize(1);
        } else {
          assertThat(next).isEmpty();
        }
      } else {
        assertThat(next).isEmpty();
      }
    });
  }
}
