package io.github.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.model.LeadStatus;
import io.github.crmkit.model.TerritoryId;
import io.github.crmkit.model.port.LeadQuery;
import io.github.crmkit.model.port.LeadRepository;
import io.github.crmkit.testkit.ModelGenerators;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link LeadRepository}. Subclass it and implement {@link #newRepository()}.
 */
public abstract class LeadRepositoryContract {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  /** Creates the contract. */
  protected LeadRepositoryContract() {}

  /**
   * Returns a new, empty repository.
   *
   * @return the repository under test
   */
  protected abstract LeadRepository newRepository();

  private static Lead lead(String id, LeadStatus status, String owner, String territory, Instant received) {
    Lead.Builder b = Lead.builder().id(LeadId.of(id)).sourceChannel("web-form").receivedAt(received).status(status);
    if (owner != null) {
      b.owner(AgentId.of(owner));
    }
    if (territory != null) {
      b.territory(TerritoryId.of(territory));
    }
    return b.build();
  }

  private static List<String> ids(Stream<Lead> stream) {
    try (stream) {
      return stream.map(l -> l.id().value()).toList();
    }
  }

  @Test
  void emptyRepositoryFindsNothing() {
    LeadRepository repository = newRepository();
    assertThat(repository.findById(LeadId.of("L-1"))).isEmpty();
    assertThat(repository.count()).isZero();
    assertThat(ids(repository.find(LeadQuery.all()))).isEmpty();
  }

  @Test
  void savedLeadIsFoundEqualAndReplacedById() {
    LeadRepository repository = newRepository();
    Lead first = lead("L-1", LeadStatus.NEW, null, null, T0);
    repository.save(first);
    assertThat(repository.findById(LeadId.of("L-1"))).contains(first);
    Lead assigned = lead("L-1", LeadStatus.ASSIGNED, "A-1", "T-1", T0);
    repository.save(assigned);
    assertThat(repository.findById(LeadId.of("L-1"))).contains(assigned);
    assertThat(repository.count()).isEqualTo(1);
  }

  @Test
  void findFiltersByEveryCriterionAndOrdersById() {
    LeadRepository repository = newRepository();
    repository.save(lead("L-3", LeadStatus.WORKING, "A-1", "T-1", T0.plusSeconds(30)));
    repository.save(lead("L-1", LeadStatus.NEW, null, "T-1", T0));
    repository.save(lead("L-2", LeadStatus.POOLED, null, "T-2", T0.plusSeconds(10)));
    repository.save(lead("L-4", LeadStatus.WORKING, "A-2", null, T0.plusSeconds(20)));

    assertThat(ids(repository.find(LeadQuery.all()))).containsExactly("L-1", "L-2", "L-3", "L-4");
    assertThat(ids(repository.find(LeadQuery.builder().status(LeadStatus.WORKING).build())))
        .containsExactly("L-3", "L-4");
    assertThat(ids(repository.find(LeadQuery.builder().owner(AgentId.of("A-1")).build()))).containsExactly("L-3");
    assertThat(ids(repository.find(LeadQuery.builder().territory(TerritoryId.of("T-1")).build())))
        .containsExactly("L-1", "L-3");
    assertThat(ids(repository.find(
        LeadQuery.builder().receivedFrom(T0.plusSeconds(10)).receivedBefore(T0.plusSeconds(30)).build())))
        .containsExactly("L-2", "L-4");
  }

  @Test
  void behavesLikeASortedMapUnderRandomSaves() {
    for (long seed = 1; seed <= 5; seed++) {
      LeadRepository repository = newRepository();
      RepositoryContractSupport.behavesLikeASortedMap(seed, ModelGenerators::lead, Lead::id,
          (l, id) -> l.toBuilder().id(id).build(), repository::save, repository::findById,
          () -> repository.find(LeadQuery.all()), repository::count);
    }
  }
}
