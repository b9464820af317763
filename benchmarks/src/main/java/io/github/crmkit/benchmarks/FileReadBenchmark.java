package io.github.crmkit.benchmarks;

import io.github.crmkit.cli.io.InputFiles;
import io.github.crmkit.cli.io.TransactionFileFormat;
import io.github.crmkit.cli.io.TransactionFileReader;
import io.github.crmkit.cli.io.TransactionFileResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The parse rate of crm-cli's {@link TransactionFileReader}, from files into {@code TransactionColumns}, on the two
 * shared reference data sets, with the formats the crm-cli tests use:
 *
 * <ul>
 *   <li>{@link #cdnowMaster}: {@code cdnow/CDNOW_master.txt}, whitespace-delimited, dates {@code yyyyMMdd}, 1,950,500
 *       bytes, 69,659 rows.
 *   <li>{@link #onlineRetailByDay}: the 305 files of {@code online-retail/by-day/}, CSV with quoted fields, dates
 *       {@code yyyy-MM-dd HH:mm:ss}, amount = quantity x unit price, orders, cancellations, 48,064,654 bytes,
 *       541,909 rows.
 * </ul>
 *
 * <p>One operation reads the whole data set (the files come from the page cache after the first read). The score is
 * data sets per second; the {@code bytes} and {@code rows} counters ({@link AuxCounters}) are bytes and rows per
 * second: {@code bytes / 1e6} is the rate in MB/s. {@code @Setup} fails, naming the directory, if the data is not there,
 * and checks the byte and row counts.
 *
 * <p>The data directory is {@code @Param dataDir}, by default {@code ../shared/data}, relative to the working directory
 * (run from the repository root), or {@code -p dataDir=/path/to/data}. Run from the repository root, after
 * {@code mvn -q -B install -pl benchmarks}:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar FileReadBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s -prof gc
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class FileReadBenchmark {
  static final long CDNOW_BYTES = 1_950_500;
  static final long CDNOW_ROWS = 69_659;
  static final long ONLINE_RETAIL_BYTES = 48_064_654;
  static final long ONLINE_RETAIL_ROWS = 541_909;

  /** The shared data directory. */
  @Param({"../shared/data"})
  public String dataDir;

  private static final TransactionFileFormat CDNOW = TransactionFileFormat.builder().delimiter("whitespace")
      .customer("customer_id").date("date").datePattern("yyyyMMdd").amount("dollar_value").strict(true).build();

  private static final TransactionFileFormat ONLINE_RETAIL = TransactionFileFormat.builder()
      .customer("CustomerID").date("InvoiceDate").datePattern("yyyy-MM-dd HH:mm:ss")
      .quantity("Quantity").price("UnitPrice").order("InvoiceNo").cancellationPrefix("C")
      .negativeAmountsAreReturns(true)
      .build();

  private List<Path> cdnowFiles;
  private List<Path> onlineRetailFiles;

  /** Bytes and rows read, reported per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long bytes;
    public long rows;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
      rows = 0;
    }
  }

  @Setup(Level.Trial)
  public void locate() throws IOException {
    Path dir = Path.of(dataDir);
    Path master = dir.resolve("cdnow/CDNOW_master.txt");
    Path byDay = dir.resolve("online-retail/by-day");
    if (!Files.isRegularFile(master) || !Files.isDirectory(byDay)) {
      throw new IllegalStateException("shared data not found: expected " + master.toAbsolutePath().normalize()
          + " and " + byDay.toAbsolutePath().normalize() + " (run from the repository root, or pass -p dataDir=DIR)");
    }
    cdnowFiles = List.of(master);
    onlineRetailFiles = InputFiles.expand(List.of(byDay.toString()));
    if (onlineRetailFiles.size() != 305) {
      throw new IllegalStateException("expected 305 Online Retail files in " + byDay + ", found "
          + onlineRetailFiles.size());
    }
    expect("CDNOW", TransactionFileReader.read(cdnowFiles, CDNOW), CDNOW_BYTES, CDNOW_ROWS);
    expect("Online Retail", TransactionFileReader.read(onlineRetailFiles, ONLINE_RETAIL), ONLINE_RETAIL_BYTES,
        ONLINE_RETAIL_ROWS);
  }

  private static void expect(String name, TransactionFileResult r, long bytes, long rows) {
    if (r.bytesRead() != bytes || r.rows() != rows) {
      throw new IllegalStateException(name + ": expected " + bytes + " bytes and " + rows + " rows, read "
          + r.bytesRead() + " and " + r.rows());
    }
  }

  @Benchmark
  public TransactionFileResult cdnowMaster(Counters counters) throws IOException {
    return count(TransactionFileReader.read(cdnowFiles, CDNOW), counters);
  }

  @Benchmark
  public TransactionFileResult onlineRetailByDay(Counters counters) throws IOException {
    return count(TransactionFileReader.read(onlineRetailFiles, ONLINE_RETAIL), counters);
  }

  private static TransactionFileResult count(TransactionFileResult r, Counters counters) {
    counters.bytes += r.bytesRead();
    counters.rows += r.rows();
    return r;
  }
}
