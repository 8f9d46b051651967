package dev.autonomy.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autonomy.api.v1alpha1.agent.Agent;
import dev.autonomy.api.v1alpha1.memory.DeletionPolicy;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.api.v1alpha1.policy.Policy;
import dev.autonomy.testsupport.KubernetesExtension;
import dev.autonomy.testsupport.KubernetesTest;
import dev.autonomy.testsupport.OperatorProcess;
import dev.autonomy.testsupport.TestCluster;
import dev.autonomy.testsupport.TestGround;
import dev.autonomy.testsupport.TestNamespace;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deleting what a user applied leaves nothing of ours behind: examples/ (every kind, the MemoryStore
 * switched to {@code deletionPolicy: Delete}) plus an Agent that was healed, then {@code kubectl delete
 * -f examples/}; every namespaced resource type the API server serves is listed, not only the ones
 * we expect to create. The operator's Lease and healing ledger live in a namespace of their own; the
 * ledger keeps only counts per cause and remedy, never an entry that names a subject.
 */
@KubernetesTest
class DeletionIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  /** What every namespace has, whatever runs in it. */
  private static final Set<String> NAMESPACE_DEFAULTS = Set.of("ConfigMap/kube-root-ca.crt", "ServiceAccount/default");
  private static final Set<String> NOT_OWNED_OBJECTS = Set.of("Event");
  private static OperatorProcess operator;
  private static String operatorNamespace;

  @BeforeAll
  static void startOperator(KubernetesClient client, TestNamespace ns, TestCluster cluster) {
    operatorNamespace = ns.name() + "-op";
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(operatorNamespace)
        .addToLabels(KubernetesExtension.TEST_LABEL, "true").endMetadata().build()).create();
    operator = RunningOperator.start(client, ns, cluster, Map.of("AUTONOMY_LEADER_ELECTION_LEASE_NAMESPACE", operatorNamespace));
  }

  @AfterAll
  static void stopOperator(KubernetesClient client) {
    if (operator != null) {
      operator.close();
    }
    client.namespaces().withName(operatorNamespace).delete();
  }

  @Test
  void deletingEveryKindLeavesNoObjectOfOursInTheNamespace(KubernetesClient client, TestNamespace ns) {
    String n = ns.name();
    Agent healed = healedAgent(client, n);
    client.resources(MemoryStore.class).inNamespace(n).withName("agent-memory")
        .edit(s -> { s.getSpec().setDeletionPolicy(DeletionPolicy.DELETE); return s; });
    await().atMost(TIMEOUT).ignoreExceptions().until(() -> childrenOfEveryKind(client, n));

    Set<String> before = objects(client, n);
    assertThat(before).as("what the check has to find gone").contains(
        "ConfigMap/sre-assistant-planner-outcomes", "ConfigMap/healing-agent-planner-outcomes",
        "Deployment/sre-assistant-planner", "Job/cartpole-ppo-train-g1-a1", "PersistentVolumeClaim/cartpole-ppo-checkpoints",
        "StatefulSet/agent-memory", "Secret/agent-memory-connection", "PersistentVolumeClaim/data-agent-memory-0",
        "PersistentVolumeClaim/agent-memory-backups", "CronJob/agent-memory-backup");

    TestGround.run(120, "kubectl", "delete", "-n", n, "--wait=false", "-f", TestGround.repoRoot().resolve("examples").toString());
    client.resources(Agent.class).inNamespace(n).delete();  // the healed one, and any other test left

    await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
        assertThat(objects(client, n)).as("left in the namespace after every Agent, Policy, League and MemoryStore was deleted")
            .containsExactlyInAnyOrderElementsOf(NAMESPACE_DEFAULTS));

    ConfigMap ledger = client.configMaps().inNamespace(operatorNamespace).withName("autonomy-healing-knowledge").get();
    assertThat(ledger.getData()).as("the remediation was learned").containsKey("TRANSIENT_FAILURE.restart");
    List<String> subjects = List.of(n, "healing-agent", "sre-assistant", "cartpole-ppo", "tictactoe-league", "agent-memory",
        healed.getMetadata().getUid());
    assertThat(ledger.getData()).allSatisfy((key, value) -> {
      assertThat(key).as("ledger keys are <cause>.<remedy>").matches("[A-Z_]+\\.[a-z-]+");
      assertThat(value).matches("\\d+/\\d+");
    });
    assertThat(objects(client, operatorNamespace)).noneMatch(o -> subjects.stream().anyMatch(o::contains));
  }

  @Test
  void anAgentReCreatedWithTheSameNameStartsWithEmptyOutcomes(KubernetesClient client, TestNamespace ns) {
    Agent first = exampleAgent(client, "reborn");
    first = client.resource(first).inNamespace(ns.name()).create();
    String outcomes = "reborn-planner-outcomes";
    await().atMost(TIMEOUT).until(() -> client.configMaps().inNamespace(ns.name()).withName(outcomes).get() != null);
    client.configMaps().inNamespace(ns.name()).withName(outcomes)  // what the planner writes
        .edit(cm -> { cm.getData().put("outcomes.json", "[{\"goal\":\"old\"}]"); return cm; });

    client.resource(first).delete();
    await().atMost(TIMEOUT).until(() -> client.resources(Agent.class).inNamespace(ns.name()).withName("reborn").get() == null);
    Agent second = client.resource(exampleAgent(client, "reborn")).inNamespace(ns.name()).create();

    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
      ConfigMap cm = client.configMaps().inNamespace(ns.name()).withName(outcomes).get();
      assertThat(cm.getMetadata().getOwnerReferences()).singleElement()
          .satisfies(o -> assertThat(o.getUid()).isEqualTo(second.getMetadata().getUid()));
      assertThat(cm.getData()).containsEntry("outcomes.json", "[]");
    });
  }

  @Test
  void outcomesMadeBeforeTheyWereOwnedAreAdoptedWithTheirData(KubernetesClient client, TestNamespace ns) {
    ConfigMap legacy = new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata().withName("veteran-planner-outcomes")
        .addToLabels(Map.of("app.kubernetes.io/managed-by", "autonomy-operator", "app.kubernetes.io/name", "autonomy-agent",
            "app.kubernetes.io/instance", "veteran", "app.kubernetes.io/component", "planner-outcomes"))
        .endMetadata().addToData("outcomes.json", "[{\"goal\":\"kept\"}]").build();
    client.configMaps().inNamespace(ns.name()).resource(legacy).create();
    Agent agent = client.resource(exampleAgent(client, "veteran")).inNamespace(ns.name()).create();

    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
      ConfigMap cm = client.configMaps().inNamespace(ns.name()).withName("veteran-planner-outcomes").get();
      assertThat(cm.getMetadata().getOwnerReferences()).singleElement()
          .satisfies(o -> assertThat(o.getUid()).isEqualTo(agent.getMetadata().getUid()));
      assertThat(cm.getData()).containsEntry("outcomes.json", "[{\"goal\":\"kept\"}]");
    });
  }

  private static Agent exampleAgent(KubernetesClient client, String name) {
    Agent agent = client.resources(Agent.class).load(TestGround.repoRoot().resolve("examples/agent.yaml").toFile()).item();
    agent.getMetadata().setName(name);
    return agent;
  }

  /** A copy of the example Agent whose planner crash-looped and was restarted, its outcome learned. */
  private static Agent healedAgent(KubernetesClient client, String n) {
    Agent agent = exampleAgent(client, "healing-agent");
    agent.getSpec().getHealing().setCooldown("5s");
    Agent created = client.resource(agent).inNamespace(n).create();
    Pod pod = await().atMost(TIMEOUT).ignoreExceptions().until(() -> client.pods().inNamespace(n)
        .withLabel("app.kubernetes.io/instance", "healing-agent").list().getItems().stream()
        .filter(p -> "Running".equals(p.getStatus().getPhase())).findFirst().orElse(null), p -> p != null);
    client.pods().inNamespace(n).withName(pod.getMetadata().getName())
        .edit(p -> { p.getMetadata().getLabels().put("autonomy.dev/chaos", "crash-loop"); return p; });
    await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> client.configMaps()
        .inNamespace(operatorNamespace).withName("autonomy-healing-knowledge").get().getData().containsKey("TRANSIENT_FAILURE.restart"));
    return created;
  }

  private static boolean childrenOfEveryKind(KubernetesClient client, String n) {
    return client.resources(Policy.class).inNamespace(n).withName("cartpole-ppo").get().getStatus() != null
        && client.batch().v1().jobs().inNamespace(n).withName("cartpole-ppo-train-g1-a1").get() != null
        && client.persistentVolumeClaims().inNamespace(n).withName("data-agent-memory-0").get() != null
        && client.configMaps().inNamespace(n).withName("sre-assistant-planner-outcomes").get() != null
        && client.resources(MemoryStore.class).inNamespace(n).withName("agent-memory").get().getMetadata().getFinalizers() != null;
  }

  /** Kind/name of every object in the namespace, over every namespaced type the API server lists. */
  private static Set<String> objects(KubernetesClient client, String namespace) {
    Set<String> found = new TreeSet<>();
    for (String groupVersion : groupVersions(client)) {
      for (APIResource type : client.getApiResources(groupVersion).getResources()) {
        if (!Boolean.TRUE.equals(type.getNamespaced()) || type.getName().contains("/") || !type.getVerbs().contains("list")
            || NOT_OWNED_OBJECTS.contains(type.getKind())) {
          continue;
        }
        for (GenericKubernetesResource r : client.genericKubernetesResources(groupVersion, type.getKind())
            .inNamespace(namespace).list().getItems()) {
          found.add(type.getKind() + "/" + r.getMetadata().getName());
        }
      }
    }
    return found;
  }

  private static List<String> groupVersions(KubernetesClient client) {
    List<String> versions = new ArrayList<>(List.of("v1"));
    client.getApiGroups().getGroups().forEach(g -> versions.add(g.getPreferredVersion().getGroupVersion()));
    return versions;
  }
}
