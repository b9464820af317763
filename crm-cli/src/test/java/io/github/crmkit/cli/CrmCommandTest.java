package io.github.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CrmCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine commandLine = CrmCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void helpListsTheDemoCommand() {
    int exitCode = execute("--help");

    assertThat(exitCode).isZero();
    assertThat(out.toString()).contains("Usage: crm").contains("demo").contains("help");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void versionNamesTheBuild() {
    int exitCode = execute("--version");

    assertThat(exitCode).isZero();
    assertThat(out.toString()).startsWith("crm ").doesNotContain("unknown").doesNotContain("${");
  }

  @Test
  void demoRunsWithItsOptions() {
    ByteArrayOutputStream demoOut = new ByteArrayOutputStream();
    PrintStream systemOut = System.out;
    int exitCode;
    System.setOut(new PrintStream(demoOut, true, StandardCharsets.UTF_8));
    try {
      exitCode = execute("demo", "--seed", "7", "--customers", "5");
    } finally {
      System.setOut(systemOut);
    }

    assertThat(exitCode).isZero();
    assertThat(demoOut.toString(StandardCharsets.UTF_8)).contains("seed 7").contains("5 customers");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void unknownOptionIsAUsageError() {
    int exitCode = execute("--no-such-option");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--no-such-option'").contains("Usage: crm");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void invalidDemoOptionIsAUsageError() {
    assertThat(execute("demo", "--customers", "many")).isEqualTo(2);
    assertThat(err.toString()).contains("--customers").contains("Usage: crm demo");
  }

  @Test
  void nonPositiveCustomerCountIsAUsageError() {
    assertThat(execute("demo", "--customers", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--customers must be at least 1, was 0");
  }
}
