package dev.autonomy.planner.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.agent.GoalOutcome;
import dev.autonomy.api.v1alpha1.agent.GoalResult;
import dev.autonomy.planner.engine.Episode;
import dev.autonomy.planner.engine.GoalRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeLogTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private static GoalOutcome done(String goal, String runId) {
    GoalOutcome o = new GoalOutcome();
    o.setGoal(goal);
    o.setRunId(runId);
    o.setResult(GoalResult.SUCCEEDED);
    o.setStartTime(NOW.minusSeconds(600).toString());
    return o;
  }

  @Test
  void aRunningEntryIsAClaimThatASecondReplicaRespectsUntilItIsStale() {
    List<GoalOutcome> list = OutcomeLog.claim(List.of(), "report", "ep-1", NOW, Duration.ofMinutes(12), 10).orElseThrow();
    assertThat(list).singleElement().satisfies(o -> {
      assertThat(o.getResult()).isEqualTo(GoalResult.RUNNING);
      assertThat(o.getRunId()).isEqualTo("ep-1");
    });
    assertThat(OutcomeLog.claim(list, "report", "ep-2", NOW.plusSeconds(60), Duration.ofMinutes(12), 10)).isEmpty();
    assertThat(OutcomeLog.claim(list, "other", "ep-3", NOW.plusSeconds(60), Duration.ofMinutes(12), 10)).isPresent();
    List<GoalOutcome> taken = OutcomeLog.claim(list, "report", "ep-4", NOW.plusSeconds(3600), Duration.ofMinutes(12), 10)
        .orElseThrow();
    assertThat(taken).extracting(GoalOutcome::getResult).containsExactly(GoalResult.FAILED, GoalResult.RUNNING);
    assertThat(taken.get(0).getSummary()).contains("Abandoned");
  }

  @Test
  void completingReplacesTheRunsEntryAndKeepsTheLastNNewestLast() throws Exception {
    List<GoalOutcome> list = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      list.add(done("report", "ep-old-" + i));
    }
    list = OutcomeLog.claim(list, "report", "ep-new", NOW, Duration.ofMinutes(12), 3).orElseThrow();
    assertThat(list).hasSize(3);
    GoalOutcome fin = done("report", "ep-new");
    list = OutcomeLog.complete(list, fin, 3);
    assertThat(list).extracting(GoalOutcome::getRunId).containsExactly("ep-old-1", "ep-old-2", "ep-new");
    assertThat(OutcomeLog.finished(list, "report")).isTrue();
    assertThat(OutcomeLog.finished(list, "never")).isFalse();
    // Round trip in the operator's format: an array of GoalOutcome.
    String json = OutcomeLog.write(list);
    assertThat(json).startsWith("[{").contains("\"result\":\"Succeeded\"").contains("\"runId\":\"ep-new\"");
    assertThat(OutcomeLog.parse(json)).hasSize(3);
    assertThat(OutcomeLog.parse("garbage")).isEmpty();
  }

  @Test
  void anEpisodeBecomesAnOutcomeWithAShortSummary() {
    Episode ep = new Episode("ep-x", new GoalRequest("Report", null, "report"), NOW);
    GoalOutcome o = OutcomeLog.of("report", ep);
    assertThat(o.getGoal()).isEqualTo("report");
    assertThat(o.getRunId()).isEqualTo("ep-x");
    assertThat(OutcomeLog.abbreviate("x".repeat(500))).hasSize(200);
    assertThat(OutcomeLog.abbreviate("a\n  b")).isEqualTo("a b");
  }
}
