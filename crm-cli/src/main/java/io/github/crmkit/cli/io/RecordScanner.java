package io.github.crmkit.cli.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into records and fields in place, without allocating per record: the fields of the current
 * record are ranges of {@link #buffer()}, valid until the next call to {@link #next()}.
 *
 * <p>Two dialects:
 * <ul>
 *   <li>delimited (RFC 4180): fields separated by one delimiter byte; a field that starts with {@code "} is quoted,
 *       may hold delimiters and line breaks, and writes a quote as {@code ""}; a quote elsewhere is an ordinary
 *       character. A quoting error (a quote that is never closed, or anything but a delimiter or line end after a
 *       closing quote) is reported on the record ({@link #error()}), and scanning resumes at the next line;
 *   <li>whitespace: fields are runs of bytes other than space, tab and CR; leading and trailing blanks do not count;
 *       quotes are ordinary characters.
 * </ul>
 * A record ends at LF (a CR before it belongs to the line end) or at the end of the input. Lines are counted as
 * {@code wc -l} does, plus a last line without LF: a record starts on physical line {@link #line()}, and a quoted
 * field's line breaks ({@link #quotedLineBreaks()}) move the next record further down.
 *
 * <p>The delimiter and the bytes this class looks for are ASCII, so any charset that writes ASCII as single bytes
 * (UTF-8, ISO-8859-x, windows-125x) can be scanned; fields are decoded later by the caller.
 *
 * <p>Not thread-safe.
 */
final class RecordScanner {
  /** The delimiter value for whitespace-separated input. */
  static final int WHITESPACE = -1;

  static final int DEFAULT_BUFFER_SIZE = 1 << 18;

  private static final int NEED_MORE = -1;

  /** Byte classes in whitespace mode: 0 part of a field, 1 blank (space, tab, CR), 2 line feed. */
  private static final byte[] WHITESPACE_CLASS = new byte[256];

  static {
    WHITESPACE_CLASS[' '] = 1;
    WHITESPACE_CLASS['\t'] = 1;
    WHITESPACE_CLASS['\r'] = 1;
    WHITESPACE_CLASS['\n'] = 2;
  }

  private final InputStream in;
  private final int delimiter;
  private final ReadListener listener;
  private byte[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  private boolean atStart = true;
  private final boolean skipUtf8Bom;

  private int fieldCount;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private boolean[] quoted = new boolean[16];
  private boolean[] escaped = new boolean[16];
  private long line;
  private long nextLine = 1;
  private long quotedLineBreaks;
  private boolean blank;
  private String error;
  private int errorField;

  /** Told how many bytes each read from the input brought. */
  interface ReadListener {
    void bytesRead(int count) throws IOException;
  }

  /**
   * @param in the input, read to its end (not closed here)
   * @param delimiter the delimiter byte, or {@link #WHITESPACE}
   * @param skipUtf8Bom whether a UTF-8 byte order mark at the start is skipped
   * @param buffer the initial buffer, which may be one a previous scanner used (it grows for a longer record)
   * @param listener told of every read
   */
  RecordScanner(InputStream in, int delimiter, boolean skipUtf8Bom, byte[] buffer, ReadListener listener) {
    if (delimiter != WHITESPACE && (delimiter < 1 || delimiter > 0x7f || delimiter == '"' || delimiter == '\n'
        || delimiter == '\r')) {
      throw new IllegalArgumentException("delimiter must be an ASCII character other than quote, CR and LF, was "
          + delimiter);
    }
    this.in = in;
    this.delimiter = delimiter;
    this.skipUtf8Bom = skipUtf8Bom;
    this.listener = listener;
    if (buffer.length < 4) {
      throw new IllegalArgumentException("buffer must hold at least 4 bytes, was " + buffer.length);
    }
    this.buf = buffer;
  }

  /** The buffer the field ranges point into; after the last record, a buffer the next scanner can reuse. */
  byte[] buffer() {
    return buf;
  }

  /** The number of fields of the current record (0 for an empty line in whitespace mode). */
  int fieldCount() {
    return fieldCount;
  }

  /** The first byte of field {@code i} (0-based): for a quoted field, the first byte inside the quotes. */
  int start(int i) {
    return starts[i];
  }

  /** One past the last byte of field {@code i}, without the closing quote; doubled quotes are already undone. */
  int end(int i) {
    return ends[i];
  }

  /** Whether field {@code i} was quoted. */
  boolean quoted(int i) {
    return quoted[i];
  }

  /** The physical line (1-based) on which the current record starts. */
  long line() {
    return line;
  }

  /** Whether the current record's line holds nothing but blanks. */
  boolean blank() {
    return blank;
  }

  /** The quoting error of the current record, or null. */
  String error() {
    return error;
  }

  /** The 0-based field of the quoting error. */
  int errorField() {
    return errorField;
  }

  /** Line breaks inside quoted fields so far. */
  long quotedLineBreaks() {
    return quotedLineBreaks;
  }

  /** The physical lines read so far. */
  long lines() {
    return nextLine - 1;
  }

  /**
   * Moves to the next record.
   *
   * @return false at the end of the input
   */
  boolean next() throws IOException {
    while (true) {
      if (pos == limit) {
        if (eof) {
          return false;
        }
        pos = 0;
        limit = 0;
        fill();
        continue;
      }
      int recordEnd = delimiter == WHITESPACE ? scanWhitespace(pos) : scanDelimited(pos);
      if (recordEnd == NEED_MORE) {
        // keep the partial record, then read more and scan it again from its start
        int length = limit - pos;
        if (pos == 0 && length == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2);
        } else {
          System.arraycopy(buf, pos, buf, 0, length);
        }
        pos = 0;
        limit = length;
        fill();
        continue;
      }
      pos = recordEnd;
      return true;
    }
  }

  private void fill() throws IOException {
    while (limit < buf.length) {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
        break;
      }
      if (n > 0) {
        listener.bytesRead(n);
      }
      limit += n;
    }
    if (atStart) {
      atStart = false;
      if (skipUtf8Bom && limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
        pos = 3;
      }
    }
  }

  private void beginRecord() {
    fieldCount = 0;
    error = null;
    errorField = -1;
  }

  private void addField(int start, int end, boolean isQuoted, boolean hasEscapes) {
    if (fieldCount == starts.length) {
      int n = fieldCount * 2;
      starts = Arrays.copyOf(starts, n);
      ends = Arrays.copyOf(ends, n);
      quoted = Arrays.copyOf(quoted, n);
      escaped = Arrays.copyOf(escaped, n);
    }
    starts[fieldCount] = start;
    ends[fieldCount] = end;
    quoted[fieldCount] = isQuoted;
    escaped[fieldCount] = hasEscapes;
    fieldCount++;
  }

  /** Ends a complete record: fixes line numbers and undoes doubled quotes. */
  private int endRecord(int recordEnd, long breaks) {
    line = nextLine;
    nextLine += 1 + breaks;
    quotedLineBreaks += breaks;
    for (int f = 0; f < fieldCount; f++) {
      if (escaped[f]) {
        unescape(f);
      }
    }
    return recordEnd;
  }

  private void unescape(int f) {
    byte[] b = buf;
    int w = starts[f];
    for (int r = starts[f], end = ends[f]; r < end; r++) {
      b[w++] = b[r];
      if (b[r] == '"') {
        r++; // skip the second quote of the pair
      }
    }
    ends[f] = w;
  }

  private int scanWhitespace(int p) {
    beginRecord();
    byte[] b = buf;
    byte[] cls = WHITESPACE_CLASS;
    int lim = limit;
    while (true) {
      while (p < lim && cls[b[p] & 0xff] == 1) {
        p++;
      }
      if (p == lim) {
        if (!eof) {
          return NEED_MORE;
        }
        blank = fieldCount == 0;
        return endRecord(p, 0);
      }
      if (b[p] == '\n') {
        blank = fieldCount == 0;
        return endRecord(p + 1, 0);
      }
      int start = p;
      while (p < lim && cls[b[p] & 0xff] == 0) {
        p++;
      }
      if (p == lim && !eof) {
        return NEED_MORE;
      }
      addField(start, p, false, false);
    }
  }

  private int scanDelimited(int p) {
    beginRecord();
    byte[] b = buf;
    int lim = limit;
    byte d = (byte) delimiter;
    long breaks = 0;
    while (true) {
      if (p < lim && b[p] == '"') {
        // quoted field
        int start = ++p;
        boolean hasEscapes = false;
        while (true) {
          while (p < lim && b[p] != '"') {
            if (b[p] == '\n') {
              breaks++;
            }
            p++;
          }
          if (p == lim) {
            if (!eof) {
              return NEED_MORE;
            }
            addField(start, p, true, false);
            if (p > start && b[p - 1] == '\n') {
              breaks--; // the input's last line feed ends the record's last line, as in wc -l
            }
            return failRecord("unterminated quoted value", p, breaks);
          }
          // b[p] is a quote: a doubled quote, or the closing one
          if (p + 1 == lim && !eof) {
            return NEED_MORE;
          }
          if (p + 1 < lim && b[p + 1] == '"') {
            hasEscapes = true;
            p += 2;
            continue;
          }
          break;
        }
        addField(start, p, true, hasEscapes);
        p++; // the closing quote
        if (p == lim) {
          if (!eof) {
            return NEED_MORE;
          }
          blank = false;
          return endRecord(p, breaks);
        }
        if (b[p] == d) {
          p++;
          continue;
        }
        if (b[p] == '\n') {
          blank = false;
          return endRecord(p + 1, breaks);
        }
        if (b[p] == '\r' && (p + 1 < lim ? b[p + 1] == '\n' : eof)) {
          if (p + 1 == lim) {
            blank = false;
            return endRecord(p + 1, breaks);
          }
          blank = false;
          return endRecord(p + 2, breaks);
        }
        if (b[p] == '\r' && p + 1 == lim) {
          return NEED_MORE;
        }
        return failRecord("unexpected character after closing quote", p, breaks);
      }
      // unquoted field: up to the delimiter or the end of the line
      int start = p;
      while (p < lim && b[p] != d && b[p] != '\n') {
        p++;
      }
      if (p == lim) {
        if (!eof) {
          return NEED_MORE;
        }
        addField(start, trimCr(start, p), false, false);
        blank = fieldCount == 1 && isBlank(starts[0], ends[0]);
        return endRecord(p, breaks);
      }
      if (b[p] == d) {
        addField(start, p, false, false);
        p++;
        continue;
      }
      addField(start, trimCr(start, p), false, false);
      blank = fieldCount == 1 && isBlank(starts[0], ends[0]);
      return endRecord(p + 1, breaks);
    }
  }

  /** Records a quoting error on the current field and skips to the end of the line. */
  private int failRecord(String reason, int p, long breaks) {
    int field = fieldCount - 1;
    byte[] b = buf;
    while (p < limit && b[p] != '\n') {
      p++;
    }
    if (p == limit && !eof) {
      return NEED_MORE;
    }
    blank = false;
    int end = endRecord(p == limit ? p : p + 1, breaks);
    error = reason;
    errorField = field;
    return end;
  }

  private int trimCr(int start, int end) {
    return end > start && buf[end - 1] == '\r' ? end - 1 : end;
  }

  private boolean isBlank(int start, int end) {
    for (int i = start; i < end; i++) {
      byte c = buf[i];
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }
}
