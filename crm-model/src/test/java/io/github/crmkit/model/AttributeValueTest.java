package io.github.crmkit.model;

import static io.github.crmkit.model.Fixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link AttributeValue} and the typed getters of {@link Attributed}. */
class AttributeValueTest {
  @Test
  void typedAccessorsReturnTheValue() {
    assertThat(AttributeValue.ofString("gold").asString()).isEqualTo("gold");
    assertThat(AttributeValue.ofString("").asString()).isEmpty();
    assertThat(AttributeValue.ofLong(Long.MIN_VALUE).asLong()).isEqualTo(Long.MIN_VALUE);
    assertThat(AttributeValue.ofDecimal(new BigDecimal("0.25")).asDecimal()).isEqualTo(new BigDecimal("0.25"));
    assertThat(AttributeValue.ofBoolean(true).asBoolean()).isTrue();
    assertThat(AttributeValue.ofBoolean(false).asBoolean()).isFalse();
    assertThat(AttributeValue.ofDate(LocalDate.of(2024, 5, 1)).asDate()).isEqualTo(LocalDate.of(2024, 5, 1));
    assertThat(AttributeValue.ofInstant(Fixtures.T0).asInstant()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
    assertThat(AttributeValue.ofStrings(List.of("a", "b")).asStrings()).containsExactly("a", "b");
  }

  @Test
  void typesAndTheirJsonNames() {
    assertThat(AttributeValue.ofString("x").type()).isEqualTo(AttributeValue.Type.STRING);
    assertThat(AttributeValue.ofLong(1).type()).isEqualTo(AttributeValue.Type.LONG);
    assertThat(AttributeValue.ofDecimal(BigDecimal.ONE).type()).isEqualTo(AttributeValue.Type.DECIMAL);
    assertThat(AttributeValue.ofBoolean(true).type()).isEqualTo(AttributeValue.Type.BOOLEAN);
    assertThat(AttributeValue.ofDate(LocalDate.EPOCH).type()).isEqualTo(AttributeValue.Type.DATE);
    assertThat(AttributeValue.ofInstant(Instant.EPOCH).type()).isEqualTo(AttributeValue.Type.INSTANT);
    assertThat(AttributeValue.ofStrings(List.of()).type()).isEqualTo(AttributeValue.Type.STRINGS);
    assertThat(Arrays.stream(AttributeValue.Type.values()).map(AttributeValue.Type::jsonName))
        .containsExactly("string", "long", "decimal", "boolean", "date", "instant", "strings");
  }

  static Stream<Invalid> wrongType() {
    return Stream.of(
        Invalid.because(IllegalStateException.class, "attribute value is of type LONG, not STRING",
            () -> AttributeValue.ofLong(1).asString()),
        Invalid.because(IllegalStateException.class, "attribute value is of type STRING, not LONG",
            () -> AttributeValue.ofString("1").asLong()),
        Invalid.because(IllegalStateException.class, "attribute value is of type LONG, not DECIMAL",
            () -> AttributeValue.ofLong(1).asDecimal()),
        Invalid.because(IllegalStateException.class, "attribute value is of type STRING, not BOOLEAN",
            () -> AttributeValue.ofString("true").asBoolean()),
        Invalid.because(IllegalStateException.class, "attribute value is of type INSTANT, not DATE",
            () -> AttributeValue.ofInstant(Instant.EPOCH).asDate()),
        Invalid.because(IllegalStateException.class, "attribute value is of type DATE, not INSTANT",
            () -> AttributeValue.ofDate(LocalDate.EPOCH).asInstant()),
        Invalid.because(IllegalStateException.class, "attribute value is of type STRING, not STRINGS",
            () -> AttributeValue.ofString("a").asStrings()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongType")
  void accessorsOfAnotherTypeThrowIllegalState(Invalid c) {
    c.assertRefused();
  }

  @Test
  void equalityIsByTypeAndValue() {
    assertThat(AttributeValue.ofString("gold")).isEqualTo(AttributeValue.ofString("gold"))
        .hasSameHashCodeAs(AttributeValue.ofString("gold"))
        .isNotEqualTo(AttributeValue.ofString("silver"))
        .isNotEqualTo(AttributeValue.ofStrings(List.of("gold")))
        .isNotEqualTo("gold");
    assertThat(AttributeValue.ofLong(1)).isEqualTo(AttributeValue.ofLong(1))
        .isNotEqualTo(AttributeValue.ofDecimal(BigDecimal.ONE));
    assertThat(AttributeValue.ofBoolean(true)).isEqualTo(AttributeValue.ofBoolean(true))
        .isNotEqualTo(AttributeValue.ofBoolean(false));
    assertThat(AttributeValue.ofDate(LocalDate.of(2024, 5, 1)))
        .isEqualTo(AttributeValue.ofDate(LocalDate.of(2024, 5, 1)));
    assertThat(AttributeValue.ofInstant(Instant.EPOCH)).isEqualTo(AttributeValue.ofInstant(Instant.EPOCH))
        .isNotEqualTo(AttributeValue.ofInstant(Instant.EPOCH.plusNanos(1)));
    assertThat(AttributeValue.ofStrings(List.of("a", "b"))).isEqualTo(AttributeValue.ofStrings(List.of("a", "b")))
        .isNotEqualTo(AttributeValue.ofStrings(List.of("b", "a")));
  }

  @Test
  void decimalsKeepTheirScale() {
    assertThat(AttributeValue.ofDecimal(new BigDecimal("1.0")))
        .isNotEqualTo(AttributeValue.ofDecimal(new BigDecimal("1.00")));
    assertThat(AttributeValue.ofDecimal(new BigDecimal("1.00")).asDecimal().toPlainString()).isEqualTo("1.00");
  }

  @Test
  void listsAreCopiedAndUnmodifiable() {
    List<String> source = new ArrayList<>(List.of("a", "b"));
    AttributeValue value = AttributeValue.ofStrings(source);
    source.add("c");
    assertThat(value.asStrings()).containsExactly("a", "b");
    assertThatThrownBy(() -> value.asStrings().add("d")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void acceptsTheLimits() {
    assertThat(AttributeValue.ofString("s".repeat(4096)).asString()).hasSize(AttributeValue.MAX_STRING_LENGTH);
    assertThat(AttributeValue.ofStrings(Collections.nCopies(1000, "s".repeat(4096))).asStrings())
        .hasSize(AttributeValue.MAX_LIST_SIZE);
  }

  static Stream<Invalid> invalid() {
    return Stream.of(
        Invalid.because("AttributeValue string must be at most 4096 characters, was 4097",
            () -> AttributeValue.ofString("s".repeat(4097))),
        Invalid.because("AttributeValue strings must have at most 1000 elements, had 1001",
            () -> AttributeValue.ofStrings(Collections.nCopies(1001, "s"))),
        Invalid.because("AttributeValue strings element must be at most 4096 characters, was 4097",
            () -> AttributeValue.ofStrings(List.of("ok", "s".repeat(4097)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesOversizedValues(Invalid c) {
    c.assertRefused();
  }

  @Test
  void refusesNulls() {
    assertThatNullPointerException().isThrownBy(() -> AttributeValue.ofString(null)).withMessage("value");
    assertThatNullPointerException().isThrownBy(() -> AttributeValue.ofDecimal(null)).withMessage("value");
    assertThatNullPointerException().isThrownBy(() -> AttributeValue.ofDate(null)).withMessage("value");
    assertThatNullPointerException().isThrownBy(() -> AttributeValue.ofInstant(null)).withMessage("value");
    assertThatNullPointerException().isThrownBy(() -> AttributeValue.ofStrings(null));
    assertThatNullPointerException().isThrownBy(() -> AttributeValue.ofStrings(Arrays.asList("a", null)));
  }

  @Test
  void toStringShowsTheTypeOnly() {
    assertThat(AttributeValue.ofString("Zhang-Wei-PII")).hasToString("AttributeValue{type=STRING, value=***}");
    assertThat(AttributeValue.ofStrings(List.of("Zhang-Wei-PII")))
        .hasToString("AttributeValue{type=STRINGS, value=***}");
    assertThat(AttributeValue.ofLong(8613800138000L).toString()).doesNotContain("8613800138000");
    assertThat(AttributeValue.ofDate(LocalDate.of(1985, 7, 14)).toString()).doesNotContain("1985");
  }

  // Attributed

  private static Customer withAttributes() {
    return person()
        .putAttribute("tier", AttributeValue.ofString("gold"))
        .putAttribute("visits", AttributeValue.ofLong(12))
        .putAttribute("discount", AttributeValue.ofDecimal(new BigDecimal("0.25")))
        .putAttribute("vip", AttributeValue.ofBoolean(true))
        .putAttribute("birthday", AttributeValue.ofDate(LocalDate.of(1815, 12, 10)))
        .build();
  }

  @Test
  void typedGettersReturnPresentAttributes() {
    Customer c = withAttributes();
    assertThat(c.attribute("tier")).contains(AttributeValue.ofString("gold"));
    assertThat(c.stringAttribute("tier")).contains("gold");
    assertThat(c.longAttribute("visits")).contains(12L);
    assertThat(c.decimalAttribute("discount")).contains(new BigDecimal("0.25"));
    assertThat(c.booleanAttribute("vip")).contains(true);
    assertThat(c.attribute("birthday").map(AttributeValue::asDate)).contains(LocalDate.of(1815, 12, 10));
  }

  @Test
  void typedGettersOfAbsentAttributesAreEmpty() {
    Customer c = withAttributes();
    assertThat(c.attribute("nope")).isEmpty();
    assertThat(c.stringAttribute("nope")).isEmpty();
    assertThat(c.longAttribute("nope")).isEmpty();
    assertThat(c.decimalAttribute("nope")).isEmpty();
    assertThat(c.booleanAttribute("nope")).isEmpty();
    // names are case-sensitive
    assertThat(c.stringAttribute("Tier")).isEmpty();
  }

  @Test
  void typedGettersOfAnotherTypeThrowIllegalState() {
    Customer c = withAttributes();
    assertThatIllegalStateException().isThrownBy(() -> c.stringAttribute("visits"))
        .withMessage("attribute value is of type LONG, not STRING");
    assertThatIllegalStateException().isThrownBy(() -> c.longAttribute("tier"))
        .withMessage("attribute value is of type STRING, not LONG");
    assertThatIllegalStateException().isThrownBy(() -> c.decimalAttribute("visits"))
        .withMessage("attribute value is of type LONG, not DECIMAL");
    assertThatIllegalStateException().isThrownBy(() -> c.booleanAttribute("birthday"))
        .withMessage("attribute value is of type DATE, not BOOLEAN");
  }

  @Test
  void attributesAreUnmodifiable() {
    Customer c = withAttributes();
    assertThat(c.attributes()).hasSize(5);
    assertThatThrownBy(() -> c.attributes().put("x", AttributeValue.ofLong(1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
