package io.github.crmkit.routing;

import io.github.crmkit.model.LeadStatus;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a routing policy as a whole and names the JSON path of each problem: unknown operators, fields,
 * strategies, filters and targets, values of the wrong type, empty pools, negative caps, conditions that can never
 * hold (contradictory ranges), rules unreachable after a catch-all, cycles in overflow and fallback chains; with a
 * directory, unknown agents, teams and territories.
 *
 * <p>Stateless and thread-safe.
 */
final class PolicyValidator {
  private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9_.:-]{0,63}");

  private PolicyValidator() {}

  /** The ids a directory knows, for checking references; null members mean "not checked". */
  record Known(Set<String> agents, Set<String> teams, Set<String> territories) {}

  static List<PolicyProblem> validate(RoutingPolicy policy, RoutingPlugins plugins, Known known) {
    List<PolicyProblem> problems = new ArrayList<>();
    new PolicyValidator.Run(plugins, known, problems).policy(policy);
    return problems;
  }

  static final class Run {
    final RoutingPlugins plugins;
    final Known known;
    final List<PolicyProblem> problems;

    Run(RoutingPlugins plugins, Known known, List<PolicyProblem> problems) {
      this.plugins = plugins;
      this.known = known;
      this.problems = problems;
    }

    void problem(String path, String what) {
      problems.add(new PolicyProblem(path, what));
    }

    boolean strategyKnown(String name) {
      return RoutingPlugins.BUILT_IN_STRATEGIES.contains(name) || plugins.strategy(name) != null;
    }

    void policy(RoutingPolicy policy) {
      if (policy.version() != RoutingPolicy.FORMAT_VERSION) {
        problem("$.version", "unsupported version " + policy.version() + ", expected " + RoutingPolicy.FORMAT_VERSION);
      }
      if (policy.revision().isBlank()) {
        problem("$.revision", "must not be blank");
      }
      zone(policy.zone(), "$.zone");
      if (!strategyKnown(policy.territoryStrategy())) {
        problem("$.territoryStrategy", "unknown strategy '" + policy.territoryStrategy() + "'");
      }
      Map<String, Integer> poolIndex = new HashMap<>();
      for (int i = 0; i < policy.pools().size(); i++) {
        String id = policy.pools().get(i).id();
        if (poolIndex.putIfAbsent(id, i) != null) {
          problem("$.pools[" + i + "].id", "repeated pool id '" + id + "'");
        }
      }
      for (int i = 0; i < policy.pools().size(); i++) {
        pool(policy.pools().get(i), "$.pools[" + i + "]", poolIndex);
      }
      overflowCycles(policy, poolIndex);
      Set<String> ruleIds = new HashSet<>();
      String catchAll = null;
      for (int i = 0; i < policy.rules().size(); i++) {
        RuleEntry rule = policy.rules().get(i);
        String path = "$.rules[" + i + "]";
        if (rule.id().isBlank()) {
          problem(path + ".id", "must not be blank");
        } else if (!ruleIds.add(rule.id())) {
          problem(path + ".id", "repeated rule id '" + rule.id() + "'");
        }
        if (catchAll != null) {
          problem(path, "unreachable: the rule at " + catchAll + " always matches");
        }
        condition(rule.when(), path + ".when", policy);
        if (alwaysTrue(rule.when()) && catchAll == null) {
          catchAll = path;
        }
        chain(rule, path, policy, poolIndex);
      }
      if (policy.rules().isEmpty()) {
        problem("$.rules", "expected at least one rule");
      }
    }

    void zone(String zone, String path) {
      try {
        ZoneId.of(zone);
      } catch (DateTimeException e) {
        problem(path, "unknown time zone '" + zone + "'");
      }
    }

    void pool(PoolDefinition pool, String path, Map<String, Integer> poolIndex) {
      if (pool.id().isBlank()) {
        problem(path + ".id", "must not be blank");
      }
      if (!strategyKnown(pool.strategy())) {
        problem(path + ".strategy", "unknown strategy '" + pool.strategy() + "', expected one of "
            + new java.util.TreeSet<>(RoutingPlugins.BUILT_IN_STRATEGIES) + " or a plugin's");
      }
      if (pool.members().isEmpty() && pool.team() == null) {
        problem(path + ".members", "empty pool: no members and no team");
      }
      Set<String> seen = new HashSet<>();
      for (int j = 0; j < pool.members().size(); j++) {
        String member = pool.members().get(j);
        if (!seen.add(member)) {
          problem(path + ".members[" + j + "]", "repeated member '" + member + "'");
        } else if (known != null && !known.agents().contains(member)) {
          problem(path + ".members[" + j + "]", "unknown agent '" + member + "'");
        }
      }
      if (pool.team() != null && known != null && !known.teams().contains(pool.team())) {
        problem(path + ".team", "unknown team '" + pool.team() + "'");
      }
      for (int j = 0; j < pool.requiredSkills().size(); j++) {
        if (!TOKEN.matcher(pool.requiredSkills().get(j)).matches()) {
          problem(path + ".requiredSkills[" + j + "]", "a skill must be a lower-case token");
        }
      }
      for (int j = 0; j < pool.requiredLanguages().size(); j++) {
        String tag = pool.requiredLanguages().get(j);
        Locale locale = Locale.forLanguageTag(tag);
        if (locale.getLanguage().isEmpty() || !locale.toLanguageTag().equals(tag)) {
          problem(path + ".requiredLanguages[" + j + "]", "expected a BCP 47 tag such as 'zh' or 'en'");
        }
      }
      if (pool.availableWithinHours() < 0 || pool.availableWithinHours() > 168) {
        problem(path + ".availableWithinHours", "must be between 0 and 168, was " + pool.availableWithinHours());
      }
      for (int j = 0; j < pool.filters().size(); j++) {
        if (plugins.filter(pool.filters().get(j)) == null) {
          problem(path + ".filters[" + j + "]", "unknown filter '" + pool.filters().get(j) + "'");
        }
      }
      if (pool.overflow() != null && !poolIndex.containsKey(pool.overflow())) {
        problem(path + ".overflow", "unknown pool '" + pool.overflow() + "'");
      }
      for (Map.Entry<String, Condition> preference : pool.preferences().entrySet()) {
        String at = PolicyJson.child(path + ".preferences", preference.getKey());
        if (!pool.members().contains(preference.getKey()) && pool.team() == null) {
          problem(at, "'" + preference.getKey() + "' is not a member of the pool");
        }
        condition(preference.getValue(), at, null);
      }
    }

    void overflowCycles(RoutingPolicy policy, Map<String, Integer> poolIndex) {
      for (int i = 0; i < policy.pools().size(); i++) {
        Set<String> visited = new LinkedHashSet<>();
        PoolDefinition pool = policy.pools().get(i);
        visited.add(pool.id());
        String next = pool.overflow();
        while (next != null && poolIndex.containsKey(next)) {
          if (!visited.add(next)) {
            if (next.equals(pool.id())) {
              problem("$.pools[" + i + "].overflow", "cycle in fallback chain: " + String.join(" -> ", visited)
                  + " -> " + next);
            }
            break;
          }
          next = policy.pools().get(poolIndex.get(next)).overflow();
        }
      }
    }

    void chain(RuleEntry rule, String path, RoutingPolicy policy, Map<String, Integer> poolIndex) {
      List<Target> targets = new ArrayList<>();
      targets.add(rule.target());
      targets.addAll(rule.fallback());
      Set<String> seen = new HashSet<>();
      String terminal = null;
      for (int j = 0; j < targets.size(); j++) {
        Target target = targets.get(j);
        String at = j == 0 ? path + ".target" : path + ".fallback[" + (j - 1) + "]";
        target(target, at, poolIndex);
        if (terminal != null) {
          problem(at, "unreachable: the target at " + terminal + " always takes the lead");
        }
        if (!seen.add(target.toString())) {
          problem(at, "cycle in fallback chain: " + target + " is tried twice");
        }
        if (target.kind() == Target.Kind.POOL && poolIndex.containsKey(target.ref())) {
          String next = policy.pools().get(poolIndex.get(target.ref())).overflow();
          Set<String> overflow = new HashSet<>();
          while (next != null && poolIndex.containsKey(next) && overflow.add(next)) {
            if (targets.contains(Target.pool(next))) {
              problem(at, "cycle in fallback chain: pool '" + next + "' is both an overflow of " + target
                  + " and in the rule's chain");
              break;
            }
            next = policy.pools().get(poolIndex.get(next)).overflow();
          }
        }
        if (terminal == null && (target.kind() == Target.Kind.UNASSIGNED || target.kind() == Target.Kind.QUEUE
            || target.kind() == Target.Kind.PUBLIC_POOL)) {
          terminal = at;
        }
      }
    }

    void target(Target target, String path, Map<String, Integer> poolIndex) {
      String at = path + "." + target.kind().jsonName();
      switch (target.kind()) {
        case POOL -> {
          if (!poolIndex.containsKey(target.ref())) {
            problem(at, "unknown pool '" + target.ref() + "'");
          }
        }
        case AGENT -> {
          if (target.ref().isBlank()) {
            problem(at, "must not be blank");
          } else if (known != null && !known.agents().contains(target.ref())) {
            problem(at, "unknown agent '" + target.ref() + "'");
          }
        }
        case TERRITORY_POOL -> {
          if (!target.ref().equals("lead") && !target.ref().equals("parent")) {
            problem(at, "expected 'lead' or 'parent', was '" + target.ref() + "'");
          }
        }
        case UNASSIGNED -> {
          if (!TOKEN.matcher(target.ref()).matches()) {
            problem(at, "a reason code must be a lower-case token such as 'no-dealer'");
          }
        }
        default -> {
          if (target.ref().isBlank()) {
            problem(at, "must not be blank");
          }
        }
      }
    }

    static boolean alwaysTrue(Condition c) {
      return switch (c.op()) {
        case "always" -> true;
        case "and" -> !c.args().isEmpty() && c.args().stream().allMatch(Run::alwaysTrue);
        case "or" -> c.args().stream().anyMatch(Run::alwaysTrue);
        default -> false;
      };
    }

    void condition(Condition c, String path, RoutingPolicy policy) {
      String op = c.op();
      switch (op) {
        case "always" -> noOperands(c, path, true, true);
        case "and", "or" -> {
          noOperands(c, path, true, false);
          if (c.args().isEmpty()) {
            problem(path + ".args", "'" + op + "' needs at least one condition");
          }
          for (int i = 0; i < c.args().size(); i++) {
            condition(c.args().get(i), path + ".args[" + i + "]", policy);
          }
          if (op.equals("and")) {
            contradictions(c, path);
          }
        }
        case "not" -> {
          noOperands(c, path, true, false);
          if (c.args().size() != 1) {
            problem(path + ".args", "'not' needs exactly one condition, found " + c.args().size());
          } else {
            condition(c.args().get(0), path + ".args[0]", policy);
          }
        }
        case "in-territory" -> {
          noArgs(c, path);
          if (!(c.value() instanceof String territory)) {
            problem(path + ".value", "expected a territory id");
          } else if (known != null && !known.territories().contains(territory)) {
            problem(path + ".value", "unknown territory '" + territory + "'");
          }
        }
        case "received-hour" -> {
          noArgs(c, path);
          receivedZone(c, path);
          if (!(c.value() instanceof List<?> range) || range.size() != 2 || !(range.get(0) instanceof Long)
              || !(range.get(1) instanceof Long)) {
            problem(path + ".value", "expected [from, to], whole hours");
          } else {
            long from = (Long) range.get(0);
            long to = (Long) range.get(1);
            if (from < 0 || from > 23 || to < 1 || to > 24) {
              problem(path + ".value", "hours must be within [0, 24], was [" + from + ", " + to + "]");
            } else if (from >= to) {
              problem(path + ".value", "contradictory range: from " + from + " must be before to " + to);
            }
          }
        }
        case "received-weekday" -> {
          noArgs(c, path);
          receivedZone(c, path);
          if (!(c.value() instanceof List<?> days) || days.isEmpty()) {
            problem(path + ".value", "expected a non-empty array of weekdays such as 'MONDAY'");
          } else {
            for (int i = 0; i < days.size(); i++) {
              if (!(days.get(i) instanceof String day) || !isDay(day)) {
                problem(path + ".value[" + i + "]", "expected a weekday such as 'MONDAY'");
              }
            }
          }
        }
        case "=", "!=", "<", "<=", ">", ">=", "in", "between", "exists", "starts-with", "contains" ->
            fieldCondition(c, path);
        default -> {
          var operator = plugins.operator(op);
          if (operator == null) {
            problem(path + ".op", "unknown operator '" + op + "'");
          } else {
            noArgs(c, path);
            try {
              if (operator.compile(c.field(), c.value()) == null) {
                problem(path, "operator '" + op + "' compiled to nothing");
              }
            } catch (IllegalArgumentException e) {
              problem(path, "operator '" + op + "': " + e.getMessage());
            }
          }
        }
      }
    }

    static boolean isDay(String day) {
      for (DayOfWeek d : DayOfWeek.values()) {
        if (d.name().equals(day)) {
          return true;
        }
      }
      return false;
    }

    void receivedZone(Condition c, String path) {
      if (c.field() != null) {
        problem(path + ".field", "'" + c.op() + "' takes no field");
      }
      if (c.zone() != null) {
        zone(c.zone(), path + ".zone");
      }
    }

    void noArgs(Condition c, String path) {
      if (!c.args().isEmpty()) {
        problem(path + ".args", "'" + c.op() + "' takes no conditions");
      }
    }

    void noOperands(Condition c, String path, boolean noField, boolean noArgs) {
      if (noField && c.field() != null) {
        problem(path + ".field", "'" + c.op() + "' takes no field");
      }
      if (c.value() != null) {
        problem(path + ".value", "'" + c.op() + "' takes no value");
      }
      if (c.zone() != null) {
        problem(path + ".zone", "'" + c.op() + "' takes no zone");
      }
      if (noArgs) {
        noArgs(c, path);
      }
    }

    void fieldCondition(Condition c, String path) {
      String op = c.op();
      noArgs(c, path);
      if (c.zone() != null) {
        problem(path + ".zone", "'" + op + "' takes no zone");
      }
      if (c.field() == null) {
        problem(path + ".field", "missing, '" + op + "' needs a field");
        return;
      }
      FieldKind kind = FieldKind.of(c.field());
      if (kind == null) {
        problem(path + ".field", "unknown field '" + c.field() + "', expected one of "
            + new java.util.TreeSet<>(FieldKind.SLOTS.keySet()) + " or attributes.NAME");
        return;
      }
      Object value = c.value();
      String at = path + ".value";
      if (op.equals("exists")) {
        if (value != null) {
          problem(at, "'exists' takes no value");
        }
        return;
      }
      if (value == null) {
        problem(at, "missing, '" + op + "' needs a value");
        return;
      }
      switch (op) {
        case "in" -> {
          if (!(value instanceof List<?> list)) {
            problem(at, "expected an array");
          } else if (list.isEmpty()) {
            problem(at, "contradictory: 'in' an empty array can never match");
          } else {
            for (int i = 0; i < list.size(); i++) {
              scalar(kind, list.get(i), at + "[" + i + "]", op);
            }
          }
        }
        case "between" -> {
          if (!(value instanceof List<?> list) || list.size() != 2) {
            problem(at, "expected [low, high]");
          } else if (kind == FieldKind.RATING) {
            scalar(kind, list.get(0), at + "[0]", op);
            scalar(kind, list.get(1), at + "[1]", op);
            if (list.get(0) instanceof String lo && list.get(1) instanceof String hi
                && FieldKind.ratingOrdinal(lo) > FieldKind.ratingOrdinal(hi)) {
              problem(at, "contradictory range: " + lo + " is above " + hi);
            }
          } else if (kind != FieldKind.NUMBER && kind != FieldKind.ATTRIBUTE) {
            problem(path + ".op", "'between' does not apply to " + kind.name().toLowerCase(Locale.ROOT)
                + " field '" + c.field() + "'");
          } else if (!(list.get(0) instanceof Number lo) || !(list.get(1) instanceof Number hi)) {
            problem(at, "expected [low, high] numbers");
          } else if (lo.doubleValue() > hi.doubleValue()) {
            problem(at, "contradictory range: low " + lo + " is above high " + hi);
          }
        }
        case "<", "<=", ">", ">=" -> {
          if (kind == FieldKind.RATING) {
            scalar(kind, value, at, op);
          } else if (kind != FieldKind.NUMBER && kind != FieldKind.ATTRIBUTE) {
            problem(path + ".op", "'" + op + "' does not apply to " + kind.name().toLowerCase(Locale.ROOT)
                + " field '" + c.field() + "'");
          } else if (!(value instanceof Number)) {
            problem(at, "expected a number");
          }
        }
        case "starts-with", "contains" -> {
          if (op.equals("starts-with") && (kind == FieldKind.SET || kind == FieldKind.NUMBER
              || kind == FieldKind.RATING || kind == FieldKind.STATUS)
              || op.equals("contains") && (kind == FieldKind.NUMBER || kind == FieldKind.RATING
              || kind == FieldKind.STATUS)) {
            problem(path + ".op", "'" + op + "' does not apply to field '" + c.field() + "'");
          } else if (!(value instanceof String s) || s.isEmpty()) {
            problem(at, "expected a non-empty string");
          }
        }
        default -> scalar(kind, value, at, op);
      }
    }

    void scalar(FieldKind kind, Object value, String at, String op) {
      switch (kind) {
        case NUMBER -> {
          if (!(value instanceof Number)) {
            problem(at, "expected a number");
          }
        }
        case RATING -> {
          if (!(value instanceof String s) || FieldKind.ratingOrdinal(s) == 0) {
            problem(at, "expected HOT, WARM or COLD");
          }
        }
        case STATUS -> {
          boolean ok = false;
          if (value instanceof String s) {
            for (LeadStatus status : LeadStatus.values()) {
              ok |= status.name().equals(s);
            }
          }
          if (!ok) {
            problem(at, "expected a lead status such as NEW");
          }
        }
        case STRING, SET -> {
          if (!(value instanceof String)) {
            problem(at, "expected a string");
          }
        }
        default -> {
          if (value instanceof List) {
            problem(at, "expected a string, number or boolean for '" + op + "'");
          }
        }
      }
    }

    /** Reports numeric bounds on one field that no value meets, among the leaves of an {@code and}. */
    void contradictions(Condition and, String path) {
      Map<String, double[]> bounds = new HashMap<>();
      for (Condition arg : and.args()) {
        FieldKind kind = FieldKind.of(arg.field());
        if (kind != FieldKind.NUMBER && kind != FieldKind.RATING && kind != FieldKind.ATTRIBUTE) {
          continue;
        }
        double[] range = leafRange(arg, kind);
        if (range == null) {
          continue;
        }
        double[] b = bounds.computeIfAbsent(arg.field(), f -> new double[] {Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY});
        b[0] = Math.max(b[0], range[0]);
        b[1] = Math.min(b[1], range[1]);
        if (b[0] > b[1]) {
          problem(path, "contradictory ranges on field '" + arg.field() + "': the condition can never match");
          return;
        }
      }
    }

    /** The closed interval a leaf allows (strict bounds nudged by one ulp), or null if not a range. */
    static double[] leafRange(Condition c, FieldKind kind) {
      Object v = c.value();
      double x;
      if (c.op().equals("between")) {
        if (!(v instanceof List<?> list) || list.size() != 2) {
          return null;
        }
        double lo = number(list.get(0), kind);
        double hi = number(list.get(1), kind);
        return Double.isNaN(lo) || Double.isNaN(hi) ? null : new double[] {lo, hi};
      }
      x = number(v, kind);
      if (Double.isNaN(x)) {
        return null;
      }
      return switch (c.op()) {
        case "=" -> new double[] {x, x};
        case "<" -> new double[] {Double.NEGATIVE_INFINITY, Math.nextDown(x)};
        case "<=" -> new double[] {Double.NEGATIVE_INFINITY, x};
        case ">" -> new double[] {Math.nextUp(x), Double.POSITIVE_INFINITY};
        case ">=" -> new double[] {x, Double.POSITIVE_INFINITY};
        default -> null;
      };
    }

    static double number(Object v, FieldKind kind) {
      if (v instanceof Number n) {
        return n.doubleValue() + 0.0; // -0.0 as 0.0, as the lead's facts have it
      }
      if (kind == FieldKind.RATING && v instanceof String s && FieldKind.ratingOrdinal(s) > 0) {
        return FieldKind.ratingOrdinal(s);
      }
      return Double.NaN;
    }
  }
}
