package io.github.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.lifecycle.LifecyclePresets;
import io.github.crmkit.lifecycle.PipelineJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunnelCommandTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
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

  /** The fixed history of crm-lifecycle's FunnelsTest (hand-computed there), as CSV. */
  private static final String HISTORY = "object_id,from,to,at,actor,lost_reason,amount\n"
      + "A,,initial_contact,2026-01-01,ann,,\n"
      + "B,,initial_contact,2026-01-05,bob,,\n"
      + "F,,initial_contact,2026-01-08,bob,,\n"
      + "C,,initial_contact,2026-01-10,ann,,\n"
      + "A,initial_contact,needs_analysis,2026-01-11,ann,,\n"
      + "B,initial_contact,intent_confirmed,2026-01-15,bob,,\n"
      + "C,initial_contact,contract,2026-01-20T00:00:00Z,ann,,5000\n"
      + "D,,initial_contact,2026-01-20,bob,,\n"
      + "A,needs_analysis,proposal_quote,2026-01-21,ann,,1000\n"
      + "B,intent_confirmed,lost,2026-01-25,bob,price,\n"
      + "C,contract,needs_analysis,2026-01-30,ann,,5000\n"
      + "E,,intent_confirmed,2026-02-05,ann,,\n"
      + "C,needs_analysis,lost,2026-02-09,ann,competitor,5000\n"
      + "A,proposal_quote,won,2026-02-10,ann,,1000\n"
      + "E,intent_confirmed,negotiation,2026-02-15,ann,,800\n"
      + "\"D\",initial_contact,won,2026-02-19,bob,,3000\n";

  private Path pipeline() throws IOException {
    Path file = dir.resolve("sales.json");
    Files.writeString(file, PipelineJson.write(LifecyclePresets.opportunityPipeline()));
    return file;
  }

  @Test
  void cohortFunnelOfTheFixedHistory() throws IOException {
    Path history = dir.resolve("history.csv");
    Files.writeString(history, HISTORY);
    int status = run("funnel", "--history", history.toString(), "--pipeline", pipeline().toString(), "--from",
        "2026-01-01", "--to", "2026-01-31", "--cohort");
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("cohort funnel of pipeline sales, 2026-01-01 to 2026-01-31: 5 objects")
        .containsPattern("initial_contact +5 +4 +80\\.0% +4 +15\\.00")
        .containsPattern("intent_confirmed +4 +3 +75\\.0%")
        .containsPattern("contract +3 +2 +66\\.7%")
        .containsPattern("won +2 +- +- +0 +-")
        .contains("won 2, lost 2, closed 0; win rate 50.0%; average sales cycle 35.00 days; mean won amount 2,000.00")
        // forecast from the last changes: A won 1000 and D won 3000 (closed), E negotiation 800 at 70%
        .containsPattern("closed +2 +4,000\\.00 +4,000\\.00 +4,000\\.00 +4,000\\.00")
        .contains("weighted pipeline: 4,560.00")
        .contains("stalled objects as of 2026-02-19T00:00:00Z: 1")
        // as of Feb 19: initial_contact A 10, B 10, F 42, C 10, D 30 days: 102 / 5
        .containsPattern("initial_contact +5 +5 +20\\.40 +20\\.40");
  }

  @Test
  void jsonHistoryAndPeriodFunnel() throws IOException {
    Path history = dir.resolve("history.json");
    StringBuilder json = new StringBuilder("{\"version\": 1, \"changes\": [");
    String[] lines = HISTORY.split("\n");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",", -1);
      json.append(i == 1 ? "" : ",").append("{\"object_id\":\"").append(f[0].replace("\"", "")).append("\",")
          .append(f[1].isEmpty() ? "" : "\"from\":\"" + f[1] + "\",").append("\"to\":\"").append(f[2])
          .append("\",\"at\":\"").append(f[3]).append("\"")
          .append(f[5].isEmpty() ? "" : ",\"lost_reason\":\"" + f[5] + "\"")
          .append(f[6].isEmpty() ? "" : ",\"amount\":" + f[6]).append('}');
    }
    Files.writeString(history, json.append("]}").toString());
    int status = run("funnel", "--history", history.toString(), "--pipeline", pipeline().toString(), "--from",
        "2026-02-01", "--to", "2026-02-28");
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("period funnel of pipeline sales, 2026-02-01 to 2026-02-28: 4 objects")
        .containsPattern("negotiation +3 +2 +66\\.7%")
        .contains("win rate 66.7%");
  }

  @Test
  void badRowsNameFileAndLine() throws IOException {
    Path history = dir.resolve("history.csv");
    Files.writeString(history, "object_id,from,to,at\nA,,initial_contact,2026-01-01\nA,won,lost,2026-01-02\n");
    assertThat(run("funnel", "--history", history.toString(), "--pipeline", pipeline().toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(history + ":3: from 'won' does not continue the"
        + " object's stage 'initial_contact' (object A)");
    Files.writeString(history, "object_id,to,at\nA,initial_contact,yesterday\n");
    err.reset();
    assertThat(run("funnel", "--history", history.toString(), "--pipeline", pipeline().toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(history + ":2: at: expected an ISO-8601 instant,"
        + " date-time or date, was 'yesterday'");
    Path badPipeline = dir.resolve("bad.json");
    Files.writeString(badPipeline, "{\"version\": 1, \"name\": \"x\"}");
    err.reset();
    assertThat(run("funnel", "--history", history.toString(), "--pipeline", badPipeline.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("$.object_type: missing");
  }
}
