package io.github.crmkit.cli;

import io.github.crmkit.scoring.CustomerSummaries;
import io.github.crmkit.scoring.Parallelism;
import io.github.crmkit.scoring.RfmBinning;
import io.github.crmkit.scoring.RfmScorer;
import io.github.crmkit.scoring.RfmScores;
import io.github.crmkit.scoring.SegmentMap;
import io.github.crmkit.scoring.SegmentStats;
import io.github.crmkit.scoring.SegmentSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crm rfm}: recency, frequency and monetary scores and segments per customer, as CSV, with the segment summary
 * on stderr.
 *
 * <p>Thread-safety: not thread-safe; picocli fills a fresh instance for every run.
 */
@Command(name = "rfm", mixinStandardHelpOptions = true,
    description = {"Scores customers by recency, frequency and monetary value and assigns segments.",
        "Writes customer_id,recency_days,frequency,monetary,r,f,m,rfm_score,segment and prints the segment summary",
        "on stderr. Recency is days from the last purchase to the analysis date; frequency the number of orders;",
        "monetary the total net of returns. Customers with no purchase (only returns) are not scored (counted on",
        "stderr)."})
final class RfmCommand implements Callable<Integer> {
  @Mixin
  InputOptions input;

  @Mixin
  OutputOption output;

  @Option(names = "--analysis-date", required = true, paramLabel = "YYYY-MM-DD",
      description = "The date recency is measured to.")
  LocalDate analysisDate;

  @Option(names = "--bins", paramLabel = "N", defaultValue = "5",
      description = "Bins per dimension, 1 to 9 (default: ${DEFAULT-VALUE}).")
  int bins;

  @Option(names = "--binning", paramLabel = "r-rfm|ntile", defaultValue = "r-rfm",
      description = "r-rfm: R package rfm's quantile edges; ntile: rank-first n-tiles as pandas qcut on "
          + "rank(method='first') (default: ${DEFAULT-VALUE}).")
  String binning;

  @Option(names = "--segments", paramLabel = "r-rfm|rf-grid|FILE.json", defaultValue = "r-rfm",
      description = "Segment map: the R rfm README map, the 10-segment R x F grid, or a JSON file "
          + "(default: ${DEFAULT-VALUE}).")
  String segments;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = {"Threads for the summary, the scores and the segment summary, 1 to 256 (default: "
          + "${DEFAULT-VALUE}). The scores and segments do not depend on it; with more than one, a customer's "
          + "monetary total and a segment's revenue are summed in parts and may differ in the last digits."})
  int threads;

  @Override
  public Integer call() throws IOException {
    if (threads < 1 || threads > Parallelism.MAX_THREADS) {
      throw new IllegalArgumentException("--threads must be between 1 and " + Parallelism.MAX_THREADS + ", was "
          + threads);
    }
    Parallelism parallelism = Parallelism.of(ForkJoinPool.commonPool(), threads);
    RfmBinning rfmBinning = switch (binning.toLowerCase(Locale.ROOT)) {
      case "r-rfm" -> RfmBinning.rRfm(bins);
      case "ntile" -> RfmBinning.ntile(bins);
      default -> throw new IllegalArgumentException("--binning must be r-rfm or ntile, was " + binning);
    };
    SegmentMap map = segmentMap();
    PrintStream err = System.err;
    CustomerSummaries summaries = CustomerSummaries.of(input.read(err).columns(), parallelism);
    RfmScores scores = RfmScorer.of(rfmBinning).score(summaries, analysisDate, parallelism);
    SegmentSummary summary = map.summarize(scores, parallelism);
    try (Writer out = output.open()) {
      out.write("customer_id,recency_days,frequency,monetary,r,f,m,rfm_score,segment\n");
      for (int k = 0; k < scores.customerCount(); k++) {
        if (!scores.isScored(k)) {
          continue;
        }
        out.write(Csv.field(scores.customerId(k)) + "," + scores.recencyDays(k) + "," + scores.frequency(k) + ","
            + Csv.number(scores.monetary(k)) + "," + scores.recencyScore(k) + "," + scores.frequencyScore(k) + ","
            + scores.monetaryScore(k) + "," + scores.rfmScore(k) + "," + Csv.field(summary.segmentName(k)) + "\n");
      }
    }
    printSummary(err, scores, summary);
    return 0;
  }

  private SegmentMap segmentMap() throws IOException {
    switch (segments.toLowerCase(Locale.ROOT)) {
      case "r-rfm":
        requireFiveBins("r-rfm");
        return SegmentMap.rfmReadme();
      case "rf-grid":
        requireFiveBins("rf-grid");
        return SegmentMap.rfGrid();
      default:
        Path file = Path.of(segments);
        if (!Files.isRegularFile(file)) {
          throw new IllegalArgumentException("--segments must be r-rfm, rf-grid or a JSON file; no file " + file);
        }
        try {
          return SegmentMap.fromJson(Files.readString(file, StandardCharsets.UTF_8), bins);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
  }

  private void requireFiveBins(String preset) {
    if (bins != 5) {
      throw new IllegalArgumentException("the " + preset + " segment preset is defined for 5 bins; with --bins "
          + bins + " give a JSON segment map");
    }
  }

  private static void printSummary(PrintStream err, RfmScores scores, SegmentSummary summary) {
    err.printf(Locale.ROOT, "rfm: %,d customers scored, %,d not scored (no purchase)%n", scores.scoredCount(),
        scores.excludedCount());
    err.printf(Locale.ROOT, "%-22s %10s %7s %10s %7s %14s %7s%n", "segment", "customers", "share", "orders", "share",
        "revenue", "share");
    for (SegmentStats s : summary.segments()) {
      err.printf(Locale.ROOT, "%-22s %,10d %6.1f%% %,10d %6.1f%% %,14.2f %6.1f%%%n", s.name(), s.customers(),
          100 * s.customerShare(), s.orders(), 100 * s.orderShare(), s.revenue(), 100 * s.revenueShare());
    }
    err.printf(Locale.ROOT, "%-22s %,10d %7s %,10d %7s %,14.2f%n", "total", summary.customers(), "", summary.orders(),
        "", summary.revenue());
  }
}
