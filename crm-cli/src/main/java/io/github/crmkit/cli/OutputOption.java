package io.github.crmkit.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --output FILE|-} option of the commands that write CSV.
 *
 * <p>Thread-safety: not thread-safe; picocli fills a fresh instance for every run.
 */
final class OutputOption {
  @Option(names = "--output", paramLabel = "FILE|-", defaultValue = "-",
      description = "Where to write the CSV: a file, or - for standard output (default: ${DEFAULT-VALUE}).")
  String output;

  /** Opens the output; closing the writer for standard output flushes it but leaves System.out open. */
  Writer open() throws IOException {
    if ("-".equals(output)) {
      return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16) {
        @Override
        public void close() throws IOException {
          flush();
        }
      };
    }
    return Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8);
  }
}
