package io.github.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.Money;
import io.github.crmkit.model.Opportunity;
import io.github.crmkit.model.OpportunityId;
import io.github.crmkit.model.port.OpportunityQuery;
import io.github.crmkit.model.port.OpportunityRepository;
import io.github.crmkit.testkit.ModelGenerators;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link OpportunityRepository}. Subclass it and implement {@link #newRepository()}.
 */
public abstract class OpportunityRepositoryContract {
  /** Creates the contract. */
  protected OpportunityRepositoryContract() {}

  /**
   * Returns a new, empty repository.
   *
   * @return the repository under test
   */
  protected abstract OpportunityRepository newRepository();

  private static Opportunity opportunity(String id, String customer, String owner, String stage) {
    Opportunity.Builder b = Opportunity.builder().id(OpportunityId.of(id)).customer(CustomerId.of(customer))
        .name("Deal " + id).amount(Money.of("1000.00", "CNY")).stageId(stage).probability(0.5)
        .expectedCloseDate(LocalDate.of(2025, 6, 30)).createdAt(Instant.parse("2025-01-01T00:00:00Z"));
    if (owner != null) {
      b.owner(AgentId.of(owner));
    }
    return b.build();
  }

  private static List<String> ids(Stream<Opportunity> stream) {
    try (stream) {
      return stream.map(o -> o.id().value()).toList();
    }
  }

  @Test
  void emptyRepositoryFindsNothing() {
    OpportunityRepository repository = newRepository();
    assertThat(repository.findById(OpportunityId.of("O-1"))).isEmpty();
    assertThat(repository.count()).isZero();
  }

  @Test
  void savedOpportunityIsFoundEqualAndReplacedById() {
    OpportunityRepository repository = newRepository();
    Opportunity first = opportunity("O-1", "C-1", null, "qualify");
    repository.save(first);
    assertThat(repository.findById(OpportunityId.of("O-1"))).contains(first);
    Opportunity moved = opportunity("O-1", "C-1", "A-1", "proposal");
    repository.save(moved);
    assertThat(repository.findById(OpportunityId.of("O-1"))).contains(moved);
    assertThat(repository.count()).isEqualTo(1);
  }

  @Test
  void findFiltersByEveryCriterionAndOrdersById() {
    OpportunityRepository repository = newRepository();
    repository.save(opportunity("O-2", "C-1", "A-1", "proposal"));
    repository.save(opportunity("O-1", "C-1", null, "qualify"));
    repository.save(opportunity("O-3", "C-2", "A-1", "proposal"));
    assertThat(ids(repository.find(OpportunityQuery.all()))).containsExactly("O-1", "O-2", "O-3");
    assertThat(ids(repository.find(OpportunityQuery.builder().customer(CustomerId.of("C-1")).build())))
        .containsExactly("O-1", "O-2");
    assertThat(ids(repository.find(OpportunityQuery.builder().owner(AgentId.of("A-1")).stageId("proposal").build())))
        .containsExactly("O-2", "O-3");
    assertThat(ids(repository.find(OpportunityQuery.builder().stageId("negotiation").build()))).isEmpty();
  }

  @Test
  void behavesLikeASortedMapUnderRandomSaves() {
    for (long seed = 1; seed <= 5; seed++) {
      OpportunityRepository repository = newRepository();
      RepositoryContractSupport.behavesLikeASortedMap(seed, ModelGenerators::opportunity, Opportunity::id,
          (o, id) -> o.toBuilder().id(id).build(), repository::save, repository::findById,
          () -> repository.find(OpportunityQuery.all()), repository::count);
    }
  }
}
