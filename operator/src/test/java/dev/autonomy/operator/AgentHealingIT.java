package dev.autonomy.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.common.HealingEntry;
import dev.autonomy.api.v1alpha1.common.HealingOutcome;
import dev.autonomy.api.v1alpha1.common.RemediationAction;
import dev.autonomy.testsupport.KubernetesTest;
import dev.autonomy.testsupport.OperatorProcess;
import dev.autonomy.testsupport.TestCluster;
import dev.autonomy.testsupport.TestGround;
import dev.autonomy.testsupport.TestNamespace;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Self-healing of an Agent on the test ground: kwok puts a planner pod into CrashLoopBackOff; the
 * operator observes it, diagnoses a transient failure, restarts the pod after a server-side dry run,
 * records symptom → diagnosis → action → outcome in status and Events, concludes Succeeded once the
 * replacement runs, and adds the outcome to the cluster-wide knowledge ConfigMap. The spec is untouched.
 */
@KubernetesTest
class AgentHealingIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static OperatorProcess operator;

  @BeforeAll
  static void startOperator(KubernetesClient client, TestNamespace ns, TestCluster cluster) {
    operator = RunningOperator.start(client, ns, cluster, Map.of());
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.close();
    }
  }

  @Test
  void aCrashLoopingPlannerIsRestartedAndTheOutcomeIsLearned(KubernetesClient client, TestNamespace ns) {
    Agent agent = client.resources(Agent.class).load(TestGround.repoRoot().resolve("examples/agent.yaml").toFile()).item();
    agent.getMetadata().setName("healing-agent");
    agent.getSpec().getHealing().setCooldown("5s");
    client.resource(agent).inNamespace(ns.name()).create();
    Agent created = client.resources(Agent.class).inNamespace(ns.name()).withName("healing-agent").get();
    String specBefore = io.fabric8.kubernetes.client.utils.Serialization.asJson(created.getSpec());

    Pod pod = await().atMost(TIMEOUT).ignoreExceptions().until(() -> plannerPods(client, ns).stream()
        .filter(p -> "Running".equals(p.getStatus().getPhase())).findFirst().orElse(null), p -> p != null);
    client.pods().inNamespace(ns.name()).withName(pod.getMetadata().getName())
        .edit(p -> { p.getMetadata().getLabels().put("autonomy.dev/chaos", "crash-loop"); return p; });

    // Restarted: the crashing pod is gone and a new one runs.
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() ->
        client.pods().inNamespace(ns.name()).withName(pod.getMetadata().getName()).get() == null);
    HealingEntry applied = await().atMost(TIMEOUT).ignoreExceptions().until(() -> entries(client, ns).get(0),
        e -> e != null);
    assertThat(applied.getSymptom()).isEqualTo("CRASH_LOOP pod/" + pod.getMetadata().getName());
    assertThat(applied.getDiagnosis()).isEqualTo("TRANSIENT_FAILURE");
    assertThat(applied.getAction()).isEqualTo("restart");
    assertThat(applied.getMessage()).contains("dry run");

    // Concluded once the cooldown is over and the replacement is not crashing.
    await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
        entries(client, ns).get(0).getOutcome() == HealingOutcome.SUCCEEDED);
    assertThat(plannerPods(client, ns)).anySatisfy(p -> assertThat(p.getStatus().getPhase()).isEqualTo("Running"));
    List<String> reasons = client.v1().events().inNamespace(ns.name()).list().getItems().stream()
        .filter(e -> "healing-agent".equals(e.getInvolvedObject().getName())).map(Event::getReason).toList();
    assertThat(reasons).contains("RemediationApplied", "RemediationSucceeded");
    ConfigMap knowledge = client.configMaps().inNamespace(ns.name()).withName("autonomy-healing-knowledge").get();
    assertThat(knowledge.getData()).containsEntry("TRANSIENT_FAILURE.restart", "1/0");
    // GitOps-safe: the user's spec is never edited.
    Agent after = client.resources(Agent.class).inNamespace(ns.name()).withName("healing-agent").get();
    assertThat(io.fabric8.kubernetes.client.utils.Serialization.asJson(after.getSpec())).isEqualTo(specBefore);
    assertThat(after.getMetadata().getGeneration()).isEqualTo(created.getMetadata().getGeneration());
  }

  @Test
  void anOomKilledPlannerGetsAHigherMemoryLimitWithinTheCeilingNotInTheSpec(KubernetesClient client, TestNamespace ns) {
    Agent agent = client.resources(Agent.class).load(TestGround.repoRoot().resolve("examples/agent.yaml").toFile()).item();
    agent.getMetadata().setName("oom-agent");
    agent.getSpec().getHealing().setCooldown("5s");
    agent.getSpec().getHealing().setDisabledActions(List.of(RemediationAction.RESTART)); // only the raise applies
    client.resource(agent).inNamespace(ns.name()).create();
    String deployment = "oom-agent-planner";

    Pod pod = await().atMost(TIMEOUT).ignoreExceptions().until(() -> pods(client, ns, "oom-agent").stream()
        .filter(p -> "Running".equals(p.getStatus().getPhase())).findFirst().orElse(null), p -> p != null);
    client.pods().inNamespace(ns.name()).withName(pod.getMetadata().getName()).edit(p -> {
      p.getMetadata().getLabels().put("autonomy.dev/chaos", "crash-loop");
      p.getMetadata().getAnnotations().put("autonomy.dev/chaos-reason", "OOMKilled");
      p.getMetadata().getAnnotations().put("autonomy.dev/chaos-exit-code", "137");
      return p;
    });

    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
        new Quantity("768Mi").equals(client.apps().deployments().inNamespace(ns.name()).withName(deployment).get()
            .getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits().get("memory")));
    Agent healed = client.resources(Agent.class).inNamespace(ns.name()).withName("oom-agent").get();
    assertThat(healed.getStatus().getHealing().getOverrides()).containsEntry("memoryLimit", "768Mi");
    assertThat(healed.getStatus().getHealing().getEntries().get(0).getAction()).isEqualTo("raise-memory-limit");
    assertThat(healed.getStatus().getHealing().getEntries().get(0).getDiagnosis()).isEqualTo("MEMORY_LIMIT_TOO_LOW");
    assertThat(healed.getSpec().getResources().getLimits()).containsEntry("memory", new Quantity("512Mi"));
    // The rollout replaces the OOM-killed pod: the symptom is gone and the remediation counts as a success.
    await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
        client.resources(Agent.class).inNamespace(ns.name()).withName("oom-agent").get().getStatus().getHealing()
            .getEntries().get(0).getOutcome() == HealingOutcome.SUCCEEDED);
  }

  @Test
  void aBadSpecChangeIsRolledBackToTheLastStableSpecWithoutEditingTheSpec(KubernetesClient client, TestNamespace ns) {
    Agent agent = client.resources(Agent.class).load(TestGround.repoRoot().resolve("examples/agent.yaml").toFile()).item();
    agent.getMetadata().setName("rollback-agent");
    agent.getSpec().getHealing().setCooldown("5s");
    agent.getSpec().getHealing().setDisabledActions(List.of(RemediationAction.RESTART)); // only the rollback applies
    client.resource(agent).inNamespace(ns.name()).create();
    var agents = client.resources(Agent.class).inNamespace(ns.name()).withName("rollback-agent");
    String deployment = "rollback-agent-planner";
    String goodImage = await().atMost(TIMEOUT).ignoreExceptions().until(() -> agents.get().getStatus().getHealing()
        .getLastStableGeneration() == 1L ? image(client, ns, deployment) : null, i -> i != null);

    // Generation 2 names an image whose new pods crash-loop (kwok stage by image).
    agents.edit(a -> { a.getSpec().setImage("chaos.invalid/planner:crash-loop"); return a; });
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
        "2".equals(agents.get().getStatus().getHealing().getOverrides().get("rolledBackFrom")));
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> goodImage.equals(image(client, ns, deployment)));
    Agent rolledBack = agents.get();
    assertThat(rolledBack.getSpec().getImage()).as("the spec is never edited").isEqualTo("chaos.invalid/planner:crash-loop");
    assertThat(rolledBack.getStatus().getHealing().getEntries()).last().satisfies(e -> {
      assertThat(e.getDiagnosis()).isEqualTo("BAD_CHANGE");
      assertThat(e.getAction()).isEqualTo("rollback");
    });
    assertThat(rolledBack.getStatus().getConditions()).anySatisfy(c -> {
      assertThat(c.getType()).isEqualTo("Degraded");
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo("SpecRolledBack");
    });
    await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
        agents.get().getStatus().getHealing().getEntries().get(0).getOutcome() == HealingOutcome.SUCCEEDED);

    // The user's next change is tried as written.
    agents.edit(a -> { a.getSpec().setImage(goodImage); return a; });
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
      Agent a = agents.get();
      return a.getStatus().getHealing().getLastStableGeneration() == 3L && a.getStatus().getConditions().stream()
          .anyMatch(c -> "Degraded".equals(c.getType()) && "False".equals(c.getStatus()));
    });
  }

  @Test
  void aPlannerOnANodeThatTurnsNotReadyIsMovedAtOnce(KubernetesClient client, TestNamespace ns) {
    Agent agent = client.resources(Agent.class).load(TestGround.repoRoot().resolve("examples/agent.yaml").toFile()).item();
    agent.getMetadata().setName("node-agent");
    agent.getSpec().getHealing().setCooldown("5s");
    client.resource(agent).inNamespace(ns.name()).create();
    Pod pod = await().atMost(TIMEOUT).ignoreExceptions().until(() -> pods(client, ns, "node-agent").stream()
        .filter(p -> "Running".equals(p.getStatus().getPhase())).findFirst().orElse(null), p -> p != null);
    String node = pod.getSpec().getNodeName();
    String label = "node-not-ready.stage.kwok.x-k8s.io";
    client.nodes().withName(node).edit(n -> { n.getMetadata().getLabels().put(label, "true"); return n; });
    try {
      await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
          client.resources(Agent.class).inNamespace(ns.name()).withName("node-agent").get().getStatus().getHealing()
              .getEntries().stream().anyMatch(e -> e.getSymptom().equals("NODE_NOT_READY pod/" + pod.getMetadata().getName())
                  && "reschedule".equals(e.getAction())));
      await().atMost(TIMEOUT).until(() -> client.pods().inNamespace(ns.name()).withName(pod.getMetadata().getName())
          .get() == null);
    } finally {
      client.nodes().withName(node).edit(n -> { n.getMetadata().getLabels().remove(label); return n; });
    }
  }

  private static String image(KubernetesClient client, TestNamespace ns, String deployment) {
    return client.apps().deployments().inNamespace(ns.name()).withName(deployment).get().getSpec().getTemplate().getSpec()
        .getContainers().get(0).getImage();
  }

  private static List<Pod> pods(KubernetesClient client, TestNamespace ns, String agent) {
    return client.pods().inNamespace(ns.name()).withLabel("app.kubernetes.io/instance", agent).list()
        .getItems().stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
  }

  private static List<Pod> plannerPods(KubernetesClient client, TestNamespace ns) {
    return client.pods().inNamespace(ns.name()).withLabel("app.kubernetes.io/instance", "healing-agent").list()
        .getItems().stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
  }

  private static List<HealingEntry> entries(KubernetesClient client, TestNamespace ns) {
    return client.resources(Agent.class).inNamespace(ns.name()).withName("healing-agent").get().getStatus()
        .getHealing().getEntries();
  }
}
