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
  void askedAgainKeepsTheCandidatesScopeWindowsAndHandlesAndResetsEveryCounter() {
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

    Instant later = AT.plusSeconds(60);
    assertThat(batch.requestAgain(later)).isSameAs(batch);

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
    for (int i = 0; i < 2; i++) {
      assertThat(batch.counters(i)).isEqualTo(new AgentCounters(0, 0, 0, 0, 0, null, 0));
      assertThat(batch.scopeCounters(i)).isEqualTo(new ScopeCounters(0, 0, -1));
    }
    assertThat(batch.scopeStep()).isZero();
  }

  @Test
  void askedAgainLeavesTheCountersAsAddingTheSameCandidatesAnewWould() {
    CandidateCounters again = new CandidateCounters(1).request(AT, null);
    again.add(A, ZoneOffset.UTC);
    again.setCounters(0, 1, 1, 1, 1, 1, 5, 1);
    again.requestAgain(AT);
    CandidateCounters fresh = new CandidateCounters(1).request(AT, null);
    fresh.add(A, ZoneOffset.UTC);
    assertThat(again.counters(0)).isEqualTo(fresh.counters(0));
    assertThat(again.scopeCounters(0)).isEqualTo(fresh.scopeCounters(0));
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
