package io.github.crmkit.benchmarks;

import io.github.crmkit.model.TransactionKind;
import io.github.crmkit.scoring.TransactionColumns;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The transactions every {@link SummaryBenchmark} peer reads: {@link #transactions} rows of {@code transactions / 10}
 * customers, generated from seed 42 and built once into {@link TransactionColumns}, with the same rows copied into
 * plain arrays for the baselines and loaded into DuckDB by {@link SummaryBenchmark.DuckDb}.
 *
 * <p>The rows: customers uniformly at random (10 rows per customer on average, Poisson-like), in random order, so
 * that consecutive rows hit unrelated customers as in a file sorted by time; days uniform over two years from
 * 2024-01-01; amounts from 5.00 to 100.00 in cents, skewed to small values; 3% returns (negative, not an order). Every
 * customer has at least one sale, so every customer has a recency. The analysis day is the day after the last day.
 *
 * <p>Not thread-safe; JMH builds one per trial and the benchmarks only read it.
 */
@State(Scope.Benchmark)
public class SummaryData {
  /** Epoch day of 2024-01-01, the first day of the generated window. */
  static final int FIRST_DAY = (int) LocalDate.of(2024, 1, 1).toEpochDay();
  /** The length of the window in days. */
  static final int DAYS = 731;
  /** The analysis (observation end) day: the day after the window. */
  static final int ANALYSIS_DAY = FIRST_DAY + DAYS;
  static final long SEED = 42;
  static final double RETURN_PROBABILITY = 0.03;

  /** Number of transactions; customers are a tenth of it. */
  @Param({"1000000", "10000000"})
  public int transactions;

  TransactionColumns columns;
  int customers;
  LocalDate observationEnd;

  // the same rows as the columns, as plain arrays for the baselines (customer keys are the columns' keys)
  int[] customer;
  int[] day;
  double[] amount;
  byte[] kind;
  /** The external id of each row's customer: references to the columns' id strings, nothing allocated per row. */
  String[] customerIdOfRow;

  /** Output buffer of the crmkit path: recency per customer key. */
  int[] recency;

  /** Generates the rows and builds the columns. */
  @Setup(Level.Trial)
  public void generate() {
    if (transactions < 10 || transactions % 10 != 0) {
      throw new IllegalArgumentException("transactions must be a positive multiple of 10, was " + transactions);
    }
    customers = transactions / 10;
    SplittableRandom random = new SplittableRandom(SEED);
    int n = transactions;
    int[] who = new int[n];
    boolean[] forcedSale = new boolean[n];
    for (int i = 0; i < n; i++) {
      // the first row of each customer is a sale, so that every customer has a purchase
      who[i] = i < customers ? i : random.nextInt(customers);
      forcedSale[i] = i < customers;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int w = who[i];
      who[i] = who[j];
      who[j] = w;
      boolean f = forcedSale[i];
      forcedSale[i] = forcedSale[j];
      forcedSale[j] = f;
    }
    String[] ids = new String[customers];
    for (int c = 0; c < customers; c++) {
      ids[c] = String.format("C%08d", c);
    }
    TransactionColumns.Builder builder = TransactionColumns.builder(n);
    for (int i = 0; i < n; i++) {
      int d = FIRST_DAY + random.nextInt(DAYS);
      double u = random.nextDouble();
      double value = Math.round((5.0 + 95.0 * u * u) * 100.0) / 100.0;
      boolean isReturn = !forcedSale[i] && random.nextDouble() < RETURN_PROBABILITY;
      if (!builder.add(ids[who[i]], d, value, null, isReturn ? TransactionKind.RETURN : TransactionKind.SALE)) {
        throw new IllegalStateException("generated row " + i + " was rejected");
      }
    }
    columns = builder.build();
    if (columns.size() != n || columns.customerCount() != customers) {
      throw new IllegalStateException("expected " + n + " rows of " + customers + " customers, built "
          + columns.size() + " of " + columns.customerCount());
    }
    customer = new int[n];
    day = new int[n];
    amount = new double[n];
    kind = new byte[n];
    customerIdOfRow = new String[n];
    for (int i = 0; i < n; i++) {
      customer[i] = columns.customer(i);
      day[i] = columns.day(i);
      amount[i] = columns.amount(i);
      kind[i] = columns.kind(i);
      customerIdOfRow[i] = columns.customerId(customer[i]);
    }
    recency = new int[customers];
    observationEnd = LocalDate.ofEpochDay(ANALYSIS_DAY);
  }
}
