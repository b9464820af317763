package io.github.crmkit.cli.io;

import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the bytes of a date field into an epoch day, for one {@link DateTimeFormatter} pattern.
 *
 * <p>Patterns made only of fixed-width numeric fields ({@code yyyy} or {@code uuuu}, {@code MM}, {@code dd},
 * {@code HH}, {@code mm}, {@code ss}) and literals ({@code -}, {@code /}, {@code :}, a space, {@code 'T'}, ...) get a
 * fast path that reads the digits in place, allocates nothing and validates as {@link ResolverStyle#STRICT} does
 * (month 1 to 12, a day that exists in that month, hour 0 to 23, minute and second 0 to 59); {@code yyyyMMdd},
 * {@code yyyy-MM-dd} and {@code yyyy-MM-dd HH:mm:ss} are such patterns. Any other pattern is parsed with a strict
 * {@code DateTimeFormatter} (in which {@code y} is read as {@code u}, so that no era is needed). Only the date counts: a
 * time of day is validated, then ignored; no time zone conversion takes place.
 *
 * <p>Immutable and thread-safe.
 */
abstract class DayParser {
  /** Returned by {@link #parse} for a field that is not a date in the pattern. */
  static final int INVALID = Integer.MIN_VALUE;

  private final String pattern;

  private DayParser(String pattern) {
    this.pattern = pattern;
  }

  /**
   * Compiles a pattern, with the fast path where the pattern allows it.
   *
   * @param pattern a {@link DateTimeFormatter} pattern giving at least year, month and day
   * @return the parser
   * @throws IllegalArgumentException if the pattern is invalid or does not give a calendar date
   */
  static DayParser compile(String pattern) {
    return compile(pattern, true);
  }

  /** As {@link #compile(String)}, with the fast path only if allowed (tests compare the two). */
  static DayParser compile(String pattern, boolean allowFastPath) {
    DateTimeParser slow = new DateTimeParser(pattern);
    if (allowFastPath) {
      FixedWidthParser fast = FixedWidthParser.tryCompile(pattern);
      if (fast != null) {
        return fast;
      }
    }
    return slow;
  }

  /** The pattern, as given. */
  final String pattern() {
    return pattern;
  }

  /** Whether this parser reads digits in place rather than through a {@code DateTimeFormatter}. */
  abstract boolean isFastPath();

  /**
   * Parses a field.
   *
   * @param bytes the buffer
   * @param start the first byte of the field (already trimmed)
   * @param end one past the last byte
   * @param charset the file's charset, for the slow path
   * @return the epoch day, or {@link #INVALID}
   */
  abstract int parse(byte[] bytes, int start, int end, Charset charset);

  /**
   * Days from 1970-01-01 to a proleptic Gregorian date (as {@link LocalDate#toEpochDay()}), for a valid date: counts
   * in 400-year cycles of 146,097 days, with years starting on 1 March so that the leap day comes last.
   */
  static int epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int cycle = Math.floorDiv(y, 400);
    int yearOfCycle = y - cycle * 400; // [0, 399]
    int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1; // from 1 March, [0, 365]
    int dayOfCycle = yearOfCycle * 365 + yearOfCycle / 4 - yearOfCycle / 100 + dayOfYear; // [0, 146096]
    return cycle * 146_097 + dayOfCycle - 719_468; // 719,468 days from 0000-03-01 to 1970-01-01
  }

  /** The fast path: fixed positions of digits and literals. */
  private static final class FixedWidthParser extends DayParser {
    private static final int YEAR = 0;
    private static final int MONTH = 1;
    private static final int DAY = 2;
    private static final int HOUR = 3;
    private static final int MINUTE = 4;
    private static final int SECOND = 5;

    private final int width;
    /** Offsets of the numeric fields in the text, or -1 for an absent time field. */
    private final int year;
    private final int month;
    private final int day;
    private final int hour;
    private final int minute;
    private final int second;
    /** Offsets and expected bytes of the literals. */
    private final int[] literalAt;
    private final byte[] literal;

    private FixedWidthParser(String pattern, int width, int[] offsets, int[] literalAt, byte[] literal) {
      super(pattern);
      this.width = width;
      this.year = offsets[YEAR];
      this.month = offsets[MONTH];
      this.day = offsets[DAY];
      this.hour = offsets[HOUR];
      this.minute = offsets[MINUTE];
      this.second = offsets[SECOND];
      this.literalAt = literalAt;
      this.literal = literal;
    }

    /** Returns the fast parser for a pattern, or null if the pattern has anything but the supported fields. */
    static FixedWidthParser tryCompile(String pattern) {
      int[] offsets = {-1, -1, -1, -1, -1, -1};
      StringBuilder literals = new StringBuilder();
      List<Integer> literalOffsets = new ArrayList<>();
      int width = 0;
      int i = 0;
      int n = pattern.length();
      while (i < n) {
        char c = pattern.charAt(i);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
          int j = i;
          while (j < n && pattern.charAt(j) == c) {
            j++;
          }
          int kind;
          switch (pattern.substring(i, j)) {
            case "yyyy":
            case "uuuu":
              kind = YEAR;
              break;
            case "MM":
              kind = MONTH;
              break;
            case "dd":
              kind = DAY;
              break;
            case "HH":
              kind = HOUR;
              break;
            case "mm":
              kind = MINUTE;
              break;
            case "ss":
              kind = SECOND;
              break;
            default:
              return null;
          }
          if (offsets[kind] >= 0) {
            return null;
          }
          offsets[kind] = width;
          width += j - i;
          i = j;
        } else if (c == '\'') {
          int j = i + 1;
          if (j < n && pattern.charAt(j) == '\'') {
            literalOffsets.add(width++);
            literals.append('\'');
            i = j + 1;
            continue;
          }
          while (j < n && pattern.charAt(j) != '\'') {
            if (!isPlainLiteral(pattern.charAt(j))) {
              return null;
            }
            literalOffsets.add(width++);
            literals.append(pattern.charAt(j));
            j++;
          }
          if (j == n || (j + 1 < n && pattern.charAt(j + 1) == '\'')) {
            return null; // unterminated, or an escaped quote inside a quoted literal: leave it to the formatter
          }
          i = j + 1;
        } else if (c == '[' || c == ']' || c == '{' || c == '}' || c == '#' || !isPlainLiteral(c)) {
          return null; // optional sections, reserved characters, digits and non-ASCII literals
        } else {
          literalOffsets.add(width++);
          literals.append(c);
          i++;
        }
      }
      if (offsets[YEAR] < 0 || offsets[MONTH] < 0 || offsets[DAY] < 0) {
        return null;
      }
      int[] literalAt = new int[literalOffsets.size()];
      byte[] literal = new byte[literalAt.length];
      for (int k = 0; k < literalAt.length; k++) {
        literalAt[k] = literalOffsets.get(k);
        literal[k] = (byte) literals.charAt(k);
      }
      return new FixedWidthParser(pattern, width, offsets, literalAt, literal);
    }

    /** Printable ASCII other than digits, which every supported charset writes as that one byte. */
    private static boolean isPlainLiteral(char c) {
      return c >= 0x20 && c <= 0x7e && !(c >= '0' && c <= '9');
    }

    @Override
    boolean isFastPath() {
      return true;
    }

    @Override
    int parse(byte[] bytes, int start, int end, Charset charset) {
      if (end - start != width) {
        return INVALID;
      }
      int[] at = literalAt;
      for (int k = 0; k < at.length; k++) {
        if (bytes[start + at[k]] != literal[k]) {
          return INVALID;
        }
      }
      int y = digits4(bytes, start + year);
      int m = digits2(bytes, start + month);
      int d = digits2(bytes, start + day);
      if (y < 0 || m < 1 || m > 12 || d < 1 || d > lengthOfMonth(y, m)) {
        return INVALID;
      }
      if ((hour >= 0 && !inRange(digits2(bytes, start + hour), 23))
          || (minute >= 0 && !inRange(digits2(bytes, start + minute), 59))
          || (second >= 0 && !inRange(digits2(bytes, start + second), 59))) {
        return INVALID;
      }
      return epochDay(y, m, d);
    }

    private static boolean inRange(int value, int max) {
      return value >= 0 && value <= max;
    }

    /** Two digits as a number, or -1 if either is not a digit. */
    private static int digits2(byte[] b, int i) {
      int h = b[i] - '0';
      int l = b[i + 1] - '0';
      return (h | l) >= 0 && h <= 9 && l <= 9 ? h * 10 + l : -1;
    }

    /** Four digits as a number, or -1 if any is not a digit. */
    private static int digits4(byte[] b, int i) {
      int h = digits2(b, i);
      int l = digits2(b, i + 2);
      return h < 0 || l < 0 ? -1 : h * 100 + l;
    }

    private static int lengthOfMonth(int year, int month) {
      switch (month) {
        case 2:
          return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
        case 4:
        case 6:
        case 9:
        case 11:
          return 30;
        default:
          return 31;
      }
    }
  }

  /** The general path: a strict {@link DateTimeFormatter}. */
  private static final class DateTimeParser extends DayParser {
    private static final ZonedDateTime PROBE = ZonedDateTime.of(2001, 2, 3, 4, 5, 6, 0, ZoneOffset.UTC);

    private final DateTimeFormatter formatter;

    DateTimeParser(String pattern) {
      super(pattern);
      DateTimeFormatter f;
      try {
        f = DateTimeFormatter.ofPattern(yearAsProleptic(pattern), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("date format must be a java.time pattern, was '" + pattern + "': "
            + e.getMessage(), e);
      }
      // the pattern must give back a calendar date: format a known instant and read it again
      LocalDate read;
      try {
        read = LocalDate.from(f.parse(f.format(PROBE)));
      } catch (RuntimeException e) {
        read = null;
      }
      if (!PROBE.toLocalDate().equals(read)) {
        throw new IllegalArgumentException("date format must give year, month and day (for example yyyy-MM-dd), was '"
            + pattern + "'");
      }
      this.formatter = f;
    }

    /** Replaces unquoted {@code y} (year of era, which STRICT cannot resolve without an era) by {@code u}. */
    static String yearAsProleptic(String pattern) {
      StringBuilder out = new StringBuilder(pattern.length());
      boolean quoted = false;
      for (int i = 0; i < pattern.length(); i++) {
        char c = pattern.charAt(i);
        if (c == '\'') {
          quoted = !quoted;
        }
        out.append(!quoted && c == 'y' ? 'u' : c);
      }
      return out.toString();
    }

    @Override
    boolean isFastPath() {
      return false;
    }

    @Override
    int parse(byte[] bytes, int start, int end, Charset charset) {
      try {
        TemporalAccessor parsed = formatter.parse(new String(bytes, start, end - start, charset));
        return (int) LocalDate.from(parsed).toEpochDay();
      } catch (DateTimeException e) {
        return INVALID;
      }
    }
  }
}
