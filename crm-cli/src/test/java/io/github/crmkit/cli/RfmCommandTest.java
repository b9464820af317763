package io.github.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RfmCommandTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    PrintStream stdErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return CrmCommand.commandLine().execute(args);
    } finally {
      System.setErr(stdErr);
    }
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static Path rfmOrders() {
    Path data = Path.of(System.getProperty("crmkit.data", "../../shared/data"));
    Path orders = data.resolve("rfm-r-package/rfm_data_orders.csv");
    Assumptions.assumeTrue(Files.isRegularFile(orders), "R rfm data not found under " + data.toAbsolutePath()
        + " (set -Dcrmkit.data): skipping");
    return orders;
  }

  @Test
  void scoresAndSegmentsAHandWrittenFileWithFixedNtiles() throws IOException {
    Path input = dir.resolve("orders.csv");
    // five customers, one order each, a week apart; NTILE with 5 bins gives each its own score
    Files.writeString(input, "customer_id,order_date,revenue\n"
        + "a,2024-01-01,10\nb,2024-01-08,20\nc,2024-01-15,30\nd,2024-01-22,40\ne,2024-01-29,50\n");
    Path output = dir.resolve("rfm.csv");
    int status = run("rfm", "--input", input.toString(), "--analysis-date", "2024-01-31", "--binning", "ntile",
        "--segments", "rf-grid", "--output", output.toString());
    assertThat(status).isZero();
    List<String> lines = Files.readAllLines(output);
    assertThat(lines.get(0)).isEqualTo("customer_id,recency_days,frequency,monetary,r,f,m,rfm_score,segment");
    // recency 30, 23, 16, 9, 2 days: the most recent scores 5; equal frequencies rank by input order (pandas'
    // rank(method="first")); monetary 10..50 scores 1..5
    assertThat(lines).contains("a,30,1,10,1,1,1,111,hibernating", "e,2,1,50,5,5,5,555,champions");
    assertThat(stderr()).contains("rfm: 5 customers scored, 0 not scored (no purchase)");
  }

  @Test
  void moreThreadsGiveTheSameFileWhenAmountsAreWholeNumbers() throws IOException {
    // 200,000 rows of 30,000 customers: enough for the rows, customers and segments to be cut into parts
    Path input = dir.resolve("big.csv");
    StringBuilder csv = new StringBuilder("customer_id,order_date,revenue\n");
    java.util.SplittableRandom random = new java.util.SplittableRandom(20261202L);
    for (int i = 0; i < 200_000; i++) {
      int c = i < 30_000 ? i : random.nextInt(30_000);
      csv.append('c').append(c).append(",2024-").append(String.format("%02d-%02d", 1 + random.nextInt(12),
          1 + random.nextInt(28))).append(',').append(random.nextInt(1, 500)).append('\n');
    }
    Files.writeString(input, csv);
    Path one = dir.resolve("one.csv");
    Path three = dir.resolve("three.csv");
    assertThat(run("rfm", "--input", input.toString(), "--analysis-date", "2025-01-01", "--output",
        one.toString())).isZero();
    String oneSummary = stderr();
    err.reset();
    assertThat(run("rfm", "--input", input.toString(), "--analysis-date", "2025-01-01", "--threads", "3",
        "--output", three.toString())).isZero();
    assertThat(Files.readAllLines(three)).hasSize(30_001).isEqualTo(Files.readAllLines(one));
    assertThat(stderr()).isEqualTo(oneSummary).contains("rfm: 30,000 customers scored");
    err.reset();
    assertThat(run("rfm", "--input", input.toString(), "--analysis-date", "2025-01-01", "--threads", "0"))
        .isEqualTo(2);
    assertThat(stderr()).contains("--threads must be between 1 and 256, was 0");
  }

  @Test
  void reproducesThePublishedRfmFiguresFromTheCommandLine() throws IOException {
    Path output = dir.resolve("rfm.csv");
    int status = run("rfm", "--input", rfmOrders().toString(), "--analysis-date", "2006-12-31", "--output",
        output.toString());
    assertThat(status).isZero();
    List<String> lines = Files.readAllLines(output);
    assertThat(lines).hasSize(1 + 995);
    // published: "Abbey O'Reilly": 205 days, 6 orders, 472, score 343
    assertThat(lines).anyMatch(l -> l.startsWith("Abbey O'Reilly,205,6,472,3,4,3,343,"));
    assertThat(stderr()).contains("995").contains("4,906").contains("464,158.00");
  }

  @Test
  void readsASegmentMapFromJsonAndReproducesChampionsOfRfmsOwnTest() throws IOException {
    String[] names = {"Champions", "Loyal Customers", "Potential Loyalist", "New Customers", "Promising",
        "Need Attention", "About To Sleep", "At Risk", "Can't Lose Them", "Lost"};
    int[] rLow = {4, 2, 3, 4, 3, 2, 2, 1, 1, 1};
    int[] rHigh = {5, 5, 5, 5, 4, 3, 3, 2, 1, 2};
    int[] low = {4, 3, 1, 1, 1, 2, 1, 2, 4, 1};
    int[] high = {5, 5, 3, 1, 1, 3, 2, 5, 5, 2};
    StringBuilder json = new StringBuilder("{\"version\":1,\"segments\":[");
    for (int i = 0; i < names.length; i++) {
      json.append(i == 0 ? "" : ",").append("{\"name\":\"").append(names[i]).append("\",\"recency\":[")
          .append(rLow[i]).append(',').append(rHigh[i]).append("],\"frequency\":[").append(low[i]).append(',')
          .append(high[i]).append("],\"monetary\":[").append(low[i]).append(',').append(high[i]).append("]}");
    }
    Path map = dir.resolve("map.json");
    Files.writeString(map, json.append("]}"));
    int status = run("rfm", "--input", rfmOrders().toString(), "--analysis-date", "2006-12-31", "--segments",
        map.toString(), "--output", dir.resolve("rfm.csv").toString());
    assertThat(status).isZero();
    // published: Champions = 158 customers, 1,234 orders, revenue 120,178
    assertThat(stderr()).containsPattern("Champions +158 +[0-9.]+% +1,234 +[0-9.]+% +120,178.00");
  }

  @Test
  void anInvalidSegmentMapIsRefusedWithItsJsonPathAndExitStatus2() throws IOException {
    Path input = dir.resolve("orders.csv");
    Files.writeString(input, "customer_id,order_date,revenue\na,2024-01-01,10\n");
    Path map = dir.resolve("map.json");
    Files.writeString(map, "{\"version\":1,\"segments\":[{\"name\":\"Best\",\"recency\":[5,3]}]}");
    int status = run("rfm", "--input", input.toString(), "--analysis-date", "2024-01-31", "--segments",
        map.toString(), "--output", dir.resolve("rfm.csv").toString());
    assertThat(status).isEqualTo(2);
    assertThat(stderr()).contains("rfm: " + map).contains("$.segments[0].recency");
  }

  @Test
  void aPresetWithOtherThanFiveBinsIsAUsageError() throws IOException {
    Path input = dir.resolve("orders.csv");
    Files.writeString(input, "customer_id,order_date,revenue\na,2024-01-01,10\n");
    int status = run("rfm", "--input", input.toString(), "--analysis-date", "2024-01-31", "--bins", "4",
        "--output", dir.resolve("rfm.csv").toString());
    assertThat(status).isEqualTo(2);
    assertThat(stderr()).contains("defined for 5 bins");
  }
}
