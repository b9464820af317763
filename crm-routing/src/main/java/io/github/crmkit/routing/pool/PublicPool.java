package io.github.crmkit.routing.pool;

import io.github.crmkit.model.AgentId;
import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.model.DomainEvent;
import io.github.crmkit.model.Interaction;
import io.github.crmkit.model.Opportunity;
import io.github.crmkit.model.port.DomainEventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The public pool (公海): leads and customers that no agent owns, from which agents claim, to which owners release,
 * and to which records are recycled when their owners neglect them. The pool decides by its {@link PoolPolicy}; the
 * state lives in the host's {@link PoolLedger}; every accepted change is announced through the host's
 * {@link DomainEventPublisher}. Nothing runs on its own: every operation takes the current instant from the caller
 * (from the host's injected {@code Clock}), so every run can be replayed.
 *
 * <h2>Instants</h2>
 * A day is 24 hours of the instant timeline ({@code Duration.ofDays(1)}); only the daily claim limit counts calendar
 * days, in the policy's time zone. For a record owned since {@code S}, with protection period {@code P} days:
 * <ul>
 *   <li>each rule of the record's level with a threshold of {@code D} days falls due at
 *       {@code max(S, last) + D days}, where {@code last} is the last activity of the rule's kind (follow-up
 *       interaction, opportunity, deal); activity before {@code S} does not count;
 *   <li>a rule due before {@code S + P days} falls due at {@code S + P days} instead (protection);
 *   <li>the record is due at the earliest of its rules' instants (ties go to the first rule in
 *       {@link RecycleRule} order); a {@link #sweep sweep} at or after that instant ({@code now >= due}, inclusive)
 *       recycles it;
 *   <li>with a reminder of {@code k} days, a sweep at or after {@code due - k days} and before {@code due} reminds
 *       the owner, once per due instant and ownership (a due instant that comes back after a level change is not
 *       reminded again): activity that moves the due instant later allows a new reminder for the
 *       new instant, a second sweep does not repeat it;
 *   <li>a record that enters the pool at {@code T} (recycled or released) may not be claimed by its former owner
 *       while {@code now < T + cooldown days}: the cooldown ends exclusively, the former owner may claim at exactly
 *       {@code T + cooldown days}.
 * </ul>
 *
 * <h2>Refusals</h2>
 * {@link #claim}, {@link #assign} and {@link #release} return a {@link PoolResult}; refusals are checked in the
 * order unknown record, already owned (or not the owner, for a release), cooldown (claims only), hold cap, daily
 * limit (claims only). An assignment (by a manager or a routing rule) is checked against the hold cap only.
 *
 * <h2>Events</h2>
 * After each accepted change, one {@link DomainEvent} is published with {@code aggregateType} {@code lead} or
 * {@code customer}, the record's id value as {@code aggregateId}, an id from the caller's id source and attributes
 * holding only ids, codes, level names and instants: {@code pool.claimed}, {@code pool.assigned} (attribute
 * {@code agent}), {@code pool.released} ({@code formerOwner}), {@code pool.recycled} ({@code formerOwner},
 * {@code rule}, {@code dueAt}, {@code level}, {@code landingLevel}) and {@code pool.reminder-due} ({@code owner},
 * {@code rule}, {@code dueAt}, {@code level}). The change is stored before its event is published; an exception
 * from the publisher reaches the caller with the change already made (use an outbox for exactly-once delivery).
 *
 * <h2>Records whose level the policy no longer has</h2>
 * A record is added and moved only into levels of the policy; if the host later installs a policy without a
 * record's level, sweeps leave that record alone until {@link #changeLevel} moves it to a known level.
 *
 * <p>Thread-safe: a pool holds only its immutable policy and its ports; concurrent callers are made safe by the
 * ledger's compare-and-set and check-and-reserve operations. Two agents claiming one record: exactly one wins.
 */
public final class PublicPool {
  private static final Duration DAY = Duration.ofDays(1);

  private final PoolPolicy policy;
  private final PoolLedger ledger;
  private final DomainEventPublisher events;
  private final Supplier<String> eventIds;
  private final int holdCap;
  private final int dailyLimit;
  private final Duration cooldown;
  private final Duration protection;

  private PublicPool(PoolPolicy policy, PoolLedger ledger, DomainEventPublisher events, Supplier<String> eventIds) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.events = Objects.requireNonNull(events, "events");
    this.eventIds = Objects.requireNonNull(eventIds, "eventIds");
    this.holdCap = policy.claiming().holdCap().orElse(Integer.MAX_VALUE);
    this.dailyLimit = policy.claiming().dailyLimit().orElse(Integer.MAX_VALUE);
    this.cooldown = DAY.multipliedBy(policy.claiming().reclaimCooldownDays());
    this.protection = DAY.multipliedBy(policy.protectionDays());
  }

  /**
   * Returns a pool.
   *
   * @param policy the rules
   * @param ledger where the state lives
   * @param events where the pool's domain events go
   * @param eventIds the source of event ids (for example random UUIDs or a sequence); called once per event, from
   *     any thread
   * @return the pool
   */
  public static PublicPool create(PoolPolicy policy, PoolLedger ledger, DomainEventPublisher events,
      Supplier<String> eventIds) {
    return new PublicPool(policy, ledger, events, eventIds);
  }

  /**
   * The pool's rules.
   *
   * @return the policy
   */
  public PoolPolicy policy() {
    return policy;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // records

  /**
   * Adds a record to the pool, owned by nobody and with no former owner.
   *
   * @param id the lead or customer
   * @param level its level
   * @return true if added, false if the pool already has a record with that id (nothing changed)
   * @throws IllegalArgumentException if the level is not a level of the policy
   */
  public boolean addToPool(PoolRecordId id, String level) {
    Objects.requireNonNull(id, "id");
    policy.level(level);
    return ledger.add(PoolRecord.builder().id(id).level(level).build());
  }

  /**
   * Adds a record owned by an agent since an instant (for example a lead the routing engine just assigned); it
   * counts towards the agent's holdings but is not refused for the hold cap, since the ownership already exists.
   *
   * @param id the lead or customer
   * @param level its level
   * @param owner the owner
   * @param since when the ownership began; the protection period and the recycling rules start there
   * @return true if added, false if the pool already has a record with that id (nothing changed)
   * @throws IllegalArgumentException if the level is not a level of the policy
   */
  public boolean addOwned(PoolRecordId id, String level, AgentId owner, Instant since) {
    Objects.requireNonNull(id, "id");
    policy.level(level);
    return ledger.add(PoolRecord.builder().id(id).level(level).owner(owner).ownedSince(since).build());
  }

  /**
   * Returns the current state of a record.
   *
   * @param id the record id
   * @return the record, if the pool has it
   */
  public Optional<PoolRecord> record(PoolRecordId id) {
    return ledger.find(id);
  }

  /**
   * Returns how many records an agent holds.
   *
   * @param agent the agent
   * @return the count
   */
  public int holdings(AgentId agent) {
    return ledger.holdings(agent);
  }

  /**
   * Returns how many records an agent has claimed on the calendar day (in the policy's time zone) of an instant.
   *
   * @param agent the agent
   * @param at the instant
   * @return the count
   */
  public int claimsOnDayOf(AgentId agent, Instant at) {
    return ledger.claims(agent, day(at));
  }

  /**
   * Moves a record to another level (for example after the customer was upgraded); its owner, if any, keeps it.
   *
   * @param id the record
   * @param level the new level
   * @return true if changed, false if the pool has no such record
   * @throws IllegalArgumentException if the level is not a level of the policy
   */
  public boolean changeLevel(PoolRecordId id, String level) {
    policy.level(level);
    for (;;) {
      PoolRecord record = ledger.find(id).orElse(null);
      if (record == null) {
        return false;
      }
      if (record.level().equals(level)) {
        return true;
      }
      if (ledger.replace(record, next(record).level(level).build())) {
        return true;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // activity

  /**
   * Records a follow-up interaction with the record; an earlier instant than the last one changes nothing.
   *
   * @param id the record
   * @param at when it happened
   * @return true if the pool has the record
   */
  public boolean recordInteraction(PoolRecordId id, Instant at) {
    return touch(id, RecycleRule.NO_FOLLOW_UP, at);
  }

  /**
   * Records an opportunity with the record; an earlier instant than the last one changes nothing.
   *
   * @param id the record
   * @param at when it was created
   * @return true if the pool has the record
   */
  public boolean recordOpportunity(PoolRecordId id, Instant at) {
    return touch(id, RecycleRule.NO_OPPORTUNITY, at);
  }

  /**
   * Records a deal with the record (a won opportunity, a purchase); an earlier instant than the last one changes
   * nothing.
   *
   * @param id the record
   * @param at when it was made
   * @return true if the pool has the record
   */
  public boolean recordDeal(PoolRecordId id, Instant at) {
    return touch(id, RecycleRule.NO_DEAL, at);
  }

  /**
   * Records an interaction as a follow-up of its customer's and its lead's records, those the pool has.
   *
   * @param interaction the interaction, at its {@code occurredAt}
   * @return how many records were touched (0, 1 or 2)
   */
  public int onInteraction(Interaction interaction) {
    Objects.requireNonNull(interaction, "interaction");
    int touched = 0;
    if (interaction.customer().isPresent()
        && recordInteraction(PoolRecordId.of(interaction.customer().get()), interaction.occurredAt())) {
      touched++;
    }
    if (interaction.lead().isPresent()
        && recordInteraction(PoolRecordId.of(interaction.lead().get()), interaction.occurredAt())) {
      touched++;
    }
    return touched;
  }

  /**
   * Records an opportunity for its customer's record, if the pool has it.
   *
   * @param opportunity the opportunity, at its {@code createdAt}
   * @return true if the customer's record was touched
   */
  public boolean onOpportunity(Opportunity opportunity) {
    Objects.requireNonNull(opportunity, "opportunity");
    return recordOpportunity(PoolRecordId.of(opportunity.customer()), opportunity.createdAt());
  }

  private boolean touch(PoolRecordId id, RecycleRule kind, Instant at) {
    Objects.requireNonNull(at, "at");
    for (;;) {
      PoolRecord record = ledger.find(Objects.requireNonNull(id, "id")).orElse(null);
      if (record == null) {
        return false;
      }
      Optional<Instant> last = last(record, kind);
      if (last.isPresent() && !at.isAfter(last.get())) {
        return true;
      }
      PoolRecord.Builder next = next(record);
      switch (kind) {
        case NO_FOLLOW_UP -> next.lastInteraction(at);
        case NO_OPPORTUNITY -> next.lastOpportunity(at);
        case NO_DEAL -> next.lastDeal(at);
        default -> throw new AssertionError(kind);
      }
      if (ledger.replace(record, next.build())) {
        return true;
      }
    }
  }

  private static Optional<Instant> last(PoolRecord record, RecycleRule kind) {
    return switch (kind) {
      case NO_FOLLOW_UP -> record.lastInteraction();
      case NO_OPPORTUNITY -> record.lastOpportunity();
      case NO_DEAL -> record.lastDeal();
    };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // claim, assign, release

  /**
   * An agent claims a record from the pool, subject to the cooldown, the hold cap and the daily limit. On success
   * the agent owns it from {@code now}: the protection period and the recycling rules start there.
   *
   * @param id the record
   * @param agent the agent
   * @param now the current instant
   * @return the result; refusals are results, not exceptions
   */
  public PoolResult claim(PoolRecordId id, AgentId agent, Instant now) {
    return take(PoolResult.Operation.CLAIM, id, agent, now);
  }

  /**
   * Gives a record from the pool to an agent (a manager's or a routing rule's decision), subject to the hold cap
   * only: assignments ignore the former owner's cooldown and do not count as claims.
   *
   * @param id the record
   * @param agent the agent
   * @param now the current instant
   * @return the result; refusals are results, not exceptions
   */
  public PoolResult assign(PoolRecordId id, AgentId agent, Instant now) {
    return take(PoolResult.Operation.ASSIGN, id, agent, now);
  }

  private PoolResult take(PoolResult.Operation operation, PoolRecordId id, AgentId agent, Instant now) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(now, "now");
    boolean claim = operation == PoolResult.Operation.CLAIM;
    LocalDate day = day(now);
    for (;;) {
      PoolRecord record = ledger.find(id).orElse(null);
      if (record == null) {
        return rejected(operation, id, agent, now, PoolResult.Rejection.UNKNOWN_RECORD);
      }
      if (!record.isInPool()) {
        return rejected(operation, id, agent, now, PoolResult.Rejection.ALREADY_OWNED);
      }
      if (claim && record.formerOwner().isPresent() && record.formerOwner().get().equals(agent)
          && record.cooldownUntil().isPresent() && now.isBefore(record.cooldownUntil().get())) {
        return result(operation, id, agent, now).rejection(PoolResult.Rejection.COOLDOWN)
            .cooldownUntil(record.cooldownUntil().get()).build();
      }
      PoolRecord owned = next(record).owner(agent).ownedSince(now).reminders(Set.of()).build();
      switch (ledger.acquire(record, owned, holdCap, claim, day, dailyLimit)) {
        case ACQUIRED -> {
          publish(claim ? "pool.claimed" : "pool.assigned", id, now, "agent", AttributeValue.ofString(agent.value()));
          return result(operation, id, agent, now).record(owned).build();
        }
        case HOLD_CAP_REACHED -> {
          return rejected(operation, id, agent, now, PoolResult.Rejection.HOLD_CAP_REACHED);
        }
        case DAILY_LIMIT_REACHED -> {
          return rejected(operation, id, agent, now, PoolResult.Rejection.DAILY_LIMIT_REACHED);
        }
        case STALE -> {
          // changed since read: decide again on the new state
        }
        default -> throw new AssertionError();
      }
    }
  }

  /**
   * The owner returns a record to the pool voluntarily; it keeps its level, and the owner becomes its former owner
   * for the cooldown.
   *
   * @param id the record
   * @param agent the owner
   * @param now the current instant
   * @return the result; refusals are results, not exceptions
   */
  public PoolResult release(PoolRecordId id, AgentId agent, Instant now) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(now, "now");
    for (;;) {
      PoolRecord record = ledger.find(id).orElse(null);
      if (record == null) {
        return rejected(PoolResult.Operation.RELEASE, id, agent, now, PoolResult.Rejection.UNKNOWN_RECORD);
      }
      if (!record.isOwnedBy(agent)) {
        return rejected(PoolResult.Operation.RELEASE, id, agent, now, PoolResult.Rejection.NOT_OWNER);
      }
      PoolRecord pooled = pooled(record, now, record.level());
      if (ledger.replace(record, pooled)) {
        publish("pool.released", id, now, "formerOwner", AttributeValue.ofString(agent.value()));
        return result(PoolResult.Operation.RELEASE, id, agent, now).record(pooled).build();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // sweep

  /**
   * Recycles every owned record that is due at {@code now} and reminds the owners of those due within their
   * level's reminder period, as described in the class documentation; returns what it did, in record id order. A
   * second sweep at the same instant does nothing new. Records changed concurrently are decided again on their new
   * state.
   *
   * @param now the current instant
   * @return the actions taken, unmodifiable
   */
  public List<PoolAction> sweep(Instant now) {
    Objects.requireNonNull(now, "now");
    List<PoolAction> actions = new ArrayList<>();
    for (PoolRecord snapshot : ledger.records()) {
      PoolRecord record = snapshot;
      while (record != null && !record.isInPool()) {
        LevelRules rules = policy.levels().get(record.level());
        Due due = rules == null ? null : due(record, rules);
        if (due == null) {
          break;
        }
        PoolAction action;
        PoolRecord next;
        if (!now.isBefore(due.at())) {
          String landing = rules.recycleToLevel().orElse(record.level());
          next = pooled(record, now, landing);
          action = action(PoolAction.Kind.RECYCLE, record, due, landing);
        } else if (rules.reminderDaysBefore().isPresent()
            && !now.isBefore(due.at().minus(DAY.multipliedBy(rules.reminderDaysBefore().getAsInt())))
            && !record.reminders().contains(due.at())) {
          next = next(record).addReminder(due.at()).build();
          action = action(PoolAction.Kind.REMIND, record, due, record.level());
        } else {
          break;
        }
        if (ledger.replace(record, next)) {
          actions.add(action);
          publish(action, now);
          break;
        }
        record = ledger.find(record.id()).orElse(null);
      }
    }
    return List.copyOf(actions);
  }

  /**
   * Returns when an owned record falls due for recycling under the policy, and by which rule.
   *
   * @param record the record
   * @return the rule and instant, empty if the record is in the pool, its level has no rule or is unknown
   */
  public Optional<PoolAction> preview(PoolRecord record) {
    Objects.requireNonNull(record, "record");
    LevelRules rules = policy.levels().get(record.level());
    Due due = record.isInPool() || rules == null ? null : due(record, rules);
    if (due == null) {
      return Optional.empty();
    }
    return Optional.of(action(PoolAction.Kind.RECYCLE, record, due, rules.recycleToLevel().orElse(record.level())));
  }

  private record Due(RecycleRule rule, Instant at) {}

  private Due due(PoolRecord record, LevelRules rules) {
    Instant start = record.ownedSince().get();
    Instant protectedUntil = start.plus(protection);
    RecycleRule bestRule = null;
    Instant best = null;
    for (RecycleRule rule : RecycleRule.values()) {
      OptionalInt days = rules.days(rule);
      if (days.isEmpty()) {
        continue;
      }
      Instant base = start;
      Optional<Instant> last = last(record, rule);
      if (last.isPresent() && last.get().isAfter(start)) {
        base = last.get();
      }
      Instant at = base.plus(DAY.multipliedBy(days.getAsInt()));
      if (at.isBefore(protectedUntil)) {
        at = protectedUntil;
      }
      if (best == null || at.isBefore(best)) {
        best = at;
        bestRule = rule;
      }
    }
    return best == null ? null : new Due(bestRule, best);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // helpers

  private LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, policy.timeZone());
  }

  private static PoolRecord.Builder next(PoolRecord record) {
    return record.toBuilder().version(record.version() + 1);
  }

  /** The record back in the pool at {@code now}, its owner now the former owner. */
  private PoolRecord pooled(PoolRecord record, Instant now, String level) {
    PoolRecord.Builder next = next(record).owner(Optional.empty()).ownedSince(Optional.empty())
        .reminders(Set.of()).formerOwner(record.owner()).level(level);
    next.cooldownUntil(cooldown.isZero() ? Optional.empty() : Optional.of(now.plus(cooldown)));
    return next.build();
  }

  private static PoolAction action(PoolAction.Kind kind, PoolRecord record, Due due, String landing) {
    return PoolAction.builder().kind(kind).recordId(record.id()).owner(record.owner().get()).rule(due.rule())
        .dueAt(due.at()).level(record.level()).landingLevel(landing).build();
  }

  private static PoolResult.Builder result(PoolResult.Operation operation, PoolRecordId id, AgentId agent,
      Instant now) {
    return PoolResult.builder().operation(operation).recordId(id).agent(agent).at(now);
  }

  private static PoolResult rejected(PoolResult.Operation operation, PoolRecordId id, AgentId agent, Instant now,
      PoolResult.Rejection rejection) {
    return result(operation, id, agent, now).rejection(rejection).build();
  }

  private void publish(PoolAction action, Instant now) {
    DomainEvent.Builder event = event(action.kind() == PoolAction.Kind.RECYCLE ? "pool.recycled" : "pool.reminder-due",
        action.recordId(), now);
    event.putAttribute(action.kind() == PoolAction.Kind.RECYCLE ? "formerOwner" : "owner",
        AttributeValue.ofString(action.owner().value()));
    event.putAttribute("rule", AttributeValue.ofString(action.rule().code()));
    event.putAttribute("dueAt", AttributeValue.ofInstant(action.dueAt()));
    event.putAttribute("level", AttributeValue.ofString(action.level()));
    if (action.kind() == PoolAction.Kind.RECYCLE) {
      event.putAttribute("landingLevel", AttributeValue.ofString(action.landingLevel()));
    }
    events.publish(event.build());
  }

  private void publish(String type, PoolRecordId id, Instant now, String key, AttributeValue value) {
    events.publish(event(type, id, now).putAttribute(key, value).build());
  }

  private DomainEvent.Builder event(String type, PoolRecordId id, Instant now) {
    DomainEvent.Builder event = DomainEvent.builder();
    event.eventId(eventIds.get()).type(type).occurredAt(now).aggregateType(id.kind().token()).aggregateId(id.value());
    return event;
  }
}
