package io.github.crmkit.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written {@link RecordScanner} splits CSV exactly as Jackson's {@link CsvParser} does, on well-formed input:
 * Jackson is the reference, the scanner the fast path with physical line numbers and recovery from quoting errors.
 */
class CsvSplittingMatchesJacksonTest {

  private static final CsvFactory JACKSON = new CsvFactory();

  /** Reads both parsers in lockstep and compares every record; returns the number of records. */
  private static long compare(InputStream forJackson, InputStream forScanner, int bufferSize) throws IOException {
    long records = 0;
    try (CsvParser jackson = JACKSON.createParser(forJackson)) {
      jackson.setSchema(CsvSchema.emptySchema());
      RecordScanner scanner = new RecordScanner(forScanner, ',', true, new byte[bufferSize], n -> {});
      List<String> expected = new ArrayList<>();
      while (nextRecord(jackson, expected)) {
        assertThat(scanner.next()).as("record %s exists", records + 1).isTrue();
        assertThat(scanner.error()).isNull();
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < scanner.fieldCount(); i++) {
          actual.add(new String(scanner.buffer(), scanner.start(i), scanner.end(i) - scanner.start(i),
              StandardCharsets.UTF_8));
        }
        records++;
        assertThat(actual).as("record %s, line %s", records, scanner.line()).isEqualTo(expected);
      }
      assertThat(scanner.next()).as("no record after %s", records).isFalse();
    }
    return records;
  }

  private static boolean nextRecord(CsvParser parser, List<String> fields) throws IOException {
    fields.clear();
    JsonToken token = parser.nextToken();
    if (token == null) {
      return false;
    }
    assertThat(token).isEqualTo(JsonToken.START_ARRAY);
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      fields.add(parser.getText());
    }
    return true;
  }

  private static long compare(String csv) throws IOException {
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    long records = compare(new ByteArrayInputStream(bytes), new ByteArrayInputStream(bytes), 1 << 16);
    for (int size = 4; size < 16; size++) {
      compare(new ByteArrayInputStream(bytes), new ByteArrayInputStream(bytes), size);
    }
    return records;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a,b,c\n1,2,3\n",
      "a,b\r\n1,2\r\n",
      "a,b\n1,2",
      "\"a,1\",\"b \"\"q\"\" c\",\"\"\n",
      "x,\"line\nbreak\",y\nz,w,v\n",
      ",,\n,\n",
      "ab\"c,d\n",
      " 1 , 2 \n",
      "\uFEFFh1,h2\n\u00e9,\u20ac\n",
  })
  void wellFormedSnippetsSplitTheSame(String csv) throws IOException {
    assertThat(compare(csv)).isPositive();
  }

  @Test
  void theOnlineRetailFilesSplitTheSame() throws IOException {
    List<Path> files = InputFiles.expand(List.of(SharedData.require("online-retail/by-day").toString()));
    long records = 0;
    for (Path f : files) {
      try (InputStream a = Files.newInputStream(f); InputStream b = Files.newInputStream(f)) {
        records += compare(a, b, RecordScanner.DEFAULT_BUFFER_SIZE);
      }
    }
    // cat by-day/*.csv | wc -l -> 542214 (no line breaks inside quotes)
    assertThat(records).isEqualTo(542_214);
  }

  @ParameterizedTest
  @CsvSource({
      "rfm-r-package/rfm_data_orders.csv, 4907",     // wc -l rfm_data_orders.csv -> 4907
      "rfm-r-package/rfm_data_customer.csv, 40000",  // wc -l rfm_data_customer.csv -> 40000
  })
  void theRfmFilesSplitTheSame(String relative, long lines) throws IOException {
    Path f = SharedData.require(relative);
    try (InputStream a = Files.newInputStream(f); InputStream b = Files.newInputStream(f)) {
      assertThat(compare(a, b, RecordScanner.DEFAULT_BUFFER_SIZE)).isEqualTo(lines);
    }
  }
}
