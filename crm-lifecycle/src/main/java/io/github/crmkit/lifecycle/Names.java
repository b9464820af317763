package io.github.crmkit.lifecycle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A dictionary of strings to dense int codes, in order of first appearance. Not thread-safe. */
final class Names {
  private final Map<String, Integer> codes = new HashMap<>();
  private final List<String> names = new ArrayList<>();

  int code(String name) {
    Integer code = codes.get(name);
    if (code == null) {
      code = names.size();
      codes.put(name, code);
      names.add(name);
    }
    return code;
  }

  /** The code of a name, or -1 when absent; adds nothing. */
  int find(String name) {
    Integer code = codes.get(name);
    return code == null ? -1 : code;
  }

  String name(int code) {
    return code < 0 ? null : names.get(code);
  }

  int size() {
    return names.size();
  }
}
