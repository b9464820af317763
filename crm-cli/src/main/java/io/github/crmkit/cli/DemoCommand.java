package io.github.crmkit.cli;

import io.github.crmkit.examples.Demo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm demo}: runs {@link Demo} on a synthetic customer base.
 *
 * <p>Thread-safety: not thread-safe; picocli fills a fresh instance for every run.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Runs the crmkit demo on a synthetic customer base generated from a seed.")
final class DemoCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description = "Seed of the synthetic data (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--customers",
      paramLabel = "N",
      defaultValue = "2000",
      description = "Number of synthetic customers, at least 1 (default: ${DEFAULT-VALUE}).")
  int customers;

  @Override
  public void run() {
    if (customers < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--customers must be at least 1, was " + customers);
    }
    Demo.run(System.out, seed, customers);
  }
}
