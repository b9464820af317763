package io.github.crmkit.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.model.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FireTest {
  private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
  private final PipelineDefinition sales = LifecyclePresets.opportunityPipeline();
  private final PipelineDefinition leads = LifecyclePresets.leadLifecycle();
  private final PipelineDefinition tickets = LifecyclePresets.serviceTicketLifecycle();

  private static Supplier<String> ids() {
    AtomicInteger next = new AtomicInteger();
    return () -> "e" + next.incrementAndGet();
  }

  @Test
  void forwardMoveIsAcceptedWithItsStageChangedEvent() {
    TransitionContext context = TransitionContext.of("opp-1", AT).withActor("agent-7").withAmount(1200.5);
    FireResult result = sales.fire(sales.stage("needs_analysis"), sales.moveTo("proposal_quote"), context);
    assertThat(result.accepted()).isTrue();
    assertThat(result.stage().name()).isEqualTo("proposal_quote");
    assertThat(result.from().name()).isEqualTo("needs_analysis");
    assertThat(result.rejection()).isNull();
    assertThat(result.orThrow()).isSameAs(result);
    List<DomainEvent> events = result.domainEvents(ids());
    assertThat(events).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo("opportunity.stage-changed");
      assertThat(event.eventId()).isEqualTo("e1");
      assertThat(event.aggregateId()).isEqualTo("opp-1");
      assertThat(event.occurredAt()).isEqualTo(AT);
      assertThat(event.attributes()).containsEntry("from", AttributeValue.ofString("needs_analysis"))
          .containsEntry("to", AttributeValue.ofString("proposal_quote"))
          .containsEntry("pipeline", AttributeValue.ofString("sales"))
          .containsEntry("actor", AttributeValue.ofString("agent-7"))
          .containsEntry("event", AttributeValue.ofString("move:proposal_quote"));
    });
  }

  @Test
  void gatesAndLostReasons() {
    TransitionContext noAmount = TransitionContext.of("opp-1", AT);
    FireResult gated = sales.fire(sales.stage("needs_analysis"), sales.moveTo("proposal_quote"), noAmount);
    assertThat(gated.accepted()).isFalse();
    assertThat(gated.rejection()).isEqualTo(Rejection.REQUIRED_FIELD_MISSING);
    assertThat(gated.reason()).isEqualTo("REQUIRED_FIELD_MISSING: stage 'proposal_quote' requires field 'amount'");
    assertThat(gated.stage()).isSameAs(sales.stage("needs_analysis"));
    assertThat(gated.domainEvents(ids())).isEmpty();

    Stage negotiation = sales.stage("negotiation");
    assertThat(sales.fire(negotiation, sales.moveTo("lost"), noAmount).rejection())
        .isEqualTo(Rejection.LOST_REASON_REQUIRED);
    assertThat(sales.fire(negotiation, sales.moveTo("lost"), noAmount.withLostReason("weather")).rejection())
        .isEqualTo(Rejection.LOST_REASON_UNKNOWN);
    FireResult lost = sales.fire(negotiation, sales.moveTo("lost"), noAmount.withLostReason("price"));
    assertThat(lost.accepted()).isTrue();
    assertThat(lost.domainEvents(ids()).get(0).attributes()).containsEntry("lost_reason",
        AttributeValue.ofString("price"));
  }

  @Test
  void policyRejectionsAndReopen() {
    TransitionContext context = TransitionContext.of("opp-2", AT).withAmount(10);
    Stage contract = sales.stage("contract");
    assertThat(sales.fire(contract, sales.moveTo("needs_analysis"), context).rejection())
        .isEqualTo(Rejection.REOPEN_REQUIRED);
    assertThat(sales.fire(contract, sales.reopenTo("needs_analysis"), context).stage().name())
        .isEqualTo("needs_analysis");
    assertThat(sales.fire(contract, sales.moveTo("contract"), context).rejection())
        .isEqualTo(Rejection.ALREADY_IN_STAGE);
    Stage won = sales.stage("won");
    assertThat(sales.fire(won, sales.moveTo("negotiation"), context).rejection())
        .isEqualTo(Rejection.REOPEN_REQUIRED);
    assertThat(sales.fire(won, sales.reopenTo("negotiation"), context).accepted()).isTrue();
    // skipping stages forward is allowed
    assertThat(sales.fire(sales.entryStage(), sales.moveTo("won"), context).accepted()).isTrue();

    PipelineDefinition forward = PipelineDefinition.of("fwd", "opportunity", TransitionPolicy.FORWARD_ONLY,
        sales.stages(), List.of());
    assertThat(forward.fire(forward.stage("contract"), forward.reopenTo("needs_analysis"), context).rejection())
        .isEqualTo(Rejection.BACKWARD_NOT_ALLOWED);
    assertThat(forward.fire(forward.stage("won"), forward.reopenTo("contract"), context).rejection())
        .isEqualTo(Rejection.STAGE_IS_FINAL);
    PipelineDefinition free = PipelineDefinition.of("free", "opportunity", TransitionPolicy.FREE,
        sales.stages(), List.of());
    assertThat(free.fire(free.stage("won"), free.moveTo("contract"), context).accepted()).isTrue();
  }

  @Test
  void namedTransitionsOnly() {
    TransitionContext context = TransitionContext.of("lead-1", AT);
    assertThat(leads.fire(leads.stage("new"), leads.moveTo("qualified"), context).reason())
        .isEqualTo("NO_SUCH_TRANSITION: pipeline 'lead_lifecycle' allows named transitions only");
    FireResult wrongSource = leads.fire(leads.stage("new"), leads.event("convert"), context);
    assertThat(wrongSource.reason()).isEqualTo("NO_SUCH_TRANSITION: not from stage 'new'");
    assertThat(leads.fire("disqualified", leads.event("reopen"), context).stage().name()).isEqualTo("new");
    assertThat(leads.allowedEvents(leads.stage("qualified"))).extracting(LifecycleEvent::toString)
        .containsExactly("convert", "disqualify", "recycle");
    assertThatThrownBy(() -> leads.event("teleport")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pipeline 'lead_lifecycle' has no transition 'teleport'");
    assertThatThrownBy(() -> leads.fire(sales.entryStage(), leads.event("contact"), context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stage 'initial_contact' is not a stage of pipeline 'lead_lifecycle'");
    assertThatThrownBy(() -> leads.fire(leads.entryStage(), sales.moveTo("won"), context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event move:won is not an event of pipeline 'lead_lifecycle'");
  }

  @Test
  void leadConversionPublishesWhatTheHostMustCreate() {
    TransitionContext context = TransitionContext.of("lead-9", AT).withActor("agent-1");
    FireResult result = leads.fire(leads.stage("qualified"), leads.event("convert"), context).orThrow();
    assertThat(result.stage().kind()).isEqualTo(StageKind.WON);
    List<DomainEvent> events = result.domainEvents(ids());
    assertThat(events).extracting(DomainEvent::type).containsExactly("lead.stage-changed",
        "opportunity.create-requested", "customer.link-requested");
    assertThat(events).extracting(DomainEvent::eventId).containsExactly("e1", "e2", "e3");
    assertThat(events).allSatisfy(event -> {
      assertThat(event.aggregateType()).isEqualTo("lead");
      assertThat(event.aggregateId()).isEqualTo("lead-9");
    });
  }

  @Test
  void guardsOnNamedTransitions() {
    PipelineDefinition guarded = PipelineDefinition.of("g", "lead", TransitionPolicy.FORWARD_ONLY,
        leads.stages(), List.of(
            Transition.of("contact", "contacted", "new"),
            Transition.of("qualify", "qualified", "new").withGuards(Guard.present("budget"),
                Guard.atLeast("employees", 10)),
            Transition.of("convert", "converted", "qualified")
                .withGuards(new Guard("country", Guard.Operator.EQUALS, "DE")),
            Transition.of("disqualify", "disqualified"),
            Transition.of("recycle", "recycled")));
    Stage fresh = guarded.stage("new");
    TransitionContext context = TransitionContext.of("lead-2", AT);
    FireResult noBudget = guarded.fire(fresh, guarded.event("qualify"), context);
    assertThat(noBudget.reason()).isEqualTo("GUARD_FAILED: guard budget present fails");
    FireResult small = guarded.fire(fresh, guarded.event("qualify"),
        context.withFields(Map.of("budget", "yes", "employees", "9")));
    assertThat(small.reason()).isEqualTo("GUARD_FAILED: guard employees at_least 10.0 fails");
    assertThat(guarded.fire(fresh, guarded.event("qualify"),
        context.withFields(Map.of("budget", "yes", "employees", " 12 "))).accepted()).isTrue();
    assertThat(guarded.fire("qualified", guarded.event("convert"), context.withFields(Map.of("country", "FR")))
        .rejection()).isEqualTo(Rejection.GUARD_FAILED);
  }

  @Test
  void orThrowCarriesIdsNotPersonalData() {
    TransitionContext context = TransitionContext.of("opp-3", AT).withReason("Call Jane Doe at +1 555 0100")
        .withFields(Map.of("contact_email", "jane@example.com"));
    FireResult rejected = sales.fire(sales.stage("won"), sales.moveTo("contract"), context);
    assertThatThrownBy(rejected::orThrow).isInstanceOfSatisfying(TransitionRejectedException.class, e -> {
      assertThat(e.objectId()).isEqualTo("opp-3");
      assertThat(e.from()).isEqualTo("won");
      assertThat(e.event()).isEqualTo("move:contract");
      assertThat(e.rejection()).isEqualTo(Rejection.REOPEN_REQUIRED);
      assertThat(e.getMessage()).isEqualTo("event 'move:contract' rejected for object opp-3 in stage 'won':"
          + " REOPEN_REQUIRED").doesNotContain("Jane").doesNotContain("jane@");
    });
    assertThat(rejected.toString()).doesNotContain("Jane");
    assertThat(context.toString()).doesNotContain("Jane").doesNotContain("jane@");
  }

  @Test
  void ticketsBounceAndReopen() {
    TransitionContext context = TransitionContext.of("t-1", AT);
    Stage stage = tickets.entryStage();
    for (String event : List.of("assign", "wait_on_customer", "customer_replied", "resolve", "reopen", "assign",
        "resolve", "close", "reopen")) {
      stage = tickets.fire(stage, tickets.event(event), context).orThrow().stage();
    }
    assertThat(stage.name()).isEqualTo("reopened");
    assertThat(tickets.fire(stage, tickets.event("close"), context).rejection())
        .isEqualTo(Rejection.NO_SUCH_TRANSITION);
  }

  @Test
  void anObjectEntersAtTheEntryStageAndItsChangeIsTheFirstHistoryRow() {
    TransitionContext context = TransitionContext.of("lead-1", AT).withActor("agent-7");
    FireResult entered = leads.enter(context);
    assertThat(entered.accepted()).isTrue();
    assertThat(entered.isEntry()).isTrue();
    assertThat(entered.from()).isNull();
    assertThat(entered.event()).isNull();
    assertThat(entered.stage()).isSameAs(leads.entryStage());
    assertThat(entered.orThrow()).isSameAs(entered);

    StageChange first = StageChange.of(entered);
    assertThat(first.from()).isNull();
    assertThat(first.to()).isEqualTo(leads.entryStage().name());
    assertThat(first.pipeline()).isEqualTo(leads.name());
    assertThat(first.objectId()).isEqualTo("lead-1");
    assertThat(first.actor()).isEqualTo("agent-7");
    assertThat(first.at()).isEqualTo(AT);

    assertThat(entered.domainEvents(ids())).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo("lead.stage-changed");
      assertThat(event.attributes()).doesNotContainKey("from")
          .containsEntry("to", AttributeValue.ofString(leads.entryStage().name()))
          .containsEntry("event", AttributeValue.ofString("enter"))
          .containsEntry("pipeline", AttributeValue.ofString(leads.name()));
    });
    assertThat(entered.toString()).isEqualTo("FireResult[lead-1 enter - -> " + leads.entryStage().name() + "]");
    // fired events are not entries
    assertThat(sales.fire(sales.stage("needs_analysis"), sales.moveTo("proposal_quote"),
        TransitionContext.of("opp-1", AT).withAmount(1)).isEntry()).isFalse();
  }

  @Test
  void enteringALaterStageChecksItsGateAndLostReasons() {
    TransitionContext noAmount = TransitionContext.of("opp-9", AT);
    FireResult gated = sales.enter(sales.stage("proposal_quote"), noAmount);
    assertThat(gated.accepted()).isFalse();
    assertThat(gated.isEntry()).isTrue();
    assertThat(gated.rejection()).isEqualTo(Rejection.REQUIRED_FIELD_MISSING);
    assertThat(gated.reason()).isEqualTo("REQUIRED_FIELD_MISSING: stage 'proposal_quote' requires field 'amount'");
    assertThat(gated.stage()).isNull();
    assertThat(gated.domainEvents(ids())).isEmpty();
    assertThat(gated.toString()).isEqualTo("FireResult[opp-9 enter - -> proposal_quote, rejected: "
        + "REQUIRED_FIELD_MISSING]");
    assertThatThrownBy(gated::orThrow).isInstanceOf(TransitionRejectedException.class)
        .hasMessage("event 'enter' rejected for object opp-9 entering its pipeline: REQUIRED_FIELD_MISSING "
            + "(stage 'proposal_quote' requires field 'amount')")
        .satisfies(e -> assertThat(((TransitionRejectedException) e).from()).isNull());
    assertThatThrownBy(() -> StageChange.of(gated)).isInstanceOf(IllegalArgumentException.class);

    FireResult imported = sales.enter(sales.stage("proposal_quote"), noAmount.withAmount(5000));
    assertThat(imported.accepted()).isTrue();
    assertThat(StageChange.of(imported).amount()).isEqualTo(5000.0);
    assertThat(StageChange.of(imported).probability()).isEqualTo(sales.stage("proposal_quote").probability());

    assertThat(sales.enter(sales.stage("lost"), noAmount).rejection()).isEqualTo(Rejection.LOST_REASON_REQUIRED);
    assertThat(sales.enter(sales.stage("lost"), noAmount.withLostReason("weather")).rejection())
        .isEqualTo(Rejection.LOST_REASON_UNKNOWN);
    assertThat(sales.enter(sales.stage("lost"), noAmount.withLostReason("price")).accepted()).isTrue();

    assertThatThrownBy(() -> sales.enter(tickets.entryStage(), noAmount))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sales");
  }

  @Test
  void anEnteredObjectsHistoryStartsWithItsEntry() {
    StageHistory history = new StageHistory();
    FireResult entered = sales.enter(TransitionContext.of("opp-3", AT));
    history.append(StageChange.of(entered));
    FireResult next = sales.fire(entered.stage(), sales.moveTo("needs_analysis"),
        TransitionContext.of("opp-3", AT.plusSeconds(60)));
    assertThat(next.accepted()).isTrue();
    history.append(StageChange.of(next));
    assertThat(history.size()).isEqualTo(2);
  }
}
