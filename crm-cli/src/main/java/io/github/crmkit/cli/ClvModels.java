package io.github.crmkit.cli;

import io.github.crmkit.scoring.clv.BgBbModel;
import io.github.crmkit.scoring.clv.BgBbPatterns;
import io.github.crmkit.scoring.clv.BgNbdModel;
import io.github.crmkit.scoring.clv.FitOptions;
import io.github.crmkit.scoring.clv.FittedModel;
import io.github.crmkit.scoring.clv.GammaGammaModel;
import io.github.crmkit.scoring.clv.ParetoNbdModel;
import io.github.crmkit.scoring.clv.PurchaseModel;
import io.github.crmkit.scoring.clv.RepeatPurchaseColumns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Wiring between the {@code crm clv} commands and the models of {@code io.github.crmkit.scoring.clv}: which fit a
 * model name calls, which prediction object a fitted model becomes, and reading a fitted model's JSON from a file.
 * Stateless and thread-safe.
 */
final class ClvModels {
  private ClvModels() {}

  /** The columns a model reads. */
  static ClvDataOptions.Need need(String model) {
    return switch (model) {
      case ClvDataOptions.GAMMA_GAMMA -> ClvDataOptions.Need.SPEND;
      case ClvDataOptions.BG_BB -> ClvDataOptions.Need.DISCRETE;
      default -> ClvDataOptions.Need.PURCHASES;
    };
  }

  /**
   * Fits a model to the data.
   *
   * @throws IllegalArgumentException if the data cannot identify the model (with the source named)
   */
  static FittedModel fit(String model, ClvDataOptions.Data data, FitOptions options) {
    try {
      return switch (model) {
        case ClvDataOptions.BG_NBD -> BgNbdModel.fit(BgNbdModel.Variant.BG_NBD, purchases(data), options);
        case ClvDataOptions.MBG_NBD -> BgNbdModel.fit(BgNbdModel.Variant.MBG_NBD, purchases(data), options);
        case ClvDataOptions.PARETO_NBD -> ParetoNbdModel.fit(purchases(data), options);
        case ClvDataOptions.GAMMA_GAMMA -> GammaGammaModel.fit(data.x(), data.monetary(), data.weights(), options);
        case ClvDataOptions.BG_BB -> BgBbModel.fit(patterns(data), options);
        default -> throw new IllegalArgumentException("unknown model " + model);
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(data.source() + ": " + e.getMessage(), e);
    }
  }

  /** The purchase histories as the models' columns. */
  static RepeatPurchaseColumns purchases(ClvDataOptions.Data data) {
    return data.weights() == null ? RepeatPurchaseColumns.of(data.x(), data.tx(), data.age())
        : RepeatPurchaseColumns.weighted(data.x(), data.tx(), data.age(), data.weights());
  }

  /** The discrete-time histories of BG/BB, one row per line (weighted when a weights column is given). */
  static BgBbPatterns patterns(ClvDataOptions.Data data) {
    int n = data.size();
    int[] recency = new int[n];
    for (int i = 0; i < n; i++) {
      recency[i] = (int) data.tx()[i];
    }
    return data.weights() == null ? BgBbPatterns.of(data.x(), recency, data.periods())
        : BgBbPatterns.weighted(data.x(), recency, data.periods(), data.weights());
  }

  /**
   * The prediction object of a fitted purchase model.
   *
   * @throws IllegalArgumentException if the model is not one of continuous-time purchases
   */
  static PurchaseModel purchaseModel(FittedModel fitted) {
    return switch (fitted.model()) {
      case ClvDataOptions.BG_NBD, ClvDataOptions.MBG_NBD -> BgNbdModel.of(fitted);
      case ClvDataOptions.PARETO_NBD -> ParetoNbdModel.of(fitted);
      case ClvDataOptions.BG_BB -> throw new IllegalArgumentException("bg-bb is a discrete-time model: this "
          + "command supports bg-nbd, mbg-nbd and pareto-nbd");
      default -> throw new IllegalArgumentException("a purchase model is needed (bg-nbd, mbg-nbd, pareto-nbd, "
          + "bg-bb), was " + fitted.model() + "; give a gamma-gamma model as --spend-params");
    };
  }

  /**
   * Reads a fitted model's JSON (as {@code crm clv fit} prints it) from a file.
   *
   * @throws IllegalArgumentException naming the file and each problem's JSON path, line and column
   */
  static FittedModel read(String option, Path file) throws IOException {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "no such file (" + option + ")");
    }
    try {
      return FittedModel.fromJson(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage().replace("\n  ", "; ").replace('\n', ' '), e);
    }
  }
}
