package dev.autonomy.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.common.Condition;
import dev.autonomy.api.v1alpha1.league.League;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.testsupport.KubernetesTest;
import dev.autonomy.testsupport.OperatorProcess;
import dev.autonomy.testsupport.TestCluster;
import dev.autonomy.testsupport.TestGround;
import dev.autonomy.testsupport.TestNamespace;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packaged operator, run as a process against the real API server, with examples/ applied verbatim. */
@KubernetesTest
class OperatorIT {
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
      assertThat(operator.errorLines()).as("ERROR lines in the operator log").isEmpty();
    }
  }

  @Test
  void everyExampleIsAcceptedWithObservedGenerationPhaseAndAnEvent(KubernetesClient client, TestNamespace ns) {
    for (Class<? extends CustomResource<?, ?>> kind : List.of(Agent.class, Policy.class, League.class, MemoryStore.class)) {
      var items = client.resources(kind).inNamespace(ns.name()).list().getItems();
      assertThat(items).as("examples of " + kind.getSimpleName()).isNotEmpty();
      for (CustomResource<?, ?> item : items) {
        String name = item.getMetadata().getName();
        await().atMost(TIMEOUT).untilAsserted(() -> {
          CustomResource<?, ?> now = client.resources(kind).inNamespace(ns.name()).withName(name).get();
          Map<?, ?> status = Serialization.unmarshal(Serialization.asJson(now.getStatus()), Map.class);
          assertThat(status.get("observedGeneration")).hasToString(now.getMetadata().getGeneration().toString());
          assertThat(status.get("phase")).as(kind.getSimpleName() + " phase").isNotNull();
          Condition accepted = condition(now, "Accepted").orElseThrow();
          assertThat(accepted.getStatus()).as(name + ": " + accepted.getMessage()).isEqualTo("True");
          assertThat(accepted.getReason()).isEqualTo("Accepted");
          assertThat(accepted.getLastTransitionTime()).isNotBlank();
          assertThat(condition(now, "Ready")).isPresent();
        });
        await().atMost(TIMEOUT).until(() -> events(client, ns, name).stream()
            .anyMatch(e -> "Accepted".equals(e.getReason()) && "autonomy-operator".equals(e.getSource().getComponent())));
      }
    }
  }

  @Test
  void aMissingReferenceIsReportedByFieldAndRecoversWhenItAppears(KubernetesClient client, TestNamespace ns) {
    Agent agent = example(client, Agent.class, "agent.yaml");
    agent.getMetadata().setName("waits-for-memory");
    agent.getSpec().getMemoryStoreRef().setName("memory-to-come");
    client.resource(agent).inNamespace(ns.name()).create();
    Agent waiting = awaitCondition(client, ns, "waits-for-memory", "Accepted", "False");
    Condition accepted = condition(waiting, "Accepted").orElseThrow();
    assertThat(accepted.getReason()).isEqualTo("ReferenceNotFound");
    assertThat(accepted.getMessage()).contains("spec.memoryStoreRef").contains("memory-to-come");
    assertThat(waiting.getStatus().getPhase()).hasToString("Pending");
    await().atMost(TIMEOUT).until(() -> events(client, ns, "waits-for-memory").stream()
        .anyMatch(e -> "Warning".equals(e.getType()) && "ReferenceNotFound".equals(e.getReason())));

    MemoryStore store = example(client, MemoryStore.class, "memorystore.yaml");
    store.getMetadata().setName("memory-to-come");
    client.resource(store).inNamespace(ns.name()).create();
    Agent accepted2 = awaitCondition(client, ns, "waits-for-memory", "Accepted", "True");
    assertThat(accepted2.getStatus().getBoundMemoryStore()).isEqualTo("memory-to-come");
    assertThat(condition(accepted2, "Accepted").orElseThrow().getLastTransitionTime())
        .isGreaterThanOrEqualTo(accepted.getLastTransitionTime());
  }

  @Test
  void anIncoherentSpecFailsWithTheFieldNamed(KubernetesClient client, TestNamespace ns) {
    Agent agent = example(client, Agent.class, "agent.yaml");
    agent.getMetadata().setName("tiny-budget");
    agent.getSpec().getPlanner().setTokenBudget(10L);
    client.resource(agent).inNamespace(ns.name()).create();
    Agent failed = awaitCondition(client, ns, "tiny-budget", "Accepted", "False");
    Condition accepted = condition(failed, "Accepted").orElseThrow();
    assertThat(accepted.getReason()).isEqualTo("InvalidSpec");
    assertThat(accepted.getMessage()).contains("spec.planner.tokenBudget").contains("spec.model.maxTokens");
    assertThat(failed.getStatus().getPhase()).hasToString("Failed");
    assertThat(failed.getSpec().getPlanner().getTokenBudget()).as("the user's spec is untouched").isEqualTo(10L);
  }

  @Test
  void kubectlScaleChangesSpecReplicasAndTheScaleSubresourceServesASelector(KubernetesClient client, TestNamespace ns) {
    String name = client.resources(Agent.class).inNamespace(ns.name()).list().getItems().get(0).getMetadata().getName();
    awaitCondition(client, ns, name, "Accepted", "True");
    TestGround.run(60, "kubectl", "scale", "agent", name, "-n", ns.name(), "--replicas=3");
    assertThat(client.resources(Agent.class).inNamespace(ns.name()).withName(name).get().getSpec().getReplicas()).isEqualTo(3);
    String scale = TestGround.run(60, "kubectl", "get", "--raw",
        "/apis/autonomy.dev/v1alpha1/namespaces/" + ns.name() + "/agents/" + name + "/scale");
    Map<?, ?> json = Serialization.unmarshal(scale, Map.class);
    assertThat(((Map<?, ?>) json.get("spec")).get("replicas")).isEqualTo(3);
    assertThat((String) ((Map<?, ?>) json.get("status")).get("selector")).contains("app.kubernetes.io/instance=" + name);
  }

  @Test
  void kubectlExplainPrintsTheFieldDescriptions() {
    String explained = TestGround.run(60, "kubectl", "explain", "agent.spec.model");
    assertThat(explained).contains("DESCRIPTION").contains("FIELDS").contains("provider").contains("apiKeySecretRef");
    assertThat(explained.lines().filter(l -> l.startsWith("    ") && l.trim().length() > 20).count()).isGreaterThan(5);
  }

  @Test
  void theOperatorHoldsItsLeaseAndExportsReconcileMetrics(KubernetesClient client, TestNamespace ns) {
    var lease = client.leases().inNamespace(ns.name()).withName("autonomy-operator-lease").get();
    assertThat(lease).isNotNull();
    assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(operator.get("/q/metrics").body())
        .contains("reconciliations_started_total{controller_name=\"agent\"")
        .contains("reconciliations_success_total{controller_name=\"policy\""));
    assertThat(operator.get("/q/health/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void policiesAndMemoryStoresCarryAFinalizerAndStillDelete(KubernetesClient client, TestNamespace ns) {
    Policy policy = example(client, Policy.class, "policy.yaml");
    policy.getMetadata().setName("short-lived");
    client.resource(policy).inNamespace(ns.name()).create();
    await().atMost(TIMEOUT).until(() -> !client.resources(Policy.class).inNamespace(ns.name()).withName("short-lived")
        .get().getMetadata().getFinalizers().isEmpty());
    client.resources(Policy.class).inNamespace(ns.name()).withName("short-lived").delete();
    await().atMost(TIMEOUT).until(() -> client.resources(Policy.class).inNamespace(ns.name()).withName("short-lived").get() == null);
  }

  private static <T extends HasMetadata> T example(KubernetesClient client, Class<T> kind, String file) {
    return client.resources(kind).load(TestGround.repoRoot().resolve("examples").resolve(file).toFile()).item();
  }

  private static Agent awaitCondition(KubernetesClient client, TestNamespace ns, String name, String type, String status) {
    await().atMost(TIMEOUT).until(() -> condition(client.resources(Agent.class).inNamespace(ns.name()).withName(name).get(), type)
        .map(c -> status.equals(c.getStatus())).orElse(false));
    return client.resources(Agent.class).inNamespace(ns.name()).withName(name).get();
  }

  private static Optional<Condition> condition(CustomResource<?, ?> resource, String type) {
    if (resource == null || resource.getStatus() == null) {
      return Optional.empty();
    }
    Map<?, ?> status = Serialization.unmarshal(Serialization.asJson(resource.getStatus()), Map.class);
    List<?> conditions = (List<?>) status.get("conditions");
    return conditions == null ? Optional.empty() : conditions.stream()
        .map(c -> Serialization.unmarshal(Serialization.asJson(c), Condition.class))
        .filter(c -> type.equals(c.getType())).findFirst();
  }

  private static List<Event> events(KubernetesClient client, TestNamespace ns, String name) {
    return client.v1().events().inNamespace(ns.name()).withField("involvedObject.name", name).list().getItems();
  }
}
