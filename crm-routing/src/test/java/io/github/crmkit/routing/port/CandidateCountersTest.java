package io.github.crmkit.routing.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.AgentId;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CandidateCountersTest {
  private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
  private static final AgentId A = AgentId.of("a");
  private static final AgentId B = AgentId.of("b");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void askedAgainKeepsTheCandidatesScopeWindowsHandlesAndCountersAndCountsNoChange() {
    CandidateCounters batch = new CandidateCounters(2).request(AT, "pool:p", CandidateCounters.DAY);
    batch.add(A, ZoneOffset.UTC);
    batch.add(B, SHANGHAI);
    Object handle = new Object();
    batch.setHandle(1, handle);
    batch.setCounters(0, 1, 2, 3, 4, 5, AT.toEpochMilli(), 6);
    batch.setCounters(1, 7, 8, 9, 10, 11, AT.toEpochMilli() - 1, 12);
    batch.setScopeCounters(0, 13, 14, 15);
    batch.setScopeCounters(1, 16, 17, 18);
    batch.setScopeStep(19);
    long modifications = batch.modifications();

    Instant later = AT.plusSeconds(60);
    assertThat(batch.requestAgain(later)).isSameAs(batch);

    assertThat(batch.modifications()).isEqualTo(modifications);
    assertThat(batch.at()).isEqualTo(later);
    assertThat(batch.atEpochMilli()).isEqualTo(later.toEpochMilli());
    assertThat(batch.size()).isEqualTo(2);
    assertThat(batch.scope()).isEqualTo("pool:p");
    assertThat(batch.windows()).isEqualTo(CandidateCounters.DAY);
    assertThat(batch.agent(0)).isSameAs(A);
    assertThat(batch.agent(1)).isSameAs(B);
    assertThat(batch.zone(1)).isEqualTo(SHANGHAI);
    assertThat(batch.handle(0)).isNull();
    assertThat(batch.handle(1)).isSameAs(handle);
    assertThat(batch.counters(0)).isEqualTo(new AgentCounters(1, 2, 3, 4, 5, AT, 6));
    assertThat(batch.counters(1)).isEqualTo(new AgentCounters(7, 8, 9, 10, 11, AT.minusMillis(1), 12));
    assertThat(batch.scopeCounters(1)).isEqualTo(new ScopeCounters(16, 17, 18));
    assertThat(batch.scopeStep()).isEqualTo(19);
  }

  @Test
  void countersSetBeforeTheBatchGrowsAreKeptWhenItGrows() {
    // room for one: the second, third and fifth candidates make it grow, with counters already set
    CandidateCounters batch = new CandidateCounters(1).request(AT, "pool:p");
    for (int i = 0; i < 5; i++) {
      assertThat(batch.add(AgentId.of("g" + i), ZoneOffset.UTC)).isEqualTo(i);
      batch.setCounters(i, 10 * i + 1, 10 * i + 2, 10 * i + 3, 10 * i + 4, 10 * i + 5, 1_000L + i, 10L * i + 6);
      batch.setScopeCounters(i, 10L * i + 7, 10L * i + 8, 10L * i + 9);
    }
    for (int i = 0; i < 5; i++) {
      assertThat(batch.counters(i)).as("candidate %d", i).isEqualTo(new AgentCounters(10 * i + 1, 10 * i + 2,
          10 * i + 3, 10 * i + 4, 10 * i + 5, Instant.ofEpochMilli(1_000L + i), 10L * i + 6));
      assertThat(batch.scopeCounters(i)).as("candidate %d", i)
          .isEqualTo(new ScopeCounters(10L * i + 7, 10L * i + 8, 10L * i + 9));
      assertThat(batch.agent(i)).isEqualTo(AgentId.of("g" + i));
    }
    // a new candidate starts as an agent never seen, whatever stood at its position before
    batch.request(AT, "pool:p");
    batch.add(AgentId.of("g0"), ZoneOffset.UTC);
    batch.add(AgentId.of("h1"), ZoneOffset.UTC);
    assertThat(batch.counters(1)).isEqualTo(new AgentCounters(0, 0, 0, 0, 0, null, 0));
    assertThat(batch.scopeCounters(1)).isEqualTo(new ScopeCounters(0, 0, -1));
  }

  @Test
  void everyChangeButAskingAgainIsCounted() {
    CandidateCounters batch = new CandidateCounters(1);
    long before = batch.modifications();
    batch.request(AT, "s");
    assertThat(batch.modifications()).isGreaterThan(before);
    java.util.List<Runnable> changes = java.util.List.of(() -> batch.add(A, ZoneOffset.UTC),
        () -> batch.setHandle(0, "h"), () -> batch.setCounters(0, 1, 1, 1, 1, 1, 1, 1),
        () -> batch.setScopeCounters(0, 1, 1, 1), () -> batch.setScopeStep(2), () -> batch.request(AT, "s"));
    for (Runnable change : changes) {
      long seen = batch.modifications();
      change.run();
      assertThat(batch.modifications()).isGreaterThan(seen);
    }
    long seen = batch.modifications();
    batch.requestAgain(AT.plusSeconds(1));
    assertThat(batch.modifications()).isEqualTo(seen);
  }

  @Test
  void aRefusedCandidateIsNotAdded() {
    CandidateCounters batch = new CandidateCounters(1).request(AT, null);
    org.assertj.core.api.Assertions.assertThatNullPointerException().isThrownBy(() -> batch.add(null, ZoneOffset.UTC));
    org.assertj.core.api.Assertions.assertThatNullPointerException().isThrownBy(() -> batch.add(A, null));
    assertThat(batch.size()).isZero();
  }

  @Test
  void keepsTheInstantToTheNanosecondAndSaysWhetherARequestWasStarted() {
    CandidateCounters batch = new CandidateCounters(1);
    assertThat(batch.requested()).isFalse();
    assertThat(batch.at()).isNull();
    Instant precise = Instant.parse("2026-03-02T09:00:00.123456789Z");
    batch.request(precise, null);
    assertThat(batch.requested()).isTrue();
    assertThat(batch.at()).isEqualTo(precise);
    assertThat(batch.atEpochMilli()).isEqualTo(precise.toEpochMilli());
    Instant before1970 = Instant.parse("1969-12-31T23:59:59.999999999Z");
    batch.requestAgain(before1970);
    assertThat(batch.at()).isEqualTo(before1970);
    assertThat(batch.atEpochMilli()).isEqualTo(-1L);
  }

  @Test
  void cannotBeAskedAgainBeforeAFirstRequestNorWithoutAnInstant() {
    CandidateCounters batch = new CandidateCounters(1);
    assertThatThrownBy(() -> batch.requestAgain(AT)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("earlier request");
    batch.request(AT, null);
    assertThatThrownBy(() -> batch.requestAgain(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("at");
  }
}
