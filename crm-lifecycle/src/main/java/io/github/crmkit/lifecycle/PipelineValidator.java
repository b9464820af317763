package io.github.crmkit.lifecycle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates pipeline definitions, naming the JSON path of each problem. Stateless and thread-safe.
 */
final class PipelineValidator {
  static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9_.:-]{0,63}");
  static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

  private PipelineValidator() {}

  static List<PipelineProblem> validate(String name, String objectType, TransitionPolicy policy, List<Stage> stages,
      List<Transition> transitions) {
    List<PipelineProblem> problems = new ArrayList<>();
    token(problems, "$.name", name);
    token(problems, "$.object_type", objectType);
    if (policy == null) {
      problems.add(new PipelineProblem("$.policy", "missing, expected free, forward_only or reopen_to_go_back"));
    }
    if (stages == null || stages.isEmpty()) {
      problems.add(new PipelineProblem("$.stages", "must hold at least one stage"));
      return problems;
    }
    if (stages.size() > PipelineDefinition.MAX_STAGES) {
      problems.add(new PipelineProblem("$.stages", "holds " + stages.size() + " stages, at most "
          + PipelineDefinition.MAX_STAGES + " allowed"));
    }
    int before = problems.size();
    Map<String, Integer> names = new HashMap<>();
    Map<Integer, Integer> openOrders = new HashMap<>();
    boolean open = false;
    boolean terminal = false;
    for (int i = 0; i < stages.size(); i++) {
      Stage stage = stages.get(i);
      String path = "$.stages[" + i + "]";
      if (stage == null) {
        problems.add(new PipelineProblem(path, "must not be null"));
        continue;
      }
      if (token(problems, path + ".name", stage.name())) {
        Integer first = names.putIfAbsent(stage.name(), i);
        if (first != null) {
          problems.add(new PipelineProblem(path + ".name", "repeated name '" + stage.name() + "', first at $.stages["
              + first + "].name"));
        }
      }
      if (stage.order() < 0) {
        problems.add(new PipelineProblem(path + ".order", "must not be negative, was " + stage.order()));
      }
      if (stage.kind() == StageKind.OPEN) {
        open = true;
        Integer first = openOrders.putIfAbsent(stage.order(), i);
        if (first != null) {
          problems.add(new PipelineProblem(path + ".order", "open stages need distinct orders, " + stage.order()
              + " is also the order of $.stages[" + first + "]"));
        }
      } else {
        terminal = true;
      }
      double p = stage.probability();
      if (!(p >= 0 && p <= 1)) {
        problems.add(new PipelineProblem(path + ".probability", "must be between 0 and 1, was " + p));
      } else if (stage.kind() == StageKind.WON && p != 1) {
        problems.add(new PipelineProblem(path + ".probability", "a won stage must have probability 1, was " + p));
      } else if (stage.kind() == StageKind.LOST && p != 0) {
        problems.add(new PipelineProblem(path + ".probability", "a lost stage must have probability 0, was " + p));
      }
      if (stage.kind() == StageKind.LOST && stage.forecastCategory() != ForecastCategory.OMITTED) {
        problems.add(new PipelineProblem(path + ".forecast_category",
            "a lost stage must be omitted from forecasts, was " + stage.forecastCategory().jsonName()));
      }
      Map<String, Integer> fields = new HashMap<>();
      for (int j = 0; j < stage.requiredFields().size(); j++) {
        String field = stage.requiredFields().get(j);
        String fieldPath = path + ".required_fields[" + j + "]";
        if (!FIELD.matcher(field).matches()) {
          problems.add(new PipelineProblem(fieldPath, "must match " + FIELD.pattern() + ", was '" + field + "'"));
        } else if (fields.putIfAbsent(field, j) != null) {
          problems.add(new PipelineProblem(fieldPath, "repeated field '" + field + "'"));
        }
      }
      if (stage.maxDaysInStage() < 0) {
        problems.add(new PipelineProblem(path + ".max_days_in_stage", "must not be negative, was "
            + stage.maxDaysInStage()));
      } else if (stage.maxDaysInStage() > 0 && stage.kind().isTerminal()) {
        problems.add(new PipelineProblem(path + ".max_days_in_stage", "only an open stage can stall, this one is "
            + stage.kind().jsonName()));
      }
      if (!stage.lostReasons().isEmpty() && stage.kind() != StageKind.LOST) {
        problems.add(new PipelineProblem(path + ".lost_reasons", "only a lost stage has lost reasons, this one is "
            + stage.kind().jsonName()));
      }
      Map<String, Integer> reasons = new HashMap<>();
      for (int j = 0; j < stage.lostReasons().size(); j++) {
        String reason = stage.lostReasons().get(j);
        String reasonPath = path + ".lost_reasons[" + j + "]";
        if (reason.isBlank() || reason.length() > 128) {
          problems.add(new PipelineProblem(reasonPath, "must be 1 to 128 characters, not blank"));
        } else if (reasons.putIfAbsent(reason, j) != null) {
          problems.add(new PipelineProblem(reasonPath, "repeated lost reason"));
        }
      }
      for (int j = 0; j < stage.emits().size(); j++) {
        token(problems, path + ".emits[" + j + "]", stage.emits().get(j));
      }
    }
    if (!open) {
      problems.add(new PipelineProblem("$.stages", "no open stage: needs at least one open stage to start in"));
    }
    if (!terminal) {
      problems.add(new PipelineProblem("$.stages", "no terminal stage: needs at least one won, lost or closed stage"));
    }
    boolean stagesValid = problems.size() == before;
    List<Transition> list = transitions == null ? List.of() : transitions;
    Map<String, Integer> transitionNames = new HashMap<>();
    boolean transitionsValid = true;
    for (int t = 0; t < list.size(); t++) {
      Transition transition = list.get(t);
      String path = "$.transitions[" + t + "]";
      int problemsBefore = problems.size();
      if (transition == null) {
        problems.add(new PipelineProblem(path, "must not be null"));
        transitionsValid = false;
        continue;
      }
      if (token(problems, path + ".name", transition.name())) {
        Integer first = transitionNames.putIfAbsent(transition.name(), t);
        if (first != null) {
          problems.add(new PipelineProblem(path + ".name", "repeated name '" + transition.name()
              + "', first at $.transitions[" + first + "].name"));
        }
      }
      if (!names.containsKey(transition.to())) {
        problems.add(new PipelineProblem(path + ".to", "unknown stage '" + transition.to() + "'"));
      }
      Map<String, Integer> sources = new HashMap<>();
      for (int j = 0; j < transition.from().size(); j++) {
        String from = transition.from().get(j);
        if (!names.containsKey(from)) {
          problems.add(new PipelineProblem(path + ".from[" + j + "]", "unknown stage '" + from + "'"));
        } else if (sources.putIfAbsent(from, j) != null) {
          problems.add(new PipelineProblem(path + ".from[" + j + "]", "repeated stage '" + from + "'"));
        }
      }
      for (int j = 0; j < transition.guards().size(); j++) {
        guard(problems, path + ".guards[" + j + "]", transition.guards().get(j));
      }
      if (problems.size() != problemsBefore) {
        transitionsValid = false;
      } else if (stagesValid && policy != null) {
        Stage to = stages.get(names.get(transition.to()));
        boolean fires = false;
        Rejection why = Rejection.NO_SUCH_TRANSITION;
        for (Stage from : stages) {
          boolean listed = transition.from().isEmpty() ? from.kind() == StageKind.OPEN
              : transition.from().contains(from.name());
          if (listed) {
            int code = PipelineDefinition.staticCode(policy, from, to, 0, transition.reopen());
            if (code >= 0) {
              fires = true;
            } else {
              why = Rejection.ofCode(code);
            }
          }
        }
        if (!fires) {
          problems.add(new PipelineProblem(path, "can never fire: from every source stage it is rejected with "
              + why + " under the " + policy.jsonName() + " policy"));
          transitionsValid = false;
        }
      }
    }
    if (stagesValid && transitionsValid && policy != null) {
      reachability(problems, policy, stages, list, names);
    }
    return problems;
  }

  private static void reachability(List<PipelineProblem> problems, TransitionPolicy policy, List<Stage> stages,
      List<Transition> transitions, Map<String, Integer> names) {
    int n = stages.size();
    boolean[][] edge = new boolean[n][n];
    for (int s = 0; s < n; s++) {
      Stage from = stages.get(s);
      if (transitions.isEmpty()) {
        for (int d = 0; d < n; d++) {
          edge[s][d] = PipelineDefinition.staticCode(policy, from, stages.get(d), d, true) >= 0;
        }
      } else {
        for (Transition transition : transitions) {
          boolean listed = transition.from().isEmpty() ? from.kind() == StageKind.OPEN
              : transition.from().contains(from.name());
          int d = names.get(transition.to());
          if (listed && PipelineDefinition.staticCode(policy, from, stages.get(d), d, transition.reopen()) >= 0) {
            edge[s][d] = true;
          }
        }
      }
    }
    int entry = -1;
    for (int s = 0; s < n; s++) {
      if (stages.get(s).kind() == StageKind.OPEN && (entry < 0 || stages.get(s).order() < stages.get(entry).order())) {
        entry = s;
      }
    }
    boolean[] reached = closure(edge, entry);
    for (int s = 0; s < n; s++) {
      if (!reached[s]) {
        problems.add(new PipelineProblem("$.stages[" + s + "]", "stage '" + stages.get(s).name()
            + "' is unreachable from the entry stage '" + stages.get(entry).name() + "'"));
      }
    }
    for (int s = 0; s < n; s++) {
      if (stages.get(s).kind() == StageKind.OPEN && reached[s]) {
        boolean[] onward = closure(edge, s);
        boolean ends = false;
        for (int d = 0; d < n; d++) {
          ends |= onward[d] && stages.get(d).kind().isTerminal();
        }
        if (!ends) {
          problems.add(new PipelineProblem("$.stages[" + s + "]", "no terminal stage can be reached from stage '"
              + stages.get(s).name() + "'"));
        }
      }
    }
  }

  private static boolean[] closure(boolean[][] edge, int start) {
    boolean[] reached = new boolean[edge.length];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    reached[start] = true;
    queue.add(start);
    while (!queue.isEmpty()) {
      int s = queue.poll();
      for (int d = 0; d < edge.length; d++) {
        if (edge[s][d] && !reached[d]) {
          reached[d] = true;
          queue.add(d);
        }
      }
    }
    return reached;
  }

  private static void guard(List<PipelineProblem> problems, String path, Guard guard) {
    if (guard == null) {
      problems.add(new PipelineProblem(path, "must not be null"));
      return;
    }
    if (!guard.field().equals("amount") && !FIELD.matcher(guard.field()).matches()) {
      problems.add(new PipelineProblem(path + ".field", "must match " + FIELD.pattern() + ", was '"
          + guard.field() + "'"));
    }
    switch (guard.operator()) {
      case PRESENT -> {
        if (!guard.value().isEmpty()) {
          problems.add(new PipelineProblem(path + ".value", "must be absent for operator present"));
        }
      }
      case AT_LEAST, AT_MOST -> {
        boolean number;
        try {
          number = Double.isFinite(Double.parseDouble(guard.value()));
        } catch (NumberFormatException e) {
          number = false;
        }
        if (!number) {
          problems.add(new PipelineProblem(path + ".value", "must be a finite number for operator "
              + guard.operator().jsonName() + ", was '" + guard.value() + "'"));
        }
      }
      case EQUALS -> {
        if (guard.value().isEmpty()) {
          problems.add(new PipelineProblem(path + ".value", "must not be empty for operator equals"));
        }
      }
    }
  }

  private static boolean token(List<PipelineProblem> problems, String path, String value) {
    if (value == null) {
      problems.add(new PipelineProblem(path, "missing, expected a lower-case token"));
      return false;
    }
    if (!TOKEN.matcher(value).matches()) {
      problems.add(new PipelineProblem(path, "must match " + TOKEN.pattern() + ", was '" + value + "'"));
      return false;
    }
    return true;
  }
}
