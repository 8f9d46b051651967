package dev.autonomy.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.testsupport.KubernetesTest;
import dev.autonomy.testsupport.OperatorProcess;
import dev.autonomy.testsupport.TestCluster;
import dev.autonomy.testsupport.TestGround;
import dev.autonomy.testsupport.TestNamespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end with the real planner: the operator labels planner pods for the local runner, which
 * runs the planner jar against the test ground's local model. The Agent is Ready only because the
 * real planner's readiness (its model answers) says so.
 */
@KubernetesTest
class PlannerE2EIT {
  private static OperatorProcess operator;

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace ns, TestCluster cluster) {
    TestGround.services("llm");
    operator = RunningOperator.start(client, ns, cluster, Map.of("AUTONOMY_LOCAL_RUNNER", "true"));
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
  }

  @Test
  void anAgentRunsTheRealPlannerWhichAnswersAndReportsItsStandingGoal(KubernetesClient client, TestNamespace ns)
      throws Exception {
    Agent agent = client.resources(Agent.class).load(TestGround.repoRoot().resolve("examples/agent.yaml").toFile()).item();
    agent.getMetadata().setName("local-planner");
    agent.getSpec().setMemoryStoreRef(null);   // in-process memory: no database behind a kwok pod
    agent.getSpec().setPolicyRefs(null);
    agent.getSpec().getTools().getPolicy().setEnabled(false);
    agent.getSpec().getGoals().removeIf(g -> g.getSchedule() != null);  // keep the one-shot goal
    agent.getSpec().getPlanner().setMaxSteps(4);
    agent.getSpec().getPlanner().setMaxDepth(1);
    client.resource(agent).inNamespace(ns.name()).create();

    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
      Agent a = client.resources(Agent.class).inNamespace(ns.name()).withName("local-planner").get();
      return "Ready".equals(String.valueOf(a.getStatus().getPhase()));
    });
    Pod pod = client.pods().inNamespace(ns.name()).withLabel("app.kubernetes.io/instance", "local-planner").list()
        .getItems().get(0);
    assertThat(pod.getMetadata().getLabels()).containsEntry("autonomy.dev/run-local", "true");
    assertThat(pod.getMetadata().getAnnotations()).containsKey("autonomy.dev/local-ports");

    // The readiness probe reports each model endpoint's health for the operator's healer.
    String health = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
        .until(() -> client.configMaps().inNamespace(ns.name()).withName("local-planner-planner-outcomes").get()
            .getData().get("model-health.json"), h -> h != null);
    var endpoints = io.fabric8.kubernetes.client.utils.Serialization.jsonMapper().readTree(health).get("endpoints");
    assertThat(endpoints).hasSize(2);
    assertThat(endpoints.get(0).get("role").asText()).isEqualTo("primary");
    assertThat(endpoints.get(0).get("answers").asBoolean()).isTrue();
    assertThat(endpoints.get(1).get("role").asText()).isEqualTo("fallback");
    assertThat(client.resources(Agent.class).inNamespace(ns.name()).withName("local-planner").get().getStatus()
        .getActiveModel()).isEqualTo("smollm2");

    await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
      Agent a = client.resources(Agent.class).inNamespace(ns.name()).withName("local-planner").get();
      return a.getStatus().getGoalOutcomes() != null && !a.getStatus().getGoalOutcomes().isEmpty()
          && a.getStatus().getGoalOutcomes().get(0).getCompletionTime() != null;
    });
    var outcome = client.resources(Agent.class).inNamespace(ns.name()).withName("local-planner").get()
        .getStatus().getGoalOutcomes().get(0);
    assertThat(outcome.getGoal()).isEqualTo("introduce-yourself");
    assertThat(outcome.getResult()).isNotNull();
    assertThat(outcome.getSteps()).isPositive();
  }
}
