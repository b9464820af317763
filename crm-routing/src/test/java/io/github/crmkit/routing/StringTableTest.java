package io.github.crmkit.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StringTableTest {
  @Test
  void findsEveryKeyByEqualityAlsoAmongEqualHashesAndRefusesOthers() {
    // "Aa" and "BB" have the same hashCode (2112), as have "AaAa", "AaBB", "BBAa" and "BBBB"
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    Map<String, long[]> map = new HashMap<>();
    String[] keys = {"Aa", "BB", "AaAa", "AaBB", "BBAa", "Region-1", "Region-2", ""};
    for (int i = 0; i < keys.length; i++) {
      map.put(keys[i], new long[] {i});
    }
    StringTable table = new StringTable(map);
    for (int i = 0; i < keys.length; i++) {
      assertThat(table.get(keys[i])).containsExactly(i);
      assertThat(table.get(new String(keys[i]))).containsExactly(i); // an equal string, not the same one
    }
    assertThat(table.get("BBBB")).isNull(); // equal hash, another string
    assertThat(table.get("Region-3")).isNull();
    assertThat(table.get("aa")).isNull();
  }

  @Test
  void anEmptyTableHasNothingAndAFullerOneKeepsEveryEntry() {
    assertThat(new StringTable(Map.of()).get("x")).isNull();
    Map<String, long[]> map = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      map.put("v" + i, new long[] {i});
    }
    StringTable table = new StringTable(map);
    for (int i = 0; i < 1000; i++) {
      assertThat(table.get("v" + i)).containsExactly(i);
    }
    assertThat(table.get("v1000")).isNull();
  }
}
