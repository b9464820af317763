package io.github.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Random-action checks shared by the repository contracts: a repository must behave like a sorted map. */
final class RepositoryContractSupport {
  private RepositoryContractSupport() {}

  /**
   * Runs random sequences of saves (new ids and replacements) and lookups against a fresh repository and a
   * reference {@link TreeMap}, checking after every step that lookups, counts and the full listing agree.
   */
  static <I extends Comparable<I>, T> void behavesLikeASortedMap(
      long seed,
      Function<SplittableRandom, T> generator,
      Function<T, I> idOf,
      BiFunction<T, I, T> withId,
      Consumer<T> save,
      Function<I, Optional<T>> findById,
      Supplier<Stream<T>> all,
      Supplier<Long> count) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<I, T> reference = new TreeMap<>();
    for (int step = 0; step < 200; step++) {
      T value = generator.apply(random);
      if (!reference.isEmpty() && random.nextInt(3) == 0) {
        // replace an existing aggregate under the same id
        List<I> ids = List.copyOf(reference.keySet());
        value = withId.apply(value, ids.get(random.nextInt(ids.size())));
      }
      save.accept(value);
      reference.put(idOf.apply(value), value);
      I probe = idOf.apply(value);
      assertThat(findById.apply(probe)).as("findById after save, step %s, seed %s", step, seed).contains(value);
      assertThat(count.get()).as("count, step %s, seed %s", step, seed).isEqualTo((long) reference.size());
    }
    try (Stream<T> stream = all.get()) {
      assertThat(stream).as("all values ordered by id, seed %s", seed)
          .containsExactlyElementsOf(reference.values());
    }
  }
}
