package io.github.crmkit.cli.io;

import static io.github.crmkit.cli.io.SharedData.maxDay;
import static io.github.crmkit.cli.io.SharedData.minDay;
import static io.github.crmkit.cli.io.SharedData.totalAmount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.crmkit.scoring.RejectedRow;
import io.github.crmkit.scoring.TransactionColumns;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 305 daily files of UCI Online Retail, read as one data set, with the usual cleaning reported row by row (see
 * {@link TransactionFileReader}): rows without a customer are rejected, invoices starting with {@code C} are
 * cancellations, the amount is quantity times unit price and the invoice is the order.
 *
 * <p>Expected values were counted in the shell (commands next to them; Description may hold quoted commas, so awk
 * takes the later fields from the end of the line) and, where it gives them, match the data's README: 541,909 rows,
 * 406,829 with a customer, 4,372 customers, 9,288 cancellation rows and 10,624 with a negative quantity in all.
 */
class OnlineRetailFilesTest {

  private static final TransactionFileFormat ONLINE_RETAIL = TransactionFileFormat.builder()
      .customer("CustomerID").date("InvoiceDate").datePattern("yyyy-MM-dd HH:mm:ss")
      .quantity("Quantity").price("UnitPrice").order("InvoiceNo").cancellationPrefix("C")
      .negativeAmountsAreReturns(true)
      .build();

  @Test
  void allDaysReadWithCountsThatReconcile() throws IOException {
    List<Path> files = InputFiles.expand(List.of(SharedData.require("online-retail/by-day").toString()));
    // ls by-day | wc -l -> 305
    assertThat(files).hasSize(305);
    assertThat(files.get(0).getFileName()).hasToString("2010-12-01.csv");

    long[] lastProgress = {0, 0};
    TransactionFileResult result = TransactionFileReader.read(files, ONLINE_RETAIL,
        (read, total) -> {
          lastProgress[0] = read;
          lastProgress[1] = total;
        });

    // cat by-day/*.csv | wc -c -> 48064654
    assertThat(result.bytesRead()).isEqualTo(48_064_654).isEqualTo(lastProgress[0]).isEqualTo(lastProgress[1]);
    // cat by-day/*.csv | wc -l -> 542214 = 305 header lines + 541909 rows
    assertThat(result.lines()).isEqualTo(542_214);
    assertThat(result.headerLines()).isEqualTo(305);
    assertThat(result.rows()).isEqualTo(541_909);
    // awk -F, 'FNR>1 && $(NF-1)!=""' by-day/*.csv | wc -l -> 406829
    assertThat(result.accepted()).isEqualTo(406_829);
    // awk -F, 'FNR>1 && $(NF-1)==""' by-day/*.csv | wc -l -> 135080
    assertThat(result.rejected()).isEqualTo(135_080);
    assertThat(result.lines()).isEqualTo(result.headerLines() + result.accepted() + result.rejected());
    assertThat(result.rejectCounts()).containsExactly(Map.entry("customer: missing customer id", 135_080L));
    assertThat(result.columns().inputRows()).isEqualTo(result.rows());
    for (FileCount f : result.files()) {
      assertThat(f.lines()).as("%s", f.file()).isEqualTo(f.headerLines() + f.rows());
      assertThat(f.headerLines()).isEqualTo(1);
      assertThat(f.blankLines() + f.quotedLineBreaks()).isZero();
    }
    // wc -l 2010-12-01.csv -> 3109; awk -F, 'FNR>1 && $(NF-1)==""' 2010-12-01.csv | wc -l -> 1140
    assertThat(result.files().get(0)).extracting(FileCount::lines, FileCount::rejected).containsExactly(3_109L, 1_140L);
    // the first of them: awk -F, 'FNR>1 && $(NF-1)=="" {print FNR; exit}' 2010-12-01.csv -> 624; CustomerID is column 7
    assertThat(result.rejects().get(0)).isEqualTo(new RejectedRow(files.get(0).toString(), 624, 7, "customer",
        "missing customer id"));

    TransactionColumns c = result.columns();
    // awk -F, 'FNR>1 && $(NF-1)!="" {c[$(NF-1)]=1} END{print length(c)}' by-day/*.csv -> 4372
    assertThat(c.customerCount()).isEqualTo(4_372);
    // awk -F, 'FNR>1 && $(NF-1)!="" {o[$1]=1} END{print length(o)}' by-day/*.csv -> 22190
    assertThat(c.orderCount()).isEqualTo(22_190);
    // awk -F, 'FNR>1 && $(NF-1)!="" && $1~/^C/' by-day/*.csv | wc -l -> 8905 (all with Quantity < 0)
    assertThat(countKind(c, TransactionColumns.CANCELLATION)).isEqualTo(8_905);
    // awk -F, 'FNR>1 && $(NF-1)!="" && $1!~/^C/ && $(NF-4)<0' by-day/*.csv | wc -l -> 0
    assertThat(countKind(c, TransactionColumns.RETURN)).isZero();
    assertThat(countKind(c, TransactionColumns.SALE)).isEqualTo(397_924);
    // awk -F, 'FNR>1 && $(NF-1)!="" {s+=$(NF-4)*$(NF-2)} END{printf "%.2f", s}' by-day/*.csv -> 8300065.81
    assertThat(totalAmount(c)).isEqualTo(8_300_065.81, within(0.005));
    // the same, split by $1~/^C/: sales 8911407.90, cancellations -611342.09
    assertThat(totalOfKind(c, TransactionColumns.SALE)).isEqualTo(8_911_407.90, within(0.005));
    assertThat(totalOfKind(c, TransactionColumns.CANCELLATION)).isEqualTo(-611_342.09, within(0.005));
    // awk -F, 'FNR>1 && $(NF-1)!="" {d[$(NF-1)" "substr($(NF-3),1,10)]=1} END{print length(d)}' by-day/*.csv -> 19296
    assertThat(SharedData.distinctCustomerDays(c)).isEqualTo(19_296);
    assertThat(minDay(c)).isEqualTo(LocalDate.of(2010, 12, 1).toEpochDay());
    assertThat(maxDay(c)).isEqualTo(LocalDate.of(2011, 12, 9).toEpochDay());
  }

  @Test
  void strictModeStopsAtTheFirstRowWithoutACustomer() throws IOException {
    List<Path> files = InputFiles.expand(List.of(SharedData.require("online-retail/by-day").toString() + "/*.csv"));
    TransactionFileFormat strict = TransactionFileFormat.builder().customer("CustomerID").date("InvoiceDate")
        .datePattern("yyyy-MM-dd HH:mm:ss").quantity("Quantity").price("UnitPrice").strict(true).build();

    assertThatThrownBy(() -> TransactionFileReader.read(files, strict))
        .isInstanceOf(MalformedRowException.class)
        .hasMessage(files.get(0) + ":624:7: customer: missing customer id");
  }

  private static int countKind(TransactionColumns c, byte kind) {
    int n = 0;
    for (int i = 0; i < c.size(); i++) {
      if (c.kind(i) == kind) {
        n++;
      }
    }
    return n;
  }

  private static double totalOfKind(TransactionColumns c, byte kind) {
    double sum = 0;
    for (int i = 0; i < c.size(); i++) {
      if (c.kind(i) == kind) {
        sum += c.amount(i);
      }
    }
    return sum;
  }
}
