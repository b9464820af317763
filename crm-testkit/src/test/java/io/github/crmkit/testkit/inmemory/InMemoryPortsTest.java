package io.github.crmkit.testkit.inmemory;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.DomainEvent;
import io.github.crmkit.model.Interaction;
import io.github.crmkit.model.Team;
import io.github.crmkit.model.Territory;
import io.github.crmkit.model.Transaction;
import io.github.crmkit.model.port.AgentDirectory;
import io.github.crmkit.model.port.ConsentRegistry;
import io.github.crmkit.model.port.CustomerRepository;
import io.github.crmkit.model.port.DomainEventPublisher;
import io.github.crmkit.model.port.InteractionSource;
import io.github.crmkit.model.port.LeadRepository;
import io.github.crmkit.model.port.OpportunityRepository;
import io.github.crmkit.model.port.TransactionSource;
import io.github.crmkit.testkit.contract.AgentDirectoryContract;
import io.github.crmkit.testkit.contract.ConsentRegistryContract;
import io.github.crmkit.testkit.contract.CustomerRepositoryContract;
import io.github.crmkit.testkit.contract.DomainEventPublisherContract;
import io.github.crmkit.testkit.contract.InteractionSourceContract;
import io.github.crmkit.testkit.contract.LeadRepositoryContract;
import io.github.crmkit.testkit.contract.OpportunityRepositoryContract;
import io.github.crmkit.testkit.contract.TransactionSourceContract;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** The in-memory ports pass their contracts. */
class InMemoryPortsTest {
  @Nested
  class Customers extends CustomerRepositoryContract {
    @Override
    protected CustomerRepository newRepository() {
      return new InMemoryCustomerRepository();
    }
  }

  @Nested
  class Leads extends LeadRepositoryContract {
    @Override
    protected LeadRepository newRepository() {
      return new InMemoryLeadRepository();
    }
  }

  @Nested
  class Opportunities extends OpportunityRepositoryContract {
    @Override
    protected OpportunityRepository newRepository() {
      return new InMemoryOpportunityRepository();
    }
  }

  @Nested
  class Transactions extends TransactionSourceContract {
    @Override
    protected TransactionSource newSource(List<Transaction> transactions) {
      return InMemoryTransactionSource.of(transactions);
    }
  }

  @Nested
  class Interactions extends InteractionSourceContract {
    @Override
    protected InteractionSource newSource(List<Interaction> interactions) {
      return InMemoryInteractionSource.of(interactions);
    }
  }

  @Nested
  class Agents extends AgentDirectoryContract {
    @Override
    protected AgentDirectory newDirectory(List<Agent> agents, List<Team> teams, List<Territory> territories) {
      return InMemoryAgentDirectory.of(agents, teams, territories);
    }
  }

  @Nested
  class Events extends DomainEventPublisherContract {
    private RecordingEventPublisher publisher;

    @Override
    protected DomainEventPublisher newPublisher() {
      publisher = new RecordingEventPublisher();
      return publisher;
    }

    @Override
    protected List<DomainEvent> delivered() {
      return publisher.events();
    }
  }

  @Nested
  class Consents extends ConsentRegistryContract {
    @Override
    protected ConsentRegistry newRegistry(Clock clock) {
      return new InMemoryConsentRegistry(clock);
    }
  }
}
