package dev.autonomy.planner;

import static dev.autonomy.planner.Harness.act;
import static dev.autonomy.planner.Harness.finish;
import static dev.autonomy.planner.Harness.plan;
import static dev.autonomy.planner.Harness.task;
import static dev.autonomy.planner.Harness.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.planner.engine.Episode;
import dev.autonomy.planner.engine.EpisodeState;
import dev.autonomy.planner.tools.ToolResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BudgetTest {

  private static void endless(Harness h) {
    h.model.otherwise("plan", plan(task("t1", "loop", "echo", false)))
        .otherwise("replan", plan(task("t1", "loop", "echo", false)))
        .otherwise("act", act("echo", "{\"text\": \"again\"}", ""))
        .otherwise("evaluate", verdict(false))
        .otherwise("reflect", Harness.reflection("retry", "try again"));
  }

  @Test
  void theStepBudgetStopsTheEpisode() {
    try (Harness h = new Harness()) {
      h.withMemory = false;
      h.planner.setMaxSteps(7);
      h.tool(new EchoTool("echo"));
      endless(h);

      Episode ep = h.run("Loop forever");

      assertThat(ep.state()).isEqualTo(EpisodeState.BUDGET_EXHAUSTED);
      assertThat(ep.countedSteps()).isEqualTo(7);
      assertThat(ep.reason()).contains("step budget (7)");
      assertThat(ep.state().result().value()).isEqualTo("BudgetExhausted");
    }
  }

  @Test
  void theTokenBudgetStopsTheEpisodeBeforeTheNextModelCall() {
    try (Harness h = new Harness()) {
      h.withMemory = false;
      h.planner.setTokenBudget(250L);
      h.model.tokens(70, 30);  // 100 per call
      h.tool(new EchoTool("echo"));
      endless(h);

      Episode ep = h.run("Loop forever");

      assertThat(ep.state()).isEqualTo(EpisodeState.BUDGET_EXHAUSTED);
      assertThat(ep.reason()).contains("token budget (250)");
      assertThat(ep.tokens()).isEqualTo(300);  // the third call crossed it; no fourth was made
      assertThat(h.model.calls()).hasSize(3);
    }
  }

  @Test
  void theTimeBudgetStopsTheEpisode() {
    try (Harness h = new Harness()) {
      h.withMemory = false;
      h.planner.setTimeBudget("2m");
      // Each tool call takes a (virtual) minute.
      h.tool(new EchoTool("echo", in -> {
        h.skewNanos.addAndGet(Duration.ofMinutes(1).toNanos());
        return ToolResult.ok("slow");
      }));
      endless(h);

      Episode ep = h.run("Loop forever");

      assertThat(ep.state()).isEqualTo(EpisodeState.BUDGET_EXHAUSTED);
      assertThat(ep.reason()).contains("time budget (PT2M)");
      assertThat(ep.steps().stream().filter(s -> s.kind() == dev.autonomy.planner.engine.StepKind.TOOL)).hasSize(2);
    }
  }

  @Test
  void withinBudgetsAGoalSucceeds() {
    try (Harness h = new Harness()) {
      h.withMemory = false;
      h.planner.setMaxSteps(3);
      h.model.then("plan", plan(task("t1", "answer", "none", false))).then("act", finish("ok"))
          .then("evaluate", verdict(true));
      Episode ep = h.run("Answer");
      assertThat(ep.state()).isEqualTo(EpisodeState.SUCCEEDED);
      assertThat(ep.countedSteps()).isEqualTo(3);
    }
  }
}
