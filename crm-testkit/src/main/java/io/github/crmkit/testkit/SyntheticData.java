package io.github.crmkit.testkit;

import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.AgentKind;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.Customer;
import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.CustomerKind;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.model.LeadRating;
import io.github.crmkit.model.Money;
import io.github.crmkit.model.PersonName;
import io.github.crmkit.model.Product;
import io.github.crmkit.model.ProductGroup;
import io.github.crmkit.model.ProductGroupId;
import io.github.crmkit.model.ProductId;
import io.github.crmkit.model.Team;
import io.github.crmkit.model.TeamId;
import io.github.crmkit.model.Territory;
import io.github.crmkit.model.TerritoryId;
import io.github.crmkit.model.Transaction;
import io.github.crmkit.model.TransactionId;
import io.github.crmkit.model.TransactionKind;
import io.github.crmkit.model.WorkingCalendar;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A deterministic synthetic CRM data set (seed in, data out): customers whose purchases follow a known buying,
 * dropout and spend process ({@link SyntheticPurchases}), as model {@link Customer}s and {@link Transaction}s; a
 * sales organisation in China (territories by region and city, teams, sales reps, regional managers, dealers, a
 * distributor and a queue, with skills, languages, weights, capacities and working calendars); products in groups;
 * and inbound leads with sources, regions, product interests and ratings.
 *
 * <p>Customers, transactions and leads are streamed lazily in constant memory: generating 10 million transactions
 * needs no more heap than generating a thousand. Customer {@code i} has id {@code C-i}; a transaction's id is
 * {@code T-} and its serial in {@link SyntheticPurchases}; a return references its sale.
 *
 * <p>Immutable and thread-safe; each stream is independent and may be consumed on any thread.
 */
public final class SyntheticData {
  private static final String[] CHANNELS = {"online", "store", "dealer", "wechat-mini-program"};
  private static final String[] LEAD_SOURCES = {"web-form", "trade-show", "partner", "wechat", "referral", "400-hotline"};
  private static final String[][] REGIONS = {
      // territory id, name, region, city, postal prefix
      {"T-SZ", "深圳", "广东省", "深圳市", "518"}, {"T-GZ", "广州", "广东省", "广州市", "510"},
      {"T-HZ", "杭州", "浙江省", "杭州市", "310"}, {"T-NJ", "南京", "江苏省", "南京市", "210"},
      {"T-SH", "上海", "上海市", "上海市", "200"}, {"T-BJ", "北京", "北京市", "北京市", "100"},
      {"T-CD", "成都", "四川省", "成都市", "610"}};
  private static final String[][] AREAS = {
      {"T-SOUTH", "华南", "T-SZ", "T-GZ"}, {"T-EAST", "华东", "T-HZ", "T-NJ", "T-SH"}, {"T-NORTH", "华北", "T-BJ"},
      {"T-WEST", "西南", "T-CD"}};
  private static final String[][] GROUPS = {
      {"G-PUMPS", "工业泵", "industrial-pumps"}, {"G-HVAC", "暖通空调", "hvac"}, {"G-SOLAR", "光伏", "solar"},
      {"G-SERVICE", "售后服务", "after-sales"}};

  private final SyntheticPurchases purchases;
  private final Currency currency;
  private final int leads;
  private final int reps;

  private SyntheticData(Builder builder) {
    this.purchases = builder.purchases;
    this.currency = builder.currency;
    this.leads = builder.leads;
    this.reps = builder.reps;
  }

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The purchase process behind {@link #transactions()}, with its latent truth per customer.
   *
   * @return the purchase generator
   */
  public SyntheticPurchases purchases() {
    return purchases;
  }

  /**
   * The currency of every amount.
   *
   * @return the currency
   */
  public Currency currency() {
    return currency;
  }

  /**
   * Returns the id of customer {@code index}.
   *
   * @param index the customer index, from 0
   * @return {@code C-index}
   */
  public static CustomerId customerId(int index) {
    return CustomerId.of("C-" + index);
  }

  /**
   * Streams the customers, lazily, in index order; each was created at its first purchase.
   *
   * @return the customers
   */
  public Stream<Customer> customers() {
    return IntStream.range(0, purchases.customers()).mapToObj(this::customer);
  }

  /**
   * Returns one customer.
   *
   * @param index the customer index, from 0
   * @return the customer
   */
  public Customer customer(int index) {
    SplittableRandom random = new SplittableRandom(purchases.seed() * 0x9E3779B97F4A7C15L + index);
    CustomerTruth truth = purchases.truth(index);
    Customer.Builder b = Customer.builder().id(customerId(index))
        .createdAt(Instant.ofEpochSecond(truth.firstPurchaseEpochSecond()))
        .acquisitionChannel(CHANNELS[random.nextInt(CHANNELS.length)]);
    if (random.nextInt(10) < 8) {
      b.kind(CustomerKind.PERSON).personName(ModelGenerators.personName(random));
    } else {
      b.kind(CustomerKind.ORGANIZATION).organizationName(ModelGenerators.organizationName(random))
          .personName(ModelGenerators.personName(random));
    }
    b.contacts(ModelGenerators.contactPoints(random));
    return b.build();
  }

  /**
   * Streams every transaction, lazily, ordered by customer then time, in constant memory. Amounts are the
   * generator's, in cents of {@link #currency()}; returns are {@link TransactionKind#RETURN}s of the full sale.
   *
   * @return the transactions
   */
  public Stream<Transaction> transactions() {
    PurchaseCursor cursor = purchases.cursor();
    Spliterator<Transaction> spliterator = new Spliterators.AbstractSpliterator<>(
        Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE) {
      @Override
      public boolean tryAdvance(Consumer<? super Transaction> action) {
        if (!cursor.next()) {
          return false;
        }
        action.accept(transaction(cursor));
        return true;
      }
    };
    return StreamSupport.stream(spliterator, false);
  }

  private Transaction transaction(PurchaseCursor c) {
    Transaction.Builder b = Transaction.builder().id(TransactionId.of("T-" + c.serial()))
        .customer(customerId(c.customer())).occurredAt(Instant.ofEpochSecond(c.epochSecond()))
        .total(Money.of(BigDecimal.valueOf(c.amountCents(), 2), currency))
        .channel(CHANNELS[(int) ((c.serial() * 0x9E3779B97F4A7C15L >>> 33) % CHANNELS.length)]);
    if (c.isReturn()) {
      b.kind(TransactionKind.RETURN).originalTransaction(TransactionId.of("T-" + c.originalSerial()));
    }
    return b.build();
  }

  /**
   * Returns the territories: China, four areas (华南, 华东, 华北, 西南) and seven cities, as a hierarchy by parent id.
   *
   * @return the territories, parents first
   */
  public List<Territory> territories() {
    List<Territory> out = new ArrayList<>();
    out.add(Territory.builder().id(TerritoryId.of("T-CN")).name("中国").addCountryCode("CN").build());
    for (String[] area : AREAS) {
      Territory.Builder b = Territory.builder().id(TerritoryId.of(area[0])).name(area[1])
          .parent(TerritoryId.of("T-CN")).addCountryCode("CN");
      for (int i = 2; i < area.length; i++) {
        b.addRegion(region(area[i])[2]);
      }
      out.add(b.build());
    }
    for (String[] area : AREAS) {
      for (int i = 2; i < area.length; i++) {
        String[] r = region(area[i]);
        out.add(Territory.builder().id(TerritoryId.of(r[0])).name(r[1]).parent(TerritoryId.of(area[0]))
            .addCountryCode("CN").addRegion(r[2]).addCity(r[3]).addPostalCodePrefix(r[4]).build());
      }
    }
    return out;
  }

  private static String[] region(String territoryId) {
    for (String[] r : REGIONS) {
      if (r[0].equals(territoryId)) {
        return r;
      }
    }
    throw new NoSuchElementException(territoryId);
  }

  /**
   * Returns the teams: inside sales per area and a channel team for dealers.
   *
   * @return the teams
   */
  public List<Team> teams() {
    List<Team> out = new ArrayList<>();
    out.add(Team.builder().id(TeamId.of("team-sales")).name("销售部").build());
    for (String[] area : AREAS) {
      out.add(Team.builder().id(TeamId.of("team-" + area[0].substring(2).toLowerCase(java.util.Locale.ROOT)))
          .name(area[1] + "销售").parent(TeamId.of("team-sales"))
          .manager(AgentId.of("M-" + area[0].substring(2))).build());
    }
    out.add(Team.builder().id(TeamId.of("team-channel")).name("渠道").parent(TeamId.of("team-sales")).build());
    return out;
  }

  /**
   * Returns the agents: one regional manager per area, the configured number of sales reps spread over the cities
   * (with skills, languages, weights, capacities and Shanghai-time working calendars), a dealer per city, a national
   * distributor and a queue for nurtured leads.
   *
   * @return the agents, deterministic for the seed
   */
  public List<Agent> agents() {
    SplittableRandom random = new SplittableRandom(purchases.seed() ^ 0x5DEECE66DL);
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    List<Agent> out = new ArrayList<>();
    for (String[] area : AREAS) {
      String code = area[0].substring(2);
      out.add(Agent.builder().id(AgentId.of("M-" + code)).kind(AgentKind.REGIONAL_MANAGER)
          .displayName(ModelGenerators.personName(random).displayName())
          .team(TeamId.of("team-" + code.toLowerCase(java.util.Locale.ROOT))).addTerritory(TerritoryId.of(area[0]))
          .addLanguage("zh-CN").addLanguage("en")
          .capacity(Capacity.builder().maxPerDay(5).maxOpen(40).build())
          .calendar(WorkingCalendar.weekdays(shanghai, LocalTime.of(9, 0), LocalTime.of(18, 0))).build());
    }
    for (int i = 0; i < reps; i++) {
      String[] city = REGIONS[i % REGIONS.length];
      String area = areaOf(city[0]);
      Agent.Builder b = Agent.builder().id(AgentId.of(String.format("R-%03d", i))).kind(AgentKind.SALES_REP)
          .displayName(ModelGenerators.personName(random).displayName())
          .team(TeamId.of("team-" + area.substring(2).toLowerCase(java.util.Locale.ROOT)))
          .reportsTo(AgentId.of("M-" + area.substring(2))).addTerritory(TerritoryId.of(city[0]))
          .addSkill(GROUPS[random.nextInt(GROUPS.length)][2]).addLanguage("zh-CN")
          .weight(new double[] {0.5, 1.0, 1.0, 1.5, 2.0}[random.nextInt(5)])
          .capacity(Capacity.builder().maxPerDay(5 + random.nextInt(16)).maxPerMonth(200 + random.nextInt(200))
              .maxOpen(30 + random.nextInt(50)).build())
          .calendar(WorkingCalendar.weekdays(shanghai, LocalTime.of(9, 0), LocalTime.of(18, 0)));
      if (random.nextInt(3) == 0) {
        b.addSkill(GROUPS[random.nextInt(GROUPS.length)][2]);
      }
      if (random.nextInt(4) == 0) {
        b.addLanguage("en");
      }
      if (random.nextInt(20) == 0) {
        b.active(false);
      }
      out.add(b.build());
    }
    for (String[] city : REGIONS) {
      out.add(Agent.builder().id(AgentId.of("D-" + city[0].substring(2))).kind(AgentKind.DEALER)
          .displayName(city[1] + "经销商").team(TeamId.of("team-channel")).addTerritory(TerritoryId.of(city[0]))
          .addSkill("industrial-pumps").addSkill("after-sales").addLanguage("zh-CN").weight(1 + random.nextInt(3))
          .capacity(Capacity.builder().maxPerWeek(20 + random.nextInt(40)).build()).build());
    }
    out.add(Agent.builder().id(AgentId.of("X-NATIONAL")).kind(AgentKind.DISTRIBUTOR).displayName("全国总代理")
        .team(TeamId.of("team-channel")).addTerritory(TerritoryId.of("T-CN")).addLanguage("zh-CN").weight(3).build());
    out.add(Agent.builder().id(AgentId.of("Q-NURTURE")).kind(AgentKind.QUEUE).displayName("市场培育池")
        .addTerritory(TerritoryId.of("T-CN")).build());
    return out;
  }

  private static String areaOf(String city) {
    for (String[] area : AREAS) {
      for (int i = 2; i < area.length; i++) {
        if (area[i].equals(city)) {
          return area[0];
        }
      }
    }
    throw new NoSuchElementException(city);
  }

  /**
   * Returns the product groups.
   *
   * @return the groups
   */
  public List<ProductGroup> productGroups() {
    List<ProductGroup> out = new ArrayList<>();
    for (String[] g : GROUPS) {
      out.add(ProductGroup.builder().id(ProductGroupId.of(g[0])).name(g[1]).build());
    }
    return out;
  }

  /**
   * Returns three products per group, with list prices.
   *
   * @return the products
   */
  public List<Product> products() {
    List<Product> out = new ArrayList<>();
    for (int g = 0; g < GROUPS.length; g++) {
      for (int i = 1; i <= 3; i++) {
        out.add(Product.builder().id(ProductId.of(GROUPS[g][0].substring(2) + "-" + i)).name(GROUPS[g][1] + " " + i)
            .group(ProductGroupId.of(GROUPS[g][0]))
            .listPrice(Money.of(BigDecimal.valueOf(1000L * (g + 1) * i), currency)).build());
      }
    }
    return out;
  }

  /**
   * Streams the inbound leads, lazily, in order of receipt: spread over the observation window, mostly in business
   * hours; from one of several sources; in one of the cities of {@link #territories()} (territory left for routing
   * to decide) or abroad; interested in one or two product groups; rated hot (20%), warm (40%) or cold (40%), with
   * a score that agrees with the rating.
   *
   * @return the leads
   */
  public Stream<Lead> leads() {
    long start = purchases.startEpochSecond();
    long span = purchases.endEpochSecond() - start;
    long step = Math.max(1, span / Math.max(1, leads));
    return IntStream.range(0, leads).mapToObj(i -> lead(i, start + i * step, step));
  }

  private Lead lead(int i, long slotStart, long slotLength) {
    SplittableRandom random = new SplittableRandom(purchases.seed() * 31 + 0x1CEB00DAL + i);
    Instant received = Instant.ofEpochSecond(slotStart + random.nextLong(slotLength));
    int hour = received.atZone(ZoneId.of("Asia/Shanghai")).getHour();
    if (hour < 8 && random.nextInt(3) > 0) {
      received = received.plus(Duration.ofHours(9));
    }
    int pick = random.nextInt(100);
    LeadRating rating = pick < 20 ? LeadRating.HOT : pick < 60 ? LeadRating.WARM : LeadRating.COLD;
    double score = rating == LeadRating.HOT ? 70 + random.nextInt(31)
        : rating == LeadRating.WARM ? 40 + random.nextInt(30) : random.nextInt(40);
    Lead.Builder b = Lead.builder().id(LeadId.of(String.format("L-%07d", i)))
        .sourceChannel(LEAD_SOURCES[random.nextInt(LEAD_SOURCES.length)]).receivedAt(received).rating(rating)
        .score(score).personName(ModelGenerators.personName(random)).contacts(ModelGenerators.contactPoints(random));
    if (random.nextInt(10) < 9) {
      String[] city = REGIONS[random.nextInt(REGIONS.length)];
      b.countryCode("CN").region(city[2]).city(city[3]);
    } else {
      b.countryCode(random.nextBoolean() ? "DE" : "US");
    }
    if (random.nextInt(3) == 0) {
      b.campaign("campaign-" + (1 + random.nextInt(6)));
    }
    if (random.nextBoolean()) {
      b.company(ModelGenerators.organizationName(random).legalName());
    }
    b.addProductGroupInterest(ProductGroupId.of(GROUPS[random.nextInt(GROUPS.length)][0]));
    if (random.nextInt(4) == 0) {
      b.addProductGroupInterest(ProductGroupId.of(GROUPS[random.nextInt(GROUPS.length)][0]));
    }
    return b.build();
  }

  /** Builds {@link SyntheticData}; not thread-safe. */
  public static final class Builder {
    private SyntheticPurchases purchases;
    private Currency currency = Currency.getInstance("CNY");
    private int leads = 1000;
    private int reps = 20;

    private Builder() {}

    /**
     * Sets the purchase process (required).
     *
     * @param purchases the purchase generator
     * @return this builder
     */
    public Builder purchases(SyntheticPurchases purchases) {
      this.purchases = Objects.requireNonNull(purchases, "purchases");
      return this;
    }

    /**
     * Sets the currency of all amounts; CNY unless set.
     *
     * @param currency the currency
     * @return this builder
     */
    public Builder currency(Currency currency) {
      this.currency = Objects.requireNonNull(currency, "currency");
      return this;
    }

    /**
     * Sets the number of leads; 1,000 unless set.
     *
     * @param leads at least 0
     * @return this builder
     */
    public Builder leads(int leads) {
      if (leads < 0) {
        throw new IllegalArgumentException("leads must not be negative, was " + leads);
      }
      this.leads = leads;
      return this;
    }

    /**
     * Sets the number of sales reps; 20 unless set.
     *
     * @param reps at least 0
     * @return this builder
     */
    public Builder salesReps(int reps) {
      if (reps < 0) {
        throw new IllegalArgumentException("salesReps must not be negative, was " + reps);
      }
      this.reps = reps;
      return this;
    }

    /**
     * Builds the data set.
     *
     * @return the data set
     * @throws IllegalStateException if no purchase process was set
     */
    public SyntheticData build() {
      if (purchases == null) {
        throw new IllegalStateException("SyntheticData needs purchases(...)");
      }
      return new SyntheticData(this);
    }
  }
}
