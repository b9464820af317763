package io.github.crmkit.routing;

import io.github.crmkit.model.Capacity;
import io.github.crmkit.routing.port.CandidateCounters;
import io.github.crmkit.routing.spi.CandidateFilter;
import io.github.crmkit.routing.spi.SelectionStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A pool compiled for routing: its members (agent indices in id order) with the reason each is statically excluded
 * (inactive, missing skill or language) or null, each member's effective caps, the strategy, the filters and the
 * overflow pool.
 *
 * <p>Immutable and thread-safe.
 */
final class CompiledPool {
  static final int ROUND_ROBIN = 0;
  static final int SMOOTH_WEIGHTED = 1;
  static final int LOAD_BALANCING = 2;
  static final int LEVELLING = 3;
  static final int BATCH_ALLOCATION = 4;
  static final int WEIGHTED_RANDOM = 5;
  static final int PLUGIN = 6;

  final String id;
  final String label;
  final String scope;
  final String strategyName;
  final int strategy;
  final SelectionStrategy plugin;
  final int[] members;
  /** The members' agent ids, for the trace. */
  final String[] memberIds;
  /** Per member, the attempt's result when it is chosen ({@code chosen:<id>}). */
  final String[] chosen;
  final String[] staticExclusion;
  final Capacity[] caps;
  /** The caps as arrays, see {@link RoutingEngine#capArray}. */
  final int[][] capArrays;
  /** The caps every member shares, or null when they differ (or the pool has no member). */
  final int[] sharedCaps;
  final CandidateFilter[] filters;
  final String[] filterNames;
  final boolean requireAvailable;
  final int withinHours;
  final int overflow;
  final int[] preference;
  /** The windows the members' caps use (a plugin strategy gets them all), see {@link CandidateCounters#windows()}. */
  final int windows;
  /** The pool's number in its engine (pools, then territory pools). */
  final int index;
  /**
   * Whether the pool's candidates depend on neither the lead nor the time (no availability, no plugin filters): its
   * candidates are then always the members in {@link #fixedMember}, and its batch is asked again without adding them.
   */
  final boolean fixed;
  /** The member index of each candidate of a {@link #fixed} pool: the members without a static exclusion. */
  final int[] fixedMember;

  CompiledPool(int index, String id, String label, String scope, String strategyName, SelectionStrategy plugin,
      int[] members, String[] memberIds,
      String[] staticExclusion, Capacity[] caps, CandidateFilter[] filters, String[] filterNames,
      boolean requireAvailable, int withinHours, int overflow, int[] preference) {
    this.index = index;
    this.id = id;
    this.label = label;
    this.scope = scope;
    this.strategyName = strategyName;
    this.strategy = kind(strategyName);
    this.plugin = plugin;
    this.members = members;
    this.memberIds = memberIds;
    this.chosen = new String[memberIds.length];
    for (int i = 0; i < memberIds.length; i++) {
      chosen[i] = "chosen:" + memberIds[i];
    }
    this.staticExclusion = staticExclusion;
    this.caps = caps;
    this.capArrays = new int[caps.length][];
    // members with equal caps share one array: a rarely used pool then costs one cold cache line for its caps,
    // not one per member
    List<int[]> distinct = new ArrayList<>(2);
    for (int i = 0; i < caps.length; i++) {
      int[] array = RoutingEngine.capArray(caps[i]);
      int[] shared = null;
      for (int[] seen : distinct) {
        if (Arrays.equals(seen, array)) {
          shared = seen;
          break;
        }
      }
      if (shared == null) {
        distinct.add(array);
        shared = array;
      }
      capArrays[i] = shared; // never written after this constructor
    }
    int used = 0;
    for (int[] c : capArrays) {
      for (int k = 0; k < 4; k++) {
        if (c[k] >= 0) {
          used |= 1 << k; // CandidateCounters.DAY, WEEK, MONTH, ROLLING_30_DAYS in cap order
        }
      }
    }
    this.sharedCaps = distinct.size() == 1 ? distinct.get(0) : null;
    this.windows = this.strategy == PLUGIN ? CandidateCounters.ALL_WINDOWS : used; // a plugin may read them all
    this.filters = filters;
    this.filterNames = filterNames;
    this.requireAvailable = requireAvailable;
    this.withinHours = withinHours;
    this.overflow = overflow;
    this.preference = preference;
    this.fixed = !requireAvailable && filters.length == 0;
    int candidates = 0;
    for (String why : staticExclusion) {
      if (why == null) {
        candidates++;
      }
    }
    this.fixedMember = new int[candidates];
    for (int i = 0, k = 0; i < staticExclusion.length; i++) {
      if (staticExclusion[i] == null) {
        fixedMember[k++] = i;
      }
    }
  }

  static int kind(String name) {
    return switch (name) {
      case "round-robin" -> ROUND_ROBIN;
      case "smooth-weighted-round-robin" -> SMOOTH_WEIGHTED;
      case "load-balancing" -> LOAD_BALANCING;
      case "levelling" -> LEVELLING;
      case "batch-allocation" -> BATCH_ALLOCATION;
      case "weighted-random" -> WEIGHTED_RANDOM;
      default -> PLUGIN;
    };
  }
}
