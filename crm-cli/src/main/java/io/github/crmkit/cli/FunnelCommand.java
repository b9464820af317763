package io.github.crmkit.cli;

import io.github.crmkit.lifecycle.ForecastCategory;
import io.github.crmkit.lifecycle.ForecastLine;
import io.github.crmkit.lifecycle.ForecastRollup;
import io.github.crmkit.lifecycle.Forecasts;
import io.github.crmkit.lifecycle.FunnelReport;
import io.github.crmkit.lifecycle.FunnelStep;
import io.github.crmkit.lifecycle.Funnels;
import io.github.crmkit.lifecycle.PipelineDefinition;
import io.github.crmkit.lifecycle.PipelineJson;
import io.github.crmkit.lifecycle.PipelineVelocity;
import io.github.crmkit.lifecycle.StageHistory;
import io.github.crmkit.lifecycle.StalledObject;
import io.github.crmkit.lifecycle.StageTimeSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crm funnel}: the funnel, stage conversion, time in stage and forecast tables of one pipeline over a stage
 * history file.
 *
 * <p>Thread-safety: not thread-safe; picocli fills a fresh instance for every run.
 */
@Command(name = "funnel", mixinStandardHelpOptions = true,
    description = {"Prints a pipeline's funnel, outcomes, time in stage and forecast from a stage history.",
        "The funnel with stage conversion and stage velocity, the outcomes (win rate, sales cycle, pipeline",
        "velocity), time in stage and the forecast of one pipeline, from a stage history file.",
        "History columns (CSV header or JSON fields): object_id,to,at required; pipeline,from,actor,reason,",
        "lost_reason,amount,probability optional. Without --cohort the funnel counts the changes in the window",
        "(period funnel); with it, it follows the objects that entered the pipeline in the window.",
        "Time in stage, stalled objects and the forecast are as of the later of the window's end and the last",
        "change."})
final class FunnelCommand implements Callable<Integer> {
  @Option(names = "--history", required = true, paramLabel = "FILE.csv|FILE.json",
      description = "The stage history: CSV with a header, or JSON.")
  Path history;

  @Option(names = "--pipeline", required = true, paramLabel = "FILE.json",
      description = "The pipeline definition (a JSON document with a version field).")
  Path pipeline;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD",
      description = "First day of the window (default: the day of the first change).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD",
      description = "Last day of the window, inclusive (default: the day of the last change).")
  LocalDate to;

  @Option(names = "--cohort", description = "Cohort funnel: follow the objects that entered in the window.")
  boolean cohort;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(pipeline)) {
      throw new IllegalArgumentException(pipeline + ": no such file");
    }
    PipelineDefinition definition;
    try {
      definition = PipelineJson.read(Files.readString(pipeline, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(pipeline + ": " + e.getMessage(), e);
    }
    StageHistory changes = StageHistoryFile.read(history, definition.name());
    if (changes.size() == 0) {
      throw new IllegalArgumentException(history + ": no stage changes");
    }
    LocalDate first = from != null ? from : changes.earliest().atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate last = to != null ? to : changes.latest().atZone(ZoneOffset.UTC).toLocalDate();
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("--to " + last + " is before --from " + first);
    }
    Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant asOf = changes.latest().isAfter(end) ? changes.latest() : end;
    FunnelReport report = cohort ? Funnels.cohort(changes, definition, start, end, null)
        : Funnels.period(changes, definition, start, end);
    PrintStream out = System.out;
    printFunnel(out, report, definition, first, last);
    printOutcomes(out, report, Funnels.velocity(changes, definition, null, report));
    printTimeInStage(out, changes, definition, asOf);
    printForecast(out, Forecasts.linesFromHistory(changes, definition));
    List<StalledObject> stalled = Funnels.stalled(changes, definition, asOf);
    out.printf(Locale.ROOT, "%nstalled objects as of %s: %,d%n", asOf, stalled.size());
    out.flush();
    return 0;
  }

  private static String number(double value, String format) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, format, value);
  }

  private static void printFunnel(PrintStream out, FunnelReport report, PipelineDefinition definition,
      LocalDate first, LocalDate last) {
    out.printf(Locale.ROOT, "%s funnel of pipeline %s, %s to %s: %,d objects%n", report.cohort() ? "cohort"
        : "period", report.pipeline(), first, last, report.objects());
    out.printf(Locale.ROOT, "%-24s %10s %10s %10s %10s %10s%n", "stage", "entered", "moved_on", "conversion",
        "visits", "mean_days");
    for (FunnelStep step : report.steps()) {
      // the won step ends the funnel: nothing moves on from it
      boolean won = !definition.hasStage(step.stage())
          || definition.stage(step.stage()).kind() == io.github.crmkit.lifecycle.StageKind.WON;
      out.printf(Locale.ROOT, "%-24s %,10d %10s %10s %,10d %10s%n", step.stage(), step.entered(),
          won ? "-" : String.format(Locale.ROOT, "%,d", step.movedOn()),
          won ? "-" : number(100 * step.conversion(), "%.1f%%"), step.completedVisits(),
          number(step.meanDaysInStage(), "%.2f"));
    }
  }

  private static void printOutcomes(PrintStream out, FunnelReport report, PipelineVelocity velocity) {
    out.printf(Locale.ROOT, "%nwon %,d, lost %,d, closed %,d; win rate %s; average sales cycle %s days;"
        + " mean won amount %s%n", report.won(), report.lost(), report.closed(),
        number(100 * report.winRate(), "%.1f%%"), number(report.averageSalesCycleDays(), "%.2f"),
        number(report.meanWonAmount(), "%,.2f"));
    out.printf(Locale.ROOT, "pipeline velocity: %,d open x win rate x mean won amount / cycle = %s per day%n",
        velocity.openQualified(), number(velocity.valuePerDay(), "%,.2f"));
  }

  private static void printTimeInStage(PrintStream out, StageHistory changes, PipelineDefinition definition,
      Instant asOf) {
    out.printf(Locale.ROOT, "%ntime in stage as of %s%n%-24s %10s %10s %15s %16s%n", asOf, "stage", "objects",
        "visits", "mean_total_days", "mean_latest_days");
    for (StageTimeSummary time : Funnels.timeInStage(changes, definition, asOf, null)) {
      out.printf(Locale.ROOT, "%-24s %,10d %,10d %15s %16s%n", time.stage(), time.objects(), time.visits(),
          number(time.meanTotalDays(), "%.2f"), number(time.meanLatestDays(), "%.2f"));
    }
  }

  private static void printForecast(PrintStream out, List<ForecastLine> lines) {
    ForecastRollup total = Forecasts.total(lines);
    out.printf(Locale.ROOT, "%nforecast (amount and probability at each object's last change)%n"
        + "%-12s %8s %15s %15s %15s %15s%n", "category", "objects", "amount", "weighted", "cumulative",
        "cum_weighted");
    for (ForecastCategory category : ForecastCategory.values()) {
      out.printf(Locale.ROOT, "%-12s %,8d %,15.2f %,15.2f %15s %15s%n", category.jsonName(), total.count(category),
          total.amount(category), total.weighted(category),
          category == ForecastCategory.OMITTED ? "-" : String.format(Locale.ROOT, "%,.2f",
              total.cumulativeAmount(category)),
          category == ForecastCategory.OMITTED ? "-" : String.format(Locale.ROOT, "%,.2f",
              total.cumulativeWeighted(category)));
    }
    out.printf(Locale.ROOT, "weighted pipeline: %,.2f%n", total.weightedPipeline());
    Map<String, ForecastRollup> owners = Forecasts.byOwner(lines);
    out.printf(Locale.ROOT, "%-24s %15s %15s %15s%n", "owner (last actor)", "pipeline", "commit", "weighted");
    for (Map.Entry<String, ForecastRollup> owner : owners.entrySet()) {
      ForecastRollup r = owner.getValue();
      out.printf(Locale.ROOT, "%-24s %,15.2f %,15.2f %,15.2f%n", owner.getKey().isEmpty() ? "(none)"
          : owner.getKey(), r.cumulativeAmount(ForecastCategory.PIPELINE),
          r.cumulativeAmount(ForecastCategory.COMMIT), r.weightedPipeline());
    }
  }
}
