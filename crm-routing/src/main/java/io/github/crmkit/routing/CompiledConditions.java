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
  private final int slotCount;
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
    int last = used.length - 1;
    while (attributeNames.length == 0 && last >= 0 && !used[last]) {
      last--;
    }
    this.slotCount = last + 1;
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

  /**
   * The length of a lead's fact arrays: up to the last slot a condition reads (every attribute's, when there are
   * attributes). Slots past it are never read, so a lead's facts need not hold them.
   */
  int slotCount() {
    return slotCount;
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
   * An index over the rules' conditions in the manner of a discrimination network: each rule's top-level conjuncts
   * (the condition itself, or the operands of an {@code and}, flattened) that compare one field with constants
   * ({@code =}, {@code !=} and {@code in} on a string field; ranges, {@code !=} and {@code in} on a number, the
   * rating or a numeric attribute) are evaluated once per field value at compile time into bit sets of the rules
   * they let through. A decision looks up one bit set per indexed field (a hash lookup for strings, a binary search
   * over the constants for numbers), intersects them and evaluates in full, in policy order, only the rules left:
   * the first that holds is the match. Rules the index drops fail one of their indexed conjuncts, so the first match
   * is exactly that of evaluating every rule in order; the trace computes a dropped rule's failing condition when it
   * is read.
   *
   * <p>A field is left out of the index when its table would be too large (more than {@link #MAX_CELLS} words);
   * its conjuncts are then evaluated with the rule. Immutable and thread-safe once built.
   */
  final class RuleFilter {
    /** The most 64-bit words one field's table may take (32 MB). */
    static final long MAX_CELLS = 1L << 22;

    private final int rules;
    private final int words;
    private final int[] roots;
    private final long[] all;
    private final int[] stringSlots;
    private final StringTable[] stringPass;
    private final long[][] stringOther;
    private final long[][] stringMissing;
    private final int[] numberSlots;
    private final double[][] numberPoints;
    private final long[][][] numberPass;
    private final long[][] numberMissing;
    /** Per number table whose points are all whole numbers in a short span: the region of each whole number. */
    private final int[][] numberRegionOfWhole;
    private final int[] numberWholeFrom;
    /**
     * Per rule, whether every conjunct of its condition is decided by the tables: a rule that survives their
     * intersection then holds without being evaluated.
     */
    private final boolean[] decided;

    RuleFilter(int[] roots) {
      this.roots = roots;
      this.rules = roots.length;
      this.words = (rules + 63) >>> 6;
      all = new long[words];
      for (int r = 0; r < rules; r++) {
        all[r >>> 6] |= 1L << r;
      }
      // per indexable slot, per rule, the conjuncts on it
      Map<Integer, List<int[]>> stringConjuncts = new java.util.TreeMap<>();
      Map<Integer, List<int[]>> numberConjuncts = new java.util.TreeMap<>();
      int[] undecided = new int[rules]; // per rule, its conjuncts that no table decides
      for (int r = 0; r < rules; r++) {
        List<Integer> conjuncts = new ArrayList<>();
        conjuncts(roots[r], conjuncts);
        for (int n : conjuncts) {
          if (kind[n] != ALWAYS) {
            undecided[r]++;
          }
          if (stringIndexable(n)) {
            stringConjuncts.computeIfAbsent(slot[n], s -> new ArrayList<>()).add(new int[] {r, n});
          } else if (numberIndexable(n)) {
            numberConjuncts.computeIfAbsent(slot[n], s -> new ArrayList<>()).add(new int[] {r, n});
          }
        }
      }
      List<Integer> sSlots = new ArrayList<>();
      List<StringTable> sPass = new ArrayList<>();
      List<long[]> sOther = new ArrayList<>();
      List<long[]> sMissing = new ArrayList<>();
      for (Map.Entry<Integer, List<int[]>> e : stringConjuncts.entrySet()) {
        List<int[]> list = e.getValue();
        Set<String> values = new java.util.TreeSet<>();
        for (int[] rn : list) {
          int n = rn[1];
          if (constant[n] instanceof String v) {
            values.add(v);
          } else if (constant[n] instanceof String[] vs) {
            values.addAll(Arrays.asList(vs));
          } else {
            for (Object v : (Set<?>) constant[n]) {
              values.add((String) v);
            }
          }
        }
        if ((long) (values.size() + 2) * words > MAX_CELLS) {
          continue;
        }
        Map<String, long[]> pass = new java.util.HashMap<>();
        for (String v : values) {
          pass.put(v, passing(list, n -> testString(n, v)));
        }
        for (int[] rn : list) {
          undecided[rn[0]]--;
        }
        sSlots.add(e.getKey());
        sPass.add(new StringTable(pass));
        sOther.add(passing(list, n -> testString(n, OTHER)));
        sMissing.add(passing(list, n -> testString(n, null)));
      }
      stringSlots = sSlots.stream().mapToInt(Integer::intValue).toArray();
      stringPass = sPass.toArray(new StringTable[0]);
      stringOther = sOther.toArray(new long[0][]);
      stringMissing = sMissing.toArray(new long[0][]);

      List<Integer> nSlots = new ArrayList<>();
      List<double[]> nPoints = new ArrayList<>();
      List<long[][]> nPass = new ArrayList<>();
      List<long[]> nMissing = new ArrayList<>();
      for (Map.Entry<Integer, List<int[]>> e : numberConjuncts.entrySet()) {
        List<int[]> list = e.getValue();
        java.util.TreeSet<Double> points = new java.util.TreeSet<>();
        for (int[] rn : list) {
          int n = rn[1];
          if (kind[n] == NUM_IN) {
            for (double v : (double[]) constant[n]) {
              points.add(v);
            }
          } else {
            points.add(lo[n]);
            if (kind[n] == NUM_RANGE) {
              points.add(hi[n]);
            }
          }
        }
        points.remove(Double.NEGATIVE_INFINITY); // no value lies below it: the region above covers it exactly
        points.remove(Double.POSITIVE_INFINITY);
        double[] p = points.stream().mapToDouble(Double::doubleValue).toArray();
        int regions = 2 * p.length + 1;
        if ((long) (regions + 1) * words > MAX_CELLS || (long) regions * list.size() > 50_000_000L) {
          continue;
        }
        long[][] pass = new long[regions][];
        for (int j = 0; j < regions; j++) {
          double v = representative(p, j);
          pass[j] = passing(list, n -> testNumber(n, v));
        }
        nSlots.add(e.getKey());
        nPoints.add(p);
        nPass.add(pass);
        nMissing.add(passing(list, n -> testNumber(n, Double.NaN)));
        for (int[] rn : list) {
          undecided[rn[0]]--;
        }
      }
      numberSlots = nSlots.stream().mapToInt(Integer::intValue).toArray();
      numberPoints = nPoints.toArray(new double[0][]);
      numberPass = nPass.toArray(new long[0][][]);
      numberMissing = nMissing.toArray(new long[0][]);
      numberRegionOfWhole = new int[numberPoints.length][];
      numberWholeFrom = new int[numberPoints.length];
      for (int i = 0; i < numberPoints.length; i++) {
        wholeRegions(i);
      }
      decided = new boolean[rules];
      for (int r = 0; r < rules; r++) {
        decided[r] = undecided[r] == 0;
      }
    }

    /**
     * When every point of number table {@code i} is a whole number and they span at most 4,096, tabulates the
     * region of each whole number from the first point to the last, so that a whole-number value (a score, most
     * often) finds its region without a binary search.
     */
    private void wholeRegions(int i) {
      double[] p = numberPoints[i];
      if (p.length == 0 || p[p.length - 1] - p[0] > 4096) {
        return;
      }
      for (double v : p) {
        if (v != Math.rint(v)) {
          return;
        }
      }
      int from = (int) p[0];
      int[] regions = new int[(int) p[p.length - 1] - from + 1];
      for (int k = 0; k < regions.length; k++) {
        regions[k] = region(p, from + k);
      }
      numberRegionOfWhole[i] = regions;
      numberWholeFrom[i] = from;
    }

    /** The region of {@code v} among the points: odd regions are the points, even ones the intervals around them. */
    private static int region(double[] points, double v) {
      int at = Arrays.binarySearch(points, v);
      return at >= 0 ? 2 * at + 1 : 2 * (-at - 1);
    }

    /** A value of region {@code j}: odd regions are the points, even ones the open intervals around them. */
    private double representative(double[] p, int j) {
      if (p.length == 0) {
        return 0;
      }
      if ((j & 1) == 1) {
        return p[j >>> 1];
      }
      return j == 0 ? Math.nextDown(p[0]) : Math.nextUp(p[(j >>> 1) - 1]);
    }

    /** The rules that every one of their conjuncts in {@code list} lets through (rules without any: all). */
    private long[] passing(List<int[]> list, java.util.function.IntPredicate test) {
      long[] out = all.clone();
      for (int[] rn : list) {
        int r = rn[0];
        if (!test.test(rn[1])) {
          out[r >>> 6] &= ~(1L << r);
        }
      }
      return out;
    }

    private void conjuncts(int n, List<Integer> out) {
      if (kind[n] == AND) {
        for (int i = first[n]; i < first[n] + count[n]; i++) {
          conjuncts(children[i], out);
        }
      } else {
        out.add(n);
      }
    }

    private boolean stringIndexable(int n) {
      int s = slot[n];
      boolean stringSlot = s < FieldKind.BUILT_IN_SLOTS && s != 8 && s != 9 && s != 10 && s != 11;
      return stringSlot && (kind[n] == STR_EQ || kind[n] == STR_NE || kind[n] == STR_IN);
    }

    private boolean numberIndexable(int n) {
      return kind[n] == NUM_RANGE || kind[n] == NUM_NE || kind[n] == NUM_IN;
    }

    /**
     * The first rule whose condition holds for the lead, or -1.
     *
     * @param f the lead's facts
     * @param candidates a working array of at least as many words as the rules need
     * @return the rule's index
     */
    int firstMatch(LeadFacts f, long[] candidates) {
      System.arraycopy(all, 0, candidates, 0, words);
      for (int i = 0; i < stringSlots.length; i++) {
        Object v = f.peek(stringSlots[i]); // read once: not kept, see LeadFacts
        long[] pass = v == null ? stringMissing[i] : stringPass[i].get((String) v);
        and(candidates, pass == null ? stringOther[i] : pass);
      }
      for (int i = 0; i < numberSlots.length; i++) {
        double v = f.number(numberSlots[i]); // never -0.0: the facts hold it as 0.0
        long[] pass;
        if (Double.isNaN(v)) {
          pass = numberMissing[i];
        } else {
          int[] whole = numberRegionOfWhole[i];
          int k = (int) v - numberWholeFrom[i];
          pass = numberPass[i][whole != null && k >= 0 && k < whole.length && k + numberWholeFrom[i] == v
              ? whole[k] : region(numberPoints[i], v)];
        }
        and(candidates, pass);
      }
      for (int w = 0; w < words; w++) {
        long bits = candidates[w];
        while (bits != 0) {
          int r = (w << 6) + Long.numberOfTrailingZeros(bits);
          if (decided[r] || evalFail(roots[r], f) < 0) {
            return r;
          }
          bits &= bits - 1;
        }
      }
      return -1;
    }

    private void and(long[] into, long[] pass) {
      for (int w = 0; w < words; w++) {
        into[w] &= pass[w];
      }
    }
  }

  /** A value equal to none of the policy's constants (not even a string). */
  private static final Object OTHER = new Object();

  /** A string condition's truth for a value ({@code null} when the lead has none). */
  private boolean testString(int n, Object v) {
    switch (kind[n]) {
      case STR_EQ:
        return v != null && v.equals(constant[n]);
      case STR_NE:
        return v != null && !v.equals(constant[n]);
      case STR_IN: {
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
      default:
        throw new IllegalStateException("not a string comparison: node kind " + kind[n]);
    }
  }

  /** A numeric condition's truth for a value (NaN when the lead has none). */
  private boolean testNumber(int n, double v) {
    switch (kind[n]) {
      case NUM_RANGE:
        return v >= lo[n] && v <= hi[n];
      case NUM_NE:
        return !Double.isNaN(v) && v != lo[n];
      case NUM_IN:
        return !Double.isNaN(v) && Arrays.binarySearch((double[]) constant[n], v) >= 0;
      default:
        throw new IllegalStateException("not a numeric comparison: node kind " + kind[n]);
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
      case STR_EQ:
      case STR_NE:
      case STR_IN:
        return testString(n, f.object(s));
      case STR_STARTS: {
        Object v = f.object(s);
        return v != null && ((String) v).startsWith((String) constant[n]);
      }
      case STR_CONTAINS: {
        Object v = f.object(s);
        return v != null && ((String) v).contains((String) constant[n]);
      }
      case EXISTS: {
        if (s == 8 || s == 9) {
          return !Double.isNaN(f.number(s));
        }
        Object v = f.object(s);
        return v != null && !(v instanceof Set<?> set && set.isEmpty());
      }
      case NUM_RANGE:
      case NUM_NE:
      case NUM_IN:
        return testNumber(n, f.number(s));
      case SET_CONTAINS:
        return ((Set<?>) f.object(s)).contains(constant[n]);
      case SET_ANY: {
        Set<?> set = (Set<?>) f.object(s);
        for (Object id : (Object[]) constant[n]) {
          if (set.contains(id)) {
            return true;
          }
        }
        return false;
      }
      case ATTR_EQ:
        return attributeEquals((AttributeValue) f.object(s), f.number(s), constant[n]) == 1;
      case ATTR_NE:
        return attributeEquals((AttributeValue) f.object(s), f.number(s), constant[n]) == 0;
      case ATTR_IN: {
        for (Object value : (Object[]) constant[n]) {
          if (attributeEquals((AttributeValue) f.object(s), f.number(s), value) == 1) {
            return true;
          }
        }
        return false;
      }
      case ATTR_STARTS: {
        AttributeValue v = (AttributeValue) f.object(s);
        return v != null && v.type() == AttributeValue.Type.STRING && v.asString().startsWith((String) constant[n]);
      }
      case ATTR_CONTAINS: {
        AttributeValue v = (AttributeValue) f.object(s);
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
