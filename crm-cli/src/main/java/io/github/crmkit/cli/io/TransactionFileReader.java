package io.github.crmkit.cli.io;

import io.github.crmkit.cli.io.TransactionFileFormat.Column;
import io.github.crmkit.model.TransactionKind;
import io.github.crmkit.scoring.RejectedRow;
import io.github.crmkit.scoring.TransactionColumns;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads transaction files into {@link TransactionColumns}, one row per data line, as a {@link TransactionFileFormat}
 * says.
 *
 * <p>Every data row is either added to the columns or rejected: rows = accepted + rejected, always, and per file the
 * lines reconcile too (see {@link FileCount}). A row is rejected, with its file, physical line, 1-based column and
 * problem but never the offending value (it may be personal data), when:
 * <ul>
 *   <li>it has a quoting error ({@code row: unterminated quoted value}, {@code row: unexpected character after
 *       closing quote}; column: the field);
 *   <li>its number of columns differs from the header's, or, without a header, is smaller than the highest column
 *       the format uses ({@code row: expected 8 columns, found 7}; column 0, the whole row);
 *   <li>the customer id is empty or blank ({@code customer: missing customer id});
 *   <li>the date is empty or not a valid date in the pattern ({@code date: missing date},
 *       {@code date: not a date in format yyyy-MM-dd});
 *   <li>the amount, quantity or price is empty, not a number or not finite ({@code amount: missing amount},
 *       {@code quantity: not a number}, {@code amount: not a finite number}, ...);
 *   <li>the order column is used and the order id is empty ({@code order: missing order id}).
 * </ul>
 * A row with several problems is rejected once, for the first in the order above. Blank lines are skipped and counted;
 * values are trimmed of spaces, tabs and CRs before use. Ids are kept as written (Online Retail's customer
 * {@code 17850.0} stays {@code "17850.0"}).
 *
 * <p>Kinds: with a {@linkplain TransactionFileFormat.Builder#cancellationPrefix cancellation prefix}, a row whose order
 * id starts with it is a {@link TransactionKind#CANCELLATION cancellation}; otherwise, with
 * {@linkplain TransactionFileFormat.Builder#negativeAmountsAreReturns negative amounts as returns}, a row with a
 * negative amount is a {@link TransactionKind#RETURN return}; every other row is a sale (whatever its sign). For the
 * UCI Online Retail files ({@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country})
 * with customer {@code CustomerID}, date {@code InvoiceDate} ({@code yyyy-MM-dd HH:mm:ss}), quantity
 * {@code Quantity} times price {@code UnitPrice}, order {@code InvoiceNo} and cancellation prefix {@code C}, this
 * gives the usual cleaning, reported rather than done silently: the 135,080 rows without a customer are rejected
 * ({@code customer: missing customer id}); the 8,905 invoice lines starting with {@code C} (all with negative
 * quantities) are cancellations that subtract from monetary value and are not orders; lines with a zero price are
 * sales of value 0. The engines decide what to do with each kind; the reader only labels rows.
 *
 * <p>Speed: files are scanned as bytes in place (no per-row regular expression, no line strings); ids are decoded
 * through a small cache, fixed-width dates and plain decimals are parsed without allocation, and one buffer serves all
 * files.
 *
 * <p>Thread-safe (stateless): each call reads on the calling thread with its own state.
 */
public final class TransactionFileReader {
  private TransactionFileReader() {}

  /**
   * Reads files without reporting progress.
   *
   * @param files the files, read in this order (see {@link InputFiles#expand} for directories and globs)
   * @param format how to read them
   * @return the transactions, rejects and per-file counts
   * @throws MalformedRowException in strict mode, for the first malformed row
   * @throws TransactionFileException if a file's header lacks a column the format names
   * @throws IOException if a file cannot be read
   */
  public static TransactionFileResult read(List<Path> files, TransactionFileFormat format) throws IOException {
    return read(files, format, ReadProgress.NONE);
  }

  /**
   * Reads files, reporting progress.
   *
   * @param files the files, read in this order (see {@link InputFiles#expand} for directories and globs)
   * @param format how to read them
   * @param progress told of the bytes read after each block
   * @return the transactions, rejects and per-file counts
   * @throws MalformedRowException in strict mode, for the first malformed row
   * @throws TransactionFileException if a file's header lacks a column the format names
   * @throws IOException if a file cannot be read
   */
  public static TransactionFileResult read(List<Path> files, TransactionFileFormat format, ReadProgress progress)
      throws IOException {
    List<Path> paths = List.copyOf(files);
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(progress, "progress");
    long total = 0;
    for (Path p : paths) {
      total += Files.size(p);
    }
    Run run = new Run(format, progress, total);
    List<FileCount> counts = new ArrayList<>(paths.size());
    for (Path p : paths) {
      counts.add(run.readFile(p));
    }
    progress.update(run.bytesRead, total);
    return new TransactionFileResult(run.builder.build(), counts);
  }

  /** The state of one {@code read} call. */
  private static final class Run {
    private static final int NONE = -1;

    private final TransactionFileFormat format;
    private final ReadProgress progress;
    private final long totalBytes;
    private final TransactionColumns.Builder builder;
    private final Charset charset;
    private final DayParser dayParser;
    private final String badDate;
    private final DecimalParser decimal = new DecimalParser();
    private final IdCache customers;
    private final IdCache orders;
    private final String cancellationPrefix;
    private final boolean negativeAmountsAreReturns;
    private final boolean strict;
    private byte[] buffer = new byte[RecordScanner.DEFAULT_BUFFER_SIZE];
    long bytesRead;

    // the current file
    private String source;
    private long fileBytes;
    private long accepted;
    private long rejected;
    private int expectedFields;
    private int minFields;
    private int customerField;
    private int dateField;
    private int amountField;
    private int quantityField;
    private int priceField;
    private int orderField;

    Run(TransactionFileFormat format, ReadProgress progress, long totalBytes) {
      this.format = format;
      this.progress = progress;
      this.totalBytes = totalBytes;
      this.builder = TransactionColumns.builder((int) Math.min(1 << 26, Math.max(1024, totalBytes / 64)));
      this.charset = format.charset();
      this.dayParser = format.dayParser();
      this.badDate = "not a date in format " + dayParser.pattern();
      this.customers = new IdCache(charset);
      this.orders = new IdCache(charset);
      this.cancellationPrefix = format.cancellationPrefix();
      this.negativeAmountsAreReturns = format.negativeAmountsAreReturns();
      this.strict = format.isStrict();
    }

    FileCount readFile(Path file) throws IOException {
      source = file.toString();
      fileBytes = 0;
      accepted = 0;
      rejected = 0;
      long headerLines = 0;
      long blankLines = 0;
      boolean needHeader = format.hasHeader();
      if (!needHeader) {
        resolveByIndex();
      }
      RecordScanner scanner;
      try (InputStream in = Files.newInputStream(file)) {
        scanner = new RecordScanner(in, format.delimiterByte(), charset.equals(StandardCharsets.UTF_8), buffer,
            n -> {
              fileBytes += n;
              bytesRead += n;
              progress.update(bytesRead, totalBytes);
            });
        while (scanner.next()) {
          if (scanner.blank()) {
            blankLines++;
          } else if (needHeader) {
            resolveByHeader(scanner);
            needHeader = false;
            headerLines = 1;
          } else {
            mapRow(scanner);
          }
        }
      }
      buffer = scanner.buffer();
      return new FileCount(file, fileBytes, scanner.lines(), headerLines, blankLines, scanner.quotedLineBreaks(),
          accepted, rejected);
    }

    private void resolveByIndex() {
      expectedFields = NONE;
      customerField = format.customerColumn().index - 1;
      dateField = format.dateColumn().index - 1;
      amountField = index(format.amountColumn());
      quantityField = index(format.quantityColumn());
      priceField = index(format.priceColumn());
      orderField = index(format.orderColumn());
      minFields = 1 + Math.max(Math.max(Math.max(customerField, dateField), Math.max(amountField, orderField)),
          Math.max(quantityField, priceField));
    }

    private static int index(Column column) {
      return column == null ? NONE : column.index - 1;
    }

    private void resolveByHeader(RecordScanner scanner) throws TransactionFileException {
      long line = scanner.line();
      if (scanner.error() != null) {
        throw new TransactionFileException(source, line, scanner.errorField() + 1, "header: " + scanner.error());
      }
      int n = scanner.fieldCount();
      String[] names = new String[n];
      byte[] b = scanner.buffer();
      for (int i = 0; i < n; i++) {
        names[i] = new String(b, scanner.start(i), scanner.end(i) - scanner.start(i), charset).strip();
      }
      expectedFields = n;
      minFields = n;
      customerField = find(names, format.customerColumn(), line);
      dateField = find(names, format.dateColumn(), line);
      amountField = find(names, format.amountColumn(), line);
      quantityField = find(names, format.quantityColumn(), line);
      priceField = find(names, format.priceColumn(), line);
      orderField = find(names, format.orderColumn(), line);
    }

    private int find(String[] names, Column column, long line) throws TransactionFileException {
      if (column == null) {
        return NONE;
      }
      if (column.name == null) {
        if (column.index > names.length) {
          throw new TransactionFileException(source, line, 0, column.role + " column " + column + " is beyond the "
              + names.length + " columns of the header");
        }
        return column.index - 1;
      }
      int found = NONE;
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(column.name)) {
          if (found != NONE) {
            throw new TransactionFileException(source, line, i + 1, column.role + " column " + column
                + " appears more than once in the header");
          }
          found = i;
        }
      }
      if (found == NONE) {
        throw new TransactionFileException(source, line, 0, "no " + column.role + " column " + column
            + " in the header");
      }
      return found;
    }

    private void mapRow(RecordScanner scanner) throws MalformedRowException {
      long line = scanner.line();
      if (scanner.error() != null) {
        reject(line, scanner.errorField() + 1, "row", scanner.error());
        return;
      }
      int n = scanner.fieldCount();
      if (expectedFields != NONE ? n != expectedFields : n < minFields) {
        reject(line, 0, "row", (expectedFields != NONE ? "expected " : "expected at least ") + minFields
            + " columns, found " + n);
        return;
      }
      byte[] b = scanner.buffer();

      int s = trimStart(b, scanner.start(customerField), scanner.end(customerField));
      int e = trimEnd(b, s, scanner.end(customerField));
      String customerId = s == e ? null : customers.get(b, s, e);
      if (customerId == null || customerId.isBlank()) {
        reject(line, customerField + 1, "customer", "missing customer id");
        return;
      }

      s = trimStart(b, scanner.start(dateField), scanner.end(dateField));
      e = trimEnd(b, s, scanner.end(dateField));
      if (s == e) {
        reject(line, dateField + 1, "date", "missing date");
        return;
      }
      int day = dayParser.parse(b, s, e, charset);
      if (day == DayParser.INVALID) {
        reject(line, dateField + 1, "date", badDate);
        return;
      }

      double amount;
      if (amountField != NONE) {
        if (!number(scanner, line, amountField, "amount")) {
          return;
        }
        amount = decimal.value();
      } else {
        if (!number(scanner, line, quantityField, "quantity")) {
          return;
        }
        double quantity = decimal.value();
        if (!number(scanner, line, priceField, "price")) {
          return;
        }
        amount = quantity * decimal.value();
        if (!Double.isFinite(amount)) {
          reject(line, quantityField + 1, "amount", "not a finite number");
          return;
        }
      }

      String orderId = null;
      if (orderField != NONE) {
        s = trimStart(b, scanner.start(orderField), scanner.end(orderField));
        e = trimEnd(b, s, scanner.end(orderField));
        if (s == e) {
          reject(line, orderField + 1, "order", "missing order id");
          return;
        }
        orderId = orders.get(b, s, e);
      }

      TransactionKind kind = TransactionKind.SALE;
      if (cancellationPrefix != null && orderId.startsWith(cancellationPrefix)) {
        kind = TransactionKind.CANCELLATION;
      } else if (negativeAmountsAreReturns && amount < 0) {
        kind = TransactionKind.RETURN;
      }
      if (builder.add(customerId, day, amount, orderId, kind)) {
        accepted++;
      } else {
        rejected++; // not reached: the checks above are the builder's; counted so that rows still reconcile
      }
    }

    /** Parses a numeric field into {@link #decimal}, or rejects the row. */
    private boolean number(RecordScanner scanner, long line, int field, String name) throws MalformedRowException {
      byte[] b = scanner.buffer();
      int s = trimStart(b, scanner.start(field), scanner.end(field));
      int e = trimEnd(b, s, scanner.end(field));
      if (s == e) {
        reject(line, field + 1, name, "missing " + name);
        return false;
      }
      int status = decimal.parse(b, s, e);
      if (status == DecimalParser.OK) {
        return true;
      }
      reject(line, field + 1, name, status == DecimalParser.NOT_FINITE ? "not a finite number" : "not a number");
      return false;
    }

    private void reject(long line, int column, String field, String reason) throws MalformedRowException {
      if (strict) {
        throw new MalformedRowException(new RejectedRow(source, line, column, field, reason));
      }
      builder.reject(source, line, column, field, reason);
      rejected++;
    }

    private static int trimStart(byte[] b, int s, int e) {
      while (s < e && (b[s] == ' ' || b[s] == '\t' || b[s] == '\r')) {
        s++;
      }
      return s;
    }

    private static int trimEnd(byte[] b, int s, int e) {
      while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t' || b[e - 1] == '\r')) {
        e--;
      }
      return e;
    }
  }
}
