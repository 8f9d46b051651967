package dev.autonomy.planner.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.autonomy.api.v1alpha1.agent.GoalOutcome;
import dev.autonomy.api.v1alpha1.agent.GoalResult;
import dev.autonomy.planner.engine.Episode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The standing goals' outcomes as kept in the outcomes ConfigMap (key {@code outcomes.json}): a JSON
 * array of the Agent CRD's {@link GoalOutcome}, oldest first, newest last, at most {@code history}.
 * A {@code Running} entry is also the claim that stops a second replica from pursuing the same goal at
 * the same time; one older than the staleness bound is taken over. Pure list logic.
 */
public final class OutcomeLog {
  static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
  public static final int SUMMARY_CHARS = 200;

  private OutcomeLog() {}

  public static List<GoalOutcome> parse(String json) {
    if (json == null || json.isBlank()) {
      return new ArrayList<>();
    }
    try {
      return new ArrayList<>(JSON.readValue(json, new TypeReference<List<GoalOutcome>>() {}));
    } catch (Exception e) {
      return new ArrayList<>();
    }
  }

  public static String write(List<GoalOutcome> outcomes) {
    try {
      return JSON.writeValueAsString(outcomes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Adds a Running entry for {@code goal} unless one that is not stale is there (another replica, or
   * an earlier run, pursues it): then empty. A stale one is marked Failed.
   */
  public static Optional<List<GoalOutcome>> claim(List<GoalOutcome> current, String goal, String runId, Instant now,
      Duration staleAfter, int history) {
    List<GoalOutcome> next = new ArrayList<>(current);
    for (GoalOutcome o : next) {
      if (goal.equals(o.getGoal()) && o.getResult() == GoalResult.RUNNING) {
        Instant started = parseInstant(o.getStartTime());
        if (started != null && Duration.between(started, now).compareTo(staleAfter) < 0) {
          return Optional.empty();
        }
        o.setResult(GoalResult.FAILED);
        o.setCompletionTime(now.toString());
        o.setSummary("Abandoned: the planner pursuing it stopped.");
      }
    }
    GoalOutcome running = new GoalOutcome();
    running.setGoal(goal);
    running.setRunId(runId);
    running.setResult(GoalResult.RUNNING);
    running.setStartTime(now.toString());
    running.setSteps(0);
    running.setTokens(0L);
    next.add(running);
    return Optional.of(trim(next, history));
  }

  /** Replaces the run's entry (or appends it) with its final outcome, keeping the last {@code history}. */
  public static List<GoalOutcome> complete(List<GoalOutcome> current, GoalOutcome outcome, int history) {
    List<GoalOutcome> next = new ArrayList<>(current);
    next.removeIf(o -> outcome.getRunId().equals(o.getRunId()));
    next.add(outcome);
    return trim(next, history);
  }

  /** True when the goal has a finished outcome (a {@code once} goal then does not run again). */
  public static boolean finished(List<GoalOutcome> current, String goal) {
    return current.stream().anyMatch(o -> goal.equals(o.getGoal()) && o.getResult() != null
        && o.getResult() != GoalResult.RUNNING);
  }

  /** The outcome of a finished episode of a standing goal. */
  public static GoalOutcome of(String goal, Episode ep) {
    GoalOutcome o = new GoalOutcome();
    o.setGoal(goal);
    o.setRunId(ep.id());
    o.setResult(ep.state().result());
    o.setStartTime((ep.startedAt() == null ? ep.submittedAt() : ep.startedAt()).toString());
    if (ep.finishedAt() != null) {
      o.setCompletionTime(ep.finishedAt().toString());
    }
    o.setSteps(ep.countedSteps());
    o.setTokens(ep.tokens());
    o.setFromPlanMemory(ep.fromPlanMemory());
    o.setSummary(abbreviate(ep.summary()));
    return o;
  }

  static String abbreviate(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip().replaceAll("\\s+", " ");
    return t.length() <= SUMMARY_CHARS ? t : t.substring(0, SUMMARY_CHARS - 1) + "…";
  }

  private static List<GoalOutcome> trim(List<GoalOutcome> list, int history) {
    int keep = Math.max(1, history);
    return new ArrayList<>(list.subList(Math.max(0, list.size() - keep), list.size()));
  }

  private static Instant parseInstant(String s) {
    try {
      return s == null ? null : Instant.parse(s);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
