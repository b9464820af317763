package io.github.crmkit.scoring;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads, validates and writes segment map documents with Jackson's streaming parser, which knows the line and
 * column of every token, so that each problem is reported where it is; reading goes on after a problem, so that one
 * pass finds them all (except after malformed JSON, where it stops).
 *
 * <p>Stateless and thread-safe; a {@link Reader} is used by one call only.
 */
final class SegmentMapJson {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private SegmentMapJson() {}

  /** The rules read and the problems found; the rules are complete only without problems. */
  record Parsed(List<SegmentRule> rules, List<SegmentMapProblem> problems) {}

  static Parsed parse(String json, int recencyBins, int frequencyBins, int monetaryBins) {
    Objects.requireNonNull(json, "json");
    SegmentMap.checkBins("recencyBins", recencyBins);
    SegmentMap.checkBins("frequencyBins", frequencyBins);
    SegmentMap.checkBins("monetaryBins", monetaryBins);
    Reader reader = new Reader(recencyBins, frequencyBins, monetaryBins);
    try (JsonParser parser = FACTORY.createParser(json)) {
      reader.parser = parser;
      reader.document();
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      reader.problems.add(new SegmentMapProblem(reader.where, at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr(), "malformed JSON"));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does no I/O
    }
    return new Parsed(List.copyOf(reader.rules), List.copyOf(reader.problems));
  }

  static String child(String parent, String name) {
    if (IDENTIFIER.matcher(name).matches()) {
      return parent + "." + name;
    }
    return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  private static final class Reader {
    private final int recencyBins;
    private final int frequencyBins;
    private final int monetaryBins;
    private final List<SegmentRule> rules = new ArrayList<>();
    private final List<SegmentMapProblem> problems = new ArrayList<>();
    private final Map<String, String> namePaths = new HashMap<>();
    private JsonParser parser;
    /** The path of the value being read, for a malformed-JSON report. */
    private String where = "$";

    Reader(int recencyBins, int frequencyBins, int monetaryBins) {
      this.recencyBins = recencyBins;
      this.frequencyBins = frequencyBins;
      this.monetaryBins = monetaryBins;
    }

    private void problem(String path, JsonLocation at, String what) {
      problems.add(new SegmentMapProblem(path, at.getLineNr(), at.getColumnNr(), what));
    }

    private JsonLocation here() {
      return parser.currentTokenLocation();
    }

    /** Reports a value of the wrong type and skips it. */
    private void wrongType(String path, String expected) throws IOException {
      problem(path, here(), "expected " + expected + ", found " + describe(parser.currentToken()));
      parser.skipChildren();
    }

    private static String describe(JsonToken token) {
      return switch (token) {
        case START_OBJECT -> "an object";
        case START_ARRAY -> "an array";
        case VALUE_STRING -> "a string";
        case VALUE_NUMBER_INT -> "an integer";
        case VALUE_NUMBER_FLOAT -> "a decimal number";
        case VALUE_TRUE, VALUE_FALSE -> "a boolean";
        case VALUE_NULL -> "null";
        default -> "another token";
      };
    }

    void document() throws IOException {
      JsonToken token = parser.nextToken();
      if (token == null) {
        problems.add(new SegmentMapProblem("$", 1, 1, "expected an object, found no content"));
        return;
      }
      if (token != JsonToken.START_OBJECT) {
        wrongType("$", "an object");
      } else {
        JsonLocation start = here();
        boolean version = false;
        boolean segments = false;
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          String path = child("$", name);
          JsonLocation at = here();
          parser.nextToken();
          where = path;
          if (!seen.add(name)) {
            problem(path, at, "repeated property '" + name + "'");
            parser.skipChildren();
          } else if (name.equals("version")) {
            version = true;
            version(path);
          } else if (name.equals("segments")) {
            segments = true;
            segments(path);
          } else {
            problem(path, at, "unknown property '" + name + "', expected version or segments");
            parser.skipChildren();
          }
          where = "$";
        }
        if (!version) {
          problem("$.version", start, "missing, expected " + SegmentMap.VERSION);
        }
        if (!segments) {
          problem("$.segments", start, "missing, expected an array of segments");
        }
      }
      if (parser.nextToken() != null) {
        problem("$", here(), "unexpected content after the JSON value");
      }
    }

    private void version(String path) throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
        wrongType(path, "the integer " + SegmentMap.VERSION);
      } else if (parser.getNumberType() != JsonParser.NumberType.INT || parser.getIntValue() != SegmentMap.VERSION) {
        problem(path, here(), "unsupported version " + parser.getText() + ", expected " + SegmentMap.VERSION);
      }
    }

    private void segments(String path) throws IOException {
      if (parser.currentToken() != JsonToken.START_ARRAY) {
        wrongType(path, "an array of segments");
        return;
      }
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        String element = path + "[" + index++ + "]";
        where = element;
        segment(element);
      }
    }

    private void segment(String path) throws IOException {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        wrongType(path, "an object");
        return;
      }
      JsonLocation start = here();
      int problemsBefore = problems.size();
      String name = null;
      boolean named = false;
      int[] recency = {1, recencyBins};
      int[] frequency = {1, frequencyBins};
      int[] monetary = {1, monetaryBins};
      Set<String> seen = new HashSet<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String property = parser.currentName();
        String propertyPath = child(path, property);
        JsonLocation at = here();
        parser.nextToken();
        where = propertyPath;
        if (!seen.add(property)) {
          problem(propertyPath, at, "repeated property '" + property + "'");
          parser.skipChildren();
          continue;
        }
        switch (property) {
          case "name" -> {
            named = true;
            name = name(propertyPath);
          }
          case "recency" -> range(propertyPath, "recency", recencyBins, recency);
          case "frequency" -> range(propertyPath, "frequency", frequencyBins, frequency);
          case "monetary" -> range(propertyPath, "monetary", monetaryBins, monetary);
          default -> {
            problem(propertyPath, at, "unknown property '" + property
                + "', expected name, recency, frequency or monetary");
            parser.skipChildren();
          }
        }
      }
      if (!named) {
        problem(child(path, "name"), start, "missing, expected the segment's name");
      }
      if (problems.size() == problemsBefore) {
        rules.add(new SegmentRule(name, recency[0], recency[1], frequency[0], frequency[1], monetary[0],
            monetary[1]));
      }
    }

    private String name(String path) throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        wrongType(path, "a string");
        return null;
      }
      String name = parser.getText();
      String problem = SegmentRule.nameProblem(name);
      if (problem != null) {
        problem(path, here(), "name " + problem);
        return null;
      }
      String first = namePaths.putIfAbsent(name, path);
      if (first != null) {
        problem(path, here(), "repeated name '" + name + "', first at " + first);
        return null;
      }
      return name;
    }

    /** Reads {@code [lower, upper]} into {@code range}, or reports why not and leaves it. */
    private void range(String path, String dimension, int bins, int[] range) throws IOException {
      if (parser.currentToken() != JsonToken.START_ARRAY) {
        wrongType(path, "[lower, upper], two integers");
        return;
      }
      JsonLocation start = here();
      int[] bounds = new int[2];
      int count = 0;
      boolean valid = true;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        String element = path + "[" + count + "]";
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
          wrongType(element, "an integer");
          valid = false;
        } else if (parser.getNumberType() != JsonParser.NumberType.INT || parser.getIntValue() < 1
            || parser.getIntValue() > bins) {
          problem(element, here(), "must be between 1 and " + bins + " (the " + dimension + " bins), was "
              + parser.getText());
          valid = false;
        } else if (count < 2) {
          bounds[count] = parser.getIntValue();
        }
        count++;
      }
      if (count != 2) {
        problem(path, start, "expected [lower, upper], two integers, found " + count
            + (count == 1 ? " element" : " elements"));
      } else if (valid && bounds[0] > bounds[1]) {
        problem(path, start, "lower " + bounds[0] + " must not be greater than upper " + bounds[1]);
      } else if (valid) {
        range[0] = bounds[0];
        range[1] = bounds[1];
      }
    }
  }

  static String write(SegmentMap map) {
    StringBuilder out = new StringBuilder("{\"version\": ").append(SegmentMap.VERSION).append(", \"segments\": [");
    List<SegmentRule> rules = map.rules();
    for (int i = 0; i < rules.size(); i++) {
      SegmentRule rule = rules.get(i);
      out.append(i == 0 ? "\n  " : ",\n  ").append("{\"name\": \"")
          .append(JsonStringEncoder.getInstance().quoteAsString(rule.name())).append('"');
      out.append(", \"recency\": [").append(rule.recencyLow()).append(", ").append(rule.recencyHigh()).append(']');
      out.append(", \"frequency\": [").append(rule.frequencyLow()).append(", ").append(rule.frequencyHigh())
          .append(']');
      out.append(", \"monetary\": [").append(rule.monetaryLow()).append(", ").append(rule.monetaryHigh())
          .append("]}");
    }
    return out.append(rules.isEmpty() ? "]}\n" : "\n]}\n").toString();
  }
}
