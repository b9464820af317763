package io.github.crmkit.benchmarks;

import io.github.crmkit.model.Lead;
import io.github.crmkit.routing.InMemoryAssignmentLedger;
import io.github.crmkit.routing.RoutingDecision;
import io.github.crmkit.routing.RoutingEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.jeasy.rules.api.Facts;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.utils.KieHelper;

/**
 * The Drools peer of {@link RoutingBenchmark}: the benchmark's first-match rule set written in DRL, compiled in memory
 * into a {@link KieBase}, and the check that it finds the same pool as crm-routing and Easy Rules for every lead.
 *
 * <p>First match: rule {@code r} has salience {@code rules - r} (policy order, the catch-all lowest), so the agenda
 * fires the first matching rule first, and every consequence ends with {@code drools.halt()}, so no other rule fires:
 * exactly one rule fires per lead. (An {@code activation-group} gives the same result with a fresh session per
 * lead, but not with the pooled sessions used here: Drools 10.2.0's pooled stateless session then let the catch-all
 * win for every lead after the first, which {@link #checkSameFirstMatch} caught; {@code halt()} is correct with both
 * and faster.)
 *
 * <p>Sessions: one {@link StatelessKieSession} from a {@link KieBase#newKieSessionsPool(int) session pool}, reused
 * for every lead: each {@code execute} takes a reset session from the pool instead of building a new one, Drools'
 * own way to make many small stateless decisions cheap; it was the fastest correct setup tried (about 6 us per lead
 * against about 9 us with a new session per lead, 100 rules, on a busy machine).
 *
 * <p>Drools matches plain Java beans, not crmkit's {@link Lead} with its {@code Optional} accessors, so each lead is
 * converted once into a {@link LeadFact} (rating name, score, country, region) in the benchmark's setup, outside the
 * timed region, the same way Easy Rules receives ready {@code Lead} objects. The chosen pool is written by the firing
 * rule's consequence into the fact's {@code pool} property.
 *
 * <p>Not thread-safe (the facts are mutable); a benchmark state owns one set.
 */
public final class DroolsPeer {
  private DroolsPeer() {
  }

  /**
   * A lead as Drools sees it: plain getters, and the pool the firing rule chose.
   *
   * <p>Mutable, not thread-safe.
   */
  public static final class LeadFact {
    private final String rating;
    private final double score;
    private final String country;
    private final String region;
    private String pool;

    LeadFact(Lead lead) {
      this.rating = lead.rating().map(Enum::name).orElse(null);
      this.score = lead.score().orElse(-1);
      this.country = lead.countryCode().orElse(null);
      this.region = lead.region().orElse(null);
    }

    /**
     * The rating's name.
     *
     * @return {@code HOT}, {@code WARM} or {@code COLD}, or null when the lead has none
     */
    public String getRating() {
      return rating;
    }

    /**
     * The score.
     *
     * @return the score, or -1 when the lead has none
     */
    public double getScore() {
      return score;
    }

    /**
     * The country code.
     *
     * @return the ISO 3166-1 alpha-2 code, or null
     */
    public String getCountry() {
      return country;
    }

    /**
     * The region.
     *
     * @return the region, or null
     */
    public String getRegion() {
      return region;
    }

    /**
     * The pool chosen by the rule that fired.
     *
     * @return the pool, or null before a rule fired
     */
    public String getPool() {
      return pool;
    }

    /**
     * Set by the firing rule's consequence.
     *
     * @param pool the pool
     */
    public void setPool(String pool) {
      this.pool = pool;
    }
  }

  /**
   * The DRL text of the benchmark's rule set: {@code rules - 1} conditional rules and the catch-all.
   *
   * @param rules the number of rules, catch-all included
   * @return the DRL
   */
  static String drl(int rules) {
    StringBuilder b = new StringBuilder(rules * 260);
    b.append("package io.github.crmkit.benchmarks.drools;\n")
        .append("import ").append(LeadFact.class.getCanonicalName()).append(";\n\n");
    for (int r = 0; r < rules - 1; r++) {
      b.append("rule \"rule-").append(r).append("\"\n")
          .append("  salience ").append(rules - r).append("\n")
          .append("when\n")
          .append("  $l : LeadFact( rating == \"").append(RoutingBenchmark.RATINGS[r % 3].name()).append("\", ")
          .append("score >= ").append(r * 7 % 90).append(", ")
          .append("country in (\"").append(RoutingBenchmark.COUNTRIES[r % 4]).append("\", \"")
          .append(RoutingBenchmark.COUNTRIES[(r + 1) % 4]).append("\"), ")
          .append("region == \"").append(RoutingBenchmark.region(r % 20)).append("\" )\n")
          .append("then\n")
          .append("  $l.setPool(\"pool-").append(r % 100).append("\");\n")
          .append("  drools.halt();\n")
          .append("end\n\n");
    }
    b.append("rule \"catch-all\"\n")
        .append("  salience 0\n")
        .append("when\n")
        .append("  $l : LeadFact()\n")
        .append("then\n")
        .append("  $l.setPool(\"pool-0\");\n")
        .append("  drools.halt();\n")
        .append("end\n");
    return b.toString();
  }

  /**
   * Compiles DRL in memory (classic DRL engine with MVEL constraints, not the executable model).
   *
   * @param drl the rules
   * @return the knowledge base
   * @throws RuntimeException (Drools') if the DRL has errors, listing them
   */
  static KieBase compile(String drl) {
    return new KieHelper().addContent(drl, ResourceType.DRL).build(DrlProject.class);
  }

  /**
   * Converts the leads into facts (once, outside the timed region).
   *
   * @param leads the leads
   * @return one fact per lead, in order
   */
  static LeadFact[] facts(Lead[] leads) {
    LeadFact[] facts = new LeadFact[leads.length];
    for (int i = 0; i < leads.length; i++) {
      facts[i] = new LeadFact(leads[i]);
    }
    return facts;
  }

  /**
   * One first-match decision.
   *
   * @param session the stateless session
   * @param fact the lead
   * @return the pool of the rule that fired
   */
  static String firstMatch(StatelessKieSession session, LeadFact fact) {
    fact.setPool(null);
    session.execute(fact);
    return fact.getPool();
  }

  /**
   * Checks that Drools, crm-routing and Easy Rules choose the same pool for every lead: crm-routing's deciding rule
   * ({@code rule-r} is {@code pool-(r % 100)}, {@code catch-all} is {@code pool-0}) and Easy Rules' pool must both
   * equal the pool Drools chose. Also requires that some leads match a rule other than the catch-all, so that the
   * comparison tests the rule order and conditions, not only the fallback.
   *
   * @param rules the number of rules
   * @param session a session of the Drools rule set
   * @param facts the leads as facts
   * @param leads the same leads
   * @param easyRules the Easy Rules state of the same rule set and leads
   * @return how many leads matched a rule other than the catch-all
   * @throws IllegalStateException at the first lead on which they differ
   */
  static int checkSameFirstMatch(int rules, StatelessKieSession session, LeadFact[] facts, Lead[] leads,
      RoutingBenchmark.EasyRules easyRules) {
    InMemoryAssignmentLedger ledger = new InMemoryAssignmentLedger();
    RoutingEngine engine = RoutingEngine.builder().policy(RoutingBenchmark.policy(rules))
        .directory(RoutingBenchmark.agents()).ledger(ledger).seed(7).build();
    Instant at = Instant.parse("2026-03-02T00:00:00Z");
    int specific = 0;
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < leads.length; i++) {
      String drools = firstMatch(session, facts[i]);
      RoutingDecision decision = engine.route(leads[i], at);
      ledger.release(leads[i].id());
      String ruleId = decision.ruleId();
      String crmkit;
      if ("catch-all".equals(ruleId)) {
        crmkit = "pool-0";
      } else if (ruleId != null && ruleId.startsWith("rule-")) {
        crmkit = "pool-" + Integer.parseInt(ruleId.substring("rule-".length())) % 100;
        specific++;
      } else {
        crmkit = "rule " + ruleId;
      }
      Facts f = new Facts();
      f.put("lead", leads[i]);
      easyRules.engine.fire(easyRules.ruleSet, f);
      Object easy = f.get("pool");
      if (!crmkit.equals(drools) || !crmkit.equals(easy)) {
        mismatches.add("lead " + i + ": crm-routing " + crmkit + " (" + ruleId + "), Drools " + drools
            + ", Easy Rules " + easy);
      }
    }
    if (!mismatches.isEmpty()) {
      throw new IllegalStateException(mismatches.size() + " of " + leads.length + " leads routed differently at "
          + rules + " rules, first: " + mismatches.get(0));
    }
    if (specific == 0) {
      throw new IllegalStateException("no lead matched a rule other than the catch-all at " + rules + " rules");
    }
    return specific;
  }
}
