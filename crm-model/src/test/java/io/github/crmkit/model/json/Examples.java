package io.github.crmkit.model.json;

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
import java.util.List;

/** Hand-written examples of every aggregate with (nearly) every attribute set, for JSON round trips. */
final class Examples {
  static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

  private Examples() {}

  static ContactPoints contacts() {
    return ContactPoints.builder()
        .addEmail(EmailAddress.of("Ouyang.Nana＠Example.CN"))
        .addEmail(EmailAddress.of("nana@例子.中国"))
        .addPhone(PhoneNumber.of("+86 138 0013 8000"))
        .addPhone(PhoneNumber.parse("030 1234567", "49"))
        .addAddress(PostalAddress.builder().countryCode("CN").region("浙江省").city("宁波市").district("鄞州区")
            .postalCode("315100").addLine("天童南路 588 号").addLine("3 楼").build())
        .addAddress(PostalAddress.builder().countryCode("DE").build())
        .addSocialHandle(SocialHandle.of("wechat", "wxid_nana88"))
        .addSocialHandle(SocialHandle.of("x", "@nana"))
        .build();
  }

  static Customer customer() {
    return Customer.builder()
        .id(CustomerId.of("C-000042"))
        .kind(CustomerKind.PERSON)
        .personName(PersonName.parseChinese("欧阳娜娜"))
        .organizationName(OrganizationName.builder().legalName("宁波泵业有限公司").tradingName("NB Pumps").build())
        .contacts(contacts())
        .addTags("vip", "b2c", "华东")
        .owner(AgentId.of("A-1"))
        .acquisitionChannel("web")
        .createdAt(T0)
        .addConsent(ConsentRecord.builder().purpose("marketing.email").grantedAt(T0)
            .withdrawnAt(T0.plus(Duration.ofDays(30))).source("web-form").build())
        .addConsent(ConsentRecord.granted("marketing.email", T0.plus(Duration.ofDays(60))))
        .addConsent(ConsentRecord.granted("profiling", T0))
        .putAttribute("tier", AttributeValue.ofString("gold"))
        .putAttribute("visits", AttributeValue.ofLong(-9_007_199_254_740_993L))
        .putAttribute("discount", AttributeValue.ofDecimal(new BigDecimal("0.250")))
        .putAttribute("big", AttributeValue.ofDecimal(new BigDecimal("1E+3")))
        .putAttribute("vip", AttributeValue.ofBoolean(true))
        .putAttribute("birthday", AttributeValue.ofDate(LocalDate.of(1989, 12, 7)))
        .putAttribute("lastLogin", AttributeValue.ofInstant(Instant.parse("2024-05-02T10:15:30.123456789Z")))
        .putAttribute("interests", AttributeValue.ofStrings(List.of("pumps", "valves", "")))
        .build();
  }

  static Customer organization() {
    return Customer.builder().id(CustomerId.of("C-7")).kind(CustomerKind.ORGANIZATION)
        .organizationName(OrganizationName.of("ACME Pumps GmbH")).createdAt(T0).build();
  }

  static Lead lead() {
    return Lead.builder()
        .id(LeadId.of("L-1"))
        .sourceChannel("trade-show")
        .campaign("hannover-2024")
        .receivedAt(T0)
        .personName(PersonName.of("Ada", "Lovelace"))
        .contacts(ContactPoints.builder().addEmail(EmailAddress.of("ada@example.com")).build())
        .company("Analytical Engines Ltd")
        .countryCode("GB")
        .region("England")
        .city("London")
        .territory(TerritoryId.of("T-UK"))
        .addProductInterest(ProductId.of("P-2"))
        .addProductInterest(ProductId.of("P-1"))
        .addProductGroupInterest(ProductGroupId.of("G-1"))
        .rating(LeadRating.WARM)
        .score(72.25)
        .status(LeadStatus.WORKING)
        .owner(AgentId.of("A-1"))
        .customer(CustomerId.of("C-1"))
        .putAttribute("utm_source", AttributeValue.ofString("newsletter"))
        .build();
  }

  static Opportunity opportunity() {
    return Opportunity.builder()
        .id(OpportunityId.of("O-1"))
        .customer(CustomerId.of("C-1"))
        .name("2027 fleet renewal")
        .amount(Money.of("125000.5", "EUR"))
        .stageId("proposal")
        .probability(0.35)
        .expectedCloseDate(LocalDate.of(2024, 9, 30))
        .owner(AgentId.of("A-1"))
        .addLineItem(LineItem.of(ProductId.of("P-1"), 10, Money.of("12500", "EUR")))
        .addLineItem(LineItem.of(ProductId.of("P-2"), new BigDecimal("0.5"), Money.of("0.125", "EUR")))
        .lostReason("Budget frozen.\nRevisit in Q3.")
        .createdAt(T0)
        .putAttribute("forecast", AttributeValue.ofBoolean(false))
        .build();
  }

  static Transaction sale() {
    return Transaction.builder()
        .id(TransactionId.of("T-1"))
        .customer(CustomerId.of("C-1"))
        .occurredAt(T0)
        .kind(TransactionKind.SALE)
        .addLine(LineItem.of(ProductId.of("P-1"), 3, Money.of("1500", "JPY")))
        .addLine(LineItem.of(ProductId.of("P-2"), new BigDecimal("1.25"), Money.of("800", "JPY")))
        .total(Money.of("5500", "JPY"))
        .channel("online")
        .putAttribute("coupon", AttributeValue.ofString("SPRING"))
        .build();
  }

  static Transaction cancellation() {
    return Transaction.builder()
        .id(TransactionId.of("T-3"))
        .customer(CustomerId.of("C-1"))
        .occurredAt(T0.plusSeconds(60))
        .kind(TransactionKind.CANCELLATION)
        .originalTransaction(TransactionId.of("T-1"))
        .total(Money.of("5500", "JPY"))
        .build();
  }

  static Transaction saleReturn() {
    return Transaction.builder()
        .id(TransactionId.of("T-2"))
        .customer(CustomerId.of("C-1"))
        .occurredAt(T0.plus(Duration.ofDays(3)))
        .kind(TransactionKind.RETURN)
        .originalTransaction(TransactionId.of("T-1"))
        .addLine(LineItem.of(ProductId.of("P-1"), 1, Money.of("1500", "JPY")))
        .total(Money.of("1500", "JPY"))
        .channel("store")
        .build();
  }

  static Interaction interaction() {
    return Interaction.builder()
        .id(InteractionId.of("I-1"))
        .customer(CustomerId.of("C-1"))
        .lead(LeadId.of("L-1"))
        .channel(InteractionChannel.SOCIAL_MESSAGE)
        .direction(Direction.OUTBOUND)
        .outcome(InteractionOutcome.LEFT_MESSAGE)
        .agent(AgentId.of("A-1"))
        .occurredAt(T0)
        .duration(Duration.ofMinutes(12).plusSeconds(5))
        .summary("Sent the brochure.\n\tWill call back Friday.")
        .putAttribute("wechatMsgId", AttributeValue.ofString("m-1"))
        .build();
  }

  static Feedback feedback() {
    return Feedback.builder()
        .id(FeedbackId.of("F-1"))
        .customer(CustomerId.of("C-1"))
        .csat(4)
        .nps(9)
        .comment("Quick and friendly. 服务很好！")
        .channel("survey-email")
        .receivedAt(T0)
        .ticket(TicketId.of("K-1"))
        .putAttribute("surveyId", AttributeValue.ofLong(77))
        .build();
  }

  static ServiceTicket ticket() {
    return ServiceTicket.builder()
        .id(TicketId.of("K-1"))
        .customer(CustomerId.of("C-1"))
        .category(TicketCategory.WARRANTY)
        .priority(TicketPriority.HIGH)
        .status(TicketStatus.CLOSED)
        .openedAt(T0)
        .firstResponseAt(T0.plus(Duration.ofMinutes(20)))
        .resolvedAt(T0.plus(Duration.ofHours(30)))
        .slaDueAt(T0.plus(Duration.ofHours(24)))
        .assignee(AgentId.of("A-2"))
        .product(ProductId.of("P-1"))
        .subject("Pump X200 leaks at the seal")
        .putAttribute("rma", AttributeValue.ofString("RMA-9"))
        .build();
  }

  static Agent agent() {
    return Agent.builder()
        .id(AgentId.of("A-1"))
        .kind(AgentKind.REGIONAL_MANAGER)
        .displayName("张伟")
        .team(TeamId.of("TM-EAST"))
        .reportsTo(AgentId.of("A-0"))
        .addTerritory(TerritoryId.of("T-NB"))
        .addTerritory(TerritoryId.of("T-HZ"))
        .addSkill("industrial-pumps")
        .addSkill("valves")
        .addLanguage("zh-CN")
        .addLanguage("en")
        .weight(1.5)
        .capacity(Capacity.builder().maxPerDay(10).maxPerWeek(40).maxPerMonth(120).maxPerRolling30Days(130)
            .maxOpen(0).build())
        .calendar(WorkingCalendar.weekdays(ZoneId.of("Asia/Shanghai"), LocalTime.of(9, 0), LocalTime.of(18, 0))
            .toBuilder()
            .addHour(WorkingHours.of(DayOfWeek.SATURDAY, LocalTime.of(9, 30), LocalTime.of(12, 15, 30)))
            .addHoliday(LocalDate.of(2024, 10, 1))
            .addHoliday(LocalDate.of(2024, 5, 1))
            .addAbsence(Absence.of(Instant.parse("2024-07-01T00:00:00Z"), Instant.parse("2024-07-15T00:00:00Z")))
            .build())
        .active(false)
        .putAttribute("employeeNo", AttributeValue.ofLong(1042))
        .build();
  }

  static Team team() {
    return Team.builder().id(TeamId.of("TM-EAST")).name("华东销售部").manager(AgentId.of("A-0"))
        .parent(TeamId.of("TM-CN")).build();
  }

  static Territory territory() {
    return Territory.builder().id(TerritoryId.of("T-SOUTH")).name("华南").parent(TerritoryId.of("T-CN"))
        .addCountryCode("CN").addCountryCode("HK").addRegion("广东省").addCity("深圳市").addCity("广州市")
        .addPostalCodePrefix("518").addPostalCodePrefix("510").build();
  }

  static Product product() {
    return Product.builder().id(ProductId.of("P-1")).name("Industrial pump X200").sku("X200-EU")
        .group(ProductGroupId.of("G-1")).listPrice(Money.of("1299.9", "EUR")).active(false)
        .putAttribute("weightKg", AttributeValue.ofDecimal(new BigDecimal("42.5"))).build();
  }

  static ProductGroup productGroup() {
    return ProductGroup.builder().id(ProductGroupId.of("G-1")).name("Pumps").parent(ProductGroupId.of("G-0")).build();
  }

  static DomainEvent event() {
    return DomainEvent.builder().eventId("E-0001").type("lead.assigned").occurredAt(T0).aggregateType("lead")
        .aggregateId("L-1").putAttribute("owner", AttributeValue.ofString("A-1"))
        .putAttribute("rule", AttributeValue.ofStrings(List.of("territory", "round-robin"))).build();
  }
}
