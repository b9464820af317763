package io.github.crmkit.testkit;

import io.github.crmkit.model.Absence;
import io.github.crmkit.model.Agent;
import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.AgentKind;
import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.model.Capacity;
import io.github.crmkit.model.ConsentRecord;
import io.github.crmkit.model.ContactPoints;
import io.github.crmkit.model.Customer;
import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.CustomerKind;
import io.github.crmkit.model.Direction;
import io.github.crmkit.model.DomainEvent;
import io.github.crmkit.model.EmailAddress;
import io.github.crmkit.model.Feedback;
import io.github.crmkit.model.FeedbackId;
import io.github.crmkit.model.Interaction;
import io.github.crmkit.model.InteractionChannel;
import io.github.crmkit.model.InteractionId;
import io.github.crmkit.model.InteractionOutcome;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.model.LeadRating;
import io.github.crmkit.model.LeadStatus;
import io.github.crmkit.model.LineItem;
import io.github.crmkit.model.Money;
import io.github.crmkit.model.Opportunity;
import io.github.crmkit.model.OpportunityId;
import io.github.crmkit.model.OrganizationName;
import io.github.crmkit.model.PersonName;
import io.github.crmkit.model.PhoneNumber;
import io.github.crmkit.model.PostalAddress;
import io.github.crmkit.model.Product;
import io.github.crmkit.model.ProductGroup;
import io.github.crmkit.model.ProductGroupId;
import io.github.crmkit.model.ProductId;
import io.github.crmkit.model.ServiceTicket;
import io.github.crmkit.model.SocialHandle;
import io.github.crmkit.model.Team;
import io.github.crmkit.model.TeamId;
import io.github.crmkit.model.Territory;
import io.github.crmkit.model.TerritoryId;
import io.github.crmkit.model.TicketCategory;
import io.github.crmkit.model.TicketId;
import io.github.crmkit.model.TicketPriority;
import io.github.crmkit.model.TicketStatus;
import io.github.crmkit.model.Transaction;
import io.github.crmkit.model.TransactionId;
import io.github.crmkit.model.TransactionKind;
import io.github.crmkit.model.WorkingCalendar;
import io.github.crmkit.model.WorkingHours;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Seeded generators for every model type, valid by construction. They deliberately include non-ASCII data
 * (Chinese names with compound surnames, +86 mobile numbers, full-width characters, addresses in Chinese) and edge
 * cases (zero amounts, sub-cent unit prices, currencies with 0 and 3 fraction digits, returns and cancellations,
 * same-day purchases, nanosecond timestamps, empty optionals and collections).
 *
 * <p>Each method is a plain function of a {@link RandomGenerator}; {@link #forType} returns them as
 * {@link Generator}s for table-driven tests. Thread-safe (stateless); the random generator passed in is not.
 */
public final class ModelGenerators {
  private static final String[] CHINESE_SURNAMES = {
      "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
      "欧阳", "司马", "诸葛", "上官", "单", "曾", "区", "解", "仇", "朴", "查", "覃"};
  private static final String[] CHINESE_GIVEN = {
      "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞",
      "平", "刚", "桂英", "子涵", "浩然", "雨桐", "梓萱", "一鸣"};
  private static final String[] WESTERN_GIVEN = {
      "Ada", "Grace", "Alan", "Linus", "Margaret", "José", "Zoë", "Søren", "Ærin", "Mary-Jane", "O'Neil", "François"};
  private static final String[] WESTERN_FAMILY = {
      "Lovelace", "Hopper", "Turing", "Torvalds", "Hamilton", "Müller", "García Márquez", "van der Berg", "Ødegaard",
      "O'Brien", "Nguyễn", "Smith"};
  private static final String[] TRANSLITERATED = {"阿依古丽·买买提", "迈克尔·乔丹", "娜塔莎·罗曼诺夫"};
  private static final String[][] CN_PLACES = {
      {"广东省", "深圳市", "南山区", "518000"}, {"浙江省", "杭州市", "西湖区", "310000"},
      {"北京市", "北京市", "朝阳区", "100020"}, {"上海市", "上海市", "浦东新区", "200120"},
      {"四川省", "成都市", "武侯区", "610041"}, {"江苏省", "南京市", "鼓楼区", "210008"}};
  private static final String[][] OTHER_PLACES = {
      {"DE", "Bayern", "München", "80331"}, {"US", "California", "San Francisco", "94105"},
      {"GB", "England", "London", "SW1A 1AA"}, {"JP", "東京都", "渋谷区", "150-0002"},
      {"FR", "Île-de-France", "Paris", "75001"}};
  private static final String[] CURRENCIES = {"CNY", "USD", "EUR", "JPY", "GBP", "KWD"};
  private static final String[] CHANNELS = {"online", "store", "dealer", "wechat-mini-program", "phone", "tmall"};
  private static final String[] SOURCES = {"web-form", "trade-show", "partner", "cold-call", "wechat", "referral"};
  private static final String[] SKILLS = {"industrial-pumps", "hvac", "solar", "fleet", "after-sales", "key-accounts"};
  private static final String[] LANGUAGES = {"zh-CN", "en", "de", "ja", "zh-TW", "fr", "es-419"};
  private static final String[] ZONES = {"Asia/Shanghai", "Europe/Berlin", "America/New_York", "UTC", "Asia/Tokyo"};
  private static final String[] COMPANIES = {
      "深圳市前海智造科技有限公司", "Acme GmbH", "杭州（滨江）数据服务有限公司", "ＡＢＣ贸易有限公司", "Müller & Söhne KG",
      "株式会社サンプル", "Nordic Pumps AB"};
  private static final String[] PURPOSES = {"marketing.email", "marketing.sms", "profiling", "third-party-sharing"};
  private static final Instant EPOCH_2015 = Instant.parse("2015-01-01T00:00:00Z");
  private static final long TEN_YEARS_SECONDS = 10L * 365 * 24 * 3600;

  private ModelGenerators() {}

  // ---------------------------------------------------------------- primitives

  private static <T> T pick(RandomGenerator r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  private static boolean chance(RandomGenerator r, double p) {
    return r.nextDouble() < p;
  }

  private static String idValue(RandomGenerator r, String prefix) {
    switch (r.nextInt(4)) {
      case 0:
        return prefix + "-" + r.nextInt(1_000_000);
      case 1:
        return prefix + "-" + Long.toHexString(r.nextLong());
      case 2:
        return prefix + "_" + r.nextInt(1000) + "/订单";
      default:
        return prefix + ":" + r.nextInt(100) + "." + r.nextInt(100);
    }
  }

  /**
   * Generates an instant between 2015 and 2025, sometimes with nanoseconds.
   *
   * @param random the source of randomness
   * @return the instant
   */
  public static Instant instant(RandomGenerator random) {
    Instant base = EPOCH_2015.plusSeconds(random.nextLong(TEN_YEARS_SECONDS));
    return chance(random, 0.3) ? base.plusNanos(random.nextInt(1_000_000_000)) : base;
  }

  /**
   * Generates a currency, including JPY (0 fraction digits) and KWD (3).
   *
   * @param random the source of randomness
   * @return the currency
   */
  public static Currency currency(RandomGenerator random) {
    return Currency.getInstance(pick(random, CURRENCIES));
  }

  /**
   * Generates a non-negative amount, zero about one time in ten, sometimes with sub-unit precision.
   *
   * @param random the source of randomness
   * @param currency the currency
   * @return the money
   */
  public static Money money(RandomGenerator random, Currency currency) {
    if (chance(random, 0.1)) {
      return Money.zero(currency);
    }
    int digits = Math.max(0, currency.getDefaultFractionDigits()) + (chance(random, 0.15) ? 2 : 0);
    long unscaled = random.nextLong(10_000_000L);
    return Money.of(BigDecimal.valueOf(unscaled, digits), currency);
  }

  /**
   * Generates a non-negative amount in a random currency.
   *
   * @param random the source of randomness
   * @return the money
   */
  public static Money money(RandomGenerator random) {
    return money(random, currency(random));
  }

  // ---------------------------------------------------------------- ids

  /**
   * Generates a customer id.
   *
   * @param random the source of randomness
   * @return the id
   */
  public static CustomerId customerId(RandomGenerator random) {
    return CustomerId.of(idValue(random, "C"));
  }

  /**
   * Generates a lead id.
   *
   * @param random the source of randomness
   * @return the id
   */
  public static LeadId leadId(RandomGenerator random) {
    return LeadId.of(idValue(random, "L"));
  }

  /**
   * Generates an agent id.
   *
   * @param random the source of randomness
   * @return the id
   */
  public static AgentId agentId(RandomGenerator random) {
    return AgentId.of(idValue(random, "A"));
  }

  /**
   * Generates a product id.
   *
   * @param random the source of randomness
   * @return the id
   */
  public static ProductId productId(RandomGenerator random) {
    return ProductId.of(idValue(random, "P"));
  }

  /**
   * Generates a territory id.
   *
   * @param random the source of randomness
   * @return the id
   */
  public static TerritoryId territoryId(RandomGenerator random) {
    return TerritoryId.of(idValue(random, "T"));
  }

  // ---------------------------------------------------------------- contact points and names

  /**
   * Generates a person's name: Chinese (with compound and rare surnames), transliterated with a middle dot, or
   * Western with diacritics.
   *
   * @param random the source of randomness
   * @return the name
   */
  public static PersonName personName(RandomGenerator random) {
    switch (random.nextInt(5)) {
      case 0:
      case 1:
        return PersonName.familyFirst(pick(random, CHINESE_SURNAMES), pick(random, CHINESE_GIVEN));
      case 2:
        return PersonName.parseChinese(pick(random, TRANSLITERATED));
      case 3:
        return PersonName.of(pick(random, WESTERN_GIVEN), pick(random, WESTERN_FAMILY));
      default:
        return chance(random, 0.5)
            ? PersonName.builder().givenName(pick(random, WESTERN_GIVEN)).build()
            : PersonName.builder().familyName(pick(random, CHINESE_SURNAMES)).order(
                io.github.crmkit.model.NameOrder.FAMILY_FIRST).build();
    }
  }

  /**
   * Generates an email address, sometimes with an upper-case local part or an internationalised domain.
   *
   * @param random the source of randomness
   * @return the address
   */
  public static EmailAddress email(RandomGenerator random) {
    String local = pick(random, new String[] {"zhang.wei", "Ada.Lovelace", "li_na+crm", "wang-fang", "o'brien"})
        + random.nextInt(10_000);
    String domain = pick(random, new String[] {"example.com", "qq.com", "163.com", "example.co.uk", "例子.中国"});
    return EmailAddress.of(local + "@" + domain);
  }

  /**
   * Generates a phone number: mostly Chinese mobiles (+86 1[3-9]x), some written with full-width digits.
   *
   * @param random the source of randomness
   * @return the number
   */
  public static PhoneNumber phone(RandomGenerator random) {
    if (chance(random, 0.7)) {
      String mobile = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
      if (chance(random, 0.2)) {
        StringBuilder fullWidth = new StringBuilder("＋８６ ");
        for (char c : mobile.toCharArray()) {
          fullWidth.append((char) ('０' + (c - '0')));
        }
        return PhoneNumber.of(fullWidth.toString());
      }
      return chance(random, 0.5) ? PhoneNumber.of("+86 " + mobile) : PhoneNumber.parse(mobile, "86");
    }
    return PhoneNumber.of("+49 30 " + (1_000_000 + random.nextInt(8_999_999)));
  }

  /**
   * Generates a postal address, in China (Chinese script, full-width digits at times) or elsewhere.
   *
   * @param random the source of randomness
   * @return the address
   */
  public static PostalAddress address(RandomGenerator random) {
    PostalAddress.Builder b = PostalAddress.builder();
    if (chance(random, 0.6)) {
      String[] place = pick(random, CN_PLACES);
      b.countryCode("CN").region(place[0]).city(place[1]).district(place[2]).postalCode(place[3]);
      b.addLine(pick(random, new String[] {"科技园南路", "文三路", "建国路", "世纪大道"})
          + (chance(random, 0.3) ? "１２" : String.valueOf(1 + random.nextInt(999))) + "号");
    } else {
      String[] place = pick(random, OTHER_PLACES);
      b.countryCode(place[0]).region(place[1]).city(place[2]).postalCode(place[3]);
      b.addLine((1 + random.nextInt(200)) + " Market Street");
      if (chance(random, 0.3)) {
        b.addLine("Suite " + (100 + random.nextInt(900)));
      }
    }
    return b.build();
  }

  /**
   * Generates a social handle.
   *
   * @param random the source of randomness
   * @return the handle
   */
  public static SocialHandle socialHandle(RandomGenerator random) {
    String network = pick(random, new String[] {"wechat", "whatsapp", "line", "qq", "weibo", "linkedin"});
    return SocialHandle.of(network, (network.equals("qq") ? "" : "user_") + random.nextInt(100_000_000));
  }

  /**
   * Generates contact points, possibly empty.
   *
   * @param random the source of randomness
   * @return the contact points
   */
  public static ContactPoints contactPoints(RandomGenerator random) {
    ContactPoints.Builder b = ContactPoints.builder();
    for (int i = random.nextInt(3); i > 0; i--) {
      b.addEmail(email(random));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      b.addPhone(phone(random));
    }
    for (int i = random.nextInt(2); i > 0; i--) {
      b.addAddress(address(random));
    }
    for (int i = random.nextInt(2); i > 0; i--) {
      b.addSocialHandle(socialHandle(random));
    }
    return b.build();
  }

  /**
   * Generates an organisation name, with full-width characters at times.
   *
   * @param random the source of randomness
   * @return the name
   */
  public static OrganizationName organizationName(RandomGenerator random) {
    OrganizationName.Builder b = OrganizationName.builder().legalName(pick(random, COMPANIES));
    if (chance(random, 0.4)) {
      b.tradingName(pick(random, new String[] {"Acme", "前海智造", "ＡＢＣ", "Nordic"}));
    }
    return b.build();
  }

  // ---------------------------------------------------------------- attributes

  /**
   * Generates a custom attribute value of any of the seven types.
   *
   * @param random the source of randomness
   * @return the value
   */
  public static AttributeValue attributeValue(RandomGenerator random) {
    switch (random.nextInt(7)) {
      case 0:
        return AttributeValue.ofString(pick(random, new String[] {"gold", "", "金卡会员", "ＶＩＰ", "a\"quoted\""}));
      case 1:
        return AttributeValue.ofLong(random.nextLong());
      case 2:
        return AttributeValue.ofDecimal(BigDecimal.valueOf(random.nextLong(1_000_000), random.nextInt(6)));
      case 3:
        return AttributeValue.ofBoolean(random.nextBoolean());
      case 4:
        return AttributeValue.ofDate(LocalDate.ofEpochDay(16_000 + random.nextInt(5000)));
      case 5:
        return AttributeValue.ofInstant(instant(random));
      default:
        List<String> values = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          values.add(pick(random, new String[] {"a", "b", "华东", "x y"}));
        }
        return AttributeValue.ofStrings(values);
    }
  }

  /**
   * Generates a map of 0 to 4 custom attributes.
   *
   * @param random the source of randomness
   * @return the attributes
   */
  public static Map<String, AttributeValue> attributes(RandomGenerator random) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (int i = random.nextInt(5); i > 0; i--) {
      out.put(pick(random, new String[] {"tier", "erp.id", "visits", "vip_since", "Region-Code", "tags2"}),
          attributeValue(random));
    }
    return out;
  }

  // ---------------------------------------------------------------- aggregates

  /**
   * Generates consent records: per purpose a history of non-overlapping grants and withdrawals.
   *
   * @param random the source of randomness
   * @param after no record starts before this instant
   * @return the records
   */
  public static List<ConsentRecord> consents(RandomGenerator random, Instant after) {
    List<ConsentRecord> out = new ArrayList<>();
    for (String purpose : PURPOSES) {
      if (!chance(random, 0.4)) {
        continue;
      }
      Instant t = after.plusSeconds(random.nextInt(1_000_000));
      for (int i = 1 + random.nextInt(2); i > 0; i--) {
        ConsentRecord.Builder b = ConsentRecord.builder().purpose(purpose).grantedAt(t);
        if (chance(random, 0.5)) {
          b.source(pick(random, SOURCES));
        }
        if (i > 1 || chance(random, 0.3)) {
          t = t.plusSeconds(random.nextInt(10_000_000));
          b.withdrawnAt(t);
          t = t.plusSeconds(random.nextInt(1000));
          out.add(b.build());
        } else {
          out.add(b.build());
          break;
        }
      }
    }
    Collections.shuffle(out, new java.util.Random(random.nextLong()));
    return out;
  }

  /**
   * Generates a customer, person or organisation.
   *
   * @param random the source of randomness
   * @return the customer
   */
  public static Customer customer(RandomGenerator random) {
    CustomerKind kind = chance(random, 0.7) ? CustomerKind.PERSON : CustomerKind.ORGANIZATION;
    Instant created = instant(random);
    Customer.Builder b = Customer.builder().id(customerId(random)).kind(kind).createdAt(created);
    if (kind == CustomerKind.PERSON || chance(random, 0.5)) {
      b.personName(personName(random));
    }
    if (kind == CustomerKind.ORGANIZATION) {
      b.organizationName(organizationName(random));
    }
    if (chance(random, 0.8)) {
      b.contacts(contactPoints(random));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      b.addTag(pick(random, new String[] {"vip", "wholesale", "华东", "churn-risk", "ＶＩＰ"}));
    }
    if (chance(random, 0.6)) {
      b.owner(agentId(random));
    }
    if (chance(random, 0.7)) {
      b.acquisitionChannel(pick(random, SOURCES));
    }
    b.addAllConsents(consents(random, created));
    b.putAllAttributes(attributes(random));
    return b.build();
  }

  /**
   * Generates a lead in any status, its owner consistent with the status.
   *
   * @param random the source of randomness
   * @return the lead
   */
  public static Lead lead(RandomGenerator random) {
    LeadStatus status = pick(random, LeadStatus.values());
    Lead.Builder b = Lead.builder().id(leadId(random)).sourceChannel(pick(random, SOURCES))
        .receivedAt(instant(random)).status(status);
    if (chance(random, 0.5)) {
      b.campaign("campaign-" + random.nextInt(50));
    }
    if (chance(random, 0.8)) {
      b.personName(personName(random));
    }
    if (chance(random, 0.8)) {
      b.contacts(contactPoints(random));
    }
    if (chance(random, 0.5)) {
      b.company(pick(random, COMPANIES));
    }
    if (chance(random, 0.7)) {
      String[] place = chance(random, 0.6) ? pick(random, CN_PLACES) : pick(random, OTHER_PLACES);
      b.countryCode(place[0].length() == 2 ? place[0] : "CN");
      b.region(place[0].length() == 2 ? place[1] : place[0]).city(place[0].length() == 2 ? place[2] : place[1]);
    }
    if (chance(random, 0.4)) {
      b.territory(territoryId(random));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      b.addProductInterest(productId(random));
    }
    for (int i = random.nextInt(2); i > 0; i--) {
      b.addProductGroupInterest(ProductGroupId.of("G-" + random.nextInt(20)));
    }
    if (chance(random, 0.7)) {
      b.rating(pick(random, LeadRating.values()));
    }
    if (chance(random, 0.6)) {
      b.score(chance(random, 0.2) ? -random.nextInt(20) : random.nextDouble() * 100);
    }
    boolean ownerRequired = status == LeadStatus.ASSIGNED || status == LeadStatus.WORKING;
    if (ownerRequired || (status != LeadStatus.POOLED && chance(random, 0.5))) {
      b.owner(agentId(random));
    }
    if (chance(random, 0.3)) {
      b.customer(customerId(random));
    }
    b.putAllAttributes(attributes(random));
    return b.build();
  }

  /**
   * Generates a line item in a currency.
   *
   * @param random the source of randomness
   * @param currency the currency of the unit price
   * @return the line item
   */
  public static LineItem lineItem(RandomGenerator random, Currency currency) {
    BigDecimal quantity = chance(random, 0.8)
        ? BigDecimal.valueOf(1 + random.nextInt(20))
        : BigDecimal.valueOf(1 + random.nextInt(100_000), 3);
    return LineItem.of(productId(random), quantity, money(random, currency));
  }

  /**
   * Generates an opportunity.
   *
   * @param random the source of randomness
   * @return the opportunity
   */
  public static Opportunity opportunity(RandomGenerator random) {
    Currency currency = currency(random);
    Opportunity.Builder b = Opportunity.builder().id(OpportunityId.of(idValue(random, "O")))
        .customer(customerId(random)).name(pick(random, new String[] {"2027 fleet renewal", "华东区扩容项目", "Pilot"}))
        .amount(money(random, currency))
        .stageId(pick(random, new String[] {"qualify", "proposal", "negotiation", "closed-won", "closed-lost"}))
        .probability(random.nextInt(11) / 10.0)
        .expectedCloseDate(LocalDate.ofEpochDay(17_000 + random.nextInt(4000)))
        .createdAt(instant(random));
    if (chance(random, 0.7)) {
      b.owner(agentId(random));
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      b.addLineItem(lineItem(random, currency));
    }
    if (chance(random, 0.2)) {
      b.lostReason(pick(random, new String[] {"price", "竞争对手价格更低", "no budget\nthis year"}));
    }
    b.putAllAttributes(attributes(random));
    return b.build();
  }

  /**
   * Generates a single transaction: a sale, or a return or cancellation referencing some sale.
   *
   * @param random the source of randomness
   * @return the transaction
   */
  public static Transaction transaction(RandomGenerator random) {
    TransactionKind kind = chance(random, 0.75) ? TransactionKind.SALE
        : chance(random, 0.6) ? TransactionKind.RETURN : TransactionKind.CANCELLATION;
    Currency currency = currency(random);
    Transaction.Builder b = Transaction.builder().id(TransactionId.of(idValue(random, "S")))
        .customer(customerId(random)).occurredAt(instant(random)).kind(kind).total(money(random, currency));
    if (kind.isReversal()) {
      b.originalTransaction(TransactionId.of(idValue(random, "R")));
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      b.addLine(lineItem(random, currency));
    }
    if (chance(random, 0.7)) {
      b.channel(pick(random, CHANNELS));
    }
    b.putAllAttributes(attributes(random));
    return b.build();
  }

  /**
   * Generates one customer's purchase history, in time order: sales (some on the same day, some of zero value) and
   * returns or cancellations that reference an earlier sale of the same customer.
   *
   * @param random the source of randomness
   * @param customer the customer
   * @param size the number of transactions
   * @return the transactions
   */
  public static List<Transaction> history(RandomGenerator random, CustomerId customer, int size) {
    List<Transaction> out = new ArrayList<>();
    List<Transaction> sales = new ArrayList<>();
    Currency currency = currency(random);
    Instant t = instant(random);
    for (int i = 0; i < size; i++) {
      t = t.plusSeconds(chance(random, 0.3) ? random.nextInt(3600) : random.nextInt(60 * 86_400));
      TransactionId id = TransactionId.of(customer.value() + "#" + i);
      Transaction.Builder b = Transaction.builder().id(id).customer(customer).occurredAt(t);
      if (!sales.isEmpty() && chance(random, 0.15)) {
        Transaction original = sales.get(random.nextInt(sales.size()));
        b.kind(chance(random, 0.7) ? TransactionKind.RETURN : TransactionKind.CANCELLATION)
            .originalTransaction(original.id()).total(original.total());
      } else {
        b.total(money(random, currency));
      }
      Transaction tx = b.build();
      if (tx.kind() == TransactionKind.SALE) {
        sales.add(tx);
      }
      out.add(tx);
    }
    return out;
  }

  /**
   * Generates an interaction with a customer, a lead or both.
   *
   * @param random the source of randomness
   * @return the interaction
   */
  public static Interaction interaction(RandomGenerator random) {
    Interaction.Builder b = Interaction.builder().id(InteractionId.of(idValue(random, "I")))
        .channel(pick(random, InteractionChannel.values())).direction(pick(random, Direction.values()))
        .outcome(pick(random, InteractionOutcome.values())).occurredAt(instant(random));
    int who = random.nextInt(3);
    if (who != 1) {
      b.customer(customerId(random));
    }
    if (who != 0) {
      b.lead(leadId(random));
    }
    if (chance(random, 0.7)) {
      b.agent(agentId(random));
    }
    if (chance(random, 0.5)) {
      b.duration(Duration.ofSeconds(random.nextInt(7200)));
    }
    if (chance(random, 0.5)) {
      b.summary(pick(random, new String[] {"客户对报价满意，下周回访", "Asked for a demo.\nCall back Monday.", "N/A"}));
    }
    b.putAllAttributes(attributes(random));
    return b.build();
  }

  /**
   * Generates feedback with at least one of CSAT, NPS and comment.
   *
   * @param random the source of randomness
   * @return the feedback
   */
  public static Feedback feedback(RandomGenerator random) {
    Feedback.Builder b = Feedback.builder().id(FeedbackId.of(idValue(random, "F"))).customer(customerId(random))
        .receivedAt(instant(random));
    int which = 1 + random.nextInt(7);
    if ((which & 1) != 0) {
      b.csat(1 + random.nextInt(5));
    }
    if ((which & 2) != 0) {
      b.nps(random.nextInt(11));
    }
    if ((which & 4) != 0) {
      b.comment(pick(random, new String[] {"服务很好！", "Slow delivery.", "５星好评"}));
    }
    if (chance(random, 0.5)) {
      b.channel(pick(random, new String[] {"survey-email", "sms", "in-app"}));
    }
    if (chance(random, 0.3)) {
      b.ticket(TicketId.of(idValue(random, "K")));
    }
    b.putAllAttributes(attributes(random));
    return b.build();
  }

  /**
   * Generates a service ticket whose times and status are consistent.
   *
   * @param random the source of randomness
   * @return the ticket
   */
  public static ServiceTicket serviceTicket(RandomGenerator random) {
    Instant opened = instant(random);
    TicketStatus status = pick(random, TicketStatus.values());
    ServiceTicket.Builder b = ServiceTicket.builder().id(TicketId.of(idValue(random, "K")))
        .customer(customerId(random)).category(pick(random, TicketCategory.values()))
        .priority(pick(random, TicketPriority.values())).status(status).openedAt(opened);
    if (status != TicketStatus.OPEN || chance(random, 0.3)) {
      b.firstResponseAt(opened.plusSeconds(random.nextInt(86_400)));
    }
    if (status.isResolved()) {
      b.resolvedAt(opened.plusSeconds(random.nextInt(10 * 86_400)));
    }
    if (chance(random, 0.6)) {
      b.slaDueAt(opened.plusSeconds(3600L * (4 + random.nextInt(72))));
    }
    if (chance(random, 0.7)) {
      b.assignee(agentId(random));
    }
    if (chance(random, 0.4)) {
      b.product(productId(random));
    }
    if (chance(random, 0.5)) {
      b.subject(pick(random, new String[] {"空调不制冷", "Warranty claim for pump P-100", "账单有误"}));
    }
    b.putAllAttributes(attributes(random));
    return b.build();
  }

  /**
   * Generates a capacity with some caps set.
   *
   * @param random the source of randomness
   * @return the capacity
   */
  public static Capacity capacity(RandomGenerator random) {
    Capacity.Builder b = Capacity.builder();
    if (chance(random, 0.5)) {
      b.maxPerDay(random.nextInt(50));
    }
    if (chance(random, 0.3)) {
      b.maxPerWeek(random.nextInt(200));
    }
    if (chance(random, 0.4)) {
      b.maxPerMonth(random.nextInt(800));
    }
    if (chance(random, 0.2)) {
      b.maxPerRolling30Days(random.nextInt(800));
    }
    if (chance(random, 0.5)) {
      b.maxOpen(random.nextInt(100));
    }
    return b.build();
  }

  /**
   * Generates a working calendar: weekday hours (sometimes split by a lunch break), holidays and absences.
   *
   * @param random the source of randomness
   * @return the calendar
   */
  public static WorkingCalendar workingCalendar(RandomGenerator random) {
    WorkingCalendar.Builder b = WorkingCalendar.builder().zone(ZoneId.of(pick(random, ZONES)));
    boolean lunch = random.nextBoolean();
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day == DayOfWeek.SUNDAY || (day == DayOfWeek.SATURDAY && random.nextBoolean())) {
        continue;
      }
      if (lunch) {
        b.addHour(WorkingHours.of(day, LocalTime.of(9, 0), LocalTime.of(12, 0)));
        b.addHour(WorkingHours.of(day, LocalTime.of(13, 30), LocalTime.of(18, 0)));
      } else {
        b.addHour(WorkingHours.of(day, LocalTime.of(8 + random.nextInt(2), 0), LocalTime.of(17, 30)));
      }
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      b.addHoliday(LocalDate.ofEpochDay(19_000 + random.nextInt(1000)));
    }
    for (int i = random.nextInt(2); i > 0; i--) {
      Instant from = instant(random);
      b.addAbsence(Absence.of(from, from.plusSeconds(3600L + random.nextInt(14 * 86_400))));
    }
    return b.build();
  }

  /**
   * Generates an agent of any kind.
   *
   * @param random the source of randomness
   * @return the agent
   */
  public static Agent agent(RandomGenerator random) {
    AgentKind kind = pick(random, AgentKind.values());
    AgentId id = agentId(random);
    Agent.Builder b = Agent.builder().id(id).kind(kind)
        .displayName(kind == AgentKind.QUEUE ? "华南线索池" : personName(random).displayName());
    if (chance(random, 0.6)) {
      b.team(TeamId.of("team-" + random.nextInt(10)));
    }
    if (chance(random, 0.4)) {
      AgentId manager = agentId(random);
      if (!manager.equals(id)) {
        b.reportsTo(manager);
      }
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      b.addTerritory(territoryId(random));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      b.addSkill(pick(random, SKILLS));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      b.addLanguage(pick(random, LANGUAGES));
    }
    if (chance(random, 0.5)) {
      b.weight(0.25 + random.nextInt(16) * 0.25);
    }
    if (chance(random, 0.6)) {
      b.capacity(capacity(random));
    }
    if (chance(random, 0.5)) {
      b.calendar(workingCalendar(random));
    }
    if (chance(random, 0.1)) {
      b.active(false);
    }
    b.putAllAttributes(attributes(random));
    return b.build();
  }

  /**
   * Generates a team.
   *
   * @param random the source of randomness
   * @return the team
   */
  public static Team team(RandomGenerator random) {
    TeamId id = TeamId.of("team-" + random.nextInt(1000));
    Team.Builder b = Team.builder().id(id).name(pick(random, new String[] {"华南大客户部", "DACH Inside Sales", "Dealers"}));
    if (chance(random, 0.5)) {
      b.manager(agentId(random));
    }
    if (chance(random, 0.5)) {
      TeamId parent = TeamId.of("team-" + random.nextInt(1000));
      if (!parent.equals(id)) {
        b.parent(parent);
      }
    }
    return b.build();
  }

  /**
   * Generates a territory.
   *
   * @param random the source of randomness
   * @return the territory
   */
  public static Territory territory(RandomGenerator random) {
    TerritoryId id = territoryId(random);
    Territory.Builder b = Territory.builder().id(id).name(pick(random, new String[] {"华南", "DACH", "Tokyo Metro"}));
    if (chance(random, 0.5)) {
      TerritoryId parent = territoryId(random);
      if (!parent.equals(id)) {
        b.parent(parent);
      }
    }
    if (chance(random, 0.6)) {
      b.addCountryCode(pick(random, new String[] {"CN", "DE", "AT", "CH", "JP"}));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      b.addRegion(pick(random, new String[] {"广东省", "浙江省", "Bayern", "東京都"}));
    }
    for (int i = random.nextInt(2); i > 0; i--) {
      b.addCity(pick(random, new String[] {"深圳市", "杭州市", "München"}));
    }
    for (int i = random.nextInt(2); i > 0; i--) {
      b.addPostalCodePrefix(pick(random, new String[] {"518", "31", "80"}));
    }
    return b.build();
  }

  /**
   * Generates a product.
   *
   * @param random the source of randomness
   * @return the product
   */
  public static Product product(RandomGenerator random) {
    Product.Builder b = Product.builder().id(productId(random))
        .name(pick(random, new String[] {"离心泵 CP-200", "Solar inverter 5 kW", "Service plan"}));
    if (chance(random, 0.6)) {
      b.sku("SKU-" + random.nextInt(100_000));
    }
    if (chance(random, 0.6)) {
      b.group(ProductGroupId.of("G-" + random.nextInt(20)));
    }
    if (chance(random, 0.7)) {
      b.listPrice(money(random));
    }
    if (chance(random, 0.1)) {
      b.active(false);
    }
    b.putAllAttributes(attributes(random));
    return b.build();
  }

  /**
   * Generates a product group.
   *
   * @param random the source of randomness
   * @return the group
   */
  public static ProductGroup productGroup(RandomGenerator random) {
    ProductGroupId id = ProductGroupId.of("G-" + random.nextInt(100));
    ProductGroup.Builder b = ProductGroup.builder().id(id).name(pick(random, new String[] {"泵", "Solar", "Services"}));
    if (chance(random, 0.5)) {
      ProductGroupId parent = ProductGroupId.of("G-" + random.nextInt(100));
      if (!parent.equals(id)) {
        b.parent(parent);
      }
    }
    return b.build();
  }

  /**
   * Generates a domain event.
   *
   * @param random the source of randomness
   * @return the event
   */
  public static DomainEvent domainEvent(RandomGenerator random) {
    return DomainEvent.builder().eventId(Long.toHexString(random.nextLong()))
        .type(pick(random, new String[] {"lead.assigned", "lead.recycled", "opportunity.stage-changed"}))
        .occurredAt(instant(random)).aggregateType(pick(random, new String[] {"lead", "opportunity", "customer"}))
        .aggregateId(idValue(random, "X")).putAllAttributes(attributes(random)).build();
  }

  // ---------------------------------------------------------------- table

  private static final Map<Class<?>, Generator<?>> GENERATORS = table();

  private static Map<Class<?>, Generator<?>> table() {
    Map<Class<?>, Generator<?>> m = new LinkedHashMap<>();
    m.put(CustomerId.class, ModelGenerators::customerId);
    m.put(LeadId.class, ModelGenerators::leadId);
    m.put(AgentId.class, ModelGenerators::agentId);
    m.put(ProductId.class, ModelGenerators::productId);
    m.put(TerritoryId.class, ModelGenerators::territoryId);
    m.put(Money.class, ModelGenerators::money);
    m.put(EmailAddress.class, ModelGenerators::email);
    m.put(PhoneNumber.class, ModelGenerators::phone);
    m.put(PostalAddress.class, ModelGenerators::address);
    m.put(SocialHandle.class, ModelGenerators::socialHandle);
    m.put(ContactPoints.class, ModelGenerators::contactPoints);
    m.put(PersonName.class, ModelGenerators::personName);
    m.put(OrganizationName.class, ModelGenerators::organizationName);
    m.put(AttributeValue.class, ModelGenerators::attributeValue);
    m.put(ConsentRecord.class, r -> {
      List<ConsentRecord> records = consents(r, instant(r));
      return records.isEmpty() ? ConsentRecord.granted("marketing.email", instant(r)) : records.get(0);
    });
    m.put(Customer.class, ModelGenerators::customer);
    m.put(Lead.class, ModelGenerators::lead);
    m.put(LineItem.class, r -> lineItem(r, currency(r)));
    m.put(Opportunity.class, ModelGenerators::opportunity);
    m.put(Transaction.class, ModelGenerators::transaction);
    m.put(Interaction.class, ModelGenerators::interaction);
    m.put(Feedback.class, ModelGenerators::feedback);
    m.put(ServiceTicket.class, ModelGenerators::serviceTicket);
    m.put(Capacity.class, ModelGenerators::capacity);
    m.put(WorkingCalendar.class, ModelGenerators::workingCalendar);
    m.put(Agent.class, ModelGenerators::agent);
    m.put(Team.class, ModelGenerators::team);
    m.put(Territory.class, ModelGenerators::territory);
    m.put(Product.class, ModelGenerators::product);
    m.put(ProductGroup.class, ModelGenerators::productGroup);
    m.put(DomainEvent.class, ModelGenerators::domainEvent);
    return Collections.unmodifiableMap(m);
  }

  /**
   * Returns the model types that have a generator, in a stable order.
   *
   * @return the types
   */
  public static List<Class<?>> types() {
    return List.copyOf(GENERATORS.keySet());
  }

  /**
   * Returns the generator for a model type.
   *
   * @param <T> the type
   * @param type a type listed by {@link #types()}
   * @return its generator
   * @throws IllegalArgumentException if the type has no generator
   */
  @SuppressWarnings("unchecked")
  public static <T> Generator<T> forType(Class<T> type) {
    Generator<?> generator = GENERATORS.get(type);
    if (generator == null) {
      throw new IllegalArgumentException("no generator for " + type.getName());
    }
    return (Generator<T>) generator;
  }
}
