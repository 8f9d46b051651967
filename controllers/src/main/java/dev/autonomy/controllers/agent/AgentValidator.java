package dev.autonomy.controllers.agent;

import dev.autonomy.api.v1alpha1.agent.AgentSpec;
import dev.autonomy.api.v1alpha1.agent.ModelSpec;
import dev.autonomy.controllers.common.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks of an Agent spec that CEL cannot express. Pure: the same spec gives the same answer. */
public final class AgentValidator {
  private AgentValidator() {}

  public static List<String> problems(AgentSpec spec) {
    List<String> problems = new ArrayList<>();
    ModelSpec model = spec.getModel();
    if (model != null && spec.getPlanner() != null) {
      Long tokens = spec.getPlanner().getTokenBudget();
      if (tokens != null && model.getMaxTokens() != null && tokens < model.getMaxTokens()) {
        problems.add("spec.planner.tokenBudget (" + tokens + ") is smaller than one model answer (spec.model.maxTokens "
            + model.getMaxTokens() + ")");
      }
      Optional<Duration> budget = duration(problems, "spec.planner.timeBudget", spec.getPlanner().getTimeBudget());
      Optional<Duration> timeout = duration(problems, "spec.model.timeout", model.getTimeout());
      if (budget.isPresent() && timeout.isPresent() && budget.get().compareTo(timeout.get()) < 0) {
        problems.add("spec.planner.timeBudget (" + spec.getPlanner().getTimeBudget()
            + ") is shorter than one model call (spec.model.timeout " + model.getTimeout() + ")");
      }
      Integer depth = spec.getPlanner().getMaxDepth();
      Integer steps = spec.getPlanner().getMaxSteps();
      if (depth != null && steps != null && steps < depth) {
        problems.add("spec.planner.maxSteps (" + steps + ") must be at least spec.planner.maxDepth (" + depth + ")");
      }
    }
    if (model != null && model.getFallback() != null) {
      duration(problems, "spec.model.fallback.timeout", model.getFallback().getTimeout());
    }
    if (spec.getTools() != null && spec.getTools().getKubernetesRead() != null
        && spec.getTools().getKubernetesRead().getResources() != null) {
      List<String> unsupported = spec.getTools().getKubernetesRead().getResources().stream()
          .filter(r -> !AgentAccessFactory.GROUPS.containsKey(r)).toList();
      if (!unsupported.isEmpty()) {
        problems.add("spec.tools.kubernetesRead.resources names " + unsupported + ", which the tool cannot read (it reads "
            + new java.util.TreeSet<>(AgentAccessFactory.GROUPS.keySet()) + ")");
      }
    }
    if (spec.getHealing() != null) {
      duration(problems, "spec.healing.cooldown", spec.getHealing().getCooldown());
    }
    return problems;
  }

  static Optional<Duration> duration(List<String> problems, String field, String value) {
    Optional<Duration> parsed = Durations.parse(value);
    if (value != null && parsed.isEmpty()) {
      problems.add(field + " (" + value + ") is not a duration like 90s, 10m or 1h30m");
    }
    return parsed;
  }
}
