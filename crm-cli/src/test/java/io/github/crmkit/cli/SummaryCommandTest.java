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
import picocli.CommandLine;

class SummaryCommandTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    CommandLine cli = CrmCommand.commandLine();
    PrintStream stdErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return cli.execute(args);
    } finally {
      System.setErr(stdErr);
    }
  }

  private String lastErrorLine() {
    String[] lines = err.toString(StandardCharsets.UTF_8).split("\n");
    return lines[lines.length - 1];
  }

  @Test
  void writesTheRepeatPurchaseSummaryWithHoldoutColumns() throws IOException {
    Path input = dir.resolve("orders.csv");
    // customer a: purchases on Jan 1 (twice, merged), Jan 8 and (holdout) Jan 20; b: only on Jan 5
    Files.writeString(input, "customer_id,order_date,revenue\n"
        + "a,2024-01-01,10\na,2024-01-01,5\na,2024-01-08,20\nb,2024-01-05,7\na,2024-01-20,3\n");
    Path output = dir.resolve("summary.csv");
    int status = run("summary", "--input", input.toString(), "--calibration-end", "2024-01-14",
        "--observation-end", "2024-01-28", "--output", output.toString());
    assertThat(status).isZero();
    assertThat(Files.readAllLines(output)).containsExactly(
        "customer_id,frequency,recency,T,monetary_value,frequency_holdout,monetary_value_holdout,duration_holdout",
        "a,1,7,13,20,1,3,14",
        "b,0,0,9,0,0,0,14");
  }

  @Test
  void aMalformedRowStopsTheRunWithExitStatus2AndOneLineNamingFileLineAndColumn() throws IOException {
    Path input = dir.resolve("orders.csv");
    Files.writeString(input, "customer_id,order_date,revenue\na,2024-01-01,10\na,2024-13-45,5\n");
    int status = run("summary", "--input", input.toString(), "--calibration-end", "2024-01-14",
        "--output", dir.resolve("out.csv").toString());
    assertThat(status).isEqualTo(2);
    assertThat(lastErrorLine()).startsWith("summary: " + input + ":3:2: date: ").doesNotContain("2024-13-45");
  }

  @Test
  void withRejectsTheRunGoesOnAndTheRejectsAreWritten() throws IOException {
    Path input = dir.resolve("orders.csv");
    Files.writeString(input, "customer_id,order_date,revenue\na,2024-01-01,10\n,2024-01-02,5\na,2024-01-08,x\n");
    Path rejects = dir.resolve("rejects.csv");
    int status = run("summary", "--input", input.toString(), "--calibration-end", "2024-01-14",
        "--rejects", rejects.toString(), "--output", dir.resolve("out.csv").toString());
    assertThat(status).isZero();
    List<String> lines = Files.readAllLines(rejects);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("file,line,column,field,reason");
    assertThat(lines.get(1)).startsWith(input + ",3,1,customer,");
    assertThat(lines.get(2)).startsWith(input + ",4,3,amount,");
  }

  @Test
  void anEmptyHoldoutIsAnErrorWithExitStatus2() throws IOException {
    Path input = dir.resolve("orders.csv");
    Files.writeString(input, "customer_id,order_date,revenue\na,2024-01-01,10\n");
    int status = run("summary", "--input", input.toString(), "--calibration-end", "2024-01-14",
        "--observation-end", "2024-01-14", "--output", dir.resolve("out.csv").toString());
    assertThat(status).isEqualTo(2);
    assertThat(lastErrorLine()).startsWith("summary: ").contains("holdout would be empty");
  }

  @Test
  void reproducesThePublishedCdnowHoldoutTotal() throws IOException {
    Path data = Path.of(System.getProperty("crmkit.data", "../../shared/data"));
    Path sample = data.resolve("cdnow/CDNOW_sample.txt");
    Assumptions.assumeTrue(Files.isRegularFile(sample), "CDNOW data not found under " + data.toAbsolutePath()
        + " (set -Dcrmkit.data): skipping");
    Path output = dir.resolve("cdnow.csv");
    int status = run("summary", "--input", sample.toString(), "--no-header", "--delimiter", "whitespace",
        "--customer", "1", "--date", "3", "--amount", "5", "--date-format", "yyyyMMdd",
        "--calibration-end", "1997-09-30", "--observation-end", "1998-06-30", "--time-unit", "week",
        "--output", output.toString());
    assertThat(status).isZero();
    List<String> lines = Files.readAllLines(output);
    assertThat(lines).hasSize(1 + 2357);
    // published: x.star of cdnow_btyd_cbs_with_holdout.csv sums to 1,882; customer 4 is 2 / 30.43 / 38.86
    assertThat(lines.stream().skip(1).mapToInt(l -> Integer.parseInt(l.split(",")[5])).sum()).isEqualTo(1882);
    assertThat(lines.get(1)).startsWith("00004,2,30.4285714286,38.8571428571,");
  }
}
