package io.github.crmkit.routing.pool;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.LeadId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Lincheck: the {@link InMemoryPoolLedger} is linearizable under concurrent callers, so every concurrent run of
 * claims, assignments, recycling and the reads explains itself as some sequential order of the same calls on one
 * ledger (Lincheck's default sequential specification: this class run on one thread). In particular concurrent
 * claims never push an agent past the hold cap or the daily claim limit, a record is never given to two agents
 * (compare-and-set on its version), and a record is never lost: it is in the pool or owned.
 *
 * <p>The world is small and fixed, so that concurrent calls collide often: two records, added to the pool at
 * version 0 when the ledger is created; two agents; a hold cap of 1 and a daily limit of 1 claim, on one day;
 * versions 0 and 1. Each operation names the version it expects, as a caller that read the record would, and
 * returns a plain string or number. Records are built once, so the model checker spends its switch points in the
 * ledger. Scenarios are small (one operation before, two per thread on two threads, one after) to keep the run
 * short; both strategies fail when {@code acquire} runs without the ledger's lock.
 */
public class PoolLedgerLincheckTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final LocalDate DAY = LocalDate.ofInstant(T0, ZoneOffset.UTC);
  private static final int HOLD_CAP = 1;
  private static final int DAILY_LIMIT = 1;
  private static final int VERSIONS = 2;
  private static final AgentId[] AGENTS = {AgentId.of("a0"), AgentId.of("a1")};
  private static final PoolRecordId[] IDS = {PoolRecordId.of(LeadId.of("L0")), PoolRecordId.of(LeadId.of("L1"))};
  /** [record][version]: the record in the pool at that version. */
  private static final PoolRecord[][] IN_POOL = new PoolRecord[IDS.length][VERSIONS + 1];
  /** [record][version][agent]: the record owned by the agent at that version. */
  private static final PoolRecord[][][] OWNED = new PoolRecord[IDS.length][VERSIONS + 1][AGENTS.length];

  static {
    for (int r = 0; r < IDS.length; r++) {
      for (int v = 0; v <= VERSIONS; v++) {
        IN_POOL[r][v] = PoolRecord.builder().id(IDS[r]).level("A").version(v).build();
        for (int a = 0; a < AGENTS.length; a++) {
          OWNED[r][v][a] = PoolRecord.builder().id(IDS[r]).level("A").owner(AGENTS[a]).ownedSince(T0).version(v)
              .build();
        }
      }
    }
  }

  private final InMemoryPoolLedger ledger = new InMemoryPoolLedger();

  /** Creates the ledger with every record in the pool at version 0. */
  public PoolLedgerLincheckTest() {
    for (PoolRecord[] record : IN_POOL) {
      ledger.add(record[0]);
    }
  }

  /**
   * An agent's claim of a record it read in the pool at a version.
   *
   * @param record the record index
   * @param version the version the caller read
   * @param agent the agent index
   * @return the acquisition's outcome
   */
  @Operation
  public String claim(@Param(gen = IntGen.class, conf = "0:1") int record,
      @Param(gen = IntGen.class, conf = "0:1") int version, @Param(gen = IntGen.class, conf = "0:1") int agent) {
    return ledger.acquire(IN_POOL[record][version], OWNED[record][version + 1][agent], HOLD_CAP, true, DAY,
        DAILY_LIMIT).name();
  }

  /**
   * An assignment (not a claim: the daily limit does not apply) of a record read in the pool at a version.
   *
   * @param record the record index
   * @param version the version the caller read
   * @param agent the agent index
   * @return the acquisition's outcome
   */
  @Operation
  public String assign(@Param(gen = IntGen.class, conf = "0:1") int record,
      @Param(gen = IntGen.class, conf = "0:1") int version, @Param(gen = IntGen.class, conf = "0:1") int agent) {
    return ledger.acquire(IN_POOL[record][version], OWNED[record][version + 1][agent], HOLD_CAP, false, DAY,
        DAILY_LIMIT).name();
  }

  /**
   * Recycling (or a release) of a record read owned by an agent at a version back to the pool.
   *
   * @param record the record index
   * @param version the version the caller read
   * @param agent the owner the caller read
   * @return whether the record was replaced
   */
  @Operation
  public boolean recycle(@Param(gen = IntGen.class, conf = "0:1") int record,
      @Param(gen = IntGen.class, conf = "0:1") int version, @Param(gen = IntGen.class, conf = "0:1") int agent) {
    return ledger.replace(OWNED[record][version][agent], IN_POOL[record][version + 1]);
  }

  /**
   * A record's state.
   *
   * @param record the record index
   * @return its owner (or {@code pool}) and version
   */
  @Operation
  public String find(@Param(gen = IntGen.class, conf = "0:1") int record) {
    Optional<PoolRecord> found = ledger.find(IDS[record]);
    if (found.isEmpty()) {
      return "lost";
    }
    PoolRecord r = found.get();
    return r.owner().map(AgentId::value).orElse("pool") + "@" + r.version();
  }

  /**
   * How many records an agent holds.
   *
   * @param agent the agent index
   * @return the holdings
   */
  @Operation
  public int holdings(@Param(gen = IntGen.class, conf = "0:1") int agent) {
    return ledger.holdings(AGENTS[agent]);
  }

  /**
   * How many records an agent claimed on the day.
   *
   * @param agent the agent index
   * @return the claims
   */
  @Operation
  public int claims(@Param(gen = IntGen.class, conf = "0:1") int agent) {
    return ledger.claims(AGENTS[agent], DAY);
  }

  /**
   * How many records are in the pool and how many owned, from one snapshot.
   *
   * @return in pool / owned
   */
  @Operation
  public String records() {
    int inPool = 0;
    int owned = 0;
    for (PoolRecord r : ledger.records()) {
      if (r.isInPool()) {
        inPool++;
      } else {
        owned++;
      }
    }
    return inPool + "/" + owned;
  }

  @Test
  void modelChecking() {
    new ModelCheckingOptions().iterations(20).invocationsPerIteration(50).actorsBefore(1).actorsPerThread(2)
        .actorsAfter(1).check(getClass());
  }

  @Test
  void stress() {
    new StressOptions().iterations(5).invocationsPerIteration(100).actorsBefore(1).actorsPerThread(2).actorsAfter(1)
        .check(getClass());
  }
}
