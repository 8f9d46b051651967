package dev.autonomy.planner;

import static dev.autonomy.planner.Harness.act;
import static dev.autonomy.planner.Harness.finish;
import static dev.autonomy.planner.Harness.plan;
import static dev.autonomy.planner.Harness.task;
import static dev.autonomy.planner.Harness.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.agent.ApprovalTimeoutAction;
import dev.autonomy.planner.engine.ApprovalGate;
import dev.autonomy.planner.engine.Episode;
import dev.autonomy.planner.engine.EpisodeState;
import dev.autonomy.planner.engine.GoalRequest;
import dev.autonomy.planner.engine.StepKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ApprovalTest {

  private static void script(Harness h) {
    h.model.then("plan", plan(task("t1", "restart the service", "echo", false)))
        .then("act", act("echo", "{\"text\": \"restart\"}", ""))
        .otherwise("act", finish("restarted"))
        .otherwise("evaluate", verdict(true));
  }

  private static ApprovalGate.Pending awaitPending(Harness h) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      List<ApprovalGate.Pending> p = h.approvals.pending();
      if (!p.isEmpty()) {
        return p.get(0);
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no approval was requested");
  }

  @Test
  void aToolStepWaitsUntilApproved() throws Exception {
    try (Harness h = new Harness()) {
      h.withMemory = false;
      EchoTool echo = new EchoTool("echo");
      h.tool(echo).approvals(List.of("echo"), Duration.ofMinutes(5), ApprovalTimeoutAction.REJECT);
      script(h);

      Episode ep = h.engine().submit(GoalRequest.of("Restart the service"));
      ApprovalGate.Pending pending = awaitPending(h);

      assertThat(pending.tool()).isEqualTo("echo");
      assertThat(pending.input().path("text").asText()).isEqualTo("restart");
      assertThat(pending.episodeId()).isEqualTo(ep.id());
      Thread.sleep(100);
      assertThat(echo.inputs).isEmpty();  // still waiting
      assertThat(ep.state()).isEqualTo(EpisodeState.RUNNING);

      assertThat(h.approvals.decide(pending.id(), true, "alice", "go")).isTrue();
      ep.completion().get(5, TimeUnit.SECONDS);

      assertThat(ep.state()).isEqualTo(EpisodeState.SUCCEEDED);
      assertThat(echo.inputs).hasSize(1);
      var approval = ep.steps().stream().filter(s -> s.kind() == StepKind.APPROVAL).findFirst().orElseThrow();
      assertThat(approval.output().path("by").asText()).isEqualTo("alice");
      assertThat(approval.waitMs()).isGreaterThanOrEqualTo(100);
      assertThat(h.approvals.decide(pending.id(), false, "bob", "late")).isFalse();
    }
  }

  @Test
  void aRejectedStepEndsTheEpisodeAsRejectedWithoutRunningTheTool() throws Exception {
    try (Harness h = new Harness()) {
      h.withMemory = false;
      EchoTool echo = new EchoTool("echo");
      h.tool(echo).approvals(List.of("echo"), Duration.ofMinutes(5), ApprovalTimeoutAction.APPROVE);
      script(h);

      Episode ep = h.engine().submit(GoalRequest.of("Restart the service"));
      h.approvals.decide(awaitPending(h).id(), false, "bob", "not now");
      ep.completion().get(5, TimeUnit.SECONDS);

      assertThat(ep.state()).isEqualTo(EpisodeState.REJECTED);
      assertThat(ep.state().result().value()).isEqualTo("Rejected");
      assertThat(echo.inputs).isEmpty();
      assertThat(ep.reason()).contains("rejected by bob");
    }
  }

  @Test
  void onTimeoutDecidesWhenNobodyDoes() {
    try (Harness h = new Harness()) {
      h.withMemory = false;
      EchoTool echo = new EchoTool("echo");
      h.tool(echo).approvals(List.of("echo"), Duration.ofMillis(200), ApprovalTimeoutAction.APPROVE);
      script(h);
      Episode ep = h.run("Restart the service");
      assertThat(ep.state()).isEqualTo(EpisodeState.SUCCEEDED);
      assertThat(echo.inputs).hasSize(1);
      assertThat(ep.steps().stream().filter(s -> s.kind() == StepKind.APPROVAL).findFirst().orElseThrow()
          .output().path("timedOut").asBoolean()).isTrue();
    }
    try (Harness h = new Harness()) {
      h.withMemory = false;
      EchoTool echo = new EchoTool("echo");
      h.tool(echo).approvals(List.of("echo"), Duration.ofMillis(200), ApprovalTimeoutAction.REJECT);
      script(h);
      Episode ep = h.run("Restart the service");
      assertThat(ep.state()).isEqualTo(EpisodeState.REJECTED);
      assertThat(echo.inputs).isEmpty();
    }
  }

  @Test
  void toolsNotListedRunWithoutApproval() {
    try (Harness h = new Harness()) {
      h.withMemory = false;
      EchoTool echo = new EchoTool("echo");
      h.tool(echo).approvals(List.of("http"), Duration.ofMinutes(5), ApprovalTimeoutAction.REJECT);
      script(h);
      assertThat(h.run("Restart the service").state()).isEqualTo(EpisodeState.SUCCEEDED);
      assertThat(h.approvals.pending()).isEmpty();
    }
  }
}
