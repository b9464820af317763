package io.github.crmkit.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class PipelineJsonTest {

  @Test
  void presetsAreValidAndRoundTrip() {
    for (PipelineDefinition preset : List.of(LifecyclePresets.leadLifecycle(),
        LifecyclePresets.opportunityPipeline(), LifecyclePresets.serviceTicketLifecycle())) {
      String json = PipelineJson.write(preset);
      assertThat(json).startsWith("{\n  \"version\" : 1,");
      assertThat(PipelineJson.read(json)).isEqualTo(preset);
    }
    List<PipelineDefinition> all = List.of(LifecyclePresets.leadLifecycle(), LifecyclePresets.opportunityPipeline());
    assertThat(PipelineJson.readAll(PipelineJson.writeAll(all))).isEqualTo(all);
  }

  @Test
  void presetShapes() {
    PipelineDefinition sales = LifecyclePresets.opportunityPipeline();
    assertThat(sales.stages()).extracting(Stage::name).containsExactly("initial_contact", "intent_confirmed",
        "needs_analysis", "proposal_quote", "negotiation", "contract", "won", "lost");
    assertThat(sales.entryStage().name()).isEqualTo("initial_contact");
    assertThat(sales.stage("lost").lostReasons()).contains("price", "competitor");
    PipelineDefinition lead = LifecyclePresets.leadLifecycle();
    assertThat(lead.stages()).extracting(Stage::name).containsExactly("new", "contacted", "qualified", "converted",
        "disqualified", "recycled");
    PipelineDefinition ticket = LifecyclePresets.serviceTicketLifecycle();
    assertThat(ticket.stages()).extracting(Stage::name).containsExactly("new", "assigned", "waiting_on_customer",
        "reopened", "resolved", "closed");
  }

  /** Random valid pipelines of direct moves: a chain of open stages, won and lost. */
  static Gen<PipelineDefinition> pipelines() {
    return SourceDSL.integers().between(1, 8).zip(SourceDSL.integers().between(0, 2),
        SourceDSL.integers().between(0, 1000), (open, policy, seed) -> {
          java.util.Random random = new java.util.Random(seed);
          List<Stage> stages = new ArrayList<>();
          for (int i = 0; i < open; i++) {
            ForecastCategory category = ForecastCategory.values()[random.nextInt(4)];
            stages.add(new Stage("s" + i, i * 10 + random.nextInt(5), StageKind.OPEN,
                Math.round(random.nextDouble() * 100) / 100.0, category,
                random.nextBoolean() ? List.of() : List.of("f" + i), random.nextInt(40), List.of(), List.of()));
          }
          stages.add(Stage.of("won", 1000, StageKind.WON, 1.0, ForecastCategory.CLOSED).withEmits("x.won"));
          stages.add(Stage.of("lost", 1000, StageKind.LOST, 0.0, ForecastCategory.OMITTED)
              .withLostReasons("price", "it's \"quoted\""));
          java.util.Collections.shuffle(stages, random);
          return PipelineDefinition.of("p" + seed, "opportunity", TransitionPolicy.values()[policy], stages,
              List.of());
        });
  }

  @Test
  void roundTripProperty() {
    qt().withExamples(200).withFixedSeed(20261201L).forAll(pipelines())
        .check(definition -> PipelineJson.read(PipelineJson.write(definition)).equals(definition));
  }

  private static List<String> problems(String json) {
    try {
      PipelineJson.read(json);
    } catch (PipelineDefinitionException e) {
      return e.problems().stream().map(PipelineProblem::toString).toList();
    }
    throw new AssertionError("expected problems in " + json);
  }

  private static final String OK_STAGES = "[{\"name\":\"a\",\"order\":0,\"kind\":\"open\",\"probability\":0.5,"
      + "\"forecast_category\":\"pipeline\"},{\"name\":\"w\",\"order\":9,\"kind\":\"won\",\"probability\":1,"
      + "\"forecast_category\":\"closed\"}]";

  @Test
  void minimalDocumentReads() {
    PipelineDefinition definition = PipelineJson.read("{\"version\":1,\"name\":\"p\",\"object_type\":\"deal\","
        + "\"policy\":\"free\",\"stages\":" + OK_STAGES + "}");
    assertThat(definition.stages()).hasSize(2);
    assertThat(definition.stage("a").maxDaysInStage()).isZero();
    assertThat(definition.transitions()).isEmpty();
  }

  @Test
  void structuralErrorsNameTheirPaths() {
    assertThat(problems("{\"version\":2,\"name\":\"P\",\"policy\":\"sideways\",\"stages\":" + OK_STAGES
        + ",\"extra\":1}")).containsExactly(
            "$.extra: unknown property 'extra', expected one of [name, object_type, policy, stages, transitions,"
                + " version]",
            "$.version: unsupported version 2, expected 1",
            "$.object_type: missing, expected a string",
            "$.policy: unknown policy 'sideways', expected free, forward_only or reopen_to_go_back");
    assertThat(problems("{\"version\":1,\"name\":\"p\",\"object_type\":\"d\",\"policy\":\"free\",\"stages\":"
        + "[{\"name\":\"a\",\"order\":\"x\",\"kind\":\"opn\",\"forecast_category\":\"pipeline\"}]}"))
        .containsExactly("$.stages[0].order: expected an integer, found a string",
            "$.stages[0].kind: unknown kind 'opn', expected open, won, lost or closed",
            "$.stages[0].probability: missing, expected a number between 0 and 1");
    assertThat(problems("{\"version\":1,")).singleElement().asString().startsWith("$: malformed JSON at line 1");
    assertThat(problems("[]")).containsExactly("$: expected an object, found an array");
  }

  @Test
  void semanticErrorsNameTheirPaths() {
    String stages = "[{\"name\":\"a\",\"order\":0,\"kind\":\"open\",\"probability\":1.5,\"forecast_category\":"
        + "\"pipeline\"},{\"name\":\"a\",\"order\":0,\"kind\":\"open\",\"probability\":0.2,\"forecast_category\":"
        + "\"pipeline\"},{\"name\":\"l\",\"order\":3,\"kind\":\"lost\",\"probability\":0.1,\"forecast_category\":"
        + "\"commit\",\"max_days_in_stage\":3}]";
    assertThat(problems("{\"version\":1,\"name\":\"p\",\"object_type\":\"d\",\"policy\":\"free\",\"stages\":"
        + stages + "}")).containsExactly(
            "$.stages[0].probability: must be between 0 and 1, was 1.5",
            "$.stages[1].name: repeated name 'a', first at $.stages[0].name",
            "$.stages[1].order: open stages need distinct orders, 0 is also the order of $.stages[0]",
            "$.stages[2].probability: a lost stage must have probability 0, was 0.1",
            "$.stages[2].forecast_category: a lost stage must be omitted from forecasts, was commit",
            "$.stages[2].max_days_in_stage: only an open stage can stall, this one is lost");
  }

  @Test
  void noTerminalStageAndUnreachableStages() {
    String open = "[{\"name\":\"a\",\"order\":0,\"kind\":\"open\",\"probability\":0.5,\"forecast_category\":"
        + "\"pipeline\"}]";
    assertThat(problems("{\"version\":1,\"name\":\"p\",\"object_type\":\"d\",\"policy\":\"free\",\"stages\":"
        + open + "}")).containsExactly(
            "$.stages: no terminal stage: needs at least one won, lost or closed stage");
    String three = "[{\"name\":\"a\",\"order\":0,\"kind\":\"open\",\"probability\":0.5,\"forecast_category\":"
        + "\"pipeline\"},{\"name\":\"b\",\"order\":1,\"kind\":\"open\",\"probability\":0.5,\"forecast_category\":"
        + "\"pipeline\"},{\"name\":\"w\",\"order\":2,\"kind\":\"won\",\"probability\":1,\"forecast_category\":"
        + "\"closed\"}]";
    String transitions = "[{\"name\":\"win\",\"from\":[\"a\"],\"to\":\"w\"},"
        + "{\"name\":\"back\",\"from\":[\"w\"],\"to\":\"a\"},{\"name\":\"x\",\"from\":[\"nope\"],\"to\":\"b\","
        + "\"guards\":[{\"field\":\"amount\",\"operator\":\"at_least\",\"value\":\"lots\"}]}]";
    assertThat(problems("{\"version\":1,\"name\":\"p\",\"object_type\":\"d\",\"policy\":\"forward_only\","
        + "\"stages\":" + three + ",\"transitions\":" + transitions + "}")).containsExactly(
            "$.transitions[1]: can never fire: from every source stage it is rejected with STAGE_IS_FINAL under"
                + " the forward_only policy",
            "$.transitions[2].from[0]: unknown stage 'nope'",
            "$.transitions[2].guards[0].value: must be a finite number for operator at_least, was 'lots'");
    assertThat(problems("{\"version\":1,\"name\":\"p\",\"object_type\":\"d\",\"policy\":\"forward_only\","
        + "\"stages\":" + three + ",\"transitions\":[{\"name\":\"win\",\"from\":[\"a\"],\"to\":\"w\"},"
        + "{\"name\":\"win\",\"to\":\"w\"}]}")).containsExactly(
            "$.transitions[1].name: repeated name 'win', first at $.transitions[0].name");
    assertThat(problems("{\"version\":1,\"name\":\"p\",\"object_type\":\"d\",\"policy\":\"forward_only\","
        + "\"stages\":" + three + ",\"transitions\":[{\"name\":\"win\",\"from\":[\"a\"],\"to\":\"w\"},"
        + "{\"name\":\"on\",\"from\":[\"b\"],\"to\":\"w\"}]}")).containsExactly(
            "$.stages[1]: stage 'b' is unreachable from the entry stage 'a'");
  }

  @Test
  void catalogOfSeveralPipelinesPerObjectType() {
    PipelineDefinition sales = LifecyclePresets.opportunityPipeline();
    PipelineDefinition renewals = PipelineDefinition.of("renewals", "opportunity", TransitionPolicy.FORWARD_ONLY,
        sales.stages(), List.of());
    PipelineCatalog catalog = PipelineCatalog.of(List.of(sales, LifecyclePresets.leadLifecycle(), renewals));
    assertThat(catalog.forObjectType("opportunity")).containsExactly(sales, renewals);
    assertThat(catalog.forObjectType("ticket")).isEmpty();
    assertThat(catalog.get("renewals")).isSameAs(renewals);
    assertThat(PipelineCatalog.fromJson(catalog.toJson()).all()).isEqualTo(catalog.all());
    assertThatThrownBy(() -> catalog.get("nope")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no pipeline 'nope', the catalog has [sales, lead_lifecycle, renewals]");
    assertThatThrownBy(() -> PipelineCatalog.of(List.of(sales, sales)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("pipeline names must be unique, 'sales' repeats");
  }

  @Test
  void severalPipelinesNeedDistinctNames() {
    String one = PipelineJson.write(LifecyclePresets.leadLifecycle()).replace("\"version\" : 1,", "");
    assertThatThrownBy(() -> PipelineJson.readAll("{\"version\":1,\"pipelines\":[" + one + "," + one + "]}"))
        .isInstanceOf(PipelineDefinitionException.class)
        .hasMessageContaining("$.pipelines[1].name: repeated pipeline name 'lead_lifecycle', first at"
            + " $.pipelines[0].name");
  }
}
