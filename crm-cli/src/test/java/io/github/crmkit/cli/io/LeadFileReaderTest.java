package io.github.crmkit.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadRating;
import io.github.crmkit.model.ProductGroupId;
import io.github.crmkit.model.ProductId;
import io.github.crmkit.model.TerritoryId;
import io.github.crmkit.model.json.CrmJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadFileReaderTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @TempDir
  Path dir;

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  @Test
  void readsEveryColumnTypedAttributesQuotesAndAByteOrderMark() throws IOException {
    String csv = "territory,product_group_interest,lead_id,received_at,source,campaign,rating,score,country,"
        + "province,city,company,product_interest,budget:long,ratio:decimal,vip:boolean,since:date,tier\r\n"
        + "T-SZ,G-PUMPS; G-HVAC,L-1,2026-03-02T09:15,web-form,spring,HOT,91.5,CN,广东省,深圳市,"
        + "\"Acme, \"\"Pumps\"\" Ltd\",PUMPS-1;PUMPS-2,120000,0.25,true,2025-12-01,gold\r\n"
        + "\r\n"
        + ",,L-2,2026-03-02T01:15:00Z,partner,,,,,,,,,,,,,\r\n";
    byte[] body = csv.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    List<Lead> leads = LeadFileReader.read(write("leads.csv", withBom), SHANGHAI);

    assertThat(leads).hasSize(2);
    Lead first = leads.get(0);
    assertThat(first.id().value()).isEqualTo("L-1");
    // 09:15 in Shanghai (UTC+8) is 01:15 UTC
    assertThat(first.receivedAt()).isEqualTo(Instant.parse("2026-03-02T01:15:00Z"));
    assertThat(first.sourceChannel()).isEqualTo("web-form");
    assertThat(first.campaign()).contains("spring");
    assertThat(first.rating()).contains(LeadRating.HOT);
    assertThat(first.score().getAsDouble()).isEqualTo(91.5);
    assertThat(first.countryCode()).contains("CN");
    assertThat(first.region()).contains("广东省");
    assertThat(first.city()).contains("深圳市");
    assertThat(first.company()).contains("Acme, \"Pumps\" Ltd");
    assertThat(first.territory()).contains(TerritoryId.of("T-SZ"));
    assertThat(first.productInterests()).containsExactly(ProductId.of("PUMPS-1"), ProductId.of("PUMPS-2"));
    assertThat(first.productGroupInterests()).containsExactly(ProductGroupId.of("G-HVAC"),
        ProductGroupId.of("G-PUMPS"));
    assertThat(first.attributes()).containsEntry("budget", AttributeValue.ofLong(120_000))
        .containsEntry("ratio", AttributeValue.ofDecimal(new BigDecimal("0.25")))
        .containsEntry("vip", AttributeValue.ofBoolean(true))
        .containsEntry("since", AttributeValue.ofDate(LocalDate.of(2025, 12, 1)))
        .containsEntry("tier", AttributeValue.ofString("gold")).hasSize(5);

    Lead second = leads.get(1);
    assertThat(second.receivedAt()).isEqualTo(Instant.parse("2026-03-02T01:15:00Z"));
    assertThat(second.campaign()).isEmpty();
    assertThat(second.rating()).isEmpty();
    assertThat(second.score()).isEmpty();
    assertThat(second.region()).isEmpty();
    assertThat(second.productInterests()).isEmpty();
    assertThat(second.attributes()).isEmpty();

    // the same leads as JSON read back equal
    Path json = write("leads.json", CrmJson.standard().write(leads).getBytes(StandardCharsets.UTF_8));
    assertThat(LeadFileReader.read(json, SHANGHAI)).isEqualTo(leads);
  }

  @Test
  void refusesWhatItCannotReadNamingThePositionButNotTheValue() throws IOException {
    String header = "lead_id,received_at,source,company\n";
    Path unclosed = write("a.csv", (header + "L-1,2026-03-02T09:15Z,web,\"Acme\n").getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> LeadFileReader.read(unclosed, SHANGHAI)).isInstanceOf(LeadFileException.class)
        .hasMessageStartingWith(unclosed + ":2:4: ");
    Path badToken = write("b.csv", (header + "L-1,2026-03-02T09:15Z,Web Form,\n").getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> LeadFileReader.read(badToken, SHANGHAI))
        .hasMessageStartingWith(badToken + ":2:3: source: Lead.sourceChannel must be a lower-case token");
    Path control = write("c.csv", (header + "L-1,2026-03-02T09:15Z,web,Secret\u0007Name\n")
        .getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> LeadFileReader.read(control, SHANGHAI))
        .hasMessageStartingWith(control + ":2:4: company: Lead.company must not contain control characters")
        .hasMessageNotContaining("Secret");
    Path badType = write("d.csv", "lead_id,received_at,source,x:money\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> LeadFileReader.read(badType, SHANGHAI)).hasMessage(badType
        + ":1:4: column 'x:money': unknown attribute type, expected string, long, decimal, boolean or date");
    Path empty = write("e.csv", new byte[0]);
    assertThatThrownBy(() -> LeadFileReader.read(empty, SHANGHAI)).hasMessageStartingWith(empty + ":1: empty file");
    Path other = write("f.txt", header.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> LeadFileReader.read(other, SHANGHAI))
        .hasMessage(other + ": a lead file must end in .csv or .json");
    Path duplicate = write("g.json", ("[{\"id\": \"L-1\", \"sourceChannel\": \"web\", \"receivedAt\": "
        + "\"2026-03-02T01:15:00Z\"}, {\"id\": \"L-1\", \"sourceChannel\": \"web\", \"receivedAt\": "
        + "\"2026-03-02T01:16:00Z\"}]").getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> LeadFileReader.read(duplicate, SHANGHAI))
        .hasMessage(duplicate + ": duplicate lead id at $[1].id (first at $[0].id)");
  }
}
