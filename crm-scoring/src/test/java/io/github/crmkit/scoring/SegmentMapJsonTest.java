package io.github.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Segment map documents: reading, writing, round trips, and a validator that names the JSON path, line and column
 * of every problem.
 */
class SegmentMapJsonTest {
  private static List<SegmentMapProblem> problems(String json) {
    return SegmentMap.validate(json, 5, 5, 5);
  }

  @Test
  void readsTheDocumentOfTheIssue() {
    String json = """
        {"version":1,"segments":[{"name":"Champions","recency":[5,5],"frequency":[5,5],"monetary":[5,5]},
         {"name":"Lost","recency":[1,1]}]}""";
    SegmentMap map = SegmentMap.fromJson(json, 5);
    assertThat(map.rules()).containsExactly(new SegmentRule("Champions", 5, 5, 5, 5, 5, 5),
        new SegmentRule("Lost", 1, 1, 1, 5, 1, 5)); // omitted ranges match every score
    assertThat(problems(json)).isEmpty();
  }

  @Test
  void presetsRoundTrip() {
    for (SegmentMap map : List.of(SegmentMap.rfmReadme(), SegmentMap.rfGrid())) {
      String json = map.toJson();
      assertThat(SegmentMap.fromJson(json, 5)).isEqualTo(map);
      assertThat(SegmentMap.fromJson(json, 5).toJson()).isEqualTo(json);
    }
  }

  @Test
  void writesOneSegmentPerLine() {
    SegmentMap map = SegmentMap.of(3, 2, 4, List.of(new SegmentRule("Best \"A\"", 3, 3, 2, 2, 1, 4)));
    assertThat(map.toJson()).isEqualTo("""
        {"version": 1, "segments": [
          {"name": "Best \\"A\\"", "recency": [3, 3], "frequency": [2, 2], "monetary": [1, 4]}
        ]}
        """);
    assertThat(SegmentMap.of(5, List.of()).toJson()).isEqualTo("{\"version\": 1, \"segments\": []}\n");
  }

  @Test
  void randomMapsRoundTrip() {
    qt().withExamples(300).withFixedSeed(20261122L).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      int[] bins = {1 + random.nextInt(9), 1 + random.nextInt(9), 1 + random.nextInt(9)};
      List<SegmentRule> rules = new ArrayList<>();
      for (int i = random.nextInt(12); i > 0; i--) {
        int[] b = new int[6];
        for (int d = 0; d < 3; d++) {
          int x = 1 + random.nextInt(bins[d]);
          int y = 1 + random.nextInt(bins[d]);
          b[2 * d] = Math.min(x, y);
          b[2 * d + 1] = Math.max(x, y);
        }
        String name = "seg\u00e9 \"" + i + "\" \\ " + random.nextInt(1000) + " " + rules.size();
        rules.add(new SegmentRule(name, b[0], b[1], b[2], b[3], b[4], b[5]));
      }
      SegmentMap map = SegmentMap.of(bins[0], bins[1], bins[2], rules);
      assertThat(SegmentMap.fromJson(map.toJson(), bins[0], bins[1], bins[2])).isEqualTo(map);
    });
  }

  @Test
  void lowerGreaterThanUpper() {
    String json = """
        {"version": 1, "segments": [
          {"name": "A", "recency": [4, 2]}
        ]}""";
    assertThat(problems(json)).containsExactly(
        new SegmentMapProblem("$.segments[0].recency", 2, 28, "lower 4 must not be greater than upper 2"));
  }

  @Test
  void boundOutsideTheBins() {
    String json = """
        {"version": 1, "segments": [
          {"name": "A", "frequency": [0, 6]}
        ]}""";
    assertThat(problems(json)).extracting(SegmentMapProblem::path, SegmentMapProblem::problem).containsExactly(
        tuple("$.segments[0].frequency[0]", "must be between 1 and 5 (the frequency bins), was 0"),
        tuple("$.segments[0].frequency[1]", "must be between 1 and 5 (the frequency bins), was 6"));
    // the same document is valid for 6 bins except for the 0
    assertThat(SegmentMap.validate(json, 5, 6, 5)).extracting(SegmentMapProblem::path)
        .containsExactly("$.segments[0].frequency[0]");
  }

  @Test
  void missingName() {
    String json = """
        {"version": 1, "segments": [
          {"recency": [1, 2]}
        ]}""";
    assertThat(problems(json)).containsExactly(
        new SegmentMapProblem("$.segments[0].name", 2, 3, "missing, expected the segment's name"));
  }

  @Test
  void duplicateNames() {
    String json = """
        {"version": 1, "segments": [
          {"name": "A"},
          {"name": "B"},
          {"name": "A"}
        ]}""";
    assertThat(problems(json)).containsExactly(
        new SegmentMapProblem("$.segments[2].name", 4, 12, "repeated name 'A', first at $.segments[0].name"));
  }

  @Test
  void unknownProperties() {
    String json = """
        {"version": 1, "colour": "red", "segments": [
          {"name": "A", "recency": [1, 2], "tenure": [1, 1], "odd key": 1}
        ]}""";
    assertThat(problems(json)).extracting(SegmentMapProblem::path, SegmentMapProblem::line,
        SegmentMapProblem::problem).containsExactly(
            tuple("$.colour", 1, "unknown property 'colour', expected version or segments"),
            tuple("$.segments[0].tenure", 2, "unknown property 'tenure', expected name, recency, frequency or "
                + "monetary"),
            tuple("$.segments[0]['odd key']", 2, "unknown property 'odd key', expected name, recency, frequency or "
                + "monetary"));
  }

  @Test
  void everyProblemInOnePass() {
    String json = """
        {"segments": [
          {"name": "Others", "recency": [1]},
          {"name": 7, "monetary": [2, 1], "monetary": [1, 1]},
          {"name": " ", "frequency": "1-2"},
          [],
          {"name": "ok", "recency": [1.5, 2], "frequency": [1, 2, 3]}
        ]}""";
    assertThat(problems(json)).extracting(SegmentMapProblem::path, SegmentMapProblem::problem).containsExactly(
        tuple("$.segments[0].name", "name must not be 'Others', the name of customers no rule matches"),
        tuple("$.segments[0].recency", "expected [lower, upper], two integers, found 1 element"),
        tuple("$.segments[1].name", "expected a string, found an integer"),
        tuple("$.segments[1].monetary", "lower 2 must not be greater than upper 1"),
        tuple("$.segments[1].monetary", "repeated property 'monetary'"),
        tuple("$.segments[2].name", "name must not be blank"),
        tuple("$.segments[2].frequency", "expected [lower, upper], two integers, found a string"),
        tuple("$.segments[3]", "expected an object, found an array"),
        tuple("$.segments[4].recency[0]", "expected an integer, found a decimal number"),
        tuple("$.segments[4].frequency", "expected [lower, upper], two integers, found 3 elements"),
        tuple("$.version", "missing, expected 1"));
  }

  @Test
  void versionIsRequiredAndChecked() {
    assertThat(problems("{\"version\": 2, \"segments\": []}")).containsExactly(
        new SegmentMapProblem("$.version", 1, 13, "unsupported version 2, expected 1"));
    assertThat(problems("{\"version\": \"1\", \"segments\": []}")).extracting(SegmentMapProblem::problem)
        .containsExactly("expected the integer 1, found a string");
    assertThat(problems("{\"version\": 1}")).containsExactly(
        new SegmentMapProblem("$.segments", 1, 1, "missing, expected an array of segments"));
  }

  @Test
  void malformedJsonStopsWithItsPosition() {
    String json = """
        {"version": 1, "segments": [
          {"name": "A", "recency": [1, 2},
        ]}""";
    List<SegmentMapProblem> problems = problems(json);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).problem()).isEqualTo("malformed JSON");
    assertThat(problems.get(0).path()).isEqualTo("$.segments[0].recency");
    assertThat(problems.get(0).line()).isEqualTo(2);
    assertThat(problems(" ")).extracting(SegmentMapProblem::problem)
        .containsExactly("expected an object, found no content");
    assertThat(problems("{\"version\": 1, \"segments\": []} []")).extracting(SegmentMapProblem::problem)
        .containsExactly("unexpected content after the JSON value");
    assertThat(problems("[1]")).extracting(SegmentMapProblem::problem).containsExactly(
        "expected an object, found an array");
  }

  @Test
  void fromJsonThrowsWithEveryProblem() {
    String json = """
        {"version": 1, "segments": [
          {"name": "A", "recency": [4, 2]},
          {"colour": 1}
        ]}""";
    assertThatThrownBy(() -> SegmentMap.fromJson(json, 5)).isInstanceOfSatisfying(SegmentMapException.class,
        e -> {
          assertThat(e.problems()).extracting(SegmentMapProblem::path).containsExactly("$.segments[0].recency",
              "$.segments[1].colour", "$.segments[1].name");
          assertThat(e.getMessage()).isEqualTo("""
              invalid segment map, 3 problems
                at $.segments[0].recency (line 2, column 28): lower 4 must not be greater than upper 2
                at $.segments[1].colour (line 3, column 4): unknown property 'colour', expected name, recency, \
              frequency or monetary
                at $.segments[1].name (line 3, column 3): missing, expected the segment's name""");
        });
    assertThatThrownBy(() -> SegmentMap.fromJson("{}", 0)).isNotInstanceOf(SegmentMapException.class)
        .isInstanceOf(IllegalArgumentException.class).hasMessage("recencyBins must be between 1 and 9, was 0");
  }
}
