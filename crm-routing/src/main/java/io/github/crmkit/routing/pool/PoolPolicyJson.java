package io.github.crmkit.routing.pool;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads, validates and writes pool policy documents with Jackson's streaming parser, which knows the line and column
 * of every token, so each problem is reported where it is; reading goes on after a problem, so one pass finds them
 * all (except after malformed JSON, where it stops).
 *
 * <p>Stateless and thread-safe; a {@link Reader} is used by one call only.
 */
final class PoolPolicyJson {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private PoolPolicyJson() {}

  /** The policy read (null when there are problems) and the problems found. */
  record Parsed(PoolPolicy policy, List<PoolPolicyProblem> problems) {}

  static Parsed parse(String json) {
    Objects.requireNonNull(json, "json");
    Reader reader = new Reader();
    PoolPolicy policy = null;
    try (JsonParser parser = FACTORY.createParser(json)) {
      reader.parser = parser;
      policy = reader.document();
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      reader.problems.add(PoolPolicyProblem.of(reader.where, at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr(), "malformed JSON"));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does no I/O
    }
    List<PoolPolicyProblem> problems = List.copyOf(reader.problems);
    return new Parsed(problems.isEmpty() ? policy : null, problems);
  }

  static String child(String parent, String name) {
    if (IDENTIFIER.matcher(name).matches()) {
      return parent + "." + name;
    }
    return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  private static final class Reader {
    private final List<PoolPolicyProblem> problems = new ArrayList<>();
    private JsonParser parser;
    /** The path of the value being read, for a malformed-JSON report. */
    private String where = "$";

    private void problem(String path, JsonLocation at, String what) {
      problems.add(PoolPolicyProblem.of(path, at.getLineNr(), at.getColumnNr(), what));
    }

    private JsonLocation here() {
      return parser.currentTokenLocation();
    }

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

    /** Reads an integer in [min, max] or reports why not and returns empty. */
    private OptionalInt integer(String path, int min, int max) throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
        wrongType(path, "an integer");
        return OptionalInt.empty();
      }
      if (parser.getNumberType() != JsonParser.NumberType.INT || parser.getIntValue() < min
          || parser.getIntValue() > max) {
        problem(path, here(), "must be between " + min + " and " + max + ", was " + parser.getText());
        return OptionalInt.empty();
      }
      return OptionalInt.of(parser.getIntValue());
    }

    PoolPolicy document() throws IOException {
      JsonToken token = parser.nextToken();
      if (token == null) {
        problems.add(PoolPolicyProblem.of("$", 1, 1, "expected an object, found no content"));
        return null;
      }
      PoolPolicy.Builder builder = PoolPolicy.builder();
      Map<String, LevelRules> levels = null;
      if (token != JsonToken.START_OBJECT) {
        wrongType("$", "an object");
      } else {
        JsonLocation start = here();
        boolean version = false;
        boolean levelsSeen = false;
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
            continue;
          }
          switch (name) {
            case "version" -> {
              version = true;
              if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                wrongType(path, "the integer " + PoolPolicy.VERSION);
              } else if (parser.getNumberType() != JsonParser.NumberType.INT
                  || parser.getIntValue() != PoolPolicy.VERSION) {
                problem(path, here(), "unsupported version " + parser.getText() + ", expected " + PoolPolicy.VERSION);
              }
            }
            case "timeZone" -> {
              if (parser.currentToken() != JsonToken.VALUE_STRING) {
                wrongType(path, "a time zone id such as \"Asia/Shanghai\" or \"UTC\"");
              } else {
                try {
                  builder.timeZone(ZoneId.of(parser.getText()));
                } catch (DateTimeException e) {
                  problem(path, here(), "unknown time zone '" + parser.getText() + "'");
                }
              }
            }
            case "protectionDays" -> integer(path, 0, PoolPolicy.MAX_DAYS).ifPresent(builder::protectionDays);
            case "levels" -> {
              levelsSeen = true;
              levels = levels(path);
            }
            case "claiming" -> {
              ClaimRules claiming = claiming(path);
              if (claiming != null) {
                builder.claiming(claiming);
              }
            }
            default -> {
              problem(path, at, "unknown property '" + name
                  + "', expected version, timeZone, protectionDays, levels or claiming");
              parser.skipChildren();
            }
          }
          where = "$";
        }
        if (!version) {
          problem("$.version", start, "missing, expected " + PoolPolicy.VERSION);
        }
        if (!levelsSeen) {
          problem("$.levels", start, "missing, expected an object of levels such as {\"A\": {\"noFollowUpDays\": 7}}");
        }
      }
      if (parser.nextToken() != null) {
        problem("$", here(), "unexpected content after the JSON value");
      }
      if (!problems.isEmpty() || levels == null) {
        return null;
      }
      return builder.levels(levels).build();
    }

    private Map<String, LevelRules> levels(String path) throws IOException {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        wrongType(path, "an object of levels");
        return null;
      }
      JsonLocation start = here();
      Map<String, LevelRules> levels = new LinkedHashMap<>();
      Map<String, JsonLocation> targetAt = new LinkedHashMap<>();
      Map<String, String> targets = new LinkedHashMap<>();
      Set<String> names = new HashSet<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        String levelPath = child(path, name);
        JsonLocation at = here();
        parser.nextToken();
        where = levelPath;
        if (!names.add(name)) {
          problem(levelPath, at, "repeated level '" + name + "'");
          parser.skipChildren();
          continue;
        }
        String nameProblem = PoolPolicy.levelNameProblem(name);
        if (nameProblem != null) {
          problem(levelPath, at, "level name " + nameProblem);
        }
        LevelRules rules = level(levelPath, name, targetAt);
        if (rules != null && nameProblem == null) {
          levels.put(name, rules);
          rules.recycleToLevel().ifPresent(target -> targets.put(name, target));
        }
      }
      if (names.isEmpty()) {
        problem(path, start, "must name at least one level");
      }
      for (Map.Entry<String, String> target : targets.entrySet()) {
        if (!names.contains(target.getValue())) {
          String targetPath = child(child(path, target.getKey()), "recycleToLevel");
          problem(targetPath, targetAt.get(target.getKey()), "names '" + target.getValue()
              + "', which is not a level of this policy");
        }
      }
      return levels;
    }

    private LevelRules level(String path, String name, Map<String, JsonLocation> targetAt) throws IOException {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        wrongType(path, "an object of recycling rules");
        return null;
      }
      JsonLocation start = here();
      int problemsBefore = problems.size();
      LevelRules.Builder builder = LevelRules.builder();
      JsonLocation reminderAt = start;
      OptionalInt reminder = OptionalInt.empty();
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
          case "noFollowUpDays" -> integer(propertyPath, 1, PoolPolicy.MAX_DAYS).ifPresent(builder::noFollowUpDays);
          case "noOpportunityDays" ->
              integer(propertyPath, 1, PoolPolicy.MAX_DAYS).ifPresent(builder::noOpportunityDays);
          case "noDealDays" -> integer(propertyPath, 1, PoolPolicy.MAX_DAYS).ifPresent(builder::noDealDays);
          case "reminderDaysBefore" -> {
            reminderAt = here();
            reminder = integer(propertyPath, 1, PoolPolicy.MAX_DAYS);
          }
          case "recycleToLevel" -> {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
              wrongType(propertyPath, "a level name");
            } else {
              String target = parser.getText();
              String nameProblem = PoolPolicy.levelNameProblem(target);
              if (nameProblem != null) {
                problem(propertyPath, here(), "level name " + nameProblem);
              } else {
                builder.recycleToLevel(target);
                targetAt.put(name, here());
              }
            }
          }
          default -> {
            problem(propertyPath, at, "unknown property '" + property + "', expected noFollowUpDays, "
                + "noOpportunityDays, noDealDays, reminderDaysBefore or recycleToLevel");
            parser.skipChildren();
          }
        }
      }
      if (problems.size() != problemsBefore) {
        return null;
      }
      LevelRules rules = builder.build(); // every number was range-checked above
      if (reminder.isPresent()) {
        String reminderProblem = LevelRules.reminderProblem(reminder.getAsInt(), rules);
        if (reminderProblem != null) {
          problem(child(path, "reminderDaysBefore"), reminderAt, reminderProblem);
          return null;
        }
        rules = rules.toBuilder().reminderDaysBefore(reminder.getAsInt()).build();
      }
      return rules;
    }

    private ClaimRules claiming(String path) throws IOException {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        wrongType(path, "an object of claiming rules");
        return null;
      }
      int problemsBefore = problems.size();
      ClaimRules.Builder builder = ClaimRules.builder();
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
          case "dailyLimit" -> integer(propertyPath, 0, PoolPolicy.MAX_LIMIT).ifPresent(builder::dailyLimit);
          case "holdCap" -> integer(propertyPath, 0, PoolPolicy.MAX_LIMIT).ifPresent(builder::holdCap);
          case "reclaimCooldownDays" ->
              integer(propertyPath, 0, PoolPolicy.MAX_DAYS).ifPresent(builder::reclaimCooldownDays);
          default -> {
            problem(propertyPath, at, "unknown property '" + property
                + "', expected dailyLimit, holdCap or reclaimCooldownDays");
            parser.skipChildren();
          }
        }
      }
      return problems.size() == problemsBefore ? builder.build() : null;
    }
  }

  static String write(PoolPolicy policy) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeNumberField("version", PoolPolicy.VERSION);
      json.writeStringField("timeZone", policy.timeZone().getId());
      json.writeNumberField("protectionDays", policy.protectionDays());
      json.writeObjectFieldStart("levels");
      for (Map.Entry<String, LevelRules> level : policy.levels().entrySet()) {
        LevelRules rules = level.getValue();
        json.writeObjectFieldStart(level.getKey());
        writeDays(json, "noFollowUpDays", rules.noFollowUpDays());
        writeDays(json, "noOpportunityDays", rules.noOpportunityDays());
        writeDays(json, "noDealDays", rules.noDealDays());
        writeDays(json, "reminderDaysBefore", rules.reminderDaysBefore());
        if (rules.recycleToLevel().isPresent()) {
          json.writeStringField("recycleToLevel", rules.recycleToLevel().get());
        }
        json.writeEndObject();
      }
      json.writeEndObject();
      ClaimRules claiming = policy.claiming();
      json.writeObjectFieldStart("claiming");
      writeDays(json, "dailyLimit", claiming.dailyLimit());
      writeDays(json, "holdCap", claiming.holdCap());
      json.writeNumberField("reclaimCooldownDays", claiming.reclaimCooldownDays());
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to a StringWriter does no I/O
    }
    return out.append('\n').toString();
  }

  private static void writeDays(JsonGenerator json, String name, OptionalInt value) throws IOException {
    if (value.isPresent()) {
      json.writeNumberField(name, value.getAsInt());
    }
  }
}
