package dev.autonomy.controllers.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.api.v1alpha1.common.LocalObjectRef;
import dev.autonomy.api.v1alpha1.memory.BackupSpec;
import dev.autonomy.api.v1alpha1.memory.BackupTargetType;
import dev.autonomy.api.v1alpha1.memory.MemoryBackend;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.api.v1alpha1.memory.PvcBackupTarget;
import dev.autonomy.api.v1alpha1.memory.S3BackupTarget;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MemoryStoreBackupFactoryTest {
  static final String STORE_IMAGE = "pgvector/pgvector:0.8.2-pg18";
  static final String TOOLS = "curlimages/curl:8.15.0";

  static CronJob cronJob(MemoryStore store) {
    return MemoryStoreBackupFactory.cronJob(store, STORE_IMAGE, TOOLS);
  }

  static PodSpec pod(CronJob cronJob) {
    return cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
  }

  static Map<String, EnvVar> env(Container c) {
    return c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
  }

  static MemoryStore toS3(MemoryStore store) {
    S3BackupTarget s3 = new S3BackupTarget();
    s3.setBucket("memories");
    s3.setRegion("eu-central-1");
    s3.setPrefix("prod/agents");
    s3.setEndpoint("https://minio.example.com/");
    LocalObjectRef credentials = new LocalObjectRef();
    credentials.setName("s3-credentials");
    s3.setCredentialsSecretRef(credentials);
    store.getSpec().getBackup().getTarget().setType(BackupTargetType.S3);
    store.getSpec().getBackup().getTarget().setPvc(null);
    store.getSpec().getBackup().getTarget().setS3(s3);
    return store;
  }

  @Test
  void pgvectorDumpsWithPgDumpToTheBackupClaimAndKeepsTheLastSeven() {
    MemoryStore store = MemoryStores.example();
    CronJob cronJob = cronJob(store);
    assertThat(cronJob.getMetadata().getName()).isEqualTo("agent-memory-backup");
    assertThat(cronJob.getSpec().getSchedule()).isEqualTo("0 2 * * *");
    assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
    assertThat(cronJob.getSpec().getJobTemplate().getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/component", "backup").containsEntry("app.kubernetes.io/instance", "agent-memory");
    PodSpec pod = pod(cronJob);
    Container dump = pod.getInitContainers().get(0);
    Container ship = pod.getContainers().get(0);
    assertThat(dump.getImage()).isEqualTo(STORE_IMAGE);
    assertThat(dump.getCommand()).containsExactly("sh", "/scripts/backup-dump.sh");
    assertThat(env(dump).get("PGPASSWORD").getValueFrom().getSecretKeyRef().getName()).isEqualTo("agent-memory-connection");
    assertThat(env(dump).get("STORE_HOST").getValue()).isEqualTo("agent-memory.team.svc");
    assertThat(env(dump).get("WORK_DIR").getValue()).isEqualTo("/backups/agent-memory");
    assertThat(ship.getImage()).isEqualTo(TOOLS);
    assertThat(ship.getCommand()).containsExactly("sh", "/scripts/backup-pvc.sh");
    assertThat(env(ship).get("KEEP_LAST").getValue()).isEqualTo("7");
    assertThat(pod.getVolumes()).anySatisfy(v -> {
      assertThat(v.getName()).isEqualTo("work");
      assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("agent-memory-backups");
    });
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    assertThat(MemoryStoreBackupFactory.location(store)).isEqualTo("pvc://agent-memory-backups/agent-memory/");
    assertThat(MemoryStoreBackupFactory.wantsClaim(store)).isTrue();
    var claim = MemoryStoreBackupFactory.claim(store);
    assertThat(claim.getMetadata().getName()).isEqualTo("agent-memory-backups");
    assertThat(claim.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("2Gi"));
    assertThat(claim.getMetadata().getOwnerReferences()).as("backups survive the store under Retain").isNullOrEmpty();
  }

  @Test
  void anExistingClaimIsUsedAndNotCreated() {
    MemoryStore store = MemoryStores.example();
    PvcBackupTarget pvc = new PvcBackupTarget();
    pvc.setExistingClaim("shared-backups");
    store.getSpec().getBackup().getTarget().setPvc(pvc);
    assertThat(MemoryStoreBackupFactory.wantsClaim(store)).isFalse();
    assertThat(pod(cronJob(store)).getVolumes()).anySatisfy(v ->
        assertThat(v.getPersistentVolumeClaim() == null ? null : v.getPersistentVolumeClaim().getClaimName())
            .isEqualTo("shared-backups"));
  }

  @Test
  void s3TargetUploadsWithCurlSigV4AndCredentialsFromTheNamedSecret() {
    MemoryStore store = toS3(MemoryStores.example());
    assertThat(MemoryStoreBackupFactory.wantsClaim(store)).isFalse();
    PodSpec pod = pod(cronJob(store));
    Container ship = pod.getContainers().get(0);
    assertThat(ship.getCommand()).containsExactly("sh", "/scripts/backup-s3.sh");
    Map<String, EnvVar> env = env(ship);
    assertThat(env.get("S3_BUCKET").getValue()).isEqualTo("memories");
    assertThat(env.get("S3_PREFIX").getValue()).isEqualTo("prod/agents/");
    assertThat(env.get("S3_REGION").getValue()).isEqualTo("eu-central-1");
    assertThat(env.get("S3_ENDPOINT").getValue()).isEqualTo("https://minio.example.com");
    assertThat(env.get("AWS_SECRET_ACCESS_KEY").getValueFrom().getSecretKeyRef().getName()).isEqualTo("s3-credentials");
    assertThat(env.get("WORK_DIR").getValue()).isEqualTo("/work");
    assertThat(pod.getVolumes()).anySatisfy(v -> {
      assertThat(v.getName()).isEqualTo("work");
      assertThat(v.getEmptyDir()).isNotNull();
    });
    assertThat(MemoryStoreBackupFactory.location(store)).isEqualTo("s3://memories/prod/agents/");
    assertThat(MemoryStoreScripts.SHIP_S3).contains("--aws-sigv4").contains("list-type=2").contains("KEEP_LAST");
  }

  @Test
  void qdrantSnapshotsThroughItsApiFromReplicaZero() {
    PodSpec pod = pod(cronJob(MemoryStores.of(MemoryBackend.QDRANT)));
    Container dump = pod.getInitContainers().get(0);
    assertThat(dump.getImage()).isEqualTo(TOOLS);
    assertThat(env(dump).get("STORE_URL").getValue()).isEqualTo("http://agent-memory-0.agent-memory-hl.team.svc:6333");
    assertThat(env(dump).get("QDRANT_API_KEY").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("api-key");
    assertThat(MemoryStoreScripts.QDRANT_DUMP).contains("/snapshots?wait=true").contains("api-key: $QDRANT_API_KEY")
        .contains("-X DELETE");
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(1000L);
  }

  @Test
  void chromaArchivesReplicaZerosClaimOnItsNode() {
    PodSpec pod = pod(cronJob(MemoryStores.of(MemoryBackend.CHROMA)));
    Container dump = pod.getInitContainers().get(0);
    assertThat(dump.getImage()).isEqualTo(TOOLS);
    assertThat(dump.getVolumeMounts()).anySatisfy(m -> {
      assertThat(m.getMountPath()).isEqualTo("/data");
      assertThat(m.getReadOnly()).isTrue();
    });
    assertThat(pod.getVolumes()).anySatisfy(v -> assertThat(v.getPersistentVolumeClaim() == null ? null
        : v.getPersistentVolumeClaim().getClaimName()).isEqualTo("data-agent-memory-0"));
    var term = pod.getAffinity().getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().get(0);
    assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
    assertThat(term.getLabelSelector().getMatchLabels()).containsEntry("statefulset.kubernetes.io/pod-name", "agent-memory-0");
  }

  @ParameterizedTest
  @EnumSource(MemoryBackend.class)
  void backupPodsMeetPodSecurityRestricted(MemoryBackend backend) {
    PodSpec pod = pod(cronJob(MemoryStores.of(backend)));
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getInitContainers()).hasSize(1);
    for (Container c : java.util.stream.Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream()).toList()) {
      assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
      assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
      assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    }
    assertThat(pod(cronJob(MemoryStores.of(backend))).getContainers().get(0).getEnv())
        .extracting(EnvVar::getName).contains("STORE", "KEEP_LAST", "WORK_DIR");
  }

  @Test
  void disabledBackupsHaveNoCronJobOrClaim() {
    MemoryStore store = MemoryStores.example();
    store.getSpec().getBackup().setEnabled(false);
    assertThat(MemoryStoreBackupFactory.enabled(store)).isFalse();
    assertThat(MemoryStoreBackupFactory.wantsClaim(store)).isFalse();
    store.getSpec().setBackup(null);
    assertThat(MemoryStoreBackupFactory.enabled(store)).isFalse();
    store.getSpec().setBackup(new BackupSpec());
    assertThat(MemoryStoreBackupFactory.enabled(store)).as("enabled by default once spec.backup is set").isTrue();
  }
}
