package dev.autonomy.controllers.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.common.ImagePullPolicy;
import dev.autonomy.api.v1alpha1.memory.DeletionPolicy;
import dev.autonomy.api.v1alpha1.memory.MemoryBackend;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class MemoryStoreStatefulSetFactoryTest {

  static StatefulSet build(MemoryStore store) {
    return MemoryStoreStatefulSetFactory.statefulSet(store, MemoryBackends.image(store.getSpec(), MemoryStores.images()),
        store.getSpec().getReplicas(), store.getSpec().getStorage().getSize(), Optional.of("secret-uid"));
  }

  static Container container(StatefulSet sts) {
    return sts.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  static Map<String, EnvVar> env(Container c) {
    return c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
  }

  static Map<String, String> mounts(Container c) {
    return c.getVolumeMounts().stream().collect(Collectors.toMap(VolumeMount::getMountPath, VolumeMount::getName));
  }

  @Test
  void pgvectorRunsPostgresWithTheVectorExtensionCreatedAtInit() {
    MemoryStore store = MemoryStores.example();
    StatefulSet sts = build(store);
    Container db = container(sts);
    assertThat(sts.getMetadata().getName()).isEqualTo("agent-memory");
    assertThat(sts.getMetadata().getNamespace()).isEqualTo("team");
    assertThat(sts.getSpec().getServiceName()).isEqualTo("agent-memory-hl");
    assertThat(sts.getSpec().getReplicas()).isEqualTo(1);
    assertThat(db.getImage()).isEqualTo("pgvector/pgvector:0.8.2-pg18");
    assertThat(db.getImagePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(db.getCommand()).containsExactly("sh", "/scripts/start.sh");
    assertThat(db.getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getContainerPort()).isEqualTo(5432);
      assertThat(p.getName()).isEqualTo("postgresql");
    });
    assertThat(db.getResources().getRequests()).containsEntry("cpu", new Quantity("100m"));
    assertThat(db.getResources().getLimits()).containsEntry("memory", new Quantity("512Mi"));
    Map<String, EnvVar> env = env(db);
    assertThat(env.get("POSTGRES_PASSWORD").getValue()).as("never a literal password").isNull();
    assertThat(env.get("POSTGRES_PASSWORD").getValueFrom().getSecretKeyRef().getName()).isEqualTo("agent-memory-connection");
    assertThat(env.get("POSTGRES_PASSWORD").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
    assertThat(env.get("POSTGRES_USER").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("username");
    assertThat(env.get("PGDATA").getValue()).isEqualTo("/var/lib/postgresql/data/pgdata");
    assertThat(env.get("PRIMARY_HOST").getValue()).isEqualTo("agent-memory-0.agent-memory-hl.team.svc");
    assertThat(mounts(db)).containsEntry("/var/lib/postgresql/data", "data")
        .containsEntry("/docker-entrypoint-initdb.d", "initdb").containsEntry("/var/run/postgresql", "run")
        .containsEntry("/tmp", "tmp").containsEntry("/dev/shm", "shm").containsEntry("/scripts", "scripts");
    Volume initdb = volume(sts, "initdb");
    assertThat(initdb.getConfigMap().getName()).isEqualTo("agent-memory-scripts");
    assertThat(initdb.getConfigMap().getItems()).extracting("key").containsExactly("00-vector.sql", "10-replication.sh");
    assertThat(volume(sts, "shm").getEmptyDir().getMedium()).isEqualTo("Memory");
    assertThat(db.getReadinessProbe().getExec().getCommand()).last().asString().contains("pg_isready");
    assertThat(db.getLivenessProbe().getExec().getCommand()).last().asString().contains("pg_isready");
    assertThat(db.getStartupProbe().getFailureThreshold()).isGreaterThanOrEqualTo(60);
    assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry(MemoryStoreResources.CREDENTIALS_ANNOTATION, "secret-uid");
  }

  @Test
  void chromaProbesItsHeartbeatAndKeepsDataUnderData() {
    StatefulSet sts = build(MemoryStores.of(MemoryBackend.CHROMA));
    Container db = container(sts);
    assertThat(db.getImage()).isEqualTo("chromadb/chroma:1.5.9");
    assertThat(db.getCommand()).as("the image's own entrypoint").isEmpty();
    assertThat(db.getPorts()).extracting("containerPort").containsExactly(8000);
    assertThat(db.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/api/v2/heartbeat");
    assertThat(db.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/api/v2/heartbeat");
    assertThat(mounts(db)).containsEntry("/data", "data").containsEntry("/tmp", "tmp");
    assertThat(sts.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser()).isEqualTo(1000L);
  }

  @Test
  void qdrantRunsAsAClusterWithItsApiKeyFromTheSecret() {
    MemoryStore store = MemoryStores.of(MemoryBackend.QDRANT);
    StatefulSet sts = build(store);
    Container db = container(sts);
    assertThat(db.getImage()).isEqualTo("qdrant/qdrant:v1.15.4");
    assertThat(db.getPorts()).extracting("containerPort").containsExactly(6333, 6334, 6335);
    assertThat(db.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(db.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/livez");
    Map<String, EnvVar> env = env(db);
    assertThat(env.get("QDRANT__SERVICE__API_KEY").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("api-key");
    assertThat(env.get("QDRANT__CLUSTER__ENABLED").getValue()).isEqualTo("true");
    assertThat(env.get("BOOTSTRAP_HOST").getValue()).isEqualTo("agent-memory-0.agent-memory-hl.team.svc");
    assertThat(mounts(db)).containsEntry("/qdrant/storage", "data").containsEntry("/qdrant/snapshots", "snapshots")
        .containsEntry("/qdrant/init", "init");
    assertThat(env.get("QDRANT_INIT_FILE_PATH").getValue()).startsWith("/qdrant/init/");
  }

  @ParameterizedTest
  @EnumSource(MemoryBackend.class)
  void everyBackendMeetsPodSecurityRestricted(MemoryBackend backend) {
    StatefulSet sts = build(MemoryStores.of(backend));
    PodSpec pod = sts.getSpec().getTemplate().getSpec();
    long uid = backend == MemoryBackend.PGVECTOR ? 999L : 1000L;
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(uid);
    assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(uid);
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    for (Container c : pod.getContainers()) {
      assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
      assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
      assertThat(c.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
      assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
      assertThat(c.getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(c.getSecurityContext().getPrivileged()).isFalse();
      assertThat(mounts(c)).containsKey("/tmp");
    }
    assertThat(pod.getVolumes()).allSatisfy(v -> assertThat(v.getHostPath()).isNull());
  }

  @ParameterizedTest
  @EnumSource(MemoryBackend.class)
  void labelsSelectorAndClaimTemplate(MemoryBackend backend) {
    MemoryStore store = MemoryStores.of(backend);
    store.getSpec().getStorage().setStorageClassName("fast");
    StatefulSet sts = MemoryStoreStatefulSetFactory.statefulSet(store, "img", 1, new Quantity("3Gi"), Optional.empty());
    Map<String, String> selector = sts.getSpec().getSelector().getMatchLabels();
    assertThat(selector).containsOnlyKeys("app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component")
        .containsEntry("app.kubernetes.io/instance", "agent-memory").containsEntry("app.kubernetes.io/component", "database");
    assertThat(sts.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(selector)
        .containsEntry("app.kubernetes.io/part-of", "autonomy").containsEntry("app.kubernetes.io/managed-by", "autonomy-operator");
    assertThat(sts.getMetadata().getLabels()).containsAllEntriesOf(selector);
    assertThat(sts.getSpec().getVolumeClaimTemplates()).singleElement().satisfies(claim -> {
      assertThat(claim.getMetadata().getName()).isEqualTo("data");
      assertThat(claim.getMetadata().getLabels()).containsAllEntriesOf(selector);
      assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
      assertThat(claim.getSpec().getStorageClassName()).isEqualTo("fast");
      assertThat(claim.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("3Gi"));
    });
    assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations()).isEmpty();
  }

  @Test
  void retentionPolicyFollowsTheDeletionPolicy() {
    MemoryStore store = MemoryStores.example();
    assertThat(store.getSpec().getDeletionPolicy()).isEqualTo(DeletionPolicy.RETAIN);
    var retain = build(store).getSpec().getPersistentVolumeClaimRetentionPolicy();
    assertThat(retain.getWhenDeleted()).isEqualTo("Retain");
    assertThat(retain.getWhenScaled()).as("pgvector standbys are copies").isEqualTo("Delete");
    store.getSpec().setDeletionPolicy(DeletionPolicy.DELETE);
    assertThat(build(store).getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted()).isEqualTo("Delete");
    MemoryStore qdrant = MemoryStores.of(MemoryBackend.QDRANT);
    assertThat(build(qdrant).getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenScaled())
        .as("a Qdrant peer's claim holds its own shards").isEqualTo("Retain");
  }

  @Test
  void imageFollowsVersionOverrideAndPullPolicy() {
    MemoryStore store = MemoryStores.example();
    store.getSpec().setVersion("17");
    assertThat(MemoryBackends.image(store.getSpec(), MemoryStores.images())).isEqualTo("pgvector/pgvector:0.8.2-pg17");
    MemoryStore qdrant = MemoryStores.of(MemoryBackend.QDRANT);
    qdrant.getSpec().setVersion("1.16.0");
    assertThat(MemoryBackends.image(qdrant.getSpec(), MemoryStores.images())).isEqualTo("qdrant/qdrant:v1.16.0");
    MemoryStore chroma = MemoryStores.of(MemoryBackend.CHROMA);
    chroma.getSpec().setVersion("1.6.0");
    assertThat(MemoryBackends.image(chroma.getSpec(), MemoryStores.images())).isEqualTo("chromadb/chroma:1.6.0");
    store.getSpec().setImage("registry.local/pg:custom");
    store.getSpec().setImagePullPolicy(ImagePullPolicy.ALWAYS);
    assertThat(MemoryBackends.image(store.getSpec(), MemoryStores.images())).isEqualTo("registry.local/pg:custom");
    assertThat(container(build(store)).getImagePullPolicy()).isEqualTo("Always");
  }

  @Test
  void replicasAreTheDecidedOnes() {
    MemoryStore store = MemoryStores.example();
    store.getSpec().setReplicas(3);
    assertThat(MemoryStoreStatefulSetFactory.statefulSet(store, "img", 3, new Quantity("1Gi"), Optional.empty())
        .getSpec().getReplicas()).isEqualTo(3);
  }

  private static Volume volume(StatefulSet sts, String name) {
    return sts.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
        .orElseThrow();
  }
}
