package io.github.crmkit.cli.io;

import static io.github.crmkit.cli.io.SharedData.maxDay;
import static io.github.crmkit.cli.io.SharedData.minDay;
import static io.github.crmkit.cli.io.SharedData.totalAmount;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.scoring.TransactionColumns;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The R package rfm's example orders: quoted CSV with a header; values checked with awk and its README. */
class RfmOrdersFileTest {

  @Test
  void ordersReadCompletely() throws IOException {
    Path orders = SharedData.require("rfm-r-package/rfm_data_orders.csv");
    // "customer_id","order_date","revenue","first_name","last_name","email"
    TransactionFileFormat format = TransactionFileFormat.builder().customer("customer_id").date("order_date")
        .amount("revenue").strict(true).build();

    TransactionFileResult result = TransactionFileReader.read(List.of(orders), format);

    TransactionColumns c = result.columns();
    // wc -l rfm_data_orders.csv -> 4907 (1 header line + 4906 orders)
    assertThat(result.files()).containsExactly(new FileCount(orders, 387_882, 4_907, 1, 0, 0, 4_906, 0));
    // awk -F'"' 'NR>1{c[$2]=1} END{print length(c)}' rfm_data_orders.csv -> 995
    assertThat(c.customerCount()).isEqualTo(995);
    // awk -F'"' 'NR>1{split($5,a,","); s+=a[2]} END{print s}' rfm_data_orders.csv -> 464158
    assertThat(totalAmount(c)).isEqualTo(464_158.0);
    // awk -F'"' 'NR>1{cd[$2" "$4]=1} END{print length(cd)}' rfm_data_orders.csv -> 4895
    assertThat(SharedData.distinctCustomerDays(c)).isEqualTo(4_895);
    // awk -F'"' 'NR>1{print $4}' rfm_data_orders.csv | sort | sed -n '1p;$p' -> 2001-10-29, 2006-12-30
    assertThat(minDay(c)).isEqualTo(LocalDate.of(2001, 10, 29).toEpochDay());
    assertThat(maxDay(c)).isEqualTo(LocalDate.of(2006, 12, 30).toEpochDay());
    // the quotes are not part of the id
    assertThat(c.customerId(c.customer(0))).isEqualTo("Brion Stark");
  }
}
