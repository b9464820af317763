package io.github.crmkit.routing;

import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadRating;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * The fields of one lead that a compiled policy reads, in slots, so that conditions are evaluated over arrays:
 * strings and sets by {@link #object}, numbers by {@link #number} (NaN when missing). The built-in fields are read
 * from the lead when a condition first asks for them. Custom attributes and received-time windows are read at
 * {@link #load}.
 *
 * <p>The rule filter reads each of its fields once, by {@link #peek}, which keeps nothing: an engine's facts live as
 * long as its thread, and storing a reference to a lead's string into them is a collector's write barrier (with
 * G1, a memory fence) per field and decision. Only the rules the filter cannot decide, evaluated condition by
 * condition, keep what they read.
 *
 * <p>Not thread-safe. An engine loads each decision's lead into its thread's instance ({@link #load}); the facts
 * are then valid until the next load. Facts made by the constructor with a lead have every slot a condition reads
 * filled there, and only their territory is written afterwards (an int resolved on first use, the same from any
 * thread): they may be shared once safely published.
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
  private final Object[] objects;
  private final double[] numbers;
  /** The built-in slots whose object, and whose number, were read from the current lead and kept, a bit each. */
  private int objectsKept;
  private int numbersKept;
  private final int[] localHour;
  private final int[] localDay;
  private final CompiledConditions conditions;
  private final TerritoryIndex territories;
  private int territory = -2;

  /** Empty facts, for {@link #load}. */
  LeadFacts(CompiledConditions conditions, TerritoryIndex territories) {
    this.conditions = conditions;
    this.territories = territories;
    objects = new Object[Math.max(conditions.slotCount(), FieldKind.BUILT_IN_SLOTS)];
    numbers = new double[objects.length];
    int zones = conditions.zones.length;
    localHour = zones == 0 ? NO_ZONES : new int[zones];
    localDay = zones == 0 ? NO_ZONES : new int[zones];
  }

  /** The facts of one lead, every slot a condition reads filled now (see the class comment). */
  LeadFacts(Lead lead, CompiledConditions conditions, TerritoryIndex territories) {
    this(conditions, territories);
    load(lead);
    boolean[] used = conditions.usedSlots;
    for (int s = 0; s < FieldKind.BUILT_IN_SLOTS; s++) {
      if (used[s]) {
        object(s);
        number(s);
      }
    }
  }

  /**
   * Replaces the facts with those of {@code lead}: nothing of the previous lead remains readable (its built-in
   * fields are read again when asked for, its attributes and windows are written now).
   *
   * @param lead the lead
   * @return these facts
   */
  LeadFacts load(Lead lead) {
    this.lead = lead;
    this.territory = -2;
    this.objectsKept = 0;
    this.numbersKept = 0;
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

  /**
   * The string or set in slot {@code s}, null when the lead has none; kept for the next call.
   *
   * @param s the slot
   * @return the value
   */
  Object object(int s) {
    if (s < FieldKind.BUILT_IN_SLOTS && (objectsKept & 1 << s) == 0) {
      objects[s] = read(s);
      objectsKept |= 1 << s;
    }
    return objects[s];
  }

  /**
   * {@link #object}, without keeping it when it is not kept yet: for a reader that asks once per lead.
   *
   * @param s the slot
   * @return the value
   */
  Object peek(int s) {
    return s < FieldKind.BUILT_IN_SLOTS && (objectsKept & 1 << s) == 0 ? read(s) : objects[s];
  }

  /**
   * The number in slot {@code s}, NaN when the lead has none (never -0.0); kept for the next call.
   *
   * @param s the slot
   * @return the value
   */
  double number(int s) {
    if (s < FieldKind.BUILT_IN_SLOTS && (numbersKept & 1 << s) == 0) {
      numbers[s] = readNumber(s);
      numbersKept |= 1 << s;
    }
    return numbers[s];
  }

  /** Reads built-in slot {@code s}'s object from the lead (an {@code Optional} per field, made by its accessor). */
  private Object read(int s) {
    Lead l = lead;
    switch (s) {
      case 0:
        return l.sourceChannel();
      case 1:
        return l.campaign().orElse(null);
      case 2:
        return l.company().orElse(null);
      case 3:
        return l.countryCode().orElse(null);
      case 4:
        return l.region().orElse(null);
      case 5:
        return l.city().orElse(null);
      case 6: {
        var territory = l.territory();
        return territory.isPresent() ? territory.get().value() : null;
      }
      case 7:
        return l.status().name();
      case 8: {
        var rating = l.rating();
        return rating.isPresent() ? rating.get().name() : null;
      }
      case 10:
        return l.productInterests();
      case 11:
        return l.productGroupInterests();
      case 12: {
        var owner = l.owner();
        return owner.isPresent() ? owner.get().value() : null;
      }
      case 13: {
        var customer = l.customer();
        return customer.isPresent() ? customer.get().value() : null;
      }
      default:
        return null; // the score has a number only
    }
  }

  /** Reads built-in slot {@code s}'s number from the lead: the rating's order or the score, NaN for the others. */
  private double readNumber(int s) {
    if (s == 8) {
      var rating = lead.rating();
      return rating.isPresent() ? RATING_ORDER[rating.get().ordinal()] : Double.NaN;
    }
    if (s == 9) {
      var score = lead.score();
      return score.isPresent() ? score.getAsDouble() + 0.0 : Double.NaN; // -0.0 as 0.0
    }
    return Double.NaN;
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
