package io.github.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CDNOW data of the shared data directory (system property {@code crmkit.data}, or {@code ../../shared/data}
 * from the module directory), read as columns. Tests that need it are skipped, with a message, where it is absent;
 * it is never copied into the project.
 */
final class CdnowData {
  /** Columns of one file: x, t_x, T and, where the file has them, holdout purchases and mean repeat spend. */
  record Columns(String[] ids, int[] x, double[] tx, double[] age, int[] holdout, double[] spend) {
    RepeatPurchaseColumns columns() {
      return RepeatPurchaseColumns.of(x, tx, age);
    }

    int row(String id) {
      for (int i = 0; i < ids.length; i++) {
        if (ids[i].equals(id)) {
          return i;
        }
      }
      throw new AssertionError("no customer " + id);
    }
  }

  private CdnowData() {}

  static Path file(String relative) {
    Path root = Path.of(System.getProperty("crmkit.data", "../../shared/data"));
    Path file = root.resolve(relative);
    assumeTrue(Files.isRegularFile(file), () -> "skipped: shared data file " + file.toAbsolutePath()
        + " not found; set -Dcrmkit.data=<dir> to run this test");
    return file;
  }

  /** {@code cdnow/cdnow_customers_summary.csv}: ID,frequency,recency,T (rounded to 2 decimals). */
  static Columns rounded() {
    return read("cdnow/cdnow_customers_summary.csv", new String[] {"ID", "frequency", "recency", "T"}, -1, -1);
  }

  /** {@code cdnow/btyd/cdnow_btyd_cbs_with_holdout.csv}: cust,x,t.x,T.cal,x.star,m.x (unrounded). */
  static Columns unrounded() {
    return read("cdnow/btyd/cdnow_btyd_cbs_with_holdout.csv",
        new String[] {"cust", "x", "t.x", "T.cal", "x.star", "m.x"}, 4, 5);
  }

  /** {@code cdnow/cdnow_customers_summary_with_transactions.csv}: ID,x,t_x,T,zbar. */
  static Columns withSpend() {
    return read("cdnow/cdnow_customers_summary_with_transactions.csv",
        new String[] {"ID", "x", "t_x", "T", "zbar"}, -1, 4);
  }

  /** {@code cdnow/btyd/cdnow_btyd_cum_weekly_tracking.csv}: cumulative repeat purchases by week 1..78. */
  static double[] cumulativeTracking() {
    List<String> lines = lines("cdnow/btyd/cdnow_btyd_cum_weekly_tracking.csv");
    double[] cumulative = new double[lines.size() - 1];
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",");
      if (Integer.parseInt(f[0].trim()) != i) {
        throw new IllegalStateException("unexpected week in line " + (i + 1));
      }
      cumulative[i - 1] = Double.parseDouble(f[1].trim());
    }
    return cumulative;
  }

  private static List<String> lines(String relative) {
    try {
      return Files.readAllLines(file(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Columns read(String relative, String[] header, int holdoutColumn, int spendColumn) {
    List<String> lines = lines(relative);
    String[] names = lines.get(0).replace("\"", "").split(",");
    for (int c = 0; c < header.length; c++) {
      if (!names[c].trim().equals(header[c])) {
        throw new IllegalStateException("unexpected header in " + relative + ": " + lines.get(0));
      }
    }
    int n = lines.size() - 1;
    String[] ids = new String[n];
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] age = new double[n];
    int[] holdout = holdoutColumn < 0 ? null : new int[n];
    double[] spend = spendColumn < 0 ? null : new double[n];
    for (int i = 0; i < n; i++) {
      String[] f = lines.get(i + 1).replace("\"", "").split(",");
      ids[i] = f[0].trim();
      x[i] = Integer.parseInt(f[1].trim());
      tx[i] = Double.parseDouble(f[2].trim());
      age[i] = Double.parseDouble(f[3].trim());
      if (holdout != null) {
        holdout[i] = Integer.parseInt(f[holdoutColumn].trim());
      }
      if (spend != null) {
        spend[i] = Double.parseDouble(f[spendColumn].trim());
      }
    }
    return new Columns(ids, x, tx, age, holdout, spend);
  }
}
