package io.github.crmkit.routing.pool;

import io.github.crmkit.model.AgentId;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link PoolLedger} in memory, for one application instance and for tests: every operation runs under one lock,
 * so each is atomic and all of them are linearizable. Claim counts are kept per agent and day for as long as the
 * ledger lives (a few bytes per agent and day).
 *
 * <p>Thread-safe.
 */
public final class InMemoryPoolLedger implements PoolLedger {
  private final Object lock = new Object();
  private final TreeMap<PoolRecordId, PoolRecord> records = new TreeMap<>();
  private final Map<AgentId, Integer> holdings = new HashMap<>();
  private final Map<ClaimDay, Integer> claims = new HashMap<>();

  private record ClaimDay(AgentId agent, LocalDate day) {}

  /** Creates an empty ledger. */
  public InMemoryPoolLedger() {}

  @Override
  public boolean add(PoolRecord record) {
    Objects.requireNonNull(record, "record");
    if (record.version() != 0) {
      throw new IllegalArgumentException("a new record must have version 0, was " + record.version());
    }
    synchronized (lock) {
      if (records.containsKey(record.id())) {
        return false;
      }
      records.put(record.id(), record);
      record.owner().ifPresent(owner -> holdings.merge(owner, 1, Integer::sum));
      return true;
    }
  }

  @Override
  public Optional<PoolRecord> find(PoolRecordId id) {
    Objects.requireNonNull(id, "id");
    synchronized (lock) {
      return Optional.ofNullable(records.get(id));
    }
  }

  @Override
  public List<PoolRecord> records() {
    synchronized (lock) {
      return List.copyOf(records.values());
    }
  }

  @Override
  public boolean replace(PoolRecord expected, PoolRecord replacement) {
    checkReplacement(expected, replacement);
    if (replacement.owner().isPresent() && !replacement.owner().equals(expected.owner())) {
      throw new IllegalArgumentException("replace must not give " + expected.id() + " to an agent, use acquire");
    }
    synchronized (lock) {
      PoolRecord stored = records.get(expected.id());
      if (stored == null || stored.version() != expected.version()) {
        return false;
      }
      records.put(replacement.id(), replacement);
      if (stored.owner().isPresent() && replacement.owner().isEmpty()) {
        release(stored.owner().get());
      }
      return true;
    }
  }

  @Override
  public Acquisition acquire(PoolRecord expected, PoolRecord replacement, int holdCap, boolean claim,
      LocalDate day, int dailyLimit) {
    checkAcquisition(expected, replacement, holdCap, day, dailyLimit);
    AgentId agent = replacement.owner().get();
    synchronized (lock) {
      PoolRecord stored = records.get(expected.id());
      if (stored == null || stored.version() != expected.version()) {
        return Acquisition.STALE;
      }
      if (holdings.getOrDefault(agent, 0) >= holdCap) {
        return Acquisition.HOLD_CAP_REACHED;
      }
      ClaimDay claimDay = new ClaimDay(agent, day);
      if (claim && claims.getOrDefault(claimDay, 0) >= dailyLimit) {
        return Acquisition.DAILY_LIMIT_REACHED;
      }
      records.put(replacement.id(), replacement);
      holdings.merge(agent, 1, Integer::sum);
      if (claim) {
        claims.merge(claimDay, 1, Integer::sum);
      }
      return Acquisition.ACQUIRED;
    }
  }

  @Override
  public int holdings(AgentId agent) {
    Objects.requireNonNull(agent, "agent");
    synchronized (lock) {
      return holdings.getOrDefault(agent, 0);
    }
  }

  @Override
  public int claims(AgentId agent, LocalDate day) {
    ClaimDay key = new ClaimDay(Objects.requireNonNull(agent, "agent"), Objects.requireNonNull(day, "day"));
    synchronized (lock) {
      return claims.getOrDefault(key, 0);
    }
  }

  /** Called under the lock. */
  private void release(AgentId owner) {
    holdings.computeIfPresent(owner, (agent, held) -> held == 1 ? null : held - 1);
  }

  /** The argument checks every {@link PoolLedger#replace} makes before it looks at the stored state. */
  static void checkReplacement(PoolRecord expected, PoolRecord replacement) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(replacement, "replacement");
    if (!replacement.id().equals(expected.id())) {
      throw new IllegalArgumentException("replacement id " + replacement.id() + " must equal the expected id "
          + expected.id());
    }
    if (replacement.version() != expected.version() + 1) {
      throw new IllegalArgumentException("replacement version must be " + (expected.version() + 1) + ", was "
          + replacement.version());
    }
  }

  /** The argument checks every {@link PoolLedger#acquire} makes before it looks at the stored state. */
  static void checkAcquisition(PoolRecord expected, PoolRecord replacement, int holdCap, LocalDate day,
      int dailyLimit) {
    checkReplacement(expected, replacement);
    Objects.requireNonNull(day, "day");
    if (!expected.isInPool()) {
      throw new IllegalArgumentException("acquire needs a record in the pool, " + expected.id() + " is owned");
    }
    if (replacement.isInPool()) {
      throw new IllegalArgumentException("acquire needs an owned replacement for " + expected.id());
    }
    if (holdCap < 0) {
      throw new IllegalArgumentException("holdCap must not be negative, was " + holdCap);
    }
    if (dailyLimit < 0) {
      throw new IllegalArgumentException("dailyLimit must not be negative, was " + dailyLimit);
    }
  }
}
