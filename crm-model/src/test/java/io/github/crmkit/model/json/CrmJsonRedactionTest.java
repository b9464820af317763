package io.github.crmkit.model.json;

import static io.github.crmkit.model.json.CrmJsonErrorTest.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.model.ContactPoints;
import io.github.crmkit.model.Customer;
import io.github.crmkit.model.EmailAddress;
import io.github.crmkit.model.Feedback;
import io.github.crmkit.model.Interaction;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.PersonName;
import io.github.crmkit.model.PhoneNumber;
import io.github.crmkit.model.ServiceTicket;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A {@link CrmJsonException} never repeats a personal value from the input. */
class CrmJsonRedactionTest {
  private static final List<String> MARKERS = List.of(
      "PII", "Zhang", "secret", "example.com", "8613800138000", "13800138000", "宁波市鄞州区");

  private static final String CUSTOMER = "{\"id\":\"C-1\",\"kind\":\"PERSON\",\"createdAt\":\"2024-05-01T08:00:00Z\","
      + "\"personName\":%s,\"contacts\":%s}";

  private static String customer(String personName, String contacts) {
    return String.format(CUSTOMER, personName, contacts);
  }

  static Stream<Arguments> badPersonalValues() {
    String name = "{\"givenName\":\"Zhang-Wei-PII\"}";
    return Stream.of(
        Arguments.of("invalid email", customer(name, "{\"emails\":[\"secret.person.PII@example\"]}"), Customer.class),
        Arguments.of("email with spaces", customer(name, "{\"emails\":[\"secret person@example.com\"]}"),
            Customer.class),
        Arguments.of("email as a number", "8613800138000", EmailAddress.class),
        Arguments.of("phone as a JSON number", customer(name, "{\"phones\":[8613800138000]}"), Customer.class),
        Arguments.of("national phone", customer(name, "{\"phones\":[\"13800138000\"]}"), Customer.class),
        Arguments.of("phone with letters", "\"+86 138 0013 8000 PII\"", PhoneNumber.class),
        Arguments.of("malformed document", "{\"givenName\": Zhang-Wei-PII}", PersonName.class),
        Arguments.of("malformed nested document", customer("{\"givenName\":\"Zhang-Wei-PII\",}", "{}"),
            Customer.class),
        Arguments.of("truncated document", customer(name, "{\"emails\":[\"secret.person@example.com"),
            Customer.class),
        Arguments.of("control character in a name", customer("{\"givenName\":\"Zhang-Wei-PII\\u0007\"}", "{}"),
            Customer.class),
        Arguments.of("overlong name", customer("{\"familyName\":\"" + "Zhang-Wei-PII".repeat(20) + "\"}", "{}"),
            Customer.class),
        Arguments.of("name as a number", customer("{\"givenName\":8613800138000}", "{}"), Customer.class),
        Arguments.of("multi-line street", customer(name, "{\"addresses\":[{\"countryCode\":\"CN\","
            + "\"lines\":[\"宁波市鄞州区PII路\\n1 号\"]}]}"), Customer.class),
        Arguments.of("overlong handle", "{\"socialHandles\":[{\"network\":\"wechat\",\"handle\":\""
            + "Zhang-Wei-PII".repeat(20) + "\"}]}", ContactPoints.class),
        Arguments.of("enum given a personal value", customer(name, "{}").replace("\"PERSON\"", "\"Zhang-Wei-PII\""),
            Customer.class),
        Arguments.of("instant given a personal value",
            customer(name, "{}").replace("\"2024-05-01T08:00:00Z\"", "\"secret.person@example.com\""),
            Customer.class),
        Arguments.of("overlong lead name", "{\"id\":\"L-1\",\"sourceChannel\":\"web\",\"receivedAt\":"
            + "\"2024-05-01T08:00:00Z\",\"personName\":{\"givenName\":\"" + "Zhang-Wei-PII".repeat(20) + "\"}}",
            Lead.class),
        Arguments.of("summary with surrounding space", "{\"id\":\"I-1\",\"customer\":\"C-1\",\"channel\":\"CALL\","
            + "\"direction\":\"INBOUND\",\"outcome\":\"COMPLETED\",\"occurredAt\":\"2024-05-01T08:00:00Z\","
            + "\"summary\":\" Zhang-Wei-PII +8613800138000\"}", Interaction.class),
        Arguments.of("comment with a control character", "{\"id\":\"F-1\",\"customer\":\"C-1\",\"receivedAt\":"
            + "\"2024-05-01T08:00:00Z\",\"comment\":\"Zhang-Wei-PII\\u0000\"}", Feedback.class),
        Arguments.of("multi-line subject", "{\"id\":\"K-1\",\"customer\":\"C-1\",\"category\":\"QUESTION\","
            + "\"openedAt\":\"2024-05-01T08:00:00Z\",\"subject\":\"Zhang-Wei-PII\\nsecret\"}", ServiceTicket.class),
        Arguments.of("attribute string too long", "{\"id\":\"C-1\",\"kind\":\"PERSON\",\"createdAt\":"
            + "\"2024-05-01T08:00:00Z\",\"personName\":{\"givenName\":\"Ada\"},\"attributes\":"
            + "{\"note\":{\"string\":\"" + "Zhang-Wei-PII".repeat(400) + "\"}}}", Customer.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPersonalValues")
  void errorsNeverRepeatPersonalValues(String description, String json, Class<?> type) {
    CrmJsonException e = error(json, type);
    for (String marker : MARKERS) {
      assertThat(e.getMessage()).as(description).doesNotContain(marker);
      assertThat(e.problem()).as(description).doesNotContain(marker);
      assertThat(e.path()).as(description).doesNotContain(marker);
    }
  }
}
