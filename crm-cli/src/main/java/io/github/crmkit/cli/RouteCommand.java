package io.github.crmkit.cli;

import io.github.crmkit.cli.io.LeadFileException;
import io.github.crmkit.cli.io.LeadFileReader;
import io.github.crmkit.model.Agent;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.Territory;
import io.github.crmkit.model.TerritoryId;
import io.github.crmkit.model.json.CrmJson;
import io.github.crmkit.model.json.CrmJsonException;
import io.github.crmkit.routing.DecisionTrace;
import io.github.crmkit.routing.DryRunReport;
import io.github.crmkit.routing.PolicyProblem;
import io.github.crmkit.routing.RoutingDecision;
import io.github.crmkit.routing.RoutingEngine;
import io.github.crmkit.routing.RoutingPlugins;
import io.github.crmkit.routing.RoutingPolicy;
import io.github.crmkit.routing.RoutingPolicyException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crm route}: runs a routing policy of crm-routing over a file of leads, without touching any live state.
 * {@code crm route simulate} writes one row per lead and prints the distribution; {@code crm route explain} prints
 * one lead's decision trace.
 *
 * <p>Thread-safety: not thread-safe; picocli fills a fresh instance for every run.
 */
@Command(name = "route", mixinStandardHelpOptions = true,
    description = "Dry-runs a lead routing policy over a file of leads: where each lead would go, and why. Nothing "
        + "is changed anywhere: every run starts from empty counters.",
    subcommands = {RouteCommand.Simulate.class, RouteCommand.Explain.class})
final class RouteCommand {
  static final String FILES_HELP = "%n"
      + "Files:%n"
      + "  --policy  a routing policy: crm-routing's RoutingPolicy JSON (version,%n"
      + "            revision, zone, pools, rules); problems name their JSON path.%n"
      + "  --agents  a JSON array of crm-model Agents as crmkit writes them (id, kind,%n"
      + "            displayName, team, territories, skills, languages, weight,%n"
      + "            capacity, calendar, active, attributes), for example%n"
      + "            [{\"id\": \"R-01\", \"kind\": \"SALES_REP\", \"displayName\": \"Rep 01\",%n"
      + "              \"team\": \"inside-sales\", \"capacity\": {\"maxPerDay\": 3}}]%n"
      + "  --territories  optional: a JSON array of crm-model Territories as crmkit%n"
      + "            writes them (id, name, parent, countryCodes, regions, cities,%n"
      + "            postalCodePrefixes), for in-territory conditions; a lead is in%n"
      + "            the territory it names, else in the most specific one matching its%n"
      + "            country, region and city, and in every ancestor of it, e.g.%n"
      + "            [{\"id\": \"T-CN\", \"name\": \"China\", \"countryCodes\": [\"CN\"]},%n"
      + "             {\"id\": \"T-GD\", \"name\": \"Guangdong\", \"parent\": \"T-CN\",%n"
      + "              \"countryCodes\": [\"CN\"], \"regions\": [\"广东省\"]}]%n"
      + "  --leads   FILE.json: a JSON array of crm-model Leads; or FILE.csv with a%n"
      + "            header row naming its columns, in any order (the first three are%n"
      + "            required; an empty cell is an absent value):%n"
      + "    lead_id       the lead's id, unique in the file%n"
      + "    received_at   ISO-8601: 2026-03-02T09:15:00+08:00, or 2026-03-02T09:15%n"
      + "                  in the policy's zone%n"
      + "    source        the source channel, a lower-case token (web-form, ...)%n"
      + "    campaign      a lower-case token%n"
      + "    rating        hot, warm or cold%n"
      + "    score         a number%n"
      + "    country       ISO 3166-1 alpha-2 code (CN, DE, ...)%n"
      + "    province      the region (field 'region' in conditions)%n"
      + "    city, territory, company%n"
      + "    product_interest, product_group_interest   ids separated by ';'%n"
      + "    any other     a custom attribute (field 'attributes.NAME'), a string; a%n"
      + "                  suffix gives another type: budget:long, ratio:decimal,%n"
      + "                  vip:boolean, since:date%n"
      + "Leads are routed in order of received_at (file order among equal times),%n"
      + "each at its received_at. Routing plugins on the class path (ServiceLoader)%n"
      + "are loaded, so a policy may name their operators, filters and strategies%n"
      + "(crm-examples' examples.best-conversion is one).%n"
      + "Exit status: 0 done; 2 bad input, with one line naming the file, its line and%n"
      + "column or JSON path, and the problem; 1 anything else.";

  /** Bad input: the message names the file and the position in it. */
  static final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
      super(message);
    }
  }

  /** The options both subcommands share, and reading them into an engine and leads. */
  static final class Inputs {
    @Option(names = "--policy", required = true, paramLabel = "FILE.json", description = "The routing policy.")
    Path policy;

    @Option(names = "--agents", required = true, paramLabel = "FILE.json", description = "The agents (JSON array).")
    Path agents;

    @Option(names = "--territories", paramLabel = "FILE.json",
        description = "The territories (JSON array), for in-territory conditions; none by default.")
    Path territories;

    @Option(names = "--leads", required = true, paramLabel = "FILE.csv|FILE.json",
        description = "The leads: CSV with a header row, or a JSON array.")
    Path leads;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
        description = "The engine's seed (weighted random, tie-breaks); the same seed replays the same decisions "
            + "(default: ${DEFAULT-VALUE}).")
    long seed;

    /** The engine, the leads in routing order, and the agents as the file lists them. */
    record Loaded(RoutingEngine engine, List<Agent> agents, List<Lead> fileOrder, List<Lead> routingOrder) {}

    Loaded load() throws IOException, BadInputException {
      RoutingPlugins plugins;
      try {
        plugins = RoutingPlugins.discover();
      } catch (IllegalStateException e) {
        throw new BadInputException("cannot load the routing plugins on the class path: " + e.getMessage());
      }
      RoutingPolicy routingPolicy;
      try {
        routingPolicy = RoutingPolicy.fromJson(read(policy), plugins);
      } catch (RoutingPolicyException e) {
        throw new BadInputException(policy + ": " + problems(e));
      }
      List<Agent> agentList;
      try {
        agentList = CrmJson.standard().readList(read(agents), Agent.class);
      } catch (CrmJsonException e) {
        throw new BadInputException(agents + ": " + e.getMessage());
      }
      Map<String, Integer> ids = new HashMap<>();
      for (int i = 0; i < agentList.size(); i++) {
        Integer first = ids.putIfAbsent(agentList.get(i).id().value(), i);
        if (first != null) {
          throw new BadInputException(agents + ": duplicate agent id at $[" + i + "].id (first at $[" + first
              + "].id)");
        }
      }
      List<Territory> territoryList = territories == null ? List.of() : readTerritories(territories);
      RoutingEngine engine;
      try {
        engine = RoutingEngine.builder().policy(routingPolicy).plugins(plugins)
            .directory(new FileAgentDirectory(agentList, territoryList)).seed(seed).build();
      } catch (RoutingPolicyException e) {
        throw new BadInputException(policy + ": " + problems(e) + " (agents from " + agents
            + (territories == null ? "" : ", territories from " + territories) + ")");
      }
      List<Lead> leadList = LeadFileReader.read(leads, ZoneId.of(routingPolicy.zone()));
      List<Lead> sorted = new ArrayList<>(leadList);
      sorted.sort((a, b) -> a.receivedAt().compareTo(b.receivedAt()));
      return new Loaded(engine, agentList, leadList, sorted);
    }

    /** Reads a territories file: unique ids, each parent one of the file's territories. */
    private static List<Territory> readTerritories(Path file) throws IOException, BadInputException {
      List<Territory> list;
      try {
        list = CrmJson.standard().readList(read(file), Territory.class);
      } catch (CrmJsonException e) {
        throw new BadInputException(file + ": " + e.getMessage());
      }
      Map<String, Integer> ids = new HashMap<>();
      for (int i = 0; i < list.size(); i++) {
        Integer first = ids.putIfAbsent(list.get(i).id().value(), i);
        if (first != null) {
          throw new BadInputException(file + ": duplicate territory id at $[" + i + "].id (first at $[" + first
              + "].id)");
        }
      }
      for (int i = 0; i < list.size(); i++) {
        String parent = list.get(i).parent().map(TerritoryId::value).orElse(null);
        if (parent != null && !ids.containsKey(parent)) {
          throw new BadInputException(file + ": $[" + i + "].parent: unknown territory '" + parent + "'");
        }
      }
      return list;
    }

    private static String read(Path file) throws IOException, BadInputException {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new BadInputException(file + ": no such file");
      }
    }

    /** The problems on one line: the first few with their JSON paths, and how many more. */
    private static String problems(RoutingPolicyException e) {
      List<PolicyProblem> problems = e.problems();
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < problems.size() && i < 3; i++) {
        out.append(i == 0 ? "" : "; ").append(problems.get(i));
      }
      if (problems.size() > 3) {
        out.append("; and ").append(problems.size() - 3).append(" more");
      }
      return out.toString();
    }
  }

  /** Runs a subcommand body, turning bad input into one line on stderr and exit status 2. */
  interface Body {
    int run() throws IOException, BadInputException;
  }

  static int guarded(String name, Body body) throws IOException {
    try {
      return body.run();
    } catch (BadInputException | LeadFileException e) {
      System.err.println("route " + name + ": " + e.getMessage());
      return 2;
    }
  }

  static String outcome(RoutingDecision d) {
    return d.outcome().name().toLowerCase(Locale.ROOT);
  }

  /** {@code crm route simulate}. */
  @Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Routes every lead of a file through a policy (a dry run from empty counters) and writes one "
          + "row per lead:",
          "  lead_id,outcome,target,rule_id,reason",
          "outcome is assigned, queued, pooled or unassigned; target the agent, queue or public pool; rule_id the "
          + "deciding rule; reason why a lead was left unassigned.",
          "On stderr: the counts (leads = assigned + queued + pooled + unassigned), per agent the leads assigned "
          + "and how often a cap excluded it, the queues and public pool, and the unassigned leads by reason."},
      footer = FILES_HELP)
  static final class Simulate implements Callable<Integer> {
    @Mixin
    Inputs inputs;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() throws IOException {
      return guarded("simulate", () -> {
        Inputs.Loaded loaded = inputs.load();
        DryRunReport report = loaded.engine().dryRun(loaded.routingOrder());
        Map<String, RoutingDecision> byLead = new HashMap<>();
        for (RoutingDecision d : report.decisions()) {
          byLead.put(d.lead().value(), d);
        }
        try (Writer out = output.open()) {
          out.write("lead_id,outcome,target,rule_id,reason\n");
          for (Lead lead : loaded.fileOrder()) {
            RoutingDecision d = byLead.get(lead.id().value());
            out.write(Csv.field(d.lead().value()) + "," + outcome(d) + "," + field(d.target()) + ","
                + field(d.ruleId()) + "," + field(d.reason()) + "\n");
          }
        }
        summary(System.err, report, loaded.agents(), loaded.engine().policy(), inputs.seed);
        return 0;
      });
    }

    private static String field(String text) {
      return text == null ? "" : Csv.field(text);
    }

    private static void summary(PrintStream err, DryRunReport r, List<Agent> agents, RoutingPolicy policy,
        long seed) {
      err.printf(Locale.ROOT, "route: %,d leads = %,d assigned + %,d queued + %,d pooled + %,d unassigned "
          + "(policy %s, seed %d)%n", r.leads(), r.assigned(), r.queued(), r.pooled(), r.unassigned(),
          policy.revision(), seed);
      int width = "agent".length();
      for (Agent agent : agents) {
        width = Math.max(width, agent.id().value().length());
      }
      err.printf(Locale.ROOT, "%-" + width + "s %9s %9s%n", "agent", "assigned", "cap hits");
      for (Agent agent : agents) {
        String id = agent.id().value();
        err.printf(Locale.ROOT, "%-" + width + "s %,9d %,9d%s%n", id, r.perAgent().getOrDefault(id, 0),
            r.capHits().getOrDefault(id, 0), agent.active() ? "" : "  (inactive)");
      }
      err.printf(Locale.ROOT, "queues, pool: %s%n", join(r.perTarget()));
      err.printf(Locale.ROOT, "unassigned:   %s%n", join(r.unassignedByReason()));
    }

    private static String join(Map<String, Integer> counts) {
      if (counts.isEmpty()) {
        return "none";
      }
      StringBuilder out = new StringBuilder();
      counts.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append(k).append(' ')
          .append(String.format(Locale.ROOT, "%,d", v)));
      return out.toString();
    }
  }

  /** {@code crm route explain}. */
  @Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Prints one lead's decision trace: each rule evaluated and the condition that failed, each target "
          + "tried with its candidates and why each was excluded (capped, inactive, missing skill, ...), the "
          + "strategy's state before and after, and the outcome. The leads received before it are routed first, as "
          + "crm route simulate does, so the counters and caps are those it met.",
      footer = FILES_HELP)
  static final class Explain implements Callable<Integer> {
    @Mixin
    Inputs inputs;

    @Option(names = "--lead", required = true, paramLabel = "ID", description = "The lead to explain.")
    String lead;

    @Override
    public Integer call() throws IOException {
      return guarded("explain", () -> {
        Inputs.Loaded loaded = inputs.load();
        int index = -1;
        List<Lead> order = loaded.routingOrder();
        for (int i = 0; i < order.size() && index < 0; i++) {
          if (order.get(i).id().value().equals(lead)) {
            index = i;
          }
        }
        if (index < 0) {
          throw new BadInputException("--lead: no lead with this id in " + inputs.leads);
        }
        DryRunReport report = loaded.engine().dryRun(order.subList(0, index + 1));
        RoutingDecision d = report.decisions().get(index);
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "lead %s, received %s, routed after %,d earlier lead%s%n", d.lead().value(),
            order.get(index).receivedAt(), index, index == 1 ? "" : "s");
        out.println(headline(d));
        DecisionTrace trace = d.trace();
        out.print(trace.explain());
        out.flush();
        return 0;
      });
    }

    private static String headline(RoutingDecision d) {
      String rule = d.ruleId() == null ? "" : " by rule " + d.ruleId();
      return switch (d.outcome()) {
        case ASSIGNED -> "outcome: assigned to " + d.target() + rule;
        case QUEUED -> "outcome: queued in " + d.target() + rule;
        case POOLED -> "outcome: put in the public pool " + d.target() + rule;
        case UNASSIGNED -> "outcome: unassigned, reason " + d.reason() + rule;
      };
    }
  }
}
