package io.github.crmkit.testkit.inmemory;

import io.github.crmkit.model.ConsentRecord;
import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.port.ConsentRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link ConsentRegistry} in memory, timestamped by an injected {@link Clock}.
 *
 * <p>Thread-safe.
 */
public final class InMemoryConsentRegistry implements ConsentRegistry {
  private final Clock clock;
  private final Map<CustomerId, List<ConsentRecord>> records = new HashMap<>();

  /**
   * Creates an empty registry.
   *
   * @param clock the source of grant and withdrawal times
   */
  public InMemoryConsentRegistry(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized boolean grant(CustomerId customer, String purpose, String source) {
    Objects.requireNonNull(customer, "customer");
    ConsentRecord record = ConsentRecord.builder().purpose(purpose).grantedAt(clock.instant()).source(source).build();
    List<ConsentRecord> list = records.computeIfAbsent(customer, c -> new ArrayList<>());
    if (active(list, purpose) >= 0) {
      return false;
    }
    list.add(record);
    return true;
  }

  @Override
  public synchronized boolean withdraw(CustomerId customer, String purpose) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(purpose, "purpose");
    List<ConsentRecord> list = records.get(customer);
    int index = list == null ? -1 : active(list, purpose);
    if (index < 0) {
      return false;
    }
    ConsentRecord granted = list.get(index);
    Instant now = clock.instant();
    ConsentRecord.Builder withdrawn = ConsentRecord.builder().purpose(purpose).grantedAt(granted.grantedAt())
        .withdrawnAt(now.isBefore(granted.grantedAt()) ? granted.grantedAt() : now);
    granted.source().ifPresent(withdrawn::source);
    list.set(index, withdrawn.build());
    return true;
  }

  private static int active(List<ConsentRecord> list, String purpose) {
    for (int i = 0; i < list.size(); i++) {
      ConsentRecord r = list.get(i);
      if (r.purpose().equals(purpose) && r.withdrawnAt().isEmpty()) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public synchronized boolean isGranted(CustomerId customer, String purpose) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(purpose, "purpose");
    List<ConsentRecord> list = records.get(customer);
    return list != null && active(list, purpose) >= 0;
  }

  @Override
  public synchronized boolean wasGranted(CustomerId customer, String purpose, Instant at) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(at, "at");
    for (ConsentRecord r : records.getOrDefault(customer, List.of())) {
      if (r.purpose().equals(purpose) && r.isActiveAt(at)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized List<ConsentRecord> history(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    List<ConsentRecord> out = new ArrayList<>(records.getOrDefault(customer, List.of()));
    out.sort(Comparator.comparing(ConsentRecord::purpose).thenComparing(ConsentRecord::grantedAt));
    return List.copyOf(out);
  }
}
