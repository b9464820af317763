package io.github.crmkit.lifecycle;

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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads and writes pipeline definitions as JSON documents with a version field, reporting every problem with its
 * JSON path. A single pipeline:
 *
 * <pre>{@code
 * {"version": 1, "name": "sales", "object_type": "opportunity", "policy": "reopen_to_go_back",
 *  "stages": [{"name": "initial_contact", "order": 0, "kind": "open", "probability": 0.1,
 *              "forecast_category": "pipeline", "required_fields": [], "max_days_in_stage": 14,
 *              "lost_reasons": [], "emits": []}, ...],
 *  "transitions": [{"name": "qualify", "from": ["new"], "to": "qualified", "reopen": false,
 *                   "guards": [{"field": "budget", "operator": "present"}]}]}
 * }</pre>
 *
 * <p>Several pipelines: {@code {"version": 1, "pipelines": [ {pipeline without version}, ... ]}}. Optional stage
 * properties: {@code required_fields}, {@code max_days_in_stage}, {@code lost_reasons}, {@code emits}; optional
 * transition properties: {@code from}, {@code reopen}, {@code guards}; guard operators {@code present},
 * {@code equals}, {@code at_least}, {@code at_most} (the last three with a {@code value}).
 *
 * <p>Stateless and thread-safe.
 */
public final class PipelineJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  private static final Set<String> DOCUMENT = Set.of("version", "name", "object_type", "policy", "stages",
      "transitions");
  private static final Set<String> SET = Set.of("version", "pipelines");
  private static final Set<String> STAGE = Set.of("name", "order", "kind", "probability", "forecast_category",
      "required_fields", "max_days_in_stage", "lost_reasons", "emits");
  private static final Set<String> TRANSITION = Set.of("name", "from", "to", "reopen", "guards");
  private static final Set<String> GUARD = Set.of("field", "operator", "value");

  private PipelineJson() {}

  /**
   * Reads and validates one pipeline document.
   *
   * @param json the document
   * @return the definition
   * @throws PipelineDefinitionException listing every problem with its JSON path (malformed JSON, missing or unknown
   *     properties, wrong types, unsupported version, and every problem {@link PipelineDefinition#validate} finds)
   */
  public static PipelineDefinition read(String json) {
    Objects.requireNonNull(json, "json");
    List<PipelineProblem> problems = new ArrayList<>();
    JsonNode root = parse(json, problems);
    PipelineDefinition definition = null;
    if (root != null) {
      definition = pipeline(root, "$", true, problems);
    }
    if (!problems.isEmpty() || definition == null) {
      throw new PipelineDefinitionException(problems);
    }
    return definition;
  }

  /**
   * Reads and validates a document of several pipelines; pipeline names must be unique.
   *
   * @param json the document
   * @return the definitions, in document order
   * @throws PipelineDefinitionException listing every problem with its JSON path
   */
  public static List<PipelineDefinition> readAll(String json) {
    Objects.requireNonNull(json, "json");
    List<PipelineProblem> problems = new ArrayList<>();
    JsonNode root = parse(json, problems);
    List<PipelineDefinition> definitions = new ArrayList<>();
    if (root != null) {
      if (!root.isObject()) {
        problems.add(new PipelineProblem("$", "expected an object, found " + describe(root)));
      } else {
        unknown(root, "$", SET, problems);
        version(root, problems);
        JsonNode list = root.get("pipelines");
        if (list == null) {
          problems.add(new PipelineProblem("$.pipelines", "missing, expected an array of pipelines"));
        } else if (!list.isArray()) {
          problems.add(new PipelineProblem("$.pipelines", "expected an array, found " + describe(list)));
        } else {
          Map<String, Integer> names = new java.util.HashMap<>();
          for (int i = 0; i < list.size(); i++) {
            String path = "$.pipelines[" + i + "]";
            PipelineDefinition definition = pipeline(list.get(i), path, false, problems);
            if (definition != null) {
              Integer first = names.putIfAbsent(definition.name(), i);
              if (first != null) {
                problems.add(new PipelineProblem(path + ".name", "repeated pipeline name '" + definition.name()
                    + "', first at $.pipelines[" + first + "].name"));
              }
              definitions.add(definition);
            }
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new PipelineDefinitionException(problems);
    }
    return List.copyOf(definitions);
  }

  /**
   * Writes one pipeline as a document that {@link #read(String)} reads back to an equal definition.
   *
   * @param definition the definition
   * @return the JSON document, indented
   */
  public static String write(PipelineDefinition definition) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", PipelineDefinition.VERSION);
    pipeline(root, definition);
    return pretty(root);
  }

  /**
   * Writes several pipelines as a document that {@link #readAll(String)} reads back.
   *
   * @param definitions the definitions
   * @return the JSON document, indented
   */
  public static String writeAll(List<PipelineDefinition> definitions) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", PipelineDefinition.VERSION);
    ArrayNode list = root.putArray("pipelines");
    for (PipelineDefinition definition : definitions) {
      pipeline(list.addObject(), definition);
    }
    return pretty(root);
  }

  private static String pretty(JsonNode root) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  private static void pipeline(ObjectNode out, PipelineDefinition definition) {
    out.put("name", definition.name());
    out.put("object_type", definition.objectType());
    out.put("policy", definition.policy().jsonName());
    ArrayNode stages = out.putArray("stages");
    for (Stage stage : definition.stages()) {
      ObjectNode node = stages.addObject();
      node.put("name", stage.name());
      node.put("order", stage.order());
      node.put("kind", stage.kind().jsonName());
      node.put("probability", stage.probability());
      node.put("forecast_category", stage.forecastCategory().jsonName());
      strings(node.putArray("required_fields"), stage.requiredFields());
      node.put("max_days_in_stage", stage.maxDaysInStage());
      strings(node.putArray("lost_reasons"), stage.lostReasons());
      strings(node.putArray("emits"), stage.emits());
    }
    ArrayNode transitions = out.putArray("transitions");
    for (Transition transition : definition.transitions()) {
      ObjectNode node = transitions.addObject();
      node.put("name", transition.name());
      strings(node.putArray("from"), transition.from());
      node.put("to", transition.to());
      node.put("reopen", transition.reopen());
      ArrayNode guards = node.putArray("guards");
      for (Guard guard : transition.guards()) {
        ObjectNode g = guards.addObject();
        g.put("field", guard.field());
        g.put("operator", guard.operator().jsonName());
        if (guard.operator() != Guard.Operator.PRESENT) {
          g.put("value", guard.value());
        }
      }
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    for (String value : values) {
      array.add(value);
    }
  }

  private static JsonNode parse(String json, List<PipelineProblem> problems) {
    try {
      JsonNode root = MAPPER.readTree(json);
      if (root == null || root.isMissingNode()) {
        problems.add(new PipelineProblem("$", "expected an object, found no content"));
        return null;
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      problems.add(new PipelineProblem("$", "malformed JSON" + (at == null ? ""
          : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage()));
      return null;
    }
  }

  private static void version(JsonNode root, List<PipelineProblem> problems) {
    JsonNode version = root.get("version");
    if (version == null) {
      problems.add(new PipelineProblem("$.version", "missing, expected " + PipelineDefinition.VERSION));
    } else if (!version.isIntegralNumber() || !version.canConvertToInt()
        || version.intValue() != PipelineDefinition.VERSION) {
      problems.add(new PipelineProblem("$.version", "unsupported version " + version + ", expected "
          + PipelineDefinition.VERSION));
    }
  }

  /** Reads one pipeline object; returns null when it has problems (all added). */
  private static PipelineDefinition pipeline(JsonNode node, String path, boolean document,
      List<PipelineProblem> problems) {
    if (!node.isObject()) {
      problems.add(new PipelineProblem(path, "expected an object, found " + describe(node)));
      return null;
    }
    int before = problems.size();
    Set<String> allowed = document ? DOCUMENT : Set.of("name", "object_type", "policy", "stages", "transitions");
    unknown(node, path, allowed, problems);
    if (document) {
      version(node, problems);
    }
    String name = text(node, path, "name", true, problems);
    String objectType = text(node, path, "object_type", true, problems);
    String policyName = text(node, path, "policy", true, problems);
    TransitionPolicy policy = null;
    if (policyName != null) {
      policy = TransitionPolicy.fromJson(policyName);
      if (policy == null) {
        problems.add(new PipelineProblem(path + ".policy", "unknown policy '" + policyName
            + "', expected free, forward_only or reopen_to_go_back"));
      }
    }
    List<Stage> stages = new ArrayList<>();
    JsonNode stageList = array(node, path, "stages", true, problems);
    if (stageList != null) {
      for (int i = 0; i < stageList.size(); i++) {
        Stage stage = stage(stageList.get(i), path + ".stages[" + i + "]", problems);
        if (stage != null) {
          stages.add(stage);
        }
      }
    }
    List<Transition> transitions = new ArrayList<>();
    JsonNode transitionList = array(node, path, "transitions", false, problems);
    if (transitionList != null) {
      for (int i = 0; i < transitionList.size(); i++) {
        Transition transition = transition(transitionList.get(i), path + ".transitions[" + i + "]", problems);
        if (transition != null) {
          transitions.add(transition);
        }
      }
    }
    if (problems.size() != before) {
      return null;
    }
    List<PipelineProblem> found = PipelineDefinition.validate(name, objectType, policy, stages, transitions);
    if (!found.isEmpty()) {
      for (PipelineProblem problem : found) {
        problems.add(new PipelineProblem(path + problem.path().substring(1), problem.problem()));
      }
      return null;
    }
    return PipelineDefinition.of(name, objectType, policy, stages, transitions);
  }

  private static Stage stage(JsonNode node, String path, List<PipelineProblem> problems) {
    if (!node.isObject()) {
      problems.add(new PipelineProblem(path, "expected an object, found " + describe(node)));
      return null;
    }
    int before = problems.size();
    unknown(node, path, STAGE, problems);
    String name = text(node, path, "name", true, problems);
    Integer order = integer(node, path, "order", true, problems);
    String kindName = text(node, path, "kind", true, problems);
    StageKind kind = null;
    if (kindName != null) {
      kind = StageKind.fromJson(kindName);
      if (kind == null) {
        problems.add(new PipelineProblem(path + ".kind", "unknown kind '" + kindName
            + "', expected open, won, lost or closed"));
      }
    }
    Double probability = null;
    JsonNode p = node.get("probability");
    if (p == null) {
      problems.add(new PipelineProblem(path + ".probability", "missing, expected a number between 0 and 1"));
    } else if (!p.isNumber()) {
      problems.add(new PipelineProblem(path + ".probability", "expected a number, found " + describe(p)));
    } else {
      probability = p.doubleValue();
    }
    String categoryName = text(node, path, "forecast_category", true, problems);
    ForecastCategory category = null;
    if (categoryName != null) {
      category = ForecastCategory.fromJson(categoryName);
      if (category == null) {
        problems.add(new PipelineProblem(path + ".forecast_category", "unknown category '" + categoryName
            + "', expected pipeline, best_case, commit, closed or omitted"));
      }
    }
    List<String> required = stringList(node, path, "required_fields", problems);
    Integer maxDays = integer(node, path, "max_days_in_stage", false, problems);
    List<String> lostReasons = stringList(node, path, "lost_reasons", problems);
    List<String> emits = stringList(node, path, "emits", problems);
    if (problems.size() != before) {
      return null;
    }
    return new Stage(name, order, kind, probability, category, required, maxDays == null ? 0 : maxDays,
        lostReasons, emits);
  }

  private static Transition transition(JsonNode node, String path, List<PipelineProblem> problems) {
    if (!node.isObject()) {
      problems.add(new PipelineProblem(path, "expected an object, found " + describe(node)));
      return null;
    }
    int before = problems.size();
    unknown(node, path, TRANSITION, problems);
    String name = text(node, path, "name", true, problems);
    List<String> from = stringList(node, path, "from", problems);
    String to = text(node, path, "to", true, problems);
    boolean reopen = false;
    JsonNode r = node.get("reopen");
    if (r != null) {
      if (!r.isBoolean()) {
        problems.add(new PipelineProblem(path + ".reopen", "expected a boolean, found " + describe(r)));
      } else {
        reopen = r.booleanValue();
      }
    }
    List<Guard> guards = new ArrayList<>();
    JsonNode guardList = array(node, path, "guards", false, problems);
    if (guardList != null) {
      for (int i = 0; i < guardList.size(); i++) {
        String guardPath = path + ".guards[" + i + "]";
        JsonNode g = guardList.get(i);
        if (!g.isObject()) {
          problems.add(new PipelineProblem(guardPath, "expected an object, found " + describe(g)));
          continue;
        }
        unknown(g, guardPath, GUARD, problems);
        String field = text(g, guardPath, "field", true, problems);
        String operatorName = text(g, guardPath, "operator", true, problems);
        Guard.Operator operator = null;
        if (operatorName != null) {
          operator = Guard.Operator.fromJson(operatorName);
          if (operator == null) {
            problems.add(new PipelineProblem(guardPath + ".operator", "unknown operator '" + operatorName
                + "', expected present, equals, at_least or at_most"));
          }
        }
        String value = "";
        JsonNode v = g.get("value");
        if (v != null) {
          if (v.isTextual()) {
            value = v.textValue();
          } else if (v.isNumber()) {
            value = v.asText();
          } else {
            problems.add(new PipelineProblem(guardPath + ".value", "expected a string or a number, found "
                + describe(v)));
          }
        }
        if (field != null && operator != null) {
          guards.add(new Guard(field, operator, value));
        }
      }
    }
    if (problems.size() != before) {
      return null;
    }
    return new Transition(name, from, to, reopen, guards);
  }

  private static void unknown(JsonNode node, String path, Set<String> allowed, List<PipelineProblem> problems) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        problems.add(new PipelineProblem(child(path, name), "unknown property '" + name + "', expected one of "
            + new java.util.TreeSet<>(allowed)));
      }
    }
  }

  private static String text(JsonNode node, String path, String name, boolean required,
      List<PipelineProblem> problems) {
    JsonNode value = node.get(name);
    if (value == null) {
      if (required) {
        problems.add(new PipelineProblem(path + "." + name, "missing, expected a string"));
      }
      return null;
    }
    if (!value.isTextual()) {
      problems.add(new PipelineProblem(path + "." + name, "expected a string, found " + describe(value)));
      return null;
    }
    return value.textValue();
  }

  private static Integer integer(JsonNode node, String path, String name, boolean required,
      List<PipelineProblem> problems) {
    JsonNode value = node.get(name);
    if (value == null) {
      if (required) {
        problems.add(new PipelineProblem(path + "." + name, "missing, expected an integer"));
      }
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      problems.add(new PipelineProblem(path + "." + name, "expected an integer, found " + describe(value)));
      return null;
    }
    return value.intValue();
  }

  private static JsonNode array(JsonNode node, String path, String name, boolean required,
      List<PipelineProblem> problems) {
    JsonNode value = node.get(name);
    if (value == null) {
      if (required) {
        problems.add(new PipelineProblem(path + "." + name, "missing, expected an array"));
      }
      return null;
    }
    if (!value.isArray()) {
      problems.add(new PipelineProblem(path + "." + name, "expected an array, found " + describe(value)));
      return null;
    }
    return value;
  }

  private static List<String> stringList(JsonNode node, String path, String name, List<PipelineProblem> problems) {
    JsonNode array = array(node, path, name, false, problems);
    List<String> values = new ArrayList<>();
    if (array != null) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode value = array.get(i);
        if (!value.isTextual()) {
          problems.add(new PipelineProblem(path + "." + name + "[" + i + "]", "expected a string, found "
              + describe(value)));
        } else {
          values.add(value.textValue());
        }
      }
    }
    return values;
  }
}
