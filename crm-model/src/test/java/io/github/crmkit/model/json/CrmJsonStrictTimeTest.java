package io.github.crmkit.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.crmkit.model.Absence;
import io.github.crmkit.model.Interaction;
import io.github.crmkit.model.WorkingHours;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Times are ISO-8601 strings in the JSON contract: a number (epoch seconds, say) is refused, not guessed at. */
class CrmJsonStrictTimeTest {
  @Test
  void anInstantGivenAsANumberIsRefusedWithItsPath() {
    assertThatThrownBy(() -> CrmJson.standard().read("{\"from\":1714550400,\"until\":\"2024-05-02T00:00:00Z\"}",
        Absence.class))
        .isInstanceOfSatisfying(CrmJsonException.class, e -> {
          assertThat(e.path()).isEqualTo("$.from");
          assertThat(e.problem()).contains("ISO-8601");
        });
  }

  @Test
  void aDurationGivenAsANumberIsRefused() {
    String json = "{\"id\":\"I-1\",\"customer\":\"C-1\",\"channel\":\"CALL\",\"direction\":\"INBOUND\","
        + "\"outcome\":\"COMPLETED\",\"occurredAt\":\"2024-05-01T08:00:00Z\",\"duration\":300}";
    assertThatThrownBy(() -> CrmJson.standard().read(json, Interaction.class))
        .isInstanceOfSatisfying(CrmJsonException.class, e -> assertThat(e.path()).isEqualTo("$.duration"));
    Interaction ok = CrmJson.standard().read(json.replace("300", "\"PT5M\""), Interaction.class);
    assertThat(ok.duration()).contains(java.time.Duration.ofMinutes(5));
  }

  @Test
  void anUnparseableTimeNamesTheFieldButNotTheValue() {
    assertThatThrownBy(() -> CrmJson.standard().read("{\"day\":\"MONDAY\",\"start\":\"nine-ish\",\"end\":\"17:00\"}",
        WorkingHours.class))
        .isInstanceOfSatisfying(CrmJsonException.class, e -> {
          assertThat(e.path()).isEqualTo("$.start");
          assertThat(e.getMessage()).doesNotContain("nine-ish");
        });
  }

  @Test
  void aPlainMapperWithTheModuleIsStrictToo() throws Exception {
    JsonMapper mapper = JsonMapper.builder().addModule(new CrmJacksonModule()).build();
    assertThatThrownBy(() -> mapper.readValue("1714550400", Instant.class))
        .hasMessageContaining("ISO-8601");
    assertThat(mapper.readValue("\"2024-05-01T08:00:00Z\"", Instant.class))
        .isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
  }
}
