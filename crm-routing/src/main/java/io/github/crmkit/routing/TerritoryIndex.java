package io.github.crmkit.routing;

import io.github.crmkit.model.Lead;
import io.github.crmkit.model.Territory;
import io.github.crmkit.model.TerritoryId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The territory hierarchy as arrays: parent links, depths, and what each territory covers, to find a lead's most
 * specific territory and to test membership through the hierarchy without allocating.
 *
 * <p>Immutable and thread-safe.
 */
final class TerritoryIndex {
  final TerritoryId[] ids;
  final int[] parent;
  final int[] depth;
  private final Territory[] territories;
  private final int[] constrained;
  private final Map<TerritoryId, Integer> index = new HashMap<>();
  private final Map<String, Integer> byValue = new HashMap<>();

  TerritoryIndex(List<Territory> list) {
    int n = list.size();
    ids = new TerritoryId[n];
    parent = new int[n];
    depth = new int[n];
    territories = list.toArray(new Territory[0]);
    constrained = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = territories[i].id();
      index.put(ids[i], i);
      byValue.put(ids[i].value(), i);
    }
    for (int i = 0; i < n; i++) {
      parent[i] = territories[i].parent().map(p -> index.getOrDefault(p, -1)).orElse(-1);
      Territory t = territories[i];
      constrained[i] = (t.countryCodes().isEmpty() ? 0 : 1) + (t.regions().isEmpty() ? 0 : 1)
          + (t.cities().isEmpty() ? 0 : 1);
    }
    for (int i = 0; i < n; i++) {
      int d = 0;
      int p = parent[i];
      while (p >= 0 && d <= n) { // d <= n stops on a cycle in the host's data
        d++;
        p = parent[p];
      }
      depth[i] = d;
    }
  }

  int size() {
    return ids.length;
  }

  int indexOf(String id) {
    Integer i = byValue.get(id);
    return i == null ? -1 : i;
  }

  /**
   * The lead's territory: the one it names, if known; otherwise the most specific territory (deepest, then most
   * constrained, then lowest id) whose non-empty country, region and city sets all contain the lead's values.
   */
  int resolve(Lead lead) {
    if (lead.territory().isPresent()) {
      Integer i = index.get(lead.territory().get());
      if (i != null) {
        return i;
      }
    }
    String country = lead.countryCode().orElse(null);
    String region = lead.region().orElse(null);
    String city = lead.city().orElse(null);
    int best = -1;
    for (int i = 0; i < territories.length; i++) {
      if (constrained[i] == 0) {
        continue;
      }
      Territory t = territories[i];
      if (!t.countryCodes().isEmpty() && (country == null || !t.countryCodes().contains(country))
          || !t.regions().isEmpty() && (region == null || !t.regions().contains(region))
          || !t.cities().isEmpty() && (city == null || !t.cities().contains(city))) {
        continue;
      }
      if (best < 0 || depth[i] > depth[best] || depth[i] == depth[best] && (constrained[i] > constrained[best]
          || constrained[i] == constrained[best] && ids[i].compareTo(ids[best]) < 0)) {
        best = i;
      }
    }
    return best;
  }

  /** Whether territory {@code t} is {@code ancestor} or lies within it. */
  boolean within(int t, int ancestor) {
    int steps = 0;
    while (t >= 0 && steps++ <= ids.length) {
      if (t == ancestor) {
        return true;
      }
      t = parent[t];
    }
    return false;
  }

  List<Integer> all() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      out.add(i);
    }
    return out;
  }
}
