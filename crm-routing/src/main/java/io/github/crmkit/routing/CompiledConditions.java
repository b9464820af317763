package io.github.crmkit.routing;

import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.model.ProductGroupId;
import io.github.crmkit.model.ProductId;
import io.github.crmkit.routing.spi.LeadPredicate;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Conditions compiled into flat arrays: each node has a kind, a slot, constants and its children's range, and is
 * evaluated by {@link #evalFail} over a {@link LeadFacts} without allocating. Evaluation returns the node that made
 * the condition false (the first failing operand of an {@code and}, the node itself for {@code or} and
 * {@code not}), so the trace names the failing condition at no extra cost.
 *
 * <p>Immutable and thread-safe once built; the builder methods are used by one thread while compiling.
 */
final class CompiledConditions {
  static final int ALWAYS = 0;
  static final int AND = 1;
  static final int OR = 2;
  static final int NOT = 3;
  static final int STR_EQ = 4;
  static final int STR_NE = 5;
  static final int STR_IN = 6;
  static final int STR_STARTS = 7;
  static final int STR_CONTAINS = 8;
  static final int EXISTS = 9;
  static final int NUM_RANGE = 10;
  static final int NUM_NE = 11;
  static final int NUM_IN = 12;
  static final int SET_CONTAINS = 13;
  static final int SET_ANY = 14;
  static final int ATTR_EQ = 15;
  static final int ATTR_NE = 16;
  static final int ATTR_IN = 17;
  static final int ATTR_STARTS = 18;
  static final int ATTR_CONTAINS = 19;
  static final int TERRITORY = 20;
  static final int HOUR = 21;
  static final int WEEKDAY = 22;
  static final int PLUGIN = 23;

  private int size;
  private int[] kind = new int[64];
  private int[] slot = new int[64];
  private int[] first = new int[64];
  private int[] count = new int[64];
  private double[] lo = new double[64];
  private double[] hi = new double[64];
  private Object[] constant = new Object[64];
  private String[] path = new String[64];
  private String[] text = new String[64];
  private int[] children = new int[64];
  private int childCount;

  final boolean[] usedSlots;
  final String[] attributeNames;
  final ZoneId[] zones;
  final ZoneRules[] zoneRules;

  private final Map<String, Integer> attributeSlots;
  private final Map<ZoneId, Integer> zoneIndex = new LinkedHashMap<>();
  private final RoutingPlugins plugins;
  private final TerritoryIndex territories;
  private final ZoneId policyZone;
  private final List<ZoneId> zoneList = new ArrayList<>();
  private boolean usesTerritory;

  private CompiledConditions(List<String> attributes, List<ZoneId> zoneIds, RoutingPlugins plugins,
      TerritoryIndex territories, ZoneId policyZone, boolean[] used) {
    this.plugins = plugins;
    this.territories = territories;
    this.policyZone = policyZone;
    this.attributeNames = attributes.toArray(new String[0]);
    this.attributeSlots = new LinkedHashMap<>();
    for (int i = 0; i < attributeNames.length; i++) {
      attributeSlots.put(attributeNames[i], FieldKind.BUILT_IN_SLOTS + i);
    }
    this.zones = zoneIds.toArray(new ZoneId[0]);
    this.zoneRules = new ZoneRules[zones.length];
    for (int i = 0; i < zones.length; i++) {
      zoneRules[i] = zones[i].getRules();
      zoneIndex.put(zones[i], i);
    }
    this.usedSlots = used;
  }

  /** Compiles a set of conditions; returns the compiled form and writes each root's node index into roots. */
  static CompiledConditions compile(List<Condition> conditions, List<String> paths, RoutingPlugins plugins,
      TerritoryIndex territories, ZoneId policyZone, int[] roots) {
    // first pass: collect attribute names, zones and used slots
    Set<String> attributes = new java.util.TreeSet<>();
    Set<ZoneId> zoneIds = new java.util.LinkedHashSet<>();
    boolean[] builtIn = new boolean[FieldKind.BUILT_IN_SLOTS];
    for (Condition c : conditions) {
      scan(c, attributes, zoneIds, builtIn, policyZone);
    }
    boolean[] used = Arrays.copyOf(builtIn, FieldKind.BUILT_IN_SLOTS + attributes.size());
    CompiledConditions out = new CompiledConditions(new ArrayList<>(attributes), new ArrayList<>(zoneIds), plugins,
        territories, policyZone, used);
    for (int i = 0; i < conditions.size(); i++) {
      roots[i] = out.node(conditions.get(i), paths.get(i));
    }
    return out;
  }

  private static void scan(Condition c, Set<String> attributes, Set<ZoneId> zones, boolean[] used,
      ZoneId policyZone) {
    if (c.field() != null && RoutingPlugins.BUILT_IN_OPERATORS.contains(c.op())) {
      Integer slot = FieldKind.SLOTS.get(c.field());
      if (slot != null) {
        used[slot] = true;
      } else if (c.field().startsWith(FieldKind.ATTRIBUTE_PREFIX)) {
        attributes.add(c.field().substring(FieldKind.ATTRIBUTE_PREFIX.length()));
      }
    }
    if (c.op().equals("received-hour") || c.op().equals("received-weekday")) {
      zones.add(c.zone() == null ? policyZone : ZoneId.of(c.zone()));
    }
    for (Condition arg : c.args()) {
      scan(arg, attributes, zones, used, policyZone);
    }
  }

  int slotCount() {
    return usedSlots.length;
  }

  boolean usesTerritory() {
    return usesTerritory;
  }

  String path(int node) {
    return path[node];
  }

  String text(int node) {
    return text[node];
  }

  private int allocate() {
    if (size == kind.length) {
      int n = size * 2;
      kind = Arrays.copyOf(kind, n);
      slot = Arrays.copyOf(slot, n);
      first = Arrays.copyOf(first, n);
      count = Arrays.copyOf(count, n);
      lo = Arrays.copyOf(lo, n);
      hi = Arrays.copyOf(hi, n);
      constant = Arrays.copyOf(constant, n);
      path = Arrays.copyOf(path, n);
      text = Arrays.copyOf(text, n);
    }
    return size++;
  }

  private int node(Condition c, String at) {
    int n = allocate();
    path[n] = at;
    text[n] = describe(c);
    String op = c.op();
    switch (op) {
      case "always" -> kind[n] = ALWAYS;
      case "and", "or", "not" -> {
        kind[n] = op.equals("and") ? AND : op.equals("or") ? OR : NOT;
        int[] kids = new int[c.args().size()];
        for (int i = 0; i < kids.length; i++) {
          kids[i] = node(c.args().get(i), at + ".args[" + i + "]");
        }
        if (childCount + kids.length > children.length) {
          children = Arrays.copyOf(children, Math.max(children.length * 2, childCount + kids.length));
        }
        first[n] = childCount;
        count[n] = kids.length;
        System.arraycopy(kids, 0, children, childCount, kids.length);
        childCount += kids.length;
      }
      case "in-territory" -> {
        kind[n] = TERRITORY;
        usesTerritory = true;
        slot[n] = territories.indexOf((String) c.value());
      }
      case "received-hour" -> {
        kind[n] = HOUR;
        slot[n] = zoneIndex.get(c.zone() == null ? policyZone : ZoneId.of(c.zone()));
        List<?> range = (List<?>) c.value();
        lo[n] = ((Long) range.get(0)).doubleValue();
        hi[n] = ((Long) range.get(1)).doubleValue();
      }
      case "received-weekday" -> {
        kind[n] = WEEKDAY;
        slot[n] = zoneIndex.get(c.zone() == null ? policyZone : ZoneId.of(c.zone()));
        int mask = 0;
        for (Object day : (List<?>) c.value()) {
          mask |= 1 << DayOfWeek.valueOf((String) day).ordinal();
        }
        lo[n] = mask;
      }
      case "=", "!=", "<", "<=", ">", ">=", "in", "between", "exists", "starts-with", "contains" -> field(n, c);
      default -> {
        kind[n] = PLUGIN;
        constant[n] = plugins.operator(op).compile(c.field(), c.value());
      }
    }
    return n;
  }

  private void field(int n, Condition c) {
    FieldKind fk = FieldKind.of(c.field());
    String op = c.op();
    Integer s = FieldKind.SLOTS.get(c.field());
    slot[n] = s != null ? s : attributeSlots.get(c.field().substring(FieldKind.ATTRIBUTE_PREFIX.length()));
    Object v = c.value();
    if (op.equals("exists")) {
      kind[n] = EXISTS;
      return;
    }
    switch (fk) {
      case NUMBER, RATING -> numeric(n, op, v, fk);
      case STRING, STATUS -> {
        switch (op) {
          case "=" -> kind[n] = STR_EQ;
          case "!=" -> kind[n] = STR_NE;
          case "in" -> kind[n] = STR_IN;
          case "starts-with" -> kind[n] = STR_STARTS;
          default -> kind[n] = STR_CONTAINS;
        }
        if (op.equals("in")) {
          List<String> values = strings(v);
          // a few values: an array scanned with equals beats hashing; many: a hash set
          constant[n] = values.size() <= 8 ? values.toArray(new String[0]) : new HashSet<>(values);
        } else {
          constant[n] = v;
        }
      }
      case SET -> {
        boolean products = c.field().equals("productInterests");
        if (op.equals("contains") || op.equals("=")) {
          kind[n] = SET_CONTAINS;
          constant[n] = products ? ProductId.of((String) v) : ProductGroupId.of((String) v);
        } else {
          kind[n] = SET_ANY;
          List<Object> ids = new ArrayList<>();
          for (String id : strings(v)) {
            ids.add(products ? ProductId.of(id) : ProductGroupId.of(id));
          }
          constant[n] = ids.toArray();
        }
      }
      default -> attribute(n, op, v);
    }
  }

  private void numeric(int n, String op, Object v, FieldKind fk) {
    switch (op) {
      case "!=" -> {
        kind[n] = NUM_NE;
        lo[n] = PolicyValidator.Run.number(v, fk);
      }
      case "in" -> {
        kind[n] = NUM_IN;
        List<?> list = (List<?>) v;
        double[] values = new double[list.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = PolicyValidator.Run.number(list.get(i), fk);
        }
        Arrays.sort(values);
        constant[n] = values;
      }
      default -> {
        kind[n] = NUM_RANGE;
        double[] range = PolicyValidator.Run.leafRange(new Condition(op, null, v, List.of(), null), fk);
        lo[n] = range[0];
        hi[n] = range[1];
      }
    }
  }

  private void attribute(int n, String op, Object v) {
    switch (op) {
      case "<", "<=", ">", ">=", "between" -> {
        kind[n] = NUM_RANGE;
        double[] range = PolicyValidator.Run.leafRange(new Condition(op, null, v, List.of(), null),
            FieldKind.ATTRIBUTE);
        lo[n] = range[0];
        hi[n] = range[1];
      }
      case "=" -> {
        kind[n] = ATTR_EQ;
        constant[n] = v;
      }
      case "!=" -> {
        kind[n] = ATTR_NE;
        constant[n] = v;
      }
      case "in" -> {
        kind[n] = ATTR_IN;
        constant[n] = ((List<?>) v).toArray();
      }
      case "starts-with" -> {
        kind[n] = ATTR_STARTS;
        constant[n] = v;
      }
      default -> {
        kind[n] = ATTR_CONTAINS;
        constant[n] = v;
      }
    }
  }

  private static List<String> strings(Object v) {
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) v) {
      out.add((String) o);
    }
    return out;
  }

  /**
   * A rule index over the first condition of each rule: when a rule's condition is, or begins with (as the first
   * operand of an {@code and}), an equality or {@code in} on a string field or the rating, the rules whose guard a
   * value passes are precomputed per value, so that a decision skips the others without evaluating them. The
   * failing node reported for a skipped rule is its guard: exactly the node that evaluating it would report.
   *
   * <p>Immutable and thread-safe once built.
   */
  final class RuleIndex {
    /** Per rule, the guard node, or -1 when the rule has no guard. */
    final int[] guard;
    /** Per rule, the index of its guard's slot in {@link #slots}, or -1. */
    final int[] guardSlot;
    /** The slots guards read. */
    final int[] slots;
    /** Per slot index, per value, which rules pass their guard. */
    final List<Map<String, boolean[]>> passing = new ArrayList<>();
    private final boolean[] none;

    RuleIndex(int[] roots) {
      int rules = roots.length;
      guard = new int[rules];
      guardSlot = new int[rules];
      none = new boolean[rules];
      List<Integer> slotList = new ArrayList<>();
      for (int r = 0; r < rules; r++) {
        int g = roots[r];
        if (kind[g] == AND && count[g] > 0) {
          g = children[first[g]];
        }
        String[] values = guardValues(g);
        if (values == null) {
          guard[r] = -1;
          guardSlot[r] = -1;
          continue;
        }
        int at = slotList.indexOf(slot[g]);
        if (at < 0) {
          at = slotList.size();
          slotList.add(slot[g]);
          passing.add(new java.util.HashMap<>());
        }
        guard[r] = g;
        guardSlot[r] = at;
        for (String value : values) {
          passing.get(at).computeIfAbsent(value, v -> new boolean[rules])[r] = true;
        }
      }
      slots = new int[slotList.size()];
      for (int i = 0; i < slots.length; i++) {
        slots[i] = slotList.get(i);
      }
    }

    /** The values a guard node accepts, or null if the node cannot serve as a guard. */
    private String[] guardValues(int g) {
      if (kind[g] == STR_EQ && slot[g] < FieldKind.BUILT_IN_SLOTS && slot[g] != 8) {
        return new String[] {(String) constant[g]};
      }
      if (kind[g] == STR_IN && slot[g] < FieldKind.BUILT_IN_SLOTS && constant[g] instanceof String[] values) {
        return values;
      }
      if (kind[g] == NUM_RANGE && slot[g] == 8) { // the rating: HOT, WARM, COLD by their order 3, 2, 1
        List<String> names = new ArrayList<>();
        for (io.github.crmkit.model.LeadRating rating : io.github.crmkit.model.LeadRating.values()) {
          int order = FieldKind.ratingOrdinal(rating);
          if (order >= lo[g] && order <= hi[g]) {
            names.add(rating.name());
          }
        }
        return names.toArray(new String[0]);
      }
      return null;
    }

    /** Per guard slot, the rules passing for this lead's value. */
    boolean[][] passes(LeadFacts f) {
      boolean[][] out = new boolean[slots.length][];
      for (int i = 0; i < slots.length; i++) {
        Object value = f.objects[slots[i]];
        boolean[] pass = value == null ? null : passing.get(i).get((String) value);
        out[i] = pass == null ? none : pass;
      }
      return out;
    }
  }

  /**
   * Evaluates a node.
   *
   * @return -1 if the condition holds, otherwise the node that made it false
   */
  int evalFail(int n, LeadFacts f) {
    switch (kind[n]) {
      case ALWAYS:
        return -1;
      case AND: {
        int end = first[n] + count[n];
        for (int i = first[n]; i < end; i++) {
          int failed = evalFail(children[i], f);
          if (failed >= 0) {
            return failed;
          }
        }
        return -1;
      }
      case OR: {
        int end = first[n] + count[n];
        for (int i = first[n]; i < end; i++) {
          if (evalFail(children[i], f) < 0) {
            return -1;
          }
        }
        return n;
      }
      case NOT:
        return evalFail(children[first[n]], f) < 0 ? n : -1;
      default:
        return test(n, f) ? -1 : n;
    }
  }

  private boolean test(int n, LeadFacts f) {
    int s = slot[n];
    switch (kind[n]) {
      case STR_EQ: {
        Object v = f.objects[s];
        return v != null && v.equals(constant[n]);
      }
      case STR_NE: {
        Object v = f.objects[s];
        return v != null && !v.equals(constant[n]);
      }
      case STR_IN: {
        Object v = f.objects[s];
        if (v == null) {
          return false;
        }
        if (constant[n] instanceof String[] values) {
          for (String value : values) {
            if (value.equals(v)) {
              return true;
            }
          }
          return false;
        }
        return ((Set<?>) constant[n]).contains(v);
      }
      case STR_STARTS: {
        Object v = f.objects[s];
        return v != null && ((String) v).startsWith((String) constant[n]);
      }
      case STR_CONTAINS: {
        Object v = f.objects[s];
        return v != null && ((String) v).contains((String) constant[n]);
      }
      case EXISTS: {
        if (s == 8 || s == 9) {
          return !Double.isNaN(f.numbers[s]);
        }
        Object v = f.objects[s];
        return v != null && !(v instanceof Set<?> set && set.isEmpty());
      }
      case NUM_RANGE: {
        double v = f.numbers[s];
        return v >= lo[n] && v <= hi[n];
      }
      case NUM_NE: {
        double v = f.numbers[s];
        return !Double.isNaN(v) && v != lo[n];
      }
      case NUM_IN: {
        double v = f.numbers[s];
        return !Double.isNaN(v) && Arrays.binarySearch((double[]) constant[n], v) >= 0;
      }
      case SET_CONTAINS:
        return ((Set<?>) f.objects[s]).contains(constant[n]);
      case SET_ANY: {
        Set<?> set = (Set<?>) f.objects[s];
        for (Object id : (Object[]) constant[n]) {
          if (set.contains(id)) {
            return true;
          }
        }
        return false;
      }
      case ATTR_EQ:
        return attributeEquals((AttributeValue) f.objects[s], f.numbers[s], constant[n]) == 1;
      case ATTR_NE:
        return attributeEquals((AttributeValue) f.objects[s], f.numbers[s], constant[n]) == 0;
      case ATTR_IN: {
        for (Object value : (Object[]) constant[n]) {
          if (attributeEquals((AttributeValue) f.objects[s], f.numbers[s], value) == 1) {
            return true;
          }
        }
        return false;
      }
      case ATTR_STARTS: {
        AttributeValue v = (AttributeValue) f.objects[s];
        return v != null && v.type() == AttributeValue.Type.STRING && v.asString().startsWith((String) constant[n]);
      }
      case ATTR_CONTAINS: {
        AttributeValue v = (AttributeValue) f.objects[s];
        if (v == null) {
          return false;
        }
        if (v.type() == AttributeValue.Type.STRING) {
          return v.asString().contains((String) constant[n]);
        }
        return v.type() == AttributeValue.Type.STRINGS && v.asStrings().contains(constant[n]);
      }
      case TERRITORY: {
        int t = f.territory();
        return t >= 0 && s >= 0 && territories.within(t, s);
      }
      case HOUR: {
        int h = f.hour(s);
        return h >= lo[n] && h < hi[n];
      }
      case WEEKDAY:
        return (((int) lo[n]) & (1 << f.weekday(s))) != 0;
      case PLUGIN:
        try {
          return ((LeadPredicate) constant[n]).test(f.lead);
        } catch (RuntimeException e) {
          return false; // a plugin's failure is a false condition, named in the trace
        }
      default:
        throw new IllegalStateException("unknown node kind " + kind[n]);
    }
  }

  /** 1 if equal, 0 if comparable and different, -1 if missing or of another type. */
  private static int attributeEquals(AttributeValue v, double number, Object constant) {
    if (v == null) {
      return -1;
    }
    switch (v.type()) {
      case STRING:
        return constant instanceof String s ? (v.asString().equals(s) ? 1 : 0) : -1;
      case LONG:
      case DECIMAL:
        return constant instanceof Number c ? (number == c.doubleValue() ? 1 : 0) : -1;
      case BOOLEAN:
        return constant instanceof Boolean b ? (v.asBoolean() == b ? 1 : 0) : -1;
      case DATE:
        return constant instanceof String s ? (v.asDate().toString().equals(s) ? 1 : 0) : -1;
      default:
        return -1;
    }
  }

  /** A readable form of a condition for traces: the policy's own constants and field names, never lead data. */
  static String describe(Condition c) {
    return switch (c.op()) {
      case "always" -> "always";
      case "and", "or" -> c.op() + "(" + c.args().size() + " conditions)";
      case "not" -> "not(...)";
      case "exists" -> c.field() + " exists";
      case "in-territory" -> "in territory " + c.value();
      case "received-hour", "received-weekday" -> c.op() + " " + c.value() + (c.zone() == null ? "" : " " + c.zone());
      default -> (c.field() == null ? "" : c.field() + " ") + c.op() + (c.value() == null ? "" : " " + c.value());
    };
  }
}
