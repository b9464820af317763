package io.github.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.examples.DealerRouting;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.LeadRating;
import io.github.crmkit.model.json.CrmJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteCommandTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Path policy;
  private Path agents;
  private Path leads;

  /** Cold leads to the nurture queue; leads from China to rep A (two a day; B is inactive); nothing else. */
  private static final String POLICY = """
      {"version": 1, "revision": "cli-test-1", "zone": "Asia/Shanghai",
       "pools": [{"id": "reps", "members": ["A", "B"], "strategy": "round-robin"}],
       "rules": [{"id": "nurture", "when": {"op": "=", "field": "rating", "value": "COLD"},
                  "target": {"queue": "nurture"}},
                 {"id": "china", "when": {"op": "=", "field": "countryCode", "value": "CN"},
                  "target": {"pool": "reps"}, "fallback": [{"unassigned": "no-capacity"}]}]}
      """;

  private static final String AGENTS = """
      [{"id": "A", "kind": "SALES_REP", "displayName": "Rep A", "capacity": {"maxPerDay": 2}},
       {"id": "B", "kind": "SALES_REP", "displayName": "Rep B", "active": false}]
      """;

  /**
   * Five leads of one day, not in time order: L4 (08:00) comes in first and L3 (10:00) after L1 (09:00), so A's two
   * leads of the day are L4 and L1, and L3 finds A capped. L2 is cold, L5 is from Germany.
   */
  private static final String LEADS = """
      lead_id,received_at,source,campaign,rating,score,country,province,city,budget:long
      L1,2026-03-02T09:00+08:00,web-form,spring,hot,88,CN,广东省,深圳市,50000
      L2,2026-03-02T09:30+08:00,web-form,,cold,12,CN,浙江省,杭州市,
      L3,2026-03-02T10:00,trade-show,,warm,55,CN,上海市,上海市,
      "L4",2026-03-02T00:00:00Z,partner,spring,warm,61.5,CN,"北京市",北京市,1200
      L5,2026-03-02T11:00+08:00,web-form,,hot,90,DE,,,
      """;

  @BeforeEach
  void files() throws IOException {
    policy = write("policy.json", POLICY);
    agents = write("agents.json", AGENTS);
    leads = write("leads.csv", LEADS);
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private int run(String... args) {
    PrintStream stdOut = System.out;
    PrintStream stdErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return CrmCommand.commandLine().execute(args);
    } finally {
      System.setOut(stdOut);
      System.setErr(stdErr);
    }
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void simulateWritesOneRowPerLeadInFileOrderWithTheExactHeaderAndPrintsReconcilingCounts() throws IOException {
    Path output = dir.resolve("routed.csv");
    int status = run("route", "simulate", "--policy", policy.toString(), "--agents", agents.toString(), "--leads",
        leads.toString(), "--seed", "3", "--output", output.toString());
    assertThat(status).as(stderr()).isZero();
    assertThat(Files.readAllLines(output)).containsExactly(
        "lead_id,outcome,target,rule_id,reason",
        "L1,assigned,A,china,",
        "L2,queued,nurture,nurture,",
        "L3,unassigned,,china,no-capacity",
        "L4,assigned,A,china,",
        "L5,unassigned,,,no-rule-matched");
    assertThat(stderr()).contains("route: 5 leads = 2 assigned + 1 queued + 0 pooled + 2 unassigned "
        + "(policy cli-test-1, seed 3)");
    assertThat(stderr()).containsPattern("(?m)^A +2 +1$").containsPattern("(?m)^B +0 +0  \\(inactive\\)$");
    assertThat(stderr()).contains("queues, pool: queued:nurture 1");
    assertThat(stderr()).contains("unassigned:   no-capacity 1, no-rule-matched 1");
    assertThat(stdout()).isEmpty();
  }

  @Test
  void simulateWritesToStandardOutputWithoutOutput() {
    int status = run("route", "simulate", "--policy", policy.toString(), "--agents", agents.toString(), "--leads",
        leads.toString());
    assertThat(status).isZero();
    assertThat(stdout()).startsWith("lead_id,outcome,target,rule_id,reason\nL1,assigned,A,china,\n");
    assertThat(stdout().lines()).hasSize(6);
  }

  @Test
  void explainPrintsTheFailingConditionOfEachRuleAndTheCandidates() {
    int status = run("route", "explain", "--policy", policy.toString(), "--agents", agents.toString(), "--leads",
        leads.toString(), "--lead", "L5");
    assertThat(status).as(stderr()).isZero();
    assertThat(stdout()).contains("lead L5, received 2026-03-02T03:00:00Z, routed after 4 earlier leads")
        .contains("outcome: unassigned, reason no-rule-matched")
        .contains("rule nurture: failed at $.rules[0].when (rating = COLD)")
        .contains("rule china: failed at $.rules[1].when (countryCode = CN)");

    out.reset();
    status = run("route", "explain", "--policy", policy.toString(), "--agents", agents.toString(), "--leads",
        leads.toString(), "--lead", "L3");
    assertThat(status).isZero();
    assertThat(stdout()).contains("outcome: unassigned, reason no-capacity by rule china")
        .contains("rule nurture: failed at $.rules[0].when (rating = COLD)")
        .contains("rule china: matched")
        .contains("target pool:reps by round-robin: no-eligible-candidate")
        .contains("  A: excluded, capped:max-per-day")
        .contains("  B: excluded, inactive");
  }

  @Test
  void explainOfAnUnknownLeadIsBadInput() {
    int status = run("route", "explain", "--policy", policy.toString(), "--agents", agents.toString(), "--leads",
        leads.toString(), "--lead", "L9");
    assertThat(status).isEqualTo(2);
    assertThat(stderr().strip()).isEqualTo("route explain: --lead: no lead with this id in " + leads);
  }

  private void assertBadInput(String expectedLine) {
    assertThat(stderr().lines()).as(stderr()).hasSize(1);
    assertThat(stderr().strip()).isEqualTo(expectedLine);
  }

  private int simulate() {
    return run("route", "simulate", "--policy", policy.toString(), "--agents", agents.toString(), "--leads",
        leads.toString(), "--output", dir.resolve("out.csv").toString());
  }

  @Test
  void aBadPolicyIsRefusedWithExitStatus2AndTheJsonPath() throws IOException {
    policy = write("policy.json", POLICY.replace("\"op\": \"=\", \"field\": \"rating\"",
        "\"op\": \"matches\", \"field\": \"rating\""));
    assertThat(simulate()).isEqualTo(2);
    assertThat(stderr()).startsWith("route simulate: " + policy + ": $.rules[0].when.op: ");
    assertBadInput(stderr().strip());
    assertThat(Files.exists(dir.resolve("out.csv"))).isFalse();

    err.reset();
    policy = write("policy.json", "{\"version\": 1, \"revision\": \"x\",\n \"rules\": [}");
    assertThat(simulate()).isEqualTo(2);
    assertThat(stderr()).startsWith("route simulate: " + policy + ": $: malformed JSON at line 2, column");
    assertBadInput(stderr().strip());

    err.reset();
    policy = write("policy.json", POLICY.replace("[\"A\", \"B\"]", "[\"A\", \"C\"]"));
    assertThat(simulate()).isEqualTo(2);
    assertBadInput("route simulate: " + policy + ": $.pools[0].members[1]: unknown agent 'C' (agents from "
        + agents + ")");
  }

  @Test
  void badAgentsAndLeadsNameTheFileAndThePosition() throws IOException {
    agents = write("agents.json", AGENTS.replace("\"kind\": \"SALES_REP\", \"displayName\": \"Rep B\"",
        "\"kind\": \"WIZARD\", \"displayName\": \"Rep B\""));
    assertThat(simulate()).isEqualTo(2);
    assertThat(stderr()).startsWith("route simulate: " + agents + ": invalid JSON at $[1].kind (line 2, column");
    assertBadInput(stderr().strip());

    err.reset();
    agents = write("agents.json", AGENTS);
    leads = write("leads.csv", LEADS.replace("L2,2026-03-02T09:30+08:00,web-form,,cold",
        "L2,2026-03-02T09:30+08:00,web-form,,freezing"));
    assertThat(simulate()).isEqualTo(2);
    assertBadInput("route simulate: " + leads + ":3:5: rating: expected hot, warm or cold");

    err.reset();
    leads = write("leads.csv", LEADS.replace(",received_at,", ",received,"));
    assertThat(simulate()).isEqualTo(2);
    assertBadInput("route simulate: " + leads + ":1: missing column 'received_at' in the header");

    err.reset();
    leads = write("leads.csv", LEADS.replace("L3,2026-03-02T10:00,", "L3,2026-03-02 10h,"));
    assertThat(simulate()).isEqualTo(2);
    assertBadInput("route simulate: " + leads + ":4:2: received_at: expected an ISO-8601 date-time such as "
        + "2026-03-02T09:15:00+08:00 or 2026-03-02T09:15");

    err.reset();
    leads = write("leads.csv", LEADS.replace("\"L4\",", "L1,"));
    assertThat(simulate()).isEqualTo(2);
    assertBadInput("route simulate: " + leads + ":5:1: lead_id: duplicate of the lead on line 2");

    err.reset();
    leads = write("leads.csv", LEADS.replace("L1,2026-03-02T09:00+08:00,web-form,spring,hot,88,CN,广东省,深圳市,50000",
        "L1,2026-03-02T09:00+08:00,web-form,spring,hot,88,CN,广东省,深圳市,lots"));
    assertThat(simulate()).isEqualTo(2);
    assertBadInput("route simulate: " + leads + ":2:10: budget: expected a whole number");

    err.reset();
    leads = write("leads.csv", LEADS.replace("L5,2026-03-02T11:00+08:00,web-form,,hot,90,DE,,,",
        "L5,2026-03-02T11:00+08:00,web-form,,hot,90,DE,,"));
    assertThat(simulate()).isEqualTo(2);
    assertBadInput("route simulate: " + leads + ":6: expected 10 fields as in the header, found 9");

    err.reset();
    leads = write("leads.json", "[{\"id\": \"L1\", \"sourceChannel\": \"web\"}]");
    assertThat(simulate()).isEqualTo(2);
    assertThat(stderr()).startsWith("route simulate: " + leads + ": invalid JSON at $[0]");
    assertBadInput(stderr().strip());
  }

  @Test
  void routesTheDealerExampleFromJsonLeadsWithTheExamplePluginFoundOnTheClassPath() throws IOException {
    List<Lead> generated = DealerRouting.leads(7, 400);
    leads = write("leads.json", CrmJson.standard().write(generated));
    policy = write("dealer-policy.json", DealerRouting.resource(DealerRouting.POLICY_RESOURCE));
    agents = write("dealer-agents.json", DealerRouting.resource(DealerRouting.AGENTS_RESOURCE));
    Path output = dir.resolve("routed.csv");
    int status = run("route", "simulate", "--policy", policy.toString(), "--agents", agents.toString(), "--leads",
        leads.toString(), "--output", output.toString());
    assertThat(status).as(stderr()).isZero();
    List<String> rows = Files.readAllLines(output);
    assertThat(rows).hasSize(401);
    Matcher counts = Pattern.compile("route: ([0-9,]+) leads = ([0-9,]+) assigned \\+ ([0-9,]+) queued \\+ "
        + "([0-9,]+) pooled \\+ ([0-9,]+) unassigned").matcher(stderr());
    assertThat(counts.find()).as(stderr()).isTrue();
    int[] n = new int[5];
    for (int i = 0; i < 5; i++) {
      n[i] = Integer.parseInt(counts.group(i + 1).replace(",", ""));
    }
    assertThat(n[0]).isEqualTo(400).isEqualTo(n[1] + n[2] + n[3] + n[4]);
    Map<String, String> outcomes = new HashMap<>();
    Map<String, Integer> perOutcome = new HashMap<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",", -1);
      assertThat(f).hasSize(5);
      outcomes.put(f[0], f[1] + ":" + f[2]);
      perOutcome.merge(f[1], 1, Integer::sum);
    }
    assertThat(perOutcome.getOrDefault("assigned", 0)).isEqualTo(n[1]);
    assertThat(perOutcome.getOrDefault("unassigned", 0)).isEqualTo(n[4]);
    Set<String> large = Set.of("assigned:LD-EAST", "assigned:LD-SOUTH", "assigned:LD-NORTH");
    int hot = 0;
    for (Lead lead : generated) {
      String outcome = outcomes.get(lead.id().value());
      if (lead.rating().orElseThrow() == LeadRating.HOT && lead.countryCode().orElse("").equals("CN")) {
        hot++;
        assertThat(large.contains(outcome) || outcome.equals("pooled:default")).as(outcome).isTrue();
      }
      if (lead.rating().orElseThrow() == LeadRating.COLD) {
        assertThat(outcome).isEqualTo("queued:nurture");
      }
    }
    assertThat(hot).isGreaterThan(40);
    // the reps' pool uses the example plugin's strategy, found through ServiceLoader
    assertThat(rows).anyMatch(r -> r.contains(",assigned,R-0"));
  }

  @Test
  void routesTheShippedDealerSampleAsThePolicyIntends() throws IOException {
    policy = write("dealer-policy.json", DealerRouting.resource(DealerRouting.POLICY_RESOURCE));
    agents = write("dealer-agents.json", DealerRouting.resource(DealerRouting.AGENTS_RESOURCE));
    leads = write("dealer-leads.csv", DealerRouting.resource(DealerRouting.LEADS_SAMPLE_RESOURCE));
    Path output = dir.resolve("routed.csv");
    int status = run("route", "simulate", "--policy", policy.toString(), "--agents", agents.toString(), "--leads",
        leads.toString(), "--output", output.toString());
    assertThat(status).as(stderr()).isZero();
    // hot leads from China by smooth weighted round robin over weights 5, 3, 2 (current weights after adding the
    // weights: 5,3,2 -> EAST; 0,6,4 -> SOUTH; 5,-1,6 -> NORTH; 10,2,-2 -> EAST); warm leads to their province's
    // dealer, Guangdong's two in turn; cold leads to nurture; leads from abroad to the best converting rep, R-03
    // (smoothed rate 0.299), who takes two a day
    List<String> rows = Files.readAllLines(output);
    assertThat(rows).hasSize(13);
    assertThat(rows.subList(1, 13)).containsExactly(
        "D-0001,assigned,LD-EAST,hot-to-large-dealers,",
        "D-0002,assigned," + rows.get(2).split(",")[2] + ",warm-guangdong,",
        "D-0003,queued,nurture,long-term-nurture,",
        "D-0004,assigned,LD-SOUTH,hot-to-large-dealers,",
        "D-0005,assigned,SD-BJ,warm-beijing,",
        "D-0006,assigned,R-03,rest-to-inside-sales,",
        "D-0007,assigned,R-03,rest-to-inside-sales,",
        "D-0008,assigned,LD-NORTH,hot-to-large-dealers,",
        "D-0009,assigned,SD-JS-NJ,warm-jiangsu,",
        "D-0010,assigned," + rows.get(10).split(",")[2] + ",warm-guangdong,",
        "D-0011,queued,nurture,long-term-nurture,",
        "D-0012,assigned,LD-EAST,hot-to-large-dealers,");
    assertThat(Set.of(rows.get(2).split(",")[2], rows.get(10).split(",")[2])).containsExactlyInAnyOrder("SD-GD-SZ",
        "SD-GD-GZ");
    assertThat(stderr()).contains("route: 12 leads = 10 assigned + 2 queued + 0 pooled + 0 unassigned");
  }

  @Test
  void helpDocumentsTheLeadColumnsAndTheAgentsFile() {
    int status = run("route", "simulate", "--help");
    assertThat(status).isZero();
    String help = stdout() + stderr();
    assertThat(help).contains("lead_id,outcome,target,rule_id,reason").contains("received_at")
        .contains("product_interest").contains("budget:long").contains("SALES_REP").contains("--seed")
        .contains("--territories").contains("countryCodes");
  }

  /**
   * China, and South China within it: Guangdong leads resolve to the more specific T-SOUTH, other Chinese leads to
   * T-CN. Rules in order: T-SOUTH to S, then T-CN (which holds T-SOUTH too) to A.
   */
  private static final String TERRITORY_POLICY = """
      {"version": 1, "revision": "cli-territories-1", "zone": "Asia/Shanghai",
       "pools": [{"id": "south", "members": ["S"], "strategy": "round-robin"},
                 {"id": "china", "members": ["A"], "strategy": "round-robin"}],
       "rules": [{"id": "south", "when": {"op": "in-territory", "value": "T-SOUTH"}, "target": {"pool": "south"}},
                 {"id": "china", "when": {"op": "in-territory", "value": "T-CN"}, "target": {"pool": "china"}}]}
      """;

  private static final String TERRITORIES = """
      [{"id": "T-CN", "name": "China", "countryCodes": ["CN"]},
       {"id": "T-SOUTH", "name": "South China", "parent": "T-CN", "countryCodes": ["CN"], "regions": ["广东省"]}]
      """;

  @Test
  void territoriesFileLetsAPolicyRouteByTerritoryMostSpecificFirst() throws IOException {
    policy = write("policy.json", TERRITORY_POLICY);
    agents = write("agents.json", """
        [{"id": "A", "kind": "SALES_REP", "displayName": "Rep A"},
         {"id": "S", "kind": "SALES_REP", "displayName": "Rep S"}]
        """);
    // L1 Guangdong: T-SOUTH, rule south; L2 Zhejiang: T-CN only, rule china; L3 Germany: no territory, no rule;
    // L4 Zhejiang but naming T-SOUTH: the named territory wins, rule south
    leads = write("leads.csv", """
        lead_id,received_at,source,country,province,territory
        L1,2026-03-02T09:00+08:00,web-form,CN,广东省,
        L2,2026-03-02T09:30+08:00,web-form,CN,浙江省,
        L3,2026-03-02T10:00+08:00,web-form,DE,,
        L4,2026-03-02T10:30+08:00,web-form,CN,浙江省,T-SOUTH
        """);
    Path territories = write("territories.json", TERRITORIES);
    Path output = dir.resolve("routed.csv");
    int status = run("route", "simulate", "--policy", policy.toString(), "--agents", agents.toString(),
        "--territories", territories.toString(), "--leads", leads.toString(), "--output", output.toString());
    assertThat(status).as(stderr()).isZero();
    assertThat(Files.readAllLines(output)).containsExactly(
        "lead_id,outcome,target,rule_id,reason",
        "L1,assigned,S,south,",
        "L2,assigned,A,china,",
        "L3,unassigned,,,no-rule-matched",
        "L4,assigned,S,south,");

    // without the territories the policy names unknown ones
    err.reset();
    assertThat(simulate()).isEqualTo(2);
    assertBadInput("route simulate: " + policy + ": $.rules[0].when.value: unknown territory 'T-SOUTH'; "
        + "$.rules[1].when.value: unknown territory 'T-CN' (agents from " + agents + ")");
  }

  @Test
  void badTerritoriesNameTheFileAndThePosition() throws IOException {
    policy = write("policy.json", TERRITORY_POLICY);
    agents = write("agents.json", """
        [{"id": "A", "kind": "SALES_REP", "displayName": "Rep A"},
         {"id": "S", "kind": "SALES_REP", "displayName": "Rep S"}]
        """);
    Path territories = write("territories.json", TERRITORIES.replace("\"countryCodes\": [\"CN\"]}",
        "\"countryCodes\": \"CN\"}"));
    String[] args = {"route", "simulate", "--policy", policy.toString(), "--agents", agents.toString(),
        "--territories", territories.toString(), "--leads", leads.toString()};
    assertThat(run(args)).isEqualTo(2);
    assertThat(stderr()).startsWith("route simulate: " + territories + ": invalid JSON at $[0].countryCodes");
    assertBadInput(stderr().strip());

    err.reset();
    write("territories.json", TERRITORIES.replace(
        "\"id\": \"T-SOUTH\", \"name\": \"South China\", \"parent\": \"T-CN\",",
        "\"id\": \"T-CN\", \"name\": \"South China\","));
    assertThat(run(args)).isEqualTo(2);
    assertBadInput("route simulate: " + territories + ": duplicate territory id at $[1].id (first at $[0].id)");

    err.reset();
    write("territories.json", TERRITORIES.replace("\"parent\": \"T-CN\"", "\"parent\": \"T-ASIA\""));
    assertThat(run(args)).isEqualTo(2);
    assertBadInput("route simulate: " + territories + ": $[1].parent: unknown territory 'T-ASIA'");

    err.reset();
    write("territories.json", TERRITORIES.replace("\"id\": \"T-SOUTH\"", "\"id\": \"T-NORTH\""));
    assertThat(run(args)).isEqualTo(2);
    assertBadInput("route simulate: " + policy + ": $.rules[0].when.value: unknown territory 'T-SOUTH' (agents from "
        + agents + ", territories from " + territories + ")");
  }
}
