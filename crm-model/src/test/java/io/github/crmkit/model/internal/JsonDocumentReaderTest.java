package io.github.crmkit.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonDocumentReaderTest {

  /** The values read by {@link #read}, by path, and every problem as "path (line, column): what". */
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  /**
   * Reads a document of properties whose names choose the scalar reader: int (1..10), nonNegativeInt,
   * nonNegativeLong, number (or null), string, bool, version (2), obj (nested, read the same way); anything else is
   * unknown.
   */
  private void read(String json) {
    JsonDocumentReader.read(json, (path, line, column, what) -> problems.add(path + " (" + line + ", " + column
        + "): " + what), r -> {
          if (r.startDocument()) {
            object(r, "$");
          }
          r.endDocument();
        });
  }

  private void object(JsonDocumentReader r, String at) throws java.io.IOException {
    r.properties(at, "property", (name, path, location) -> {
      switch (name) {
        case "int" -> r.integer(path, 1, 10).ifPresent(v -> values.put(path, v));
        case "nonNegativeInt" -> values.put(path, r.nonNegativeInt(path));
        case "nonNegativeLong" -> values.put(path, r.nonNegativeLong(path));
        case "number" -> values.put(path, r.numberOrNull(path, "a number or null"));
        case "string" -> values.put(path, r.string(path, "a string"));
        case "bool" -> values.put(path, r.bool(path));
        case "version" -> r.version(path, 2);
        case "obj" -> {
          if (r.parser().currentToken() != JsonToken.START_OBJECT) {
            r.wrongType(path, "an object");
          } else {
            object(r, path);
          }
        }
        default -> r.skipUnknown(name, path, location, "int, string or obj");
      }
    });
  }

  @Test
  void readsTypedScalarsWithoutProblems() {
    read("{\"int\": 7, \"nonNegativeInt\": 0, \"nonNegativeLong\": 9000000000, \"number\": 2.5, \"string\": \"x\","
        + " \"bool\": true, \"version\": 2, \"obj\": {\"int\": 1, \"number\": null}}");
    assertThat(problems).isEmpty();
    assertThat(values).containsEntry("$.int", 7).containsEntry("$.nonNegativeInt", 0)
        .containsEntry("$.nonNegativeLong", 9_000_000_000L).containsEntry("$.number", 2.5)
        .containsEntry("$.string", "x").containsEntry("$.bool", true).containsEntry("$.obj.int", 1)
        .containsEntry("$.obj.number", Double.NaN);
  }

  @Test
  void reportsWrongTypesWithPathLineAndColumnAndGoesOn() {
    read("{\"int\": \"7\",\n \"string\": 3, \"bool\": null,\n \"number\": [1, {\"a\": 2}], \"obj\": 1.5, \"int\": 11}");
    assertThat(problems).containsExactly(
        "$.int (1, 9): expected an integer, found a string",
        "$.string (2, 12): expected a string, found an integer",
        "$.bool (2, 23): expected a boolean, found null",
        "$.number (3, 12): expected a number or null, found an array",
        "$.obj (3, 34): expected an object, found a decimal number",
        "$.int (3, 39): repeated property 'int'");
  }

  @Test
  void reportsRangeAndVersionProblems() {
    read("{\"int\": 11, \"nonNegativeInt\": -1, \"nonNegativeLong\": 99999999999999999999, \"version\": 3,"
        + " \"obj\": {\"int\": 0, \"nonNegativeInt\": 3000000000, \"version\": \"2\"}}");
    assertThat(problems).containsExactly(
        "$.int (1, 9): must be between 1 and 10, was 11",
        "$.nonNegativeInt (1, 31): must be an integer >= 0, was -1",
        "$.nonNegativeLong (1, 54): must be an integer >= 0, was 99999999999999999999",
        "$.version (1, 87): unsupported version 3, expected 2",
        "$.obj.int (1, 105): must be between 1 and 10, was 0",
        "$.obj.nonNegativeInt (1, 126): must be an integer >= 0, was 3000000000",
        "$.obj.version (1, 149): expected the integer 2, found a string");
    assertThat(values).containsEntry("$.nonNegativeInt", -1).containsEntry("$.nonNegativeLong", -1L)
        .doesNotContainKey("$.int");
  }

  @Test
  void unknownPropertiesAreReportedAndSkippedWithQuotedPaths() {
    read("{\"colour\": {\"deep\": [1, 2]}, \"it's\": 1, \"string\": \"after\"}");
    assertThat(problems).containsExactly(
        "$.colour (1, 2): unknown property 'colour', expected int, string or obj",
        "$['it\\'s'] (1, 30): unknown property 'it's', expected int, string or obj");
    assertThat(values).containsEntry("$.string", "after");
  }

  @Test
  void documentLevelProblems() {
    read("");
    read("[1, 2]");
    read("{} 7");
    assertThat(problems).containsExactly(
        "$ (1, 1): expected an object, found no content",
        "$ (1, 1): expected an object, found an array",
        "$ (1, 4): unexpected content after the JSON value");
  }

  @Test
  void malformedJsonIsReportedAtThePathBeingReadAndStops() {
    read("{\"obj\": {\"int\": 3,\n \"string\": \"x\" ], \"int\": \"late\"}");
    assertThat(problems).containsExactly("$.obj.string (2, 16): malformed JSON");
    problems.clear();
    // a value that cannot even start is reported at the path of the property read before it
    read("{\"obj\": {\"int\": 3,\n \"string\": }}");
    assertThat(problems).containsExactly("$.obj.int (2, 12): malformed JSON");
  }

  @Test
  void plainPropertiesKeepThePathAsWrittenAndMayLeaveRepeatsToTheCaller() {
    List<String> seen = new ArrayList<>();
    JsonDocumentReader.read("{\"a b\": 1, \"a b\": 2, \"c\": {", (path, line, column, what) -> problems.add(path
        + ": " + what), r -> {
          r.startDocument();
          r.plainProperties("$", false, null, (name, path, at) -> {
            seen.add(path + "=" + r.parser().getText());
            if (name.equals("c")) {
              r.parser().skipChildren();
            }
          });
        });
    assertThat(seen).containsExactly("$.a b=1", "$.a b=2", "$.c={");
    assertThat(problems).containsExactly("$: malformed JSON"); // not tracked: reported at the document
  }

  @Test
  void repeatedReportsTheSecondNameOnlyAndSkipsItsValue() {
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<String> read = new ArrayList<>();
    JsonDocumentReader.read("{\"a\": 1, \"a\": [2, 3], \"b\": 4}", (path, line, column, what) -> problems.add(path
        + " (" + line + ", " + column + "): " + what), r -> {
          r.startDocument();
          r.properties("$", null, (name, path, at) -> {
            if (!r.repeated(seen, name, path, at, "key")) {
              read.add(name + "=" + r.parser().getText());
            }
          });
          r.endDocument();
        });
    assertThat(read).containsExactly("a=1", "b=4");
    assertThat(problems).containsExactly("$.a (1, 10): repeated key 'a'");
  }

  @Test
  void problemCountCountsEveryProblemReported() {
    int[] count = new int[1];
    JsonDocumentReader.read("{\"x\": 1}", (path, line, column, what) -> { }, r -> {
      r.startDocument();
      r.properties("$", "property", (name, path, at) -> r.skipUnknown(name, path, at, "nothing"));
      r.problem("$", 1, 1, "one more");
      count[0] = r.problemCount();
    });
    assertThat(count[0]).isEqualTo(2);
  }

  @Test
  void childQuotesNamesThatAreNotIdentifiers() {
    assertThat(JsonDocumentReader.child("$", "name_1")).isEqualTo("$.name_1");
    assertThat(JsonDocumentReader.child("$.a", "1st")).isEqualTo("$.a['1st']");
    assertThat(JsonDocumentReader.child("$", "a\\b'c")).isEqualTo("$['a\\\\b\\'c']");
  }

  @Test
  void describesTokensAndNodes() throws Exception {
    assertThat(JsonDocumentReader.describe(JsonToken.VALUE_NUMBER_FLOAT)).isEqualTo("a decimal number");
    assertThat(JsonDocumentReader.describe(JsonToken.VALUE_FALSE)).isEqualTo("a boolean");
    assertThat(JsonDocumentReader.describe(JsonToken.END_OBJECT)).isEqualTo("another token");
    JsonMapper mapper = JsonMapper.builder().build();
    assertThat(JsonDocumentReader.describe(mapper.readTree("12345678901"))).isEqualTo("a large integer");
    assertThat(JsonDocumentReader.describe(mapper.readTree("12"))).isEqualTo("an integer");
    assertThat(JsonDocumentReader.describe(mapper.readTree("\"s\""))).isEqualTo("a string");
    assertThat(JsonDocumentReader.describe(mapper.readTree("null"))).isEqualTo("null");
    assertThat(JsonDocumentReader.describe(mapper.readTree("{}"))).isEqualTo("an object");
  }

  @Test
  void rejectsNullArguments() {
    assertThatThrownBy(() -> JsonDocumentReader.read(null, (p, l, c, w) -> { }, r -> { }))
        .isInstanceOf(NullPointerException.class).hasMessage("json");
  }
}
