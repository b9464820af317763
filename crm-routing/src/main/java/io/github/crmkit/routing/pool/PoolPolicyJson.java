package io.github.crmkit.routing.pool;

import static io.github.crmkit.model.internal.JsonDocumentReader.child;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.crmkit.model.internal.JsonDocumentReader;
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

/**
 * Reads, validates and writes pool policy documents with Jackson's streaming parser, which knows the line and column
 * of every token, so each problem is reported where it is; reading goes on after a problem, so one pass finds them
 * all (except after malformed JSON, where it stops).
 *
 * <p>Stateless and thread-safe; a {@link Reader} is used by one call only.
 */
final class PoolPolicyJson {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private PoolPolicyJson() {}

  /** The policy read (null when there are problems) and the problems found. */
  record Parsed(PoolPolicy policy, List<PoolPolicyProblem> problems) {}

  static Parsed parse(String json) {
    Objects.requireNonNull(json, "json");
    List<PoolPolicyProblem> found = new ArrayList<>();
    Reader reader = new Reader();
    JsonDocumentReader.read(json, (path, line, column, what) -> found.add(PoolPolicyProblem.of(path, line, column,
        what)), reader::document);
    List<PoolPolicyProblem> problems = List.copyOf(found);
    return new Parsed(problems.isEmpty() ? reader.policy : null, problems);
  }

  private static final class Reader {
    private JsonDocumentReader in;
    private JsonParser parser;
    private PoolPolicy policy;
    private Map<String, LevelRules> levels;

    void document(JsonDocumentReader reader) throws IOException {
      in = reader;
      parser = reader.parser();
      PoolPolicy.Builder builder = PoolPolicy.builder();
      if (in.startDocument()) {
        JsonLocation start = in.here();
        boolean[] found = new boolean[2]; // version, levels
        in.properties("$", "property", (name, path, at) -> {
          switch (name) {
            case "version" -> {
              found[0] = true;
              in.version(path, PoolPolicy.VERSION);
            }
            case "timeZone" -> {
              String zone = in.string(path, "a time zone id such as \"Asia/Shanghai\" or \"UTC\"");
              if (zone != null) {
                try {
                  builder.timeZone(ZoneId.of(zone));
                } catch (DateTimeException e) {
                  in.problem(path, in.here(), "unknown time zone '" + zone + "'");
                }
              }
            }
            case "protectionDays" -> in.integer(path, 0, PoolPolicy.MAX_DAYS).ifPresent(builder::protectionDays);
            case "levels" -> {
              found[1] = true;
              levels = levels(path);
            }
            case "claiming" -> {
              ClaimRules claiming = claiming(path);
              if (claiming != null) {
                builder.claiming(claiming);
              }
            }
            default -> in.skipUnknown(name, path, at, "version, timeZone, protectionDays, levels or claiming");
          }
          in.where("$");
        });
        if (!found[0]) {
          in.problem("$.version", start, "missing, expected " + PoolPolicy.VERSION);
        }
        if (!found[1]) {
          in.problem("$.levels", start,
              "missing, expected an object of levels such as {\"A\": {\"noFollowUpDays\": 7}}");
        }
      }
      in.endDocument();
      if (in.problemCount() == 0 && levels != null) {
        policy = builder.levels(levels).build();
      }
    }

    private Map<String, LevelRules> levels(String path) throws IOException {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        in.wrongType(path, "an object of levels");
        return null;
      }
      JsonLocation start = in.here();
      Map<String, LevelRules> levels = new LinkedHashMap<>();
      Map<String, JsonLocation> targetAt = new LinkedHashMap<>();
      Map<String, String> targets = new LinkedHashMap<>();
      Set<String> names = new HashSet<>();
      in.properties(path, "level", (name, levelPath, at) -> {
        names.add(name);
        String nameProblem = PoolPolicy.levelNameProblem(name);
        if (nameProblem != null) {
          in.problem(levelPath, at, "level name " + nameProblem);
        }
        LevelRules rules = level(levelPath, name, targetAt);
        if (rules != null && nameProblem == null) {
          levels.put(name, rules);
          rules.recycleToLevel().ifPresent(target -> targets.put(name, target));
        }
      });
      if (names.isEmpty()) {
        in.problem(path, start, "must name at least one level");
      }
      for (Map.Entry<String, String> target : targets.entrySet()) {
        if (!names.contains(target.getValue())) {
          String targetPath = child(child(path, target.getKey()), "recycleToLevel");
          in.problem(targetPath, targetAt.get(target.getKey()), "names '" + target.getValue()
              + "', which is not a level of this policy");
        }
      }
      return levels;
    }

    private LevelRules level(String path, String name, Map<String, JsonLocation> targetAt) throws IOException {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        in.wrongType(path, "an object of recycling rules");
        return null;
      }
      JsonLocation start = in.here();
      int problemsBefore = in.problemCount();
      LevelRules.Builder builder = LevelRules.builder();
      JsonLocation[] reminderAt = {start};
      OptionalInt[] reminder = {OptionalInt.empty()};
      in.properties(path, "property", (property, propertyPath, at) -> {
        switch (property) {
          case "noFollowUpDays" -> in.integer(propertyPath, 1, PoolPolicy.MAX_DAYS).ifPresent(builder::noFollowUpDays);
          case "noOpportunityDays" ->
              in.integer(propertyPath, 1, PoolPolicy.MAX_DAYS).ifPresent(builder::noOpportunityDays);
          case "noDealDays" -> in.integer(propertyPath, 1, PoolPolicy.MAX_DAYS).ifPresent(builder::noDealDays);
          case "reminderDaysBefore" -> {
            reminderAt[0] = in.here();
            reminder[0] = in.integer(propertyPath, 1, PoolPolicy.MAX_DAYS);
          }
          case "recycleToLevel" -> {
            String target = in.string(propertyPath, "a level name");
            if (target != null) {
              String nameProblem = PoolPolicy.levelNameProblem(target);
              if (nameProblem != null) {
                in.problem(propertyPath, in.here(), "level name " + nameProblem);
              } else {
                builder.recycleToLevel(target);
                targetAt.put(name, in.here());
              }
            }
          }
          default -> in.skipUnknown(property, propertyPath, at, "noFollowUpDays, "
              + "noOpportunityDays, noDealDays, reminderDaysBefore or recycleToLevel");
        }
      });
      if (in.problemCount() != problemsBefore) {
        return null;
      }
      LevelRules rules = builder.build(); // every number was range-checked above
      if (reminder[0].isPresent()) {
        String reminderProblem = LevelRules.reminderProblem(reminder[0].getAsInt(), rules);
        if (reminderProblem != null) {
          in.problem(child(path, "reminderDaysBefore"), reminderAt[0], reminderProblem);
          return null;
        }
        rules = rules.toBuilder().reminderDaysBefore(reminder[0].getAsInt()).build();
      }
      return rules;
    }

    private ClaimRules claiming(String path) throws IOException {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        in.wrongType(path, "an object of claiming rules");
        return null;
      }
      int problemsBefore = in.problemCount();
      ClaimRules.Builder builder = ClaimRules.builder();
      in.properties(path, "property", (property, propertyPath, at) -> {
        switch (property) {
          case "dailyLimit" -> in.integer(propertyPath, 0, PoolPolicy.MAX_LIMIT).ifPresent(builder::dailyLimit);
          case "holdCap" -> in.integer(propertyPath, 0, PoolPolicy.MAX_LIMIT).ifPresent(builder::holdCap);
          case "reclaimCooldownDays" ->
              in.integer(propertyPath, 0, PoolPolicy.MAX_DAYS).ifPresent(builder::reclaimCooldownDays);
          default -> in.skipUnknown(property, propertyPath, at, "dailyLimit, holdCap or reclaimCooldownDays");
        }
      });
      return in.problemCount() == problemsBefore ? builder.build() : null;
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
