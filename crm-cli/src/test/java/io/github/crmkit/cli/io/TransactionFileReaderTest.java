package io.github.crmkit.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.crmkit.scoring.RejectedRow;
import io.github.crmkit.scoring.TransactionColumns;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionFileReaderTest {

  @TempDir
  Path dir;

  private Path file(String name, String content) throws IOException {
    return file(name, content, StandardCharsets.UTF_8);
  }

  private Path file(String name, String content, Charset charset) throws IOException {
    return Files.writeString(dir.resolve(name), content, charset);
  }

  private static int day(String iso) {
    return (int) LocalDate.parse(iso).toEpochDay();
  }

  private static final TransactionFileFormat ORDERS = TransactionFileFormat.builder()
      .customer("customer").date("date").amount("amount").order("order").build();

  @Test
  void mapsColumnsByHeaderNameInAnyOrder() throws IOException {
    Path f = file("orders.csv", "amount,order,date,customer\n10.5,o1,2024-01-02,alice\n4,o1,2024-01-02,alice\n"
        + "7.25,o2,2024-02-03,bob\n");

    TransactionFileResult result = TransactionFileReader.read(List.of(f), ORDERS);

    TransactionColumns c = result.columns();
    assertThat(c.size()).isEqualTo(3);
    assertThat(c.customerCount()).isEqualTo(2);
    assertThat(c.customerId(c.customer(2))).isEqualTo("bob");
    assertThat(c.day(0)).isEqualTo(day("2024-01-02"));
    assertThat(c.amount(0)).isEqualTo(10.5);
    assertThat(c.amount(2)).isEqualTo(7.25);
    assertThat(c.hasOrders()).isTrue();
    assertThat(c.orderCount()).isEqualTo(2);
    assertThat(c.order(0)).isEqualTo(c.order(1)).isNotEqualTo(c.order(2));
    assertThat(c.kind(0)).isEqualTo(TransactionColumns.SALE);
    assertThat(result.files()).containsExactly(new FileCount(f, Files.size(f), 4, 1, 0, 0, 3, 0));
    assertThat(result.rejects()).isEmpty();
  }

  @Test
  void mapsColumnsByIndexWithoutAHeader() throws IOException {
    Path f = file("sample.txt", " 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n");
    TransactionFileFormat format = TransactionFileFormat.builder().delimiter("whitespace").header(false)
        .customer("1").date("3").amount("5").datePattern("yyyyMMdd").build();

    TransactionFileResult result = TransactionFileReader.read(List.of(f), format);

    TransactionColumns c = result.columns();
    assertThat(c.size()).isEqualTo(2);
    assertThat(c.customerCount()).isEqualTo(1);
    assertThat(c.customerId(0)).isEqualTo("00004");
    assertThat(c.day(1)).isEqualTo(day("1997-01-18"));
    assertThat(c.amount(0) + c.amount(1)).isEqualTo(59.06, within(1e-9));
    assertThat(c.hasOrders()).isFalse();
    assertThat(result.files().get(0).headerLines()).isZero();
  }

  @Test
  void amountCanBeQuantityTimesUnitPrice() throws IOException {
    Path f = file("lines.csv", "q,p,c,d\n6,2.55,1,2010-12-01\n-2,1.25,1,2010-12-02\n");
    TransactionFileFormat format = TransactionFileFormat.builder().customer("c").date("d").quantity("q")
        .price("p").build();

    TransactionColumns c = TransactionFileReader.read(List.of(f), format).columns();

    assertThat(c.amount(0)).isEqualTo(6 * 2.55);
    assertThat(c.amount(1)).isEqualTo(-2.5);
    assertThat(c.kind(1)).as("negative rows stay sales unless asked").isEqualTo(TransactionColumns.SALE);
  }

  @Test
  void cancellationPrefixAndNegativeAmountsSetTheKind() throws IOException {
    Path f = file("retail.csv", "InvoiceNo,Quantity,UnitPrice,CustomerID,InvoiceDate\n"
        + "536365,6,2.55,17850.0,2010-12-01 08:26:00\n"
        + "C536379,-1,27.50,14527.0,2010-12-01 09:41:00\n"
        + "536380,-3,1.00,14527.0,2010-12-01 09:45:00\n"
        + "C536381,2,1.00,14527.0,2010-12-01 09:46:00\n");
    TransactionFileFormat format = TransactionFileFormat.builder().customer("CustomerID").date("InvoiceDate")
        .datePattern("yyyy-MM-dd HH:mm:ss").quantity("Quantity").price("UnitPrice").order("InvoiceNo")
        .cancellationPrefix("C").negativeAmountsAreReturns(true).build();

    TransactionColumns c = TransactionFileReader.read(List.of(f), format).columns();

    assertThat(c.customerId(c.customer(0))).as("ids are kept as written").isEqualTo("17850.0");
    assertThat(c.day(0)).isEqualTo(day("2010-12-01"));
    assertThat(c.kind(0)).isEqualTo(TransactionColumns.SALE);
    assertThat(c.kind(1)).isEqualTo(TransactionColumns.CANCELLATION);
    assertThat(c.amount(1)).isEqualTo(-27.5);
    assertThat(c.kind(2)).isEqualTo(TransactionColumns.RETURN);
    assertThat(c.amount(2)).isEqualTo(-3.0);
    assertThat(c.kind(3)).isEqualTo(TransactionColumns.CANCELLATION);
    assertThat(c.amount(3)).as("a cancellation subtracts, whatever its sign").isEqualTo(-2.0);
  }

  /** One malformed row of each kind, with personal-looking values that must not leak into the reasons. */
  private static final String MALFORMED = "customer,date,amount,order\n"
      + "alice@example.com,2024-01-02,10,o1\n"                   // 2 ok
      + ",2024-01-02,10,o2\n"                                    // 3 missing customer
      + "bob@example.com,2024-02-30,10,o3\n"                     // 4 bad date
      + "carol@example.com,,10,o4\n"                             // 5 missing date
      + "dave@example.com,2024-01-02,ten,o5\n"                   // 6 not a number
      + "erin@example.com,2024-01-02,NaN,o6\n"                   // 7 not finite
      + "frank@example.com,2024-01-02,10\n"                      // 8 too few columns
      + "\n"                                                     // 9 blank
      + "grace@example.com,2024-01-02,10,\n"                     // 10 missing order
      + "\"heidi@example.com\"x,2024-01-02,10,o9\n"              // 11 text after closing quote
      + "  \t \n"                                                // 12 blank
      + "ivan@example.com,2024-01-02,,o10\n"                     // 13 missing amount
      + "judy@example.com,2024-01-03,1e999,o11\n"                // 14 not finite
      + "\"mallory\nexample.com\",2024-01-02,5,o12\n"           // 15-16 ok, a line break inside quotes
      + "   ,2024-01-02,10,o13\n"                                // 17 blank customer
      + "oscar@example.com,2024-01-02,3,o14,extra\n";            // 18 too many columns

  @Test
  void malformedRowsAreRejectedWithFileLineColumnAndReasonButNoValue() throws IOException {
    Path f = file("bad.csv", MALFORMED);

    TransactionFileResult result = TransactionFileReader.read(List.of(f), ORDERS);

    String s = f.toString();
    assertThat(result.rejects()).containsExactly(
        new RejectedRow(s, 3, 1, "customer", "missing customer id"),
        new RejectedRow(s, 4, 2, "date", "not a date in format yyyy-MM-dd"),
        new RejectedRow(s, 5, 2, "date", "missing date"),
        new RejectedRow(s, 6, 3, "amount", "not a number"),
        new RejectedRow(s, 7, 3, "amount", "not a finite number"),
        new RejectedRow(s, 8, 0, "row", "expected 4 columns, found 3"),
        new RejectedRow(s, 10, 4, "order", "missing order id"),
        new RejectedRow(s, 11, 1, "row", "unexpected character after closing quote"),
        new RejectedRow(s, 13, 3, "amount", "missing amount"),
        new RejectedRow(s, 14, 3, "amount", "not a finite number"),
        new RejectedRow(s, 17, 1, "customer", "missing customer id"),
        new RejectedRow(s, 18, 0, "row", "expected 4 columns, found 5"));
    assertThat(result.accepted()).isEqualTo(2);
    assertThat(result.columns().customerId(1)).isEqualTo("mallory\nexample.com");
    assertThat(result.rows()).isEqualTo(14).isEqualTo(result.columns().inputRows());
    FileCount count = result.files().get(0);
    // wc -l: 18 lines = 1 header + 2 blank + 14 rows + 1 line break inside quotes
    assertThat(count).isEqualTo(new FileCount(f, Files.size(f), 18, 1, 2, 1, 2, 12));
    assertThat(count.lines()).isEqualTo(count.headerLines() + count.blankLines() + count.rows()
        + count.quotedLineBreaks());
    assertThat(result.rejectCounts()).containsExactly(
        Map.entry("amount: missing amount", 1L),
        Map.entry("amount: not a finite number", 2L),
        Map.entry("amount: not a number", 1L),
        Map.entry("customer: missing customer id", 2L),
        Map.entry("date: missing date", 1L),
        Map.entry("date: not a date in format yyyy-MM-dd", 1L),
        Map.entry("order: missing order id", 1L),
        Map.entry("row: expected 4 columns, found 3", 1L),
        Map.entry("row: expected 4 columns, found 5", 1L),
        Map.entry("row: unexpected character after closing quote", 1L));
    for (RejectedRow r : result.rejects()) {
      assertThat(r.toString()).doesNotContain("@", "ten", "NaN", "1e999", "2024-02-30");
    }
  }

  @Test
  void strictModeStopsAtTheFirstMalformedRowNamingFileLineColumnAndProblem() throws IOException {
    Path f = file("bad.csv", MALFORMED);
    TransactionFileFormat strict = TransactionFileFormat.builder().customer("customer").date("date")
        .amount("amount").order("order").strict(true).build();

    assertThatThrownBy(() -> TransactionFileReader.read(List.of(f), strict))
        .isInstanceOfSatisfying(MalformedRowException.class, e -> {
          assertThat(e.rejectedRow()).isEqualTo(new RejectedRow(f.toString(), 3, 1, "customer",
              "missing customer id"));
          assertThat(e.source()).isEqualTo(f.toString());
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.column()).isEqualTo(1);
        })
        .hasMessage(f + ":3:1: customer: missing customer id");
  }

  @Test
  void strictModeReadsWellFormedFilesAsLenientModeDoes() throws IOException {
    Path f = file("ok.csv", "customer,date,amount,order\na,2024-01-02,1,o1\nb,2024-01-03,2,o2\n");
    TransactionFileFormat strict = TransactionFileFormat.builder().customer("customer").date("date")
        .amount("amount").order("order").strict(true).build();
    assertThat(TransactionFileReader.read(List.of(f), strict).files())
        .isEqualTo(TransactionFileReader.read(List.of(f), ORDERS).files());
  }

  @Test
  void withoutAHeaderRowsNeedOnlyTheColumnsTheFormatUses() throws IOException {
    Path f = file("noheader.txt", "a 20240102 1.5 extra columns\nb 20240103\nc 20240104 2\n");
    TransactionFileFormat format = TransactionFileFormat.builder().whitespaceDelimited().header(false)
        .customer(1).date(2).amount(3).datePattern("yyyyMMdd").build();

    TransactionFileResult result = TransactionFileReader.read(List.of(f), format);

    assertThat(result.accepted()).isEqualTo(2);
    assertThat(result.rejects()).containsExactly(
        new RejectedRow(f.toString(), 2, 0, "row", "expected at least 3 columns, found 2"));
  }

  @Test
  void aMissingHeaderColumnFailsTheFileInEitherMode() throws IOException {
    Path f = file("other.csv", "id,when,value\n1,2024-01-02,3\n");
    assertThatThrownBy(() -> TransactionFileReader.read(List.of(f), ORDERS))
        .isInstanceOf(TransactionFileException.class)
        .isNotInstanceOf(MalformedRowException.class)
        .hasMessage(f + ":1: no customer column 'customer' in the header");
    Path twice = file("twice.csv", "customer,date,amount,order,customer\n");
    assertThatThrownBy(() -> TransactionFileReader.read(List.of(twice), ORDERS))
        .hasMessage(twice + ":1:5: customer column 'customer' appears more than once in the header");
    TransactionFileFormat byIndex = TransactionFileFormat.builder().customer(1).date(2).amount(9).build();
    assertThatThrownBy(() -> TransactionFileReader.read(List.of(f), byIndex))
        .hasMessage(f + ":1: amount column #9 is beyond the 3 columns of the header");
  }

  @Test
  void severalFilesAddUpWithCountsPerFileAndProgressUpToTheTotal() throws IOException {
    Path a = file("2024-01-01.csv", "customer,date,amount,order\nx,2024-01-01,1,o1\ny,2024-01-01,2,o2\n");
    Path b = file("2024-01-02.csv", "customer,date,amount,order\n,2024-01-02,1,o3\n");
    Path c = file("2024-01-03.csv", "");
    long total = Files.size(a) + Files.size(b) + Files.size(c);
    List<long[]> updates = new ArrayList<>();

    TransactionFileResult result = TransactionFileReader.read(List.of(a, b, c), ORDERS,
        (read, of) -> updates.add(new long[] {read, of}));

    assertThat(result.files()).extracting(FileCount::file).containsExactly(a, b, c);
    assertThat(result.files()).extracting(FileCount::accepted).containsExactly(2L, 0L, 0L);
    assertThat(result.files()).extracting(FileCount::rejected).containsExactly(0L, 1L, 0L);
    assertThat(result.files()).extracting(FileCount::headerLines).containsExactly(1L, 1L, 0L);
    assertThat(result.bytesRead()).isEqualTo(total);
    assertThat(result.lines()).isEqualTo(5);
    assertThat(result.headerLines()).isEqualTo(2);
    assertThat(result.rejects().get(0).source()).isEqualTo(b.toString());
    assertThat(updates).isNotEmpty().allSatisfy(u -> assertThat(u[1]).isEqualTo(total));
    assertThat(updates).extracting(u -> u[0]).isSorted().last().isEqualTo(total);
    assertThat(result).hasToString("TransactionFileResult{files=3, bytes=" + total
        + ", rows=3, accepted=2, rejected=1, customers=2}");
  }

  @Test
  void progressIsReportedDuringAFileLargerThanTheBuffer() throws IOException {
    StringBuilder csv = new StringBuilder("customer,date,amount,order\n");
    for (int i = 0; i < 40_000; i++) {
      csv.append("customer").append(i % 997).append(",2024-01-02,").append(i % 100).append(".25,o").append(i)
          .append('\n');
    }
    Path f = file("big.csv", csv.toString());
    List<Long> updates = new ArrayList<>();

    TransactionFileResult result = TransactionFileReader.read(List.of(f), ORDERS, (read, of) -> updates.add(read));

    assertThat(Files.size(f)).isGreaterThan(RecordScanner.DEFAULT_BUFFER_SIZE * 3L);
    assertThat(updates.size()).isGreaterThan(3);
    assertThat(updates).isSorted().last().isEqualTo(Files.size(f));
    assertThat(result.accepted()).isEqualTo(40_000);
    assertThat(result.columns().customerCount()).isEqualTo(997);
    assertThat(result.columns().orderCount()).isEqualTo(40_000);
  }

  @Test
  void readsOtherDelimitersAndCharsets() throws IOException {
    Path f = file("latin1.csv", "kunde;datum;betrag\nMüller;02.01.2024;3,5\nMüller;03.01.2024;4\n",
        StandardCharsets.ISO_8859_1);
    TransactionFileFormat format = TransactionFileFormat.builder().delimiter(';').customer("kunde")
        .date("datum").datePattern("dd.MM.yyyy").amount("betrag").charset(StandardCharsets.ISO_8859_1).build();

    TransactionFileResult result = TransactionFileReader.read(List.of(f), format);

    assertThat(result.columns().customerId(0)).isEqualTo("Müller");
    assertThat(result.columns().day(0)).isEqualTo(day("2024-01-03"));
    // decimal commas are not numbers: reported, not guessed
    assertThat(result.rejects()).containsExactly(new RejectedRow(f.toString(), 2, 3, "amount", "not a number"));
  }

  @Test
  void anUnterminatedQuoteRejectsTheRestOfTheFileAsOneRowAndCountsStillReconcile() throws IOException {
    Path f = file("open.csv", "customer,date,amount,order\n\"alice,2024-01-02,1,o1\nbob,2024-01-02,1,o2\n");

    TransactionFileResult result = TransactionFileReader.read(List.of(f), ORDERS);

    assertThat(result.rejects()).containsExactly(
        new RejectedRow(f.toString(), 2, 1, "row", "unterminated quoted value"));
    FileCount count = result.files().get(0);
    assertThat(count.lines()).isEqualTo(3).isEqualTo(count.headerLines() + count.blankLines() + count.rows()
        + count.quotedLineBreaks());
  }

  @Test
  void emptyListReadsNothing() throws IOException {
    TransactionFileResult result = TransactionFileReader.read(List.of(), ORDERS);
    assertThat(result.rows()).isZero();
    assertThat(result.files()).isEmpty();
  }
}
