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
 * <p>Exit codes follow picocli's defaults: 0 on success, 1 when a command fails, 2 on a usage error (an unknown or
 * invalid option).
 *
 * <p>Thread-safety: not thread-safe; picocli fills a fresh instance for every run.
 */
@Command(
    name = "crm",
    mixinStandardHelpOptions = true,
    versionProvider = CrmCommand.VersionProvider.class,
    description = "crmkit on the command line: runs the CRM engines over files.",
    subcommands = {DemoCommand.class, HelpCommand.class})
public final class CrmCommand {

  /** Creates the command; picocli fills it from the command-line arguments. */
  public CrmCommand() {}

  /**
   * Runs {@code crm} with the given arguments and exits with the command's exit code.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new CrmCommand()).execute(args));
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
