package io.github.crmkit.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionFileFormatTest {

  private static TransactionFileFormat.Builder minimal() {
    return TransactionFileFormat.builder().customer("c").date("d").amount("a");
  }

  @Test
  void defaultsAreCommaHeaderIsoDateUtf8Lenient() {
    TransactionFileFormat format = minimal().build();
    assertThat(format.hasHeader()).isTrue();
    assertThat(format.isWhitespaceDelimited()).isFalse();
    assertThat(format.delimiter()).isEqualTo(',');
    assertThat(format.datePattern()).isEqualTo("yyyy-MM-dd");
    assertThat(format.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(format.isStrict()).isFalse();
    assertThat(format).hasToString("TransactionFileFormat{delimiter ',', header, customer 'c', date 'd' (yyyy-MM-dd),"
        + " amount 'a', lenient, UTF-8}");
  }

  @Test
  void delimiterFromItsCommandLineForm() {
    assertThat(minimal().delimiter("whitespace").build().isWhitespaceDelimited()).isTrue();
    assertThat(minimal().delimiter("tab").build().delimiter()).isEqualTo('\t');
    assertThat(minimal().delimiter(";").build().delimiter()).isEqualTo(';');
    assertThatThrownBy(() -> minimal().whitespaceDelimited().build().delimiter())
        .isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ",,", "space", "\"", "\n", "é"})
  void badDelimitersAreRefused(String delimiter) {
    assertThatThrownBy(() -> minimal().delimiter(delimiter)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("delimiter must be");
  }

  @Test
  void withoutAHeaderColumnsAreOneBasedIndexes() {
    TransactionFileFormat format = TransactionFileFormat.builder().header(false).customer("1").date(" 3 ")
        .amount(5).build();
    assertThat(format.hasHeader()).isFalse();
    assertThat(format.toString()).contains("customer #1, date #3", "amount #5");
    assertThatThrownBy(() -> TransactionFileFormat.builder().header(false).customer("CustomerID").date("1")
        .amount("2").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customer column must be a 1-based index when there is no header, was 'CustomerID'");
    assertThatThrownBy(() -> TransactionFileFormat.builder().header(false).customer("1").date("0").amount("2")
        .build())
        .hasMessage("date column must be a 1-based index when there is no header, was '0'");
    assertThatThrownBy(() -> minimal().amount(0)).hasMessage("amount column index must be at least 1, was 0");
  }

  @Test
  void headerCanBeTurnedOffAfterTheColumnsAreNamed() {
    // the command line sets options in any order: the header flag is applied when the format is built
    assertThat(TransactionFileFormat.builder().customer("2").date("1").amount("3").header(false).build().toString())
        .contains("customer #2");
  }

  @Test
  void requiredColumnsAreNamedWhenMissing() {
    assertThatThrownBy(() -> TransactionFileFormat.builder().date("d").amount("a").build())
        .hasMessage("customer column is required");
    assertThatThrownBy(() -> TransactionFileFormat.builder().customer("c").amount("a").build())
        .hasMessage("date column is required");
    assertThatThrownBy(() -> TransactionFileFormat.builder().customer("c").date("d").build())
        .hasMessage("an amount column, or quantity and price columns, are required");
    assertThatThrownBy(() -> TransactionFileFormat.builder().customer("c").date("d").quantity("q").build())
        .hasMessage("price column is required with quantity");
    assertThatThrownBy(() -> TransactionFileFormat.builder().customer("c").date("d").price("p").build())
        .hasMessage("quantity column is required with price");
    assertThatThrownBy(() -> minimal().quantity("q").price("p").build())
        .hasMessage("give either an amount column or quantity and price columns, not both");
    assertThatThrownBy(() -> minimal().customer(" ").build()).hasMessage("customer column name must not be blank");
  }

  @Test
  void cancellationPrefixNeedsAnOrderColumn() {
    assertThatThrownBy(() -> minimal().cancellationPrefix("C").build())
        .hasMessage("a cancellation prefix needs an order column");
    assertThatThrownBy(() -> minimal().cancellationPrefix("")).hasMessage("cancellation prefix must not be empty");
    assertThat(minimal().order("o").cancellationPrefix("C").negativeAmountsAreReturns(true).build().toString())
        .contains("order 'o', cancellations: order prefix 'C', negative amounts are returns");
  }

  @Test
  void datePatternIsCheckedWhenBuilt() {
    assertThat(minimal().datePattern("yyyyMMdd").build().datePattern()).isEqualTo("yyyyMMdd");
    assertThatThrownBy(() -> minimal().datePattern("HH:mm").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'HH:mm'");
  }

  @Test
  void charsetMustWriteAsciiAsSingleBytes() {
    assertThat(minimal().charset(StandardCharsets.ISO_8859_1).build().charset()).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> minimal().charset(StandardCharsets.UTF_16))
        .hasMessage("charset must write ASCII as single bytes (like UTF-8), was UTF-16");
  }
}
