package io.github.crmkit.cli.io;

import static io.github.crmkit.cli.io.SharedData.distinctCustomerDays;
import static io.github.crmkit.cli.io.SharedData.maxDay;
import static io.github.crmkit.cli.io.SharedData.minDay;
import static io.github.crmkit.cli.io.SharedData.totalAmount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.crmkit.scoring.TransactionColumns;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CDNOW files (whitespace-separated, CRLF, leading blanks): expected values counted in the shell with awk (commands
 * next to them) and matching the data's README.
 */
class CdnowFilesTest {

  private static final int FIRST_DAY = (int) LocalDate.of(1997, 1, 1).toEpochDay();
  private static final int LAST_DAY = (int) LocalDate.of(1998, 6, 30).toEpochDay();

  @Test
  void masterHasAHeaderAndReadsCompletely() throws IOException {
    Path master = SharedData.require("cdnow/CDNOW_master.txt");
    // header " customer_id  date number_of_cds  dollar_value"
    TransactionFileFormat format = TransactionFileFormat.builder().delimiter("whitespace")
        .customer("customer_id").date("date").datePattern("yyyyMMdd").amount("dollar_value").strict(true).build();

    TransactionFileResult result = TransactionFileReader.read(List.of(master), format);

    TransactionColumns c = result.columns();
    // wc -l CDNOW_master.txt -> 69660 (1 header line + 69659 rows)
    assertThat(result.files()).containsExactly(new FileCount(master, 1_950_500, 69_660, 1, 0, 0, 69_659, 0));
    // awk 'NR>1{c[$1]=1} END{print length(c)}' CDNOW_master.txt -> 23570
    assertThat(c.customerCount()).isEqualTo(23_570);
    // awk 'NR>1{d[$1" "$2]=1} END{print length(d)}' CDNOW_master.txt -> 67591
    assertThat(distinctCustomerDays(c)).isEqualTo(67_591);
    // awk 'NR>1{s+=$4} END{printf "%.2f", s}' CDNOW_master.txt -> 2500315.63
    assertThat(totalAmount(c)).isEqualTo(2_500_315.63, within(0.005));
    // awk 'NR>1{sub(/\r$/,""); if ($4+0==0) z++} END{print z}' CDNOW_master.txt -> 80
    assertThat(countZero(c)).isEqualTo(80);
    // awk 'NR>1{print $2}' CDNOW_master.txt | sort | sed -n '1p;$p' -> 19970101, 19980630
    assertThat(minDay(c)).isEqualTo(FIRST_DAY);
    assertThat(maxDay(c)).isEqualTo(LAST_DAY);
    assertThat(c.customerId(c.customer(0))).isEqualTo("00001");
    assertThat(c.amount(0)).isEqualTo(11.77);
  }

  @Test
  void sampleHasNoHeaderAndIsReadByColumnIndex() throws IOException {
    Path sample = SharedData.require("cdnow/CDNOW_sample.txt");
    // columns: master id, sample id, date yyyyMMdd, number of CDs, dollars
    TransactionFileFormat format = TransactionFileFormat.builder().delimiter("whitespace").header(false)
        .customer("1").date("3").datePattern("yyyyMMdd").amount("5").build();

    TransactionFileResult result = TransactionFileReader.read(List.of(sample), format);

    TransactionColumns c = result.columns();
    // wc -l CDNOW_sample.txt -> 6919, no header
    assertThat(result.files()).containsExactly(new FileCount(sample, 228_327, 6_919, 0, 0, 0, 6_919, 0));
    // awk '{c[$1]=1} END{print length(c)}' CDNOW_sample.txt -> 2357
    assertThat(c.customerCount()).isEqualTo(2_357);
    // awk '{d[$1" "$3]=1} END{print length(d)}' CDNOW_sample.txt -> 6696
    assertThat(distinctCustomerDays(c)).isEqualTo(6_696);
    // awk '{s+=$5} END{printf "%.2f", s}' CDNOW_sample.txt -> 244091.94
    assertThat(totalAmount(c)).isEqualTo(244_091.94, within(0.005));
    assertThat(minDay(c)).isEqualTo(FIRST_DAY);
    assertThat(maxDay(c)).isEqualTo(LAST_DAY);
  }

  @Test
  void sampleIdsGiveTheSameCustomersAsMasterIds() throws IOException {
    Path sample = SharedData.require("cdnow/CDNOW_sample.txt");
    TransactionFileFormat bySampleId = TransactionFileFormat.builder().delimiter("whitespace").header(false)
        .customer(2).date(3).datePattern("yyyyMMdd").amount(5).build();
    // awk '{c[$2]=1} END{print length(c)}' CDNOW_sample.txt -> 2357
    assertThat(TransactionFileReader.read(List.of(sample), bySampleId).columns().customerCount()).isEqualTo(2_357);
  }

  private static int countZero(TransactionColumns c) {
    int n = 0;
    for (int i = 0; i < c.size(); i++) {
      if (c.amount(i) == 0) {
        n++;
      }
    }
    return n;
  }
}
