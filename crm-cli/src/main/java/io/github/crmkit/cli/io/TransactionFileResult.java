package io.github.crmkit.cli.io;

import io.github.crmkit.scoring.RejectedRow;
import io.github.crmkit.scoring.TransactionColumns;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The transactions read from a set of files, with per-file counts and the rejected rows.
 *
 * <p>Counts reconcile: {@link #rows()} = {@link #accepted()} + {@link #rejected()} = the columns'
 * {@link TransactionColumns#inputRows() inputRows()}; per file, lines = header lines + blank lines + rows + line
 * breaks inside quoted fields (see {@link FileCount}).
 *
 * <p>Immutable and thread-safe.
 */
public final class TransactionFileResult {
  private final TransactionColumns columns;
  private final List<FileCount> files;

  TransactionFileResult(TransactionColumns columns, List<FileCount> files) {
    this.columns = Objects.requireNonNull(columns, "columns");
    this.files = List.copyOf(files);
  }

  /**
   * The accepted rows as columns; their {@link TransactionColumns#rejects() rejects} are the malformed rows.
   *
   * @return the columns
   */
  public TransactionColumns columns() {
    return columns;
  }

  /**
   * The rejected rows, in reading order, each with its file, line, column and reason (the columns' rejects).
   *
   * @return the rejects, unmodifiable
   */
  public List<RejectedRow> rejects() {
    return columns.rejects();
  }

  /**
   * What was read from each file, in reading order.
   *
   * @return the per-file counts, unmodifiable
   */
  public List<FileCount> files() {
    return files;
  }

  /**
   * The bytes read over all files.
   *
   * @return the byte count
   */
  public long bytesRead() {
    return files.stream().mapToLong(FileCount::bytes).sum();
  }

  /**
   * The physical lines read over all files.
   *
   * @return the line count
   */
  public long lines() {
    return files.stream().mapToLong(FileCount::lines).sum();
  }

  /**
   * The header lines over all files.
   *
   * @return the header line count
   */
  public long headerLines() {
    return files.stream().mapToLong(FileCount::headerLines).sum();
  }

  /**
   * The data rows over all files: accepted plus rejected.
   *
   * @return the row count
   */
  public long rows() {
    return accepted() + rejected();
  }

  /**
   * The accepted rows.
   *
   * @return the count, equal to the columns' size
   */
  public long accepted() {
    return columns.size();
  }

  /**
   * The rejected rows.
   *
   * @return the count, equal to the number of rejects
   */
  public long rejected() {
    return columns.rejects().size();
  }

  /**
   * The rejected rows counted by field and reason, keyed {@code "field: reason"} (for example
   * {@code "customer: missing customer id"}), sorted by key.
   *
   * @return the counts, unmodifiable
   */
  public Map<String, Long> rejectCounts() {
    Map<String, Long> counts = new TreeMap<>();
    for (RejectedRow r : columns.rejects()) {
      counts.merge(r.field() + ": " + r.reason(), 1L, Long::sum);
    }
    return Collections.unmodifiableMap(counts);
  }

  /** Returns the totals, for logs: files, bytes, rows, accepted, rejected. */
  @Override
  public String toString() {
    return "TransactionFileResult{files=" + files.size() + ", bytes=" + bytesRead() + ", rows=" + rows()
        + ", accepted=" + accepted() + ", rejected=" + rejected() + ", customers=" + columns.customerCount() + '}';
  }
}
