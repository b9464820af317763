package io.github.crmkit.cli;

import io.github.crmkit.scoring.RepeatPurchaseSummary;
import io.github.crmkit.cli.io.TransactionFileException;
import io.github.crmkit.scoring.clv.BgBbModel;
import io.github.crmkit.scoring.clv.BgBbPatterns;
import io.github.crmkit.scoring.clv.CustomerLifetimeValue;
import io.github.crmkit.scoring.clv.FittedModel;
import io.github.crmkit.scoring.clv.GammaGammaModel;
import io.github.crmkit.scoring.clv.HoldoutValidation;
import io.github.crmkit.scoring.clv.PurchaseModel;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crm clv}: probabilistic customer value on the command line, with the subcommands {@code fit},
 * {@code predict} and {@code validate}.
 *
 * <p>Thread-safety: not thread-safe; picocli fills a fresh instance for every run.
 */
@Command(name = "clv", mixinStandardHelpOptions = true,
    description = {"Customer value: fits BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma or BG/BB to customers' "
        + "purchase histories, predicts P(alive), expected purchases, spend and lifetime value, and validates a model "
        + "on a holdout period.",
        "Histories come from a summary CSV (--summary, as crm summary or lifetimes write it) or from transaction "
        + "files (--input, read as crm summary reads them)."},
    subcommands = {ClvCommand.Fit.class, ClvCommand.Predict.class, ClvCommand.Validate.class})
final class ClvCommand {
  ClvCommand() {}

  /** {@code crm clv fit}: the fitted model as JSON on standard output. */
  @Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
      modelTransformer = ClvDataOptions.InputOptional.class,
      description = {"Fits a model by maximum likelihood and prints it as JSON:",
          "{\"model\":...,\"params\":{...},\"logLikelihood\":...,\"standardErrors\":{...},\"converged\":true,"
              + "\"customers\":N,\"diagnostics\":{...}}",
          "Columns: bg-nbd, mbg-nbd, pareto-nbd read frequency,recency,T; gamma-gamma reads frequency and the "
              + "monetary column (customers with frequency 0 carry no spend information and are left out); bg-bb "
              + "reads frequency,recency,periods (and usually --weights), or --input with each calendar period of "
              + "--time-unit (day, week, month or year) one purchase opportunity.",
          "Example: crm clv fit --model bg-nbd --summary cdnow_customers_summary.csv > bgnbd.json"})
  static final class Fit implements Callable<Integer> {
    @Mixin
    ClvDataOptions data;

    @Override
    public Integer call() throws IOException {
      String model = data.model();
      if (model == null) {
        throw new IllegalArgumentException("--model is required: one of " + String.join(", ",
            ClvDataOptions.MODELS));
      }
      PrintStream err = System.err;
      ClvDataOptions.Data d = data.load(ClvModels.need(model), false, null, null, err);
      FittedModel fitted = ClvModels.fit(model, d, data.fitOptions());
      System.out.println(fitted.toJson());
      System.out.flush();
      err.printf(Locale.ROOT, "clv fit: %s on %,d customers (%,d rows read): log-likelihood %.3f, %s%n", model,
          fitted.customers(), d.size(), fitted.logLikelihood(), fitted.converged() ? "converged" : "NOT converged: "
              + fitted.message());
      return 0;
    }
  }

  /** {@code crm clv predict}: per-customer predictions as CSV. */
  @Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
      modelTransformer = ClvDataOptions.InputOptional.class,
      description = {"Writes per customer: customer_id,p_alive,expected_purchases,expected_avg_spend,clv",
          "- p_alive: probability that the customer is still active at T (bg-bb: at the next opportunity);",
          "- expected_purchases: expected purchases in the next --horizon time units (bg-bb: opportunities);",
          "- expected_avg_spend: expected spend per purchase (Gamma-Gamma);",
          "- clv: expected spend x expected purchases per month over --clv-months months, discounted by "
              + "--discount-rate per month (as lifetimes computes it); bg-bb: expected spend x the discounted "
              + "expected residual purchases (DERT) over all future opportunities, --discount-rate per opportunity.",
          "The purchase model comes from --params (the JSON that crm clv fit prints) or is fitted on the data.",
          "expected_avg_spend and clv need a Gamma-Gamma model and the monetary column: the model is read from "
              + "--spend-params or fitted on the monetary column; without a monetary column these two columns are "
              + "left empty.",
          "Example: crm clv predict --params bgnbd.json --summary summary.csv --horizon 52 --output out.csv"})
  static final class Predict implements Callable<Integer> {
    @Mixin
    ClvDataOptions data;

    @Option(names = "--params", paramLabel = "FILE.json",
        description = "The purchase model as crm clv fit prints it, instead of fitting one on the data.")
    Path params;

    @Option(names = "--spend-params", paramLabel = "FILE.json",
        description = "The gamma-gamma model as crm clv fit prints it (default: fitted on the monetary column when "
            + "there is one).")
    Path spendParams;

    @Option(names = "--horizon", required = true, paramLabel = "T",
        description = "Horizon of expected_purchases, in the time unit of the data.")
    double horizon;

    @Option(names = "--clv-months", paramLabel = "N", defaultValue = "12",
        description = "Months of lifetime value, >= 1 (default: ${DEFAULT-VALUE}).")
    int clvMonths;

    @Option(names = "--discount-rate", paramLabel = "RATE", defaultValue = "0.01",
        description = "Monthly discount rate of lifetime value, > -1 (bg-bb: per opportunity, > 0) (default: "
            + "${DEFAULT-VALUE}).")
    double discountRate;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() throws IOException {
      if (!(horizon >= 0.0 && horizon < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("--horizon must be finite and >= 0, was " + horizon);
      }
      if (clvMonths < 1) {
        throw new IllegalArgumentException("--clv-months must be at least 1, was " + clvMonths);
      }
      if (!(discountRate > -1.0 && discountRate < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("--discount-rate must be finite and > -1, was " + discountRate);
      }
      PrintStream err = System.err;
      FittedModel fitted = purchaseParams(data, params);
      String model = fitted == null ? data.model() : fitted.model();
      if (ClvDataOptions.GAMMA_GAMMA.equals(model)) {
        throw new IllegalArgumentException("predict needs a purchase model (bg-nbd, mbg-nbd, pareto-nbd, bg-bb); "
            + "give the gamma-gamma model as --spend-params");
      }
      FittedModel spendFitted = spendParams == null ? null : ClvModels.read("--spend-params", spendParams);
      if (spendFitted != null && !spendFitted.model().equals(ClvDataOptions.GAMMA_GAMMA)) {
        throw new IllegalArgumentException(spendParams + ": --spend-params must be a gamma-gamma model, was "
            + spendFitted.model());
      }
      ClvDataOptions.Data d = data.load(ClvModels.need(model), true, null, null, err);
      if (fitted == null) {
        fitted = ClvModels.fit(model, d, data.fitOptions());
        err.println("clv predict: fitted " + fitted.toJson());
      }
      int n = d.size();
      double[] alive = new double[n];
      double[] expected = new double[n];
      double[] spend = null;
      double[] value = null;
      if (ClvDataOptions.BG_BB.equals(model)) {
        if (horizon != Math.rint(horizon)) {
          throw new IllegalArgumentException("--horizon of bg-bb is a whole number of opportunities, was " + horizon);
        }
        BgBbModel discrete = BgBbModel.of(fitted);
        BgBbPatterns patterns = ClvModels.patterns(d);
        discrete.probabilityAlive(1, patterns, alive);
        discrete.conditionalExpectedPurchases((int) horizon, patterns, expected);
        spend = expectedSpend(d, spendFitted, err);
        if (spend != null) {
          if (!(discountRate > 0.0)) {
            throw new IllegalArgumentException("--discount-rate of bg-bb is a rate per opportunity and must be > 0 "
                + "(the undiscounted future has no finite sum), was " + discountRate);
          }
          value = new double[n];
          discrete.discountedExpectedResidualPurchases(discountRate, patterns, value);
          for (int i = 0; i < n; i++) {
            value[i] *= spend[i];
          }
          err.println("clv predict: bg-bb clv = expected_avg_spend x discounted expected residual purchases (DERT) "
              + "over all future opportunities, discounted by --discount-rate per opportunity; --clv-months does "
              + "not apply");
        }
      } else {
        PurchaseModel purchases = ClvModels.purchaseModel(fitted);
        purchases.probabilityAlive(d.x(), d.tx(), d.age(), alive);
        purchases.conditionalExpectedPurchases(horizon, d.x(), d.tx(), d.age(), expected);
        spend = expectedSpend(d, spendFitted, err);
        if (spend != null) {
          value = new double[n];
          CustomerLifetimeValue.fromExpectedSpend(purchases, d.x(), d.tx(), d.age(), spend, clvMonths, discountRate,
              data.timeUnitsPerMonth(), value);
        }
      }
      try (Writer out = output.open()) {
        out.write("customer_id,p_alive,expected_purchases,expected_avg_spend,clv\n");
        StringBuilder line = new StringBuilder(96);
        for (int i = 0; i < n; i++) {
          line.setLength(0);
          line.append(Csv.field(d.ids()[i])).append(',').append(Csv.number(alive[i])).append(',')
              .append(Csv.number(expected[i])).append(',');
          if (spend != null) {
            line.append(Csv.number(spend[i])).append(',').append(Csv.number(value[i]));
          } else {
            line.append(',');
          }
          out.write(line.append('\n').toString());
        }
      }
      err.printf(Locale.ROOT, "clv predict: %,d customers written%n", n);
      return 0;
    }

    /**
     * The Gamma-Gamma expected spend per purchase of every customer, from --spend-params or a model fitted on the
     * monetary column; null (with a note on stderr) when the data has no monetary column.
     */
    private double[] expectedSpend(ClvDataOptions.Data d, FittedModel spendFitted, PrintStream err) {
      if (d.monetary() == null) {
        err.println("clv predict: no monetary column: expected_avg_spend and clv left empty");
        return null;
      }
      FittedModel model = spendFitted;
      if (model == null) {
        model = ClvModels.fit(ClvDataOptions.GAMMA_GAMMA, d, data.fitOptions());
        err.println("clv predict: fitted " + model.toJson());
      }
      double[] spend = new double[d.size()];
      try {
        GammaGammaModel.of(model).conditionalExpectedAverageSpend(d.x(), d.monetary(), spend);
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException("the gamma-gamma model cannot predict spend: " + e.getMessage(), e);
      }
      return spend;
    }
  }

  /** {@code crm clv validate}: the holdout table and the customer-level errors. */
  @Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
      modelTransformer = ClvDataOptions.InputOptional.class,
      description = {"Validates a purchase model on a holdout period: fits it on the calibration period (or takes "
          + "--params), then prints the expected against the actual holdout purchases per customer by calibration "
          + "frequency 0, 1, ..., 6, 7+ and the customer-level tracking summary (mean absolute error, RMSE, "
          + "correlation, totals).",
          "With --input, the calibration period ends at --calibration-end and the holdout at --observation-end; "
              + "with --summary, the file holds the holdout columns as crm summary --observation-end writes them.",
          "bg-bb (discrete time) reads from --summary frequency, recency and periods as for fit, the holdout "
              + "purchases, and the holdout opportunities in the --holdout-duration column (whole numbers); or from "
              + "--input the periods of --time-unit as opportunities, both ends the last day of a period.",
          "Example: crm clv validate --model bg-nbd --input CDNOW_sample.txt --no-header --delimiter whitespace "
              + "--customer 1 --date 3 --amount 5 --date-format yyyyMMdd --calibration-end 1997-09-30 "
              + "--observation-end 1998-06-30"})
  static final class Validate implements Callable<Integer> {
    private static final int MAX_FREQUENCY = 7;

    @Mixin
    ClvDataOptions data;

    @Option(names = "--params", paramLabel = "FILE.json",
        description = "The purchase model as crm clv fit prints it, instead of fitting one on the calibration "
            + "data.")
    Path params;

    @Option(names = "--observation-end", paramLabel = "YYYY-MM-DD",
        description = "With --input: last day of the holdout period (inclusive).")
    LocalDate observationEnd;

    @Option(names = "--tracking",
        description = "With --input and --time-unit day or week: also print the cohort's expected against actual "
            + "cumulative and incremental repeat purchases at the end of every time unit, from the first purchase "
            + "to the observation end (Fader, Hardie and Lee 2005, figure 2). Summarises the transactions once per "
            + "period. bg-bb: per opportunity, for any --time-unit (Fader, Hardie and Shang 2010, figure 5).")
    boolean tracking;

    @Option(names = "--holdout", paramLabel = "COL", defaultValue = "frequency_holdout",
        description = "With --summary: the holdout purchases column (default: ${DEFAULT-VALUE}).")
    String holdoutColumn;

    @Option(names = "--holdout-duration", paramLabel = "COL", defaultValue = "duration_holdout",
        description = "With --summary: the holdout length column (default: ${DEFAULT-VALUE}).")
    String durationColumn;

    @Override
    public Integer call() throws IOException {
      PrintStream err = System.err;
      FittedModel fitted = purchaseParams(data, params);
      String model = fitted == null ? data.model() : fitted.model();
      if (ClvDataOptions.GAMMA_GAMMA.equals(model)) {
        throw new IllegalArgumentException("validate needs a purchase model (bg-nbd, mbg-nbd, pareto-nbd, bg-bb), "
            + "was gamma-gamma");
      }
      if (data.weightsColumn != null) {
        throw new IllegalArgumentException("validate compares customers one by one: --weights is not supported");
      }
      if (data.summary != null && observationEnd != null) {
        throw new IllegalArgumentException("--observation-end goes with --input; with --summary the holdout comes "
            + "from the " + holdoutColumn + " and " + durationColumn + " columns");
      }
      ClvDataOptions.Data d = data.load(ClvModels.need(model), false,
          new ClvDataOptions.HoldoutColumns(holdoutColumn, durationColumn), observationEnd, err);
      if (fitted == null) {
        fitted = ClvModels.fit(model, d, data.fitOptions());
      }
      if (ClvDataOptions.BG_BB.equals(model)) {
        if (tracking && d.opportunities() == null) {
          throw new IllegalArgumentException("--tracking needs the transactions: give --input instead of --summary");
        }
        BgBbModel discrete = BgBbModel.of(fitted);
        print(System.out, fitted, d, validateDiscrete(discrete, d), "opportunity");
        if (tracking) {
          printTracking(System.out, discrete, d.opportunities());
        }
        System.out.flush();
        return 0;
      }
      PurchaseModel purchases = ClvModels.purchaseModel(fitted);
      HoldoutValidation v = HoldoutValidation.of(purchases, d.x(), d.tx(), d.age(), d.holdoutX(),
          d.holdoutLength(), MAX_FREQUENCY);
      if (tracking && d.transactions() == null) {
        throw new IllegalArgumentException("--tracking needs the transactions: give --input instead of --summary");
      }
      if (tracking && data.timeUnit().equals("month")) {
        throw new IllegalArgumentException("--tracking supports --time-unit day or week");
      }
      print(System.out, fitted, d, v, data.timeUnit());
      if (tracking) {
        printTracking(System.out, purchases, d);
      }
      System.out.flush();
      return 0;
    }

    /**
     * BG/BB's conditional expected purchases over each customer's holdout opportunities (the holdout duration
     * column, a whole number), against the holdout purchases.
     */
    private HoldoutValidation validateDiscrete(BgBbModel model, ClvDataOptions.Data d)
        throws TransactionFileException {
      double[] predicted = new double[d.size()];
      for (int i = 0; i < predicted.length; i++) {
        double nStar = d.holdoutLength()[i];
        if (nStar != Math.rint(nStar) || nStar > Integer.MAX_VALUE) {
          throw d.table().problem(i, "--holdout-duration", "must be a whole number of opportunities for bg-bb, was "
              + Csv.number(nStar));
        }
        if (d.holdoutX()[i] > nStar) {
          throw d.table().problem(i, "--holdout", "must be at most the holdout opportunities ("
              + Csv.number(nStar) + ") for bg-bb");
        }
        predicted[i] = model.conditionalExpectedPurchases((int) nStar, d.x()[i], (int) d.tx()[i], d.periods()[i]);
      }
      return HoldoutValidation.ofPredictions(predicted, d.holdoutX(), d.x(), MAX_FREQUENCY);
    }

    private static void print(PrintStream out, FittedModel fitted, ClvDataOptions.Data d, HoldoutValidation v,
        String unit) {
      out.printf(Locale.ROOT, "model %s%n", describe(fitted));
      double minLength = Double.POSITIVE_INFINITY;
      double maxLength = 0.0;
      for (double length : d.holdoutLength()) {
        minLength = Math.min(minLength, length);
        maxLength = Math.max(maxLength, length);
      }
      String length = minLength == maxLength ? Csv.number(Math.round(minLength * 1e4) / 1e4)
          : Csv.number(Math.round(minLength * 1e4) / 1e4) + " to " + Csv.number(Math.round(maxLength * 1e4) / 1e4);
      out.printf(Locale.ROOT, "holdout %s %s, %,d customers%n%n", length,
          unit.equals("opportunity") ? "opportunities" : unit + "s", d.size());
      out.println("holdout purchases per customer by calibration frequency");
      out.printf(Locale.ROOT, "%-9s %10s %10s %10s%n", "frequency", "customers", "predicted", "actual");
      double[] customers = v.customersByFrequency();
      double[] predicted = v.predictedByFrequency();
      double[] actual = v.actualByFrequency();
      for (int b = 0; b < customers.length; b++) {
        String bin = b == v.maxFrequency() ? b + "+" : Integer.toString(b);
        out.printf(Locale.ROOT, "%-9s %,10.0f %10s %10s%n", bin, customers[b], mean(predicted[b]), mean(actual[b]));
      }
      out.printf(Locale.ROOT, "%ntotal holdout purchases: predicted %,.1f, actual %,.0f (%+.1f%%)%n",
          v.predictedTotal(), v.actualTotal(), v.actualTotal() == 0.0 ? 0.0
              : 100.0 * (v.predictedTotal() - v.actualTotal()) / v.actualTotal());
      out.printf(Locale.ROOT, "per customer: mean absolute error %.4f, RMSE %.4f, correlation %s%n",
          v.meanAbsoluteError(), v.rootMeanSquaredError(),
          Double.isNaN(v.correlation()) ? "n/a" : String.format(Locale.ROOT, "%.4f", v.correlation()));
    }

    /** Expected against actual cumulative repeat purchases of the calibration cohort, per time unit. */
    private void printTracking(PrintStream out, PurchaseModel purchases, ClvDataOptions.Data d) {
      int step = data.timeUnit().equals("week") ? 7 : 1;
      RepeatPurchaseSummary calibration = d.calibration();
      LocalDate calibrationEnd = calibration.observationEnd();
      double maxAge = 0.0;
      double[] births = new double[d.size()];
      for (int i = 0; i < births.length; i++) {
        maxAge = Math.max(maxAge, d.age()[i]);
        births[i] = -d.age()[i];
      }
      LocalDate start = calibrationEnd.minusDays(Math.round(maxAge * step));
      int periods = (int) ((observationEnd.toEpochDay() - start.toEpochDay() + step) / step);
      double[] ends = new double[periods];
      double[] actual = new double[periods];
      LocalDate[] endDates = new LocalDate[periods];
      for (int k = 0; k < periods; k++) {
        LocalDate end = start.plusDays((long) step * (k + 1) - 1);
        endDates[k] = end.isAfter(observationEnd) ? observationEnd : end;
        ends[k] = (double) (endDates[k].toEpochDay() - calibrationEnd.toEpochDay()) / step;
        RepeatPurchaseSummary byThen = RepeatPurchaseSummary.of(d.transactions(), endDates[k],
            data.repeatPurchaseOptions());
        long sum = 0;
        for (int key = 0; key < byThen.customerCount(); key++) {
          if (calibration.isIncluded(key) && byThen.isIncluded(key)) {
            sum += byThen.frequency(key);
          }
        }
        actual[k] = sum;
      }
      HoldoutValidation.Tracking t = HoldoutValidation.tracking(purchases, births, ends, actual);
      double[] expectedCumulative = t.predictedCumulative();
      double[] expectedIncremental = t.predictedIncremental();
      double[] actualIncremental = t.actualIncremental();
      out.printf(Locale.ROOT, "%ncumulative and incremental repeat purchases of the %,d customers by %s%n", d.size(),
          data.timeUnit());
      out.printf(Locale.ROOT, "%-6s %-10s %12s %12s %12s %12s%n", data.timeUnit(), "to", "expected", "actual",
          "expected +", "actual +");
      for (int k = 0; k < periods; k++) {
        out.printf(Locale.ROOT, "%-6d %-10s %,12.1f %,12.0f %,12.1f %,12.0f%s%n", k + 1, endDates[k],
            expectedCumulative[k], actual[k], expectedIncremental[k], actualIncremental[k],
            endDates[k].equals(calibrationEnd) ? "  <- calibration end" : "");
      }
      double mape = t.cumulativeMeanAbsolutePercentageError();
      out.printf(Locale.ROOT, "cumulative tracking: mean absolute percentage error %s%n",
          Double.isNaN(mape) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * mape));
    }

    /**
     * Expected against actual cumulative and incremental repeat purchases per opportunity of the customers kept:
     * a customer born in period b is expected to buy E[X(p - b)] - E[X(p - b - 1)] times in period p, and buys at
     * most once per opportunity.
     */
    private static void printTracking(PrintStream out, BgBbModel model, Opportunities o) {
      int periods = (int) (o.endPeriod - o.firstBirth);
      double[] expectedByAge = new double[periods + 1];
      for (int j = 1; j <= periods; j++) {
        expectedByAge[j] = model.expectedPurchases(j);
      }
      String unit = o.unit.label();
      out.printf(Locale.ROOT, "%ncumulative and incremental repeat purchases of the %,d customers by %s%n", o.size(),
          unit);
      out.printf(Locale.ROOT, "%-6s %-10s %12s %12s %12s %12s%n", unit, "to", "expected", "actual", "expected +",
          "actual +");
      double expectedCumulative = 0.0;
      long actualCumulative = 0;
      double errors = 0.0;
      int counted = 0;
      for (int q = 0; q < periods; q++) {
        long period = o.firstBirth + 1 + q;
        double expected = 0.0;
        for (int j = 0; j < o.births.length && o.firstBirth + j < period; j++) {
          int age = (int) (period - (o.firstBirth + j));
          expected += o.births[j] * (expectedByAge[age] - expectedByAge[age - 1]);
        }
        expectedCumulative += expected;
        actualCumulative += o.repeatBuyers[q];
        if (actualCumulative > 0) {
          errors += Math.abs(expectedCumulative - actualCumulative) / actualCumulative;
          counted++;
        }
        out.printf(Locale.ROOT, "%-6d %-10s %,12.1f %,12d %,12.1f %,12d%s%n", q + 1, o.unit.lastDay(period),
            expectedCumulative, actualCumulative, expected, o.repeatBuyers[q],
            period == o.calibrationPeriod ? "  <- calibration end" : "");
      }
      out.printf(Locale.ROOT, "cumulative tracking: mean absolute percentage error %s%n",
          counted == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * errors / counted));
    }

    private static String mean(double value) {
      return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }
  }

  /** The model's name and parameters on one line, e.g. {@code bg-nbd r 0.2426 alpha 4.4137 ...}. */
  static String describe(FittedModel fitted) {
    StringBuilder s = new StringBuilder(fitted.model());
    for (Map.Entry<String, Double> p : fitted.parameters().entrySet()) {
      s.append(' ').append(p.getKey()).append(' ').append(String.format(Locale.ROOT, "%.6g", p.getValue()));
    }
    if (!Double.isNaN(fitted.logLikelihood())) {
      s.append(String.format(Locale.ROOT, ", log-likelihood %.3f", fitted.logLikelihood()));
    }
    return s.toString();
  }

  /** The purchase model of --params, checked against --model; null without --params. */
  static FittedModel purchaseParams(ClvDataOptions data, Path params) throws IOException {
    String model = data.model();
    if (params == null) {
      if (model == null) {
        throw new IllegalArgumentException("give --model, or --params with a fitted model");
      }
      return null;
    }
    FittedModel fitted = ClvModels.read("--params", params);
    if (model != null && !model.equals(fitted.model())) {
      throw new IllegalArgumentException(params + ": --params holds a " + fitted.model() + " model, but --model is "
          + model);
    }
    return fitted;
  }
}
