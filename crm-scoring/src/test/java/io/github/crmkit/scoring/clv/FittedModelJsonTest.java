package io.github.crmkit.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The JSON form of fitted models: the issue's document shape, the round trip, and validation with JSON paths. */
class FittedModelJsonTest {

  @Test
  void fittedBgNbdRoundTripsAndHasTheIssuesShape() {
    FittedModel fit = BgNbdModel.fit(BgNbdModel.Variant.BG_NBD, CdnowData.unrounded().columns());
    String json = fit.toJson();
    assertThat(json).startsWith("{\"model\":\"bg-nbd\",\"params\":{\"r\":")
        .contains("\"logLikelihood\":-9582.42", "\"standardErrors\":{\"r\":", "\"converged\":true",
            "\"customers\":2357");
    FittedModel back = FittedModel.fromJson(json);
    assertThat(back).isEqualTo(fit);
    assertThat(back.toJson()).isEqualTo(json);
    assertThat(BgNbdModel.of(back).conditionalExpectedPurchases(52, 26, 30.85714, 31))
        .isEqualTo(BgNbdModel.of(fit).conditionalExpectedPurchases(52, 26, 30.85714, 31));
  }

  @Test
  void everyModelRoundTrips() {
    qt().withExamples(200).withFixedSeed(9L).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      List<String> models = List.copyOf(FittedModel.MODEL_NAMES.keySet());
      String model = models.get(random.nextInt(models.size()));
      int n = FittedModel.MODEL_NAMES.get(model).size();
      double[] values = new double[n];
      double[] errors = new double[n];
      for (int j = 0; j < n; j++) {
        values[j] = Math.exp(random.nextDouble(-20, 20));
        errors[j] = random.nextInt(5) == 0 ? Double.NaN : random.nextDouble() * values[j];
      }
      double ll = random.nextInt(5) == 0 ? Double.NaN : -random.nextDouble() * 1e6;
      FittedModel m = new FittedModel(model, values, ll, errors, random.nextLong(0, Long.MAX_VALUE),
          random.nextBoolean(), random.nextInt(0, 1000), random.nextDouble(), "message \"quoted\" \\ é\n");
      assertThat(FittedModel.fromJson(m.toJson())).isEqualTo(m);
    });
  }

  @Test
  void publishedParametersAloneAreEnough() {
    FittedModel m = FittedModel.fromJson(
        "{\"model\":\"gamma-gamma\",\"params\":{\"p\":6.25,\"q\":3.74,\"gamma\":15.44}}");
    assertThat(m.parameters()).isEqualTo(Map.of("p", 6.25, "q", 3.74, "gamma", 15.44));
    assertThat(m.converged()).isFalse();
    assertThat(m.customers()).isZero();
    assertThat(Double.isNaN(m.standardError("q"))).isTrue();
    assertThat(GammaGammaModel.of(m).q()).isEqualTo(3.74);
    assertThat(m).isEqualTo(FittedModel.of("gamma-gamma", Map.of("p", 6.25, "q", 3.74, "gamma", 15.44)));
  }

  @Test
  void problemsNameTheirJsonPathLineAndColumn() {
    String json = "{\"model\":\"bg-nbd\",\n"
        + " \"params\":{\"r\":0.24,\"alpha\":-4.4,\"a\":0.79,\"c\":1},\n"
        + " \"logLikelihood\":\"high\",\"customers\":-3,\"extra\":1}";
    List<String> problems = FittedModel.validate(json);
    assertThat(problems).containsExactly(
        "$.params.b (line 2, column 11): missing parameter b of bg-nbd",
        "$.params.alpha (line 2, column 29): must be positive and finite, was -4.4",
        "$.params.c (line 2, column 47): unknown parameter 'c' of bg-nbd, expected [r, alpha, a, b]",
        "$.logLikelihood (line 3, column 18): expected a number, found a string",
        "$.customers (line 3, column 37): must be an integer >= 0, was -3",
        "$.extra (line 3, column 40): unknown property 'extra', expected model, params, logLikelihood, "
            + "standardErrors, converged, customers or diagnostics");
    assertThatThrownBy(() -> FittedModel.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid fitted model, 6 problems\n  at $.params.b (line 2, column 11)");
  }

  @Test
  void unknownModelsMissingPartsAndMalformedJsonAreReported() {
    assertThat(FittedModel.validate("{\"model\":\"pareto\",\"params\":{}}")).containsExactly(
        "$.model (line 1, column 10): unknown model 'pareto', expected one of "
            + "[bg-nbd, mbg-nbd, pareto-nbd, gamma-gamma, bg-bb]");
    assertThat(FittedModel.validate("{}")).containsExactly(
        "$.model (line 1, column 1): missing, expected one of [bg-nbd, mbg-nbd, pareto-nbd, gamma-gamma, bg-bb]",
        "$.params (line 1, column 1): missing, expected an object of parameters");
    assertThat(FittedModel.validate("{\"model\":\"bg-nbd\",\"params\":{\"r\":1,")).hasSize(1).first()
        .asString().endsWith("malformed JSON");
    assertThat(FittedModel.validate("")).containsExactly("$ (line 1, column 1): expected an object, found no content");
    assertThat(FittedModel.validate("[1]")).containsExactly("$ (line 1, column 1): expected an object, found an array");
  }
}
