package io.github.crmkit.lifecycle.sla;

import static io.github.crmkit.model.internal.JsonDocumentReader.child;
import static io.github.crmkit.model.internal.JsonDocumentReader.describe;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crmkit.model.Absence;
import io.github.crmkit.model.WorkingCalendar;
import io.github.crmkit.model.WorkingHours;
import io.github.crmkit.model.json.CrmJson;
import io.github.crmkit.model.json.CrmJsonException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and writes {@link SlaPolicy SLA policies} as JSON documents with a version field, reporting every problem
 * with its JSON path. A policy:
 *
 * <pre>{@code
 * {"version": 1,
 *  "calendar": {"zone": "Europe/Berlin",
 *               "hours": [{"day": "MONDAY", "start": "09:00", "end": "17:00"},
 *                         {"day": "TUESDAY", "start": "09:00", "end": "17:00"}],
 *               "holidays": ["2026-12-25"],
 *               "absences": [{"from": "2026-08-03T00:00:00Z", "until": "2026-08-10T00:00:00Z"}]},
 *  "waiting_states": ["waiting_on_customer"],
 *  "targets": [{"name": "first-response", "metric": "first_response", "limit": "PT4H",
 *               "reminders_before": ["PT1H", "PT30M"], "escalations_after": ["PT2H"], "stages": []},
 *              {"name": "resolution", "metric": "resolution", "limit": "PT40H"}]}
 * }</pre>
 *
 * <p>The calendar is a {@link WorkingCalendar} in crm-model's own JSON form (the form {@link CrmJson} reads and
 * writes: {@code zone}, {@code hours}, {@code holidays}, {@code absences}). Durations are ISO-8601 strings
 * ({@code "PT4H"}, {@code "PT30M"}, {@code "P2D"} for 48 hours) of business time. Metrics are {@code first_response},
 * {@code next_update}, {@code resolution} and {@code follow_up}. Optional: {@code waiting_states} (default none) and,
 * in a target, {@code reminders_before}, {@code escalations_after} and {@code stages} (default none; a target
 * without stages applies for the object's whole life). Unknown properties are refused.
 *
 * <p>Loading a policy from a file:
 *
 * <pre>{@code
 * SlaPolicy policy;
 * try {
 *   policy = SlaPolicyJson.read(Files.readString(Path.of("sla.json")));
 * } catch (SlaPolicyException e) {
 *   for (SlaPolicyProblem problem : e.problems()) {
 *     System.err.println(problem.path() + ": " + problem.problem()); // $.targets[1].limit: must be positive, was PT0S
 *   }
 *   throw e;
 * }
 * SlaTimer timer = policy.start("T-1001", "first-response", Instant.now());
 * }</pre>
 *
 * <p>{@link #write(SlaPolicy)} writes the targets in the policy's order, reminders from the earliest to the latest
 * (as {@link SlaTarget} stores them), escalations ascending, and stages and waiting states sorted, so a policy is
 * always written the same way, and {@link #read(String)} reads it back to a policy with equal targets, waiting states
 * and calendar.
 *
 * <p>Stateless and thread-safe.
 */
public final class SlaPolicyJson {
  /** The version of the document format that this class reads and writes. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  private static final Set<String> DOCUMENT = Set.of("version", "calendar", "waiting_states", "targets");
  private static final Set<String> TARGET = Set.of("name", "metric", "limit", "reminders_before",
      "escalations_after", "stages");
  private static final Set<String> CALENDAR = Set.of("zone", "hours", "holidays", "absences");
  private static final int MAX_NAME = 200;

  private SlaPolicyJson() {}

  /**
   * Reads and validates one policy document.
   *
   * @param json the document
   * @return the policy
   * @throws SlaPolicyException listing every problem with its JSON path: malformed JSON (with its line and
   *     column), unknown or missing properties, wrong types, an unsupported version, an unknown metric, durations
   *     that are not ISO-8601, zero or negative, reminders not shorter than the limit, repeated reminders,
   *     escalations, stages, target names or waiting states, and blank names; in the calendar, unknown properties,
   *     the zone, and each working-hours entry, holiday and absence, each as crm-model's JSON reader finds it
   */
  public static SlaPolicy read(String json) {
    Objects.requireNonNull(json, "json");
    List<SlaPolicyProblem> problems = new ArrayList<>();
    JsonNode root = parse(json, problems);
    SlaPolicy policy = null;
    if (root != null) {
      policy = policy(root, problems);
    }
    if (!problems.isEmpty() || policy == null) {
      throw new SlaPolicyException(problems);
    }
    return policy;
  }

  /**
   * Writes a policy as a document that {@link #read(String)} reads back to a policy with equal targets (in order),
   * waiting states and calendar.
   *
   * @param policy the policy
   * @return the JSON document, indented, ending with a line break
   */
  public static String write(SlaPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", VERSION);
    try {
      root.set("calendar", MAPPER.readTree(CrmJson.standard().write(policy.businessTime().calendar())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read back crm-model's JSON of a calendar", e);
    }
    strings(root.putArray("waiting_states"), policy.waitingStates());
    ArrayNode targets = root.putArray("targets");
    for (SlaTarget target : policy.targets()) {
      ObjectNode node = targets.addObject();
      node.put("name", target.name());
      node.put("metric", jsonName(target.metric()));
      node.put("limit", target.limit().toString());
      ArrayNode reminders = node.putArray("reminders_before");
      for (Duration d : target.remindersBefore()) {
        reminders.add(d.toString());
      }
      ArrayNode escalations = node.putArray("escalations_after");
      for (Duration d : target.escalationsAfter()) {
        escalations.add(d.toString());
      }
      strings(node.putArray("stages"), target.stages());
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  private static void strings(ArrayNode array, Set<String> values) {
    for (String value : new TreeSet<>(values)) {
      array.add(value);
    }
  }

  static String jsonName(SlaMetric metric) {
    return metric.name().toLowerCase(Locale.ROOT);
  }

  private static SlaMetric metric(String jsonName) {
    for (SlaMetric metric : SlaMetric.values()) {
      if (jsonName(metric).equals(jsonName)) {
        return metric;
      }
    }
    return null;
  }

  private static JsonNode parse(String json, List<SlaPolicyProblem> problems) {
    try {
      JsonNode root = MAPPER.readTree(json);
      if (root == null || root.isMissingNode()) {
        problems.add(new SlaPolicyProblem("$", "expected an object, found no content"));
        return null;
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      problems.add(new SlaPolicyProblem("$", "malformed JSON" + (at == null ? ""
          : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage()));
      return null;
    }
  }

  private static SlaPolicy policy(JsonNode root, List<SlaPolicyProblem> problems) {
    if (!root.isObject()) {
      problems.add(new SlaPolicyProblem("$", "expected an object, found " + describe(root)));
      return null;
    }
    unknown(root, "$", DOCUMENT, problems);
    JsonNode version = root.get("version");
    if (version == null) {
      problems.add(new SlaPolicyProblem("$.version", "missing, expected " + VERSION));
    } else if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() != VERSION) {
      problems.add(new SlaPolicyProblem("$.version", "unsupported version " + version + ", expected " + VERSION));
    }
    WorkingCalendar calendar = calendar(root.get("calendar"), problems);
    Set<String> waitingStates = names(root, "$", "waiting_states", "waiting state", problems);
    List<SlaTarget> targets = new ArrayList<>();
    JsonNode list = array(root, "$", "targets", true, problems);
    if (list != null) {
      Map<String, Integer> names = new HashMap<>();
      for (int i = 0; i < list.size(); i++) {
        String path = "$.targets[" + i + "]";
        JsonNode name = list.get(i).get("name");
        if (name != null && name.isTextual()) {
          Integer first = names.putIfAbsent(name.textValue(), i);
          if (first != null) {
            problems.add(new SlaPolicyProblem(path + ".name", "repeated target name '" + name.textValue()
                + "', first at $.targets[" + first + "].name"));
          }
        }
        SlaTarget target = target(list.get(i), path, problems);
        if (target != null) {
          targets.add(target);
        }
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }
    try {
      return SlaPolicy.of(calendar, targets, waitingStates);
    } catch (IllegalArgumentException e) {
      problems.add(new SlaPolicyProblem("$", e.getMessage()));
      return null;
    }
  }

  /** Reads the calendar through crm-model's JSON reader, so that it has crm-model's one JSON form. */
  private static WorkingCalendar calendar(JsonNode node, List<SlaPolicyProblem> problems) {
    if (node == null) {
      problems.add(new SlaPolicyProblem("$.calendar", "missing, expected a working calendar object"));
      return null;
    }
    if (!node.isObject()) {
      problems.add(new SlaPolicyProblem("$.calendar", "expected an object, found " + describe(node)));
      return null;
    }
    // Each part on its own through crm-model's reader, which stops at its first problem: so that every problem of
    // the calendar is reported, each at its path.
    int before = problems.size();
    unknown(node, "$.calendar", CALENDAR, problems);
    ObjectNode zoneOnly = MAPPER.createObjectNode();
    if (node.has("zone")) {
      zoneOnly.set("zone", node.get("zone"));
    }
    part(zoneOnly, WorkingCalendar.class, "$.calendar", problems);
    elements(node, "hours", WorkingHours.class, problems);
    elements(node, "holidays", LocalDate.class, problems);
    elements(node, "absences", Absence.class, problems);
    if (problems.size() > before) {
      return null;
    }
    return part(node, WorkingCalendar.class, "$.calendar", problems); // and the checks across parts (sizes)
  }

  /** Reads each element of the calendar's array {@code field}, if present, adding a problem for each invalid one. */
  private static void elements(JsonNode calendar, String field, Class<?> type, List<SlaPolicyProblem> problems) {
    JsonNode array = calendar.get(field);
    String path = "$.calendar." + field;
    if (array == null) {
      return;
    }
    if (!array.isArray()) {
      problems.add(new SlaPolicyProblem(path, "expected an array, found " + describe(array)));
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      part(array.get(i), type, path + "[" + i + "]", problems);
    }
  }

  /** Reads a part with crm-model's reader; adds its problem at {@code path} and returns null when invalid. */
  private static <T> T part(JsonNode node, Class<T> type, String path, List<SlaPolicyProblem> problems) {
    try {
      return CrmJson.standard().read(MAPPER.writeValueAsString(node), type);
    } catch (CrmJsonException e) {
      problems.add(new SlaPolicyProblem(path + e.path().substring(1), e.problem()));
      return null;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  /** Reads one target; returns null when it has problems (all added). */
  private static SlaTarget target(JsonNode node, String path, List<SlaPolicyProblem> problems) {
    if (!node.isObject()) {
      problems.add(new SlaPolicyProblem(path, "expected an object, found " + describe(node)));
      return null;
    }
    int before = problems.size();
    unknown(node, path, TARGET, problems);
    String name = text(node, path, "name", problems);
    if (name != null) {
      checkName(path + ".name", name, problems);
    }
    String metricName = text(node, path, "metric", problems);
    SlaMetric metric = null;
    if (metricName != null) {
      metric = metric(metricName);
      if (metric == null) {
        problems.add(new SlaPolicyProblem(path + ".metric", "unknown metric '" + metricName
            + "', expected first_response, next_update, resolution or follow_up"));
      }
    }
    Duration limit = null;
    JsonNode limitNode = node.get("limit");
    if (limitNode == null) {
      problems.add(new SlaPolicyProblem(path + ".limit", "missing, expected an ISO-8601 duration such as \"PT4H\""));
    } else {
      limit = duration(limitNode, path + ".limit", problems);
    }
    List<Duration> reminders = durations(node, path, "reminders_before", problems);
    if (limit != null) {
      for (int i = 0; i < reminders.size(); i++) {
        Duration reminder = reminders.get(i);
        if (reminder != null && reminder.compareTo(limit) >= 0) {
          problems.add(new SlaPolicyProblem(path + ".reminders_before[" + i + "]", "must be shorter than the limit "
              + limit + ", was " + reminder));
        }
      }
    }
    List<Duration> escalations = durations(node, path, "escalations_after", problems);
    Set<String> stages = names(node, path, "stages", "stage", problems);
    if (problems.size() != before) {
      return null;
    }
    try {
      return new SlaTarget(name, metric, limit, reminders, escalations, stages);
    } catch (IllegalArgumentException e) {
      problems.add(new SlaPolicyProblem(path, e.getMessage()));
      return null;
    }
  }

  /** A positive ISO-8601 duration, or null after a problem. */
  private static Duration duration(JsonNode node, String path, List<SlaPolicyProblem> problems) {
    if (!node.isTextual()) {
      problems.add(new SlaPolicyProblem(path, "expected an ISO-8601 duration string such as \"PT4H\", found "
          + describe(node)));
      return null;
    }
    Duration d;
    try {
      d = Duration.parse(node.textValue());
    } catch (DateTimeParseException e) {
      problems.add(new SlaPolicyProblem(path, "expected an ISO-8601 duration such as \"PT4H\", was '" + node.textValue()
          + "'"));
      return null;
    }
    if (d.isZero() || d.isNegative()) {
      problems.add(new SlaPolicyProblem(path, "must be positive, was " + d));
      return null;
    }
    return d;
  }

  /** An optional array of distinct positive durations; elements with problems are null. */
  private static List<Duration> durations(JsonNode node, String path, String name, List<SlaPolicyProblem> problems) {
    JsonNode array = array(node, path, name, false, problems);
    List<Duration> values = new ArrayList<>();
    if (array != null) {
      Map<Duration, Integer> seen = new HashMap<>();
      for (int i = 0; i < array.size(); i++) {
        String elementPath = path + "." + name + "[" + i + "]";
        Duration d = duration(array.get(i), elementPath, problems);
        if (d != null) {
          Integer first = seen.putIfAbsent(d, i);
          if (first != null) {
            problems.add(new SlaPolicyProblem(elementPath, "repeated duration " + d + ", first at " + path + "." + name
                + "[" + first + "]"));
          }
        }
        values.add(d);
      }
    }
    return values;
  }

  /** An optional array of distinct, valid names (stages, waiting states). */
  private static Set<String> names(JsonNode node, String path, String name, String noun, List<SlaPolicyProblem> problems) {
    JsonNode array = array(node, path, name, false, problems);
    Set<String> values = new LinkedHashSet<>();
    if (array != null) {
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < array.size(); i++) {
        String elementPath = path + "." + name + "[" + i + "]";
        JsonNode value = array.get(i);
        if (!value.isTextual()) {
          problems.add(new SlaPolicyProblem(elementPath, "expected a string, found " + describe(value)));
          continue;
        }
        String text = value.textValue();
        if (!checkName(elementPath, text, problems)) {
          continue;
        }
        Integer first = seen.putIfAbsent(text, i);
        if (first != null) {
          problems.add(new SlaPolicyProblem(elementPath, "repeated " + noun + " '" + text + "', first at " + path + "."
              + name + "[" + first + "]"));
        }
        values.add(text);
      }
    }
    return values;
  }

  /** Mirrors the model's name check: not blank, at most 200 characters. */
  private static boolean checkName(String path, String name, List<SlaPolicyProblem> problems) {
    if (name.isBlank()) {
      problems.add(new SlaPolicyProblem(path, "must not be blank"));
      return false;
    }
    if (name.length() > MAX_NAME) {
      problems.add(new SlaPolicyProblem(path, "must be at most " + MAX_NAME + " characters, was " + name.length()));
      return false;
    }
    return true;
  }

  private static void unknown(JsonNode node, String path, Set<String> allowed, List<SlaPolicyProblem> problems) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        problems.add(new SlaPolicyProblem(child(path, name), "unknown property '" + name + "', expected one of "
            + new TreeSet<>(allowed)));
      }
    }
  }

  private static String text(JsonNode node, String path, String name, List<SlaPolicyProblem> problems) {
    JsonNode value = node.get(name);
    if (value == null) {
      problems.add(new SlaPolicyProblem(path + "." + name, "missing, expected a string"));
      return null;
    }
    if (!value.isTextual()) {
      problems.add(new SlaPolicyProblem(path + "." + name, "expected a string, found " + describe(value)));
      return null;
    }
    return value.textValue();
  }

  private static JsonNode array(JsonNode node, String path, String name, boolean required, List<SlaPolicyProblem> problems) {
    JsonNode value = node.get(name);
    if (value == null) {
      if (required) {
        problems.add(new SlaPolicyProblem(path + "." + name, "missing, expected an array"));
      }
      return null;
    }
    if (!value.isArray()) {
      problems.add(new SlaPolicyProblem(path + "." + name, "expected an array, found " + describe(value)));
      return null;
    }
    return value;
  }
}
