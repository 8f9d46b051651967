package dev.autonomy.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autonomy.api.v1alpha1.common.Condition;
import dev.autonomy.api.v1alpha1.memory.BackupResult;
import dev.autonomy.api.v1alpha1.memory.DeletionPolicy;
import dev.autonomy.api.v1alpha1.memory.MemoryBackend;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.api.v1alpha1.memory.MemoryStorePhase;
import dev.autonomy.testsupport.Crds;
import dev.autonomy.testsupport.KubernetesTest;
import dev.autonomy.testsupport.OperatorProcess;
import dev.autonomy.testsupport.TestCluster;
import dev.autonomy.testsupport.TestGround;
import dev.autonomy.testsupport.TestNamespace;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The MemoryStore reconciler, packaged, against the test ground's real API server with
 * {@code examples/memorystore.yaml} applied verbatim. kwok runs the pods (and marks them Ready), the
 * StatefulSet's claims bind on the default StorageClass, and the namespace enforces Pod Security
 * {@code restricted}, so every pod the operator makes is admitted by the real admission check.
 */
@KubernetesTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemoryStoreIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final String EXAMPLE = "agent-memory";
  private static OperatorProcess operator;

  @BeforeAll
  static void startOperator(KubernetesClient client, TestNamespace ns, TestCluster cluster) {
    Crds.install(client);
    client.namespaces().withName(ns.name()).edit(n -> {
      n.getMetadata().getLabels().put("pod-security.kubernetes.io/enforce", "restricted");
      n.getMetadata().getLabels().put("pod-security.kubernetes.io/enforce-version", "latest");
      return n;
    });
    // Watches this namespace only: the shared test ground may hold other tests' resources.
    operator = OperatorProcess.start(OperatorProcess.defaultJar(), cluster, List.of(),
        Map.of("AUTONOMY_LEADER_ELECTION_LEASE_NAMESPACE", ns.name(), "QUARKUS_OPERATOR_SDK_NAMESPACES", ns.name()));
    TestGround.run(60, "kubectl", "apply", "-n", ns.name(), "-f",
        TestGround.repoRoot().resolve("examples/memorystore.yaml").toString());
  }

  @AfterAll
  static void stopOperator(KubernetesClient client, TestNamespace ns) {
    if (operator != null) {
      // Stores hold a finalizer: let the operator release them, or the namespace cannot go.
      client.resources(MemoryStore.class).inNamespace(ns.name()).delete();
      await().atMost(TIMEOUT).until(() -> client.resources(MemoryStore.class).inNamespace(ns.name()).list().getItems().isEmpty());
      operator.close();
      assertThat(operator.errorLines()).as("ERROR lines in the operator log").isEmpty();
      assertThat(operator.log()).as("credentials never logged").doesNotContainPattern("(?i)password=|api-key=");
    }
  }

  @Test
  @Order(1)
  void theExampleGetsEveryChildWithTheRightSpec(KubernetesClient client, TestNamespace ns) {
    String n = ns.name();
    StatefulSet sts = awaitChild(client.apps().statefulSets().inNamespace(n).withName(EXAMPLE));
    PodSpec pod = sts.getSpec().getTemplate().getSpec();
    Container db = pod.getContainers().get(0);
    assertThat(db.getImage()).isEqualTo("pgvector/pgvector:0.8.2-pg18");
    assertThat(db.getReadinessProbe().getExec().getCommand()).last().asString().contains("pg_isready");
    assertThat(db.getResources().getRequests()).containsEntry("memory", new Quantity("256Mi"));
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(999L);
    assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(999L);
    assertThat(db.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(sts.getSpec().getServiceName()).isEqualTo(EXAMPLE + "-hl");
    assertThat(sts.getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources().getRequests())
        .containsEntry("storage", new Quantity("1Gi"));
    assertThat(sts.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted()).isEqualTo("Retain");
    assertOwned(sts, n);

    Service service = awaitChild(client.services().inNamespace(n).withName(EXAMPLE));
    assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(5432);
    assertThat(service.getSpec().getSelector()).containsEntry("statefulset.kubernetes.io/pod-name", EXAMPLE + "-0");
    assertThat(awaitChild(client.services().inNamespace(n).withName(EXAMPLE + "-hl")).getSpec().getClusterIP()).isEqualTo("None");
    assertThat(awaitChild(client.configMaps().inNamespace(n).withName(EXAMPLE + "-scripts")).getData().get("00-vector.sql"))
        .contains("CREATE EXTENSION IF NOT EXISTS vector");
    NetworkPolicy policy = awaitChild(client.network().v1().networkPolicies().inNamespace(n).withName(EXAMPLE));
    assertThat(policy.getSpec().getIngress().get(0).getFrom().get(0).getPodSelector().getMatchLabels())
        .containsEntry("autonomy.dev/memory-store", EXAMPLE);
    CronJob backup = awaitChild(client.batch().v1().cronjobs().inNamespace(n).withName(EXAMPLE + "-backup"));
    assertThat(backup.getSpec().getSchedule()).isEqualTo("0 2 * * *");
    assertThat(backup.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getInitContainers().get(0).getCommand())
        .containsExactly("sh", "/scripts/backup-dump.sh");
    PersistentVolumeClaim backups = awaitChild(client.persistentVolumeClaims().inNamespace(n).withName(EXAMPLE + "-backups"));
    assertThat(backups.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("2Gi"));
    assertThat(backups.getMetadata().getOwnerReferences()).as("backups survive the store").isNullOrEmpty();
    Secret secret = awaitChild(client.secrets().inNamespace(n).withName(EXAMPLE + "-connection"));
    assertThat(secret.getData()).containsKeys("host", "port", "endpoint", "url", "username", "password", "database");
    assertThat(secret.getImmutable()).isTrue();
    assertThat(secret.getMetadata().getOwnerReferences()).as("credentials survive the store under Retain").isNullOrEmpty();
    assertThat(client.policy().v1().podDisruptionBudget().inNamespace(n).withName(EXAMPLE).get())
        .as("no PDB for one replica").isNull();
  }

  @Test
  @Order(2)
  void kwokRunsThePodAndTheStoreBecomesReady(KubernetesClient client, TestNamespace ns) {
    MemoryStore ready = awaitStore(client, ns, EXAMPLE, s -> s.getStatus() != null
        && s.getStatus().getPhase() == MemoryStorePhase.READY);
    assertThat(condition(ready, "Accepted").getStatus()).isEqualTo("True");
    assertThat(condition(ready, "Ready").getStatus()).isEqualTo("True");
    assertThat(condition(ready, "Ready").getReason()).isEqualTo("StoreReady");
    assertThat(condition(ready, "Degraded").getStatus()).isEqualTo("False");
    assertThat(condition(ready, "BackupSucceeded").getStatus()).isEqualTo("Unknown");
    assertThat(ready.getStatus().getReadyReplicas()).isEqualTo(1);
    assertThat(ready.getStatus().getReplicas()).isEqualTo(1);
    assertThat(ready.getStatus().getEndpoint()).isEqualTo(EXAMPLE + "." + ns.name() + ".svc:5432");
    assertThat(ready.getStatus().getSecretRef().getName()).isEqualTo(EXAMPLE + "-connection");
    assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
    assertThat(client.persistentVolumeClaims().inNamespace(ns.name()).withName("data-" + EXAMPLE + "-0").get()
        .getStatus().getPhase()).isEqualTo("Bound");
    await().atMost(TIMEOUT).until(() -> events(client, ns, EXAMPLE).stream().anyMatch(e -> "StoreReady".equals(e.getReason())));
  }

  @Test
  @Order(3)
  void theSecretIsUnchangedAcrossReconciles(KubernetesClient client, TestNamespace ns) {
    Secret before = client.secrets().inNamespace(ns.name()).withName(EXAMPLE + "-connection").get();
    MemoryStore store = store(client, ns, EXAMPLE);
    long generation = store.getMetadata().getGeneration();
    store.getSpec().getBackup().setKeepLast(8);
    client.resource(store).inNamespace(ns.name()).update();
    awaitStore(client, ns, EXAMPLE, s -> s.getStatus().getObservedGeneration() > generation);
    await().atMost(TIMEOUT).until(() -> env(client.batch().v1().cronjobs().inNamespace(ns.name()).withName(EXAMPLE + "-backup")
        .get(), "KEEP_LAST").equals("8"));
    Secret after = client.secrets().inNamespace(ns.name()).withName(EXAMPLE + "-connection").get();
    assertThat(after.getData()).isEqualTo(before.getData());
    assertThat(after.getMetadata().getResourceVersion()).isEqualTo(before.getMetadata().getResourceVersion());
  }

  @Test
  @Order(4)
  void deletedChildrenComeBack(KubernetesClient client, TestNamespace ns) {
    String n = ns.name();
    Service service = client.services().inNamespace(n).withName(EXAMPLE).get();
    client.resource(service).delete();
    await().atMost(TIMEOUT).until(() -> {
      Service again = client.services().inNamespace(n).withName(EXAMPLE).get();
      return again != null && !again.getMetadata().getUid().equals(service.getMetadata().getUid());
    });

    StatefulSet sts = client.apps().statefulSets().inNamespace(n).withName(EXAMPLE).get();
    client.resource(sts).delete();
    await().atMost(TIMEOUT).until(() -> {
      StatefulSet again = client.apps().statefulSets().inNamespace(n).withName(EXAMPLE).get();
      return again != null && !again.getMetadata().getUid().equals(sts.getMetadata().getUid());
    });

    // A deleted Secret cannot be recovered: a new one comes with new credentials, and the pods,
    // which carry the Secret's UID, restart to take them (pgvector resets its role's password at start).
    Secret secret = client.secrets().inNamespace(n).withName(EXAMPLE + "-connection").get();
    client.resource(secret).delete();
    await().atMost(TIMEOUT).until(() -> {
      Secret again = client.secrets().inNamespace(n).withName(EXAMPLE + "-connection").get();
      return again != null && !again.getMetadata().getUid().equals(secret.getMetadata().getUid());
    });
    Secret renewed = client.secrets().inNamespace(n).withName(EXAMPLE + "-connection").get();
    assertThat(renewed.getData().get("password")).isNotEqualTo(secret.getData().get("password"));
    await().atMost(TIMEOUT).until(() -> renewed.getMetadata().getUid().equals(client.apps().statefulSets().inNamespace(n)
        .withName(EXAMPLE).get().getSpec().getTemplate().getMetadata().getAnnotations().get("autonomy.dev/credentials-uid")));
    awaitStore(client, ns, EXAMPLE, s -> s.getStatus().getPhase() == MemoryStorePhase.READY);
  }

  @Test
  @Order(5)
  void scalingOneToThreeAddsReplicasAndADisruptionBudget(KubernetesClient client, TestNamespace ns) {
    String n = ns.name();
    scale(client, ns, EXAMPLE, 3);
    MemoryStore three = awaitStore(client, ns, EXAMPLE, s -> s.getStatus().getPhase() == MemoryStorePhase.READY
        && Integer.valueOf(3).equals(s.getStatus().getReadyReplicas()));
    assertThat(condition(three, "Ready").getMessage()).startsWith("3/3");
    assertThat(client.apps().statefulSets().inNamespace(n).withName(EXAMPLE).get().getSpec().getReplicas()).isEqualTo(3);
    PodDisruptionBudget pdb = awaitChild(client.policy().v1().podDisruptionBudget().inNamespace(n).withName(EXAMPLE));
    assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    assertThat(client.persistentVolumeClaims().inNamespace(n).withName("data-" + EXAMPLE + "-2").get()).isNotNull();

    scale(client, ns, EXAMPLE, 1);
    awaitStore(client, ns, EXAMPLE, s -> s.getStatus().getPhase() == MemoryStorePhase.READY
        && Integer.valueOf(1).equals(s.getStatus().getReplicas()));
    await().atMost(TIMEOUT).until(() -> client.policy().v1().podDisruptionBudget().inNamespace(n).withName(EXAMPLE).get() == null);
  }

  @Test
  @Order(6)
  void aBackupRunIsReportedAsLastBackup(KubernetesClient client, TestNamespace ns) {
    TestGround.run(60, "kubectl", "create", "job", "-n", ns.name(), "--from=cronjob/" + EXAMPLE + "-backup", EXAMPLE + "-manual");
    MemoryStore backedUp = awaitStore(client, ns, EXAMPLE, s -> s.getStatus().getLastBackup() != null);
    assertThat(backedUp.getStatus().getLastBackup().getResult()).isEqualTo(BackupResult.SUCCEEDED);
    assertThat(backedUp.getStatus().getLastBackup().getLocation()).isEqualTo("pvc://" + EXAMPLE + "-backups/" + EXAMPLE + "/");
    assertThat(backedUp.getStatus().getLastBackup().getTime()).isNotBlank();
    assertThat(condition(backedUp, "BackupSucceeded").getStatus()).isEqualTo("True");
  }

  @Test
  @Order(7)
  void growingStoragePatchesTheClaimsOrSaysWhyNot(KubernetesClient client, TestNamespace ns) {
    MemoryStore store = store(client, ns, EXAMPLE);
    store.getSpec().getStorage().setSize(new Quantity("2Gi"));
    client.resource(store).inNamespace(ns.name()).update();
    // The claim template is immutable and keeps 1Gi; the claim itself is patched. The test ground's
    // StorageClass does not allow expansion, so the API server refuses and the store says so.
    MemoryStore grown = awaitStore(client, ns, EXAMPLE, s -> "StorageResizeFailed".equals(condition(s, "Degraded").getReason())
        || "StorageResizing".equals(condition(s, "Progressing").getReason()));
    Condition degraded = condition(grown, "Degraded");
    if ("StorageResizeFailed".equals(degraded.getReason())) {
      assertThat(degraded.getMessage()).contains("data-" + EXAMPLE + "-0").contains("2Gi");
      assertThat(grown.getStatus().getPhase()).isEqualTo(MemoryStorePhase.DEGRADED);
    } else {
      assertThat(client.persistentVolumeClaims().inNamespace(ns.name()).withName("data-" + EXAMPLE + "-0").get()
          .getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("2Gi"));
    }
    assertThat(client.apps().statefulSets().inNamespace(ns.name()).withName(EXAMPLE).get().getSpec()
        .getVolumeClaimTemplates().get(0).getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("1Gi"));
  }

  @Test
  @Order(8)
  void deletingTheStoreKeepsDataUnderRetainAndRemovesItUnderDelete(KubernetesClient client, TestNamespace ns) {
    String n = ns.name();
    create(client, ns, "kept", MemoryBackend.PGVECTOR, DeletionPolicy.RETAIN);
    create(client, ns, "dropped", MemoryBackend.PGVECTOR, DeletionPolicy.DELETE);
    for (String name : List.of("kept", "dropped")) {
      awaitStore(client, ns, name, s -> s.getStatus() != null && s.getStatus().getPhase() == MemoryStorePhase.READY);
      assertThat(client.persistentVolumeClaims().inNamespace(n).withName("data-" + name + "-0").get()).isNotNull();
      awaitChild(client.persistentVolumeClaims().inNamespace(n).withName(name + "-backups"));
      client.resources(MemoryStore.class).inNamespace(n).withName(name).delete();
    }
    for (String name : List.of("kept", "dropped")) {
      await().atMost(TIMEOUT).until(() -> client.resources(MemoryStore.class).inNamespace(n).withName(name).get() == null
          && client.apps().statefulSets().inNamespace(n).withName(name).get() == null);
    }
    assertThat(client.persistentVolumeClaims().inNamespace(n).withName("data-kept-0").get()).as("Retain keeps the data").isNotNull();
    assertThat(client.persistentVolumeClaims().inNamespace(n).withName("kept-backups").get()).isNotNull();
    assertThat(client.secrets().inNamespace(n).withName("kept-connection").get()).as("and its credentials").isNotNull();
    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(client.persistentVolumeClaims().inNamespace(n).withName("data-dropped-0").get()).as("Delete removes the data").isNull();
      assertThat(client.persistentVolumeClaims().inNamespace(n).withName("dropped-backups").get()).isNull();
      assertThat(client.secrets().inNamespace(n).withName("dropped-connection").get()).isNull();
    });

    // A store re-created with the retained name adopts the claim and the credentials it was made with.
    Secret credentials = client.secrets().inNamespace(n).withName("kept-connection").get();
    create(client, ns, "kept", MemoryBackend.PGVECTOR, DeletionPolicy.RETAIN);
    awaitStore(client, ns, "kept", s -> s.getStatus() != null && s.getStatus().getPhase() == MemoryStorePhase.READY);
    assertThat(client.secrets().inNamespace(n).withName("kept-connection").get().getData()).isEqualTo(credentials.getData());
  }

  @Test
  @Order(9)
  void chromaAndQdrantStoresBecomeReadyToo(KubernetesClient client, TestNamespace ns) {
    create(client, ns, "chroma-memory", MemoryBackend.CHROMA, DeletionPolicy.DELETE);
    create(client, ns, "qdrant-memory", MemoryBackend.QDRANT, DeletionPolicy.DELETE);
    MemoryStore chroma = awaitStore(client, ns, "chroma-memory", s -> s.getStatus() != null
        && s.getStatus().getPhase() == MemoryStorePhase.READY);
    assertThat(chroma.getStatus().getEndpoint()).isEqualTo("chroma-memory." + ns.name() + ".svc:8000");
    assertThat(client.apps().statefulSets().inNamespace(ns.name()).withName("chroma-memory").get().getSpec().getTemplate()
        .getSpec().getContainers().get(0).getReadinessProbe().getHttpGet().getPath()).isEqualTo("/api/v2/heartbeat");
    MemoryStore qdrant = awaitStore(client, ns, "qdrant-memory", s -> s.getStatus() != null
        && s.getStatus().getPhase() == MemoryStorePhase.READY);
    assertThat(qdrant.getStatus().getEndpoint()).isEqualTo("qdrant-memory." + ns.name() + ".svc:6333");
    assertThat(client.secrets().inNamespace(ns.name()).withName("qdrant-memory-connection").get().getData()).containsKey("api-key");
    assertThat(client.apps().statefulSets().inNamespace(ns.name()).withName("qdrant-memory").get().getSpec().getTemplate()
        .getSpec().getContainers().get(0).getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
  }

  // --- helpers ---

  private static void create(KubernetesClient client, TestNamespace ns, String name, MemoryBackend backend,
      DeletionPolicy policy) {
    MemoryStore store = client.resources(MemoryStore.class)
        .load(TestGround.repoRoot().resolve("examples/memorystore.yaml").toFile()).item();
    store.getMetadata().setName(name);
    store.getSpec().setBackend(backend);
    store.getSpec().setVersion(null);
    store.getSpec().setDeletionPolicy(policy);
    client.resource(store).inNamespace(ns.name()).create();
  }

  private static void scale(KubernetesClient client, TestNamespace ns, String name, int replicas) {
    MemoryStore store = store(client, ns, name);
    store.getSpec().setReplicas(replicas);
    client.resource(store).inNamespace(ns.name()).update();
  }

  private static MemoryStore store(KubernetesClient client, TestNamespace ns, String name) {
    return client.resources(MemoryStore.class).inNamespace(ns.name()).withName(name).get();
  }

  private static MemoryStore awaitStore(KubernetesClient client, TestNamespace ns, String name, Predicate<MemoryStore> until) {
    try {
      await().atMost(TIMEOUT).ignoreExceptions().until(() -> until.test(store(client, ns, name)));
    } catch (ConditionTimeoutException e) {
      MemoryStore store = store(client, ns, name);
      StatefulSet sts = client.apps().statefulSets().inNamespace(ns.name()).withName(name).get();
      throw new AssertionError("MemoryStore " + name + " status:\n" + Serialization.asYaml(store == null ? null : store.getStatus())
          + "StatefulSet status:\n" + Serialization.asYaml(sts == null ? null : sts.getStatus()), e);
    }
    return store(client, ns, name);
  }

  private static <T extends HasMetadata> T awaitChild(Resource<T> resource) {
    await().atMost(TIMEOUT).until(() -> resource.get() != null);
    return resource.get();
  }

  private static void assertOwned(HasMetadata child, String namespace) {
    assertThat(child.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
      assertThat(o.getKind()).isEqualTo("MemoryStore");
      assertThat(o.getName()).isEqualTo(EXAMPLE);
    });
    assertThat(child.getMetadata().getLabels()).containsEntry("app.kubernetes.io/instance", EXAMPLE)
        .containsEntry("app.kubernetes.io/managed-by", "autonomy-operator").containsEntry("app.kubernetes.io/part-of", "autonomy");
    assertThat(child.getMetadata().getNamespace()).isEqualTo(namespace);
  }

  private static String env(CronJob cronJob, String name) {
    return cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> name.equals(e.getName())).findFirst().map(e -> e.getValue()).orElse("");
  }

  private static Condition condition(MemoryStore store, String type) {
    return Optional.ofNullable(store.getStatus()).map(s -> s.getConditions()).orElse(List.of()).stream()
        .filter(c -> type.equals(c.getType())).findFirst().orElse(new Condition());
  }

  private static List<Event> events(KubernetesClient client, TestNamespace ns, String name) {
    return client.v1().events().inNamespace(ns.name()).withField("involvedObject.name", name).list().getItems();
  }
}
