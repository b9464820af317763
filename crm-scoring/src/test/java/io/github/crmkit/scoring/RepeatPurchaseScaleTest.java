package io.github.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Ten million rows of a million customers in one call, rows interleaved so that no customer's rows are adjacent and
 * every customer's days run backwards. Not a benchmark (see benchmarks/): it checks that nothing overflows or runs
 * out of memory at the size the issue names, and that every customer comes out right.
 */
class RepeatPurchaseScaleTest {
  @Test
  void tenMillionRowsOfAMillionCustomers() {
    int customers = 1_000_000;
    int perCustomer = 10;
    int n = customers * perCustomer;
    int base = (int) LocalDate.of(2024, 1, 1).toEpochDay();
    int[] customer = new int[n];
    int[] day = new int[n];
    double[] amount = new double[n];
    for (int i = 0; i < n; i++) {
      int round = i / customers; // 0..9
      customer[i] = i % customers;
      day[i] = base + 27 - 3 * round; // 01-28, 01-25, ..., 01-01
      amount[i] = 10 - round; // 10 on 01-28 .. 1 on 01-01
    }
    String[] ids = new String[customers];
    for (int k = 0; k < customers; k++) {
      ids[k] = Integer.toString(k);
    }
    TransactionColumns columns = TransactionColumns.of(customer, day, amount, ids);
    RepeatPurchaseSummary s = RepeatPurchaseSummary.of(columns, LocalDate.of(2024, 2, 10));
    assertThat(s.includedCount()).isEqualTo(customers);
    assertThat(s.rowsCounted()).isEqualTo(n);
    // every customer: 10 days 01-01 .. 01-28, first purchase worth 1, repeats 2..10 with mean 6; 01-01 .. 02-10 = 40
    int[] frequency = s.frequencies();
    double[] recency = s.recencies();
    double[] age = s.ages();
    double[] monetary = s.monetaryValues();
    int wrong = 0;
    for (int k = 0; k < customers; k++) {
      if (frequency[k] != 9 || recency[k] != 27.0 || age[k] != 40.0 || monetary[k] != 6.0) {
        wrong++;
      }
    }
    assertThat(wrong).isZero();
  }
}
