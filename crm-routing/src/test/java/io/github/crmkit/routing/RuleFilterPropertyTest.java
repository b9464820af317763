package io.github.crmkit.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.crmkit.model.AttributeValue;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadId;
import io.github.crmkit.model.LeadRating;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The rule filter (bit sets per field value) never changes which rule matches: random policies of conjunctions over
 * string fields ({@code =}, {@code !=}, {@code in}, {@code starts-with}), the rating, the score and a numeric
 * attribute (ranges, {@code !=}, {@code in}, {@code between}), with nested {@code or} and {@code not}, routed
 * against the same policy with every rule wrapped in a one-operand {@code or} (which the filter cannot index, so
 * every rule is evaluated in order). Leads draw their values from the policies' own constants, neighbouring
 * numbers and missing fields.
 */
class RuleFilterPropertyTest {
  private static final String[] COUNTRIES = {"DE", "US", "CN", "FR"};
  private static final String[] REGIONS = {"Bayern", "Texas", "Hunan"};
  private static final double[] SCORES = {-0.0, 0, 10, 25, 25.5, 50, 75, 99, 100}; // -0.0: equal to 0 everywhere

  private static Condition leaf(SplittableRandom r) {
    switch (r.nextInt(9)) {
      case 0:
        return Condition.of("countryCode", "=", COUNTRIES[r.nextInt(COUNTRIES.length)]);
      case 1:
        return Condition.of("countryCode", "in",
            List.of(COUNTRIES[r.nextInt(COUNTRIES.length)], COUNTRIES[r.nextInt(COUNTRIES.length)]));
      case 2:
        return Condition.of("region", r.nextBoolean() ? "!=" : "=", REGIONS[r.nextInt(REGIONS.length)]);
      case 3:
        return Condition.of("region", "starts-with", REGIONS[r.nextInt(REGIONS.length)].substring(0, 2));
      case 4: {
        String[] ops = {"=", "!=", ">=", "<=", ">", "<"};
        return Condition.of("rating", ops[r.nextInt(ops.length)], LeadRating.values()[r.nextInt(3)].name());
      }
      case 5: {
        String[] ops = {">=", "<=", ">", "<", "!="};
        return Condition.of("score", ops[r.nextInt(ops.length)], (long) SCORES[r.nextInt(SCORES.length)]);
      }
      case 6: {
        long lo = r.nextInt(60);
        return Condition.of("score", "between", List.of(lo, lo + r.nextInt(50)));
      }
      case 7:
        return Condition.of("score", "in", List.of((long) r.nextInt(101), 25L, 50L));
      default: {
        long lo = r.nextInt(10);
        return r.nextBoolean() ? Condition.of("attributes.size", ">=", lo)
            : Condition.of("attributes.size", "between", List.of(lo, lo + r.nextInt(10)));
      }
    }
  }

  private static Condition condition(SplittableRandom r) {
    int n = 1 + r.nextInt(3);
    Condition[] parts = new Condition[n];
    for (int i = 0; i < n; i++) {
      int shape = r.nextInt(10);
      parts[i] = shape == 0 ? Condition.or(leaf(r), leaf(r))
          : shape == 1 ? Condition.not(leaf(r))
          : shape == 2 ? Condition.and(leaf(r), leaf(r))
          : leaf(r);
    }
    return n == 1 ? parts[0] : Condition.and(parts);
  }

  private static Lead lead(SplittableRandom r, int i) {
    Lead.Builder b = Fixtures.lead("L-" + i);
    if (r.nextInt(5) > 0) {
      b.countryCode(COUNTRIES[r.nextInt(COUNTRIES.length)]);
    }
    if (r.nextInt(5) > 0) {
      b.region(r.nextInt(6) == 0 ? "Bremen" : REGIONS[r.nextInt(REGIONS.length)]);
    }
    if (r.nextInt(5) > 0) {
      b.rating(LeadRating.values()[r.nextInt(3)]);
    }
    if (r.nextInt(5) > 0) {
      double s = r.nextInt(3) == 0 ? r.nextInt(101) : SCORES[r.nextInt(SCORES.length)];
      b.score(r.nextBoolean() ? s : Math.min(100, Math.nextUp(s)));
    }
    int size = r.nextInt(4);
    if (size == 1) {
      b.putAttribute("size", AttributeValue.ofLong(r.nextInt(25)));
    } else if (size == 2) {
      b.putAttribute("size", AttributeValue.ofString("large"));
    }
    return b.build();
  }

  private static boolean valid(Condition c) {
    try {
      Fixtures.engine(RoutingPolicy.of("one", List.of(), List.of(new RuleEntry("r", c, Target.queue("q"),
          List.of()))), Fixtures.directory());
      return true;
    } catch (RoutingPolicyException e) {
      return false;
    }
  }

  @Test
  void theFilterNeverChangesTheMatchedRule() {
    int[] compared = new int[2];
    qt().withExamples(200).withFixedSeed(20261201L).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      int rules = 1 + r.nextInt(70);
      List<RuleEntry> indexed = new ArrayList<>();
      List<RuleEntry> linear = new ArrayList<>();
      for (int i = 0; i < rules; i++) {
        Condition c = condition(r);
        while (!valid(c)) { // contradictory ranges: the validator refuses a rule that can never match
          c = condition(r);
        }
        indexed.add(new RuleEntry("r" + i, c, Target.queue("q" + i), List.of()));
        linear.add(new RuleEntry("r" + i, Condition.or(c), Target.queue("q" + i), List.of()));
      }
      RoutingEngine a = Fixtures.engine(RoutingPolicy.of("indexed", List.of(), indexed), Fixtures.directory());
      RoutingEngine b = Fixtures.engine(RoutingPolicy.of("linear", List.of(), linear), Fixtures.directory());
      for (int i = 0; i < 40; i++) {
        Lead lead = lead(r, i);
        RoutingDecision x = a.route(lead, Fixtures.T0);
        RoutingDecision y = b.route(lead, Fixtures.T0);
        assertThat(x.ruleId()).as("rules %s, lead %d", indexed, i).isEqualTo(y.ruleId());
        assertThat(x.outcome()).isEqualTo(y.outcome());
        assertThat(x.trace().rules()).hasSameSizeAs(y.trace().rules());
        for (DecisionTrace.RuleCheck check : x.trace().rules()) {
          assertThat(check.matched() || check.failedCondition() != null).isTrue();
        }
        compared[x.ruleId() == null ? 0 : 1]++;
      }
    });
    // the leads must both match and miss often enough for the comparison to mean something
    assertThat(compared[0]).as("decisions without a match (645 at this seed)").isGreaterThan(300);
    assertThat(compared[1]).as("decisions with a match (7,355 at this seed)").isGreaterThan(4000);
  }
}
