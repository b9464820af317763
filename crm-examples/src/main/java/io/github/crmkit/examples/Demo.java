package io.github.crmkit.examples;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AgentKind;
import io.github.crmkit.model.Customer;
import io.github.crmkit.model.CustomerKind;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadRating;
import io.github.crmkit.model.Transaction;
import io.github.crmkit.model.TransactionKind;
import io.github.crmkit.scoring.CalibrationHoldoutSummary;
import io.github.crmkit.scoring.CustomerSummaries;
import io.github.crmkit.scoring.RepeatPurchaseOptions;
import io.github.crmkit.scoring.RepeatPurchaseSummary;
import io.github.crmkit.scoring.RfmBinning;
import io.github.crmkit.scoring.RfmScorer;
import io.github.crmkit.scoring.RfmScores;
import io.github.crmkit.scoring.SegmentMap;
import io.github.crmkit.scoring.SegmentStats;
import io.github.crmkit.scoring.SegmentSummary;
import io.github.crmkit.scoring.TransactionColumns;
import io.github.crmkit.scoring.clv.BgNbdModel;
import io.github.crmkit.scoring.clv.CustomerLifetimeValue;
import io.github.crmkit.scoring.clv.FittedModel;
import io.github.crmkit.scoring.clv.GammaGammaModel;
import io.github.crmkit.scoring.clv.HoldoutValidation;
import io.github.crmkit.scoring.clv.RepeatPurchaseColumns;
import java.time.ZoneOffset;
import io.github.crmkit.testkit.BuyingProcess;
import io.github.crmkit.testkit.SpendProcess;
import io.github.crmkit.testkit.SyntheticData;
import io.github.crmkit.testkit.SyntheticPurchases;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The crmkit demo: generates a synthetic customer base from a seed (customers buying by the BG/NBD process with
 * CDNOW-like parameters, Gamma-Gamma spend, a few returns; a sales organisation; inbound leads), prints a short
 * summary of it, its RFM segments and its customer value (BG/NBD and Gamma-Gamma fitted on a calibration period,
 * checked on a holdout, and the top customers by predicted value, by id) and a generated sales quarter through
 * the lifecycle engine (funnels and forecast).
 *
 * <p>The summary shows counts and amounts only; the one example customer is printed through its
 * {@code toString()}, which masks personal data. Everything is streamed, so a million customers need little memory.
 *
 * <p>Thread-safety: stateless; {@link #run(PrintStream, long, int)} may be called from several threads, each with
 * its own output stream.
 */
public final class Demo {
  /** BG/NBD parameters published for CDNOW (Fader, Hardie and Lee 2005), per week. */
  private static final BuyingProcess CDNOW_LIKE = BuyingProcess.bgNbd(0.243, 4.414, 0.793, 2.426);

  /** Below this many customers the demo does not fit customer-value models: their estimates would be noise. */
  private static final int MIN_CUSTOMERS_TO_FIT = 100;

  private Demo() {}

  /**
   * Runs the demo with seed 42 and 2000 customers, printing to standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out, 42L, 2000);
  }

  /**
   * Builds the synthetic data set the demo reports on: {@code customers} customers acquired over 12 weeks and
   * observed for 78 weeks from 2024-01-01, CNY amounts, 20 sales reps and one lead per two customers (at least 100).
   *
   * @param seed the seed
   * @param customers the number of customers, at least 1
   * @return the data set
   */
  public static SyntheticData data(long seed, int customers) {
    if (customers < 1) {
      throw new IllegalArgumentException("customers must be at least 1, was " + customers);
    }
    SyntheticPurchases purchases = SyntheticPurchases.builder().seed(seed).customers(customers)
        .startEpochDay(LocalDate.of(2024, 1, 1).toEpochDay()).acquisitionDays(84).observationDays(546)
        .daysPerTimeUnit(7).buyingProcess(CDNOW_LIKE).spendProcess(SpendProcess.gammaGamma(6.25, 3.74, 15.44))
        .returnProbability(0.03).build();
    return SyntheticData.builder().purchases(purchases).leads(Math.max(100, customers / 2)).salesReps(20).build();
  }

  /**
   * Runs the demo.
   *
   * @param out where the report is printed
   * @param seed seed of the synthetic data, so that every run can be replayed
   * @param customers number of synthetic customers, at least 1
   * @throws NullPointerException if {@code out} is null
   * @throws IllegalArgumentException if {@code customers} is less than 1
   */
  public static void run(PrintStream out, long seed, int customers) {
    Objects.requireNonNull(out, "out");
    SyntheticData data = data(seed, customers);
    String currency = data.currency().getCurrencyCode();

    out.printf(Locale.ROOT, "crmkit demo: a synthetic customer base (seed %d, %,d customers)%n%n", seed, customers);

    // customers: one streaming pass
    long persons = 0;
    long organisations = 0;
    Customer example = null;
    for (Customer c : (Iterable<Customer>) data.customers()::iterator) {
      if (c.kind() == CustomerKind.PERSON) {
        persons++;
      } else {
        organisations++;
      }
      if (example == null) {
        example = c;
      }
    }
    out.printf(Locale.ROOT, "Customers      %,d (%,d persons, %,d organisations)%n", persons + organisations,
        persons, organisations);

    // transactions: one streaming pass in customer order, constant memory
    TransactionTotals totals = new TransactionTotals();
    data.transactions().forEach(totals::add);
    totals.finish();
    out.printf(Locale.ROOT, "Transactions   %,d (%,d sales, %,d returns) from %s to %s%n",
        totals.sales + totals.returns, totals.sales, totals.returns, totals.date(totals.first),
        totals.date(totals.last));
    out.printf(Locale.ROOT, "Revenue        %s %s net of returns; mean sale %s %s%n", currency,
        money(totals.netCents), currency,
        totals.sales == 0 ? "0.00" : money(BigDecimal.valueOf(totals.saleCents)
            .divide(BigDecimal.valueOf(totals.sales), 0, RoundingMode.HALF_EVEN).longValue()));
    out.printf(Locale.ROOT, "Repeat buyers  %,d of %,d customers (%s) bought again after their first purchase%n",
        totals.repeatBuyers, totals.buyers, percent(totals.repeatBuyers, totals.buyers));
    out.printf(Locale.ROOT, "Channels       %s%n", shares(totals.channels, totals.sales + totals.returns));

    // RFM: columns from the same stream, scored by n-tiles as pandas does, segmented on the R x F grid
    TransactionColumns columns = TransactionColumns.of((Iterable<Transaction>) data.transactions()::iterator,
        ZoneOffset.UTC);
    LocalDate analysisDate = LocalDate.of(2025, 6, 30);
    RfmScores scores = RfmScorer.of(RfmBinning.ntile(5)).score(CustomerSummaries.of(columns), analysisDate);
    SegmentSummary segments = SegmentMap.rfGrid().summarize(scores);
    out.printf(Locale.ROOT, "%nRFM segments   as of %s, 5 n-tiles, R x F grid (%,d customers scored)%n", analysisDate,
        scores.scoredCount());
    for (SegmentStats s : segments.segments()) {
      if (s.customers() > 0) {
        out.printf(Locale.ROOT, "  %-20s %,7d customers %6.1f%%   revenue %6.1f%%%n", s.name(), s.customers(),
            100 * s.customerShare(), 100 * s.revenueShare());
      }
    }

    // customer value: BG/NBD and Gamma-Gamma fitted on the first 39 weeks, checked on the next 39, then the top
    // customers by predicted value (ids only)
    customerValue(out, columns, currency);

    // the sales organisation
    List<Agent> agents = data.agents();
    Map<AgentKind, Long> kinds = new EnumMap<>(AgentKind.class);
    for (Agent a : agents) {
      kinds.merge(a.kind(), 1L, Long::sum);
    }
    out.printf(Locale.ROOT, "%nSales org      %d agents (%s) in %d territories and %d teams%n", agents.size(),
        kinds.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT)
            .replace('_', ' ') + (e.getValue() > 1 ? "s" : "")).collect(Collectors.joining(", ")), data.territories().size(), data.teams().size());

    // leads
    Map<LeadRating, Long> ratings = new EnumMap<>(LeadRating.class);
    Map<String, Long> sources = new TreeMap<>();
    Map<String, Long> regions = new TreeMap<>();
    long leads = 0;
    for (Lead lead : (Iterable<Lead>) data.leads()::iterator) {
      leads++;
      lead.rating().ifPresent(r -> ratings.merge(r, 1L, Long::sum));
      sources.merge(lead.sourceChannel(), 1L, Long::sum);
      regions.merge(lead.region().orElse("abroad"), 1L, Long::sum);
    }
    final long leadCount = leads;
    out.printf(Locale.ROOT, "Leads          %,d (%s)%n", leads, ratings.entrySet().stream()
        .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + percent(e.getValue(), leadCount))
        .collect(Collectors.joining(", ")));
    out.printf(Locale.ROOT, "Lead sources   %s%n", shares(sources, leads));
    out.printf(Locale.ROOT, "Lead regions   %s%n", shares(regions, leads));
    lifecycle(out, seed);

    out.printf(Locale.ROOT, "%nExample customer, personal data masked:%n  %s%n", example);
    out.printf(Locale.ROOT, "%nOn your own files: crm rfm, crm summary, crm clv, crm route, crm funnel (crm --help).%n");
  }

  /** BG/NBD and Gamma-Gamma on the calibration summary, a holdout check and the top customers by value. */
  private static void customerValue(PrintStream out, TransactionColumns columns, String currency) {
    LocalDate calibrationEnd = LocalDate.of(2024, 9, 29);
    LocalDate observationEnd = LocalDate.of(2025, 6, 29);
    CalibrationHoldoutSummary split = CalibrationHoldoutSummary.of(columns, calibrationEnd, observationEnd,
        new RepeatPurchaseOptions(RepeatPurchaseOptions.Period.DAY, RepeatPurchaseOptions.Unit.WEEKS));
    RepeatPurchaseSummary calibration = split.calibration();
    int n = calibration.includedCount();
    String[] ids = new String[n];
    int[] x = new int[n];
    int[] spendX = new int[n];
    double[] tx = new double[n];
    double[] age = new double[n];
    double[] meanSpend = new double[n];
    int[] holdout = new int[n];
    for (int k = 0, i = 0; k < calibration.customerCount(); k++) {
      if (calibration.isIncluded(k)) {
        ids[i] = calibration.customerId(k);
        x[i] = calibration.frequency(k);
        tx[i] = calibration.recency(k);
        age[i] = calibration.age(k);
        meanSpend[i] = calibration.monetaryValue(k);
        // returns can leave a repeat buyer without positive mean spend: such a customer tells nothing about spend
        spendX[i] = meanSpend[i] > 0.0 ? x[i] : 0;
        holdout[i] = split.holdoutFrequency(k);
        i++;
      }
    }
    out.printf(Locale.ROOT, "%nCustomer value fitted on the purchases to %s (%,d customers, weeks)%n",
        calibrationEnd, n);
    if (n < MIN_CUSTOMERS_TO_FIT) {
      out.printf(Locale.ROOT, "  too few customers to fit (fewer than %d)%n", MIN_CUSTOMERS_TO_FIT);
      return;
    }
    FittedModel purchases;
    FittedModel spend;
    try {
      purchases = BgNbdModel.fit(BgNbdModel.Variant.BG_NBD, RepeatPurchaseColumns.of(x, tx, age));
      spend = GammaGammaModel.fit(spendX, meanSpend);
    } catch (IllegalArgumentException e) {
      out.printf(Locale.ROOT, "  not enough data to fit: %s%n", e.getMessage());
      return;
    }
    BgNbdModel model = BgNbdModel.of(purchases);
    GammaGammaModel spendModel = GammaGammaModel.of(spend);
    out.printf(Locale.ROOT, "  BG/NBD        r %.4f, alpha %.4f, a %.4f, b %.4f (log-likelihood %,.1f, %s)%n",
        model.r(), model.alpha(), model.a(), model.b(), purchases.logLikelihood(),
        purchases.converged() ? "converged" : "not converged");
    out.printf(Locale.ROOT, "  Gamma-Gamma   p %.4f, q %.4f, gamma %.4f (log-likelihood %,.1f, %,d repeat buyers)%n",
        spendModel.p(), spendModel.q(), spendModel.gamma(), spend.logLikelihood(), spend.customers());
    HoldoutValidation check = HoldoutValidation.of(model, x, tx, age, holdout, split.holdoutDuration());
    out.printf(Locale.ROOT, "  Holdout       to %s: %,.1f repeat purchases predicted, %,.0f made%n", observationEnd,
        check.predictedTotal(), check.actualTotal());
    double[] alive = new double[n];
    double[] next52 = new double[n];
    double[] avgSpend = new double[n];
    double[] value = new double[n];
    model.probabilityAlive(x, tx, age, alive);
    model.conditionalExpectedPurchases(52.0, x, tx, age, next52);
    try {
      spendModel.conditionalExpectedAverageSpend(spendX, meanSpend, avgSpend);
    } catch (IllegalStateException e) {
      out.printf(Locale.ROOT, "  no expected spend: %s%n", e.getMessage());
      return;
    }
    CustomerLifetimeValue.fromExpectedSpend(model, x, tx, age, avgSpend, 12, 0.01,
        CustomerLifetimeValue.WEEKS_PER_MONTH, value);
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -value[i]).thenComparing(i -> ids[i]));
    out.printf(Locale.ROOT, "  Top customers by 12-month value (discounted 1%% a month):%n");
    for (int j = 0; j < Math.min(5, n); j++) {
      int i = order[j];
      out.printf(Locale.ROOT, "    %-10s P(alive) %.2f, %5.1f purchases in 52 weeks, value %s %,.2f%n", ids[i],
          alive[i], next52[i], currency, value[i]);
    }
  }

  /**
   * The lifecycle in brief: a sales team's generated quarter (1,000 leads worked through the lead lifecycle, the
   * opportunities through the opportunity pipeline), its funnels, win rate, cycle, velocity and forecast; the full
   * report is {@link SalesQuarter}.
   */
  private static void lifecycle(PrintStream out, long seed) {
    SalesQuarter.printBrief(out, SalesQuarter.simulate(seed, LIFECYCLE_LEADS));
  }

  /** The leads of the lifecycle section's quarter. */
  static final int LIFECYCLE_LEADS = 1000;

  private static String money(long cents) {
    return String.format(Locale.ROOT, "%,.2f", BigDecimal.valueOf(cents, 2));
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "0.0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  private static String shares(Map<String, Long> counts, long total) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .limit(6).map(e -> e.getKey() + " " + percent(e.getValue(), total)).collect(Collectors.joining(", "));
  }

  /** Running totals over the customer-ordered transaction stream. */
  private static final class TransactionTotals {
    long sales;
    long returns;
    long saleCents;
    long netCents;
    long buyers;
    long repeatBuyers;
    Instant first;
    Instant last;
    final Map<String, Long> channels = new TreeMap<>();
    private Object currentCustomer;
    private long currentSales;

    void add(Transaction t) {
      if (!t.customer().equals(currentCustomer)) {
        closeCustomer();
        currentCustomer = t.customer();
      }
      long cents = t.total().amount().movePointRight(2).longValueExact();
      if (t.kind() == TransactionKind.SALE) {
        sales++;
        currentSales++;
        saleCents += cents;
        netCents += cents;
      } else {
        returns++;
        netCents -= cents;
      }
      t.channel().ifPresent(c -> channels.merge(c, 1L, Long::sum));
      first = first == null || t.occurredAt().isBefore(first) ? t.occurredAt() : first;
      last = last == null || t.occurredAt().isAfter(last) ? t.occurredAt() : last;
    }

    private void closeCustomer() {
      if (currentCustomer != null) {
        buyers++;
        if (currentSales > 1) {
          repeatBuyers++;
        }
      }
      currentSales = 0;
    }

    void finish() {
      closeCustomer();
      currentCustomer = null;
    }

    String date(Instant instant) {
      return instant == null ? "-" : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
  }
}
