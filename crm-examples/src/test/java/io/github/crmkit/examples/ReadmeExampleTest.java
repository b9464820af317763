package io.github.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.model.ConsentRecord;
import io.github.crmkit.model.ContactPoints;
import io.github.crmkit.model.CurrencyMismatchException;
import io.github.crmkit.model.Customer;
import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.CustomerKind;
import io.github.crmkit.model.EmailAddress;
import io.github.crmkit.model.Money;
import io.github.crmkit.model.PersonName;
import io.github.crmkit.model.PhoneNumber;
import io.github.crmkit.model.json.CrmJson;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The embedding example of README.md, line for line, with what the README says about it. */
class ReadmeExampleTest {
  @Test
  void theReadmeExampleDoesWhatTheReadmeSays() {
    Customer customer = Customer.builder()
        .id(CustomerId.of("C-1001"))
        .kind(CustomerKind.PERSON)
        .personName(PersonName.parseChinese("欧阳娜娜"))
        .contacts(ContactPoints.builder()
            .addEmail(EmailAddress.of("nana@example.com"))
            .addPhone(PhoneNumber.parse("138 0013 8000", "86"))
            .build())
        .createdAt(Instant.parse("2024-05-01T08:00:00Z"))
        .addConsent(ConsentRecord.granted("marketing.email", Instant.parse("2024-05-01T08:00:00Z")))
        .putAttribute("tier", AttributeValue.ofString("gold"))
        .build();

    assertThat(customer.personName().orElseThrow().familyName()).contains("欧阳");
    assertThat(customer.personName().orElseThrow().givenName()).contains("娜娜");
    assertThat(customer.contacts().phones().get(0).value()).isEqualTo("+8613800138000");
    assertThat(customer.toString()).startsWith("Customer{id=C-1001, kind=PERSON, personName=***, contacts=***,")
        .doesNotContain("nana").doesNotContain("欧阳");

    String json = CrmJson.standard().write(customer);
    Customer back = CrmJson.standard().read(json, Customer.class);
    assertThat(back).isEqualTo(customer);
    Customer moved = customer.toBuilder().owner(AgentId.of("A-7")).build();
    assertThat(moved.owner()).isEqualTo(Optional.of(AgentId.of("A-7")));
    assertThat(customer.owner()).isEmpty();

    Money total = Money.of("12.50", "EUR").plus(Money.of("0.125", "EUR"));
    assertThat(total.toString()).isEqualTo("12.625 EUR");
    assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
        .isInstanceOf(CurrencyMismatchException.class);
  }
}
