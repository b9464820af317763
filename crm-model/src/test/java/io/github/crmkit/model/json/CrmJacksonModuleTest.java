package io.github.crmkit.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.crmkit.model.Agent;
import io.github.crmkit.model.Customer;
import io.github.crmkit.model.Interaction;
import io.github.crmkit.model.Opportunity;
import io.github.crmkit.model.ServiceTicket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The module on a plain mapper of the host's own, with Jackson's defaults left alone. */
class CrmJacksonModuleTest {
  private final JsonMapper mapper = JsonMapper.builder().addModule(new CrmJacksonModule()).build();

  @Test
  void leavesTheMapperDefaultsAlone() {
    assertThat(mapper.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isTrue();
    assertThat(new CrmJacksonModule().getModuleName()).isEqualTo("crmkit");
    assertThat(new CrmJacksonModule().version().toString()).isEqualTo("0.1.0-SNAPSHOT");
  }

  @Test
  void writesTimesAsIsoStringsDespiteWriteDatesAsTimestamps() throws Exception {
    assertThat(mapper.writeValueAsString(Instant.parse("2024-05-01T08:00:00Z"))).isEqualTo("\"2024-05-01T08:00:00Z\"");
    assertThat(mapper.writeValueAsString(LocalDate.of(2024, 5, 1))).isEqualTo("\"2024-05-01\"");
    assertThat(mapper.writeValueAsString(LocalTime.of(9, 30))).isEqualTo("\"09:30\"");
    assertThat(mapper.writeValueAsString(Duration.ofMinutes(90))).isEqualTo("\"PT1H30M\"");
    assertThat(mapper.writeValueAsString(ZoneId.of("Asia/Shanghai"))).isEqualTo("\"Asia/Shanghai\"");
    String customer = mapper.writeValueAsString(Examples.customer());
    assertThat(customer).contains("\"createdAt\":\"2024-05-01T08:00:00Z\"")
        .contains("\"grantedAt\":\"2024-05-01T08:00:00Z\"")
        .contains("\"birthday\":{\"date\":\"1989-12-07\"}");
    assertThat(mapper.writeValueAsString(Examples.agent())).contains("\"holidays\":[\"2024-05-01\",\"2024-10-01\"]")
        .contains("\"start\":\"09:00\"").contains("\"zone\":\"Asia/Shanghai\"");
  }

  @Test
  void roundTripsAggregates() throws Exception {
    assertThat(mapper.readValue(mapper.writeValueAsString(Examples.customer()), Customer.class))
        .isEqualTo(Examples.customer());
    assertThat(mapper.readValue(mapper.writeValueAsString(Examples.organization()), Customer.class))
        .isEqualTo(Examples.organization());
    assertThat(mapper.readValue(mapper.writeValueAsString(Examples.agent()), Agent.class)).isEqualTo(Examples.agent());
    assertThat(mapper.readValue(mapper.writeValueAsString(Examples.interaction()), Interaction.class))
        .isEqualTo(Examples.interaction());
    assertThat(mapper.readValue(mapper.writeValueAsString(Examples.opportunity()), Opportunity.class))
        .isEqualTo(Examples.opportunity());
    assertThat(mapper.readValue(mapper.writeValueAsString(Examples.ticket()), ServiceTicket.class))
        .isEqualTo(Examples.ticket());
  }

  @Test
  void readsWhatCrmJsonWrites() throws Exception {
    assertThat(mapper.readValue(CrmJson.standard().write(Examples.customer()), Customer.class))
        .isEqualTo(Examples.customer());
    assertThat(CrmJson.standard().read(mapper.writeValueAsString(Examples.customer()), Customer.class))
        .isEqualTo(Examples.customer());
  }
}
