package io.github.crmkit.routing.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.DomainEvent;
import io.github.crmkit.model.Interaction;
import io.github.crmkit.model.InteractionId;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.model.Opportunity;
import io.github.crmkit.routing.pool.PoolAction.Kind;
import io.github.crmkit.routing.pool.PoolResult.Rejection;
import io.github.crmkit.testkit.ModelGenerators;
import io.github.crmkit.testkit.inmemory.RecordingEventPublisher;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Example tests: every expected instant below is computed by hand from the policy in {@link #POLICY}. */
class PublicPoolTest {
  /**
   * Protection 3 days; A: N=7, M=30, K=90, reminder 2 days before; B: N=15, reminder 3, lands in C; C: N=30;
   * D: N=2 (shorter than the protection); M: M=10, K=20; T: N=5, M=5 (a tie); V: no rule. Claims: 2 per day in
   * Asia/Shanghai (UTC+8), hold cap 3, cooldown 7 days.
   */
  static final String POLICY = """
      {"version": 1, "timeZone": "Asia/Shanghai", "protectionDays": 3,
       "levels": {"A": {"noFollowUpDays": 7, "noOpportunityDays": 30, "noDealDays": 90, "reminderDaysBefore": 2},
                  "B": {"noFollowUpDays": 15, "reminderDaysBefore": 3, "recycleToLevel": "C"},
                  "C": {"noFollowUpDays": 30},
                  "D": {"noFollowUpDays": 2},
                  "M": {"noOpportunityDays": 10, "noDealDays": 20},
                  "T": {"noFollowUpDays": 5, "noOpportunityDays": 5},
                  "V": {}},
       "claiming": {"dailyLimit": 2, "holdCap": 3, "reclaimCooldownDays": 7}}
      """;
  static final AgentId ANN = AgentId.of("agent-ann");
  static final AgentId BOB = AgentId.of("agent-bob");
  static final Instant MAR_2_0900 = Instant.parse("2026-03-02T09:00:00Z");

  RecordingEventPublisher events;
  InMemoryPoolLedger ledger;
  PublicPool pool;

  @BeforeEach
  void setUp() {
    events = new RecordingEventPublisher();
    ledger = new InMemoryPoolLedger();
    AtomicInteger ids = new AtomicInteger();
    pool = PublicPool.create(PoolPolicy.fromJson(POLICY), ledger, events, () -> "E-" + ids.incrementAndGet());
  }

  static PoolRecordId lead(String id) {
    return PoolRecordId.of(LeadId.of(id));
  }

  static Instant at(String instant) {
    return Instant.parse(instant);
  }

  static PoolAction action(Kind kind, PoolRecordId id, AgentId owner, RecycleRule rule, String due, String level,
      String landing) {
    return PoolAction.builder().kind(kind).recordId(id).owner(owner).rule(rule).dueAt(at(due)).level(level)
        .landingLevel(landing).build();
  }

  @Test
  void remindsOnceKDaysBeforeAndRecyclesAfterNDaysWithoutFollowUp() {
    PoolRecordId l1 = lead("L-1");
    pool.addOwned(l1, "A", ANN, MAR_2_0900);
    // due 2026-03-02T09:00 + 7 days = 2026-03-09T09:00; reminder 2 days earlier, 2026-03-07T09:00
    assertThat(pool.sweep(at("2026-03-07T08:59:59Z"))).isEmpty();
    PoolAction reminder = action(Kind.REMIND, l1, ANN, RecycleRule.NO_FOLLOW_UP, "2026-03-09T09:00:00Z", "A", "A");
    assertThat(pool.sweep(at("2026-03-07T09:00:00Z"))).containsExactly(reminder);
    assertThat(pool.sweep(at("2026-03-07T09:00:00Z"))).as("same instant").isEmpty();
    assertThat(pool.sweep(at("2026-03-08T23:00:00Z"))).as("already reminded").isEmpty();
    assertThat(pool.sweep(at("2026-03-09T08:59:59Z"))).isEmpty();
    PoolAction recycle = action(Kind.RECYCLE, l1, ANN, RecycleRule.NO_FOLLOW_UP, "2026-03-09T09:00:00Z", "A", "A");
    assertThat(pool.sweep(at("2026-03-09T09:00:00Z"))).containsExactly(recycle);
    assertThat(pool.sweep(at("2026-03-09T09:00:00Z"))).as("same instant").isEmpty();

    PoolRecord record = pool.record(l1).orElseThrow();
    assertThat(record.isInPool()).isTrue();
    assertThat(record.formerOwner()).contains(ANN);
    assertThat(record.cooldownUntil()).contains(at("2026-03-16T09:00:00Z"));
    assertThat(pool.holdings(ANN)).isZero();

    List<DomainEvent> published = events.events();
    assertThat(published).extracting(DomainEvent::type).containsExactly("pool.reminder-due", "pool.recycled");
    assertThat(published).extracting(DomainEvent::eventId).containsExactly("E-1", "E-2");
    DomainEvent recycled = published.get(1);
    assertThat(recycled.aggregateType()).isEqualTo("lead");
    assertThat(recycled.aggregateId()).isEqualTo("L-1");
    assertThat(recycled.occurredAt()).isEqualTo(at("2026-03-09T09:00:00Z"));
    assertThat(recycled.attributes()).isEqualTo(Map.of(
        "formerOwner", AttributeValue.ofString("agent-ann"),
        "rule", AttributeValue.ofString("noFollowUp"),
        "dueAt", AttributeValue.ofInstant(at("2026-03-09T09:00:00Z")),
        "level", AttributeValue.ofString("A"),
        "landingLevel", AttributeValue.ofString("A")));
    assertThat(published.get(0).attributes()).containsEntry("owner", AttributeValue.ofString("agent-ann"))
        .containsEntry("dueAt", AttributeValue.ofInstant(at("2026-03-09T09:00:00Z")));
  }

  @Test
  void aDueInstantThatComesBackAfterALevelChangeIsNotRemindedAgain() {
    // found by PublicPoolPropertiesTest: only the last reminded instant was kept, so A -> B -> A reminded A twice
    PublicPool levels = PublicPool.create(PoolPolicy.fromJson("""
        {"version": 1, "timeZone": "UTC", "protectionDays": 0,
         "levels": {"X": {"noFollowUpDays": 10, "reminderDaysBefore": 9},
                    "Y": {"noFollowUpDays": 12, "reminderDaysBefore": 11}}}
        """), new InMemoryPoolLedger(), new RecordingEventPublisher(), () -> "E");
    PoolRecordId l1 = lead("L-1");
    levels.addOwned(l1, "X", ANN, MAR_2_0900);
    // X: due 2026-03-12T09:00, reminders from 2026-03-03T09:00; Y: due 2026-03-14T09:00, from 2026-03-03T09:00
    assertThat(levels.sweep(at("2026-03-04T09:00:00Z"))).containsExactly(
        action(Kind.REMIND, l1, ANN, RecycleRule.NO_FOLLOW_UP, "2026-03-12T09:00:00Z", "X", "X"));
    assertThat(levels.changeLevel(l1, "Y")).isTrue();
    assertThat(levels.sweep(at("2026-03-04T10:00:00Z"))).containsExactly(
        action(Kind.REMIND, l1, ANN, RecycleRule.NO_FOLLOW_UP, "2026-03-14T09:00:00Z", "Y", "Y"));
    assertThat(levels.changeLevel(l1, "X")).isTrue();
    assertThat(levels.sweep(at("2026-03-04T11:00:00Z"))).as("2026-03-12T09:00 was reminded already").isEmpty();
    assertThat(levels.record(l1).orElseThrow().reminders())
        .containsExactlyInAnyOrder(at("2026-03-12T09:00:00Z"), at("2026-03-14T09:00:00Z"));
    assertThat(levels.sweep(at("2026-03-12T09:00:00Z"))).containsExactly(
        action(Kind.RECYCLE, l1, ANN, RecycleRule.NO_FOLLOW_UP, "2026-03-12T09:00:00Z", "X", "X"));
    assertThat(levels.record(l1).orElseThrow().reminders()).as("cleared with the ownership").isEmpty();
  }

  @Test
  void aFollowUpMovesTheDueInstantAndAllowsANewReminder() {
    PoolRecordId l1 = lead("L-1");
    pool.addOwned(l1, "A", ANN, MAR_2_0900);
    pool.recordInteraction(l1, at("2026-03-05T12:00:00Z"));
    // due 2026-03-12T12:00, reminder from 2026-03-10T12:00
    assertThat(pool.sweep(at("2026-03-09T09:00:00Z"))).isEmpty();
    assertThat(pool.sweep(at("2026-03-10T11:59:59Z"))).isEmpty();
    assertThat(pool.sweep(at("2026-03-10T12:00:00Z"))).containsExactly(
        action(Kind.REMIND, l1, ANN, RecycleRule.NO_FOLLOW_UP, "2026-03-12T12:00:00Z", "A", "A"));
    pool.recordInteraction(l1, at("2026-03-11T00:00:00Z"));
    pool.recordInteraction(l1, at("2026-03-04T00:00:00Z")); // older: changes nothing
    // due 2026-03-18T00:00, reminder from 2026-03-16T00:00
    assertThat(pool.sweep(at("2026-03-12T12:00:00Z"))).isEmpty();
    assertThat(pool.sweep(at("2026-03-16T00:00:00Z"))).containsExactly(
        action(Kind.REMIND, l1, ANN, RecycleRule.NO_FOLLOW_UP, "2026-03-18T00:00:00Z", "A", "A"));
    assertThat(pool.sweep(at("2026-03-18T00:00:00Z"))).containsExactly(
        action(Kind.RECYCLE, l1, ANN, RecycleRule.NO_FOLLOW_UP, "2026-03-18T00:00:00Z", "A", "A"));
  }

  @Test
  void activityBeforeTheOwnershipDoesNotCount() {
    PoolRecordId l1 = lead("L-1");
    pool.addToPool(l1, "A");
    pool.recordInteraction(l1, at("2026-03-01T00:00:00Z"));
    assertThat(pool.claim(l1, BOB, MAR_2_0900).isAccepted()).isTrue();
    // due from the claim: 2026-03-09T09:00 (reminder from 2026-03-07T09:00), not from the interaction
    // (that would be due 2026-03-08T00:00, reminder from 2026-03-06T00:00)
    assertThat(pool.sweep(at("2026-03-06T00:00:00Z"))).isEmpty();
    assertThat(pool.sweep(at("2026-03-08T00:00:00Z"))).containsExactly(
        action(Kind.REMIND, l1, BOB, RecycleRule.NO_FOLLOW_UP, "2026-03-09T09:00:00Z", "A", "A"));
    assertThat(pool.sweep(at("2026-03-09T09:00:00Z"))).containsExactly(
        action(Kind.RECYCLE, l1, BOB, RecycleRule.NO_FOLLOW_UP, "2026-03-09T09:00:00Z", "A", "A"));
  }

  @Test
  void theProtectionPeriodDelaysARuleThatFallsDueDuringIt() {
    PoolRecordId l1 = lead("L-1");
    pool.addOwned(l1, "D", ANN, MAR_2_0900);
    // N = 2 days would be 2026-03-04T09:00, but the 3-day protection lasts until 2026-03-05T09:00
    assertThat(pool.sweep(at("2026-03-04T09:00:00Z"))).isEmpty();
    assertThat(pool.sweep(at("2026-03-05T08:59:59Z"))).isEmpty();
    assertThat(pool.sweep(at("2026-03-05T09:00:00Z"))).containsExactly(
        action(Kind.RECYCLE, l1, ANN, RecycleRule.NO_FOLLOW_UP, "2026-03-05T09:00:00Z", "D", "D"));
  }

  @Test
  void noOpportunityForMDaysAndNoDealForKDays() {
    PoolRecordId opportunityDue = lead("L-1");
    PoolRecordId dealDue = lead("L-2");
    pool.addOwned(opportunityDue, "M", ANN, MAR_2_0900);
    pool.addOwned(dealDue, "M", BOB, MAR_2_0900);
    pool.recordOpportunity(opportunityDue, at("2026-03-10T00:00:00Z")); // M due 2026-03-20T00:00, K 2026-03-22T09:00
    pool.recordOpportunity(dealDue, at("2026-03-15T00:00:00Z")); // M due 2026-03-25T00:00, K 2026-03-22T09:00
    assertThat(pool.sweep(at("2026-03-19T23:59:59Z"))).isEmpty();
    assertThat(pool.sweep(at("2026-03-20T00:00:00Z"))).containsExactly(
        action(Kind.RECYCLE, opportunityDue, ANN, RecycleRule.NO_OPPORTUNITY, "2026-03-20T00:00:00Z", "M", "M"));
    assertThat(pool.sweep(at("2026-03-22T08:59:59Z"))).isEmpty();
    assertThat(pool.sweep(at("2026-03-22T09:00:00Z"))).containsExactly(
        action(Kind.RECYCLE, dealDue, BOB, RecycleRule.NO_DEAL, "2026-03-22T09:00:00Z", "M", "M"));
  }

  @Test
  void aDealRestartsTheNoDealClock() {
    PoolRecordId l1 = lead("L-1");
    pool.addOwned(l1, "M", ANN, MAR_2_0900);
    pool.recordOpportunity(l1, at("2026-03-20T00:00:00Z")); // M due 2026-03-30T00:00
    pool.recordDeal(l1, at("2026-03-21T00:00:00Z")); // K due 2026-04-10T00:00
    assertThat(pool.sweep(at("2026-03-22T09:00:00Z"))).isEmpty();
    assertThat(pool.sweep(at("2026-03-30T00:00:00Z"))).containsExactly(
        action(Kind.RECYCLE, l1, ANN, RecycleRule.NO_OPPORTUNITY, "2026-03-30T00:00:00Z", "M", "M"));
  }

  @Test
  void aTieGoesToTheFirstRuleAndALevelWithoutRulesIsNeverRecycled() {
    PoolRecordId tie = lead("L-1");
    PoolRecordId vip = lead("L-2");
    pool.addOwned(tie, "T", ANN, MAR_2_0900);
    pool.addOwned(vip, "V", ANN, MAR_2_0900);
    assertThat(pool.sweep(at("2030-01-01T00:00:00Z"))).containsExactly(
        action(Kind.RECYCLE, tie, ANN, RecycleRule.NO_FOLLOW_UP, "2026-03-07T09:00:00Z", "T", "T"));
    assertThat(pool.record(vip).orElseThrow().owner()).contains(ANN);
  }

  @Test
  void aRecycledRecordLandsInItsLevelsTargetLevel() {
    PoolRecordId l1 = lead("L-1");
    pool.addOwned(l1, "B", ANN, MAR_2_0900);
    // due 2026-03-17T09:00, reminder 3 days before, 2026-03-14T09:00
    assertThat(pool.sweep(at("2026-03-14T09:00:00Z"))).containsExactly(
        action(Kind.REMIND, l1, ANN, RecycleRule.NO_FOLLOW_UP, "2026-03-17T09:00:00Z", "B", "B"));
    assertThat(pool.sweep(at("2026-03-17T09:00:00Z"))).containsExactly(
        action(Kind.RECYCLE, l1, ANN, RecycleRule.NO_FOLLOW_UP, "2026-03-17T09:00:00Z", "B", "C"));
    assertThat(pool.record(l1).orElseThrow().level()).isEqualTo("C");
  }

  @Test
  void aLateSweepReportsTheDueInstantAndStartsTheCooldownAtEntry() {
    PoolRecordId l1 = lead("L-1");
    pool.addOwned(l1, "A", ANN, MAR_2_0900);
    // no sweep during the reminder period: the record is recycled without a reminder
    assertThat(pool.sweep(at("2026-03-10T00:00:00Z"))).containsExactly(
        action(Kind.RECYCLE, l1, ANN, RecycleRule.NO_FOLLOW_UP, "2026-03-09T09:00:00Z", "A", "A"));
    assertThat(pool.record(l1).orElseThrow().cooldownUntil()).contains(at("2026-03-17T00:00:00Z"));
  }

  @Test
  void theFormerOwnersCooldownEndsExclusively() {
    PoolRecordId l1 = lead("L-1");
    pool.addOwned(l1, "A", ANN, MAR_2_0900);
    pool.sweep(at("2026-03-09T09:00:00Z")); // recycled; cooldown until 2026-03-16T09:00
    PoolResult early = pool.claim(l1, ANN, at("2026-03-16T08:59:59Z"));
    assertThat(early.rejection()).contains(Rejection.COOLDOWN);
    assertThat(early.cooldownUntil()).contains(at("2026-03-16T09:00:00Z"));
    assertThat(early).hasToString("CLAIM lead:L-1 by agent-ann at 2026-03-16T08:59:59Z: COOLDOWN until "
        + "2026-03-16T09:00:00Z");
    PoolResult onTime = pool.claim(l1, ANN, at("2026-03-16T09:00:00Z"));
    assertThat(onTime.isAccepted()).isTrue();
    assertThat(onTime.record().orElseThrow().ownedSince()).contains(at("2026-03-16T09:00:00Z"));
  }

  @Test
  void anotherAgentMayClaimDuringTheCooldownAndAnAssignmentIgnoresIt() {
    PoolRecordId l1 = lead("L-1");
    PoolRecordId l2 = lead("L-2");
    pool.addOwned(l1, "A", ANN, MAR_2_0900);
    pool.addOwned(l2, "A", ANN, MAR_2_0900);
    pool.sweep(at("2026-03-09T09:00:00Z"));
    assertThat(pool.claim(l1, BOB, at("2026-03-09T09:00:01Z")).isAccepted()).isTrue();
    assertThat(pool.claim(l1, ANN, at("2026-03-20T00:00:00Z")).rejection()).contains(Rejection.ALREADY_OWNED);
    assertThat(pool.assign(l2, ANN, at("2026-03-09T10:00:00Z")).isAccepted()).isTrue();
    assertThat(pool.claimsOnDayOf(ANN, at("2026-03-09T10:00:00Z"))).as("assignments are not claims").isZero();
    assertThat(events.events()).extracting(DomainEvent::type)
        .containsExactly("pool.recycled", "pool.recycled", "pool.claimed", "pool.assigned");
  }

  @Test
  void theDailyLimitCountsCalendarDaysInThePolicysTimeZone() {
    for (int i = 1; i <= 4; i++) {
      pool.addToPool(lead("L-" + i), "C");
    }
    // 15:00Z is 23:00 in Shanghai on 2026-03-02; 16:00Z is midnight, 2026-03-03
    assertThat(pool.claim(lead("L-1"), ANN, at("2026-03-02T15:00:00Z")).isAccepted()).isTrue();
    assertThat(pool.claim(lead("L-2"), ANN, at("2026-03-02T15:30:00Z")).isAccepted()).isTrue();
    assertThat(pool.claim(lead("L-3"), ANN, at("2026-03-02T15:59:59Z")).rejection())
        .contains(Rejection.DAILY_LIMIT_REACHED);
    assertThat(pool.claimsOnDayOf(ANN, at("2026-03-02T00:00:00Z"))).isEqualTo(2);
    assertThat(pool.claim(lead("L-3"), ANN, at("2026-03-02T16:00:00Z")).isAccepted()).isTrue();
    // now holding 3 = the cap, with 1 claim on 2026-03-03: the cap refuses
    assertThat(pool.claim(lead("L-4"), ANN, at("2026-03-02T16:30:00Z")).rejection())
        .contains(Rejection.HOLD_CAP_REACHED);
    assertThat(pool.assign(lead("L-4"), ANN, at("2026-03-02T16:30:00Z")).rejection())
        .contains(Rejection.HOLD_CAP_REACHED);
    assertThat(pool.release(lead("L-1"), ANN, at("2026-03-02T17:00:00Z")).isAccepted()).isTrue();
    assertThat(pool.claim(lead("L-4"), ANN, at("2026-03-02T17:30:00Z")).isAccepted()).isTrue();
    assertThat(pool.claimsOnDayOf(ANN, at("2026-03-03T12:00:00Z"))).isEqualTo(2);
    assertThat(pool.holdings(ANN)).isEqualTo(3);
  }

  @Test
  void releaseIsForTheOwnerKeepsTheLevelAndStartsTheCooldown() {
    PoolRecordId l1 = lead("L-1");
    pool.addOwned(l1, "B", ANN, MAR_2_0900);
    assertThat(pool.release(l1, BOB, at("2026-03-03T00:00:00Z")).rejection()).contains(Rejection.NOT_OWNER);
    PoolResult released = pool.release(l1, ANN, at("2026-03-03T00:00:00Z"));
    assertThat(released.isAccepted()).isTrue();
    assertThat(released).hasToString("RELEASE lead:L-1 by agent-ann at 2026-03-03T00:00:00Z: accepted");
    PoolRecord record = released.record().orElseThrow();
    assertThat(record.level()).isEqualTo("B");
    assertThat(record.formerOwner()).contains(ANN);
    assertThat(record.cooldownUntil()).contains(at("2026-03-10T00:00:00Z"));
    assertThat(pool.release(l1, ANN, at("2026-03-03T00:00:01Z")).rejection()).contains(Rejection.NOT_OWNER);
    assertThat(pool.claim(l1, ANN, at("2026-03-09T23:59:59Z")).rejection()).contains(Rejection.COOLDOWN);
    assertThat(events.events()).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo("pool.released");
      assertThat(e.attributes()).isEqualTo(Map.of("formerOwner", AttributeValue.ofString("agent-ann")));
    });
  }

  @Test
  void unknownRecordsAreRefusedAsResults() {
    PoolRecordId nobody = lead("L-404");
    assertThat(pool.claim(nobody, ANN, MAR_2_0900).rejection()).contains(Rejection.UNKNOWN_RECORD);
    assertThat(pool.assign(nobody, ANN, MAR_2_0900).rejection()).contains(Rejection.UNKNOWN_RECORD);
    assertThat(pool.release(nobody, ANN, MAR_2_0900).rejection()).contains(Rejection.UNKNOWN_RECORD);
    assertThat(pool.recordInteraction(nobody, MAR_2_0900)).isFalse();
    assertThat(pool.changeLevel(nobody, "A")).isFalse();
    assertThat(events.events()).isEmpty();
  }

  @Test
  void addingAndChangingLevelsChecksThemAgainstThePolicy() {
    assertThat(pool.addToPool(lead("L-1"), "A")).isTrue();
    assertThat(pool.addToPool(lead("L-1"), "B")).isFalse();
    assertThatThrownBy(() -> pool.addToPool(lead("L-2"), "Z")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("level 'Z' is not a level of the pool policy");
    assertThatThrownBy(() -> pool.changeLevel(lead("L-1"), "Z")).isInstanceOf(IllegalArgumentException.class);
    assertThat(pool.changeLevel(lead("L-1"), "V")).isTrue();
    assertThat(pool.record(lead("L-1")).orElseThrow().level()).isEqualTo("V");
    assertThat(pool.record(lead("L-1")).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void modelInteractionsAndOpportunitiesTouchTheirRecords() {
    SplittableRandom random = new SplittableRandom(5);
    CustomerId customer = CustomerId.of("C-1");
    pool.addOwned(PoolRecordId.of(customer), "M", ANN, MAR_2_0900);
    pool.addOwned(lead("L-1"), "A", ANN, MAR_2_0900);
    Interaction call = ModelGenerators.interaction(random).toBuilder().id(InteractionId.of("I-1"))
        .customer(customer).lead(LeadId.of("L-1")).occurredAt(at("2026-03-04T00:00:00Z")).build();
    assertThat(pool.onInteraction(call)).isEqualTo(2);
    assertThat(pool.record(lead("L-1")).orElseThrow().lastInteraction()).contains(at("2026-03-04T00:00:00Z"));
    Opportunity opportunity = ModelGenerators.opportunity(random).toBuilder().customer(customer)
        .createdAt(at("2026-03-05T00:00:00Z")).build();
    assertThat(pool.onOpportunity(opportunity)).isTrue();
    PoolRecord record = pool.record(PoolRecordId.of(customer)).orElseThrow();
    assertThat(record.lastOpportunity()).contains(at("2026-03-05T00:00:00Z"));
    assertThat(pool.preview(record).orElseThrow().dueAt()).isEqualTo(at("2026-03-15T00:00:00Z"));
    assertThat(pool.preview(record).orElseThrow().rule()).isEqualTo(RecycleRule.NO_OPPORTUNITY);
  }

  @Test
  void toStringsHoldIdsOnly() {
    assertThat(lead("L-1")).hasToString("lead:L-1");
    assertThat(PoolRecordId.of(CustomerId.of("C-9"))).hasToString("customer:C-9");
    assertThat(lead("L-1")).isLessThan(PoolRecordId.of(CustomerId.of("A")));
  }
}
