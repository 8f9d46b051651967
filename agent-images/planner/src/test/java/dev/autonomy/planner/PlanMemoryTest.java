package dev.autonomy.planner;

import static dev.autonomy.planner.Harness.act;
import static dev.autonomy.planner.Harness.finish;
import static dev.autonomy.planner.Harness.plan;
import static dev.autonomy.planner.Harness.task;
import static dev.autonomy.planner.Harness.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.memory.MemoryKind;
import dev.autonomy.planner.engine.Episode;
import dev.autonomy.planner.engine.EpisodeState;
import dev.autonomy.planner.engine.StepKind;
import dev.autonomy.planner.tools.ToolResult;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PlanMemoryTest {

  private static void script(Harness h) {
    h.model.then("plan", plan(task("t1", "fetch the status", "echo", false),
            task("t2", "summarise it", "none", false, "t1")))
        .then("act", act("echo", "{\"text\": \"status\"}", ""))
        .then("act", finish("status fetched"))
        .then("evaluate", verdict(true))
        .then("act", finish("all good"))
        .then("evaluate", verdict(true));
  }

  @Test
  void aSimilarGoalReusesTheSolvedPlanWithoutAModelCall() {
    try (Harness h = new Harness()) {
      EchoTool echo = new EchoTool("echo");
      h.tool(echo);
      script(h);

      Episode first = h.run("Check the status of the shop service and summarise it");
      assertThat(first.state()).isEqualTo(EpisodeState.SUCCEEDED);
      assertThat(first.fromPlanMemory()).isFalse();
      assertThat(h.memory.count(MemoryKind.PLAN)).isEqualTo(1);
      assertThat(h.memory.count(MemoryKind.EPISODE)).isEqualTo(1);
      int callsAfterFirst = h.model.calls().size();

      Episode second = h.run("Check the status of the shop service and summarize it.");

      assertThat(second.state()).isEqualTo(EpisodeState.SUCCEEDED);
      assertThat(second.fromPlanMemory()).isTrue();
      assertThat(second.planSimilarity()).isGreaterThanOrEqualTo(0.9);
      assertThat(h.model.calls()).hasSize(callsAfterFirst);  // no model call at all
      assertThat(second.modelCalls()).isZero();
      assertThat(second.tokens()).isZero();
      assertThat(echo.inputs).hasSize(2);  // the tool call was replayed, fresh
      assertThat(second.steps()).extracting(s -> s.kind()).startsWith(StepKind.PLAN_MEMORY)
          .contains(StepKind.REPLAY).doesNotContain(StepKind.PLAN, StepKind.ACT, StepKind.EVALUATE);
      assertThat(second.plan().leaves()).extracting(t -> t.id).containsExactly("t1", "t2");
      assertThat(second.summary()).isEqualTo("all good");
      assertThat(h.counter("autonomy.planner.plan.memory.hits")).isEqualTo(1);
      assertThat(h.counter("autonomy.planner.plan.memory.misses")).isEqualTo(1);
      // A reused plan is not stored again.
      assertThat(h.memory.count(MemoryKind.PLAN)).isEqualTo(1);
    }
  }

  @Test
  void aDifferentGoalIsPlannedAnew() {
    try (Harness h = new Harness()) {
      h.tool(new EchoTool("echo"));
      script(h);
      h.run("Check the status of the shop service and summarise it");
      h.model.then("plan", plan(task("t1", "write a poem", "none", false))).then("act", finish("a poem"))
          .then("evaluate", verdict(true));
      Episode other = h.run("Write a poem about autumn leaves");
      assertThat(other.fromPlanMemory()).isFalse();
      assertThat(other.steps()).anyMatch(s -> s.kind() == StepKind.PLAN);
    }
  }

  @Test
  void aReplayThatFailsFallsBackToTheModelForThatTask() {
    try (Harness h = new Harness()) {
      AtomicBoolean broken = new AtomicBoolean();
      EchoTool echo = new EchoTool("echo", in -> broken.get() ? ToolResult.failed("HTTP 503")
          : ToolResult.ok("echo: " + in.path("text").asText()));
      h.tool(echo);
      script(h);
      h.run("Check the status of the shop service and summarise it");
      broken.set(true);
      h.model.otherwise("act", c -> c.schema().path("properties").path("action").path("enum").size() == 1
              && c.schema().path("properties").path("action").path("enum").get(0).asText().equals("echo")
              ? act("echo", "{\"text\": \"status\"}", "") : finish("the service is down"))
          .otherwise("evaluate", verdict(true));

      Episode second = h.run("Check the status of the shop service and summarise it");

      assertThat(second.fromPlanMemory()).isTrue();
      assertThat(second.state()).isEqualTo(EpisodeState.SUCCEEDED);
      assertThat(second.steps()).anyMatch(s -> s.kind() == StepKind.REPLAY && !s.ok())
          .anyMatch(s -> s.kind() == StepKind.ACT);
    }
  }

  @Test
  void planMemoryOffAlwaysPlans() {
    try (Harness h = new Harness()) {
      h.planner.setPlanMemory(false);
      h.tool(new EchoTool("echo"));
      script(h);
      h.run("Check the status of the shop service and summarise it");
      assertThat(h.memory.count(MemoryKind.PLAN)).isZero();
    }
  }
}
