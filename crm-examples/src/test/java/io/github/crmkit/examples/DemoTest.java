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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  void lifecycleSectionSummarisesTheSalesQuarterOfTheSameSeed() {
    String report = run(7, 300);
    QuarterSimulation quarter = SalesQuarter.simulate(7, Demo.LIFECYCLE_LEADS);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      SalesQuarter.print(out, quarter);
    }
    String full = bytes.toString(StandardCharsets.UTF_8);
    String section = report.substring(report.indexOf("\nLifecycle      "), report.indexOf("\nExample customer"))
        .replaceAll("\n {17}", " ");
    assertThat(section).contains(String.format(Locale.ROOT,
        "Lifecycle      a generated sales quarter (2026-Q1, 1,000 leads, %d reps), crm-lifecycle presets",
        quarter.teamOfOwner.size()));

    // the funnels start with the quarter's leads and opportunities and end with the conversions and wins
    String received = group(full, "Leads received in the quarter: ([\\d,]+) = ([\\d,]+) converted", 1);
    String converted = group(full, "Leads received in the quarter: ([\\d,]+) = ([\\d,]+) converted", 2);
    assertThat(section).contains("Lead funnel    new " + received + " > contacted ")
        .contains(" > converted " + converted + " (");
    String created = group(full, "Opportunities created in the quarter: ([\\d,]+) ", 1);
    String won = group(full, "  = ([\\d,]+) won \\+", 1);
    assertThat(section).contains("Deal funnel    initial_contact " + created + " > intent_confirmed ")
        .contains(" > won " + won + " (");
    // every stage conversion is a percentage
    Matcher conversions = Pattern.compile("\\((\\d+\\.\\d)%\\)").matcher(section);
    int count = 0;
    while (conversions.find()) {
      assertThat(Double.parseDouble(conversions.group(1))).isBetween(0.0, 100.0);
      count++;
    }
    assertThat(count).isEqualTo(3 + 6);

    // the team's forecast: cumulative roll-ups nest, single categories add up to them (amounts in thousands)
    Matcher f = Pattern.compile("closed ([\\d,]+), commit ([\\d,]+) / ([\\d,]+), best case ([\\d,]+) / ([\\d,]+), "
        + "pipeline ([\\d,]+) / ([\\d,]+); weighted ([\\d,]+); won by the quarter's end ([\\d,]+)").matcher(section);
    assertThat(f.find()).as(section).isTrue();
    long[] v = new long[9];
    for (int i = 0; i < 9; i++) {
      v[i] = Long.parseLong(f.group(i + 1).replace(",", ""));
    }
    assertThat(v[2]).isCloseTo(v[0] + v[1], org.assertj.core.api.Assertions.within(1L));
    assertThat(v[4]).isCloseTo(v[2] + v[3], org.assertj.core.api.Assertions.within(2L));
    assertThat(v[6]).isCloseTo(v[4] + v[5], org.assertj.core.api.Assertions.within(3L));
    assertThat(v[0]).isLessThanOrEqualTo(v[2]);
    assertThat(v[2]).isLessThanOrEqualTo(v[4]);
    assertThat(v[4]).isLessThanOrEqualTo(v[6]);
    assertThat(v[7]).isBetween(v[0], v[6]);
    assertThat(v[8]).isGreaterThanOrEqualTo(v[0]);
    // and it is the "all" row of the full report's forecast
    assertThat(full).containsPattern(String.format(Locale.ROOT, "\\n  all +team-sales +%s +%s +%s +%s +%s +%s +%s "
        + "+%s +[\\d,]+ +%s\\n", f.group(1), f.group(2), f.group(4), f.group(6), f.group(3), f.group(5), f.group(7),
        f.group(8), f.group(9)));

    // ids and counts only: no personal data of the quarter's leads
    for (QuarterSimulation.LeadCase lead : quarter.leads) {
      lead.lead.personName().ifPresent(n -> assertThat(section).doesNotContain(n.displayName()));
    }
  }

  private static String group(String text, String regex, int group) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex).isTrue();
    return m.group(group);
  }

  @Test
  void fitsCustomerValueNearTheGeneratingProcessAndRanksTheTopCustomersById() {
    String report = run(42, 2000);
    SyntheticData data = Demo.data(42, 2000);
    Set<String> buyersByCalibrationEnd = new HashSet<>();
    LocalDate calibrationEnd = LocalDate.of(2024, 9, 29);
    for (Transaction t : (Iterable<Transaction>) data.transactions()::iterator) {
      if (t.kind() == TransactionKind.SALE
          && !LocalDate.ofInstant(t.occurredAt(), ZoneOffset.UTC).isAfter(calibrationEnd)) {
        buyersByCalibrationEnd.add(t.customer().value());
      }
    }
    assertThat(report).contains(String.format(Locale.ROOT,
        "Customer value fitted on the purchases to 2024-09-29 (%,d customers, weeks)", buyersByCalibrationEnd.size()));
    // the data are generated by BG/NBD with r 0.243, alpha 4.414 (per week): 2,000 customers give them back roughly
    Matcher bgNbd = Pattern.compile("BG/NBD +r ([0-9.]+), alpha ([0-9.]+), a ([0-9.]+), b ([0-9.]+)")
        .matcher(report);
    assertThat(bgNbd.find()).isTrue();
    assertThat(Double.parseDouble(bgNbd.group(1))).isBetween(0.243 * 0.75, 0.243 * 1.25);
    assertThat(Double.parseDouble(bgNbd.group(2))).isBetween(4.414 * 0.75, 4.414 * 1.25);
    assertThat(report).containsPattern("Gamma-Gamma +p [0-9.]+, q [0-9.]+, gamma [0-9.]+");
    assertThat(report).containsPattern("Holdout +to 2025-06-29: [0-9,.]+ repeat purchases predicted, [0-9,]+ made");
    // five top customers, known ids, in decreasing value
    List<String> top = report.lines().filter(l -> l.matches("    \\S+ +P\\(alive\\) .*")).toList();
    assertThat(top).hasSize(5);
    double previous = Double.POSITIVE_INFINITY;
    for (String line : top) {
      String id = line.strip().split(" +")[0];
      assertThat(data.customers().anyMatch(c -> c.id().value().equals(id))).as("customer %s", id).isTrue();
      double value = Double.parseDouble(line.replaceAll("^.*value CNY ([0-9,.]+)$", "$1").replace(",", ""));
      assertThat(value).isLessThanOrEqualTo(previous).isPositive();
      previous = value;
    }
  }

  @Test
  void tooFewCustomersAreNotFitted() {
    assertThat(run(5, 5)).contains("Customer value fitted on the purchases to 2024-09-29 (5 customers, weeks)\n"
        + "  too few customers to fit (fewer than 100)");
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
