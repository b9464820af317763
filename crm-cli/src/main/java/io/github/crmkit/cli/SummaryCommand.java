package io.github.crmkit.cli;

import io.github.crmkit.cli.io.TransactionFileResult;
import io.github.crmkit.scoring.CalibrationHoldoutSummary;
import io.github.crmkit.scoring.RepeatPurchaseOptions;
import io.github.crmkit.scoring.RepeatPurchaseSummary;
import io.github.crmkit.scoring.TransactionColumns;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crm summary}: the repeat-purchase summary of customer-value models (lifetimes'
 * {@code summary_data_from_transaction_data}), and with an observation end the calibration / holdout split
 * ({@code calibration_and_holdout_data}), as CSV.
 *
 * <p>Thread-safety: not thread-safe; picocli fills a fresh instance for every run.
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
    description = {"Writes per customer the repeat-purchase summary used by customer-value models.",
        "Columns: customer_id,frequency,recency,T,monetary_value; with --observation-end also",
        "frequency_holdout,monetary_value_holdout,duration_holdout.",
        "Customers without a purchase by the calibration end are left out (counted on stderr)."})
final class SummaryCommand implements Callable<Integer> {
  @Mixin
  InputOptions input;

  @Mixin
  OutputOption output;

  @Option(names = "--calibration-end", required = true, paramLabel = "YYYY-MM-DD",
      description = "Last day of the calibration period (inclusive); later transactions are holdout or ignored.")
  LocalDate calibrationEnd;

  @Option(names = "--observation-end", paramLabel = "YYYY-MM-DD",
      description = "Last day of the holdout period (inclusive); adds the holdout columns.")
  LocalDate observationEnd;

  @Option(names = "--time-unit", paramLabel = "day|week|month", defaultValue = "day",
      description = "Unit of recency, T and duration: day, week (days / 7, as the published CDNOW summaries) or "
          + "month (purchases floored to calendar months) (default: ${DEFAULT-VALUE}).")
  String timeUnit;

  @Override
  public Integer call() throws IOException {
    RepeatPurchaseOptions options = switch (timeUnit.toLowerCase(Locale.ROOT)) {
      case "day" -> new RepeatPurchaseOptions(RepeatPurchaseOptions.Period.DAY, RepeatPurchaseOptions.Unit.DAYS);
      case "week" -> new RepeatPurchaseOptions(RepeatPurchaseOptions.Period.DAY, RepeatPurchaseOptions.Unit.WEEKS);
      case "month" -> new RepeatPurchaseOptions(RepeatPurchaseOptions.Period.MONTH,
          RepeatPurchaseOptions.Unit.MONTHS);
      default -> throw new IllegalArgumentException("--time-unit must be day, week or month, was " + timeUnit);
    };
    PrintStream err = System.err;
    TransactionFileResult read = input.read(err);
    TransactionColumns columns = read.columns();
    try (Writer out = output.open()) {
      if (observationEnd == null) {
        RepeatPurchaseSummary summary = RepeatPurchaseSummary.of(columns, calibrationEnd, options);
        out.write("customer_id,frequency,recency,T,monetary_value\n");
        for (int k = 0; k < summary.customerCount(); k++) {
          if (summary.isIncluded(k)) {
            out.write(row(summary, k) + "\n");
          }
        }
        err.printf(Locale.ROOT, "summary: %,d customers written, %,d left out (no purchase by %s)%n",
            summary.includedCount(), summary.excludedCount(), calibrationEnd);
      } else {
        CalibrationHoldoutSummary split = CalibrationHoldoutSummary.of(columns, calibrationEnd, observationEnd,
            options);
        RepeatPurchaseSummary summary = split.calibration();
        String duration = Csv.number(split.holdoutDuration());
        out.write("customer_id,frequency,recency,T,monetary_value,frequency_holdout,monetary_value_holdout,"
            + "duration_holdout\n");
        for (int k = 0; k < summary.customerCount(); k++) {
          if (summary.isIncluded(k)) {
            out.write(row(summary, k) + "," + split.holdoutFrequency(k) + ","
                + Csv.number(split.holdoutMonetaryValue(k)) + "," + duration + "\n");
          }
        }
        err.printf(Locale.ROOT, "summary: %,d customers written, %,d left out (no purchase by %s, %,d of them "
            + "first seen in the holdout)%n", summary.includedCount(), summary.excludedCount(), calibrationEnd,
            split.firstSeenInHoldoutCount());
      }
    }
    return 0;
  }

  private static String row(RepeatPurchaseSummary s, int k) {
    return Csv.field(s.customerId(k)) + "," + s.frequency(k) + "," + Csv.number(s.recency(k)) + ","
        + Csv.number(s.age(k)) + "," + Csv.number(s.monetaryValue(k));
  }
}
