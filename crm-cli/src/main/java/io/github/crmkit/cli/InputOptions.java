package io.github.crmkit.cli;

import io.github.crmkit.cli.io.InputFiles;
import io.github.crmkit.cli.io.ReadProgress;
import io.github.crmkit.cli.io.TransactionFileFormat;
import io.github.crmkit.cli.io.TransactionFileReader;
import io.github.crmkit.cli.io.TransactionFileResult;
import io.github.crmkit.scoring.RejectedRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options shared by the commands that read transaction files: which files, how their columns map, and what to do
 * with malformed rows. Without {@code --rejects}, the first malformed row stops the run (exit status 2, one line naming
 * file, line, column and problem); with it, rejected rows are written to that file and the run goes on.
 *
 * <p>Thread-safety: not thread-safe; picocli fills a fresh instance for every run.
 */
final class InputOptions {
  @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH",
      description = "Transaction files, directories or globs (e.g. 'by-day/*.csv').")
  List<String> inputs;

  @Option(names = "--customer", paramLabel = "COL", defaultValue = "customer_id",
      description = "Customer id column: a header name, or a 1-based index with --no-header (default: ${DEFAULT-VALUE}).")
  String customer;

  @Option(names = "--date", paramLabel = "COL", defaultValue = "order_date",
      description = "Date column (default: ${DEFAULT-VALUE}).")
  String date;

  @Option(names = "--amount", paramLabel = "COL",
      description = "Amount column (default: revenue, unless --quantity and --price are given).")
  String amount;

  @Option(names = "--quantity", paramLabel = "COL", description = "Quantity column; the amount is quantity x price.")
  String quantity;

  @Option(names = "--price", paramLabel = "COL", description = "Unit price column; the amount is quantity x price.")
  String price;

  @Option(names = "--order", paramLabel = "COL",
      description = "Order id column: rows of one order count as one order; ids starting with C are cancellations.")
  String order;

  @Option(names = "--date-format", paramLabel = "PATTERN", defaultValue = "yyyy-MM-dd",
      description = "java.time pattern of the dates, e.g. yyyyMMdd or 'M/d/yyyy H:mm' (default: ${DEFAULT-VALUE}).")
  String dateFormat;

  @Option(names = "--delimiter", paramLabel = ",|whitespace", defaultValue = ",",
      description = "Field delimiter: a character, 'tab' or 'whitespace' (runs of spaces) (default: ${DEFAULT-VALUE}).")
  String delimiter;

  @Option(names = "--no-header", description = "The files have no header line; COL values are 1-based indexes.")
  boolean noHeader;

  @Option(names = "--rejects", paramLabel = "FILE",
      description = "Write malformed rows (file,line,column,field,reason) to FILE and go on, instead of stopping.")
  Path rejects;

  /** Builds the file format from the options. */
  TransactionFileFormat format() {
    TransactionFileFormat.Builder b = TransactionFileFormat.builder().header(!noHeader).delimiter(delimiter)
        .customer(customer).date(date).datePattern(dateFormat).strict(rejects == null);
    if (quantity != null || price != null) {
      if (quantity == null || price == null || amount != null) {
        throw new IllegalArgumentException("give either --amount, or both --quantity and --price");
      }
      b.quantity(quantity).price(price);
    } else {
      b.amount(amount == null ? "revenue" : amount);
    }
    if (order != null) {
      b.order(order).cancellationPrefix("C");
    }
    return b.build();
  }

  /**
   * Reads the files, drawing a progress bar on stderr for long inputs, writing rejects if asked, and printing a
   * one-line reconciliation of the counts on stderr.
   */
  TransactionFileResult read(PrintStream err) throws IOException {
    TransactionFileFormat format = format();
    List<Path> files = InputFiles.expand(inputs);
    ProgressBar bar = new ProgressBar(err);
    TransactionFileResult result = TransactionFileReader.read(files, format, bar);
    bar.finish();
    if (rejects != null) {
      writeRejects(result.rejects());
    }
    err.printf(Locale.ROOT, "read %,d rows from %,d file(s): %,d accepted, %,d rejected%s%n", result.rows(),
        result.files().size(), result.accepted(), result.rejected(),
        result.rejected() == 0 ? "" : " (" + describe(result.rejectCounts()) + "; written to " + rejects + ")");
    return result;
  }

  private static String describe(Map<String, Long> counts) {
    StringBuilder out = new StringBuilder();
    counts.forEach((reason, n) -> out.append(out.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
        "%,d %s", n, reason)));
    return out.toString();
  }

  private void writeRejects(List<RejectedRow> rows) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(rejects, StandardCharsets.UTF_8)) {
      w.write("file,line,column,field,reason\n");
      for (RejectedRow r : rows) {
        w.write(Csv.field(r.source()) + "," + r.row() + "," + r.column() + "," + Csv.field(r.field()) + ","
            + Csv.field(r.reason()) + "\n");
      }
    }
  }

  /** A one-line progress bar on stderr, drawn only for inputs of more than 16 MB read from a terminal session. */
  static final class ProgressBar implements ReadProgress {
    private static final long THRESHOLD = 16L << 20;
    private final PrintStream err;
    private final boolean enabled = System.console() != null;
    private int drawn = -1;

    ProgressBar(PrintStream err) {
      this.err = err;
    }

    @Override
    public void update(long bytesRead, long totalBytes) {
      if (!enabled || totalBytes < THRESHOLD) {
        return;
      }
      int percent = (int) (100 * bytesRead / totalBytes);
      if (percent != drawn) {
        drawn = percent;
        int filled = percent / 4;
        err.print("\rreading [" + "#".repeat(filled) + " ".repeat(25 - filled) + "] " + percent + "%");
      }
    }

    void finish() {
      if (drawn >= 0) {
        err.print("\r" + " ".repeat(40) + "\r");
      }
    }
  }
}
