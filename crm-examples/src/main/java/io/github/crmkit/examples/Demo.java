package io.github.crmkit.examples;

import java.io.PrintStream;
import java.util.Objects;

/**
 * The crmkit demo: generates a synthetic customer base from a seed and runs the engines over it.
 *
 * <p>For now this is a placeholder that prints one line: the real demo arrives with crm-testkit's synthetic data
 * generator.
 *
 * <p>Thread-safety: stateless; {@link #run(PrintStream, long, int)} may be called from several threads, each with
 * its own output stream.
 */
public final class Demo {

  private Demo() {}

  /**
   * Runs the demo with seed 42 and 2000 customers, printing to standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out, 42L, 2000);
  }

  /**
   * Runs the demo.
   *
   * @param out where the report is printed
   * @param seed seed of the synthetic data, so that every run can be replayed
   * @param customers number of synthetic customers, at least 1
   * @throws NullPointerException if {@code out} is null
   * @throws IllegalArgumentException if {@code customers} is less than 1
   */
  public static void run(PrintStream out, long seed, int customers) {
    Objects.requireNonNull(out, "out");
    if (customers < 1) {
      throw new IllegalArgumentException("customers must be at least 1, was " + customers);
    }
    out.println("crmkit demo (seed " + seed + ", " + customers + " customers): placeholder,"
        + " the real demo arrives with crm-testkit's synthetic data generator");
  }
}
