package io.github.crmkit.cli.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.crmkit.scoring.TransactionColumns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Locates the shared reference data (never copied into the project): system property {@code crmkit.data}, or
 * {@code ../../shared/data} from the module directory. Tests that need it are skipped, saying why, when it is absent.
 */
final class SharedData {
  private SharedData() {}

  static Path dir() {
    return Path.of(System.getProperty("crmkit.data", "../../shared/data"));
  }

  /** The file or directory under the data directory, or skips the calling test if it is not there. */
  static Path require(String relative) {
    Path path = dir().resolve(relative);
    assumeTrue(Files.exists(path), () -> "skipped: shared data " + path.toAbsolutePath().normalize()
        + " not found (set -Dcrmkit.data=DIR to the shared data directory)");
    return path;
  }

  static double totalAmount(TransactionColumns c) {
    double sum = 0;
    for (int i = 0; i < c.size(); i++) {
      sum += c.amount(i);
    }
    return sum;
  }

  static int distinctCustomerDays(TransactionColumns c) {
    Set<Long> pairs = new HashSet<>();
    for (int i = 0; i < c.size(); i++) {
      pairs.add(((long) c.customer(i) << 32) | (c.day(i) & 0xffffffffL));
    }
    return pairs.size();
  }

  static int minDay(TransactionColumns c) {
    int min = Integer.MAX_VALUE;
    for (int i = 0; i < c.size(); i++) {
      min = Math.min(min, c.day(i));
    }
    return min;
  }

  static int maxDay(TransactionColumns c) {
    int max = Integer.MIN_VALUE;
    for (int i = 0; i < c.size(); i++) {
      max = Math.max(max, c.day(i));
    }
    return max;
  }
}
