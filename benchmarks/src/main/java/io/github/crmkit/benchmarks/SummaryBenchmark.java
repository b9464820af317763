package io.github.crmkit.benchmarks;

import io.github.crmkit.scoring.CustomerSummaries;
import io.github.crmkit.scoring.Parallelism;
import io.github.crmkit.scoring.RepeatPurchaseOptions;
import io.github.crmkit.scoring.RepeatPurchaseSummary;
import io.github.crmkit.scoring.RfmBinning;
import io.github.crmkit.scoring.RfmScorer;
import io.github.crmkit.scoring.RfmScores;
import io.github.crmkit.scoring.SegmentMap;
import io.github.crmkit.scoring.SegmentStats;
import io.github.crmkit.scoring.SegmentSummary;
import io.github.crmkit.scoring.TransactionColumns;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-customer summary (orders, net monetary value, last purchase and so recency) of crmkit, side by side with a
 * plain {@code HashMap} implementation and with DuckDB in-process, over the same generated transactions
 * ({@link SummaryData}: 1 million transactions of 100,000 customers, and 10 million of 1 million).
 *
 * <ul>
 *   <li>{@link #crmkitSummary}: {@link CustomerSummaries#of(TransactionColumns)}, then recency of every customer as
 *       of the analysis day into an array given by the caller. Single-threaded.
 *   <li>{@link #crmkitRepeatPurchase}: {@link RepeatPurchaseSummary#of} (frequency, recency, age, mean repeat
 *       spend, daily periods) on the same columns, for scale.
 *   <li>{@link #hashMapByCustomerId} and {@link #hashMapByCustomerKey}: the naive baseline, one pass over the rows
 *       into {@code HashMap<String, Acc>} (keyed by the external id, as a reader of a file would) or
 *       {@code HashMap<Integer, Acc>} (keyed by the same dense keys crmkit has), then recency per entry.
 *   <li>{@link #duckDbSummary}: the same aggregation in SQL ({@code GROUP BY customer: count, sum, max(day)}), and
 *       {@link #duckDbNtileScores}: that aggregation followed by {@code NTILE(5)} scores of recency, frequency and
 *       monetary value with the customer key as tie-breaker (DuckDB's NTILE is not deterministic on ties), which is
 *       the SQL peer of the RFM scoring step. The rows are loaded once per trial into an in-memory table by the
 *       appender. {@code threads} is DuckDB's thread count: {@code 1} (as crmkit) or {@code default} (all cores).
 *       {@code output} is {@code fetch} (the result read through JDBC into Java arrays, what a Java caller gets) or
 *       {@code table} ({@code CREATE OR REPLACE TEMP TABLE ... AS}: DuckDB's engine alone, nothing crosses JDBC).
 * </ul>
 *
 * <p>Every peer is checked against crmkit once per trial, before measuring: the same orders and recency for every
 * customer, and monetary values equal to within 1e-6. The DuckDB NTILE query is checked to give each score to a
 * fifth of the customers.
 *
 * <p>{@link #crmkitRfmSegments} is the full pipeline (summary, NTILE(5) scores, R x F grid segments and their
 * summary); {@link #duckDbNtileScores} is its SQL peer and {@link #hashMapRfmSegments} its naive Java baseline.
 * {@link #crmkitRfmSegmentsTwoThreads} is the same pipeline on both cores, the peer of DuckDB with
 * {@code threads=default}.
 *
 * <p>Run from the repository root, after {@code mvn -q -B install -pl benchmarks}:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar SummaryBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s -prof gc
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class SummaryBenchmark {

  private static final RepeatPurchaseOptions DAILY = RepeatPurchaseOptions.ofDefaults();

  /** The naive baseline's accumulator. */
  static final class Acc {
    int orders;
    double monetary;
    int lastDay = Integer.MIN_VALUE;
    int recency;
  }

  @Benchmark
  public int[] crmkitSummary(SummaryData d) {
    CustomerSummaries s = CustomerSummaries.of(d.columns);
    int[] recency = d.recency;
    for (int k = 0, n = s.customerCount(); k < n; k++) {
      recency[k] = s.recencyDays(k, SummaryData.ANALYSIS_DAY);
    }
    return recency;
  }

  private static final RfmScorer NTILE_5 = RfmScorer.of(RfmBinning.ntile(5));
  private static final SegmentMap RF_GRID = SegmentMap.rfGrid();

  /**
   * The whole RFM pipeline of the target: per-customer summary, NTILE(5) scores for R, F and M (pandas'
   * rank-first n-tiles, ties by customer key) and the R x F grid's segments with their summary. The peer is
   * {@code duckDbNtileScores}.
   *
   * @param d the data
   * @return the segment summary
   */
  @Benchmark
  public SegmentSummary crmkitRfmSegments(SummaryData d) {
    RfmScores scores = NTILE_5.score(CustomerSummaries.of(d.columns), SummaryData.ANALYSIS_DAY);
    return RF_GRID.summarize(scores);
  }

  /** Both cores of this machine: the calling thread and one task of the common pool. */
  private static final Parallelism TWO_THREADS = Parallelism.of(ForkJoinPool.commonPool(), 2);

  /**
   * {@link #crmkitRfmSegments} on two threads ({@link Parallelism}): the summary's rows cut in two and merged, the
   * scores' gathering and scattering by halves of the customers, the three dimensions binned at the same time, and
   * the segment summary by halves of the customers.
   * Its peer is {@code duckDbNtileScores} with {@code threads=default} (DuckDB on both cores).
   *
   * @param d the data
   * @return the segment summary
   */
  @Benchmark
  public SegmentSummary crmkitRfmSegmentsTwoThreads(SummaryData d, CheckedPipeline checked) {
    RfmScores scores = NTILE_5.score(CustomerSummaries.of(d.columns, TWO_THREADS), SummaryData.ANALYSIS_DAY,
        TWO_THREADS);
    return RF_GRID.summarize(scores, TWO_THREADS);
  }

  /**
   * The naive baseline of the whole pipeline, as a straightforward Java program would write it: a
   * {@code LinkedHashMap} by external id (first-seen order, which is crmkit's key order, so ties break alike), each
   * dimension ranked by sorting the boxed indices with a comparator, pandas' rank-first n-tile formula, and the
   * segment found by matching the two-digit "RF" string against the grid's (precompiled) regular expressions in order, as
   * pandas' {@code replace(regex=True)} does. Checked once per trial to give crmkit's segment counts.
   *
   * @param d the data
   * @param checked the per-trial check
   * @return customers per segment
   */
  @Benchmark
  public Map<String, Integer> hashMapRfmSegments(SummaryData d, CheckedPipeline checked) {
    return naiveRfmSegments(d);
  }

  /** The R x F grid as (regular expression, segment) pairs, in order. */
  private static final String[][] RF_PATTERNS = {
      {"[1-2][1-2]", "hibernating"}, {"[1-2][3-4]", "at risk"}, {"[1-2]5", "can't lose"},
      {"3[1-2]", "about to sleep"}, {"33", "need attention"}, {"[3-4][4-5]", "loyal customers"},
      {"41", "promising"}, {"51", "new customers"}, {"[4-5][2-3]", "potential loyalists"},
      {"5[4-5]", "champions"}};
  /** The patterns compiled once, as a careful naive implementation would. */
  private static final Pattern[] RF_REGEX = new Pattern[RF_PATTERNS.length];

  static {
    for (int p = 0; p < RF_PATTERNS.length; p++) {
      RF_REGEX[p] = Pattern.compile(RF_PATTERNS[p][0]);
    }
  }

  static Map<String, Integer> naiveRfmSegments(SummaryData d) {
    String[] id = d.customerIdOfRow;
    Map<String, Acc> map = new LinkedHashMap<>();
    for (int i = 0; i < id.length; i++) {
      Acc a = map.get(id[i]);
      if (a == null) {
        a = new Acc();
        map.put(id[i], a);
      }
      add(a, d.day[i], d.amount[i], d.kind[i]);
    }
    List<Acc> accs = new ArrayList<>(map.values());
    for (Acc a : accs) {
      a.recency = SummaryData.ANALYSIS_DAY - a.lastDay;
    }
    int[] r = naiveNtile(accs, Comparator.comparingInt(a -> a.recency));
    int[] f = naiveNtile(accs, Comparator.comparingInt(a -> a.orders));
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < accs.size(); i++) {
      String rf = String.valueOf(6 - r[i]) + f[i]; // recency reversed: 5 = most recent
      String segment = "Others";
      for (int p = 0; p < RF_PATTERNS.length; p++) {
        if (RF_REGEX[p].matcher(rf).matches()) {
          segment = RF_PATTERNS[p][1];
          break;
        }
      }
      counts.merge(segment, 1, Integer::sum);
    }
    // the monetary score is computed too, as the pipeline reports it, though the grid does not read it
    int[] m = naiveNtile(accs, Comparator.comparingDouble(a -> a.monetary));
    counts.merge("(monetary scored)", m.length, Integer::sum);
    return counts;
  }

  /** pandas' qcut(rank(method="first"), 5): stable sort of the indices, then bin = ceil((rank - 1) 5 / (n - 1)). */
  private static int[] naiveNtile(List<Acc> accs, Comparator<Acc> order) {
    int n = accs.size();
    List<Integer> idx = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      idx.add(i);
    }
    idx.sort((x, y) -> order.compare(accs.get(x), accs.get(y))); // List.sort is stable: ties by first-seen order
    int[] bin = new int[n];
    for (int rank = 1; rank <= n; rank++) {
      bin[idx.get(rank - 1)] = rank == 1 ? 1 : (int) (((long) (rank - 1) * 5 + n - 2) / (n - 1));
    }
    return bin;
  }

  /** Checks the naive pipeline against crmkit's segment counts once per trial. */
  @State(Scope.Benchmark)
  public static class CheckedPipeline {
    @Setup(Level.Trial)
    public void verify(SummaryData d) {
      SegmentSummary crmkit = RF_GRID.summarize(NTILE_5.score(CustomerSummaries.of(d.columns),
          SummaryData.ANALYSIS_DAY));
      Map<String, Integer> naive = naiveRfmSegments(d);
      SegmentSummary twoThreads = RF_GRID.summarize(NTILE_5.score(CustomerSummaries.of(d.columns, TWO_THREADS),
          SummaryData.ANALYSIS_DAY, TWO_THREADS), TWO_THREADS);
      for (SegmentStats stats : crmkit.segments()) {
        int expected = naive.getOrDefault(stats.name(), 0);
        if (stats.customers() != expected) {
          throw new IllegalStateException("the naive pipeline puts " + expected + " customers in " + stats.name()
              + ", crmkit " + stats.customers());
        }
        if (twoThreads.segment(stats.name()).customers() != expected) {
          throw new IllegalStateException("crmkit on two threads puts " + twoThreads.segment(stats.name()).customers()
              + " customers in " + stats.name() + ", on one " + expected);
        }
      }
    }
  }

  @Benchmark
  public RepeatPurchaseSummary crmkitRepeatPurchase(SummaryData d) {
    return RepeatPurchaseSummary.of(d.columns, d.observationEnd, DAILY);
  }

  @Benchmark
  public Map<String, Acc> hashMapByCustomerId(SummaryData d, Checked checked) {
    return byCustomerId(d);
  }

  @Benchmark
  public Map<Integer, Acc> hashMapByCustomerKey(SummaryData d, Checked checked) {
    return byCustomerKey(d);
  }

  @Benchmark
  public int duckDbSummary(DuckDb db) throws SQLException {
    return db.run(db.summarySql, false);
  }

  @Benchmark
  public int duckDbNtileScores(DuckDb db) throws SQLException {
    return db.run(db.ntileSql, true);
  }

  static Map<String, Acc> byCustomerId(SummaryData d) {
    String[] id = d.customerIdOfRow;
    int[] day = d.day;
    double[] amount = d.amount;
    byte[] kind = d.kind;
    HashMap<String, Acc> map = new HashMap<>();
    for (int i = 0; i < id.length; i++) {
      Acc a = map.get(id[i]);
      if (a == null) {
        a = new Acc();
        map.put(id[i], a);
      }
      add(a, day[i], amount[i], kind[i]);
    }
    for (Acc a : map.values()) {
      a.recency = SummaryData.ANALYSIS_DAY - a.lastDay;
    }
    return map;
  }

  static Map<Integer, Acc> byCustomerKey(SummaryData d) {
    int[] customer = d.customer;
    int[] day = d.day;
    double[] amount = d.amount;
    byte[] kind = d.kind;
    HashMap<Integer, Acc> map = new HashMap<>();
    for (int i = 0; i < customer.length; i++) {
      Acc a = map.get(customer[i]);
      if (a == null) {
        a = new Acc();
        map.put(customer[i], a);
      }
      add(a, day[i], amount[i], kind[i]);
    }
    for (Acc a : map.values()) {
      a.recency = SummaryData.ANALYSIS_DAY - a.lastDay;
    }
    return map;
  }

  private static void add(Acc a, int day, double amount, byte kind) {
    a.monetary += amount;
    if (kind == TransactionColumns.SALE) {
      a.orders++;
      if (day > a.lastDay) {
        a.lastDay = day;
      }
    }
  }

  /** Checks the baselines against crmkit once per trial. */
  @State(Scope.Benchmark)
  public static class Checked {
    @Setup(Level.Trial)
    public void verify(SummaryData d) {
      CustomerSummaries s = CustomerSummaries.of(d.columns);
      Map<String, Acc> byId = byCustomerId(d);
      Map<Integer, Acc> byKey = byCustomerKey(d);
      if (byId.size() != s.customerCount() || byKey.size() != s.customerCount()) {
        throw new IllegalStateException("baseline customer counts differ from crmkit's " + s.customerCount());
      }
      for (int k = 0; k < s.customerCount(); k++) {
        Acc a = byId.get(s.customerId(k));
        SummaryBenchmark.check("HashMap<String>", k, s, a.orders, a.monetary, a.recency);
        a = byKey.get(k);
        SummaryBenchmark.check("HashMap<Integer>", k, s, a.orders, a.monetary, a.recency);
      }
    }
  }

  static void check(String peer, int k, CustomerSummaries s, int orders, double monetary, int recency) {
    int expectedRecency = s.recencyDays(k, SummaryData.ANALYSIS_DAY);
    if (orders != s.orders(k) || recency != expectedRecency
        || Math.abs(monetary - s.monetary(k)) > 1e-6 * Math.max(1, Math.abs(s.monetary(k)))) {
      throw new IllegalStateException(peer + " differs from crmkit for customer key " + k + ": expected orders "
          + s.orders(k) + ", monetary " + s.monetary(k) + ", recency " + expectedRecency + "; was " + orders + ", "
          + monetary + ", " + recency);
    }
  }

  /**
   * DuckDB in-process, in memory, with the rows of {@link SummaryData} in table {@code tx}; one connection per trial.
   */
  @State(Scope.Benchmark)
  public static class DuckDb {
    /** DuckDB's {@code threads} setting: {@code 1}, or {@code default} (DuckDB's own default, the core count). */
    @Param({"1", "default"})
    public String threads;

    /** {@code fetch}: read the result into Java arrays through JDBC; {@code table}: materialise it in DuckDB. */
    @Param({"fetch", "table"})
    public String output;

    private DuckDBConnection connection;
    private Statement statement;
    String summarySql;
    String ntileSql;
    private boolean materialise;
    // fetch targets, indexed by customer key
    private int[] orders;
    private double[] monetary;
    private int[] recency;
    private int[] scores;

    @Setup(Level.Trial)
    public void load(SummaryData d) throws SQLException {
      connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
      statement = connection.createStatement();
      if (!"default".equals(threads)) {
        statement.execute("SET threads = " + Integer.parseInt(threads));
      }
      try (ResultSet rs = statement.executeQuery("SELECT current_setting('threads')")) {
        rs.next();
        System.out.println("[duckdb] threads = " + rs.getString(1) + ", version "
            + connection.getMetaData().getDatabaseProductVersion());
      }
      statement.execute("CREATE TABLE tx (customer INTEGER NOT NULL, day INTEGER NOT NULL, amount DOUBLE NOT NULL,"
          + " kind TINYINT NOT NULL)");
      long start = System.nanoTime();
      try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "tx")) {
        for (int i = 0; i < d.transactions; i++) {
          appender.beginRow().append(d.customer[i]).append(d.day[i]).append(d.amount[i]).append(d.kind[i]).endRow();
        }
      }
      System.out.printf("[duckdb] loaded %,d rows in %,d ms%n", d.transactions,
          (System.nanoTime() - start) / 1_000_000);
      String summary = "SELECT customer, count(*) FILTER (WHERE kind = 0) AS orders, sum(amount) AS monetary, "
          + SummaryData.ANALYSIS_DAY + " - max(day) FILTER (WHERE kind = 0) AS recency FROM tx GROUP BY customer";
      String ntile = "WITH s AS (" + summary + ") SELECT customer, "
          + "NTILE(5) OVER (ORDER BY recency DESC, customer) AS r, "
          + "NTILE(5) OVER (ORDER BY orders, customer) AS f, "
          + "NTILE(5) OVER (ORDER BY monetary, customer) AS m FROM s";
      boolean table = "table".equals(output);
      materialise = table;
      if (!table && !"fetch".equals(output)) {
        throw new IllegalArgumentException("output must be fetch or table, was " + output);
      }
      summarySql = table ? "CREATE OR REPLACE TEMP TABLE summary_out AS " + summary : summary;
      ntileSql = table ? "CREATE OR REPLACE TEMP TABLE ntile_out AS " + ntile : ntile;
      orders = new int[d.customers];
      monetary = new double[d.customers];
      recency = new int[d.customers];
      scores = new int[d.customers];

      // check against crmkit: always through a fetch of the plain queries
      CustomerSummaries s = CustomerSummaries.of(d.columns);
      int rows = 0;
      try (ResultSet rs = statement.executeQuery(summary)) {
        while (rs.next()) {
          int k = rs.getInt(1);
          check("DuckDB", k, s, rs.getInt(2), rs.getDouble(3), rs.getInt(4));
          rows++;
        }
      }
      if (rows != d.customers) {
        throw new IllegalStateException("DuckDB summarised " + rows + " customers, expected " + d.customers);
      }
      int[][] perScore = new int[3][6];
      try (ResultSet rs = statement.executeQuery(ntile)) {
        while (rs.next()) {
          perScore[0][rs.getInt(2)]++;
          perScore[1][rs.getInt(3)]++;
          perScore[2][rs.getInt(4)]++;
        }
      }
      for (int[] counts : perScore) {
        for (int score = 1; score <= 5; score++) {
          if (Math.abs(counts[score] - d.customers / 5) > 1) {
            throw new IllegalStateException("NTILE(5) gave score " + score + " to " + counts[score]
                + " customers, expected " + d.customers / 5);
          }
        }
      }
    }

    int run(String sql, boolean scoresQuery) throws SQLException {
      if (materialise) {
        statement.execute(sql);
        return 0;
      }
      int rows = 0;
      try (ResultSet rs = statement.executeQuery(sql)) {
        if (scoresQuery) {
          while (rs.next()) {
            int k = rs.getInt(1);
            scores[k] = rs.getInt(2) * 100 + rs.getInt(3) * 10 + rs.getInt(4);
            rows++;
          }
        } else {
          while (rs.next()) {
            int k = rs.getInt(1);
            orders[k] = rs.getInt(2);
            monetary[k] = rs.getDouble(3);
            recency[k] = rs.getInt(4);
            rows++;
          }
        }
      }
      return rows;
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      statement.close();
      connection.close();
    }
  }
}
