package io.github.crmkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.crmkit.lifecycle.StageHistory;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a stage history file into a {@link StageHistory}: CSV with a header (RFC 4180 quoting, no line breaks
 * inside fields) or JSON (an array of objects, or {@code {"version": 1, "changes": [...]}}), with the fields
 * {@code object_id}, {@code to}, {@code at} (required) and {@code pipeline}, {@code from}, {@code actor},
 * {@code reason}, {@code lost_reason}, {@code amount}, {@code probability} (optional; empty for none). {@code at} is
 * an ISO-8601 instant ({@code 2026-01-05T10:00:00Z}), a local date-time or a date, both read as UTC. A missing
 * pipeline is the given default. A bad row stops the read with the file, line (or JSON path) and problem.
 *
 * <p>Stateless and thread-safe.
 */
final class StageHistoryFile {
  static final List<String> FIELDS = List.of("object_id", "pipeline", "from", "to", "at", "actor", "reason",
      "lost_reason", "amount", "probability");

  private StageHistoryFile() {}

  static StageHistory read(Path file, String defaultPipeline) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": no such file");
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".json") ? readJson(file, defaultPipeline) : readCsv(file, defaultPipeline);
  }

  private static StageHistory readCsv(Path file, String defaultPipeline) throws IOException {
    StageHistory history = new StageHistory();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new IllegalArgumentException(file + ":1: empty file, expected a header with object_id,to,at");
      }
      if (header.startsWith("\uFEFF")) {
        header = header.substring(1);
      }
      List<String> names = split(header, file, 1);
      Map<String, Integer> columns = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        String column = names.get(i).trim().toLowerCase(Locale.ROOT);
        if (!FIELDS.contains(column)) {
          throw new IllegalArgumentException(file + ":1: column " + (i + 1) + ": unknown column '" + column
              + "', expected " + String.join(",", FIELDS));
        }
        if (columns.put(column, i) != null) {
          throw new IllegalArgumentException(file + ":1: column " + (i + 1) + ": repeated column '" + column + "'");
        }
      }
      for (String required : List.of("object_id", "to", "at")) {
        if (!columns.containsKey(required)) {
          throw new IllegalArgumentException(file + ":1: missing column '" + required + "'");
        }
      }
      String line;
      int lineNumber = 1;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        List<String> fields = split(line, file, lineNumber);
        if (fields.size() != names.size()) {
          throw new IllegalArgumentException(file + ":" + lineNumber + ": expected " + names.size()
              + " fields, found " + fields.size());
        }
        String where = file + ":" + lineNumber;
        Map<String, String> row = new HashMap<>();
        for (Map.Entry<String, Integer> column : columns.entrySet()) {
          String value = fields.get(column.getValue());
          row.put(column.getKey(), value.isEmpty() ? null : value);
        }
        append(history, row, defaultPipeline, where, columns);
      }
    }
    return history;
  }

  private static StageHistory readJson(Path file, String defaultPipeline) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": malformed JSON at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr(), e);
    }
    String prefix = "$";
    if (root != null && root.isObject()) {
      JsonNode version = root.get("version");
      if (version == null || !version.isInt() || version.intValue() != 1) {
        throw new IllegalArgumentException(file + ": $.version: expected 1");
      }
      root = root.get("changes");
      prefix = "$.changes";
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException(file + ": " + prefix + ": expected an array of stage changes");
    }
    StageHistory history = new StageHistory();
    Map<String, Integer> all = new HashMap<>();
    for (String field : FIELDS) {
      all.put(field, 0);
    }
    for (int i = 0; i < root.size(); i++) {
      String where = file + ": " + prefix + "[" + i + "]";
      JsonNode node = root.get(i);
      if (!node.isObject()) {
        throw new IllegalArgumentException(where + ": expected an object");
      }
      Map<String, String> row = new HashMap<>();
      var names = node.fieldNames();
      while (names.hasNext()) {
        String field = names.next();
        if (!FIELDS.contains(field)) {
          throw new IllegalArgumentException(where + "." + field + ": unknown field, expected one of "
              + String.join(", ", FIELDS));
        }
        JsonNode value = node.get(field);
        if (!value.isNull() && !value.isValueNode()) {
          throw new IllegalArgumentException(where + "." + field + ": expected a string or a number");
        }
        row.put(field, value.isNull() ? null : value.asText());
      }
      append(history, row, defaultPipeline, where, all);
    }
    return history;
  }

  private static void append(StageHistory history, Map<String, String> row, String defaultPipeline, String where,
      Map<String, Integer> columns) {
    String objectId = required(row, "object_id", where);
    String to = required(row, "to", where);
    long at = instant(required(row, "at", where), where).toEpochMilli();
    String pipeline = row.get("pipeline") == null ? defaultPipeline : row.get("pipeline");
    double amount = number(row.get("amount"), "amount", where);
    double probability = number(row.get("probability"), "probability", where);
    try {
      history.append(objectId, pipeline, row.get("from"), to, at, row.get("actor"), row.get("reason"),
          row.get("lost_reason"), amount, probability);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      int colon = message.indexOf(": ");
      throw new IllegalArgumentException(where + ": " + (colon < 0 ? message : message.substring(colon + 2)), e);
    }
  }

  private static String required(Map<String, String> row, String field, String where) {
    String value = row.get(field);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(where + ": " + field + " is missing");
    }
    return value.trim();
  }

  private static double number(String text, String field, String where) {
    if (text == null || text.isBlank()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": " + field + ": expected a number, was '" + text + "'", e);
    }
  }

  static Instant instant(String text, String where) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return java.time.OffsetDateTime.parse(text).toInstant();
      }
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(where + ": at: expected an ISO-8601 instant, date-time or date, was '"
          + text + "'", e);
    }
  }

  /** Splits one CSV line (RFC 4180 quotes, no line breaks inside fields). */
  static List<String> split(String line, Path file, int lineNumber) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    while (true) {
      field.setLength(0);
      if (i < line.length() && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= line.length()) {
            throw new IllegalArgumentException(file + ":" + lineNumber + ": column " + (fields.size() + 1)
                + ": quote not closed");
          }
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < line.length() && line.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
        if (i < line.length() && line.charAt(i) != ',') {
          throw new IllegalArgumentException(file + ":" + lineNumber + ": column " + (fields.size() + 1)
              + ": expected a comma after the closing quote");
        }
      } else {
        while (i < line.length() && line.charAt(i) != ',') {
          field.append(line.charAt(i++));
        }
      }
      fields.add(field.toString());
      if (i >= line.length()) {
        return fields;
      }
      i++; // the comma
    }
  }
}
