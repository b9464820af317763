package io.github.crmkit.cli;

import io.github.crmkit.cli.io.TransactionFileResult;
import io.github.crmkit.scoring.CalibrationHoldoutSummary;
import io.github.crmkit.scoring.RepeatPurchaseOptions;
import io.github.crmkit.scoring.RepeatPurchaseSummary;
import io.github.crmkit.scoring.TransactionColumns;
import io.github.crmkit.scoring.clv.CustomerLifetimeValue;
import io.github.crmkit.scoring.clv.FitOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The options shared by {@code crm clv fit}, {@code predict} and {@code validate}: the model, and where the customers'
 * histories come from: either a summary CSV ({@code --summary}, columns mapped by header name) or transaction files
 * ({@code --input} with the mapping options of {@code crm rfm} and a calibration end), summarised as
 * {@code crm summary} does.
 *
 * <p>Thread-safety: not thread-safe; picocli fills a fresh instance for every run.
 */
final class ClvDataOptions {
  static final String BG_NBD = "bg-nbd";
  static final String MBG_NBD = "mbg-nbd";
  static final String PARETO_NBD = "pareto-nbd";
  static final String GAMMA_GAMMA = "gamma-gamma";
  static final String BG_BB = "bg-bb";
  static final List<String> MODELS = List.of(BG_NBD, MBG_NBD, PARETO_NBD, GAMMA_GAMMA, BG_BB);

  @Option(names = "--model", paramLabel = "bg-nbd|mbg-nbd|pareto-nbd|gamma-gamma|bg-bb",
      description = "The model: BG/NBD, MBG/NBD, Pareto/NBD (purchases, continuous time), Gamma-Gamma (spend per "
          + "purchase), BG/BB (purchases, discrete opportunities).")
  String model;

  @Option(names = "--summary", paramLabel = "FILE",
      description = "A per-customer summary CSV with a header, as lifetimes or crm summary write it: customer id in "
          + "the first column, then frequency,recency,T (and monetary_value); map other names with the column "
          + "options.")
  Path summary;

  @Option(names = "--id", paramLabel = "COL",
      description = "Customer id column of --summary (default: the first column; when that is one of the model's "
          + "columns, as in a file of weighted patterns, the row number).")
  String idColumn;

  @Option(names = "--frequency", paramLabel = "COL", defaultValue = "frequency",
      description = "Repeat purchases x (default: ${DEFAULT-VALUE}).")
  String frequencyColumn;

  @Option(names = "--recency", paramLabel = "COL", defaultValue = "recency",
      description = "Time of the last repeat purchase since the first, t_x; for bg-bb the opportunity of the last "
          + "purchase (default: ${DEFAULT-VALUE}).")
  String recencyColumn;

  @Option(names = "--T", paramLabel = "COL", defaultValue = "T",
      description = "Time from the first purchase to the end of calibration, T (default: ${DEFAULT-VALUE}).")
  String ageColumn;

  @Option(names = "--monetary", paramLabel = "COL",
      description = "Mean value of the repeat purchases (default: monetary_value, used when present).")
  String monetaryColumn;

  @Option(names = "--weights", paramLabel = "COL",
      description = "Number of customers each row stands for (default: none, 1 per row).")
  String weightsColumn;

  @Option(names = "--periods", paramLabel = "COL",
      description = "bg-bb: the number of purchase opportunities n of each row (default: periods).")
  String periodsColumn;

  @Mixin
  InputOptions input;

  @Option(names = "--calibration-end", paramLabel = "YYYY-MM-DD",
      description = "With --input: last day of the calibration period (inclusive), the end of the histories.")
  LocalDate calibrationEnd;

  @Option(names = "--time-unit", paramLabel = "day|week|month|year", defaultValue = "week",
      description = "Unit of recency, T and horizons: day, week or month; with --input as in crm summary. For bg-bb "
          + "with --input, the calendar period of one purchase opportunity: day, week (from Monday), month or year "
          + "(default: ${DEFAULT-VALUE}).")
  String timeUnit;

  @Option(names = "--penalty", paramLabel = "L2", defaultValue = "0",
      description = "L2 penalty on the log-parameters of a fit, >= 0 (default: ${DEFAULT-VALUE}).")
  double penalty;

  /** Makes {@code --input} of the {@link InputOptions} mixin optional: the data come from it or from --summary. */
  static final class InputOptional implements CommandLine.IModelTransformer {
    /** Called by picocli. */
    InputOptional() {}

    @Override
    public CommandSpec transform(CommandSpec spec) {
      OptionSpec required = spec.findOption("--input");
      spec.remove(required);
      spec.addOption(OptionSpec.builder(required).required(false)
          .description("Transaction files, directories or globs (e.g. 'by-day/*.csv'), instead of --summary; read "
              + "as crm summary reads them (--customer, --date, --amount, --date-format, --delimiter, ...).").build());
      return spec;
    }
  }

  /** The model name, lower case and checked; null if not given. */
  String model() {
    if (model == null) {
      return null;
    }
    String name = model.toLowerCase(Locale.ROOT);
    if (!MODELS.contains(name)) {
      throw new IllegalArgumentException("--model must be one of " + String.join(", ", MODELS) + ", was " + model);
    }
    return name;
  }

  /** The fit options from --penalty. */
  FitOptions fitOptions() {
    if (!(penalty >= 0.0 && penalty < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("--penalty must be finite and >= 0, was " + penalty);
    }
    return FitOptions.defaults().withPenalty(penalty);
  }

  /** The time unit, lower case and checked. */
  String timeUnit() {
    String unit = timeUnit.toLowerCase(Locale.ROOT);
    if (!unit.equals("day") && !unit.equals("week") && !unit.equals("month") && !unit.equals("year")) {
      throw new IllegalArgumentException("--time-unit must be day, week, month or year, was " + timeUnit);
    }
    return unit;
  }

  /** The time unit of a continuous-time model: day, week or month. */
  private String continuousTimeUnit() {
    String unit = timeUnit();
    if (unit.equals("year")) {
      throw new IllegalArgumentException("--time-unit year is the opportunity of bg-bb; bg-nbd, mbg-nbd, pareto-nbd "
          + "and gamma-gamma take day, week or month");
    }
    return unit;
  }

  /** The model's time units per month, for customer lifetime value. */
  double timeUnitsPerMonth() {
    return switch (continuousTimeUnit()) {
      case "day" -> CustomerLifetimeValue.DAYS_PER_MONTH;
      case "week" -> CustomerLifetimeValue.WEEKS_PER_MONTH;
      default -> 1.0;
    };
  }

  /** The summary options of --time-unit, as crm summary sets them. */
  RepeatPurchaseOptions repeatPurchaseOptions() {
    return switch (continuousTimeUnit()) {
      case "day" -> new RepeatPurchaseOptions(RepeatPurchaseOptions.Period.DAY, RepeatPurchaseOptions.Unit.DAYS);
      case "week" -> new RepeatPurchaseOptions(RepeatPurchaseOptions.Period.DAY, RepeatPurchaseOptions.Unit.WEEKS);
      default -> new RepeatPurchaseOptions(RepeatPurchaseOptions.Period.MONTH, RepeatPurchaseOptions.Unit.MONTHS);
    };
  }

  /** Which columns a command needs. */
  enum Need {
    /** frequency, recency, T (BG/NBD, MBG/NBD, Pareto/NBD); monetary when present. */
    PURCHASES,
    /** frequency and monetary (Gamma-Gamma). */
    SPEND,
    /** frequency, recency and periods (BG/BB). */
    DISCRETE
  }

  /**
   * The customers' histories.
   *
   * @param source the file or files they were read from
   * @param ids the customer ids
   * @param x repeat purchases
   * @param tx recency (null for SPEND)
   * @param age T (null for SPEND and DISCRETE)
   * @param monetary mean repeat spend, or null when absent
   * @param weights weights, or null for 1 each
   * @param periods BG/BB opportunities, or null
   * @param holdoutX holdout purchases, or null
   * @param holdoutLength holdout length per customer, or null
   * @param table the summary file the data came from (for positions in messages), or null for --input
   * @param transactions with --input: the transactions read, else null
   * @param calibration with --input: their calibration summary, whose included customers are the rows, else null
   * @param opportunities with --input for bg-bb: the customers' opportunities, whose customers are the rows, else
   *     null
   */
  record Data(String source, String[] ids, int[] x, double[] tx, double[] age, double[] monetary, double[] weights,
      int[] periods, int[] holdoutX, double[] holdoutLength, SummaryCsv.Table table, TransactionColumns transactions,
      RepeatPurchaseSummary calibration, Opportunities opportunities) {
    int size() {
      return x.length;
    }
  }

  /** The holdout columns of a summary file (validate). */
  record HoldoutColumns(String frequency, String duration) {}

  /**
   * Reads the data from --summary or --input.
   *
   * @param need the model's columns
   * @param wantMonetary read the monetary column when present (required when named by --monetary)
   * @param holdout with --summary: the holdout columns to read; null for none
   * @param observationEnd with --input: the end of the holdout; null for none
   * @param err where counts are reported
   */
  Data load(Need need, boolean wantMonetary, HoldoutColumns holdout, LocalDate observationEnd, PrintStream err)
      throws IOException {
    boolean fromInput = input.inputs != null && !input.inputs.isEmpty();
    if (fromInput == (summary != null)) {
      throw new IllegalArgumentException("give either --summary FILE or --input PATH... (with --calibration-end)");
    }
    if (fromInput) {
      return loadTransactions(need, holdout != null, observationEnd, err);
    }
    if (calibrationEnd != null) {
      throw new IllegalArgumentException("--calibration-end goes with --input, not with --summary");
    }
    return loadSummary(need, wantMonetary, holdout);
  }

  private Data loadSummary(Need need, boolean wantMonetary, HoldoutColumns holdout) throws IOException {
    List<String> header = SummaryCsv.header(summary);
    List<String> numeric = new ArrayList<>();
    List<SummaryCsv.Request> requests = new ArrayList<>();
    requests.add(new SummaryCsv.Request("--frequency", frequencyColumn, SummaryCsv.Kind.COUNT, true));
    numeric.add(frequencyColumn);
    if (need != Need.SPEND) {
      requests.add(new SummaryCsv.Request("--recency", recencyColumn, SummaryCsv.Kind.NON_NEGATIVE, true));
      numeric.add(recencyColumn);
    }
    if (need == Need.PURCHASES) {
      requests.add(new SummaryCsv.Request("--T", ageColumn, SummaryCsv.Kind.NON_NEGATIVE, true));
      numeric.add(ageColumn);
    }
    if (need == Need.DISCRETE) {
      String name = periodsColumn == null ? "periods" : periodsColumn;
      requests.add(new SummaryCsv.Request("--periods", name, SummaryCsv.Kind.POSITIVE_COUNT, true));
      numeric.add(name);
    }
    if (need == Need.SPEND || wantMonetary || monetaryColumn != null) {
      String name = monetaryColumn == null ? "monetary_value" : monetaryColumn;
      boolean required = need == Need.SPEND || monetaryColumn != null;
      requests.add(new SummaryCsv.Request("--monetary", name, SummaryCsv.Kind.NON_NEGATIVE, required));
      numeric.add(name);
    }
    if (weightsColumn != null) {
      requests.add(new SummaryCsv.Request("--weights", weightsColumn, SummaryCsv.Kind.POSITIVE, true));
      numeric.add(weightsColumn);
    }
    if (holdout != null) {
      requests.add(new SummaryCsv.Request("--holdout", holdout.frequency(), SummaryCsv.Kind.COUNT, true));
      requests.add(new SummaryCsv.Request("--holdout-duration", holdout.duration(), SummaryCsv.Kind.NON_NEGATIVE,
          true));
      numeric.add(holdout.frequency());
      numeric.add(holdout.duration());
    }
    boolean rowNumbers = idColumn == null && numeric.contains(header.get(0));
    if (!rowNumbers) {
      requests.add(new SummaryCsv.Request("--id", idColumn == null ? header.get(0) : idColumn,
          SummaryCsv.Kind.TEXT, true));
    }
    SummaryCsv.Table table = SummaryCsv.read(summary, requests);
    if (table.rows == 0) {
      throw new IllegalArgumentException(summary + ": no customer rows after the header");
    }
    String[] ids = rowNumbers ? null : table.text("--id");
    if (ids == null) {
      ids = new String[table.rows];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = Integer.toString(i + 1);
      }
    }
    int[] x = table.counts("--frequency");
    double[] tx = need == Need.SPEND ? null : table.number("--recency");
    double[] age = need == Need.PURCHASES ? table.number("--T") : null;
    int[] periods = need == Need.DISCRETE ? table.counts("--periods") : null;
    double[] monetary = table.has("--monetary") ? table.number("--monetary") : null;
    for (int i = 0; i < x.length; i++) {
      if (age != null && tx[i] > age[i]) {
        throw table.problem(i, "--recency", "must be at most T (the " + ageColumn + " column)");
      }
      if (tx != null && x[i] == 0 && tx[i] != 0.0) {
        throw table.problem(i, "--recency", "must be 0 when the frequency is 0");
      }
      if (periods != null && (tx[i] > periods[i] || tx[i] != Math.rint(tx[i]) || tx[i] < x[i])) {
        throw table.problem(i, "--recency", "must be a whole number of opportunities from the frequency to the "
            + "periods");
      }
      if (need == Need.SPEND && x[i] > 0 && !(monetary[i] > 0.0)) {
        throw table.problem(i, "--monetary", "must be > 0 for a customer with repeat purchases");
      }
    }
    int[] holdoutX = holdout == null ? null : table.counts("--holdout");
    double[] holdoutLength = holdout == null ? null : table.number("--holdout-duration");
    return new Data(summary.toString(), ids, x, tx, age, monetary,
        weightsColumn == null ? null : table.number("--weights"), periods, holdoutX, holdoutLength, table, null, null,
        null);
  }

  /** bg-bb with --input: each period of --time-unit is an opportunity (see {@link Opportunities}). */
  private Data loadOpportunities(LocalDate observationEnd, PrintStream err) throws IOException {
    Opportunities.Unit unit = Opportunities.Unit.of(timeUnit());
    Opportunities.checkEnds(unit, calibrationEnd, observationEnd); // before the files are read
    TransactionFileResult read = input.read(err);
    Opportunities o = Opportunities.of(read.columns(), unit, calibrationEnd, observationEnd);
    err.printf(Locale.ROOT, "clv: %,d customers' purchases by %s, %d opportunities by %s to %s; %,d left out (no "
        + "purchase by then), %,d left out (first purchase in the last %s, no opportunity after it)%n", o.size(),
        unit.label(), o.calibrationPeriod - o.firstBirth, unit.label(), calibrationEnd, o.noPurchase, o.bornLast,
        unit.label());
    if (o.size() == 0) {
      throw new IllegalArgumentException("no customer has a purchase before the " + unit.label() + " of the "
          + "calibration end " + calibrationEnd);
    }
    double[] tx = new double[o.size()];
    double[] holdoutLength = observationEnd == null ? null : new double[o.size()];
    for (int i = 0; i < tx.length; i++) {
      tx[i] = o.tx[i];
      if (holdoutLength != null) {
        holdoutLength[i] = o.holdoutN;
      }
    }
    return new Data(String.join(" ", input.inputs), o.ids, o.x, tx, null, o.monetary, null, o.n, o.holdoutX,
        holdoutLength, null, read.columns(), null, o);
  }

  private static void rejectWithInput(String option, String value) {
    if (value != null) {
      throw new IllegalArgumentException(option + " maps a column of --summary; with --input the columns are "
          + "--customer, --date and --amount");
    }
  }

  private Data loadTransactions(Need need, boolean withHoldout, LocalDate observationEnd, PrintStream err)
      throws IOException {
    if (calibrationEnd == null) {
      throw new IllegalArgumentException("--input needs --calibration-end YYYY-MM-DD");
    }
    if (withHoldout && observationEnd == null) {
      throw new IllegalArgumentException("--input needs --observation-end YYYY-MM-DD to validate on a holdout");
    }
    rejectWithInput("--id", idColumn);
    rejectWithInput("--monetary", monetaryColumn);
    rejectWithInput("--weights", weightsColumn);
    rejectWithInput("--periods", periodsColumn);
    if (need == Need.DISCRETE) {
      return loadOpportunities(withHoldout ? observationEnd : null, err);
    }
    RepeatPurchaseOptions options = repeatPurchaseOptions();
    TransactionFileResult read = input.read(err);
    RepeatPurchaseSummary calibration;
    CalibrationHoldoutSummary split = null;
    if (withHoldout) {
      split = CalibrationHoldoutSummary.of(read.columns(), calibrationEnd, observationEnd, options);
      calibration = split.calibration();
    } else {
      calibration = RepeatPurchaseSummary.of(read.columns(), calibrationEnd, options);
    }
    int n = calibration.includedCount();
    if (n == 0) {
      throw new IllegalArgumentException("no customer has a purchase by the calibration end " + calibrationEnd);
    }
    String[] ids = new String[n];
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] age = new double[n];
    double[] monetary = new double[n];
    int[] holdoutX = split == null ? null : new int[n];
    double[] holdoutLength = split == null ? null : new double[n];
    int row = 0;
    for (int k = 0; k < calibration.customerCount(); k++) {
      if (!calibration.isIncluded(k)) {
        continue;
      }
      ids[row] = calibration.customerId(k);
      x[row] = calibration.frequency(k);
      tx[row] = calibration.recency(k);
      age[row] = calibration.age(k);
      monetary[row] = calibration.monetaryValue(k);
      if (split != null) {
        holdoutX[row] = split.holdoutFrequency(k);
        holdoutLength[row] = split.holdoutDuration();
      }
      row++;
    }
    err.printf(Locale.ROOT, "clv: %,d customers summarised to %s, %,d left out (no purchase by then)%n", n,
        calibrationEnd, calibration.excludedCount());
    return new Data(String.join(" ", input.inputs), ids, x, tx, age, monetary, null, null, holdoutX, holdoutLength,
        null, read.columns(), calibration, null);
  }
}
