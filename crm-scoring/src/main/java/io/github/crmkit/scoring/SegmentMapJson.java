package io.github.crmkit.scoring;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.github.crmkit.model.internal.JsonDocumentReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads, validates and writes segment map documents with Jackson's streaming parser, which knows the line and
 * column of every token, so that each problem is reported where it is; reading goes on after a problem, so that one
 * pass finds them all (except after malformed JSON, where it stops).
 *
 * <p>Stateless and thread-safe; a {@link Reader} is used by one call only. The parser, paths and problem
 * reporting are crm-model's internal {@code JsonDocumentReader}.
 */
final class SegmentMapJson {
  private SegmentMapJson() {}

  /** The rules read and the problems found; the rules are complete only without problems. */
  record Parsed(List<SegmentRule> rules, List<SegmentMapProblem> problems) {}

  static Parsed parse(String json, int recencyBins, int frequencyBins, int monetaryBins) {
    Objects.requireNonNull(json, "json");
    SegmentMap.checkBins("recencyBins", recencyBins);
    SegmentMap.checkBins("frequencyBins", frequencyBins);
    SegmentMap.checkBins("monetaryBins", monetaryBins);
    List<SegmentMapProblem> problems = new ArrayList<>();
    Reader reader = new Reader(recencyBins, frequencyBins, monetaryBins);
    JsonDocumentReader.read(json, (path, line, column, what) -> problems.add(new SegmentMapProblem(path, line,
        column, what)), reader::document);
    return new Parsed(List.copyOf(reader.rules), List.copyOf(problems));
  }

  private static final class Reader {
    private final int recencyBins;
    private final int frequencyBins;
    private final int monetaryBins;
    private final List<SegmentRule> rules = new ArrayList<>();
    private final Map<String, String> namePaths = new HashMap<>();
    private JsonDocumentReader in;
    private JsonParser parser;

    Reader(int recencyBins, int frequencyBins, int monetaryBins) {
      this.recencyBins = recencyBins;
      this.frequencyBins = frequencyBins;
      this.monetaryBins = monetaryBins;
    }

    void document(JsonDocumentReader reader) throws IOException {
      in = reader;
      parser = reader.parser();
      if (in.startDocument()) {
        JsonLocation start = in.here();
        boolean[] found = new boolean[2]; // version, segments
        Set<String> seen = new HashSet<>();
        // repeated names checked here, so that the malformed-JSON path goes back to $ after them too
        in.properties("$", null, (name, path, at) -> {
          if (in.repeated(seen, name, path, at, "property")) {
            in.where("$");
            return;
          }
          switch (name) {
            case "version" -> {
              found[0] = true;
              in.version(path, SegmentMap.VERSION);
            }
            case "segments" -> {
              found[1] = true;
              segments(path);
            }
            default -> in.skipUnknown(name, path, at, "version or segments");
          }
          in.where("$");
        });
        if (!found[0]) {
          in.problem("$.version", start, "missing, expected " + SegmentMap.VERSION);
        }
        if (!found[1]) {
          in.problem("$.segments", start, "missing, expected an array of segments");
        }
      }
      in.endDocument();
    }

    private void segments(String path) throws IOException {
      if (parser.currentToken() != JsonToken.START_ARRAY) {
        in.wrongType(path, "an array of segments");
        return;
      }
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        String element = path + "[" + index++ + "]";
        in.where(element);
        segment(element);
      }
    }

    private void segment(String path) throws IOException {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        in.wrongType(path, "an object");
        return;
      }
      JsonLocation start = in.here();
      int problemsBefore = in.problemCount();
      String[] name = {null};
      boolean[] named = {false};
      int[] recency = {1, recencyBins};
      int[] frequency = {1, frequencyBins};
      int[] monetary = {1, monetaryBins};
      in.properties(path, "property", (property, propertyPath, at) -> {
        switch (property) {
          case "name" -> {
            named[0] = true;
            name[0] = name(propertyPath);
          }
          case "recency" -> range(propertyPath, "recency", recencyBins, recency);
          case "frequency" -> range(propertyPath, "frequency", frequencyBins, frequency);
          case "monetary" -> range(propertyPath, "monetary", monetaryBins, monetary);
          default -> in.skipUnknown(property, propertyPath, at, "name, recency, frequency or monetary");
        }
      });
      if (!named[0]) {
        in.problem(JsonDocumentReader.child(path, "name"), start, "missing, expected the segment's name");
      }
      if (in.problemCount() == problemsBefore) {
        rules.add(new SegmentRule(name[0], recency[0], recency[1], frequency[0], frequency[1], monetary[0],
            monetary[1]));
      }
    }

    private String name(String path) throws IOException {
      String name = in.string(path, "a string");
      if (name == null) {
        return null;
      }
      String problem = SegmentRule.nameProblem(name);
      if (problem != null) {
        in.problem(path, in.here(), "name " + problem);
        return null;
      }
      String first = namePaths.putIfAbsent(name, path);
      if (first != null) {
        in.problem(path, in.here(), "repeated name '" + name + "', first at " + first);
        return null;
      }
      return name;
    }

    /** Reads {@code [lower, upper]} into {@code range}, or reports why not and leaves it. */
    private void range(String path, String dimension, int bins, int[] range) throws IOException {
      if (parser.currentToken() != JsonToken.START_ARRAY) {
        in.wrongType(path, "[lower, upper], two integers");
        return;
      }
      JsonLocation start = in.here();
      int[] bounds = new int[2];
      int count = 0;
      boolean valid = true;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        String element = path + "[" + count + "]";
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
          in.wrongType(element, "an integer");
          valid = false;
        } else if (!in.isIntBetween(1, bins)) {
          in.problem(element, in.here(), "must be between 1 and " + bins + " (the " + dimension + " bins), was "
              + parser.getText());
          valid = false;
        } else if (count < 2) {
          bounds[count] = parser.getIntValue();
        }
        count++;
      }
      if (count != 2) {
        in.problem(path, start, "expected [lower, upper], two integers, found " + count
            + (count == 1 ? " element" : " elements"));
      } else if (valid && bounds[0] > bounds[1]) {
        in.problem(path, start, "lower " + bounds[0] + " must not be greater than upper " + bounds[1]);
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
