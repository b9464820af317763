package io.github.crmkit.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.internal.JsonDocumentReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes routing policy documents through Jackson's tree model (an implementation detail: no Jackson type
 * is in the API). Reading reports every structural problem with its JSON path and goes on, so one pass finds them
 * all (except malformed JSON, where it stops); semantic checks are {@link PolicyValidator}'s.
 *
 * <p>Stateless and thread-safe.
 */
final class PolicyJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> POLICY_FIELDS = Set.of("version", "revision", "zone", "smoothMonthlyCaps",
      "ownerAffinity", "territoryStrategy", "pools", "rules");
  private static final Set<String> POOL_FIELDS = Set.of("id", "members", "team", "strategy", "requiredSkills",
      "requiredLanguages", "requireAvailable", "availableWithinHours", "filters", "caps", "overflow", "preferences");
  private static final Set<String> RULE_FIELDS = Set.of("id", "when", "target", "fallback");
  private static final Set<String> CONDITION_FIELDS = Set.of("op", "field", "value", "args", "zone");
  private static final Set<String> CAPS_FIELDS = Set.of("maxPerDay", "maxPerWeek", "maxPerMonth",
      "maxPerRolling30Days", "maxOpen");

  private PolicyJson() {}

  /** The policy read (null if the document is not usable) and the problems found. */
  record Parsed(RoutingPolicy policy, List<PolicyProblem> problems) {}

  static String child(String parent, String name) {
    if (IDENTIFIER.matcher(name).matches()) {
      return parent + "." + name;
    }
    return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  static Parsed read(String json) {
    java.util.Objects.requireNonNull(json, "json");
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      String message = e.getOriginalMessage();
      if (message != null && message.startsWith("Duplicate field")) {
        return new Parsed(null, List.of(new PolicyProblem("$", "repeated property" + where)));
      }
      return new Parsed(null, List.of(new PolicyProblem("$", "malformed JSON" + where)));
    }
    Reader reader = new Reader();
    RoutingPolicy policy = reader.policy(root);
    return new Parsed(reader.problems.isEmpty() ? policy : null, List.copyOf(reader.problems));
  }

  private static final class Reader {
    final List<PolicyProblem> problems = new ArrayList<>();

    void problem(String path, String what) {
      problems.add(new PolicyProblem(path, what));
    }

    void unknownFields(JsonNode node, String path, Set<String> known) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!known.contains(name)) {
          problem(child(path, name), "unknown property '" + name + "', expected one of "
              + new java.util.TreeSet<>(known));
        }
      }
    }

    boolean object(JsonNode node, String path) {
      if (node == null || !node.isObject()) {
        problem(path, "expected an object, found " + describe(node));
        return false;
      }
      return true;
    }

    static String describe(JsonNode node) {
      return node == null || node.isMissingNode() ? "nothing" : JsonDocumentReader.describe(node);
    }

    String string(JsonNode parent, String name, String path, boolean required) {
      JsonNode node = parent.get(name);
      String at = child(path, name);
      if (node == null) {
        if (required) {
          problem(at, "missing, expected a string");
        }
        return null;
      }
      if (!node.isTextual()) {
        problem(at, "expected a string, found " + describe(node));
        return null;
      }
      return node.textValue();
    }

    boolean bool(JsonNode parent, String name, String path) {
      JsonNode node = parent.get(name);
      if (node == null) {
        return false;
      }
      if (!node.isBoolean()) {
        problem(child(path, name), "expected a boolean, found " + describe(node));
        return false;
      }
      return node.booleanValue();
    }

    Integer integer(JsonNode node, String at) {
      if (node == null) {
        return null;
      }
      if (!node.isIntegralNumber() || !node.canConvertToInt()) {
        problem(at, "expected an integer, found " + describe(node));
        return null;
      }
      return node.intValue();
    }

    List<String> strings(JsonNode parent, String name, String path) {
      JsonNode node = parent.get(name);
      String at = child(path, name);
      List<String> out = new ArrayList<>();
      if (node == null) {
        return out;
      }
      if (!node.isArray()) {
        problem(at, "expected an array of strings, found " + describe(node));
        return out;
      }
      for (int i = 0; i < node.size(); i++) {
        JsonNode element = node.get(i);
        if (!element.isTextual()) {
          problem(at + "[" + i + "]", "expected a string, found " + describe(element));
        } else {
          out.add(element.textValue());
        }
      }
      return out;
    }

    RoutingPolicy policy(JsonNode root) {
      if (!object(root, "$")) {
        return null;
      }
      unknownFields(root, "$", POLICY_FIELDS);
      Integer version = integer(root.get("version"), "$.version");
      if (root.get("version") == null) {
        problem("$.version", "missing, expected " + RoutingPolicy.FORMAT_VERSION);
      } else if (version != null && version != RoutingPolicy.FORMAT_VERSION) {
        problem("$.version", "unsupported version " + version + ", expected " + RoutingPolicy.FORMAT_VERSION);
      }
      String revision = string(root, "revision", "$", true);
      String zone = string(root, "zone", "$", false);
      boolean smooth = bool(root, "smoothMonthlyCaps", "$");
      boolean affinity = bool(root, "ownerAffinity", "$");
      String territoryStrategy = string(root, "territoryStrategy", "$", false);
      List<PoolDefinition> pools = new ArrayList<>();
      JsonNode poolsNode = root.get("pools");
      if (poolsNode != null) {
        if (!poolsNode.isArray()) {
          problem("$.pools", "expected an array of pools, found " + describe(poolsNode));
        } else {
          for (int i = 0; i < poolsNode.size(); i++) {
            PoolDefinition pool = pool(poolsNode.get(i), "$.pools[" + i + "]");
            if (pool != null) {
              pools.add(pool);
            }
          }
        }
      }
      List<RuleEntry> rules = new ArrayList<>();
      JsonNode rulesNode = root.get("rules");
      if (rulesNode == null) {
        problem("$.rules", "missing, expected an array of rules");
      } else if (!rulesNode.isArray()) {
        problem("$.rules", "expected an array of rules, found " + describe(rulesNode));
      } else {
        for (int i = 0; i < rulesNode.size(); i++) {
          RuleEntry rule = rule(rulesNode.get(i), "$.rules[" + i + "]");
          if (rule != null) {
            rules.add(rule);
          }
        }
      }
      if (!problems.isEmpty()) {
        return null;
      }
      return new RoutingPolicy(version, revision, zone == null ? "UTC" : zone, smooth, affinity,
          territoryStrategy, pools, rules);
    }

    PoolDefinition pool(JsonNode node, String path) {
      if (!object(node, path)) {
        return null;
      }
      int before = problems.size();
      unknownFields(node, path, POOL_FIELDS);
      String id = string(node, "id", path, true);
      List<String> members = strings(node, "members", path);
      String team = string(node, "team", path, false);
      String strategy = string(node, "strategy", path, true);
      List<String> skills = strings(node, "requiredSkills", path);
      List<String> languages = strings(node, "requiredLanguages", path);
      boolean available = bool(node, "requireAvailable", path);
      Integer within = integer(node.get("availableWithinHours"), child(path, "availableWithinHours"));
      List<String> filters = strings(node, "filters", path);
      Capacity caps = caps(node.get("caps"), child(path, "caps"));
      String overflow = string(node, "overflow", path, false);
      Map<String, Condition> preferences = new LinkedHashMap<>();
      JsonNode prefs = node.get("preferences");
      if (prefs != null && object(prefs, child(path, "preferences"))) {
        for (Map.Entry<String, JsonNode> field : prefs.properties()) {
          Condition condition = condition(field.getValue(), child(child(path, "preferences"), field.getKey()));
          if (condition != null) {
            preferences.put(field.getKey(), condition);
          }
        }
      }
      if (problems.size() > before) {
        return null;
      }
      return new PoolDefinition(id, members, team, strategy, skills, languages, available,
          within == null ? 0 : within, filters, caps, overflow, preferences);
    }

    Capacity caps(JsonNode node, String path) {
      if (node == null) {
        return null;
      }
      if (!object(node, path)) {
        return null;
      }
      unknownFields(node, path, CAPS_FIELDS);
      Capacity.Builder builder = Capacity.builder();
      boolean ok = true;
      for (String name : CAPS_FIELDS) {
        JsonNode value = node.get(name);
        if (value == null) {
          continue;
        }
        Integer cap = integer(value, child(path, name));
        if (cap == null) {
          ok = false;
        } else if (cap < 0) {
          problem(child(path, name), "cap must not be negative, was " + cap);
          ok = false;
        } else {
          switch (name) {
            case "maxPerDay" -> builder.maxPerDay(cap);
            case "maxPerWeek" -> builder.maxPerWeek(cap);
            case "maxPerMonth" -> builder.maxPerMonth(cap);
            case "maxPerRolling30Days" -> builder.maxPerRolling30Days(cap);
            default -> builder.maxOpen(cap);
          }
        }
      }
      return ok ? builder.build() : null;
    }

    RuleEntry rule(JsonNode node, String path) {
      if (!object(node, path)) {
        return null;
      }
      int before = problems.size();
      unknownFields(node, path, RULE_FIELDS);
      String id = string(node, "id", path, true);
      Condition when = node.has("when") ? condition(node.get("when"), child(path, "when")) : null;
      Target target = null;
      if (node.get("target") == null) {
        problem(child(path, "target"), "missing, expected a target such as {\"pool\": \"id\"}");
      } else {
        target = target(node.get("target"), child(path, "target"));
      }
      List<Target> fallback = new ArrayList<>();
      JsonNode chain = node.get("fallback");
      if (chain != null) {
        if (!chain.isArray()) {
          problem(child(path, "fallback"), "expected an array of targets, found " + describe(chain));
        } else {
          for (int i = 0; i < chain.size(); i++) {
            Target t = target(chain.get(i), child(path, "fallback") + "[" + i + "]");
            if (t != null) {
              fallback.add(t);
            }
          }
        }
      }
      if (problems.size() > before) {
        return null;
      }
      return new RuleEntry(id, when, target, fallback);
    }

    Target target(JsonNode node, String path) {
      if (!object(node, path)) {
        return null;
      }
      if (node.size() != 1) {
        problem(path, "expected exactly one of agent, pool, queue, publicPool, territoryPool, unassigned, found "
            + node.size() + " properties");
        return null;
      }
      String name = node.fieldNames().next();
      JsonNode value = node.get(name);
      for (Target.Kind kind : Target.Kind.values()) {
        if (kind.jsonName().equals(name)) {
          if (!value.isTextual()) {
            problem(child(path, name), "expected a string, found " + describe(value));
            return null;
          }
          return new Target(kind, value.textValue());
        }
      }
      problem(child(path, name), "unknown target '" + name
          + "', expected one of agent, pool, queue, publicPool, territoryPool, unassigned");
      return null;
    }

    Condition condition(JsonNode node, String path) {
      if (!object(node, path)) {
        return null;
      }
      int before = problems.size();
      unknownFields(node, path, CONDITION_FIELDS);
      String op = string(node, "op", path, true);
      String field = string(node, "field", path, false);
      String zone = string(node, "zone", path, false);
      Object value = null;
      JsonNode valueNode = node.get("value");
      if (valueNode != null) {
        value = value(valueNode, child(path, "value"), true);
      }
      List<Condition> args = new ArrayList<>();
      JsonNode argsNode = node.get("args");
      if (argsNode != null) {
        if (!argsNode.isArray()) {
          problem(child(path, "args"), "expected an array of conditions, found " + describe(argsNode));
        } else {
          for (int i = 0; i < argsNode.size(); i++) {
            Condition arg = condition(argsNode.get(i), child(path, "args") + "[" + i + "]");
            if (arg != null) {
              args.add(arg);
            }
          }
        }
      }
      if (problems.size() > before) {
        return null;
      }
      return new Condition(op, field, value, args, zone);
    }

    Object value(JsonNode node, String path, boolean allowArray) {
      if (node.isTextual()) {
        return node.textValue();
      }
      if (node.isIntegralNumber()) {
        if (!node.canConvertToLong()) {
          problem(path, "integer out of range");
          return null;
        }
        return node.longValue();
      }
      if (node.isNumber()) {
        return node.doubleValue();
      }
      if (node.isBoolean()) {
        return node.booleanValue();
      }
      if (node.isArray() && allowArray) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
          Object element = value(node.get(i), path + "[" + i + "]", false);
          if (element != null) {
            out.add(element);
          }
        }
        return out;
      }
      problem(path, "expected a string, number, boolean" + (allowArray ? " or an array of them" : "")
          + ", found " + describe(node));
      return null;
    }
  }

  static String write(RoutingPolicy policy) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("version", policy.version());
    root.put("revision", policy.revision());
    root.put("zone", policy.zone());
    root.put("smoothMonthlyCaps", policy.smoothMonthlyCaps());
    root.put("ownerAffinity", policy.ownerAffinity());
    root.put("territoryStrategy", policy.territoryStrategy());
    ArrayNode pools = root.putArray("pools");
    for (PoolDefinition pool : policy.pools()) {
      ObjectNode p = pools.addObject();
      p.put("id", pool.id());
      strings(p.putArray("members"), pool.members());
      if (pool.team() != null) {
        p.put("team", pool.team());
      }
      p.put("strategy", pool.strategy());
      strings(p.putArray("requiredSkills"), pool.requiredSkills());
      strings(p.putArray("requiredLanguages"), pool.requiredLanguages());
      p.put("requireAvailable", pool.requireAvailable());
      p.put("availableWithinHours", pool.availableWithinHours());
      strings(p.putArray("filters"), pool.filters());
      ObjectNode caps = p.putObject("caps");
      cap(caps, "maxPerDay", pool.caps().maxPerDay());
      cap(caps, "maxPerWeek", pool.caps().maxPerWeek());
      cap(caps, "maxPerMonth", pool.caps().maxPerMonth());
      cap(caps, "maxPerRolling30Days", pool.caps().maxPerRolling30Days());
      cap(caps, "maxOpen", pool.caps().maxOpen());
      if (pool.overflow() != null) {
        p.put("overflow", pool.overflow());
      }
      ObjectNode prefs = p.putObject("preferences");
      for (Map.Entry<String, Condition> e : pool.preferences().entrySet()) {
        prefs.set(e.getKey(), condition(e.getValue()));
      }
    }
    ArrayNode rules = root.putArray("rules");
    for (RuleEntry rule : policy.rules()) {
      ObjectNode r = rules.addObject();
      r.put("id", rule.id());
      r.set("when", condition(rule.when()));
      r.set("target", target(rule.target()));
      ArrayNode fallback = r.putArray("fallback");
      for (Target t : rule.fallback()) {
        fallback.add(target(t));
      }
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  private static void cap(ObjectNode caps, String name, OptionalInt cap) {
    if (cap.isPresent()) {
      caps.put(name, cap.getAsInt());
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    for (String value : values) {
      array.add(value);
    }
  }

  private static ObjectNode target(Target target) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put(target.kind().jsonName(), target.ref());
    return node;
  }

  private static ObjectNode condition(Condition c) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("op", c.op());
    if (c.field() != null) {
      node.put("field", c.field());
    }
    if (c.value() != null) {
      node.set("value", value(c.value()));
    }
    if (!c.args().isEmpty()) {
      ArrayNode args = node.putArray("args");
      for (Condition arg : c.args()) {
        args.add(condition(arg));
      }
    }
    if (c.zone() != null) {
      node.put("zone", c.zone());
    }
    return node;
  }

  private static JsonNode value(Object value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value instanceof String s) {
      return f.textNode(s);
    }
    if (value instanceof Long l) {
      return f.numberNode(l);
    }
    if (value instanceof Double d) {
      return f.numberNode(d);
    }
    if (value instanceof Boolean b) {
      return f.booleanNode(b);
    }
    ArrayNode array = f.arrayNode();
    for (Object element : (List<?>) value) {
      array.add(value(element));
    }
    return array;
  }

}
