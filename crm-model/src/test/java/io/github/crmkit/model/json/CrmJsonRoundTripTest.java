package io.github.crmkit.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.ContactPoints;
import io.github.crmkit.model.Customer;
import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.DomainEvent;
import io.github.crmkit.model.EmailAddress;
import io.github.crmkit.model.Feedback;
import io.github.crmkit.model.Interaction;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.Money;
import io.github.crmkit.model.Opportunity;
import io.github.crmkit.model.PersonName;
import io.github.crmkit.model.PhoneNumber;
import io.github.crmkit.model.Product;
import io.github.crmkit.model.ProductGroup;
import io.github.crmkit.model.ServiceTicket;
import io.github.crmkit.model.Team;
import io.github.crmkit.model.Territory;
import io.github.crmkit.model.Transaction;
import io.github.crmkit.model.WorkingCalendar;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every aggregate, written and read back, equals itself; written JSON is stable. */
class CrmJsonRoundTripTest {
  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of("Customer", Customer.class, Examples.customer()),
        Arguments.of("Customer (organisation)", Customer.class, Examples.organization()),
        Arguments.of("Lead", Lead.class, Examples.lead()),
        Arguments.of("Opportunity", Opportunity.class, Examples.opportunity()),
        Arguments.of("Transaction (sale)", Transaction.class, Examples.sale()),
        Arguments.of("Transaction (return)", Transaction.class, Examples.saleReturn()),
        Arguments.of("Transaction (cancellation)", Transaction.class, Examples.cancellation()),
        Arguments.of("Interaction", Interaction.class, Examples.interaction()),
        Arguments.of("Feedback", Feedback.class, Examples.feedback()),
        Arguments.of("ServiceTicket", ServiceTicket.class, Examples.ticket()),
        Arguments.of("Agent", Agent.class, Examples.agent()),
        Arguments.of("Team", Team.class, Examples.team()),
        Arguments.of("Territory", Territory.class, Examples.territory()),
        Arguments.of("Product", Product.class, Examples.product()),
        Arguments.of("ProductGroup", ProductGroup.class, Examples.productGroup()),
        Arguments.of("DomainEvent", DomainEvent.class, Examples.event()),
        Arguments.of("ContactPoints", ContactPoints.class, Examples.contacts()),
        Arguments.of("Capacity", Capacity.class, Examples.agent().capacity()),
        Arguments.of("WorkingCalendar", WorkingCalendar.class, Examples.agent().calendar().orElseThrow()),
        Arguments.of("Money", Money.class, Money.of("0.125", "EUR")),
        Arguments.of("CustomerId", CustomerId.class, CustomerId.of("客户-42")),
        Arguments.of("EmailAddress", EmailAddress.class, EmailAddress.of("nana@例子.中国")),
        Arguments.of("PhoneNumber", PhoneNumber.class, PhoneNumber.of("+8613800138000")),
        Arguments.of("PersonName", PersonName.class, PersonName.parseChinese("阿依古丽·买买提")),
        Arguments.of("AttributeValue", AttributeValue.class, AttributeValue.ofDate(LocalDate.of(2024, 2, 29))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void readingWhatWasWrittenGivesAnEqualValue(String name, Class<?> type, Object value) {
    String json = CrmJson.standard().write(value);
    Object back = CrmJson.standard().read(json, type);
    assertThat(back).isEqualTo(value);
    assertThat(CrmJson.standard().write(back)).as("stable output").isEqualTo(json);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void prettyJsonReadsBackToo(String name, Class<?> type, Object value) {
    String json = CrmJson.pretty().write(value);
    assertThat(json.startsWith("\"") || json.contains("\n")).as("objects are indented: %s", json).isTrue();
    assertThat(CrmJson.standard().read(json, type)).isEqualTo(value);
    assertThat(CrmJson.pretty().read(CrmJson.standard().write(value), type)).isEqualTo(value);
  }

  @Test
  void theFullCustomerKeepsEveryPart() {
    Customer back = CrmJson.standard().read(CrmJson.standard().write(Examples.customer()), Customer.class);
    assertThat(back.contacts().emails()).hasSize(2);
    assertThat(back.contacts().addresses().get(0).lines()).containsExactly("天童南路 588 号", "3 楼");
    assertThat(back.consents()).hasSize(3);
    assertThat(back.attributes()).hasSize(8);
    assertThat(back.attribute("lastLogin").map(AttributeValue::asInstant).map(Object::toString))
        .contains("2024-05-02T10:15:30.123456789Z");
    assertThat(back.attribute("visits").map(AttributeValue::asLong)).contains(-9_007_199_254_740_993L);
    assertThat(back.decimalAttribute("discount").map(Object::toString)).contains("0.250");
    assertThat(back.personName().map(PersonName::displayName)).contains("欧阳娜娜");
    assertThat(back.hasConsent("marketing.email", Examples.T0)).isTrue();
  }

  @Test
  void readsFromStreamsAndReaders() {
    String json = CrmJson.standard().write(Examples.lead());
    assertThat(CrmJson.standard().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Lead.class))
        .isEqualTo(Examples.lead());
    assertThat(CrmJson.standard().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_16)), Lead.class))
        .isEqualTo(Examples.lead());
    assertThat(CrmJson.standard().read(new StringReader(json), Lead.class)).isEqualTo(Examples.lead());
  }

  @Test
  void listsRoundTrip() {
    List<Customer> customers = List.of(Examples.customer(), Examples.organization());
    String json = CrmJson.standard().write(customers);
    assertThat(json).startsWith("[{").endsWith("}]");
    List<Customer> back = CrmJson.standard().readList(json, Customer.class);
    assertThat(back).containsExactlyElementsOf(customers);
    assertThat(CrmJson.standard().readList("[]", Customer.class)).isEmpty();
  }
}
