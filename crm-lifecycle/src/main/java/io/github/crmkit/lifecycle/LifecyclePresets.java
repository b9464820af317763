package io.github.crmkit.lifecycle;

import java.util.List;

/**
 * Ready-made pipelines: a lead lifecycle, an opportunity pipeline and a service-ticket lifecycle. Each is an
 * ordinary {@link PipelineDefinition}; write it with {@link PipelineJson#write} to start a custom one.
 *
 * <p>Stateless and thread-safe.
 */
public final class LifecyclePresets {
  private LifecyclePresets() {}

  /**
   * The lead lifecycle {@code lead_lifecycle} (object type {@code lead}, named transitions, backward only by
   * reopen): {@code new}, {@code contacted} (stalls after 7 days), {@code qualified} (stalls after 14 days), then
   * {@code converted} (won; publishes {@code opportunity.create-requested} and {@code customer.link-requested}),
   * {@code disqualified} (lost) or {@code recycled} (closed: back to the pool). Transitions: {@code contact},
   * {@code qualify}, {@code convert}, {@code disqualify}, {@code recycle}, and {@code reopen} from disqualified or
   * recycled to new.
   *
   * @return the definition
   */
  public static PipelineDefinition leadLifecycle() {
    return PipelineDefinition.of("lead_lifecycle", "lead", TransitionPolicy.REOPEN_TO_GO_BACK, List.of(
        Stage.of("new", 0, StageKind.OPEN, 0.05, ForecastCategory.PIPELINE).withMaxDaysInStage(3),
        Stage.of("contacted", 1, StageKind.OPEN, 0.10, ForecastCategory.PIPELINE).withMaxDaysInStage(7),
        Stage.of("qualified", 2, StageKind.OPEN, 0.30, ForecastCategory.BEST_CASE).withMaxDaysInStage(14),
        Stage.of("converted", 3, StageKind.WON, 1.0, ForecastCategory.CLOSED)
            .withEmits("opportunity.create-requested", "customer.link-requested"),
        Stage.of("disqualified", 4, StageKind.LOST, 0.0, ForecastCategory.OMITTED),
        Stage.of("recycled", 5, StageKind.CLOSED, 0.0, ForecastCategory.OMITTED)),
        List.of(
            Transition.of("contact", "contacted", "new"),
            Transition.of("qualify", "qualified", "new", "contacted"),
            Transition.of("convert", "converted", "qualified"),
            Transition.of("disqualify", "disqualified", "new", "contacted", "qualified"),
            Transition.of("recycle", "recycled", "new", "contacted", "qualified"),
            Transition.reopen("reopen", "new", "disqualified", "recycled")));
  }

  /**
   * The opportunity pipeline {@code sales} (object type {@code opportunity}, direct moves, backward only by
   * reopen): {@code initial_contact} 10%, {@code intent_confirmed} 20%, {@code needs_analysis} 30% (pipeline
   * category), {@code proposal_quote} 50% and {@code negotiation} 70% (best case; both need an amount),
   * {@code contract} 90% (commit), {@code won} (closed; needs an amount) and {@code lost} (omitted; needs one of the
   * reasons price, competitor, no_budget, no_decision, timing, product_fit, other). Open stages stall after 30, 30,
   * 30, 21, 21 and 14 days.
   *
   * @return the definition
   */
  public static PipelineDefinition opportunityPipeline() {
    return PipelineDefinition.of("sales", "opportunity", TransitionPolicy.REOPEN_TO_GO_BACK, List.of(
        Stage.of("initial_contact", 0, StageKind.OPEN, 0.10, ForecastCategory.PIPELINE).withMaxDaysInStage(30),
        Stage.of("intent_confirmed", 1, StageKind.OPEN, 0.20, ForecastCategory.PIPELINE).withMaxDaysInStage(30),
        Stage.of("needs_analysis", 2, StageKind.OPEN, 0.30, ForecastCategory.PIPELINE).withMaxDaysInStage(30),
        Stage.of("proposal_quote", 3, StageKind.OPEN, 0.50, ForecastCategory.BEST_CASE).withMaxDaysInStage(21)
            .withRequiredFields("amount"),
        Stage.of("negotiation", 4, StageKind.OPEN, 0.70, ForecastCategory.BEST_CASE).withMaxDaysInStage(21)
            .withRequiredFields("amount"),
        Stage.of("contract", 5, StageKind.OPEN, 0.90, ForecastCategory.COMMIT).withMaxDaysInStage(14)
            .withRequiredFields("amount"),
        Stage.of("won", 6, StageKind.WON, 1.0, ForecastCategory.CLOSED).withRequiredFields("amount"),
        Stage.of("lost", 7, StageKind.LOST, 0.0, ForecastCategory.OMITTED)
            .withLostReasons("price", "competitor", "no_budget", "no_decision", "timing", "product_fit", "other")),
        List.of());
  }

  /**
   * The service-ticket lifecycle {@code service_ticket} (object type {@code ticket}, named transitions, free
   * policy; tickets are not forecast): {@code new}, {@code assigned}, {@code waiting_on_customer},
   * {@code reopened}, then {@code resolved} and {@code closed} (both closed). Transitions: {@code assign} (from new
   * or reopened), {@code wait_on_customer}, {@code customer_replied}, {@code resolve} (from assigned, waiting or
   * reopened), {@code close} (from resolved), and {@code reopen} (from resolved or closed to reopened).
   *
   * @return the definition
   */
  public static PipelineDefinition serviceTicketLifecycle() {
    return PipelineDefinition.of("service_ticket", "ticket", TransitionPolicy.FREE, List.of(
        Stage.of("new", 0, StageKind.OPEN, 0.0, ForecastCategory.OMITTED),
        Stage.of("assigned", 1, StageKind.OPEN, 0.0, ForecastCategory.OMITTED),
        Stage.of("waiting_on_customer", 2, StageKind.OPEN, 0.0, ForecastCategory.OMITTED),
        Stage.of("reopened", 3, StageKind.OPEN, 0.0, ForecastCategory.OMITTED),
        Stage.of("resolved", 4, StageKind.CLOSED, 0.0, ForecastCategory.OMITTED),
        Stage.of("closed", 5, StageKind.CLOSED, 0.0, ForecastCategory.OMITTED)),
        List.of(
            Transition.of("assign", "assigned", "new", "reopened"),
            Transition.of("wait_on_customer", "waiting_on_customer", "assigned"),
            Transition.of("customer_replied", "assigned", "waiting_on_customer"),
            Transition.of("resolve", "resolved", "assigned", "waiting_on_customer", "reopened"),
            Transition.of("close", "closed", "resolved"),
            Transition.reopen("reopen", "reopened", "resolved", "closed")));
  }
}
