package io.github.crmkit.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RecordScannerTest {

  /** One record as text: {@code line: [field|field]}, with {@code blank} or the error appended. */
  private static List<String> scan(String input, int delimiter, int bufferSize) throws IOException {
    byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
    long[] read = {0};
    RecordScanner scanner = new RecordScanner(new ByteArrayInputStream(bytes), delimiter, true,
        new byte[bufferSize], n -> read[0] += n);
    List<String> records = new ArrayList<>();
    while (scanner.next()) {
      StringBuilder s = new StringBuilder().append(scanner.line()).append(": [");
      for (int i = 0; i < scanner.fieldCount(); i++) {
        s.append(i > 0 ? "|" : "").append(new String(scanner.buffer(), scanner.start(i),
            scanner.end(i) - scanner.start(i), StandardCharsets.UTF_8));
      }
      s.append(']');
      if (scanner.blank()) {
        s.append(" blank");
      }
      if (scanner.error() != null) {
        s.append(" error in field ").append(scanner.errorField() + 1).append(": ").append(scanner.error());
      }
      records.add(s.toString());
    }
    assertThat(read[0]).as("bytes reported").isEqualTo(bytes.length);
    records.add("lines " + scanner.lines() + ", quoted breaks " + scanner.quotedLineBreaks());
    return records;
  }

  /** Scans with a large buffer and with tiny ones (refills and growth inside every kind of field): same result. */
  private static List<String> scanAllBufferSizes(String input, int delimiter) throws IOException {
    List<String> expected = scan(input, delimiter, 1 << 16);
    for (int size = 4; size <= 12; size++) {
      assertThat(scan(input, delimiter, size)).as("buffer of %s bytes", size).isEqualTo(expected);
    }
    return expected;
  }

  @Test
  void splitsCsvWithQuotesEscapesAndLineBreaksInsideQuotes() throws IOException {
    String csv = "id,text,n\r\n"
        + "1,\"a, b\",2\r\n"
        + "2,\"say \"\"hi\"\"\",3\n"
        + "3,\"two\nlines\",4\n"
        + "4,,\n"
        + "5,x\"y,6";
    assertThat(scanAllBufferSizes(csv, ',')).containsExactly(
        "1: [id|text|n]",
        "2: [1|a, b|2]",
        "3: [2|say \"hi\"|3]",
        "4: [3|two\nlines|4]",
        "6: [4||]",
        "7: [5|x\"y|6]",
        "lines 7, quoted breaks 1");
  }

  @Test
  void blankLinesAreRecordsMarkedBlank() throws IOException {
    assertThat(scanAllBufferSizes("a,b\n\n  \r\n1,2\n", ',')).containsExactly(
        "1: [a|b]", "2: [] blank", "3: [  ] blank", "4: [1|2]", "lines 4, quoted breaks 0");
    assertThat(scanAllBufferSizes(" a  b\t c \r\n\n \t\r\n", RecordScanner.WHITESPACE)).containsExactly(
        "1: [a|b|c]", "2: [] blank", "3: [] blank", "lines 3, quoted breaks 0");
  }

  @Test
  void splitsWhitespaceSeparatedLinesOnRunsOfBlanks() throws IOException {
    String cdnow = " customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n"
        + "00002\t19970112 1 12.00";
    assertThat(scanAllBufferSizes(cdnow, RecordScanner.WHITESPACE)).containsExactly(
        "1: [customer_id|date|number_of_cds|dollar_value]",
        "2: [00001|19970101|1|11.77]",
        "3: [00002|19970112|1|12.00]",
        "lines 3, quoted breaks 0");
  }

  @Test
  void quotesAreOrdinaryInWhitespaceMode() throws IOException {
    assertThat(scanAllBufferSizes("\"a b\" c", RecordScanner.WHITESPACE))
        .containsExactly("1: [\"a|b\"|c]", "lines 1, quoted breaks 0");
  }

  @Test
  void anUnterminatedQuoteRunsToTheEndAndIsReported() throws IOException {
    assertThat(scanAllBufferSizes("a,b\n1,\"open\n2,3\n", ',')).containsExactly(
        "1: [a|b]",
        "2: [1|open\n2,3\n] error in field 2: unterminated quoted value",
        "lines 3, quoted breaks 1"); // lines = 1 header + 1 row + 1 break inside the quote
  }

  @Test
  void textAfterAClosingQuoteIsReportedAndScanningGoesOnAtTheNextLine() throws IOException {
    assertThat(scanAllBufferSizes("a,b\n\"q\"x,3\n\"ok\",4\r\n", ',')).containsExactly(
        "1: [a|b]",
        "2: [q] error in field 1: unexpected character after closing quote",
        "3: [ok|4]",
        "lines 3, quoted breaks 0");
  }

  @Test
  void quotedFieldsMayEndTheLineOrTheInput() throws IOException {
    assertThat(scanAllBufferSizes("\"a\"\r\n\"b\"\n\"c\"", ',')).containsExactly(
        "1: [a]", "2: [b]", "3: [c]", "lines 3, quoted breaks 0");
    assertThat(scanAllBufferSizes("\"a\"\r", ',')).containsExactly("1: [a]", "lines 1, quoted breaks 0");
  }

  @Test
  void aUtf8ByteOrderMarkIsSkipped() throws IOException {
    assertThat(scanAllBufferSizes("\uFEFFa;b\n1;2\n", ';')).containsExactly(
        "1: [a|b]", "2: [1|2]", "lines 2, quoted breaks 0");
  }

  @Test
  void emptyInputHasNoRecordsAndNoLines() throws IOException {
    assertThat(scanAllBufferSizes("", ',')).containsExactly("lines 0, quoted breaks 0");
  }

  @Test
  void aRecordLongerThanTheBufferGrowsIt() throws IOException {
    String longField = "x".repeat(100_000);
    assertThat(scan("a," + longField + "\nb,c\n", ',', 16))
        .containsExactly("1: [a|" + longField + "]", "2: [b|c]", "lines 2, quoted breaks 0");
  }

  @ParameterizedTest
  @ValueSource(ints = {'"', '\n', '\r', 0, 0x80})
  void refusesDelimitersThatCannotBe(int delimiter) {
    assertThatThrownBy(() -> new RecordScanner(new ByteArrayInputStream(new byte[0]), delimiter, true, new byte[16],
        n -> {})).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("delimiter must be");
  }
}
