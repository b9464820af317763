package io.github.crmkit.cli.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * How to read a transaction file: the delimiter, whether there is a header, which columns hold the customer, the
 * date, the amount (or quantity and unit price) and the order, the date pattern, how to tell returns and
 * cancellations, and what to do with a malformed row.
 *
 * <p>Columns are named by header name, or, with {@link Builder#header(boolean) header(false)}, by 1-based index; the
 * {@code String} setters take either, as the command line gives them ({@code --customer CustomerID}, or
 * {@code --no-header --customer 1}), and the {@code int} setters take an index in both cases. An example, for the
 * Online Retail files:
 *
 * <pre>{@code
 * TransactionFileFormat format = TransactionFileFormat.builder()
 *     .customer("CustomerID").date("InvoiceDate").datePattern("yyyy-MM-dd HH:mm:ss")
 *     .quantity("Quantity").price("UnitPrice").order("InvoiceNo").cancellationPrefix("C")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; a format is checked once, when built, and can read any number of files.
 */
public final class TransactionFileFormat {
  /** The default date pattern, ISO 8601's calendar date. */
  public static final String ISO_DATE = "yyyy-MM-dd";

  private final int delimiter;
  private final boolean header;
  private final Column customer;
  private final Column date;
  private final Column amount;
  private final Column quantity;
  private final Column price;
  private final Column order;
  private final DayParser dayParser;
  private final String cancellationPrefix;
  private final boolean negativeAmountsAreReturns;
  private final boolean strict;
  private final Charset charset;

  private TransactionFileFormat(Builder b) {
    this.delimiter = b.delimiter;
    this.header = b.header;
    this.customer = Column.of("customer", b.customer, header);
    this.date = Column.of("date", b.date, header);
    this.amount = b.amount == null ? null : Column.of("amount", b.amount, header);
    this.quantity = b.quantity == null ? null : Column.of("quantity", b.quantity, header);
    this.price = b.price == null ? null : Column.of("price", b.price, header);
    this.order = b.order == null ? null : Column.of("order", b.order, header);
    this.dayParser = DayParser.compile(b.datePattern);
    this.cancellationPrefix = b.cancellationPrefix;
    this.negativeAmountsAreReturns = b.negativeAmountsAreReturns;
    this.strict = b.strict;
    this.charset = b.charset;
  }

  /**
   * Returns a builder with the defaults: comma-delimited, a header line, dates {@value #ISO_DATE}, UTF-8, lenient,
   * every row a sale.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether the first non-blank line of each file is a header.
   *
   * @return true with a header
   */
  public boolean hasHeader() {
    return header;
  }

  /**
   * Whether fields are separated by runs of blanks rather than by one delimiter character.
   *
   * @return true for whitespace-separated files
   */
  public boolean isWhitespaceDelimited() {
    return delimiter == RecordScanner.WHITESPACE;
  }

  /**
   * The delimiter character of a delimited file.
   *
   * @return the delimiter
   * @throws IllegalStateException if the format is whitespace-separated
   */
  public char delimiter() {
    if (isWhitespaceDelimited()) {
      throw new IllegalStateException("the format is whitespace-separated and has no delimiter character");
    }
    return (char) delimiter;
  }

  /**
   * The date pattern.
   *
   * @return the {@link java.time.format.DateTimeFormatter} pattern
   */
  public String datePattern() {
    return dayParser.pattern();
  }

  /**
   * Whether the first malformed row stops reading with a {@link MalformedRowException}; otherwise malformed rows
   * are collected as rejects.
   *
   * @return true in strict mode
   */
  public boolean isStrict() {
    return strict;
  }

  /**
   * The charset of the files.
   *
   * @return the charset
   */
  public Charset charset() {
    return charset;
  }

  /** Returns a description of the mapping, for messages. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("TransactionFileFormat{")
        .append(isWhitespaceDelimited() ? "whitespace" : "delimiter '" + (char) delimiter + "'")
        .append(header ? ", header" : ", no header")
        .append(", customer ").append(customer).append(", date ").append(date)
        .append(" (").append(dayParser.pattern()).append(')');
    if (amount != null) {
      s.append(", amount ").append(amount);
    } else {
      s.append(", quantity ").append(quantity).append(" x price ").append(price);
    }
    if (order != null) {
      s.append(", order ").append(order);
    }
    if (cancellationPrefix != null) {
      s.append(", cancellations: order prefix '").append(cancellationPrefix).append('\'');
    }
    if (negativeAmountsAreReturns) {
      s.append(", negative amounts are returns");
    }
    return s.append(strict ? ", strict" : ", lenient").append(", ").append(charset).append('}').toString();
  }

  int delimiterByte() {
    return delimiter;
  }

  Column customerColumn() {
    return customer;
  }

  Column dateColumn() {
    return date;
  }

  Column amountColumn() {
    return amount;
  }

  Column quantityColumn() {
    return quantity;
  }

  Column priceColumn() {
    return price;
  }

  Column orderColumn() {
    return order;
  }

  DayParser dayParser() {
    return dayParser;
  }

  String cancellationPrefix() {
    return cancellationPrefix;
  }

  boolean negativeAmountsAreReturns() {
    return negativeAmountsAreReturns;
  }

  /** A column reference: a header name, or a 1-based index. */
  static final class Column {
    final String role;
    final String name;
    final int index;

    private Column(String role, String name, int index) {
      this.role = role;
      this.name = name;
      this.index = index;
    }

    static Column of(String role, Object ref, boolean header) {
      if (ref instanceof Integer) {
        return new Column(role, null, (Integer) ref);
      }
      String text = ((String) ref).strip();
      if (header) {
        if (text.isEmpty()) {
          throw new IllegalArgumentException(role + " column name must not be blank");
        }
        return new Column(role, text, 0);
      }
      int index;
      try {
        index = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        index = 0;
      }
      if (index < 1) {
        throw new IllegalArgumentException(role + " column must be a 1-based index when there is no header, was '"
            + text + "'");
      }
      return new Column(role, null, index);
    }

    @Override
    public String toString() {
      return name != null ? "'" + name + "'" : "#" + index;
    }
  }

  /**
   * Builds a {@link TransactionFileFormat}; {@link #build()} checks the whole. Setters that take a column accept a
   * header name, or a 1-based index ({@code "3"}) when the format has no header. Not thread-safe.
   */
  public static final class Builder {
    private int delimiter = ',';
    private boolean header = true;
    private Object customer;
    private Object date;
    private Object amount;
    private Object quantity;
    private Object price;
    private Object order;
    private String datePattern = ISO_DATE;
    private String cancellationPrefix;
    private boolean negativeAmountsAreReturns;
    private boolean strict;
    private Charset charset = StandardCharsets.UTF_8;

    private Builder() {}

    /**
     * Sets a delimiter character (default {@code ','}).
     *
     * @param c an ASCII character other than quote, CR and LF
     * @return this builder
     * @throws IllegalArgumentException if the character cannot be a delimiter
     */
    public Builder delimiter(char c) {
      if (c < 1 || c > 0x7f || c == '"' || c == '\n' || c == '\r') {
        throw new IllegalArgumentException("delimiter must be an ASCII character other than quote, CR and LF, was "
            + (c < 0x20 || c > 0x7e ? "U+" + Integer.toHexString(c) : "'" + c + "'"));
      }
      this.delimiter = c;
      return this;
    }

    /**
     * Sets the delimiter from its command-line form: {@code whitespace} (runs of spaces and tabs), {@code tab}, or
     * one character such as {@code ,} or {@code ;}.
     *
     * @param text the delimiter's name or character
     * @return this builder
     * @throws IllegalArgumentException if the text is none of these
     */
    public Builder delimiter(String text) {
      Objects.requireNonNull(text, "delimiter");
      if (text.equals("whitespace")) {
        return whitespaceDelimited();
      }
      if (text.equals("tab") || text.equals("\\t")) {
        return delimiter('\t');
      }
      if (text.length() != 1) {
        throw new IllegalArgumentException("delimiter must be 'whitespace', 'tab' or one character, was '" + text
            + "'");
      }
      return delimiter(text.charAt(0));
    }

    /**
     * Separates fields by runs of spaces and tabs, ignoring leading and trailing ones (as in CDNOW's files). Quotes
     * have no special meaning in such files.
     *
     * @return this builder
     */
    public Builder whitespaceDelimited() {
      this.delimiter = RecordScanner.WHITESPACE;
      return this;
    }

    /**
     * Sets whether each file starts with a header line (default true). Without one, columns are 1-based indexes.
     *
     * @param hasHeader true if there is a header
     * @return this builder
     */
    public Builder header(boolean hasHeader) {
      this.header = hasHeader;
      return this;
    }

    /**
     * Sets the customer id column (required).
     *
     * @param column a header name, or a 1-based index without a header
     * @return this builder
     */
    public Builder customer(String column) {
      this.customer = Objects.requireNonNull(column, "customer");
      return this;
    }

    /**
     * Sets the customer id column by index.
     *
     * @param index the 1-based column
     * @return this builder
     */
    public Builder customer(int index) {
      this.customer = checkIndex("customer", index);
      return this;
    }

    /**
     * Sets the date column (required).
     *
     * @param column a header name, or a 1-based index without a header
     * @return this builder
     */
    public Builder date(String column) {
      this.date = Objects.requireNonNull(column, "date");
      return this;
    }

    /**
     * Sets the date column by index.
     *
     * @param index the 1-based column
     * @return this builder
     */
    public Builder date(int index) {
      this.date = checkIndex("date", index);
      return this;
    }

    /**
     * Sets the amount column: the row's monetary value. Either this or {@link #quantity} and {@link #price}.
     *
     * @param column a header name, or a 1-based index without a header
     * @return this builder
     */
    public Builder amount(String column) {
      this.amount = Objects.requireNonNull(column, "amount");
      return this;
    }

    /**
     * Sets the amount column by index.
     *
     * @param index the 1-based column
     * @return this builder
     */
    public Builder amount(int index) {
      this.amount = checkIndex("amount", index);
      return this;
    }

    /**
     * Sets the quantity column; the amount is then quantity times {@link #price unit price}.
     *
     * @param column a header name, or a 1-based index without a header
     * @return this builder
     */
    public Builder quantity(String column) {
      this.quantity = Objects.requireNonNull(column, "quantity");
      return this;
    }

    /**
     * Sets the quantity column by index.
     *
     * @param index the 1-based column
     * @return this builder
     */
    public Builder quantity(int index) {
      this.quantity = checkIndex("quantity", index);
      return this;
    }

    /**
     * Sets the unit price column; the amount is then {@link #quantity} times unit price.
     *
     * @param column a header name, or a 1-based index without a header
     * @return this builder
     */
    public Builder price(String column) {
      this.price = Objects.requireNonNull(column, "price");
      return this;
    }

    /**
     * Sets the unit price column by index.
     *
     * @param index the 1-based column
     * @return this builder
     */
    public Builder price(int index) {
      this.price = checkIndex("price", index);
      return this;
    }

    /**
     * Sets the order id column (optional): rows with the same order id count as one order. Without it every sale
     * row is an order of its own.
     *
     * @param column a header name, or a 1-based index without a header
     * @return this builder
     */
    public Builder order(String column) {
      this.order = Objects.requireNonNull(column, "order");
      return this;
    }

    /**
     * Sets the order id column by index.
     *
     * @param index the 1-based column
     * @return this builder
     */
    public Builder order(int index) {
      this.order = checkIndex("order", index);
      return this;
    }

    /**
     * Sets the date pattern (default {@value #ISO_DATE}), a {@link java.time.format.DateTimeFormatter} pattern that
     * gives at least year, month and day, such as {@code yyyyMMdd}, {@code dd/MM/yyyy} or
     * {@code yyyy-MM-dd HH:mm:ss}. Dates are resolved strictly (no 31 April); a time of day is checked and then
     * ignored. Fixed-width numeric patterns are parsed by a fast path that needs a four-digit year.
     *
     * @param pattern the pattern
     * @return this builder
     */
    public Builder datePattern(String pattern) {
      this.datePattern = Objects.requireNonNull(pattern, "datePattern");
      return this;
    }

    /**
     * Marks rows whose order id starts with a prefix as cancellations (Online Retail's {@code C}); needs an
     * {@link #order} column. A cancellation's amount is made negative if positive, and it does not count as an
     * order.
     *
     * @param prefix the prefix, not empty
     * @return this builder
     */
    public Builder cancellationPrefix(String prefix) {
      Objects.requireNonNull(prefix, "cancellationPrefix");
      if (prefix.isEmpty()) {
        throw new IllegalArgumentException("cancellation prefix must not be empty");
      }
      this.cancellationPrefix = prefix;
      return this;
    }

    /**
     * Sets whether a row with a negative amount (for quantity times price: a negative product, in practice a
     * negative quantity) that is not a cancellation is a return (default false: such a row is a sale with a
     * negative amount). A return reduces monetary value and does not count as an order.
     *
     * @param returns true to mark negative rows as returns
     * @return this builder
     */
    public Builder negativeAmountsAreReturns(boolean returns) {
      this.negativeAmountsAreReturns = returns;
      return this;
    }

    /**
     * Sets strict mode (default false, lenient): the first malformed row stops reading with a
     * {@link MalformedRowException} naming file, line, column and problem. In lenient mode malformed rows are
     * collected as rejects and reading goes on.
     *
     * @param failOnFirstMalformedRow true for strict mode
     * @return this builder
     */
    public Builder strict(boolean failOnFirstMalformedRow) {
      this.strict = failOnFirstMalformedRow;
      return this;
    }

    /**
     * Sets the files' charset (default UTF-8); it must write ASCII characters as the same single bytes, as UTF-8,
     * ISO-8859-1 and windows-1252 do.
     *
     * @param fileCharset the charset
     * @return this builder
     * @throws IllegalArgumentException for a charset such as UTF-16
     */
    public Builder charset(Charset fileCharset) {
      Objects.requireNonNull(fileCharset, "charset");
      String probe = "\"',;|\t\r\n -./:0123456789AZaz";
      byte[] ascii = probe.getBytes(StandardCharsets.US_ASCII);
      if (!fileCharset.canEncode() || !Arrays.equals(probe.getBytes(fileCharset), ascii)) {
        throw new IllegalArgumentException("charset must write ASCII as single bytes (like UTF-8), was "
            + fileCharset.name());
      }
      this.charset = fileCharset;
      return this;
    }

    /**
     * Checks the settings and builds the format.
     *
     * @return the format
     * @throws IllegalArgumentException naming the first problem: a missing customer or date column, neither or both
     *     of amount and quantity/price, a column that is not an index without a header, a bad date pattern, or a
     *     cancellation prefix without an order column
     */
    public TransactionFileFormat build() {
      if (customer == null) {
        throw new IllegalArgumentException("customer column is required");
      }
      if (date == null) {
        throw new IllegalArgumentException("date column is required");
      }
      if (amount != null && (quantity != null || price != null)) {
        throw new IllegalArgumentException("give either an amount column or quantity and price columns, not both");
      }
      if (amount == null && (quantity == null || price == null)) {
        throw new IllegalArgumentException(quantity == null && price == null
            ? "an amount column, or quantity and price columns, are required"
            : (quantity == null ? "quantity" : "price") + " column is required with "
                + (quantity == null ? "price" : "quantity"));
      }
      if (cancellationPrefix != null && order == null) {
        throw new IllegalArgumentException("a cancellation prefix needs an order column");
      }
      return new TransactionFileFormat(this);
    }

    private static Integer checkIndex(String role, int index) {
      if (index < 1) {
        throw new IllegalArgumentException(role + " column index must be at least 1, was " + index);
      }
      return index;
    }
  }
}
