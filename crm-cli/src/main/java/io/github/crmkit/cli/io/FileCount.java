package io.github.crmkit.cli.io;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What was read from one file. The counts reconcile: {@code lines = headerLines + blankLines + rows +
 * quotedLineBreaks}, and {@code rows = accepted + rejected}. Immutable and thread-safe.
 *
 * @param file the file, as given
 * @param bytes the bytes read
 * @param lines the physical lines read (as {@code wc -l} counts them, plus a last line without a line feed)
 * @param headerLines 1 if the file had a header line, else 0
 * @param blankLines lines holding nothing but blanks, skipped
 * @param quotedLineBreaks line breaks inside quoted fields (a row spanning 3 lines adds 2)
 * @param accepted rows added to the transactions
 * @param rejected rows rejected as malformed
 */
public record FileCount(Path file, long bytes, long lines, long headerLines, long blankLines, long quotedLineBreaks,
    long accepted, long rejected) {
  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public FileCount {
    Objects.requireNonNull(file, "file");
    if (bytes < 0 || lines < 0 || headerLines < 0 || blankLines < 0 || quotedLineBreaks < 0 || accepted < 0
        || rejected < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /**
   * The data rows: accepted plus rejected.
   *
   * @return the row count
   */
  public long rows() {
    return accepted + rejected;
  }
}
