package io.github.crmkit.testkit.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Shared storage of the in-memory sources: values by id, read as an immutable snapshot in time order. */
final class TimeOrdered<I extends Comparable<I>, T> {
  private final Function<T, I> idOf;
  private final Function<T, Instant> timeOf;
  private final Comparator<T> order;
  private final Map<I, T> byId = new HashMap<>();
  private List<T> snapshot = List.of();

  TimeOrdered(Function<T, I> idOf, Function<T, Instant> timeOf) {
    this.idOf = idOf;
    this.timeOf = timeOf;
    this.order = Comparator.comparing(timeOf).thenComparing(idOf);
  }

  synchronized void put(T value) {
    byId.put(idOf.apply(Objects.requireNonNull(value, "value")), value);
    snapshot = null;
  }

  synchronized List<T> snapshot() {
    if (snapshot == null) {
      List<T> sorted = new ArrayList<>(byId.values());
      sorted.sort(order);
      snapshot = List.copyOf(sorted);
    }
    return snapshot;
  }

  Stream<T> stream(Predicate<T> filter) {
    return snapshot().stream().filter(filter);
  }

  Stream<T> between(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to must not be before from, was " + to + " < " + from);
    }
    return stream(v -> {
      Instant t = timeOf.apply(v);
      return !t.isBefore(from) && t.isBefore(to);
    });
  }

  synchronized int size() {
    return byId.size();
  }
}
