package io.github.crmkit.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.crmkit.model.LeadId;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The ledger's lead map answers as a {@link HashMap} does, through growth and removals in the middle of probe runs.
 */
class LeadIdMapTest {
  /**
   * Half of the ids collide in groups of 64 ("Aa" and "BB" hash alike, and so does every string of six such
   * blocks), so that long probe runs form and removals must shift entries back; the other half hash apart, so that
   * runs from different starting cells meet, also across the end of the arrays.
   */
  private static LeadId id(SplittableRandom r, int distinct) {
    int n = r.nextInt(distinct);
    if (r.nextBoolean()) {
      return LeadId.of("X-" + n);
    }
    StringBuilder b = new StringBuilder("L");
    for (int bit = 0; bit < 6; bit++) {
      b.append((n >>> bit & 1) == 0 ? "Aa" : "BB");
    }
    return LeadId.of(b.append('-').append(n >>> 6).toString());
  }

  @Test
  void answersAsAHashMapDoes() {
    qt().withExamples(300).withFixedSeed(20261202L).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      int distinct = 1 + r.nextInt(400);
      LeadIdMap map = new LeadIdMap();
      Map<LeadId, Integer> expected = new HashMap<>();
      for (int step = 0; step < 2_000; step++) {
        LeadId key = LeadId.of(id(r, distinct).value()); // an equal id, not the same object
        int value = r.nextInt(1_000);
        switch (r.nextInt(4)) {
          case 0 -> assertThat(map.putIfAbsent(key, value)).isEqualTo(orNone(expected.putIfAbsent(key, value)));
          case 1 -> assertThat(map.put(key, value)).isEqualTo(orNone(expected.put(key, value)));
          case 2 -> assertThat(map.remove(key)).isEqualTo(orNone(expected.remove(key)));
          default -> assertThat(map.get(key)).isEqualTo(orNone(expected.get(key)));
        }
        assertThat(map.size()).isEqualTo(expected.size());
      }
      for (Map.Entry<LeadId, Integer> e : expected.entrySet()) {
        assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
      }
      for (LeadId key : expected.keySet().toArray(LeadId[]::new)) {
        assertThat(map.remove(key)).isEqualTo(orNone(expected.remove(key)));
      }
      assertThat(map.size()).isZero();
    });
  }

  private static int orNone(Integer value) {
    return value == null ? LeadIdMap.NONE : value;
  }

  @Test
  void keepsEveryLeadThroughGrowth() {
    LeadIdMap map = new LeadIdMap();
    for (int i = 0; i < 100_000; i++) {
      assertThat(map.putIfAbsent(LeadId.of("L-" + i), i % 7)).isEqualTo(LeadIdMap.NONE);
    }
    assertThat(map.size()).isEqualTo(100_000);
    for (int i = 0; i < 100_000; i += 2) {
      assertThat(map.remove(LeadId.of("L-" + i))).isEqualTo(i % 7);
    }
    for (int i = 0; i < 100_000; i++) {
      assertThat(map.get(LeadId.of("L-" + i))).isEqualTo(i % 2 == 0 ? LeadIdMap.NONE : i % 7);
    }
    assertThat(map.size()).isEqualTo(50_000);
  }

  @Test
  void refusesNullKeysAndNegativeValues() {
    LeadIdMap map = new LeadIdMap();
    assertThatNullPointerException().isThrownBy(() -> map.put(null, 1)).withMessage("key");
    assertThatNullPointerException().isThrownBy(() -> map.get(null)).withMessage("key");
    assertThatIllegalArgumentException().isThrownBy(() -> map.putIfAbsent(LeadId.of("L-1"), -1))
        .withMessageContaining("negative");
    assertThatIllegalArgumentException().isThrownBy(() -> map.put(LeadId.of("L-1"), LeadIdMap.NONE))
        .withMessageContaining("negative");
    assertThat(map.size()).isZero();
  }
}
