package io.github.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.Customer;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.Transaction;
import io.github.crmkit.model.TransactionKind;
import io.github.crmkit.testkit.SyntheticData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DemoTest {
  private static String run(long seed, int customers) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      Demo.run(out, seed, customers);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsFiguresThatAgreeWithAnIndependentPassOverTheData() {
    String report = run(7, 300);
    SyntheticData data = Demo.data(7, 300);
    long sales = 0;
    long returns = 0;
    long net = 0;
    for (Transaction t : (Iterable<Transaction>) data.transactions()::iterator) {
      long cents = t.total().amount().movePointRight(2).longValueExact();
      if (t.kind() == TransactionKind.SALE) {
        sales++;
        net += cents;
      } else {
        returns++;
        net -= cents;
      }
    }
    assertThat(report).contains("seed 7, 300 customers");
    assertThat(report).contains(String.format(Locale.ROOT, "Transactions   %,d (%,d sales, %,d returns)",
        sales + returns, sales, returns));
    assertThat(report).contains(String.format(Locale.ROOT, "Revenue        CNY %,.2f net of returns",
        net / 100.0));
    assertThat(report).contains("Leads          150 (");
    assertThat(report).contains("RFM segments   as of 2025-06-30, 5 n-tiles, R x F grid (300 customers scored)");
    // the segment lines list customers that add up to every scored customer
    int segmented = report.lines().filter(l -> l.matches("  [a-z' ]+ +[0-9,]+ customers .*"))
        .mapToInt(l -> Integer.parseInt(l.replaceAll("^  [a-z' ]+ +([0-9,]+) customers.*$", "$1").replace(",", "")))
        .sum();
    assertThat(segmented).isEqualTo(300);
    assertThat(report).contains("20 sales reps, 4 regional managers, 7 dealers, 1 distributor, 1 queue");
    assertThat(report).contains("Example customer, personal data masked:\n  Customer{id=C-0,");
  }

  @Test
  void sameSeedSameReportDifferentSeedDifferentReport() {
    assertThat(run(11, 200)).isEqualTo(run(11, 200)).isNotEqualTo(run(12, 200));
  }

  @Test
  void reportContainsNoPersonalData() {
    String report = run(3, 200);
    SyntheticData data = Demo.data(3, 200);
    List<String> personal = new ArrayList<>();
    for (Customer c : (Iterable<Customer>) data.customers()::iterator) {
      c.personName().ifPresent(n -> personal.add(n.displayName()));
      c.contacts().emails().forEach(e -> personal.add(e.value()));
      c.contacts().phones().forEach(p -> personal.add(p.value()));
      c.contacts().addresses().forEach(a -> personal.addAll(a.lines()));
    }
    for (Lead l : (Iterable<Lead>) data.leads()::iterator) {
      l.personName().ifPresent(n -> personal.add(n.displayName()));
      l.contacts().emails().forEach(e -> personal.add(e.value()));
    }
    personal.removeIf(s -> s.codePointCount(0, s.length()) < 2);
    assertThat(personal).hasSizeGreaterThan(300);
    for (String p : personal) {
      assertThat(report).doesNotContain(p);
    }
  }

  @Test
  void refusesFewerThanOneCustomer() {
    assertThatThrownBy(() -> run(1, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customers must be at least 1, was 0");
  }
}
