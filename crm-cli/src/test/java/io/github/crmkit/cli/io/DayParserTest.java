package io.github.crmkit.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DayParserTest {

  private static int parse(DayParser parser, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return parser.parse(b, 0, b.length, StandardCharsets.UTF_8);
  }

  @Test
  void epochDayAgreesWithLocalDateOnEveryDayOfTenThousandYears() {
    for (LocalDate d = LocalDate.of(0, 1, 1); d.getYear() <= 9999; d = d.plusDays(1)) {
      assertThat(DayParser.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
          .as("%s", d).isEqualTo(d.toEpochDay());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"yyyy-MM-dd", "yyyyMMdd", "yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy", "MM/dd/uuuu",
      "yyyy-MM-dd'T'HH:mm:ss", "dd.MM.yyyy HH:mm"})
  void fixedWidthPatternsTakeTheFastPathAndAgreeWithTheFormatterOnValidDates(String pattern) {
    DayParser fast = DayParser.compile(pattern);
    DayParser slow = DayParser.compile(pattern, false);
    assertThat(fast.isFastPath()).isTrue();
    assertThat(slow.isFastPath()).isFalse();
    DateTimeFormatter writer = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      LocalDate day = LocalDate.ofEpochDay(random.nextInt(-25_000, 50_000)); // 1901..2106
      String text = writer.format(day.atTime(random.nextInt(24), random.nextInt(60), random.nextInt(60)));
      assertThat(parse(fast, text)).as(text).isEqualTo(day.toEpochDay()).isEqualTo(parse(slow, text));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2011-02-29", "2011-04-31", "2011-13-01", "2011-00-10", "2011-01-00", "2011-1-01",
      "2011-01-011", "2011/01/01", "20110101", "2O11-01-01", "", " 2011-01-01", "+011-01-01", "2011-01-0a"})
  void invalidIsoDatesAreRejectedByBothPaths(String text) {
    assertThat(parse(DayParser.compile("yyyy-MM-dd"), text)).isEqualTo(DayParser.INVALID);
    assertThat(parse(DayParser.compile("yyyy-MM-dd", false), text)).isEqualTo(DayParser.INVALID);
  }

  @Test
  void leapDaysFollowTheGregorianRules() {
    DayParser parser = DayParser.compile("yyyyMMdd");
    assertThat(parse(parser, "20000229")).isEqualTo(LocalDate.of(2000, 2, 29).toEpochDay());
    assertThat(parse(parser, "19960229")).isEqualTo(LocalDate.of(1996, 2, 29).toEpochDay());
    assertThat(parse(parser, "19000229")).isEqualTo(DayParser.INVALID);
    assertThat(parse(parser, "19970229")).isEqualTo(DayParser.INVALID);
  }

  @Test
  void timeOfDayIsCheckedThenIgnored() {
    DayParser parser = DayParser.compile("yyyy-MM-dd HH:mm:ss");
    long day = LocalDate.of(2010, 12, 1).toEpochDay();
    assertThat(parse(parser, "2010-12-01 00:00:00")).isEqualTo(day);
    assertThat(parse(parser, "2010-12-01 23:59:59")).isEqualTo(day);
    for (String bad : List.of("2010-12-01 24:00:00", "2010-12-01 08:60:00", "2010-12-01 08:26:60",
        "2010-12-01 8:26:00", "2010-12-01T08:26:00", "2010-12-01 08:26", "2010-12-01 0a:26:00")) {
      assertThat(parse(parser, bad)).as(bad).isEqualTo(DayParser.INVALID);
      assertThat(parse(DayParser.compile("yyyy-MM-dd HH:mm:ss", false), bad)).as(bad).isEqualTo(DayParser.INVALID);
    }
  }

  @Test
  void variableWidthPatternsUseTheFormatter() {
    // the UCI xlsx export of Online Retail writes 12/1/2010 8:26
    DayParser parser = DayParser.compile("M/d/yyyy H:mm");
    assertThat(parser.isFastPath()).isFalse();
    assertThat(parse(parser, "12/1/2010 8:26")).isEqualTo(LocalDate.of(2010, 12, 1).toEpochDay());
    assertThat(parse(parser, "2/30/2011 8:26")).isEqualTo(DayParser.INVALID);
    assertThat(parse(DayParser.compile("d MMM yyyy"), "9 Dec 2011")).isEqualTo(LocalDate.of(2011, 12, 9).toEpochDay());
  }

  @ParameterizedTest
  @ValueSource(strings = {"HH:mm", "yyyy-MM", "MM-dd", "YYYY-MM-dd", "yyyy-ww"})
  void patternsWithoutACalendarDateAreRefused(String pattern) {
    assertThatThrownBy(() -> DayParser.compile(pattern))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("date format must give year, month and day")
        .hasMessageContaining(pattern);
  }

  @Test
  void invalidPatternsAreRefused() {
    assertThatThrownBy(() -> DayParser.compile("yyyy-MM-dd'"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("date format must be a java.time pattern, was 'yyyy-MM-dd''");
  }
}
