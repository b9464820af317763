package io.github.crmkit.routing;

import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadRating;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * The fields of one lead that a compiled policy reads, extracted once per decision into slots, so that conditions
 * are evaluated over arrays: strings and sets in {@link #objects}, numbers in {@link #numbers} (NaN when missing).
 *
 * <p>Not thread-safe. An engine loads each decision's lead into its thread's instance ({@link #load}); the facts
 * are then valid until the next load.
 */
final class LeadFacts {
  private static final int[] NO_ZONES = new int[0];
  /** {@link FieldKind#ratingOrdinal(LeadRating)} by the rating's position in its enum. */
  private static final double[] RATING_ORDER = new double[LeadRating.values().length];

  static {
    for (LeadRating rating : LeadRating.values()) {
      RATING_ORDER[rating.ordinal()] = FieldKind.ratingOrdinal(rating);
    }
  }

  Lead lead;
  final Object[] objects;
  final double[] numbers;
  private final int[] localHour;
  private final int[] localDay;
  private final CompiledConditions conditions;
  private final TerritoryIndex territories;
  private int territory = -2;

  /** Empty facts, for {@link #load}. */
  LeadFacts(CompiledConditions conditions, TerritoryIndex territories) {
    this.conditions = conditions;
    this.territories = territories;
    int slots = conditions.slotCount();
    objects = new Object[slots];
    numbers = new double[slots];
    int zones = conditions.zones.length;
    localHour = zones == 0 ? NO_ZONES : new int[zones];
    localDay = zones == 0 ? NO_ZONES : new int[zones];
  }

  /** The facts of one lead. */
  LeadFacts(Lead lead, CompiledConditions conditions, TerritoryIndex territories) {
    this(conditions, territories);
    load(lead);
  }

  /**
   * Replaces the facts with those of {@code lead}: every slot a condition reads is written, so nothing of the
   * previous lead remains.
   *
   * @param lead the lead
   * @return these facts
   */
  LeadFacts load(Lead lead) {
    this.lead = lead;
    this.territory = -2;
    boolean[] used = conditions.usedSlots;
    if (used[0]) {
      objects[0] = lead.sourceChannel();
    }
    if (used[1]) {
      objects[1] = lead.campaign().orElse(null);
    }
    if (used[2]) {
      objects[2] = lead.company().orElse(null);
    }
    if (used[3]) {
      objects[3] = lead.countryCode().orElse(null);
    }
    if (used[4]) {
      objects[4] = lead.region().orElse(null);
    }
    if (used[5]) {
      objects[5] = lead.city().orElse(null);
    }
    if (used[6]) {
      var territory = lead.territory(); // one Optional per field: each accessor call allocates one
      objects[6] = territory.isPresent() ? territory.get().value() : null;
    }
    if (used[7]) {
      objects[7] = lead.status().name();
    }
    if (used[8]) {
      var rating = lead.rating();
      numbers[8] = rating.isPresent() ? RATING_ORDER[rating.get().ordinal()] : Double.NaN;
      objects[8] = rating.isPresent() ? rating.get().name() : null;
    }
    if (used[9]) {
      var score = lead.score();
      numbers[9] = score.isPresent() ? score.getAsDouble() + 0.0 : Double.NaN; // -0.0 as 0.0
    }
    if (used[10]) {
      objects[10] = lead.productInterests();
    }
    if (used[11]) {
      objects[11] = lead.productGroupInterests();
    }
    if (used[12]) {
      var owner = lead.owner();
      objects[12] = owner.isPresent() ? owner.get().value() : null;
    }
    if (used[13]) {
      var customer = lead.customer();
      objects[13] = customer.isPresent() ? customer.get().value() : null;
    }
    String[] attributes = conditions.attributeNames;
    if (attributes.length > 0) {
      var map = lead.attributes();
      for (int i = 0; i < attributes.length; i++) {
        AttributeValue value = map.get(attributes[i]);
        int slot = FieldKind.BUILT_IN_SLOTS + i;
        objects[slot] = value;
        numbers[slot] = Double.NaN;
        if (value != null) {
          if (value.type() == AttributeValue.Type.LONG) {
            numbers[slot] = value.asLong();
          } else if (value.type() == AttributeValue.Type.DECIMAL) {
            numbers[slot] = value.asDecimal().doubleValue() + 0.0;
          }
        }
      }
    }
    int zones = localHour.length;
    if (zones == 0) {
      return this; // no received-time condition: the lead's instant is not even read
    }
    long epochSecond = lead.receivedAt().getEpochSecond();
    for (int z = 0; z < zones; z++) {
      ZoneRules rules = conditions.zoneRules[z];
      long local = epochSecond + rules.getOffset(lead.receivedAt()).getTotalSeconds();
      localHour[z] = (int) (Math.floorMod(local, 86_400L) / 3600);
      // 1970-01-01 was a Thursday: ISO day 4, index 3 counting Monday as 0
      localDay[z] = (int) Math.floorMod(Math.floorDiv(local, 86_400L) + 3, 7L);
    }
    return this;
  }

  int hour(int zone) {
    return localHour[zone];
  }

  int weekday(int zone) {
    return localDay[zone];
  }

  int territory() {
    if (territory == -2) {
      territory = territories.resolve(lead);
    }
    return territory;
  }

  static ZoneRules rules(ZoneId zone) {
    return zone.getRules();
  }
}
