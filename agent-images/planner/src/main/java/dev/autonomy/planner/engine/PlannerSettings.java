package dev.autonomy.planner.engine;

import dev.autonomy.api.v1alpha1.agent.PlannerSpec;
import dev.autonomy.planner.config.GoDurations;
import java.time.Duration;

/**
 * The planner's bounds, from {@code spec.planner} (and {@code spec.tools.memory.recallTopK}) plus
 * fixed inner limits: ReAct turns per attempt, re-plans per episode, attempts per answer.
 */
public record PlannerSettings(int maxDepth, int maxSteps, boolean reflection, int maxRetriesPerTask, long tokenBudget,
    Duration timeBudget, boolean planMemory, double planReuseThreshold, int recallTopK, int maxTurnsPerAttempt,
    int maxReplans, int answerAttempts) {

  public static final int MAX_TURNS_PER_ATTEMPT = 4;
  public static final int MAX_REPLANS = 2;
  public static final int ANSWER_ATTEMPTS = 3;

  public static PlannerSettings from(PlannerSpec spec, int recallTopK) {
    PlannerSpec s = spec == null ? new PlannerSpec() : spec;
    return new PlannerSettings(
        or(s.getMaxDepth(), 3), or(s.getMaxSteps(), 50), s.getReflection() == null || s.getReflection(),
        or(s.getMaxRetriesPerTask(), 2), s.getTokenBudget() == null ? 50_000L : s.getTokenBudget(),
        GoDurations.parse(s.getTimeBudget(), Duration.ofMinutes(10)), s.getPlanMemory() == null || s.getPlanMemory(),
        s.getPlanReuseThreshold() == null ? 0.9 : s.getPlanReuseThreshold(), recallTopK, MAX_TURNS_PER_ATTEMPT,
        MAX_REPLANS, ANSWER_ATTEMPTS);
  }

  private static int or(Integer v, int d) {
    return v == null ? d : v;
  }
}
