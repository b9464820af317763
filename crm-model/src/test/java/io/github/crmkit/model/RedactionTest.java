package io.github.crmkit.model;

import static io.github.crmkit.model.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Personal data never leaks: no {@code toString()} shows it, and no validation message repeats a personal input.
 * Every value below is built from distinctive marker strings that must not appear anywhere in the output.
 */
class RedactionTest {
  private static final String NAME = "Zhang-Wei-PII";
  private static final String FAMILY = "Lovelace-PII";
  private static final String EMAIL = "secret.person@example.com";
  private static final String PHONE = "+8613800138000";
  private static final String STREET = "宁波市鄞州区PII路 88 号";
  private static final String DISTRICT = "鄞州区PII";
  private static final String POSTAL_CODE = "315100-PII";
  private static final String HANDLE = "wxid-PII-88";
  private static final String FREE_TEXT = "Mr Zhang-Wei-PII says call +8613800138000";

  /** Every form in which the markers might show. */
  private static final List<String> MARKERS = List.of(
      "PII", "Zhang", "Lovelace", "secret", "person@", "example.com", "8613800138000", "13800138000", "鄞州区",
      "315100", "宁波市鄞州区", "wxid");

  private static ContactPoints contacts() {
    return ContactPoints.builder()
        .addEmail(EmailAddress.of(EMAIL))
        .addPhone(PhoneNumber.of(PHONE))
        .addAddress(address())
        .addSocialHandle(SocialHandle.of("wechat", HANDLE))
        .build();
  }

  private static PostalAddress address() {
    return PostalAddress.builder().countryCode("CN").region("浙江省").city("宁波市").district(DISTRICT)
        .postalCode(POSTAL_CODE).addLine(STREET).build();
  }

  private static PersonName name() {
    return PersonName.of(NAME, FAMILY);
  }

  static Stream<Arguments> personalValues() {
    return Stream.of(
        Arguments.of("EmailAddress", EmailAddress.of(EMAIL)),
        Arguments.of("PhoneNumber", PhoneNumber.of(PHONE)),
        Arguments.of("PostalAddress", address()),
        Arguments.of("SocialHandle", SocialHandle.of("wechat", HANDLE)),
        Arguments.of("PersonName", name()),
        Arguments.of("PersonName (Chinese)", PersonName.familyFirst("鄞州区PII", "宁波市鄞州区")),
        Arguments.of("ContactPoints", contacts()),
        Arguments.of("Customer", Fixtures.person().personName(name()).contacts(contacts())
            .putAttribute("nickname", AttributeValue.ofString(NAME)).build()),
        Arguments.of("Customer (organisation contact)", Customer.builder().id(CustomerId.of("C-9"))
            .kind(CustomerKind.ORGANIZATION).organizationName(OrganizationName.of("ACME Pumps GmbH"))
            .personName(name()).contacts(contacts()).createdAt(T0).build()),
        Arguments.of("Lead", Fixtures.lead().personName(name()).contacts(contacts()).build()),
        Arguments.of("Agent", Fixtures.agent().displayName(NAME).build()),
        Arguments.of("Interaction", Fixtures.interaction().summary(FREE_TEXT).build()),
        Arguments.of("Feedback", Fixtures.feedback().comment(FREE_TEXT).build()),
        Arguments.of("ServiceTicket", Fixtures.ticket().subject(FREE_TEXT).build()),
        Arguments.of("AttributeValue (string)", AttributeValue.ofString(FREE_TEXT)),
        Arguments.of("AttributeValue (strings)", AttributeValue.ofStrings(List.of(EMAIL, PHONE))),
        Arguments.of("AttributeValue (date)", AttributeValue.ofDate(LocalDate.of(1985, 7, 14))),
        Arguments.of("DomainEvent", DomainEvent.builder().eventId("E-1").type("lead.assigned").occurredAt(T0)
            .aggregateType("lead").aggregateId("L-1").putAttribute("note", AttributeValue.ofString(FREE_TEXT))
            .build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("personalValues")
  void toStringNeverShowsPersonalData(String type, Object value) {
    String text = value.toString();
    for (String marker : MARKERS) {
      assertThat(text).as("%s.toString()", type).doesNotContain(marker);
    }
    assertThat(text).as("%s.toString()", type).doesNotContain("1985").contains("***");
  }

  @Test
  void nonPersonalPartsStayVisible() {
    String customer = Fixtures.person().personName(name()).contacts(contacts()).owner(AgentId.of("A-7"))
        .addTag("vip").build().toString();
    assertThat(customer).contains("C-1").contains("PERSON").contains("A-7").contains("vip");
    assertThat(Fixtures.agent().displayName(NAME).build().toString()).contains("A-1").contains("SALES_REP");
  }

  static Stream<Arguments> personalInputs() {
    String tooLong = NAME + "x".repeat(300);
    String withControl = NAME + "\u0007";
    String multiLine = NAME + "\n" + NAME;
    return Stream.of(
        Arguments.of("bad email", (Invalid.Action) () -> EmailAddress.of("secret.person.PII@example")),
        Arguments.of("email with two @", (Invalid.Action) () -> EmailAddress.of("secret.person@PII@example.com")),
        Arguments.of("overlong email",
            (Invalid.Action) () -> EmailAddress.of("secret.PII@" + "x".repeat(260) + ".com")),
        Arguments.of("national phone", (Invalid.Action) () -> PhoneNumber.of("13800138000")),
        Arguments.of("phone with letters", (Invalid.Action) () -> PhoneNumber.of("+86 138 0013 8000 PII")),
        Arguments.of("overlong phone", (Invalid.Action) () -> PhoneNumber.parse("13800138000 13800138000", "86")),
        Arguments.of("non-Han Chinese name", (Invalid.Action) () -> PersonName.parseChinese(NAME)),
        Arguments.of("overlong given name", (Invalid.Action) () -> PersonName.of(tooLong, "Lovelace")),
        Arguments.of("control character in a family name", (Invalid.Action) () -> PersonName.of("Ada", withControl)),
        Arguments.of("line break in a name", (Invalid.Action) () -> PersonName.of(multiLine, "Lovelace")),
        Arguments.of("blank-padded name", (Invalid.Action) () -> PersonName.of(" " + NAME, "Lovelace")),
        Arguments.of("overlong handle", (Invalid.Action) () -> SocialHandle.of("wechat", tooLong)),
        Arguments.of("overlong street line", (Invalid.Action) () -> PostalAddress.builder().countryCode("CN")
            .addLine(tooLong).build()),
        Arguments.of("control character in a district", (Invalid.Action) () -> PostalAddress.builder().countryCode("CN")
            .district(withControl).build()),
        Arguments.of("overlong postal code", (Invalid.Action) () -> PostalAddress.builder().countryCode("CN")
            .postalCode(POSTAL_CODE + POSTAL_CODE + POSTAL_CODE).build()),
        Arguments.of("overlong agent name", (Invalid.Action) () -> Fixtures.agent().displayName(tooLong).build()),
        Arguments.of("multi-line agent name", (Invalid.Action) () -> Fixtures.agent().displayName(multiLine).build()),
        Arguments.of("control character in a summary", (Invalid.Action) () -> Fixtures.interaction()
            .summary(withControl).build()),
        Arguments.of("overlong comment", (Invalid.Action) () -> Fixtures.feedback().comment(NAME.repeat(400)).build()),
        Arguments.of("multi-line subject", (Invalid.Action) () -> Fixtures.ticket().subject(multiLine).build()),
        Arguments.of("overlong attribute string", (Invalid.Action) () -> AttributeValue.ofString(NAME.repeat(400))),
        Arguments.of("overlong company", (Invalid.Action) () -> Fixtures.lead().company(tooLong).build()),
        Arguments.of("bad customer tag", (Invalid.Action) () -> Fixtures.person().addTag(multiLine).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("personalInputs")
  void validationMessagesNeverRepeatPersonalInput(String description, Invalid.Action action) {
    assertThatThrownBy(action::run).isInstanceOf(IllegalArgumentException.class).satisfies(e -> {
      for (String marker : MARKERS) {
        assertThat(e.getMessage()).as(description).doesNotContain(marker);
      }
    });
  }
}
