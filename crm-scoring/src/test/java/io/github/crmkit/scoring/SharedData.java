package io.github.crmkit.scoring;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The shared example data, found through system property {@code crmkit.data} or at {@code ../../shared/data}
 * from the module directory. Tests that need it are skipped, with a message, where it is absent; it is never copied
 * into the project.
 */
final class SharedData {
  private SharedData() {}

  static Path file(String relative) {
    Path root = Path.of(System.getProperty("crmkit.data", "../../shared/data"));
    Path file = root.resolve(relative);
    assumeTrue(Files.isRegularFile(file), () -> "skipped: shared data file " + file.toAbsolutePath()
        + " not found; set -Dcrmkit.data=<dir> to run this test");
    return file;
  }

  /**
   * R rfm's {@code rfm_data_orders} as columns: one sale per row, each row its own order (as rfm counts
   * transactions), revenue as the amount.
   */
  static TransactionColumns rfmOrders() {
    Path file = file("rfm-r-package/rfm_data_orders.csv");
    try {
      List<String[]> records = QuotedCsv.read(file);
      String[] header = records.get(0);
      if (!header[0].equals("customer_id") || !header[1].equals("order_date") || !header[2].equals("revenue")) {
        throw new IllegalStateException("unexpected header in " + file);
      }
      TransactionColumns.Builder builder = TransactionColumns.builder(records.size());
      for (String[] r : records.subList(1, records.size())) {
        builder.add(r[0], (int) LocalDate.parse(r[1]).toEpochDay(), Double.parseDouble(r[2]));
      }
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int keyOf(CustomerSummaries summaries, String id) {
    for (int k = 0; k < summaries.customerCount(); k++) {
      if (summaries.customerId(k).equals(id)) {
        return k;
      }
    }
    throw new AssertionError("no customer " + id);
  }
}
