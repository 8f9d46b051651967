package dev.autonomy.controllers.memory;

import static dev.autonomy.controllers.memory.MemoryStoreResources.DATABASE;

import dev.autonomy.api.v1alpha1.memory.DeletionPolicy;
import dev.autonomy.api.v1alpha1.memory.MemoryBackend;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.api.v1alpha1.memory.MemoryStoreSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KeyToPathBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The StatefulSet of a store: one database container per replica with its data claim, probes,
 * resources and Pod Security {@code restricted} (non-root with the image's uid, fsGroup, seccomp
 * RuntimeDefault, no privilege escalation, no capabilities, read-only root with emptyDirs for the
 * image's scratch paths). Pure.
 */
public final class MemoryStoreStatefulSetFactory {
  static final String CONTAINER = "database";
  static final String SCRIPTS_DIR = "/scripts";

  private MemoryStoreStatefulSetFactory() {}

  /**
   * @param replicas the replicas to run (see {@link MemoryStoreScaling})
   * @param claimSize the size in the claim template: the spec's when created; claim templates are
   *     immutable, so later the existing StatefulSet's (growth is applied to the claims themselves)
   * @param credentialsUid UID of the connection Secret: pods restart when it is re-created
   */
  public static StatefulSet statefulSet(MemoryStore store, String image, int replicas, Quantity claimSize,
      Optional<String> credentialsUid) {
    MemoryStoreSpec spec = store.getSpec();
    MemoryBackend backend = spec.getBackend();
    Map<String, String> annotations = new LinkedHashMap<>();
    credentialsUid.ifPresent(uid -> annotations.put(MemoryStoreResources.CREDENTIALS_ANNOTATION, uid));
    boolean deleteData = spec.getDeletionPolicy() == DeletionPolicy.DELETE;
    return new StatefulSetBuilder()
        .withNewMetadata().withName(MemoryStoreResources.statefulSet(store)).withNamespace(MemoryStoreResources.namespace(store))
        .withLabels(MemoryStoreResources.labels(store, DATABASE)).endMetadata()
        .withNewSpec()
        .withServiceName(MemoryStoreResources.headlessService(store))
        .withReplicas(replicas)
        .withPodManagementPolicy("OrderedReady")
        .withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy()
        .withNewSelector().withMatchLabels(MemoryStoreResources.selector(store, DATABASE)).endSelector()
        // Retain: claims outlive the StatefulSet; Delete: they go with it. Scaling down removes
        // pgvector standbys' claims (copies of the primary) but keeps Qdrant peers' (their own shards).
        .withNewPersistentVolumeClaimRetentionPolicy()
        .withWhenDeleted(deleteData ? "Delete" : "Retain")
        .withWhenScaled(backend == MemoryBackend.PGVECTOR ? "Delete" : "Retain")
        .endPersistentVolumeClaimRetentionPolicy()
        .withNewTemplate()
        .withNewMetadata().withLabels(MemoryStoreResources.labels(store, DATABASE)).withAnnotations(annotations).endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(false)
        .withEnableServiceLinks(false)
        .withTerminationGracePeriodSeconds(backend == MemoryBackend.PGVECTOR ? 60L : 30L)
        .withSecurityContext(podSecurity(MemoryBackends.uid(backend)))
        .withNewAffinity().withNewPodAntiAffinity().addNewPreferredDuringSchedulingIgnoredDuringExecution()
        .withWeight(100).withNewPodAffinityTerm().withTopologyKey("kubernetes.io/hostname")
        .withNewLabelSelector().withMatchLabels(MemoryStoreResources.selector(store, DATABASE)).endLabelSelector()
        .endPodAffinityTerm().endPreferredDuringSchedulingIgnoredDuringExecution().endPodAntiAffinity().endAffinity()
        .withContainers(container(store, image))
        .withVolumes(volumes(store))
        .endSpec().endTemplate()
        .withVolumeClaimTemplates(claimTemplate(store, claimSize))
        .endSpec().build();
  }

  static Container container(MemoryStore store, String image) {
    MemoryBackend backend = store.getSpec().getBackend();
    ContainerBuilder c = new ContainerBuilder().withName(CONTAINER).withImage(image)
        .withImagePullPolicy(store.getSpec().getImagePullPolicy() == null ? "IfNotPresent"
            : store.getSpec().getImagePullPolicy().value())
        .withPorts(ports(backend))
        .withEnv(env(store))
        .withResources(store.getSpec().getResources())
        .withSecurityContext(containerSecurity())
        .withVolumeMounts(mounts(backend));
    if (backend != MemoryBackend.CHROMA) {
      c.withCommand("sh", SCRIPTS_DIR + "/" + MemoryStoreScripts.START);
    }
    Probe ready = probe(backend, true);
    Probe live = probe(backend, false);
    Probe startup = new ProbeBuilder(live).withPeriodSeconds(5).withFailureThreshold(120).build();
    return c.withReadinessProbe(ready).withLivenessProbe(live).withStartupProbe(startup).build();
  }

  static List<ContainerPort> ports(MemoryBackend backend) {
    return switch (backend) {
      case PGVECTOR -> List.of(port("postgresql", MemoryBackends.POSTGRES_PORT));
      case CHROMA -> List.of(port("http", MemoryBackends.CHROMA_PORT));
      case QDRANT -> List.of(port("http", MemoryBackends.QDRANT_HTTP_PORT), port("grpc", MemoryBackends.QDRANT_GRPC_PORT),
          port("p2p", MemoryBackends.QDRANT_P2P_PORT));
    };
  }

  /** pg: {@code pg_isready} on loopback; Chroma: its heartbeat; Qdrant: {@code /readyz} and {@code /livez}. */
  static Probe probe(MemoryBackend backend, boolean readiness) {
    ProbeBuilder probe = new ProbeBuilder().withTimeoutSeconds(5)
        .withPeriodSeconds(readiness ? 5 : 10).withFailureThreshold(readiness ? 3 : 6);
    return switch (backend) {
      case PGVECTOR -> probe.withNewExec().withCommand("sh", "-c",
          "exec pg_isready -q -h 127.0.0.1 -p 5432 -U \"$POSTGRES_USER\" -d \"$POSTGRES_DB\"").endExec().build();
      case CHROMA -> probe.withNewHttpGet().withPath("/api/v2/heartbeat").withPort(new IntOrString("http"))
          .endHttpGet().build();
      case QDRANT -> probe.withNewHttpGet().withPath(readiness ? "/readyz" : "/livez").withPort(new IntOrString("http"))
          .endHttpGet().build();
    };
  }

  static List<EnvVar> env(MemoryStore store) {
    List<EnvVar> env = new ArrayList<>();
    switch (store.getSpec().getBackend()) {
      case PGVECTOR -> {
        env.add(MemoryStoreResources.fromSecret(store, "POSTGRES_USER", MemoryStoreResources.KEY_USERNAME));
        env.add(MemoryStoreResources.fromSecret(store, "POSTGRES_PASSWORD", MemoryStoreResources.KEY_PASSWORD));
        env.add(MemoryStoreResources.fromSecret(store, "POSTGRES_DB", MemoryStoreResources.KEY_DATABASE));
        env.add(value("PGDATA", MemoryBackends.dataPath(MemoryBackend.PGVECTOR) + "/pgdata"));
        env.add(value("PRIMARY_HOST", MemoryStoreResources.podHost(store, 0)));
      }
      case QDRANT -> {
        env.add(MemoryStoreResources.fromSecret(store, "QDRANT__SERVICE__API_KEY", MemoryStoreResources.KEY_API_KEY));
        env.add(value("QDRANT__CLUSTER__ENABLED", "true"));
        env.add(value("QDRANT__STORAGE__STORAGE_PATH", MemoryBackends.dataPath(MemoryBackend.QDRANT)));
        env.add(value("QDRANT__STORAGE__SNAPSHOTS_PATH", "/qdrant/snapshots"));
        env.add(value("QDRANT_INIT_FILE_PATH", "/qdrant/init/.qdrant-initialized"));
        env.add(value("QDRANT__TELEMETRY_DISABLED", "true"));
        env.add(value("PEER_DOMAIN", MemoryStoreResources.headlessService(store) + "." + MemoryStoreResources.namespace(store) + ".svc"));
        env.add(value("BOOTSTRAP_HOST", MemoryStoreResources.podHost(store, 0)));
      }
      case CHROMA -> env.add(value("ANONYMIZED_TELEMETRY", "FALSE"));
    }
    return env;
  }

  /** Writable paths: the data claim plus emptyDirs for what each image writes besides its data. */
  static List<VolumeMount> mounts(MemoryBackend backend) {
    List<VolumeMount> mounts = new ArrayList<>();
    mounts.add(mount(MemoryStoreResources.DATA_VOLUME, MemoryBackends.dataPath(backend), false));
    mounts.add(mount("tmp", "/tmp", false));
    switch (backend) {
      case PGVECTOR -> {
        mounts.add(mount("scripts", SCRIPTS_DIR, true));
        mounts.add(mount("initdb", "/docker-entrypoint-initdb.d", true));
        mounts.add(mount("run", "/var/run/postgresql", false));
        mounts.add(mount("shm", "/dev/shm", false));
      }
      case QDRANT -> {
        mounts.add(mount("scripts", SCRIPTS_DIR, true));
        mounts.add(mount("snapshots", "/qdrant/snapshots", false));
        mounts.add(mount("init", "/qdrant/init", false));
      }
      case CHROMA -> { }
    }
    return mounts;
  }

  static List<Volume> volumes(MemoryStore store) {
    MemoryBackend backend = store.getSpec().getBackend();
    List<Volume> volumes = new ArrayList<>();
    volumes.add(emptyDir("tmp", null));
    String scripts = MemoryStoreResources.scripts(store);
    switch (backend) {
      case PGVECTOR -> {
        volumes.add(configMap("scripts", scripts, 0555, MemoryStoreScripts.START));
        volumes.add(configMap("initdb", scripts, 0444, MemoryStoreScripts.INIT_VECTOR, MemoryStoreScripts.INIT_REPLICATION));
        volumes.add(emptyDir("run", null));
        volumes.add(emptyDir("shm", "Memory"));
      }
      case QDRANT -> {
        volumes.add(configMap("scripts", scripts, 0555, MemoryStoreScripts.START));
        volumes.add(emptyDir("snapshots", null));
        volumes.add(emptyDir("init", null));
      }
      case CHROMA -> { }
    }
    return volumes;
  }

  static PersistentVolumeClaim claimTemplate(MemoryStore store, Quantity size) {
    String storageClass = store.getSpec().getStorage() == null ? null : store.getSpec().getStorage().getStorageClassName();
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata().withName(MemoryStoreResources.DATA_VOLUME).withLabels(MemoryStoreResources.labels(store, DATABASE))
        .endMetadata()
        .withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName(storageClass).withVolumeMode("Filesystem")
        .withNewResources().addToRequests("storage", size).endResources().endSpec().build();
  }

  static PodSecurityContext podSecurity(long uid) {
    return new PodSecurityContextBuilder()
        .withRunAsNonRoot(true).withRunAsUser(uid).withRunAsGroup(uid)
        .withFsGroup(uid).withFsGroupChangePolicy("OnRootMismatch")
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().build();
  }

  static SecurityContext containerSecurity() {
    return new SecurityContextBuilder()
        .withRunAsNonRoot(true).withAllowPrivilegeEscalation(false).withPrivileged(false)
        .withReadOnlyRootFilesystem(true)
        .withNewCapabilities().withDrop("ALL").endCapabilities()
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().build();
  }

  static ContainerPort port(String name, int port) {
    return new ContainerPortBuilder().withName(name).withContainerPort(port).withProtocol("TCP").build();
  }

  static EnvVar value(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  static VolumeMount mount(String name, String path, boolean readOnly) {
    return new VolumeMountBuilder().withName(name).withMountPath(path).withReadOnly(readOnly ? true : null).build();
  }

  static Volume emptyDir(String name, String medium) {
    return new VolumeBuilder().withName(name).withNewEmptyDir().withMedium(medium).endEmptyDir().build();
  }

  static Volume configMap(String name, String configMap, int mode, String... keys) {
    var source = new VolumeBuilder().withName(name).withNewConfigMap().withName(configMap).withDefaultMode(mode);
    for (String key : keys) {
      source.addToItems(new KeyToPathBuilder().withKey(key).withPath(key).build());
    }
    return source.endConfigMap().build();
  }
}
