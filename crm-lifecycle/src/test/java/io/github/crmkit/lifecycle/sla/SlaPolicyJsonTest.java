package io.github.crmkit.lifecycle.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.crmkit.model.Absence;
import io.github.crmkit.model.WorkingCalendar;
import io.github.crmkit.model.WorkingHours;
import io.github.crmkit.model.json.CrmJson;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SlaPolicyJsonTest {
  private static final long SEED = 20261201L;

  private static final WorkingCalendar BERLIN = WorkingCalendar.builder()
      .from(WorkingCalendar.weekdays(ZoneId.of("Europe/Berlin"), LocalTime.of(9, 0), LocalTime.of(17, 0)))
      .addHoliday(LocalDate.of(2026, 12, 25))
      .addAbsence(Absence.of(Instant.parse("2026-08-03T00:00:00Z"), Instant.parse("2026-08-10T00:00:00Z")))
      .build();

  /** The support desk policy of the README: every kind of property used. */
  private static SlaPolicy support() {
    return SlaPolicy.of(BERLIN, List.of(
        SlaTarget.firstResponse("first-response", Duration.ofHours(4))
            .withReminders(Duration.ofMinutes(30), Duration.ofHours(1))
            .withEscalations(Duration.ofHours(2)),
        SlaTarget.nextUpdate("next-update", Duration.ofHours(8)).inStages("open", "reopened"),
        SlaTarget.resolution("resolution", Duration.ofHours(40)).withEscalations(Duration.ofHours(8),
            Duration.ofHours(16)),
        SlaTarget.followUpWithinDays("lead-follow-up", 2, Duration.ofHours(8))),
        Set.of("waiting_on_customer", "waiting_on_vendor"));
  }

  private static void assertSamePolicy(SlaPolicy actual, SlaPolicy expected) {
    assertThat(actual.targets()).isEqualTo(expected.targets());
    assertThat(actual.waitingStates()).isEqualTo(expected.waitingStates());
    assertThat(actual.businessTime().calendar()).isEqualTo(expected.businessTime().calendar());
  }

  private static List<SlaPolicyProblem> problems(String json) {
    try {
      SlaPolicyJson.read(json);
    } catch (SlaPolicyException e) {
      assertThat(e.problems()).isNotEmpty();
      assertThat(e.getMessage()).contains(e.problems().get(0).toString());
      return e.problems();
    }
    throw new AssertionError("read accepted an invalid document: " + json);
  }

  /** A valid document with one target whose properties are {@code target} (a JSON object body). */
  private static String withTarget(String target) {
    return "{\"version\": 1, \"calendar\": {\"zone\": \"UTC\"}, \"targets\": [{" + target + "}]}";
  }

  private static final String TARGET = "\"name\": \"t\", \"metric\": \"resolution\", \"limit\": \"PT4H\"";

  // ---- round trips ----------------------------------------------------------------------------------------------

  @Test
  void aPolicyWithRemindersEscalationsStagesAndWaitingStatesRoundTrips() {
    SlaPolicy policy = support();
    String json = SlaPolicyJson.write(policy);
    SlaPolicy back = SlaPolicyJson.read(json);
    assertSamePolicy(back, policy);
    assertThat(back.target("first-response").remindersBefore())
        .containsExactly(Duration.ofHours(1), Duration.ofMinutes(30));
    assertThat(back.target("next-update").stages()).containsExactlyInAnyOrder("open", "reopened");
    assertThat(back.target("lead-follow-up").metric()).isEqualTo(SlaMetric.FOLLOW_UP);
    assertThat(back.target("lead-follow-up").limit()).isEqualTo(Duration.ofHours(16));
    assertThat(SlaPolicyJson.write(back)).isEqualTo(json);
  }

  @Test
  void writesAStableDocumentWithTheCalendarInCrmModelsForm() {
    SlaPolicy policy = SlaPolicy.of(WorkingCalendar.builder().zone(ZoneId.of("Asia/Shanghai"))
            .addHour(WorkingHours.of(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0)))
            .addHoliday(LocalDate.of(2024, 10, 1)).build(),
        List.of(SlaTarget.firstResponse("fr", Duration.ofHours(4)).withReminders(Duration.ofMinutes(30),
            Duration.ofHours(1)).withEscalations(Duration.ofHours(3), Duration.ofHours(2)).inStages("b", "a")),
        Set.of("z_wait", "a_wait"));
    assertThat(SlaPolicyJson.write(policy)).isEqualTo("{\n"
        + "  \"version\" : 1,\n"
        + "  \"calendar\" : {\n"
        + "    \"zone\" : \"Asia/Shanghai\",\n"
        + "    \"hours\" : [ {\n"
        + "      \"day\" : \"MONDAY\",\n"
        + "      \"start\" : \"09:00\",\n"
        + "      \"end\" : \"18:00\"\n"
        + "    } ],\n"
        + "    \"holidays\" : [ \"2024-10-01\" ],\n"
        + "    \"absences\" : [ ]\n"
        + "  },\n"
        + "  \"waiting_states\" : [ \"a_wait\", \"z_wait\" ],\n"
        + "  \"targets\" : [ {\n"
        + "    \"name\" : \"fr\",\n"
        + "    \"metric\" : \"first_response\",\n"
        + "    \"limit\" : \"PT4H\",\n"
        + "    \"reminders_before\" : [ \"PT1H\", \"PT30M\" ],\n"
        + "    \"escalations_after\" : [ \"PT2H\", \"PT3H\" ],\n"
        + "    \"stages\" : [ \"a\", \"b\" ]\n"
        + "  } ]\n"
        + "}\n");
  }

  @Test
  void aCalendarWrittenByCrmJsonIsReadAsIs() {
    String calendar = CrmJson.standard().write(BERLIN);
    SlaPolicy policy = SlaPolicyJson.read("{\"version\": 1, \"calendar\": " + calendar + ", \"targets\": []}");
    assertThat(policy.businessTime().calendar()).isEqualTo(BERLIN);
    assertThat(policy.targets()).isEmpty();
    assertThat(policy.waitingStates()).isEmpty();
  }

  @Test
  void aHandWrittenDocumentParsesToThePolicyBuiltInCode() {
    String json = """
        {
          "version": 1,
          "calendar": {
            "zone": "Europe/Berlin",
            "hours": [
              {"day": "MONDAY", "start": "09:00", "end": "17:00"},
              {"day": "TUESDAY", "start": "09:00", "end": "17:00"},
              {"day": "WEDNESDAY", "start": "09:00", "end": "17:00"},
              {"day": "THURSDAY", "start": "09:00", "end": "17:00"},
              {"day": "FRIDAY", "start": "09:00", "end": "17:00"}
            ],
            "holidays": ["2026-12-25"],
            "absences": [{"from": "2026-08-03T00:00:00Z", "until": "2026-08-10T00:00:00Z"}]
          },
          "waiting_states": ["waiting_on_vendor", "waiting_on_customer"],
          "targets": [
            {"name": "first-response", "metric": "first_response", "limit": "PT4H",
             "reminders_before": ["PT30M", "PT1H"], "escalations_after": ["PT2H"]},
            {"name": "next-update", "metric": "next_update", "limit": "PT8H", "stages": ["reopened", "open"]},
            {"name": "resolution", "metric": "resolution", "limit": "PT40H",
             "escalations_after": ["PT16H", "PT8H"]},
            {"name": "lead-follow-up", "metric": "follow_up", "limit": "PT16H"}
          ]
        }
        """;
    assertSamePolicy(SlaPolicyJson.read(json), support());
  }

  /** The example of the class Javadoc, copied as it stands there. */
  @Test
  void theJavadocExampleParses() {
    SlaPolicy policy = SlaPolicyJson.read("""
        {"version": 1,
         "calendar": {"zone": "Europe/Berlin",
                      "hours": [{"day": "MONDAY", "start": "09:00", "end": "17:00"},
                                {"day": "TUESDAY", "start": "09:00", "end": "17:00"}],
                      "holidays": ["2026-12-25"],
                      "absences": [{"from": "2026-08-03T00:00:00Z", "until": "2026-08-10T00:00:00Z"}]},
         "waiting_states": ["waiting_on_customer"],
         "targets": [{"name": "first-response", "metric": "first_response", "limit": "PT4H",
                      "reminders_before": ["PT1H", "PT30M"], "escalations_after": ["PT2H"], "stages": []},
                     {"name": "resolution", "metric": "resolution", "limit": "PT40H"}]}
        """);
    assertThat(policy.targets()).containsExactly(
        SlaTarget.firstResponse("first-response", Duration.ofHours(4))
            .withReminders(Duration.ofHours(1), Duration.ofMinutes(30)).withEscalations(Duration.ofHours(2)),
        SlaTarget.resolution("resolution", Duration.ofHours(40)));
    assertThat(policy.waitingStates()).containsExactly("waiting_on_customer");
    assertThat(policy.businessTime().calendar().hours()).containsExactly(
        WorkingHours.of(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)),
        WorkingHours.of(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)));
    assertThat(policy.businessTime().calendar().holidays()).containsExactly(LocalDate.of(2026, 12, 25));
    assertThat(policy.businessTime().calendar().absences()).containsExactly(
        Absence.of(Instant.parse("2026-08-03T00:00:00Z"), Instant.parse("2026-08-10T00:00:00Z")));
  }

  @Test
  void randomValidPoliciesRoundTrip() {
    qt().withExamples(200).withFixedSeed(SEED).forAll(longs().all()).checkAssert(seed -> {
      SlaPolicy policy = randomPolicy(new SplittableRandom(seed));
      String json = SlaPolicyJson.write(policy);
      SlaPolicy back = SlaPolicyJson.read(json);
      assertSamePolicy(back, policy);
      assertThat(SlaPolicyJson.write(back)).isEqualTo(json);
    });
  }

  private static SlaPolicy randomPolicy(SplittableRandom r) {
    WorkingCalendar calendar = BusinessTimePropertyTest.anyCalendar(r);
    List<SlaTarget> targets = new ArrayList<>();
    int count = r.nextInt(6);
    for (int i = 0; i < count; i++) {
      Duration limit = Duration.ofSeconds(1 + r.nextLong(30L * 86_400)).plusNanos(r.nextInt(3) == 0
          ? r.nextInt(1_000_000_000) : 0);
      Set<Duration> reminders = new HashSet<>();
      for (int k = r.nextInt(4); k > 0; k--) {
        Duration d = Duration.ofNanos(1 + r.nextLong(limit.toNanos()));
        if (d.compareTo(limit) < 0) {
          reminders.add(d);
        }
      }
      Set<Duration> escalations = new HashSet<>();
      for (int k = r.nextInt(4); k > 0; k--) {
        escalations.add(Duration.ofMinutes(1 + r.nextInt(10_000)));
      }
      Set<String> stages = new HashSet<>();
      for (int k = r.nextInt(4); k > 0; k--) {
        stages.add(name(r, "stage"));
      }
      targets.add(new SlaTarget(name(r, "target") + "#" + i, SlaMetric.values()[r.nextInt(SlaMetric.values().length)],
          limit, new ArrayList<>(reminders), new ArrayList<>(escalations), stages));
    }
    Set<String> waiting = new HashSet<>();
    for (int k = r.nextInt(4); k > 0; k--) {
      waiting.add(name(r, "waiting"));
    }
    return SlaPolicy.of(calendar, targets, waiting);
  }

  /** Names with spaces, quotes, backslashes and non-ASCII letters, which JSON must escape or carry as they are. */
  private static String name(SplittableRandom r, String prefix) {
    String[] parts = {"", " on customer", " \"quoted\"", "\\back", "é", "\u00e4\u4e2d", "-", "_x", "\t"};
    return prefix + parts[r.nextInt(parts.length)] + r.nextInt(20);
  }

  // ---- bad input, one problem each ------------------------------------------------------------------------------

  @Test
  void malformedJsonNamesLineAndColumn() {
    List<SlaPolicyProblem> problems = problems("{\"version\": 1,\n  \"targets\": [ , ]}");
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).path()).isEqualTo("$");
    assertThat(problems.get(0).problem()).startsWith("malformed JSON at line 2, column 16");
  }

  @Test
  void emptyAndNonObjectDocuments() {
    assertThat(problems("  ")).containsExactly(new SlaPolicyProblem("$", "expected an object, found no content"));
    assertThat(problems("[1]")).containsExactly(new SlaPolicyProblem("$", "expected an object, found an array"));
  }

  @Test
  void unknownPropertyOfTheDocument() {
    assertThat(problems("{\"version\": 1, \"calendar\": {\"zone\": \"UTC\"}, \"targets\": [], \"timezone\": \"UTC\"}"))
        .containsExactly(new SlaPolicyProblem("$.timezone", "unknown property 'timezone', expected one of "
            + "[calendar, targets, version, waiting_states]"));
  }

  @Test
  void unknownPropertyOfATarget() {
    List<SlaPolicyProblem> problems = problems(withTarget(TARGET + ", \"reminder\": \"PT1H\""));
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).path()).isEqualTo("$.targets[0].reminder");
    assertThat(problems.get(0).problem()).startsWith("unknown property 'reminder', expected one of")
        .contains("reminders_before");
  }

  @Test
  void unknownPropertyOfTheCalendar() {
    List<SlaPolicyProblem> problems = problems(
        "{\"version\": 1, \"calendar\": {\"zone\": \"UTC\", \"weekends\": []}, \"targets\": []}");
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).path()).isEqualTo("$.calendar.weekends");
    assertThat(problems.get(0).problem()).contains("unknown property 'weekends'");
  }

  @Test
  void invalidCalendarValueIsReportedAtItsPath() {
    List<SlaPolicyProblem> problems = problems("{\"version\": 1, \"calendar\": {\"zone\": \"UTC\", "
        + "\"hours\": [{\"day\": \"MONDAY\", \"start\": \"19:00\", \"end\": \"18:00\"}]}, \"targets\": []}");
    assertThat(problems).containsExactly(new SlaPolicyProblem("$.calendar.hours[0]",
        "WorkingHours.start must be before end, was 19:00 >= 18:00 on MONDAY"));
    assertThat(problems("{\"version\": 1, \"calendar\": {\"zone\": \"Mars/Olympus\"}, \"targets\": []}"))
        .containsExactly(new SlaPolicyProblem("$.calendar.zone", "expected a valid ZoneId"));
  }

  @Test
  void everyProblemOfTheCalendarIsReportedAtItsPath() {
    List<SlaPolicyProblem> problems = problems("""
        {"version": 1,
         "calendar": {"zone": "Mars/Olympus", "weekends": [],
                      "hours": [{"day": "MONDAY", "start": "09:00", "end": "17:00"},
                                {"day": "TUESDAY", "start": "19:00", "end": "18:00"},
                                {"day": "FUNDAY", "start": "09:00", "end": "17:00"}],
                      "holidays": ["2026-12-25", "2026-13-01"],
                      "absences": [{"from": "2026-08-10T00:00:00Z", "until": "2026-08-03T00:00:00Z"}]},
         "targets": []}
        """);
    assertThat(problems).extracting(SlaPolicyProblem::path).containsExactly("$.calendar.weekends",
        "$.calendar.zone", "$.calendar.hours[1]", "$.calendar.hours[2].day", "$.calendar.holidays[1]",
        "$.calendar.absences[0]");
    assertThat(problems.get(2).problem()).isEqualTo(
        "WorkingHours.start must be before end, was 19:00 >= 18:00 on TUESDAY");
    assertThat(problems("{\"version\": 1, \"calendar\": {\"zone\": \"UTC\", \"hours\": {}}, \"targets\": []}"))
        .containsExactly(new SlaPolicyProblem("$.calendar.hours", "expected an array, found an object"));
  }

  @Test
  void missingRequiredPropertiesOfTheDocument() {
    assertThat(problems("{}")).containsExactly(
        new SlaPolicyProblem("$.version", "missing, expected 1"),
        new SlaPolicyProblem("$.calendar", "missing, expected a working calendar object"),
        new SlaPolicyProblem("$.targets", "missing, expected an array"));
  }

  @Test
  void missingRequiredPropertiesOfATarget() {
    assertThat(problems(withTarget(""))).containsExactly(
        new SlaPolicyProblem("$.targets[0].name", "missing, expected a string"),
        new SlaPolicyProblem("$.targets[0].metric", "missing, expected a string"),
        new SlaPolicyProblem("$.targets[0].limit", "missing, expected an ISO-8601 duration such as \"PT4H\""));
  }

  @Test
  void unsupportedVersion() {
    assertThat(problems("{\"version\": 2, \"calendar\": {\"zone\": \"UTC\"}, \"targets\": []}"))
        .containsExactly(new SlaPolicyProblem("$.version", "unsupported version 2, expected 1"));
  }

  @Test
  void unknownMetricListsTheAllowedOnes() {
    assertThat(problems(withTarget("\"name\": \"t\", \"metric\": \"first-response\", \"limit\": \"PT4H\"")))
        .containsExactly(new SlaPolicyProblem("$.targets[0].metric", "unknown metric 'first-response', "
            + "expected first_response, next_update, resolution or follow_up"));
  }

  @Test
  void unparseableDuration() {
    assertThat(problems(withTarget("\"name\": \"t\", \"metric\": \"resolution\", \"limit\": \"4 hours\"")))
        .containsExactly(new SlaPolicyProblem("$.targets[0].limit",
            "expected an ISO-8601 duration such as \"PT4H\", was '4 hours'"));
  }

  @Test
  void durationOfTheWrongType() {
    assertThat(problems(withTarget("\"name\": \"t\", \"metric\": \"resolution\", \"limit\": 14400")))
        .containsExactly(new SlaPolicyProblem("$.targets[0].limit",
            "expected an ISO-8601 duration string such as \"PT4H\", found an integer"));
  }

  @Test
  void zeroDuration() {
    assertThat(problems(withTarget("\"name\": \"t\", \"metric\": \"resolution\", \"limit\": \"PT0S\"")))
        .containsExactly(new SlaPolicyProblem("$.targets[0].limit", "must be positive, was PT0S"));
  }

  @Test
  void negativeDuration() {
    assertThat(problems(withTarget(TARGET + ", \"escalations_after\": [\"PT1H\", \"-PT2H\"]")))
        .containsExactly(new SlaPolicyProblem("$.targets[0].escalations_after[1]",
            "must be positive, was PT-2H"));
  }

  @Test
  void reminderNotShorterThanTheLimit() {
    assertThat(problems(withTarget(TARGET + ", \"reminders_before\": [\"PT1H\", \"PT4H\", \"PT5H\"]")))
        .containsExactly(
            new SlaPolicyProblem("$.targets[0].reminders_before[1]", "must be shorter than the limit PT4H, "
                + "was PT4H"),
            new SlaPolicyProblem("$.targets[0].reminders_before[2]", "must be shorter than the limit PT4H, "
                + "was PT5H"));
  }

  @Test
  void repeatedReminderOrEscalation() {
    assertThat(problems(withTarget(TARGET + ", \"reminders_before\": [\"PT1H\", \"PT30M\", \"PT60M\"], "
        + "\"escalations_after\": [\"PT2H\", \"PT2H\"]")))
        .containsExactly(
            new SlaPolicyProblem("$.targets[0].reminders_before[2]",
                "repeated duration PT1H, first at $.targets[0].reminders_before[0]"),
            new SlaPolicyProblem("$.targets[0].escalations_after[1]",
                "repeated duration PT2H, first at $.targets[0].escalations_after[0]"));
  }

  @Test
  void duplicateTargetNamesNameTheSecond() {
    String json = "{\"version\": 1, \"calendar\": {\"zone\": \"UTC\"}, \"targets\": ["
        + "{\"name\": \"a\", \"metric\": \"resolution\", \"limit\": \"PT4H\"},"
        + "{\"name\": \"b\", \"metric\": \"resolution\", \"limit\": \"PT4H\"},"
        + "{\"name\": \"a\", \"metric\": \"first_response\", \"limit\": \"PT1H\"}]}";
    assertThat(problems(json)).containsExactly(
        new SlaPolicyProblem("$.targets[2].name", "repeated target name 'a', first at $.targets[0].name"));
  }

  @Test
  void blankTargetName() {
    assertThat(problems(withTarget("\"name\": \" \\t\", \"metric\": \"resolution\", \"limit\": \"PT4H\"")))
        .containsExactly(new SlaPolicyProblem("$.targets[0].name", "must not be blank"));
  }

  @Test
  void overlongAndNonStringNames() {
    String longName = "x".repeat(201);
    assertThat(problems(withTarget("\"name\": \"" + longName + "\", \"metric\": \"resolution\", \"limit\": "
        + "\"PT4H\", \"stages\": [\"open\", 3, \"\"]")))
        .containsExactly(
            new SlaPolicyProblem("$.targets[0].name", "must be at most 200 characters, was 201"),
            new SlaPolicyProblem("$.targets[0].stages[1]", "expected a string, found an integer"),
            new SlaPolicyProblem("$.targets[0].stages[2]", "must not be blank"));
  }

  @Test
  void repeatedWaitingState() {
    assertThat(problems("{\"version\": 1, \"calendar\": {\"zone\": \"UTC\"}, \"targets\": [], "
        + "\"waiting_states\": [\"waiting\", \"on_hold\", \"waiting\"]}"))
        .containsExactly(new SlaPolicyProblem("$.waiting_states[2]",
            "repeated waiting state 'waiting', first at $.waiting_states[0]"));
  }

  @Test
  void repeatedStageOfATarget() {
    assertThat(problems(withTarget(TARGET + ", \"stages\": [\"open\", \"open\"]")))
        .containsExactly(new SlaPolicyProblem("$.targets[0].stages[1]",
            "repeated stage 'open', first at $.targets[0].stages[0]"));
  }

  @Test
  void repeatedPropertyIsMalformedJson() {
    List<SlaPolicyProblem> problems = problems(withTarget(TARGET + ", \"limit\": \"PT5H\""));
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).path()).isEqualTo("$");
    assertThat(problems.get(0).problem()).startsWith("malformed JSON at line 1").contains("limit");
  }

  @Test
  void everyProblemIsReportedNotOnlyTheFirst() {
    String json = "{\"version\": 1, \"calendar\": {\"zone\": \"Mars/Olympus\"}, \"waiting_states\": [\"w\", \"w\"],"
        + " \"targets\": ["
        + "{\"name\": \"\", \"metric\": \"speed\", \"limit\": \"PT0S\"},"
        + "\"not a target\","
        + "{\"name\": \"ok\", \"metric\": \"resolution\", \"limit\": \"PT1H\", \"reminders_before\": [\"PT2H\"]}]}";
    assertThat(problems(json)).extracting(SlaPolicyProblem::path).containsExactly(
        "$.calendar.zone",
        "$.waiting_states[1]",
        "$.targets[0].name",
        "$.targets[0].metric",
        "$.targets[0].limit",
        "$.targets[1]",
        "$.targets[2].reminders_before[0]");
  }

  @Test
  void problemsAreValues() {
    SlaPolicyProblem problem = new SlaPolicyProblem("$.targets[2].limit", "must be positive, was PT0S");
    assertThat(problem).hasToString("$.targets[2].limit: must be positive, was PT0S");
    assertThatThrownBy(() -> new SlaPolicyProblem("targets", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with $");
    assertThatThrownBy(() -> SlaPolicyJson.read(withTarget("")))
        .isInstanceOf(SlaPolicyException.class)
        .hasMessageStartingWith("invalid SLA policy, 3 problems\n  at $.targets[0].name: missing");
  }
}
