package io.github.crmkit.model.port;

import static io.github.crmkit.model.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.Customer;
import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.Fixtures;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadStatus;
import io.github.crmkit.model.Opportunity;
import io.github.crmkit.model.TerritoryId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The reference semantics of {@link CustomerQuery}, {@link LeadQuery} and {@link OpportunityQuery}. */
class QueryMatchesTest {
  private static final AgentId A1 = AgentId.of("A-1");
  private static final AgentId A2 = AgentId.of("A-2");
  private static final Instant T1 = T0.plusSeconds(3600);

  // CustomerQuery

  private static Customer customer(Instant createdAt) {
    return Fixtures.person().createdAt(createdAt).owner(A1).addTag("vip").addTag("b2c").build();
  }

  @Test
  void emptyCustomerQueryMatchesEverything() {
    assertThat(CustomerQuery.all().matches(customer(T0))).isTrue();
    assertThat(CustomerQuery.all().matches(Fixtures.person().build())).isTrue();
    assertThat(CustomerQuery.builder().build()).isEqualTo(CustomerQuery.all());
  }

  @Test
  void customerQueryByOwner() {
    assertThat(CustomerQuery.builder().owner(A1).build().matches(customer(T0))).isTrue();
    assertThat(CustomerQuery.builder().owner(A2).build().matches(customer(T0))).isFalse();
    assertThat(CustomerQuery.builder().owner(A1).build().matches(Fixtures.person().build())).isFalse();
  }

  @Test
  void customerQueryByTag() {
    assertThat(CustomerQuery.builder().tag("vip").build().matches(customer(T0))).isTrue();
    assertThat(CustomerQuery.builder().tag("b2b").build().matches(customer(T0))).isFalse();
    assertThat(CustomerQuery.builder().tag("VIP").build().matches(customer(T0))).isFalse();
  }

  @Test
  void customerCreationRangeIsHalfOpen() {
    CustomerQuery range = CustomerQuery.builder().createdFrom(T0).createdBefore(T1).build();
    assertThat(range.matches(customer(T0.minusNanos(1)))).isFalse();
    assertThat(range.matches(customer(T0))).isTrue();
    assertThat(range.matches(customer(T1.minusNanos(1)))).isTrue();
    assertThat(range.matches(customer(T1))).isFalse();
    assertThat(CustomerQuery.builder().createdFrom(T1).build().matches(customer(Instant.MAX))).isTrue();
    assertThat(CustomerQuery.builder().createdBefore(T1).build().matches(customer(Instant.MIN))).isTrue();
  }

  @Test
  void customerCriteriaCombineWithAnd() {
    CustomerQuery query = CustomerQuery.builder().owner(A1).tag("vip").createdFrom(T0).createdBefore(T1).build();
    assertThat(query.matches(customer(T0))).isTrue();
    assertThat(query.matches(customer(T1))).isFalse();
    assertThat(CustomerQuery.builder().from(query).tag("b2b").build().matches(customer(T0))).isFalse();
    assertThat(CustomerQuery.builder().from(query).owner(A2).build().matches(customer(T0))).isFalse();
  }

  // LeadQuery

  private static Lead lead(LeadStatus status, AgentId owner, Instant receivedAt) {
    Lead.Builder b = Fixtures.lead().status(status).receivedAt(receivedAt).territory(TerritoryId.of("T-EAST"));
    if (owner != null) {
      b.owner(owner);
    }
    return b.build();
  }

  @Test
  void emptyLeadQueryMatchesEverything() {
    assertThat(LeadQuery.all().matches(Fixtures.lead().build())).isTrue();
    assertThat(LeadQuery.all().matches(lead(LeadStatus.POOLED, null, T0))).isTrue();
  }

  @Test
  void leadQueryByStatusOwnerAndTerritory() {
    Lead working = lead(LeadStatus.WORKING, A1, T0);
    assertThat(LeadQuery.builder().status(LeadStatus.WORKING).build().matches(working)).isTrue();
    assertThat(LeadQuery.builder().status(LeadStatus.ASSIGNED).build().matches(working)).isFalse();
    assertThat(LeadQuery.builder().owner(A1).build().matches(working)).isTrue();
    assertThat(LeadQuery.builder().owner(A2).build().matches(working)).isFalse();
    assertThat(LeadQuery.builder().owner(A1).build().matches(lead(LeadStatus.NEW, null, T0))).isFalse();
    assertThat(LeadQuery.builder().territory(TerritoryId.of("T-EAST")).build().matches(working)).isTrue();
    assertThat(LeadQuery.builder().territory(TerritoryId.of("T-WEST")).build().matches(working)).isFalse();
    assertThat(LeadQuery.builder().territory(TerritoryId.of("T-EAST")).build().matches(Fixtures.lead().build()))
        .isFalse();
    assertThat(LeadQuery.builder().status(LeadStatus.WORKING).owner(A2).build().matches(working)).isFalse();
  }

  @Test
  void leadReceiptRangeIsHalfOpen() {
    LeadQuery range = LeadQuery.builder().receivedFrom(T0).receivedBefore(T1).build();
    assertThat(range.matches(lead(LeadStatus.NEW, null, T0.minusNanos(1)))).isFalse();
    assertThat(range.matches(lead(LeadStatus.NEW, null, T0))).isTrue();
    assertThat(range.matches(lead(LeadStatus.NEW, null, T1.minusNanos(1)))).isTrue();
    assertThat(range.matches(lead(LeadStatus.NEW, null, T1))).isFalse();
  }

  // OpportunityQuery

  @Test
  void opportunityQuery() {
    Opportunity o = Fixtures.opportunity().owner(A1).build();
    assertThat(OpportunityQuery.all().matches(o)).isTrue();
    assertThat(OpportunityQuery.builder().customer(CustomerId.of("C-1")).build().matches(o)).isTrue();
    assertThat(OpportunityQuery.builder().customer(CustomerId.of("C-2")).build().matches(o)).isFalse();
    assertThat(OpportunityQuery.builder().owner(A1).build().matches(o)).isTrue();
    assertThat(OpportunityQuery.builder().owner(A2).build().matches(o)).isFalse();
    assertThat(OpportunityQuery.builder().owner(A1).build().matches(Fixtures.opportunity().build())).isFalse();
    assertThat(OpportunityQuery.builder().stageId("proposal").build().matches(o)).isTrue();
    assertThat(OpportunityQuery.builder().stageId("negotiation").build().matches(o)).isFalse();
    assertThat(OpportunityQuery.builder().customer(CustomerId.of("C-1")).owner(A1).stageId("negotiation").build()
        .matches(o)).isFalse();
    assertThat(OpportunityQuery.builder().customer(CustomerId.of("C-1")).owner(A1).stageId("proposal").build()
        .matches(o)).isTrue();
  }
}
