package io.github.crmkit.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.crmkit.model.Absence;
import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.ConsentRecord;
import io.github.crmkit.model.Customer;
import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.EmailAddress;
import io.github.crmkit.model.Fixtures;
import io.github.crmkit.model.LineItem;
import io.github.crmkit.model.Money;
import io.github.crmkit.model.PersonName;
import io.github.crmkit.model.PhoneNumber;
import io.github.crmkit.model.ProductId;
import io.github.crmkit.model.WorkingCalendar;
import io.github.crmkit.model.WorkingHours;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exact JSON written for money, identifiers, times, optional values and attribute values. */
class CrmJsonShapeTest {
  private static String write(Object value) {
    return CrmJson.standard().write(value);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "12.5 | EUR | {\"amount\":\"12.50\",\"currency\":\"EUR\"}",
      "12.500 | EUR | {\"amount\":\"12.50\",\"currency\":\"EUR\"}",
      "0.125 | EUR | {\"amount\":\"0.125\",\"currency\":\"EUR\"}",
      "1E+3 | EUR | {\"amount\":\"1000.00\",\"currency\":\"EUR\"}",
      "-3 | CNY | {\"amount\":\"-3.00\",\"currency\":\"CNY\"}",
      "1500 | JPY | {\"amount\":\"1500\",\"currency\":\"JPY\"}",
      "999999999999999999.999999999999 | EUR | "
          + "{\"amount\":\"999999999999999999.999999999999\",\"currency\":\"EUR\"}"})
  void moneyIsAnObjectWithADecimalStringAmount(String amount, String currency, String json) {
    assertThat(write(Money.of(amount, currency))).isEqualTo(json);
    assertThat(CrmJson.standard().read(json, Money.class)).isEqualTo(Money.of(amount, currency));
  }

  @Test
  void moneyReadsUnnormalisedAmounts() {
    assertThat(CrmJson.standard().read("{\"currency\":\"EUR\",\"amount\":\"12.5\"}", Money.class))
        .isEqualTo(Money.of("12.50", "EUR"));
  }

  @Test
  void identifiersEmailsAndPhonesArePlainStrings() {
    assertThat(write(CustomerId.of("C-1"))).isEqualTo("\"C-1\"");
    assertThat(write(EmailAddress.of("Ada@Example.COM"))).isEqualTo("\"Ada@example.com\"");
    assertThat(write(PhoneNumber.of("+86 138 0013 8000"))).isEqualTo("\"+8613800138000\"");
    assertThat(write(List.of(CustomerId.of("C-1"), CustomerId.of("C-2")))).isEqualTo("[\"C-1\",\"C-2\"]");
    assertThat(CrmJson.standard().read("\"C-1\"", CustomerId.class)).isEqualTo(CustomerId.of("C-1"));
    assertThat(CrmJson.standard().read("\"Ada＠Example.COM\"", EmailAddress.class))
        .isEqualTo(EmailAddress.of("Ada@example.com"));
    assertThat(CrmJson.standard().read("\"0086 138 0013 8000\"", PhoneNumber.class))
        .isEqualTo(PhoneNumber.of("+8613800138000"));
  }

  @Test
  void aMinimalCustomerIsWrittenExactly() {
    assertThat(write(Fixtures.person().build())).isEqualTo("{\"id\":\"C-1\",\"kind\":\"PERSON\","
        + "\"personName\":{\"givenName\":\"Ada\",\"familyName\":\"Lovelace\",\"order\":\"GIVEN_FIRST\"},"
        + "\"contacts\":{\"emails\":[],\"phones\":[],\"addresses\":[],\"socialHandles\":[]},"
        + "\"tags\":[],\"createdAt\":\"2024-05-01T08:00:00Z\",\"consents\":[],\"attributes\":{}}");
  }

  @Test
  void absentOptionalsAreOmitted() {
    String json = write(Fixtures.person().build());
    assertThat(json).doesNotContain("organizationName").doesNotContain("owner").doesNotContain("acquisitionChannel")
        .doesNotContain("null");
    assertThat(write(Fixtures.person().owner(AgentId.of("A-1")).build()))
        .contains("\"owner\":\"A-1\"");
    assertThat(write(PersonName.builder().givenName("Cher").build()))
        .isEqualTo("{\"givenName\":\"Cher\",\"order\":\"GIVEN_FIRST\"}");
    assertThat(write(Capacity.builder().maxPerDay(5).maxOpen(0).build())).isEqualTo("{\"maxPerDay\":5,\"maxOpen\":0}");
    assertThat(write(Capacity.unlimited())).isEqualTo("{}");
  }

  @Test
  void instantsDatesTimesDurationsAndZonesAreIsoStrings() {
    assertThat(write(Instant.parse("2024-05-01T08:00:00Z"))).isEqualTo("\"2024-05-01T08:00:00Z\"");
    assertThat(write(ConsentRecord.builder().purpose("marketing.email").grantedAt(Fixtures.T0).source("web-form")
        .build())).isEqualTo("{\"purpose\":\"marketing.email\",\"grantedAt\":\"2024-05-01T08:00:00Z\","
            + "\"source\":\"web-form\"}");
    WorkingCalendar calendar = WorkingCalendar.builder().zone(ZoneId.of("Asia/Shanghai"))
        .addHour(WorkingHours.of(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0)))
        .addHoliday(LocalDate.of(2024, 10, 1))
        .addAbsence(Absence.of(Instant.parse("2024-07-01T00:00:00Z"), Instant.parse("2024-07-02T12:30:00Z")))
        .build();
    assertThat(write(calendar)).isEqualTo("{\"zone\":\"Asia/Shanghai\","
        + "\"hours\":[{\"day\":\"MONDAY\",\"start\":\"09:00\",\"end\":\"18:00\"}],"
        + "\"holidays\":[\"2024-10-01\"],"
        + "\"absences\":[{\"from\":\"2024-07-01T00:00:00Z\",\"until\":\"2024-07-02T12:30:00Z\"}]}");
    assertThat(write(Fixtures.interaction().duration(Duration.ofMinutes(5)).build()))
        .contains("\"duration\":\"PT5M\"").contains("\"occurredAt\":\"2024-05-01T08:00:00Z\"");
    assertThat(write(Fixtures.opportunity().build())).contains("\"expectedCloseDate\":\"2024-09-30\"");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "string | {\"string\":\"gold\"}",
      "long | {\"long\":-3}",
      "decimal | {\"decimal\":\"0.25\"}",
      "boolean | {\"boolean\":true}",
      "date | {\"date\":\"2024-05-01\"}",
      "instant | {\"instant\":\"2024-05-01T08:00:00Z\"}",
      "strings | {\"strings\":[\"a\",\"b\"]}"})
  void attributeValuesAreObjectsNamedAfterTheirType(String type, String json) {
    AttributeValue value;
    switch (type) {
      case "string" -> value = AttributeValue.ofString("gold");
      case "long" -> value = AttributeValue.ofLong(-3);
      case "decimal" -> value = AttributeValue.ofDecimal(new BigDecimal("0.25"));
      case "boolean" -> value = AttributeValue.ofBoolean(true);
      case "date" -> value = AttributeValue.ofDate(LocalDate.of(2024, 5, 1));
      case "instant" -> value = AttributeValue.ofInstant(Instant.parse("2024-05-01T08:00:00Z"));
      default -> value = AttributeValue.ofStrings(List.of("a", "b"));
    }
    assertThat(write(value)).isEqualTo(json);
    assertThat(CrmJson.standard().read(json, AttributeValue.class)).isEqualTo(value);
  }

  @Test
  void attributesAreWrittenInKeyOrder() {
    Customer c = Fixtures.person()
        .putAttribute("zeta", AttributeValue.ofLong(1))
        .putAttribute("alpha", AttributeValue.ofDecimal(new BigDecimal("0.25")))
        .putAttribute("Mid", AttributeValue.ofBoolean(false))
        .build();
    assertThat(write(c)).endsWith("\"attributes\":{\"Mid\":{\"boolean\":false},\"alpha\":{\"decimal\":\"0.25\"},"
        + "\"zeta\":{\"long\":1}}}");
  }

  @Test
  void setsAreWrittenInNaturalOrder() {
    assertThat(write(Fixtures.person().addTags("vip", "b2c", "alpha").build()))
        .contains("\"tags\":[\"alpha\",\"b2c\",\"vip\"]");
  }

  @Test
  void numbersStayNumbers() {
    assertThat(write(Fixtures.lead().score(87.5).build())).contains("\"score\":87.5").contains("\"status\":\"NEW\"");
    assertThat(write(Fixtures.opportunity().build())).contains("\"probability\":0.25");
    assertThat(write(LineItem.of(ProductId.of("P-1"), new BigDecimal("2.5"), Money.of("1", "EUR"))))
        .isEqualTo("{\"product\":\"P-1\",\"quantity\":2.5,\"unitPrice\":{\"amount\":\"1.00\",\"currency\":\"EUR\"}}");
  }

  @Test
  void writingSomethingThatIsNotJsonIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> CrmJson.standard().write(new Object()))
        .withMessage("cannot write Object as JSON");
  }
}
