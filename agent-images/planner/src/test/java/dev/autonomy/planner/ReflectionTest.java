package dev.autonomy.planner;

import static dev.autonomy.planner.Harness.act;
import static dev.autonomy.planner.Harness.finish;
import static dev.autonomy.planner.Harness.plan;
import static dev.autonomy.planner.Harness.reflection;
import static dev.autonomy.planner.Harness.task;
import static dev.autonomy.planner.Harness.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.memory.MemoryKind;
import dev.autonomy.memory.MemoryQuery;
import dev.autonomy.planner.engine.Episode;
import dev.autonomy.planner.engine.EpisodeState;
import dev.autonomy.planner.engine.Step;
import dev.autonomy.planner.engine.StepKind;
import dev.autonomy.planner.tools.ToolResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReflectionTest {

  @Test
  void aFailedEvaluationIsReflectedOnTheLessonStoredAndTheRetryUsesIt() {
    try (Harness h = new Harness()) {
      h.tool(new EchoTool("echo"));
      h.model.then("plan", plan(task("t1", "count the pods", "echo", false)))
          .then("act", act("echo", "{\"text\": \"pods?\"}", ""))
          .then("act", finish("maybe three"))
          .then("evaluate", verdict(false))
          .then("reflect", reflection("retry", "Give an exact number, not a guess."))
          .then("act", act("echo", "{\"text\": \"pods exactly\"}", ""))
          .then("act", finish("exactly 3 pods"))
          .then("evaluate", verdict(true));

      Episode ep = h.run("How many pods run?");

      assertThat(ep.state()).isEqualTo(EpisodeState.SUCCEEDED);
      assertThat(ep.summary()).isEqualTo("exactly 3 pods");
      List<StepKind> kinds = ep.steps().stream().map(Step::kind).toList();
      assertThat(kinds).containsSubsequence(StepKind.EVALUATE, StepKind.REFLECT, StepKind.ACT, StepKind.TOOL,
          StepKind.ACT, StepKind.EVALUATE);
      Step reflect = ep.steps().stream().filter(s -> s.kind() == StepKind.REFLECT).findFirst().orElseThrow();
      assertThat(reflect.output().path("lesson").asText()).isEqualTo("Give an exact number, not a guess.");
      // The retry's prompt carries the lesson.
      List<ScriptedChatModel.Call> acts = h.model.calls().stream().filter(c -> c.purpose().equals("act")).toList();
      assertThat(acts.get(2).prompt()).contains("Lessons:").contains("Give an exact number");
      // The lesson is in memory for later goals, and recalled before planning a similar one.
      assertThat(h.memory.count(MemoryKind.LESSON)).isEqualTo(1);
      var recalled = h.memory.recall(MemoryQuery.of("How many pods are running?", 5));
      assertThat(recalled).anyMatch(m -> m.record().text().contains("exact number"));
      assertThat(h.counter("autonomy.planner.reflections")).isEqualTo(1);
      assertThat(ep.plan().find("t1").orElseThrow().attempts).isEqualTo(2);
    }
  }

  @Test
  void aReflectionCanAskForANewPlanForTheUnfinishedWork() {
    try (Harness h = new Harness()) {
      h.withMemory = false;
      h.tool(new EchoTool("echo"));
      h.model.then("plan", plan(task("t1", "first", "none", false), task("t2", "second", "none", false, "t1")))
          .then("act", finish("first done"))
          .then("evaluate", verdict(true))
          .then("act", finish("wrong"))
          .then("evaluate", verdict(false))
          .then("reflect", reflection("replan", "Second needs another approach."))
          .then("replan", plan(task("t1", "second, differently", "none", false)))
          .then("act", finish("second done"))
          .then("evaluate", verdict(true));

      Episode ep = h.run("Do two things");

      assertThat(ep.state()).isEqualTo(EpisodeState.SUCCEEDED);
      assertThat(ep.plan().leaves()).extracting(t -> t.id).containsExactly("t1", "r1.t1");
      var replan = h.model.calls().stream().filter(c -> c.purpose().equals("replan")).findFirst().orElseThrow();
      assertThat(replan.prompt()).contains("Done:\n- first: first done").contains("Failed: second");
      assertThat(ep.steps()).anyMatch(s -> s.kind() == StepKind.REPLAN);
    }
  }

  @Test
  void withoutReflectionAFailedTaskIsRetriedThenReplannedThenTheEpisodeFails() {
    try (Harness h = new Harness()) {
      h.withMemory = false;
      h.planner.setReflection(false);
      h.planner.setMaxRetriesPerTask(1);
      h.tool(new EchoTool("echo", in -> ToolResult.failed("HTTP 500")));
      h.model.otherwise("plan", plan(task("t1", "call it", "echo", false)))
          .otherwise("replan", plan(task("t1", "call it again", "echo", false)))
          .otherwise("act", act("echo", "{\"text\": \"x\"}", ""));

      Episode ep = h.run("Call the service");

      assertThat(ep.state()).isEqualTo(EpisodeState.FAILED);
      assertThat(h.model.count("reflect")).isZero();
      assertThat(h.model.count("evaluate")).isZero();  // every tool call failed: no model needed to judge
      assertThat(h.model.count("replan")).isEqualTo(2);
      assertThat(ep.reason()).contains("failed after 2 re-plan(s)");
    }
  }
}
