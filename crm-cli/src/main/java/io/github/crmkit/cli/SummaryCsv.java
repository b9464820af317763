package io.github.crmkit.cli;

import io.github.crmkit.cli.io.TransactionFileException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a per-customer summary CSV (as lifetimes or {@code crm summary} write it: a header line, one customer or
 * pattern per line) into columns. Columns are found by header name; each requested column is parsed and checked as
 * it is read, and the first problem stops the read with a {@link TransactionFileException} whose message is
 * {@code file:line:column: name: problem}, never holding a field's value.
 *
 * <p>Fields may be quoted (RFC 4180, on one line); a UTF-8 byte order mark and CR before LF are ignored, blank lines
 * skipped.
 *
 * <p>Not thread-safe: one instance reads one file.
 */
final class SummaryCsv {
  /** How a column's fields are read. */
  enum Kind {
    /** Text, kept as is (the customer id). */
    TEXT("text"),
    /** A whole number {@code >= 0} (written as {@code 2} or {@code 2.0}). */
    COUNT("a whole number >= 0"),
    /** A whole number {@code >= 1}. */
    POSITIVE_COUNT("a whole number >= 1"),
    /** A finite number {@code >= 0}. */
    NON_NEGATIVE("a finite number >= 0"),
    /** A finite number {@code > 0}. */
    POSITIVE("a finite number > 0");

    final String expected;

    Kind(String expected) {
      this.expected = expected;
    }
  }

  /** A column to read: the option that names it (for messages), its header name and how to parse it. */
  record Request(String option, String name, Kind kind, boolean required) {}

  /** The columns read; a column not present in the file (and not required) is null. */
  static final class Table {
    final Path file;
    final int rows;
    final List<String> header;
    private final Request[] requests;
    private final String[][] texts;
    private final double[][] numbers;
    /** Physical line of each row, for messages about rows that are checked across columns. */
    private final long[] lines;
    private final int[] columnIndex;

    private Table(Path file, List<String> header, Request[] requests, int rows, String[][] texts, double[][] numbers,
        long[] lines, int[] columnIndex) {
      this.file = file;
      this.header = header;
      this.requests = requests;
      this.rows = rows;
      this.texts = texts;
      this.numbers = numbers;
      this.lines = lines;
      this.columnIndex = columnIndex;
    }

    private int slot(String option) {
      for (int i = 0; i < requests.length; i++) {
        if (requests[i].option().equals(option)) {
          return i;
        }
      }
      return -1;
    }

    /** Whether the column of {@code option} was requested and found. */
    boolean has(String option) {
      int s = slot(option);
      return s >= 0 && columnIndex[s] >= 0;
    }

    /** The text column of {@code option}, or null if not requested or absent. */
    String[] text(String option) {
      int s = slot(option);
      return s < 0 ? null : texts[s];
    }

    /** The numeric column of {@code option}, or null if not requested or absent. */
    double[] number(String option) {
      int s = slot(option);
      return s < 0 ? null : numbers[s];
    }

    /** The numeric column of {@code option} as ints (it holds whole numbers), or null if absent. */
    int[] counts(String option) {
      double[] values = number(option);
      if (values == null) {
        return null;
      }
      int[] counts = new int[rows];
      for (int i = 0; i < rows; i++) {
        counts[i] = (int) values[i];
      }
      return counts;
    }

    /** A problem with row {@code row} in the column of {@code option}. */
    TransactionFileException problem(int row, String option, String problem) {
      int s = slot(option);
      return new TransactionFileException(file.toString(), lines[row], columnIndex[s] + 1,
          requests[s].name() + ": " + problem);
    }
  }

  private SummaryCsv() {}

  /**
   * The header of a file: the fields of its first non-blank line.
   *
   * @throws TransactionFileException if the file is empty
   */
  static List<String> header(Path file) throws IOException {
    try (BufferedReader in = open(file)) {
      long lineNumber = 0;
      String line;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1);
        }
        if (!line.isBlank()) {
          List<String> fields = new ArrayList<>();
          split(file, lineNumber, line, fields);
          return List.copyOf(fields);
        }
      }
    }
    throw new TransactionFileException(file.toString(), 1, 0, "empty file: no header line");
  }

  private static BufferedReader open(Path file) throws IOException {
    try {
      return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
  }

  /**
   * Reads the requested columns of a file.
   *
   * @param file the file
   * @param requests the columns; a required one missing from the header is an error on line 1
   * @return the table
   * @throws TransactionFileException for a missing column or a malformed field (file, line, column and problem)
   * @throws IOException if the file cannot be read
   */
  static Table read(Path file, List<Request> requests) throws IOException {
    Request[] req = requests.toArray(new Request[0]);
    int n = req.length;
    int[] index = new int[n];
    String[][] texts = new String[n][];
    double[][] numbers = new double[n][];
    long[] lines = new long[1024];
    int rows = 0;
    List<String> header;
    try (BufferedReader in = open(file)) {
      long lineNumber = 0;
      String line;
      header = null;
      List<String> fields = new ArrayList<>();
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        split(file, lineNumber, line, fields);
        if (header == null) {
          header = List.copyOf(fields);
          for (int i = 0; i < n; i++) {
            index[i] = header.indexOf(req[i].name());
            if (index[i] < 0 && req[i].required()) {
              throw new TransactionFileException(file.toString(), lineNumber, 0, "no column '" + req[i].name()
                  + "' in the header (name the column with " + req[i].option() + " COL)");
            }
            if (index[i] >= 0) {
              if (req[i].kind() == Kind.TEXT) {
                texts[i] = new String[1024];
              } else {
                numbers[i] = new double[1024];
              }
            }
          }
          continue;
        }
        if (fields.size() != header.size()) {
          throw new TransactionFileException(file.toString(), lineNumber, 0, "expected " + header.size()
              + " fields as in the header, found " + fields.size());
        }
        if (rows == lines.length) {
          int capacity = rows * 2;
          lines = Arrays.copyOf(lines, capacity);
          for (int i = 0; i < n; i++) {
            if (texts[i] != null) {
              texts[i] = Arrays.copyOf(texts[i], capacity);
            }
            if (numbers[i] != null) {
              numbers[i] = Arrays.copyOf(numbers[i], capacity);
            }
          }
        }
        lines[rows] = lineNumber;
        for (int i = 0; i < n; i++) {
          if (index[i] < 0) {
            continue;
          }
          String field = fields.get(index[i]);
          if (req[i].kind() == Kind.TEXT) {
            texts[i][rows] = field;
          } else {
            numbers[i][rows] = parse(file, lineNumber, index[i] + 1, req[i], field.strip());
          }
        }
        rows++;
      }
    }
    if (header == null) {
      throw new TransactionFileException(file.toString(), 1, 0, "empty file: no header line");
    }
    for (int i = 0; i < n; i++) {
      if (texts[i] != null) {
        texts[i] = Arrays.copyOf(texts[i], rows);
      }
      if (numbers[i] != null) {
        numbers[i] = Arrays.copyOf(numbers[i], rows);
      }
    }
    return new Table(file, header, req, rows, texts, numbers, Arrays.copyOf(lines, rows), index);
  }

  private static double parse(Path file, long line, int column, Request request, String field)
      throws TransactionFileException {
    double value;
    if (field.isEmpty()) {
      throw new TransactionFileException(file.toString(), line, column, request.name() + ": empty, expected "
          + request.kind().expected);
    }
    try {
      value = Double.parseDouble(field);
    } catch (NumberFormatException e) {
      throw new TransactionFileException(file.toString(), line, column, request.name() + ": not a number, expected "
          + request.kind().expected);
    }
    char last = field.charAt(field.length() - 1);
    boolean ok = Double.isFinite(value) && (Character.isDigit(last) || last == '.');
    ok &= switch (request.kind()) {
      case COUNT -> value >= 0.0 && value == Math.rint(value) && value <= Integer.MAX_VALUE;
      case POSITIVE_COUNT -> value >= 1.0 && value == Math.rint(value) && value <= Integer.MAX_VALUE;
      case NON_NEGATIVE -> value >= 0.0;
      case POSITIVE -> value > 0.0;
      case TEXT -> true;
    };
    if (!ok) {
      throw new TransactionFileException(file.toString(), line, column, request.name() + ": expected "
          + request.kind().expected);
    }
    return value;
  }

  /** Splits one line into fields (RFC 4180 quoting within the line). */
  static void split(Path file, long line, String text, List<String> fields) throws TransactionFileException {
    fields.clear();
    int length = text.length();
    if (length > 0 && text.charAt(length - 1) == '\r') {
      length--;
    }
    int p = 0;
    StringBuilder field = new StringBuilder();
    while (true) {
      field.setLength(0);
      if (p < length && text.charAt(p) == '"') {
        int q = p + 1;
        while (true) {
          if (q >= length) {
            throw new TransactionFileException(file.toString(), line, fields.size() + 1,
                "a quoted field is not closed on its line");
          }
          char c = text.charAt(q);
          if (c == '"') {
            if (q + 1 < length && text.charAt(q + 1) == '"') {
              field.append('"');
              q += 2;
              continue;
            }
            q++;
            break;
          }
          field.append(c);
          q++;
        }
        if (q < length && text.charAt(q) != ',') {
          throw new TransactionFileException(file.toString(), line, fields.size() + 1,
              "unexpected character after a closing quote");
        }
        fields.add(field.toString());
        p = q;
      } else {
        int q = text.indexOf(',', p);
        if (q < 0 || q > length) {
          q = length;
        }
        fields.add(text.substring(p, q));
        p = q;
      }
      if (p >= length) {
        return;
      }
      p++; // the comma
      if (p == length) {
        fields.add("");
        return;
      }
    }
  }
}
