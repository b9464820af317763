package io.github.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.crmkit.scoring.clv.BgBbModel;
import io.github.crmkit.scoring.clv.FittedModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClvCommandTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    err.reset();
    PrintStream stdOut = System.out;
    PrintStream stdErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return CrmCommand.commandLine().execute(args);
    } finally {
      System.setOut(stdOut);
      System.setErr(stdErr);
    }
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String lastErrorLine() {
    List<String> lines = stderr().lines().toList();
    return lines.get(lines.size() - 1);
  }

  private static Path cdnow(String file) {
    Path data = Path.of(System.getProperty("crmkit.data", "../../shared/data"));
    Path path = data.resolve("cdnow").resolve(file);
    Assumptions.assumeTrue(Files.isRegularFile(path), "CDNOW data not found under " + data.toAbsolutePath()
        + " (set -Dcrmkit.data): skipping");
    return path;
  }

  private static Offset<Double> relative(double expected, double tolerance) {
    return within(Math.abs(expected) * tolerance);
  }

  /** The CSV rows of the predictions, by customer id. */
  private static String[] row(List<String> lines, String id) {
    return lines.stream().filter(l -> l.startsWith(id + ",")).findFirst().orElseThrow().split(",", -1);
  }

  @Test
  void fitReproducesThePublishedBgNbdParametersOnCdnow() {
    int status = run("clv", "fit", "--model", "bg-nbd", "--summary", cdnow("cdnow_customers_summary.csv").toString());
    assertThat(status).isZero();
    String json = stdout().strip();
    assertThat(json).startsWith("{\"model\":\"bg-nbd\",\"params\":{\"r\":").contains("\"standardErrors\":{")
        .contains("\"converged\":true").contains("\"customers\":2357");
    FittedModel fitted = FittedModel.fromJson(json);
    // Fader, Hardie and Lee (2005): r 0.2426, alpha 4.414, a 0.793, b 2.426, LL -9582.4 (on the rounded file)
    assertThat(fitted.parameter("r")).isCloseTo(0.2426, relative(0.2426, 1e-3));
    assertThat(fitted.parameter("alpha")).isCloseTo(4.414, relative(4.414, 1e-3));
    assertThat(fitted.parameter("a")).isCloseTo(0.793, relative(0.793, 1e-3));
    assertThat(fitted.parameter("b")).isCloseTo(2.426, relative(2.426, 1e-3));
    assertThat(fitted.logLikelihood()).isCloseTo(-9582.429, relative(9582.429, 1e-3));
    assertThat(stderr()).contains("clv fit: bg-nbd on 2,357 customers").contains("converged");
  }

  @Test
  void fitReproducesThePublishedParetoNbdParametersOnCdnow() {
    int status = run("clv", "fit", "--model", "pareto-nbd", "--summary",
        cdnow("cdnow_customers_summary.csv").toString());
    assertThat(status).isZero();
    FittedModel fitted = FittedModel.fromJson(stdout().strip());
    // published: r 0.5534, alpha 10.5802, s 0.6061, beta 11.6562, LL -9594.976
    assertThat(fitted.model()).isEqualTo("pareto-nbd");
    assertThat(fitted.parameter("r")).isCloseTo(0.5534, relative(0.5534, 1e-2));
    assertThat(fitted.parameter("alpha")).isCloseTo(10.580, relative(10.580, 1e-2));
    assertThat(fitted.parameter("s")).isCloseTo(0.6061, relative(0.6061, 1e-2));
    assertThat(fitted.parameter("beta")).isCloseTo(11.656, relative(11.656, 1e-2));
    assertThat(fitted.logLikelihood()).isCloseTo(-9594.976, relative(9594.976, 1e-3));
  }

  @Test
  void predictTakesTheJsonThatFitPrints() throws IOException {
    Path summary = cdnow("cdnow_customers_summary.csv");
    assertThat(run("clv", "fit", "--model", "bg-nbd", "--summary", summary.toString())).isZero();
    Path params = dir.resolve("bgnbd.json");
    Files.writeString(params, stdout());
    Path output = dir.resolve("predictions.csv");
    int status = run("clv", "predict", "--params", params.toString(), "--summary", summary.toString(),
        "--horizon", "52", "--output", output.toString());
    assertThat(status).isZero();
    List<String> lines = Files.readAllLines(output);
    assertThat(lines).hasSize(1 + 2357);
    assertThat(lines.get(0)).isEqualTo("customer_id,p_alive,expected_purchases,expected_avg_spend,clv");
    // published at the published parameters, customer 1516 (x 26, t_x 30.86, T 31): CE(52) 25.757, P(alive) 0.9689
    String[] c1516 = row(lines, "1516");
    assertThat(Double.parseDouble(c1516[1])).isCloseTo(0.9688523, within(1e-3));
    assertThat(Double.parseDouble(c1516[2])).isCloseTo(25.75659, relative(25.75659, 2e-3));
    // no monetary column: spend and value are left empty
    assertThat(c1516[3]).isEmpty();
    assertThat(c1516[4]).isEmpty();
    // BG/NBD: a customer without repeat purchases is alive with probability 1 (customer 3: x = 0)
    assertThat(row(lines, "3")[1]).isEqualTo("1");
    assertThat(stderr()).contains("no monetary column");
  }

  @Test
  void fitsGammaGammaOnTheMeanRepeatSpendOfCdnow() {
    // the file's columns are ID, x, t_x, T, zbar (README of the data)
    int status = run("clv", "fit", "--model", "gamma-gamma", "--summary",
        cdnow("cdnow_customers_summary_with_transactions.csv").toString(), "--frequency", "x", "--monetary", "zbar");
    assertThat(status).isZero();
    FittedModel fitted = FittedModel.fromJson(stdout().strip());
    // Fader, Hardie and Lee (2005, "RFM and CLV"): p 6.25, q 3.74, gamma 15.44, LL -4055.92 on the 946 repeaters
    assertThat(fitted.model()).isEqualTo("gamma-gamma");
    assertThat(fitted.parameter("p")).isCloseTo(6.25, within(0.005));
    assertThat(fitted.parameter("q")).isCloseTo(3.74, within(0.005));
    assertThat(fitted.parameter("gamma")).isCloseTo(15.44, within(0.01));
    assertThat(fitted.logLikelihood()).isCloseTo(-4055.92, within(0.01));
    assertThat(fitted.customers()).isEqualTo(946);
  }

  @Test
  void predictsSpendAndValueWithAGammaGammaModel() throws IOException {
    Path purchases = dir.resolve("bgnbd.json");
    Files.writeString(purchases,
        "{\"model\":\"bg-nbd\",\"params\":{\"r\":0.2425982,\"alpha\":4.4136842,\"a\":0.7929899,\"b\":2.4261667}}");
    Path spend = dir.resolve("gg.json");
    Files.writeString(spend, "{\"model\":\"gamma-gamma\",\"params\":{\"p\":6.25,\"q\":3.74,\"gamma\":15.44}}");
    Path output = dir.resolve("predictions.csv");
    // --time-unit month makes a model month one time unit: 39 undiscounted months of value are then
    // E[M] x CE(39), the increments of the expected purchases adding up to their total
    int status = run("clv", "predict", "--params", purchases.toString(), "--spend-params", spend.toString(),
        "--summary", cdnow("cdnow_customers_summary_with_transactions.csv").toString(), "--frequency", "x",
        "--recency", "t_x", "--monetary", "zbar", "--horizon", "39", "--clv-months", "39", "--discount-rate", "0",
        "--time-unit", "month", "--output", output.toString());
    assertThat(status).isZero();
    List<String> lines = Files.readAllLines(output);
    assertThat(lines).hasSize(1 + 2357);
    // customer 1: x 2, t_x 30.43, T 38.86, zbar 22.35; published CE(39) = 1.226;
    // E[M] = p (gamma + x zbar) / (p x + q - 1) = 6.25 (15.44 + 44.7) / 15.24 = 24.66371391
    String[] c1 = row(lines, "1");
    assertThat(Double.parseDouble(c1[2])).isCloseTo(1.226, within(5e-4));
    assertThat(Double.parseDouble(c1[3])).isCloseTo(24.66371391, within(1e-7));
    assertThat(Double.parseDouble(c1[4])).isCloseTo(24.66371391 * 1.226, relative(24.66371391 * 1.226, 1e-3));
  }

  @Test
  void predictFitsTheModelsWhenNoParametersAreGiven() throws IOException {
    Path output = dir.resolve("predictions.csv");
    int status = run("clv", "predict", "--model", "bg-nbd", "--summary",
        cdnow("cdnow_customers_summary_with_transactions.csv").toString(), "--frequency", "x", "--recency", "t_x",
        "--monetary", "zbar", "--horizon", "52", "--output", output.toString());
    assertThat(status).isZero();
    assertThat(stderr()).contains("fitted {\"model\":\"bg-nbd\"").contains("fitted {\"model\":\"gamma-gamma\"");
    List<String> lines = Files.readAllLines(output);
    // every value column filled for every customer, the value discounted and positive
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      assertThat(f).hasSize(5);
      assertThat(Double.parseDouble(f[1])).isBetween(0.0, 1.0);
      assertThat(Double.parseDouble(f[4])).isPositive();
    }
  }

  private static Path donations() {
    return donations("donations.csv");
  }

  /** A file of ../shared/data/donations-bgbb; the test is skipped when it is absent. */
  private static Path donations(String file) {
    Path data = Path.of(System.getProperty("crmkit.data", "../../shared/data"));
    Path path = data.resolve("donations-bgbb").resolve(file);
    Assumptions.assumeTrue(Files.isRegularFile(path), "donations data not found under " + data.toAbsolutePath()
        + " (set -Dcrmkit.data): skipping");
    return path;
  }

  @Test
  void fitsBgBbOnTheWeightedDonationPatterns() {
    // columns frequency,recency,periods,weights: 22 patterns of 11,104 donors, n = 6
    int status = run("clv", "fit", "--model", "bg-bb", "--summary", donations().toString(), "--weights", "weights");
    assertThat(status).isZero();
    assertPublishedDonationsFit(FittedModel.fromJson(stdout().strip()));
  }

  /** Fader, Hardie and Shang (2010): alpha 1.204, beta 0.750, gamma 0.657, delta 2.783, LL -33225.58. */
  private static void assertPublishedDonationsFit(FittedModel fitted) {
    assertThat(fitted.model()).isEqualTo("bg-bb");
    assertThat(fitted.parameter("alpha")).isCloseTo(1.204, within(0.001));
    assertThat(fitted.parameter("beta")).isCloseTo(0.750, within(0.001));
    assertThat(fitted.parameter("gamma")).isCloseTo(0.657, within(0.001));
    assertThat(fitted.parameter("delta")).isCloseTo(2.783, within(0.002));
    assertThat(fitted.logLikelihood()).isCloseTo(-33225.58, within(0.05));
    assertThat(fitted.customers()).isEqualTo(11104);
  }

  @Test
  void fitsBgBbFromTransactionsWithEachYearOneOpportunity() throws IOException {
    // the donors' transactions rebuilt from their patterns: a first donation in 1995, then x donations in x of the
    // years 1996 to 2001, the last in 1995 + t_x; a donor with repeat donations gives twice in that last year
    List<String> patterns = Files.readAllLines(donations());
    StringBuilder csv = new StringBuilder("customer_id,order_date,revenue\n");
    int donor = 0;
    for (String line : patterns.subList(1, patterns.size())) {
      String[] f = line.split(",");
      int x = Integer.parseInt(f[0]);
      int tx = Integer.parseInt(f[1]);
      for (int k = 0; k < Integer.parseInt(f[3]); k++) {
        String id = "d" + donor++;
        csv.append(id).append(",1995-06-15,25\n");
        for (int year = 1; year < x; year++) {
          csv.append(id).append(',').append(1995 + year).append("-06-15,25\n");
        }
        if (x > 0) {
          csv.append(id).append(',').append(1995 + tx).append("-03-01,10\n");
          csv.append(id).append(',').append(1995 + tx).append("-11-30,30\n");
        }
      }
    }
    Path transactions = dir.resolve("donations-transactions.csv");
    Files.writeString(transactions, csv);
    int status = run("clv", "fit", "--model", "bg-bb", "--input", transactions.toString(), "--time-unit", "year",
        "--calibration-end", "2001-12-31");
    assertThat(status).as(stderr()).isZero();
    assertThat(stderr()).contains("11,104 customers' purchases by year, 6 opportunities by year to 2001-12-31; 0 left "
        + "out (no purchase by then), 0 left out");
    assertPublishedDonationsFit(FittedModel.fromJson(stdout().strip()));

    // an end that is not the last day of a year, and a year for a continuous-time model, are refused by name
    assertThat(run("clv", "fit", "--model", "bg-bb", "--input", transactions.toString(), "--time-unit", "year",
        "--calibration-end", "2001-12-30")).isEqualTo(2);
    assertThat(lastErrorLine()).contains("--calibration-end must be the last day of a year for bg-bb");
    assertThat(run("clv", "fit", "--model", "bg-nbd", "--input", transactions.toString(), "--time-unit", "year",
        "--calibration-end", "2001-12-31")).isEqualTo(2);
    assertThat(lastErrorLine()).contains("--time-unit year is the opportunity of bg-bb");
  }

  @Test
  void validatesAndTracksBgBbOnTheSimulatedEventLogPerYear() throws IOException {
    // BTYD's simulated BG/BB event log: 10,000 customers born in 1970, purchases on 1 January of later years
    List<String> log = Files.readAllLines(donations("btyd/discreteSimElog.csv"));
    StringBuilder csv = new StringBuilder("customer_id,order_date,revenue\n");
    java.util.Map<String, java.util.TreeSet<Integer>> years = new java.util.TreeMap<>();
    for (String line : log.subList(1, log.size())) {
      String[] f = line.replace("\"", "").split(",");
      csv.append(f[0]).append(',').append(f[1]).append(",1\n");
      years.computeIfAbsent(f[0], k -> new java.util.TreeSet<>()).add(Integer.parseInt(f[1].substring(0, 4)));
    }
    Path transactions = dir.resolve("elog.csv");
    Files.writeString(transactions, csv);
    // the same customers as a summary, made here: x, t_x and n from the years 1971 to 1977, the holdout 1978-1983
    StringBuilder summary = new StringBuilder("customer,frequency,recency,periods,frequency_holdout,"
        + "duration_holdout\n");
    long[] repeatBuyers = new long[14]; // 1970 to 1983
    long holdout = 0;
    for (java.util.Map.Entry<String, java.util.TreeSet<Integer>> e : years.entrySet()) {
      int birth = e.getValue().first();
      int x = 0;
      int last = birth;
      int later = 0;
      for (int year : e.getValue()) {
        if (year > birth) {
          repeatBuyers[year - 1970]++;
          if (year <= 1977) {
            x++;
            last = year;
          } else {
            later++;
          }
        }
      }
      holdout += later;
      summary.append(e.getKey()).append(',').append(x).append(',').append(last - birth).append(',')
          .append(1977 - birth).append(',').append(later).append(",6\n");
    }
    Path summaryFile = dir.resolve("elog-summary.csv");
    Files.writeString(summaryFile, summary);
    assertThat(run("clv", "validate", "--model", "bg-bb", "--summary", summaryFile.toString())).as(stderr()).isZero();
    String fromSummary = stdout();

    int status = run("clv", "validate", "--model", "bg-bb", "--input", transactions.toString(), "--time-unit",
        "year", "--calibration-end", "1977-12-31", "--observation-end", "1983-12-31", "--tracking");
    assertThat(status).as(stderr()).isZero();
    String printed = stdout();
    // the same fit and holdout table as from the summary made here
    assertThat(printed).startsWith(fromSummary).contains("holdout 6 opportunities, 10,000 customers")
        .contains("actual " + String.format(java.util.Locale.ROOT, "%,d", holdout) + " ");
    // per year, the repeat buyers counted here, and their running total
    long cumulative = 0;
    for (int year = 1971; year <= 1983; year++) {
      cumulative += repeatBuyers[year - 1970];
      String end = year + "-12-31";
      String[] row = printed.lines().filter(l -> l.contains(" " + end + " ")).findFirst().orElseThrow().trim()
          .split("\\s+");
      assertThat(row[0]).isEqualTo(Integer.toString(year - 1970));
      assertThat(row[3].replace(",", "")).as("cumulative by %s", end).isEqualTo(Long.toString(cumulative));
      assertThat(row[5].replace(",", "")).as("in %s", year).isEqualTo(Long.toString(repeatBuyers[year - 1970]));
    }
    assertThat(printed).contains("1977-12-31").containsPattern("1977-12-31 .*<- calibration end")
        .contains("cumulative tracking: mean absolute percentage error");
    // the expected first year: 10,000 customers x E[X(1)] = 10,000 x alpha / (alpha + beta) x delta / (gamma + delta)
    String model = printed.lines().findFirst().orElseThrow();
    String[] p = model.split("\\s+");
    double alpha = Double.parseDouble(p[3]);
    double beta = Double.parseDouble(p[5]);
    double gamma = Double.parseDouble(p[7]);
    double delta = Double.parseDouble(p[9].replace(",", ""));
    String[] first = printed.lines().filter(l -> l.contains(" 1971-12-31 ")).findFirst().orElseThrow().trim()
        .split("\\s+");
    assertThat(Double.parseDouble(first[2].replace(",", "")))
        .isCloseTo(10_000 * alpha / (alpha + beta) * delta / (gamma + delta), within(0.5));
    // and by 1983: E[X(13)] = alpha / (alpha + beta) x the sum over t = 1..13 of E[(1 - theta)^t], where
    // E[(1 - theta)^t] = B(gamma, delta + t) / B(gamma, delta), the product of (delta + i) / (gamma + delta + i)
    double alive = 1.0;
    double sum = 0.0;
    for (int t = 1; t <= 13; t++) {
      alive *= (delta + t - 1) / (gamma + delta + t - 1);
      sum += alive;
    }
    String[] last = printed.lines().filter(l -> l.contains(" 1983-12-31 ")).findFirst().orElseThrow().trim()
        .split("\\s+");
    assertThat(Double.parseDouble(last[2].replace(",", "")))
        .isCloseTo(10_000 * alpha / (alpha + beta) * sum, within(0.5));
  }

  @Test
  void predictsBgBbWithRowNumbersForAFileOfPatterns() throws IOException {
    Path params = bgBbParams();
    Path output = dir.resolve("predictions.csv");
    int status = run("clv", "predict", "--params", params.toString(), "--summary", donations().toString(),
        "--horizon", "5", "--output", output.toString());
    assertThat(status).isZero();
    List<String> lines = Files.readAllLines(output);
    assertThat(lines).hasSize(1 + 22);
    // the first column is the model's frequency, so customers are named by row: row 1 is (x 0, t_x 0), row 10
    // (2, 4), row 22 (6, 6); published P(alive in 2002) 0.11, 0.59, 0.93
    assertThat(Double.parseDouble(row(lines, "1")[1])).isCloseTo(0.11, within(0.005));
    assertThat(Double.parseDouble(row(lines, "10")[1])).isCloseTo(0.59, within(0.005));
    assertThat(Double.parseDouble(row(lines, "22")[1])).isCloseTo(0.93, within(0.005));
    assertThat(row(lines, "22")[3]).isEmpty();
    assertThat(row(lines, "22")[4]).isEmpty();
  }

  @Test
  void predictsBgBbLifetimeValueAsExpectedSpendTimesDiscountedResidualPurchases() throws IOException {
    Path params = bgBbParams();
    Path spendParams = dir.resolve("gg.json");
    Files.writeString(spendParams, "{\"model\":\"gamma-gamma\",\"params\":{\"p\":6.25,\"q\":3.74,"
        + "\"gamma\":15.44}}");
    Path summary = dir.resolve("donors.csv");
    Files.writeString(summary, "customer_id,frequency,recency,periods,monetary_value\n"
        + "D1,6,6,6,50\nD2,3,4,6,20\nD3,0,0,6,0\n");
    Path output = dir.resolve("predictions.csv");
    int status = run("clv", "predict", "--params", params.toString(), "--spend-params", spendParams.toString(),
        "--summary", summary.toString(), "--horizon", "1", "--discount-rate", "0.1", "--output", output.toString());
    assertThat(status).as(stderr()).isZero();
    List<String> lines = Files.readAllLines(output);
    assertThat(lines).hasSize(1 + 3);
    BgBbModel model = BgBbModel.of(1.204, 0.750, 0.657, 2.783);
    int[][] histories = {{6, 6, 6}, {3, 4, 6}, {0, 0, 6}};
    double[] mean = {50, 20, 0};
    String[] ids = {"D1", "D2", "D3"};
    for (int i = 0; i < 3; i++) {
      String[] r = row(lines, ids[i]);
      int x = histories[i][0];
      // Gamma-Gamma by hand: E[M | x, m] = p (gamma + x m) / (p x + q - 1)
      double spend = 6.25 * (15.44 + x * mean[i]) / (6.25 * x + 3.74 - 1.0);
      assertThat(Double.parseDouble(r[3])).as("spend of %s", ids[i]).isCloseTo(spend, relative(spend, 1e-6));
      // the CLI's wiring: clv = spend x DERT at 0.1 per opportunity (DERT itself is checked in crm-scoring)
      double clv = spend * model.discountedExpectedResidualPurchases(0.1, x, histories[i][1], histories[i][2]);
      assertThat(Double.parseDouble(r[4])).as("clv of %s", ids[i]).isCloseTo(clv, relative(clv, 1e-6));
    }
    assertThat(Double.parseDouble(row(lines, "D1")[4])).isGreaterThan(Double.parseDouble(row(lines, "D2")[4]));
    assertThat(stderr()).contains("DERT").contains("--clv-months does not apply");

    int refused = run("clv", "predict", "--params", params.toString(), "--spend-params", spendParams.toString(),
        "--summary", summary.toString(), "--horizon", "1", "--discount-rate", "0", "--output", output.toString());
    assertThat(refused).isNotZero();
    assertThat(stderr()).contains("--discount-rate of bg-bb is a rate per opportunity and must be > 0");
  }

  @Test
  void validateOnTheCdnowTransactionsReproducesThePublishedHoldout() {
    int status = run("clv", "validate", "--model", "bg-nbd", "--input", cdnow("CDNOW_sample.txt").toString(),
        "--no-header", "--delimiter", "whitespace", "--customer", "1", "--date", "3", "--amount", "5",
        "--date-format", "yyyyMMdd", "--calibration-end", "1997-09-30", "--observation-end", "1998-06-30");
    assertThat(status).isZero();
    String report = stdout();
    // published: 1,882 actual holdout purchases, about 1,653.4 expected by BG/NBD; expected per customer by
    // calibration frequency 0.2251 0.5231 1.0441 1.5203 2.1638 2.6538 3.5040 6.1570; 1,411 customers with x = 0
    assertThat(report).contains("holdout 39 weeks, 2,357 customers");
    assertThat(report).contains("predicted 1,653.4, actual 1,882");
    assertThat(report).containsPattern("\\n0 +1,411 +0\\.2251 ");
    assertThat(report).containsPattern("\\n1 +439 +0\\.5231 ");
    assertThat(report).containsPattern("\\n2 +214 +1\\.0441 ");
    assertThat(report).containsPattern("\\n3 +100 +1\\.5203 ");
    assertThat(report).containsPattern("\\n4 +62 +2\\.16(38|39) ");
    assertThat(report).containsPattern("\\n7\\+ +64 +6\\.15[67]");
    assertThat(report).contains("mean absolute error").contains("correlation");
  }

  @Test
  void fitReadsTransactionFilesThroughTheRepeatPurchaseSummary() {
    int status = run("clv", "fit", "--model", "bg-nbd", "--input", cdnow("CDNOW_sample.txt").toString(),
        "--no-header", "--delimiter", "whitespace", "--customer", "1", "--date", "3", "--amount", "5",
        "--date-format", "yyyyMMdd", "--calibration-end", "1997-09-30", "--time-unit", "week");
    assertThat(status).isZero();
    FittedModel fitted = FittedModel.fromJson(stdout().strip());
    // unrounded weeks: the published r 0.2425982, alpha 4.4136842, a 0.7929899, b 2.4261667, LL -9582.429;
    // b within 1.2e-4 as in crm-scoring's own test: the published point is not quite the maximum
    assertThat(fitted.customers()).isEqualTo(2357);
    assertThat(fitted.parameter("r")).isCloseTo(0.2425982, relative(0.2425982, 1e-4));
    assertThat(fitted.parameter("alpha")).isCloseTo(4.4136842, relative(4.4136842, 1e-4));
    assertThat(fitted.parameter("a")).isCloseTo(0.7929899, relative(0.7929899, 1e-4));
    assertThat(fitted.parameter("b")).isCloseTo(2.4261667, relative(2.4261667, 1.2e-4));
    assertThat(fitted.logLikelihood()).isCloseTo(-9582.429, within(0.01));
  }

  @Test
  void predictReadsTransactionFilesAndFitsSpendOnTheirMeanRepeatValue() throws IOException {
    Path params = dir.resolve("bgnbd.json");
    Files.writeString(params,
        "{\"model\":\"bg-nbd\",\"params\":{\"r\":0.2425982,\"alpha\":4.4136842,\"a\":0.7929899,\"b\":2.4261667}}");
    Path output = dir.resolve("predictions.csv");
    int status = run("clv", "predict", "--params", params.toString(), "--input", cdnow("CDNOW_sample.txt").toString(),
        "--no-header", "--delimiter", "whitespace", "--customer", "1", "--date", "3", "--amount", "5",
        "--date-format", "yyyyMMdd", "--calibration-end", "1997-09-30", "--horizon", "39", "--output",
        output.toString());
    assertThat(status).isZero();
    List<String> lines = Files.readAllLines(output);
    assertThat(lines).hasSize(1 + 2357);
    // customer 00004: x 2, t_x 30.43, T 38.86 weeks; published CE(39) = 1.226
    String[] c4 = row(lines, "00004");
    assertThat(Double.parseDouble(c4[2])).isCloseTo(1.226, within(2e-3));
    // the spend model is fitted on the 946 repeat buyers' mean repeat value (the published p 6.25, q 3.74, gamma
    // 15.44 come from the rounded zbar of the same customers)
    String gammaGamma = stderr().lines().filter(l -> l.contains("\"model\":\"gamma-gamma\"")).findFirst()
        .orElseThrow();
    FittedModel spend = FittedModel.fromJson(gammaGamma.substring(gammaGamma.indexOf('{')));
    assertThat(spend.customers()).isEqualTo(946);
    assertThat(spend.parameter("p")).isCloseTo(6.25, within(0.05));
    assertThat(spend.parameter("q")).isCloseTo(3.74, within(0.05));
    assertThat(spend.parameter("gamma")).isCloseTo(15.44, within(0.2));
    assertThat(Double.parseDouble(c4[3])).isPositive();
    assertThat(Double.parseDouble(c4[4])).isPositive();
  }

  @Test
  void validateTracksTheCohortWeekByWeekAsBtydCountsIt() throws IOException {
    Path published = cdnow("btyd/cdnow_btyd_cum_weekly_tracking.csv");
    int status = run("clv", "validate", "--model", "bg-nbd", "--input", cdnow("CDNOW_sample.txt").toString(),
        "--no-header", "--delimiter", "whitespace", "--customer", "1", "--date", "3", "--amount", "5",
        "--date-format", "yyyyMMdd", "--calibration-end", "1997-09-30", "--observation-end", "1998-06-30",
        "--tracking");
    assertThat(status).isZero();
    List<String> weeks = stdout().lines().filter(l -> l.matches("\\d+ +\\d{4}-\\d\\d-\\d\\d .*")).toList();
    List<String> cumulative = Files.readAllLines(published).subList(1, 79);
    assertThat(weeks).hasSize(78);
    for (int k = 0; k < 78; k++) {
      String[] fields = weeks.get(k).strip().split(" +");
      String[] expected = cumulative.get(k).split(",");
      assertThat(fields[0]).isEqualTo(expected[0]);
      assertThat(fields[3].replace(",", "")).as("week %s", expected[0]).isEqualTo(expected[1]);
    }
    assertThat(weeks.get(0)).startsWith("1      1997-01-07 ");
    assertThat(weeks.get(38)).contains("1997-09-30").endsWith("<- calibration end");
    assertThat(stdout()).contains("cumulative tracking: mean absolute percentage error");
  }

  @Test
  void validateReadsTheHoldoutColumnsThatCrmSummaryWrites() throws IOException {
    Path summary = dir.resolve("summary.csv");
    // customers a (x 2) and b (x 0): constant holdout of 10 weeks
    Files.writeString(summary, "customer_id,frequency,recency,T,monetary_value,frequency_holdout,"
        + "monetary_value_holdout,duration_holdout\na,2,5,8,10,3,10,10\nb,0,0,8,0,0,0,10\n");
    Path params = dir.resolve("bgnbd.json");
    Files.writeString(params,
        "{\"model\":\"bg-nbd\",\"params\":{\"r\":0.2425982,\"alpha\":4.4136842,\"a\":0.7929899,\"b\":2.4261667}}");
    int status = run("clv", "validate", "--params", params.toString(), "--summary", summary.toString());
    assertThat(status).isZero();
    assertThat(stdout()).contains("holdout 10 weeks, 2 customers").contains("actual 3 ")
        .containsPattern("\\n0 +1 +[0-9.]+ +0\\.0000\\n").containsPattern("\\n2 +1 +[0-9.]+ +3\\.0000\\n");
  }

  @Test
  void validatesBgBbOnTheDonorsHoldoutOfFiveOpportunities() throws IOException {
    // BTYD's donation matrix: per pattern (x, t.x, n.cal = 6) the donors and their holdout repeat transactions over
    // the 5 holdout years; one row per donor here, each pattern's holdout total shared out as evenly as possible
    Path matrix = donations("btyd/donations_btyd_rf_matrix.csv");
    StringBuilder csv = new StringBuilder("frequency,recency,periods,frequency_holdout,duration_holdout\n");
    long[] donorsByX = new long[7];
    long[] holdoutByX = new long[7];
    for (String line : Files.readAllLines(matrix).subList(1, 23)) {
      String[] f = line.split(",");
      int x = Integer.parseInt(f[0]);
      int donors = Integer.parseInt(f[3]);
      int holdout = Integer.parseInt(f[4]);
      donorsByX[x] += donors;
      holdoutByX[x] += holdout;
      for (int k = 0; k < donors; k++) {
        int mine = holdout / donors + (k < holdout % donors ? 1 : 0);
        csv.append(x).append(',').append(f[1]).append(',').append(f[2]).append(',').append(mine).append(",5\n");
      }
    }
    Path summary = dir.resolve("donors.csv");
    Files.writeString(summary, csv);
    int status = run("clv", "validate", "--model", "bg-bb", "--summary", summary.toString());
    assertThat(status).as(stderr()).isZero();
    String printed = stdout();
    // the published parameters (Fader, Hardie and Shang 2010), now fitted on one row per donor
    assertThat(printed).startsWith("model bg-bb alpha 1.20").contains("holdout 5 opportunities, 11,104 customers");
    // the holdout's 13,260 repeat donations: BTYD's annual transactions 2002 to 2006 (3,110 + 2,938 + 2,703 +
    // 2,573 + 1,936)
    assertThat(holdoutByX[0] + holdoutByX[1] + holdoutByX[2] + holdoutByX[3] + holdoutByX[4] + holdoutByX[5]
        + holdoutByX[6]).isEqualTo(13_260);
    assertThat(printed).contains("actual 13,260 ");
    BgBbModel model = BgBbModel.of(1.204, 0.750, 0.657, 2.783);
    for (int x = 0; x <= 6; x++) {
      String bin = Integer.toString(x);
      String[] row = printed.lines().map(l -> l.trim().split("\\s+")).filter(r -> r[0].equals(bin)).findFirst()
          .orElseThrow();
      assertThat(row[1].replace(",", "")).as("donors with %s repeat donations", x)
          .isEqualTo(Long.toString(donorsByX[x]));
      assertThat(Double.parseDouble(row[3])).as("actual mean, x = %s", x)
          .isCloseTo((double) holdoutByX[x] / donorsByX[x], within(0.00006));
    }
    // the six-of-six donors' expectation over 5 more years, at the published parameters (the fit is within 0.001)
    String[] six = printed.lines().filter(l -> l.startsWith("6 ")).findFirst().orElseThrow().trim().split("\\s+");
    assertThat(Double.parseDouble(six[2])).isCloseTo(model.conditionalExpectedPurchases(5, 6, 6, 6), within(0.01));
    assertThat(printed).containsPattern("\\n7\\+ +0 +- +-\\n");

    // a holdout that is not a whole number of opportunities is named by line and column
    Files.writeString(summary, "frequency,recency,periods,frequency_holdout,duration_holdout\n1,1,6,0,5\n"
        + "2,3,6,1,4.5\n");
    assertThat(run("clv", "validate", "--model", "bg-bb", "--params", bgBbParams().toString(), "--summary",
        summary.toString())).isEqualTo(2);
    assertThat(lastErrorLine()).contains(summary + ":3").contains("must be a whole number of opportunities");
    assertThat(run("clv", "validate", "--model", "bg-bb", "--summary", summary.toString(), "--tracking"))
        .isEqualTo(2);
  }

  /** The BG/BB parameters Fader, Hardie and Shang (2010) publish for the donations, as a --params file. */
  private Path bgBbParams() throws IOException {
    Path params = dir.resolve("bgbb-params.json");
    Files.writeString(params,
        "{\"model\":\"bg-bb\",\"params\":{\"alpha\":1.204,\"beta\":0.750,\"gamma\":0.657,\"delta\":2.783}}");
    return params;
  }

  @Test
  void aMissingColumnIsExitStatus2NamingFileAndColumn() throws IOException {
    Path summary = dir.resolve("summary.csv");
    Files.writeString(summary, "id,frequency,recency_weeks,T\na,1,2,5\n");
    int status = run("clv", "fit", "--model", "bg-nbd", "--summary", summary.toString());
    assertThat(status).isEqualTo(2);
    assertThat(lastErrorLine()).isEqualTo("fit: " + summary + ":1: no column 'recency' in the header (name the "
        + "column with --recency COL)");
    assertThat(stdout()).isEmpty();
  }

  @Test
  void aNonNumericValueIsExitStatus2NamingFileLineAndColumnWithoutTheValue() throws IOException {
    Path summary = dir.resolve("summary.csv");
    Files.writeString(summary, "id,frequency,recency,T\na,1,2,5\nb,1,two,5\n");
    int status = run("clv", "fit", "--model", "bg-nbd", "--summary", summary.toString());
    assertThat(status).isEqualTo(2);
    assertThat(lastErrorLine()).isEqualTo("fit: " + summary + ":3:3: recency: not a number, expected a finite "
        + "number >= 0").doesNotContain("two");
  }

  @Test
  void aRecencyBeyondTIsExitStatus2NamingTheLine() throws IOException {
    Path summary = dir.resolve("summary.csv");
    Files.writeString(summary, "id,frequency,recency,T\na,1,2,5\n\"b, c\",1,6,5\n");
    int status = run("clv", "fit", "--model", "bg-nbd", "--summary", summary.toString());
    assertThat(status).isEqualTo(2);
    assertThat(lastErrorLine()).startsWith("fit: " + summary + ":3:3: recency: must be at most T");
  }

  @Test
  void anUnknownModelIsExitStatus2() throws IOException {
    Path summary = dir.resolve("summary.csv");
    Files.writeString(summary, "id,frequency,recency,T\na,1,2,5\n");
    int status = run("clv", "fit", "--model", "bg/nbd", "--summary", summary.toString());
    assertThat(status).isEqualTo(2);
    assertThat(lastErrorLine()).isEqualTo("fit: --model must be one of bg-nbd, mbg-nbd, pareto-nbd, gamma-gamma, "
        + "bg-bb, was bg/nbd");
  }

  @Test
  void aFitThatCannotBeIdentifiedIsExitStatus2() throws IOException {
    Path summary = dir.resolve("summary.csv");
    Files.writeString(summary, "id,frequency,recency,T\na,0,0,5\nb,0,0,7\n");
    int status = run("clv", "fit", "--model", "bg-nbd", "--summary", summary.toString());
    assertThat(status).isEqualTo(2);
    assertThat(lastErrorLine()).startsWith("fit: " + summary + ": ");
  }

  @Test
  void invalidParamsAreExitStatus2NamingFileAndJsonPath() throws IOException {
    Path summary = dir.resolve("summary.csv");
    Files.writeString(summary, "id,frequency,recency,T\na,1,2,5\n");
    Path params = dir.resolve("params.json");
    Files.writeString(params, "{\"model\":\"bg-nbd\",\"params\":{\"r\":0.24,\"alpha\":4.4,\"a\":0.79}}");
    int status = run("clv", "predict", "--params", params.toString(), "--summary", summary.toString(),
        "--horizon", "52");
    assertThat(status).isEqualTo(2);
    assertThat(lastErrorLine()).startsWith("predict: " + params + ": ").contains("$.params")
        .contains("missing parameter b");
  }

  @Test
  void paramsOfAnotherModelThanGivenAreExitStatus2() throws IOException {
    Path summary = dir.resolve("summary.csv");
    Files.writeString(summary, "id,frequency,recency,T\na,1,2,5\n");
    Path params = dir.resolve("params.json");
    Files.writeString(params, "{\"model\":\"gamma-gamma\",\"params\":{\"p\":6.25,\"q\":3.74,\"gamma\":15.44}}");
    int status = run("clv", "predict", "--model", "bg-nbd", "--params", params.toString(), "--summary",
        summary.toString(), "--horizon", "52");
    assertThat(status).isEqualTo(2);
    assertThat(lastErrorLine()).contains("--params holds a gamma-gamma model, but --model is bg-nbd");
  }

  @Test
  void eitherSummaryOrInputIsRequired() {
    assertThat(run("clv", "fit", "--model", "bg-nbd")).isEqualTo(2);
    assertThat(lastErrorLine()).isEqualTo("fit: give either --summary FILE or --input PATH... (with "
        + "--calibration-end)");
  }

  @Test
  void everySubcommandHasHelp() {
    for (String command : new String[] {"fit", "predict", "validate"}) {
      StringWriter help = new StringWriter();
      CommandLine cli = CrmCommand.commandLine();
      cli.setOut(new PrintWriter(help, true));
      assertThat(cli.execute("clv", command, "--help")).isZero();
      assertThat(help.toString()).startsWith("Usage: crm clv " + command).contains("--model").contains("--summary")
          .contains("--input");
    }
    StringWriter help = new StringWriter();
    CommandLine cli = CrmCommand.commandLine();
    cli.setOut(new PrintWriter(help, true));
    assertThat(cli.execute("clv", "--help")).isZero();
    assertThat(help.toString()).contains("fit").contains("predict").contains("validate");
  }

  @Test
  void predictHelpSaysWhenSpendAndValueAreEmpty() {
    StringWriter help = new StringWriter();
    CommandLine cli = CrmCommand.commandLine();
    cli.setOut(new PrintWriter(help, true));
    assertThat(cli.execute("clv", "predict", "--help")).isZero();
    String text = help.toString().replaceAll("\\s+", " ");
    assertThat(text).contains("customer_id,p_alive,expected_purchases,expected_avg_spend,")
        .contains("without a monetary column these two columns are left empty").contains("--spend-params");
  }
}
