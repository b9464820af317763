package io.github.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AgentKind;
import io.github.crmkit.model.Customer;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadRating;
import io.github.crmkit.model.Team;
import io.github.crmkit.model.Territory;
import io.github.crmkit.model.TerritoryId;
import io.github.crmkit.model.Transaction;
import io.github.crmkit.model.TransactionId;
import io.github.crmkit.model.TransactionKind;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticDataTest {
  private static SyntheticData data(long seed) {
    return SyntheticData.builder()
        .purchases(SyntheticPurchases.builder().seed(seed).customers(500)
            .buyingProcess(BuyingProcess.bgNbd(0.243, 4.414, 0.793, 2.426)).returnProbability(0.05).build())
        .leads(2000).salesReps(15).build();
  }

  @Test
  void transactionsMatchThePrimitiveStreamOneToOne() {
    SyntheticData data = data(1);
    List<Transaction> transactions = data.transactions().toList();
    PurchaseCursor cursor = data.purchases().cursor();
    Map<TransactionId, Transaction> sales = new HashMap<>();
    for (Transaction t : transactions) {
      assertThat(cursor.next()).isTrue();
      assertThat(t.id().value()).isEqualTo("T-" + cursor.serial());
      assertThat(t.customer().value()).isEqualTo("C-" + cursor.customer());
      assertThat(t.occurredAt().getEpochSecond()).isEqualTo(cursor.epochSecond());
      assertThat(t.total().amount().movePointRight(2).longValueExact()).isEqualTo(cursor.amountCents());
      assertThat(t.kind() == TransactionKind.RETURN).isEqualTo(cursor.isReturn());
      if (t.kind() == TransactionKind.SALE) {
        sales.put(t.id(), t);
      } else {
        Transaction sale = sales.get(t.originalTransaction().orElseThrow());
        assertThat(sale).isNotNull();
        assertThat(sale.customer()).isEqualTo(t.customer());
      }
    }
    assertThat(cursor.next()).isFalse();
    assertThat(transactions.stream().filter(t -> t.kind() == TransactionKind.RETURN).count()).isPositive();
  }

  @Test
  void customersAreCreatedAtTheirFirstPurchase() {
    SyntheticData data = data(2);
    Map<String, Transaction> first = new HashMap<>();
    data.transactions().forEach(t -> first.putIfAbsent(t.customer().value(), t));
    List<Customer> customers = data.customers().toList();
    assertThat(customers).hasSize(500);
    for (Customer c : customers) {
      assertThat(c.createdAt()).isEqualTo(first.get(c.id().value()).occurredAt());
    }
    assertThat(data.customer(7)).isEqualTo(data(2).customer(7));
  }

  @Test
  void salesOrganisationIsConsistent() {
    SyntheticData data = data(3);
    List<Territory> territories = data.territories();
    Set<TerritoryId> territoryIds = territories.stream().map(Territory::id).collect(Collectors.toSet());
    Set<TerritoryId> seen = new HashSet<>();
    for (Territory t : territories) {
      t.parent().ifPresent(p -> assertThat(seen).as("parent of %s listed before it", t.id()).contains(p));
      seen.add(t.id());
    }
    Set<Object> teamIds = data.teams().stream().map(Team::id).collect(Collectors.toSet());
    List<Agent> agents = data.agents();
    Set<Object> agentIds = agents.stream().map(Agent::id).collect(Collectors.toSet());
    Map<AgentKind, Integer> kinds = new EnumMap<>(AgentKind.class);
    for (Agent a : agents) {
      assertThat(territoryIds).containsAll(a.territories());
      a.team().ifPresent(team -> assertThat(teamIds).contains(team));
      a.reportsTo().ifPresent(m -> assertThat(agentIds).contains(m));
      kinds.merge(a.kind(), 1, Integer::sum);
    }
    assertThat(kinds).containsEntry(AgentKind.SALES_REP, 15).containsEntry(AgentKind.REGIONAL_MANAGER, 4)
        .containsEntry(AgentKind.DEALER, 7).containsEntry(AgentKind.DISTRIBUTOR, 1).containsEntry(AgentKind.QUEUE, 1);
    assertThat(agentIds).hasSize(agents.size());
    assertThat(data.agents()).isEqualTo(agents);
  }

  @Test
  void leadsAreInOrderOfReceiptWithTheAdvertisedRatingMix() {
    List<Lead> leads = data(4).leads().toList();
    assertThat(leads).hasSize(2000);
    Map<LeadRating, Long> ratings = leads.stream()
        .collect(Collectors.groupingBy(l -> l.rating().orElseThrow(), Collectors.counting()));
    // 20% / 40% / 40% of 2,000: binomial standard deviation about 18 to 22, so +-100 is about 5 sd
    assertThat(ratings.get(LeadRating.HOT)).isBetween(300L, 500L);
    assertThat(ratings.get(LeadRating.WARM)).isBetween(700L, 900L);
    assertThat(ratings.get(LeadRating.COLD)).isBetween(700L, 900L);
    assertThat(leads.stream().map(Lead::id).distinct().count()).isEqualTo(2000);
    for (Lead l : leads) {
      assertThat(l.productGroupInterests()).isNotEmpty();
      double score = l.score().orElseThrow();
      switch (l.rating().orElseThrow()) {
        case HOT -> assertThat(score).isBetween(70.0, 100.0);
        case WARM -> assertThat(score).isBetween(40.0, 69.0);
        default -> assertThat(score).isBetween(0.0, 39.0);
      }
    }
  }

  @Test
  void buildingWithoutPurchasesFails() {
    assertThatThrownBy(() -> SyntheticData.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("purchases");
    assertThatThrownBy(() -> SyntheticData.builder().leads(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leads");
  }
}
