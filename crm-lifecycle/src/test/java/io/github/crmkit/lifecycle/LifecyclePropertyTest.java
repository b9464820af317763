package io.github.crmkit.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import io.github.crmkit.model.Absence;
import io.github.crmkit.model.WorkingCalendar;
import io.github.crmkit.model.WorkingHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Properties over random sequences of events fired at random objects of random pipelines (the presets and random
 * pipelines of direct moves), recorded into a history.
 */
class LifecyclePropertyTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  /** A simulated run: the definition, the history of accepted events and each object's state by firing. */
  record Run(PipelineDefinition definition, StageHistory history, Map<String, Stage> states,
      Map<String, Instant> created, Instant end, int rejected) {
    @Override
    public String toString() {
      return definition + " " + history + " rejected=" + rejected;
    }
  }

  static Gen<Run> runs() {
    Gen<PipelineDefinition> definitions = SourceDSL.integers().between(0, 3).zip(PipelineJsonTest.pipelines(),
        (choice, random) -> switch (choice) {
          case 0 -> LifecyclePresets.leadLifecycle();
          case 1 -> LifecyclePresets.opportunityPipeline();
          case 2 -> LifecyclePresets.serviceTicketLifecycle();
          default -> random;
        });
    return definitions.zip(SourceDSL.longs().all(), SourceDSL.integers().between(0, 120), LifecyclePropertyTest::run);
  }

  static Run run(PipelineDefinition definition, long seed, int steps) {
    Random random = new Random(seed);
    StageHistory history = new StageHistory();
    Map<String, Stage> states = new HashMap<>();
    Map<String, Instant> created = new HashMap<>();
    List<String> ids = new ArrayList<>();
    List<LifecycleEvent> events = definition.events();
    Instant now = START;
    int rejected = 0;
    for (int step = 0; step < steps; step++) {
      now = now.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
      if (ids.isEmpty() || random.nextInt(6) == 0) {
        String id = "o" + ids.size();
        ids.add(id);
        states.put(id, definition.entryStage());
        created.put(id, now);
        history.append(new StageChange(id, definition.name(), null, definition.entryStage().name(), now, "a1",
            null, null, Double.NaN, definition.entryStage().probability()));
        continue;
      }
      String id = ids.get(random.nextInt(ids.size()));
      Stage current = states.get(id);
      LifecycleEvent event = events.get(random.nextInt(events.size()));
      Map<String, String> fields = new HashMap<>();
      for (String name : List.of("f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "budget", "employees", "country")) {
        if (random.nextInt(3) > 0) {
          fields.put(name, Integer.toString(random.nextInt(20)));
        }
      }
      String lostReason = switch (random.nextInt(4)) {
        case 0 -> null;
        case 1 -> "bogus";
        default -> event.target().lostReasons().isEmpty() ? "any"
            : event.target().lostReasons().get(random.nextInt(event.target().lostReasons().size()));
      };
      TransitionContext context = new TransitionContext(id, now, "a" + random.nextInt(3), "why", lostReason,
          random.nextBoolean() ? random.nextInt(10_000) : Double.NaN, fields);
      FireResult result = definition.fire(current, event, context);
      assertThat(result.from()).isSameAs(current);
      if (result.accepted()) {
        assertThat(result.stage()).isSameAs(event.target());
        assertThat(result.stage()).isNotEqualTo(current);
        states.put(id, result.stage());
        history.append(StageChange.of(result));
      } else {
        // a rejected event never changes the state
        assertThat(result.stage()).isSameAs(current);
        assertThat(result.domainEvents(() -> "x")).isEmpty();
        rejected++;
      }
    }
    return new Run(definition, history, states, created, now.plus(Duration.ofHours(random.nextInt(100))),
        rejected);
  }

  @Test
  void historyReplaysToTheSameStateThroughTheDefinition() {
    qt().withExamples(300).withFixedSeed(20261201L).forAll(runs()).checkAssert(run -> {
      PipelineDefinition definition = run.definition();
      for (Map.Entry<String, Stage> entry : run.states().entrySet()) {
        List<StageChange> rows = run.history().rows(entry.getKey());
        Stage stage = null;
        for (StageChange row : rows) {
          if (stage == null) {
            assertThat(row.from()).isNull();
            stage = definition.stage(row.to());
          } else {
            assertThat(row.from()).isEqualTo(stage.name());
            String target = row.to();
            // every recorded move is one the compiled table allows from the recorded stage
            assertThat(definition.allowedEvents(stage).stream().anyMatch(event ->
                event.target().name().equals(target))).as("%s allowed from %s", target, stage.name()).isTrue();
            stage = definition.stage(target);
          }
        }
        assertThat(stage).isSameAs(entry.getValue());
        assertThat(run.history().currentStage(entry.getKey())).isEqualTo(entry.getValue().name());
      }
    });
  }

  private static final WorkingCalendar CALENDAR = WorkingCalendar.weekdays(ZoneId.of("Europe/Berlin"),
      LocalTime.of(9, 0), LocalTime.of(17, 30)).toBuilder()
      .addHour(WorkingHours.of(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(12, 0)))
      .addHoliday(LocalDate.of(2026, 1, 6)).addHoliday(LocalDate.of(2026, 4, 3))
      .addAbsence(Absence.of(Instant.parse("2026-02-02T10:00:00Z"), Instant.parse("2026-02-13T10:00:00Z")))
      .addAbsence(Absence.of(Instant.parse("2026-02-10T10:00:00Z"), Instant.parse("2026-02-20T10:00:00Z")))
      .build();

  @Test
  void timeInStageSumsToTheObjectsAge() {
    BusinessTime business = new BusinessTime(CALENDAR);
    qt().withExamples(200).withFixedSeed(20261201L).forAll(runs()).checkAssert(run -> {
      for (String id : run.states().keySet()) {
        List<TimeInStage> times = run.history().timeInStage(id, run.end(), CALENDAR);
        Duration total = Duration.ZERO;
        Duration totalBusiness = Duration.ZERO;
        int visits = 0;
        for (TimeInStage time : times) {
          total = total.plus(time.cumulative());
          totalBusiness = totalBusiness.plus(time.cumulativeBusiness());
          visits += time.visits();
          assertThat(time.latest()).isLessThanOrEqualTo(time.cumulative());
          assertThat(time.cumulativeBusiness()).isLessThanOrEqualTo(time.cumulative());
        }
        assertThat(total).isEqualTo(Duration.between(run.created().get(id), run.end()));
        // business time adds up too: the stages' working time is the working time of the object's whole life
        assertThat(totalBusiness.toMillis()).isEqualTo(business.millisBetween(
            run.created().get(id).toEpochMilli(), run.end().toEpochMilli()));
        assertThat(visits).isEqualTo(run.history().rows(id).size());
      }
    });
  }

  /** The one-pass report gives the same figures as averaging each object's time in stage (both faces agree). */
  @Test
  void timeInStageReportAgreesWithPerObjectTimes() {
    qt().withExamples(100).withFixedSeed(20261201L).forAll(runs()).checkAssert(run -> {
      List<StageTimeSummary> report = Funnels.timeInStage(run.history(), run.definition(), run.end(), CALENDAR);
      for (StageTimeSummary summary : report) {
        int objects = 0;
        long visits = 0;
        double total = 0;
        double latestWorking = 0;
        for (String id : run.states().keySet()) {
          for (TimeInStage time : run.history().timeInStage(id, run.end(), CALENDAR)) {
            if (time.stage().equals(summary.stage())) {
              objects++;
              visits += time.visits();
              total += time.cumulative().toMillis() / 86_400_000.0;
              latestWorking += time.latestBusiness().toMillis() / 3_600_000.0;
            }
          }
        }
        assertThat(summary.objects()).isEqualTo(objects);
        assertThat(summary.visits()).isEqualTo(visits);
        if (objects > 0) {
          assertThat(summary.meanTotalDays()).isCloseTo(total / objects, within(1e-9));
          assertThat(summary.meanLatestWorkingHours()).isCloseTo(latestWorking / objects, within(1e-9));
        } else {
          assertThat(summary.meanTotalDays()).isNaN();
        }
      }
    });
  }

  @Test
  void conversionRatesAreRatesAndCountsReconcile() {
    qt().withExamples(300).withFixedSeed(20261201L).forAll(runs(), SourceDSL.integers().between(0, 200),
        SourceDSL.integers().between(1, 200)).checkAssert((run, offset, length) -> {
          Instant from = START.plus(Duration.ofDays(offset));
          Instant to = from.plus(Duration.ofDays(length));
          for (FunnelReport report : List.of(
              Funnels.cohort(run.history(), run.definition(), from, to, null),
              Funnels.cohort(run.history(), run.definition(), from, to, Duration.ofDays(length % 30)),
              Funnels.period(run.history(), run.definition(), from, to))) {
            for (FunnelStep step : report.steps()) {
              assertThat(step.movedOn()).isBetween(0, step.entered());
              assertThat(step.entered()).isLessThanOrEqualTo(report.objects());
              if (step.entered() > 0) {
                assertThat(step.conversion()).isBetween(0.0, 1.0);
              }
            }
            assertThat(report.won() + report.lost() + report.closed()).isLessThanOrEqualTo(report.objects());
            if (report.won() + report.lost() > 0) {
              assertThat(report.winRate()).isBetween(0.0, 1.0);
            }
            if (report.cohort()) {
              // every object of the cohort entered the pipeline at its entry stage: level 0
              assertThat(report.steps().get(0).entered()).isEqualTo(report.objects());
            }
          }
          // the whole history as one cohort holds every object
          FunnelReport all = Funnels.cohort(run.history(), run.definition(), START, run.end().plusSeconds(1), null);
          assertThat(all.objects()).isEqualTo(run.states().size());
          assertThat(Funnels.stalled(run.history(), run.definition(), run.end()))
              .allSatisfy(stalled -> assertThat(stalled.daysInStage()).isGreaterThan(stalled.maxDaysInStage()));
        });
  }
}
