package io.github.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.crmkit.model.json.CrmJson;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every model type: {@code read(write(x)).equals(x)} on 1,000 generated instances, with QuickTheories drawing
 * the seeds (a failure reports the seed, which reproduces the instance).
 */
class JsonRoundTripPropertyTest {
  static Stream<Class<?>> types() {
    return ModelGenerators.types().stream();
  }

  @ParameterizedTest
  @MethodSource("types")
  void everyTypeRoundTrips(Class<?> type) {
    roundTrip(type, CrmJson.standard());
  }

  @ParameterizedTest
  @MethodSource("types")
  void everyTypeRoundTripsThroughIndentedJson(Class<?> type) {
    Generator<?> generator = ModelGenerators.forType(type);
    for (long seed = 0; seed < 50; seed++) {
      Object value = generator.fromSeed(seed);
      assertThat(CrmJson.pretty().read(CrmJson.pretty().write(value), type)).as("seed %s", seed).isEqualTo(value);
    }
  }

  private static <T> void roundTrip(Class<T> type, CrmJson json) {
    Generator<T> generator = ModelGenerators.forType(type);
    qt().withExamples(1000).withFixedSeed(20261122L).forAll(longs().all()).checkAssert(seed -> {
      T value = generator.fromSeed(seed);
      String text = json.write(value);
      assertThat(json.read(text, type)).as("%s from seed %s: %s", type.getSimpleName(), seed, text)
          .isEqualTo(value);
      assertThat(json.write(json.read(text, type))).as("stable output").isEqualTo(text);
    });
  }
}
