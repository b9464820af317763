package io.github.crmkit.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalParserTest {
  private final DecimalParser parser = new DecimalParser();

  private int parse(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return parser.parse(b, 0, b.length);
  }

  @ParameterizedTest
  @ValueSource(strings = {"11.77", "0", "-0", "+5", "-11062.06", "2.55", "1.", ".5", "007", "0.1", "0.30000000000000004",
      "123456789012345", "1234567890123456789", "9007199254740993", "1e3", "-1.5E-7", "1e308", "4.9e-324",
      "0.0000000000000000000000001", "99999999999999.99"})
  void numbersParseExactlyAsDoubleParseDouble(String text) {
    assertThat(parse(text)).isEqualTo(DecimalParser.OK);
    assertThat(Double.doubleToRawLongBits(parser.value())).as(text)
        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
  }

  @Test
  void randomDecimalsParseExactlyAsDoubleParseDouble() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 200_000; i++) {
      long units = random.nextLong(-10_000_000_000_000_000L, 10_000_000_000_000_000L) >> random.nextInt(0, 60);
      int scale = random.nextInt(0, 25);
      String text = new java.math.BigDecimal(java.math.BigInteger.valueOf(units), scale).toPlainString();
      assertThat(parse(text)).as(text).isEqualTo(DecimalParser.OK);
      assertThat(parser.value()).as(text).isEqualTo(Double.parseDouble(text));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "+", ".", "1.2.3", "12a", "$11.77", "1,000", "0x1p3", "1d", "1f", "e5", "--1",
      "1 000", "one"})
  void nonNumbersAreNotANumber(String text) {
    assertThat(parse(text)).isEqualTo(DecimalParser.NOT_A_NUMBER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "inf", "1e309", "-1e400"})
  void nonFiniteNumbersAreNotFinite(String text) {
    assertThat(parse(text)).isEqualTo(DecimalParser.NOT_FINITE);
  }

  @Test
  void parsesARangeInsideALargerBuffer() {
    byte[] b = "x,12.50,y".getBytes(StandardCharsets.US_ASCII);
    assertThat(parser.parse(b, 2, 7)).isEqualTo(DecimalParser.OK);
    assertThat(parser.value()).isEqualTo(12.5);
  }
}
