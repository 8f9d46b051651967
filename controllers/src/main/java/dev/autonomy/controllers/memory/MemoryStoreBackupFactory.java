package dev.autonomy.controllers.memory;

import static dev.autonomy.controllers.memory.MemoryStoreResources.BACKUP;
import static dev.autonomy.controllers.memory.MemoryStoreResources.DATABASE;
import static dev.autonomy.controllers.memory.MemoryStoreStatefulSetFactory.emptyDir;
import static dev.autonomy.controllers.memory.MemoryStoreStatefulSetFactory.mount;
import static dev.autonomy.controllers.memory.MemoryStoreStatefulSetFactory.value;

import dev.autonomy.api.v1alpha1.memory.BackupSpec;
import dev.autonomy.api.v1alpha1.memory.BackupTarget;
import dev.autonomy.api.v1alpha1.memory.BackupTargetType;
import dev.autonomy.api.v1alpha1.memory.MemoryBackend;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.api.v1alpha1.memory.PvcBackupTarget;
import dev.autonomy.api.v1alpha1.memory.S3BackupTarget;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Scheduled backups: a CronJob whose Job runs two steps. The {@code dump} init container writes one
 * file per run, {@code <store>-<UTC time>.<ext>}: pgvector with {@code pg_dump -Fc} (the store's own
 * image), Qdrant with its snapshot API (curl), Chroma by archiving replica 0's data claim (Chroma has
 * no snapshot API). The {@code ship} container keeps the newest {@code keepLast} at a PVC target, or
 * uploads to S3 (curl SigV4) and keeps the newest {@code keepLast} under the prefix. Pure.
 */
public final class MemoryStoreBackupFactory {
  static final String BACKUP_MOUNT = "/backups";
  static final String WORK_MOUNT = "/work";
  static final String SCRIPTS_DIR = "/scripts";
  static final String DATA_MOUNT = "/data";

  private MemoryStoreBackupFactory() {}

  /** Whether backups run: {@code spec.backup.enabled}. */
  public static boolean enabled(MemoryStore store) {
    BackupSpec backup = store.getSpec().getBackup();
    return backup != null && !Boolean.FALSE.equals(backup.getEnabled());
  }

  /** Whether the operator creates the backup claim (PVC target without an existing claim). */
  public static boolean wantsClaim(MemoryStore store) {
    return enabled(store) && target(store).getType() != BackupTargetType.S3 && existingClaim(store) == null;
  }

  /** The claim backups are written to (PVC target). */
  static String claimName(MemoryStore store) {
    String existing = existingClaim(store);
    return existing != null ? existing : MemoryStoreResources.backupClaim(store);
  }

  /** Where backups go, for {@code status.lastBackup.location}: {@code pvc://<claim>/<store>/} or {@code s3://bucket/prefix}. */
  public static String location(MemoryStore store) {
    BackupTarget target = target(store);
    if (target.getType() == BackupTargetType.S3 && target.getS3() != null) {
      return "s3://" + target.getS3().getBucket() + "/" + prefix(target.getS3());
    }
    return "pvc://" + claimName(store) + "/" + MemoryStoreResources.name(store) + "/";
  }

  public static PersistentVolumeClaim claim(MemoryStore store) {
    PvcBackupTarget pvc = target(store).getPvc() == null ? new PvcBackupTarget() : target(store).getPvc();
    return new PersistentVolumeClaimBuilder().withNewMetadata().withName(MemoryStoreResources.backupClaim(store))
        .withNamespace(MemoryStoreResources.namespace(store)).withLabels(MemoryStoreResources.labels(store, BACKUP))
        .endMetadata()
        .withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName(pvc.getStorageClassName())
        .withNewResources().addToRequests("storage", pvc.getSize() == null ? new Quantity("5Gi") : pvc.getSize())
        .endResources().endSpec().build();
  }

  /**
   * @param storeImage the database image (pg_dump for pgvector)
   * @param toolsImage an image with sh, curl and tar (Qdrant and Chroma dumps, shipping)
   */
  public static CronJob cronJob(MemoryStore store, String storeImage, String toolsImage) {
    BackupSpec backup = store.getSpec().getBackup();
    MemoryBackend backend = store.getSpec().getBackend();
    boolean s3 = target(store).getType() == BackupTargetType.S3;
    String workDir = s3 ? WORK_MOUNT : BACKUP_MOUNT + "/" + MemoryStoreResources.name(store);

    List<Volume> volumes = new ArrayList<>();
    volumes.add(new VolumeBuilder().withName("scripts").withNewConfigMap().withName(MemoryStoreResources.scripts(store))
        .withDefaultMode(0555).endConfigMap().build());
    volumes.add(emptyDir("tmp", null));
    volumes.add(s3 ? emptyDir("work", null) : new VolumeBuilder().withName("work").withNewPersistentVolumeClaim()
        .withClaimName(claimName(store)).endPersistentVolumeClaim().build());
    List<VolumeMount> mounts = new ArrayList<>(List.of(mount("scripts", SCRIPTS_DIR, true), mount("tmp", "/tmp", false),
        mount("work", s3 ? WORK_MOUNT : BACKUP_MOUNT, false)));
    List<VolumeMount> dumpMounts = new ArrayList<>(mounts);
    if (backend == MemoryBackend.CHROMA) {
      volumes.add(new VolumeBuilder().withName("data").withNewPersistentVolumeClaim()
          .withClaimName(MemoryStoreResources.dataClaim(store, 0)).withReadOnly(true).endPersistentVolumeClaim().build());
      dumpMounts.add(mount("data", DATA_MOUNT, true));
    }

    List<EnvVar> common = new ArrayList<>(List.of(value("STORE", MemoryStoreResources.name(store)), value("WORK_DIR", workDir),
        value("KEEP_LAST", String.valueOf(backup.getKeepLast() == null ? 7 : backup.getKeepLast()))));
    Container dump = new ContainerBuilder().withName("dump")
        .withImage(backend == MemoryBackend.PGVECTOR ? storeImage : toolsImage)
        .withImagePullPolicy("IfNotPresent")
        .withCommand("sh", SCRIPTS_DIR + "/" + MemoryStoreScripts.BACKUP_DUMP)
        .withEnv(concat(common, dumpEnv(store))).withVolumeMounts(dumpMounts)
        .withSecurityContext(MemoryStoreStatefulSetFactory.containerSecurity()).build();
    Container ship = new ContainerBuilder().withName("ship").withImage(toolsImage).withImagePullPolicy("IfNotPresent")
        .withCommand("sh", SCRIPTS_DIR + "/" + (s3 ? MemoryStoreScripts.BACKUP_S3 : MemoryStoreScripts.BACKUP_PVC))
        .withEnv(concat(common, s3 ? s3Env(target(store).getS3()) : List.of())).withVolumeMounts(mounts)
        .withSecurityContext(MemoryStoreStatefulSetFactory.containerSecurity()).build();

    return new CronJobBuilder().withNewMetadata().withName(MemoryStoreResources.backupCronJob(store))
        .withNamespace(MemoryStoreResources.namespace(store)).withLabels(MemoryStoreResources.labels(store, BACKUP))
        .endMetadata()
        .withNewSpec().withSchedule(backup.getSchedule()).withConcurrencyPolicy("Forbid")
        .withSuccessfulJobsHistoryLimit(3).withFailedJobsHistoryLimit(3).withStartingDeadlineSeconds(3600L)
        .withNewJobTemplate().withNewMetadata().withLabels(MemoryStoreResources.labels(store, BACKUP)).endMetadata()
        .withNewSpec().withBackoffLimit(1)
        .withNewTemplate().withNewMetadata().withLabels(MemoryStoreResources.labels(store, BACKUP)).endMetadata()
        .withNewSpec().withRestartPolicy("Never").withAutomountServiceAccountToken(false).withEnableServiceLinks(false)
        .withSecurityContext(MemoryStoreStatefulSetFactory.podSecurity(MemoryBackends.uid(backend)))
        .withAffinity(backend == MemoryBackend.CHROMA ? besideReplicaZero(store) : null)
        .withInitContainers(dump).withContainers(ship).withVolumes(volumes)
        .endSpec().endTemplate().endSpec().endJobTemplate().endSpec().build();
  }

  /** What the dump step needs: the store's address and credentials (from the connection Secret). */
  static List<EnvVar> dumpEnv(MemoryStore store) {
    return switch (store.getSpec().getBackend()) {
      case PGVECTOR -> List.of(value("STORE_HOST", MemoryStoreResources.host(store)),
          value("STORE_PORT", String.valueOf(MemoryBackends.POSTGRES_PORT)),
          MemoryStoreResources.fromSecret(store, "PGUSER", MemoryStoreResources.KEY_USERNAME),
          MemoryStoreResources.fromSecret(store, "PGPASSWORD", MemoryStoreResources.KEY_PASSWORD),
          MemoryStoreResources.fromSecret(store, "PGDATABASE", MemoryStoreResources.KEY_DATABASE));
      // Snapshots are per node: take replica 0's, directly (the client Service may answer from another).
      case QDRANT -> List.of(value("STORE_URL", "http://" + MemoryStoreResources.podHost(store, 0) + ":"
              + MemoryBackends.QDRANT_HTTP_PORT),
          MemoryStoreResources.fromSecret(store, "QDRANT_API_KEY", MemoryStoreResources.KEY_API_KEY));
      case CHROMA -> List.of(value("DATA_DIR", DATA_MOUNT));
    };
  }

  static List<EnvVar> s3Env(S3BackupTarget s3) {
    List<EnvVar> env = new ArrayList<>();
    env.add(value("S3_BUCKET", s3.getBucket()));
    env.add(value("S3_REGION", s3.getRegion() == null ? "us-east-1" : s3.getRegion()));
    env.add(value("S3_PREFIX", prefix(s3)));
    if (s3.getEndpoint() != null) {
      env.add(value("S3_ENDPOINT", s3.getEndpoint().replaceAll("/+$", "")));
    }
    String credentials = s3.getCredentialsSecretRef() == null ? null : s3.getCredentialsSecretRef().getName();
    for (String key : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")) {
      env.add(new EnvVarBuilder().withName(key).withNewValueFrom().withNewSecretKeyRef().withName(credentials)
          .withKey(key).endSecretKeyRef().endValueFrom().build());
    }
    return env;
  }

  /** The key prefix, ending with {@code /} when set. */
  static String prefix(S3BackupTarget s3) {
    String prefix = s3.getPrefix() == null ? "" : s3.getPrefix().replaceAll("^/+", "");
    return prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
  }

  /** Chroma's claim is ReadWriteOnce: the backup pod must run on the node of replica 0. */
  static Affinity besideReplicaZero(MemoryStore store) {
    return new AffinityBuilder().withNewPodAffinity().addNewRequiredDuringSchedulingIgnoredDuringExecution()
        .withTopologyKey("kubernetes.io/hostname").withNewLabelSelector()
        .withMatchLabels(MemoryStoreResources.selector(store, DATABASE))
        .addToMatchLabels(MemoryStoreNetworkFactory.POD_NAME_LABEL, MemoryStoreResources.statefulSet(store) + "-0")
        .endLabelSelector().endRequiredDuringSchedulingIgnoredDuringExecution().endPodAffinity().build();
  }

  static BackupTarget target(MemoryStore store) {
    BackupSpec backup = store.getSpec().getBackup();
    return backup == null || backup.getTarget() == null ? new BackupTarget() : backup.getTarget();
  }

  private static String existingClaim(MemoryStore store) {
    PvcBackupTarget pvc = target(store).getPvc();
    return pvc == null || pvc.getExistingClaim() == null || pvc.getExistingClaim().isBlank() ? null : pvc.getExistingClaim();
  }

  private static List<EnvVar> concat(List<EnvVar> a, List<EnvVar> b) {
    List<EnvVar> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
