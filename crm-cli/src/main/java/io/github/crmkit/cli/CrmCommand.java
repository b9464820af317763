package io.github.crmkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The {@code crm} command: a container for the subcommands, started by {@link #main(String[])}.
 *
 * <p>Exit codes: 0 on success, 2 on a usage error (an unknown or invalid option) or bad input (a malformed row, an
 * unreadable file, an invalid value: one line on stderr naming file, line, column and problem), 1 on any other
 * failure.
 *
 * <p>Thread-safety: not thread-safe; picocli fills a fresh instance for every run.
 */
@Command(
    name = "crm",
    mixinStandardHelpOptions = true,
    versionProvider = CrmCommand.VersionProvider.class,
    description = "crmkit on the command line: runs the CRM engines over files.",
    subcommands = {DemoCommand.class, RfmCommand.class, SummaryCommand.class, ClvCommand.class, RouteCommand.class,
        FunnelCommand.class, HelpCommand.class})
public final class CrmCommand {

  /** Creates the command; picocli fills it from the command-line arguments. */
  public CrmCommand() {}

  /**
   * Runs {@code crm} with the given arguments and exits with the command's exit code.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * Returns the configured command line: bad input (a malformed row, an unreadable file, an invalid value) ends the
   * run with exit status 2 and one line on stderr that names the file, line, column and problem, without a stack
   * trace.
   *
   * @return the command line, ready to {@code execute}
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new CrmCommand());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof IOException || e instanceof UncheckedIOException || e instanceof IllegalArgumentException) {
        System.err.println(commandLine.getCommandName() + ": " + e.getMessage());
        return 2;
      }
      throw e;
    });
    return cli;
  }

  /** Reads the version that the build writes into {@code version.properties}. */
  static final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
      Properties properties = new Properties();
      try (InputStream in = CrmCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read version.properties", e);
      }
      return new String[] {"crm " + properties.getProperty("version", "unknown")};
    }
  }
}
