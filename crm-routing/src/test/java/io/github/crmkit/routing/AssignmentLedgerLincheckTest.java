package io.github.crmkit.routing;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.routing.port.AgentCounters;
import io.github.crmkit.routing.port.Reservation;
import io.github.crmkit.routing.port.ReservationRequest;
import io.github.crmkit.routing.port.ScopeCounters;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import static org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt.forClasses;

import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Lincheck: the {@link InMemoryAssignmentLedger} is linearizable under concurrent callers, so every concurrent run
 * of check-and-reserve, release and the counter reads explains itself as some sequential order of the same calls
 * on one ledger (Lincheck's default sequential specification: this class run on one thread). In particular two
 * threads reserving at once never push an agent past a cap (the day cap of {@code a0}, the backlog cap of
 * {@code a1}) and never give one lead to two agents: a run where they did would return results no sequential
 * order produces.
 *
 * <p>The operations return plain strings and numbers (not objects with identity), over a small fixed world: three
 * leads, two agents, two instants a day apart (so the day cap resets and the backlog cap binds), one strategy
 * scope. Requests are built once, so the model checker spends its switch points in the ledger. Scenarios are small
 * (one operation before, two per thread on two threads, one after) to keep the run short; both strategies fail when
 * {@code reserve} gives a lead its owner with get-then-put instead of put-if-absent, and model checking found the
 * scope count and the former owner's backlog updated outside the agents' locks (fixed since).
 */
public class AssignmentLedgerLincheckTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final Instant[] AT = {Fixtures.T0, Fixtures.T0.plusSeconds(86_400)};
  private static final String SCOPE = "pool";
  private static final AgentId[] AGENTS = {AgentId.of("a0"), AgentId.of("a1")};
  private static final Capacity[] CAPS = {Capacity.builder().maxPerDay(2).build(),
      Capacity.builder().maxOpen(1).build()};
  private static final LeadId[] LEADS = {LeadId.of("L0"), LeadId.of("L1"), LeadId.of("L2")};
  /** [lead][agent][instant]: automatic reservations; manual reassignments (within the caps). */
  private static final ReservationRequest[][][] RESERVE = requests(false);
  private static final ReservationRequest[][][] REASSIGN = requests(true);
  private static final AgentId[][] MEMBERS = {{AGENTS[0]}, {AGENTS[1]}, AGENTS};
  private static final long[][] CREDITS = {{1}, {2}, {1, 0}};

  private final InMemoryAssignmentLedger ledger = new InMemoryAssignmentLedger();

  /** Creates the test with an empty ledger (Lincheck creates one instance per run). */
  public AssignmentLedgerLincheckTest() {}

  private static ReservationRequest[][][] requests(boolean reassign) {
    ReservationRequest[][][] requests = new ReservationRequest[LEADS.length][AGENTS.length][AT.length];
    for (int l = 0; l < LEADS.length; l++) {
      for (int a = 0; a < AGENTS.length; a++) {
        for (int t = 0; t < AT.length; t++) {
          requests[l][a][t] = new ReservationRequest(LEADS[l], AGENTS[a], AT[t], UTC, CAPS[a], SCOPE, reassign,
              false, reassign);
        }
      }
    }
    return requests;
  }

  private static String describe(Reservation r) {
    return r.status() + (r.cap() == null ? "" : " " + r.cap())
        + (r.previousOwner() == null ? "" : " from " + r.previousOwner().value());
  }

  /**
   * Check-and-reserve of a lead for an agent at an instant.
   *
   * @param lead the lead index
   * @param agent the agent index
   * @param at the instant index
   * @return the status, the refusing cap and the previous owner
   */
  @Operation
  public String reserve(@Param(gen = IntGen.class, conf = "0:2") int lead,
      @Param(gen = IntGen.class, conf = "0:1") int agent, @Param(gen = IntGen.class, conf = "0:1") int at) {
    return describe(ledger.reserve(RESERVE[lead][agent][at]));
  }

  /**
   * A manual reassignment within the caps.
   *
   * @param lead the lead index
   * @param agent the agent index
   * @param at the instant index
   * @return the status, the refusing cap and the previous owner
   */
  @Operation
  public String reassign(@Param(gen = IntGen.class, conf = "0:2") int lead,
      @Param(gen = IntGen.class, conf = "0:1") int agent, @Param(gen = IntGen.class, conf = "0:1") int at) {
    return describe(ledger.reserve(REASSIGN[lead][agent][at]));
  }

  /**
   * Releases a lead.
   *
   * @param lead the lead index
   * @return whether it had an owner
   */
  @Operation
  public boolean release(@Param(gen = IntGen.class, conf = "0:2") int lead) {
    return ledger.release(LEADS[lead]);
  }

  /**
   * A lead's owner.
   *
   * @param lead the lead index
   * @return the owner's id, or {@code -}
   */
  @Operation
  public String owner(@Param(gen = IntGen.class, conf = "0:2") int lead) {
    return ledger.owner(LEADS[lead]).map(AgentId::value).orElse("-");
  }

  /**
   * An agent's counters at an instant.
   *
   * @param agent the agent index
   * @param at the instant index
   * @return day, open and total
   */
  @Operation
  public String counters(@Param(gen = IntGen.class, conf = "0:1") int agent,
      @Param(gen = IntGen.class, conf = "0:1") int at) {
    AgentCounters c = ledger.counters(AGENTS[agent], AT[at], UTC);
    return c.day() + "/" + c.open() + "/" + c.total();
  }

  /**
   * An agent's counters in the scope.
   *
   * @param agent the agent index
   * @return assigned, credits and last eligible step
   */
  @Operation
  public String scopeCounters(@Param(gen = IntGen.class, conf = "0:1") int agent) {
    ScopeCounters c = ledger.scopeCounters(SCOPE, AGENTS[agent]);
    return c.assigned() + "/" + c.credits() + "/" + c.lastEligibleStep();
  }

  /**
   * Records a decision step with calibration credits.
   *
   * @param members which members were eligible: a0, a1 or both
   * @return the step before
   */
  @Operation
  public long recordStep(@Param(gen = IntGen.class, conf = "0:2") int members) {
    return ledger.recordStep(SCOPE, MEMBERS[members], CREDITS[members]);
  }

  /** Each thread's batch of both agents in the scope, asked again by {@link #readAgain}, as the engine asks it. */
  private final ThreadLocal<io.github.crmkit.routing.port.CandidateCounters> batches = ThreadLocal.withInitial(() -> {
    var batch = new io.github.crmkit.routing.port.CandidateCounters(2).request(AT[0], SCOPE,
        io.github.crmkit.routing.port.CandidateCounters.DAY);
    for (AgentId agent : AGENTS) {
      batch.add(agent, UTC);
    }
    return batch;
  });

  /**
   * Both agents' day, backlog and total counts and scope counters, read through this thread's batch asked again: the
   * second read of a thread runs without the ledger's lock when nothing changed the batch.
   *
   * @param at the instant index
   * @return the counters
   */
  @Operation
  public String readAgain(@Param(gen = IntGen.class, conf = "0:1") int at) {
    var batch = batches.get().requestAgain(AT[at]);
    ledger.read(batch);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < AGENTS.length; i++) {
      out.append(batch.day(i)).append('/').append(batch.open(i)).append('/').append(batch.total(i)).append('/')
          .append(batch.scopeAssigned(i)).append('/').append(batch.scopeCredits(i)).append('/')
          .append(batch.scopeLastEligibleStep(i)).append(' ');
    }
    return out.append(batch.scopeStep()).toString();
  }

  @Test
  void modelChecking() {
    new ModelCheckingOptions().iterations(20).invocationsPerIteration(30).actorsBefore(1).actorsPerThread(2)
        .actorsAfter(1)
        // besides the random scenarios, the ones where a reader sees a reservation, reassignment or release half
        // done if the ledger changes the owner, the counters and the scope count under different locks
        .addCustomScenario(scenario(List.of(),
            List.of(List.of(op("reserve", 1, 0, 0)), List.of(op("owner", 1), op("scopeCounters", 0)))))
        .addCustomScenario(scenario(List.of(op("reserve", 0, 0, 0)),
            List.of(List.of(op("reassign", 0, 1, 0)), List.of(op("owner", 0), op("counters", 0, 0)))))
        .addCustomScenario(scenario(List.of(op("reserve", 2, 1, 0)),
            List.of(List.of(op("release", 2)), List.of(op("owner", 2), op("counters", 1, 0)))))
        // a read without the lock (the second of a thread) while another thread reserves, releases or steps
        .addCustomScenario(scenario(List.of(op("reserve", 0, 0, 0)),
            List.of(List.of(op("reserve", 1, 0, 0), op("release", 0)),
                List.of(op("readAgain", 0), op("readAgain", 0)))))
        .addCustomScenario(scenario(List.of(op("reserve", 0, 1, 0)),
            List.of(List.of(op("recordStep", 2), op("reassign", 0, 0, 0)),
                List.of(op("readAgain", 0), op("readAgain", 0)))))
        // each call of these is atomic (a linearizable map; maps and values used under a lock or immutable): no
        // interleaving between the ledger's own steps is lost, and the checker has far fewer switch points
        .addGuarantee(forClasses(ConcurrentHashMap.class.getName(), HashMap.class.getName()).allMethods()
            .treatAsAtomic())
        .addGuarantee(forClasses(c -> c.startsWith("java.time.") || c.startsWith("io.github.crmkit.model."))
            .allMethods().treatAsAtomic())
        .check(getClass());
  }

  private static ExecutionScenario scenario(List<Actor> initial, List<List<Actor>> parallel) {
    return new ExecutionScenario(initial, parallel, List.of(), null);
  }

  private static Actor op(String name, Object... args) {
    for (Method m : AssignmentLedgerLincheckTest.class.getMethods()) {
      if (m.getName().equals(name)) {
        return new Actor(m, List.of(args));
      }
    }
    throw new IllegalArgumentException("no operation " + name);
  }

  @Test
  void stress() {
    new StressOptions().iterations(10).invocationsPerIteration(100).actorsBefore(1).actorsPerThread(2).actorsAfter(1)
        .check(getClass());
  }
}
