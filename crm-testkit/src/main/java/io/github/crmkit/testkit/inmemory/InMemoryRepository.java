package io.github.crmkit.testkit.inmemory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Shared storage of the in-memory repositories: a sorted concurrent map from id to aggregate. */
final class InMemoryRepository<I extends Comparable<I>, T> {
  private final ConcurrentSkipListMap<I, T> values = new ConcurrentSkipListMap<>();
  private final Function<T, I> idOf;

  InMemoryRepository(Function<T, I> idOf) {
    this.idOf = idOf;
  }

  Optional<T> findById(I id) {
    return Optional.ofNullable(values.get(Objects.requireNonNull(id, "id")));
  }

  void save(T value) {
    values.put(idOf.apply(Objects.requireNonNull(value, "value")), value);
  }

  Stream<T> find(Predicate<T> query) {
    Objects.requireNonNull(query, "query");
    // a snapshot, so that a caller may save while it iterates
    return List.copyOf(values.values()).stream().filter(query);
  }

  long count() {
    return values.size();
  }
}
