package dev.autonomy.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.common.AutoscalingSpec;
import dev.autonomy.api.v1alpha1.common.Condition;
import dev.autonomy.testsupport.KubernetesTest;
import dev.autonomy.testsupport.OperatorProcess;
import dev.autonomy.testsupport.TestCluster;
import dev.autonomy.testsupport.TestGround;
import dev.autonomy.testsupport.TestNamespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Agent's planner workload on the test ground: children, readiness, scaling, recovery. */
@KubernetesTest
class AgentIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
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
  void theExampleAgentGetsEveryChildAndBecomesReadyWhenItsPodIs(KubernetesClient client, TestNamespace ns) {
    Agent agent = awaitAgent(client, ns, "sre-assistant", a -> "Ready".equals(String.valueOf(a.getStatus().getPhase())));
    String planner = "sre-assistant-planner";
    assertThat(client.apps().deployments().inNamespace(ns.name()).withName(planner).get()).isNotNull();
    assertThat(client.services().inNamespace(ns.name()).withName(planner).get()).isNotNull();
    assertThat(client.serviceAccounts().inNamespace(ns.name()).withName(planner).get()).isNotNull();
    assertThat(client.rbac().roles().inNamespace(ns.name()).withName(planner).get()).isNotNull();
    assertThat(client.rbac().roleBindings().inNamespace(ns.name()).withName(planner).get()).isNotNull();
    assertThat(client.configMaps().inNamespace(ns.name()).withName(planner + "-config").get().getData())
        .containsKey("planner.json");
    assertThat(client.configMaps().inNamespace(ns.name()).withName(planner + "-outcomes").get()).isNotNull();
    assertThat(agent.getStatus().getReadyReplicas()).isEqualTo(1);
    assertThat(agent.getStatus().getEndpoint()).isEqualTo("http://sre-assistant-planner." + ns.name() + ".svc:8080");
    assertThat(condition(agent, "ModelAvailable")).hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("True"));
    assertThat(client.apps().deployments().inNamespace(ns.name()).withName(planner).get().getMetadata()
        .getOwnerReferences()).singleElement().satisfies(o -> assertThat(o.getKind()).isEqualTo("Agent"));
  }

  @Test
  void kubectlScaleAgentScalesThePlanners(KubernetesClient client, TestNamespace ns) {
    awaitAgent(client, ns, "sre-assistant", a -> a.getStatus().getReadyReplicas() != null && a.getStatus().getReadyReplicas() >= 1);
    TestGround.run(60, "kubectl", "scale", "agent", "sre-assistant", "-n", ns.name(), "--replicas=3");
    awaitAgent(client, ns, "sre-assistant", a -> Integer.valueOf(3).equals(a.getStatus().getReadyReplicas()));
    assertThat(client.policy().v1().podDisruptionBudget().inNamespace(ns.name()).withName("sre-assistant-planner").get())
        .as("a PDB once more than one planner runs").isNotNull();
    TestGround.run(60, "kubectl", "scale", "agent", "sre-assistant", "-n", ns.name(), "--replicas=1");
    awaitAgent(client, ns, "sre-assistant", a -> Integer.valueOf(1).equals(a.getStatus().getReplicas()));
  }

  @Test
  void withAutoscalingTheHpaOwnsReplicasAndTheOperatorDoesNotFightIt(KubernetesClient client, TestNamespace ns) {
    Agent agent = example(client);
    agent.getMetadata().setName("autoscaled");
    AutoscalingSpec as = new AutoscalingSpec();
    as.setEnabled(true);
    as.setMinReplicas(1);
    as.setMaxReplicas(4);
    as.setTargetCPUUtilizationPercentage(60);
    agent.getSpec().setAutoscaling(as);
    client.resource(agent).inNamespace(ns.name()).create();
    await().atMost(TIMEOUT).until(() -> client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(ns.name())
        .withName("autoscaled-planner").get() != null);
    // What an HPA does: scale the Deployment through its scale subresource.
    await().atMost(TIMEOUT).until(() -> client.apps().deployments().inNamespace(ns.name()).withName("autoscaled-planner").get() != null);
    client.apps().deployments().inNamespace(ns.name()).withName("autoscaled-planner").scale(3);
    awaitAgent(client, ns, "autoscaled", a -> Integer.valueOf(3).equals(a.getStatus().getReadyReplicas()));
    client.resources(Agent.class).inNamespace(ns.name()).withName("autoscaled")
        .edit(a -> { a.getSpec().setSystemPrompt("Be brief."); return a; });  // forces a reconcile
    await().during(Duration.ofSeconds(5)).atMost(TIMEOUT).until(() -> Integer.valueOf(3).equals(
        client.apps().deployments().inNamespace(ns.name()).withName("autoscaled-planner").get().getSpec().getReplicas()));
  }

  @Test
  void aDeletedChildComesBack(KubernetesClient client, TestNamespace ns) {
    awaitAgent(client, ns, "sre-assistant", a -> a.getStatus().getEndpoint() != null);
    String uid = client.services().inNamespace(ns.name()).withName("sre-assistant-planner").get().getMetadata().getUid();
    client.services().inNamespace(ns.name()).withName("sre-assistant-planner").delete();
    await().atMost(TIMEOUT).until(() -> Optional.ofNullable(client.services().inNamespace(ns.name())
        .withName("sre-assistant-planner").get()).map(s -> !s.getMetadata().getUid().equals(uid)).orElse(false));
    Deployment d = client.apps().deployments().inNamespace(ns.name()).withName("sre-assistant-planner").get();
    client.apps().deployments().inNamespace(ns.name()).withName("sre-assistant-planner").delete();
    await().atMost(TIMEOUT).until(() -> Optional.ofNullable(client.apps().deployments().inNamespace(ns.name())
        .withName("sre-assistant-planner").get()).map(x -> !x.getMetadata().getUid().equals(d.getMetadata().getUid())).orElse(false));
  }

  @Test
  void aMissingModelSecretIsAClearConditionNotACrashLoop(KubernetesClient client, TestNamespace ns) {
    Agent agent = example(client);
    agent.getMetadata().setName("no-secret");
    agent.getSpec().getModel().getApiKeySecretRef().setName("does-not-exist");
    client.resource(agent).inNamespace(ns.name()).create();
    Agent waiting = awaitAgent(client, ns, "no-secret", a -> condition(a, "Accepted").map(c -> "False".equals(c.getStatus())).orElse(false));
    assertThat(condition(waiting, "Accepted").orElseThrow().getMessage())
        .contains("spec.model.apiKeySecretRef").contains("does-not-exist");
    assertThat(client.apps().deployments().inNamespace(ns.name()).withName("no-secret-planner").get())
        .as("no planner is started without its key").isNull();
  }

  private static Agent example(KubernetesClient client) {
    return client.resources(Agent.class).load(TestGround.repoRoot().resolve("examples/agent.yaml").toFile()).item();
  }

  private static Agent awaitAgent(KubernetesClient client, TestNamespace ns, String name,
      java.util.function.Predicate<Agent> until) {
    await().atMost(TIMEOUT).ignoreExceptions().until(() -> {
      Agent a = client.resources(Agent.class).inNamespace(ns.name()).withName(name).get();
      return a != null && a.getStatus() != null && until.test(a);
    });
    return client.resources(Agent.class).inNamespace(ns.name()).withName(name).get();
  }

  private static Optional<Condition> condition(Agent agent, String type) {
    return agent.getStatus().getConditions() == null ? Optional.empty()
        : agent.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
