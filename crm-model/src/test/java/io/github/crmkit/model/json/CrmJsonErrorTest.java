package io.github.crmkit.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.model.ContactPoints;
import io.github.crmkit.model.Customer;
import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.Money;
import io.github.crmkit.model.Opportunity;
import io.github.crmkit.model.PersonName;
import io.github.crmkit.model.WorkingCalendar;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@link CrmJson} refuses, and how the {@link CrmJsonException} names the path, the location and the problem. */
class CrmJsonErrorTest {
  /** A valid customer; {@code customer(",\"x\":1")} adds members. */
  private static String customer(String extra) {
    return "{\"id\":\"C-1\",\"kind\":\"PERSON\",\"personName\":{\"givenName\":\"Ada\"},"
        + "\"createdAt\":\"2024-05-01T08:00:00Z\"" + extra + "}";
  }

  /** A valid opportunity with {@code replace} replaced by {@code with}. */
  private static String opportunity(String replace, String with) {
    String json = "{\"id\":\"O-1\",\"customer\":\"C-1\",\"name\":\"Fleet\","
        + "\"amount\":{\"amount\":\"1000\",\"currency\":\"EUR\"},\"stageId\":\"proposal\",\"probability\":0.25,"
        + "\"expectedCloseDate\":\"2024-09-30\",\"createdAt\":\"2024-05-01T08:00:00Z\"}";
    assertThat(json).contains(replace);
    return json.replace(replace, with);
  }

  static CrmJsonException error(String json, Class<?> type) {
    try {
      Object value = CrmJson.standard().read(json, type);
      throw new AssertionError("expected a CrmJsonException for " + json + ", read " + value);
    } catch (CrmJsonException e) {
      return e;
    }
  }

  private static void assertError(CrmJsonException e, String path, String problem) {
    assertThat(e.path()).isEqualTo(path);
    assertThat(e.problem()).isEqualTo(problem);
    assertThat(e.line()).isPresent();
    assertThat(e.column()).isPresent();
    assertThat(e.getMessage()).isEqualTo("invalid JSON at " + path + " (line " + e.line().getAsInt() + ", column "
        + e.column().getAsInt() + "): " + problem);
    assertThat(e).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theBaseDocumentsAreValid() {
    assertThat(CrmJson.standard().read(customer(""), Customer.class).id()).isEqualTo(CustomerId.of("C-1"));
    assertThat(CrmJson.standard().read(opportunity("", ""), Opportunity.class).amount())
        .isEqualTo(Money.of("1000", "EUR"));
  }

  // unknown properties

  static Stream<Arguments> unknownProperties() {
    return Stream.of(
        Arguments.of(customer(",\"zz\":1"), "$.zz", "zz"),
        Arguments.of(customer(",\"contacts\":{\"zz\":1}"), "$.contacts.zz", "zz"),
        Arguments.of(customer(",\"contacts\":{\"addresses\":[{\"countryCode\":\"CN\"},{\"countryCode\":\"DE\","
            + "\"street\":\"x\"}]}"), "$.contacts.addresses[1].street", "street"),
        Arguments.of(customer(",\"personName\":{\"givenName\":\"Ada\",\"middleName\":\"B\"}"),
            "$.personName.middleName", "middleName"),
        Arguments.of(customer(",\"displayName\":\"Ada\""), "$.displayName", "displayName"),
        Arguments.of(customer(",\"we'ird key\":true"), "$['we\\'ird key']", "we'ird key"),
        Arguments.of(opportunity("\"currency\":\"EUR\"", "\"currency\":\"EUR\",\"rate\":1"), "$.amount.rate", "rate"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("unknownProperties")
  void unknownPropertiesAreRefused(String json, String path, String property) {
    Class<?> type = json.contains("\"stageId\"") ? Opportunity.class : Customer.class;
    assertError(error(json, type), path, "unknown property '" + property + "'");
  }

  // wrong JSON types

  static Stream<Arguments> wrongTypes() {
    return Stream.of(
        Arguments.of(opportunity("0.25", "\"high\""), Opportunity.class, "$.probability", "expected a number"),
        Arguments.of(opportunity("0.25", "true"), Opportunity.class, "$.probability", "expected a number"),
        Arguments.of(opportunity("\"Fleet\"", "5"), Opportunity.class, "$.name", "expected a string"),
        Arguments.of(opportunity("\"Fleet\"", "[\"Fleet\"]"), Opportunity.class, "$.name", "expected a string"),
        Arguments.of(opportunity("\"1000\"", "1000"), Opportunity.class, "$.amount",
            "Money.amount must be a decimal string such as \"12.50\""),
        Arguments.of(opportunity("\"EUR\"", "978"), Opportunity.class, "$.amount",
            "Money.currency must be a string ISO 4217 code such as \"EUR\""),
        Arguments.of(opportunity("{\"amount\":\"1000\",\"currency\":\"EUR\"}", "\"1000 EUR\""), Opportunity.class,
            "$.amount", "expected a money object such as {\"amount\": \"12.50\", \"currency\": \"EUR\"}"),
        Arguments.of(opportunity("\"2024-09-30\"", "\"30.09.2024\""), Opportunity.class, "$.expectedCloseDate",
            "expected a valid LocalDate"),
        Arguments.of(customer(",\"personName\":{\"givenName\":5}"), Customer.class, "$.personName.givenName",
            "expected a string"),
        Arguments.of(customer("").replace("\"PERSON\"", "\"CUSTOMER\""), Customer.class, "$.kind",
            "expected one of PERSON, ORGANIZATION"),
        Arguments.of(customer("").replace("\"PERSON\"", "0"), Customer.class, "$.kind",
            "expected one of PERSON, ORGANIZATION"),
        Arguments.of(customer("").replace("\"2024-05-01T08:00:00Z\"", "\"yesterday\""), Customer.class, "$.createdAt",
            "expected a valid Instant"),
        Arguments.of(customer("").replace("\"C-1\"", "42"), Customer.class, "$.id", "expected a valid CustomerId"),
        Arguments.of(customer(",\"tags\":\"vip\""), Customer.class, "$.tags", "expected an array"),
        Arguments.of(customer(",\"tags\":[\"vip\",7]"), Customer.class, "$.tags[1]", "expected a string"),
        Arguments.of(customer(",\"contacts\":[]"), Customer.class, "$.contacts", "expected a valid ContactPoints"),
        Arguments.of(customer(",\"owner\":{}"), Customer.class, "$.owner", "expected a valid AgentId"),
        Arguments.of("{\"id\":\"A-1\",\"kind\":\"QUEUE\",\"displayName\":\"Q\",\"active\":\"true\"}", Agent.class,
            "$.active", "expected true or false"),
        Arguments.of("{\"id\":\"A-1\",\"kind\":\"QUEUE\",\"displayName\":\"Q\",\"weight\":\"2\"}", Agent.class,
            "$.weight", "expected a number"),
        Arguments.of("[]", Customer.class, "$", "expected a valid Customer"),
        Arguments.of("\"C-1\"", PersonName.class, "$", "expected a valid PersonName"));
  }

  @ParameterizedTest(name = "{2}: {3}")
  @MethodSource("wrongTypes")
  void wrongTypesAreRefusedAtTheirPath(String json, Class<?> type, String path, String problem) {
    assertError(error(json, type), path, problem);
  }

  // validation failures

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of(opportunity("\"EUR\"", "\"EUX\""), Opportunity.class, "$.amount",
            "Money.currency must be an ISO 4217 currency code, was 'EUX'"),
        Arguments.of(opportunity("\"1000\"", "\"1,000\""), Opportunity.class, "$.amount",
            "Money.amount must be a decimal number such as 12.50"),
        Arguments.of(opportunity("\"1000\"", "\"0.0000000000001\""), Opportunity.class, "$.amount",
            "Money.amount must have at most 12 decimal places, had 13"),
        Arguments.of(opportunity("\"Fleet\"", "\" \""), Opportunity.class, "$", "Opportunity.name must not be blank"),
        Arguments.of(opportunity("0.25", "1.5"), Opportunity.class, "$",
            "Opportunity.probability must be between 0.0 and 1.0, was 1.5"),
        Arguments.of(opportunity("\"createdAt\"", "\"lineItems\":[{\"product\":\"P-1\",\"quantity\":1,"
            + "\"unitPrice\":{\"amount\":\"1\",\"currency\":\"EUR\"}},{\"product\":\"P-1\",\"quantity\":0,"
            + "\"unitPrice\":{\"amount\":\"1\",\"currency\":\"EUR\"}}],\"createdAt\""), Opportunity.class,
            "$.lineItems[1]", "LineItem.quantity must be positive, was 0"),
        Arguments.of(opportunity("\"createdAt\"", "\"lineItems\":[{\"product\":\"P-1\",\"quantity\":1,"
            + "\"unitPrice\":{\"amount\":\"1\",\"currency\":\"USD\"}}],\"createdAt\""), Opportunity.class,
            "$", "currency mismatch in Opportunity.lineItems: expected EUR, actual USD"),
        Arguments.of(customer(",\"contacts\":{\"emails\":[\"ada@example.com\",\"ada.example.com\"]}"), Customer.class,
            "$.contacts.emails[1]", "EmailAddress must contain exactly one '@'"),
        Arguments.of(customer(",\"contacts\":{\"phones\":[\"13800138000\"]}"), Customer.class,
            "$.contacts.phones[0]", "PhoneNumber must start with '+' or '00' and a country calling code; use "
                + "parse(number, callingCode) for national numbers"),
        Arguments.of(customer(",\"contacts\":{\"addresses\":[{\"countryCode\":\"cn\"}]}"), Customer.class,
            "$.contacts.addresses[0]", "PostalAddress.countryCode must be an upper-case ISO 3166-1 alpha-2 code such "
                + "as CN or DE, was 'cn'"),
        Arguments.of(customer(",\"personName\":{\"givenName\":\" \"}"), Customer.class, "$.personName",
            "PersonName.givenName must not be blank"),
        Arguments.of(customer(",\"personName\":{}"), Customer.class, "$.personName",
            "PersonName needs a givenName or a familyName"),
        Arguments.of(customer("").replace("\"PERSON\"", "\"ORGANIZATION\""), Customer.class, "$",
            "Customer.organizationName is required when kind is ORGANIZATION"),
        Arguments.of(customer(",\"id\":\" C-1\""), Customer.class, "$.id",
            "CustomerId must not start or end with whitespace, was ' C-1'"),
        Arguments.of(customer(",\"consents\":[{\"purpose\":\"Marketing\",\"grantedAt\":\"2024-05-01T08:00:00Z\"}]"),
            Customer.class, "$.consents[0]", "ConsentRecord.purpose must be a lower-case token matching "
                + "[a-z0-9][a-z0-9_.:-]{0,63}, was 'Marketing'"),
        Arguments.of(customer(",\"attributes\":{\"discount\":{\"decimal\":0.25}}"), Customer.class,
            "$.attributes.discount", "attribute value must be a decimal string such as \"0.25\""),
        Arguments.of(customer(",\"attributes\":{\"discount\":{\"decimal\":\"a quarter\"}}"), Customer.class,
            "$.attributes.discount", "a decimal attribute value must be a decimal string such as \"0.25\""),
        Arguments.of(customer(",\"attributes\":{\"since\":{\"date\":\"2024-02-30\"}}"), Customer.class,
            "$.attributes.since", "invalid date attribute value: not an ISO-8601 date"),
        Arguments.of(customer(",\"attributes\":{\"n\":{\"long\":9223372036854775808}}"), Customer.class,
            "$.attributes.n", "a long attribute value must fit in 64 bits"),
        Arguments.of(customer(",\"attributes\":{\"n\":{\"long\":1,\"string\":\"a\"}}"), Customer.class,
            "$.attributes.n", "an attribute value has exactly one member; expected an attribute value such as "
                + "{\"string\": \"gold\"}, {\"long\": 3}, {\"decimal\": \"0.25\"}, {\"boolean\": true}, "
                + "{\"date\": \"2024-05-01\"}, {\"instant\": \"2024-05-01T08:00:00Z\"} or {\"strings\": [\"a\"]}"),
        Arguments.of(customer(",\"attributes\":{\"n\":{\"uuid\":\"x\"}}"), Customer.class,
            "$.attributes.n", "unknown attribute type 'uuid'; expected an attribute value such as "
                + "{\"string\": \"gold\"}, {\"long\": 3}, {\"decimal\": \"0.25\"}, {\"boolean\": true}, "
                + "{\"date\": \"2024-05-01\"}, {\"instant\": \"2024-05-01T08:00:00Z\"} or {\"strings\": [\"a\"]}"),
        Arguments.of(customer(",\"attributes\":{\"loyalty tier\":{\"string\":\"gold\"}}"), Customer.class,
            "$", "Customer.attributes key must match [A-Za-z][A-Za-z0-9_.-]{0,63}, was 'loyalty tier'"),
        Arguments.of("{\"zone\":\"Asia/Shanghai\","
            + "\"hours\":[{\"day\":\"MONDAY\",\"start\":\"19:00\",\"end\":\"18:00\"}]}",
            WorkingCalendar.class, "$.hours[0]",
            "WorkingHours.start must be before end, was 19:00 >= 18:00 on MONDAY"),
        Arguments.of("{\"zone\":\"Mars/Olympus\"}", WorkingCalendar.class, "$.zone",
            "expected a valid ZoneId"));
  }

  @ParameterizedTest(name = "{2}: {3}")
  @MethodSource("invalidValues")
  void validationFailuresNameThePathAndCarryTheValidationMessage(String json, Class<?> type, String path,
      String problem) {
    assertError(error(json, type), path, problem);
  }

  // missing and null values

  @Test
  void missingRequiredPropertiesAreNamed() {
    assertError(error("{\"id\":\"C-1\",\"kind\":\"PERSON\",\"personName\":{\"givenName\":\"Ada\"}}", Customer.class),
        "$", "Cannot build Customer, some of required attributes are not set [createdAt]");
    assertError(error("{}", Customer.class), "$",
        "Cannot build Customer, some of required attributes are not set [id, kind, createdAt]");
    assertError(error(opportunity(",\"probability\":0.25", ""), Opportunity.class), "$",
        "Cannot build Opportunity, some of required attributes are not set [probability]");
    assertError(error(opportunity("{\"amount\":\"1000\",\"currency\":\"EUR\"}", "{\"amount\":\"1000\"}"),
        Opportunity.class), "$.amount", "Money.currency is required");
    assertError(error(opportunity("{\"amount\":\"1000\",\"currency\":\"EUR\"}", "{\"currency\":\"EUR\"}"),
        Opportunity.class), "$.amount", "Money.amount is required");
  }

  @Test
  void nullForARequiredValueIsRefused() {
    assertError(error(opportunity("\"Fleet\"", "null"), Opportunity.class), "$",
        "Cannot build Opportunity, some of required attributes are not set [name]");
    assertError(error(opportunity("0.25", "null"), Opportunity.class), "$.probability", "null is not allowed here");
    assertError(error("{\"emails\":[null]}", ContactPoints.class), "$", "null is not allowed for emails element");
  }

  @Test
  void nullAsTheWholeDocumentIsRefused() {
    CrmJsonException e = error("null", Customer.class);
    assertThat(e.path()).isEqualTo("$");
    assertThat(e.problem()).isEqualTo("null is not allowed here");
    assertThat(e.getMessage()).isEqualTo("invalid JSON at $: null is not allowed here");
    assertThat(e.line()).isEmpty();
    assertThat(e.column()).isEmpty();
    assertThat(error(" null ", AttributeValue.class).problem()).isEqualTo("null is not allowed here");
    assertThatThrownBy(() -> CrmJson.standard().read(new StringReader("null"), Customer.class))
        .isInstanceOf(CrmJsonException.class).hasMessage("invalid JSON at $: null is not allowed here");
    assertThatThrownBy(() -> CrmJson.standard().read(
        new ByteArrayInputStream("null".getBytes(StandardCharsets.UTF_8)), Customer.class))
        .isInstanceOf(CrmJsonException.class).hasMessage("invalid JSON at $: null is not allowed here");
  }

  @Test
  void emptyInputIsRefused() {
    CrmJsonException e = error("", Customer.class);
    assertThat(e.path()).isEqualTo("$");
    assertThat(e.problem()).isEqualTo("expected a valid Customer");
  }

  // malformed JSON

  @Test
  void malformedJsonNamesLineAndColumn() {
    CrmJsonException e = error("{\"id\": \"C-1\",\n  \"kind\": }", Customer.class);
    assertThat(e.problem()).isEqualTo("malformed JSON");
    assertThat(e.path()).isEqualTo("$");
    assertThat(e.line()).hasValue(2);
    assertThat(e.column()).isPresent();
    assertThat(e.column().getAsInt()).isBetween(10, 12);
    assertThat(e.getMessage()).matches("invalid JSON at \\$ \\(line 2, column 1[0-2]\\): malformed JSON");
  }

  static Stream<Arguments> malformedDocuments() {
    return Stream.of(
        Arguments.of("{\"id\":\"C-1\"", 1),
        Arguments.of("{\"id\":C-1}", 1),
        Arguments.of("{\"id\":\"C-1\",}", 1),
        Arguments.of("{'id':'C-1'}", 1),
        Arguments.of(customer("").replace("{\"givenName\":\"Ada\"}", "{\"givenName\":\"Ada\",}"), 1),
        Arguments.of(customer("").replace("{\"givenName\":\"Ada\"}", "{\"givenName\":Ada}"), 1),
        Arguments.of(customer("").replace("\"Ada\"", "\"A\u0001da\""), 1),
        Arguments.of(customer("").replace("\"Ada\"", "\"A\\qda\""), 1),
        Arguments.of(customer(",\n\"contacts\":{\"emails\":[\"a@b.cn\" \"c@d.cn\"]}"), 2),
        Arguments.of(customer(",\n\n\"personName\":{\"givenName\":\"Ada"), 3),
        Arguments.of(customer("").substring(0, 60), 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedDocuments")
  void malformedJsonAnywhereIsReportedAsMalformed(String json, int line) {
    CrmJsonException e = error(json, Customer.class);
    assertThat(e.problem()).isEqualTo("malformed JSON");
    assertThat(e.line()).hasValue(line);
    assertThat(e.column()).isPresent();
    assertThat(e.column().getAsInt()).isPositive();
  }

  @Test
  void trailingContentIsRefused() {
    assertError(error(customer("") + " {}", Customer.class), "$", "unexpected content after the JSON value");
    assertError(error(customer("") + "\n1", Customer.class), "$", "unexpected content after the JSON value");
    assertError(error("\"C-1\" \"C-2\"", CustomerId.class), "$", "unexpected content after the JSON value");
    assertThat(error(customer("") + " x", Customer.class).problem()).isEqualTo("malformed JSON");
    assertThat(error(customer("") + "}", Customer.class).problem()).isEqualTo("malformed JSON");
  }

  // lists

  @Test
  void readListNamesTheIndexOfTheBadElement() {
    String ok = opportunity("", "");
    String bad = opportunity("\"EUR\"", "\"EUX\"");
    try {
      CrmJson.standard().readList("[" + ok + ",\n" + ok + ",\n" + bad + "]", Opportunity.class);
      throw new AssertionError("expected a CrmJsonException");
    } catch (CrmJsonException e) {
      assertThat(e.path()).isEqualTo("$[2].amount").contains("[2]");
      assertThat(e.problem()).isEqualTo("Money.currency must be an ISO 4217 currency code, was 'EUX'");
      assertThat(e.line()).hasValue(3);
    }
  }

  @Test
  void readListRefusesNullsAndNonArrays() {
    assertThat(listError("null", "$").problem()).isEqualTo("null is not allowed here");
    assertThat(listError("[\"C-1\",null]", "$[1]").problem()).isEqualTo("null is not allowed here");
    assertThat(listError("{}", "$").problem()).isEqualTo("expected an array");
    assertThat(listError("[\"C-1\",\" C-2\"]", "$[1]").problem())
        .isEqualTo("CustomerId must not start or end with whitespace, was ' C-2'");
    assertThat(listError("[\"C-1\"] [", "$").problem()).isEqualTo("unexpected content after the JSON value");
    assertThat(CrmJson.standard().readList("[\"C-1\",\"C-2\"]", CustomerId.class))
        .containsExactly(CustomerId.of("C-1"), CustomerId.of("C-2"));
  }

  private static CrmJsonException listError(String json, String path) {
    try {
      CrmJson.standard().readList(json, CustomerId.class);
      throw new AssertionError("expected a CrmJsonException for " + json);
    } catch (CrmJsonException e) {
      assertThat(e.path()).isEqualTo(path);
      return e;
    }
  }
}
