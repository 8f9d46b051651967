package dev.autonomy.planner;

import static dev.autonomy.planner.Harness.finish;
import static dev.autonomy.planner.Harness.plan;
import static dev.autonomy.planner.Harness.task;
import static dev.autonomy.planner.Harness.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.planner.engine.Episode;
import dev.autonomy.planner.engine.EpisodeState;
import dev.autonomy.planner.engine.Step;
import dev.autonomy.planner.engine.StepKind;
import dev.autonomy.planner.plan.PlanTree;
import dev.autonomy.planner.plan.Task;
import dev.autonomy.planner.plan.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecompositionTest {

  @Test
  void complexTasksAreDecomposedDownToMaxDepthThenRunInDependencyOrder() throws Exception {
    try (Harness h = new Harness()) {
      h.withMemory = false;
      h.planner.setMaxDepth(3);
      h.model
          .then("plan", plan(task("a", "gather facts", "none", true), task("b", "write report", "none", false, "a")))
          // a → a.x (complex again) and a.y; a.x → a.x.p, a.x.q (depth 3: their complex flag is ignored)
          .then("decompose", plan(task("x", "collect", "none", true), task("y", "check", "none", false, "x")))
          .then("decompose", plan(task("p", "part one", "none", true), task("q", "part two", "none", false)))
          .otherwise("act", c -> finish("done: " + c.prompt().lines().filter(l -> l.startsWith("Current task"))
              .findFirst().orElse("?")))
          .otherwise("evaluate", verdict(true));

      Episode ep = h.run("Write a report");

      assertThat(ep.state()).isEqualTo(EpisodeState.SUCCEEDED);
      PlanTree tree = ep.plan();
      Task a = tree.find("a").orElseThrow();
      assertThat(a.subtasks).extracting(t -> t.id).containsExactly("a.x", "a.y");
      Task x = tree.find("a.x").orElseThrow();
      assertThat(x.subtasks).extracting(t -> t.id).containsExactly("a.x.p", "a.x.q");
      assertThat(tree.find("a.x.p").orElseThrow().depth).isEqualTo(3);
      assertThat(tree.find("a.x.p").orElseThrow().subtasks).isEmpty();
      assertThat(h.model.count("decompose")).isEqualTo(2);
      // Leaves ran in order: a.x.p, a.x.q, a.y (after a.x), b (after a).
      List<String> acted = new ArrayList<>();
      for (Step s : ep.steps()) {
        if (s.kind() == StepKind.ACT) {
          acted.add(s.taskId());
        }
      }
      assertThat(acted).containsExactly("a.x.p", "a.x.q", "a.y", "b");
      assertThat(tree.leaves()).allMatch(t -> t.status == TaskStatus.DONE);
      assertThat(PlanTree.status(a)).isEqualTo(TaskStatus.DONE);
      // The plan tree is what the API serves: ids, dependencies, criteria, statuses.
      var json = tree.toJson();
      assertThat(json.get(1).path("dependsOn").get(0).asText()).isEqualTo("a");
      assertThat(json.get(0).path("subtasks").get(0).path("subtasks")).hasSize(2);
      assertThat(json.get(0).path("status").asText()).isEqualTo("DONE");
    }
  }

  @Test
  void aDecompositionIntoOneTaskKeepsTheTaskWhole() {
    try (Harness h = new Harness()) {
      h.withMemory = false;
      h.model.then("plan", plan(task("a", "big job", "none", true)))
          .then("decompose", plan(task("only", "the same job", "none", false)))
          .otherwise("act", finish("ok")).otherwise("evaluate", verdict(true));
      Episode ep = h.run("Do the big job");
      assertThat(ep.state()).isEqualTo(EpisodeState.SUCCEEDED);
      assertThat(ep.plan().find("a").orElseThrow().subtasks).isEmpty();
    }
  }

  @Test
  void maxDepthOneNeverDecomposes() {
    try (Harness h = new Harness()) {
      h.withMemory = false;
      h.planner.setMaxDepth(1);
      h.model.then("plan", plan(task("a", "big job", "none", true)))
          .otherwise("act", finish("ok")).otherwise("evaluate", verdict(true));
      Episode ep = h.run("Do the big job");
      assertThat(ep.state()).isEqualTo(EpisodeState.SUCCEEDED);
      assertThat(h.model.count("decompose")).isZero();
    }
  }

  @Test
  void inconsistentPlansAreRepairedNotTrusted() throws Exception {
    var answer = new ObjectMapper().readTree(plan(
        task("t1", "one", "http", false, "t2"),
        task("t1", "duplicate id", "none", false),
        task("t2", "two", "unknown-tool", false, "t1", "ghost", "t2")));
    List<String> repairs = new ArrayList<>();
    List<Task> tasks = PlanTree.tasksFrom(answer, null, 1, Set.of("http"), repairs);

    assertThat(tasks).extracting(t -> t.id).containsExactly("t1", "t2x", "t2");
    assertThat(tasks.get(2).tool).isEqualTo("none");
    // t1 → t2 → t1 is a cycle: one edge goes; 'ghost' and the self-reference go.
    assertThat(repairs).anyMatch(r -> r.contains("cycle")).anyMatch(r -> r.contains("ghost"))
        .anyMatch(r -> r.contains("renamed"));
    PlanTree tree = new PlanTree(tasks);
    assertThat(tree.nextReady()).isPresent();
  }
}
