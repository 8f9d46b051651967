package dev.autonomy.controllers.memory;

import dev.autonomy.api.v1alpha1.common.ConditionStatus;
import dev.autonomy.api.v1alpha1.common.LocalObjectRef;
import dev.autonomy.api.v1alpha1.memory.BackupResult;
import dev.autonomy.api.v1alpha1.memory.BackupStatus;
import dev.autonomy.api.v1alpha1.memory.MemoryStore;
import dev.autonomy.api.v1alpha1.memory.MemoryStorePhase;
import dev.autonomy.api.v1alpha1.memory.MemoryStoreStatus;
import dev.autonomy.controllers.status.ConditionSet;
import dev.autonomy.controllers.status.ConditionType;
import dev.autonomy.controllers.status.Reason;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The status of an accepted store, from what was observed: replicas from the StatefulSet, the last
 * backup from the CronJob's Jobs, storage and scaling decisions, failures of children. Conditions
 * {@code Ready}, {@code Progressing}, {@code Degraded}, {@code BackupSucceeded}; phase Provisioning →
 * Ready, or Degraded (fewer ready replicas than it had, a refused change, failing backups or children).
 * Pure: never reads the cluster and never sees the connection Secret's data.
 */
public final class MemoryStoreStatusFactory {
  private MemoryStoreStatusFactory() {}

  /** What one reconcile saw and decided. */
  public record Observation(Optional<StatefulSet> statefulSet, int targetReplicas, MemoryStoreScaling.StoragePlan storage,
      List<String> resizeFailures, boolean scaleDownRefused, List<String> childFailures, Collection<Job> backupJobs) {}

  public static void report(MemoryStore store, Observation seen, MemoryStoreStatus previous, MemoryStoreStatus next,
      ConditionSet conditions) {
    Optional<StatefulSetStatus> observed = seen.statefulSet().map(StatefulSet::getStatus);
    int ready = observed.map(StatefulSetStatus::getReadyReplicas).orElse(0);
    int existing = observed.map(StatefulSetStatus::getReplicas).orElse(0);
    int target = seen.targetReplicas();
    boolean current = seen.statefulSet().map(s -> s.getStatus() != null && s.getStatus().getObservedGeneration() != null
        && s.getStatus().getObservedGeneration() >= s.getMetadata().getGeneration()).orElse(false);
    boolean allReady = current && ready >= target && existing == target;

    next.setEndpoint(MemoryStoreResources.endpoint(store));
    LocalObjectRef secretRef = new LocalObjectRef();
    secretRef.setName(MemoryStoreResources.secret(store));
    next.setSecretRef(secretRef);
    next.setReplicas(existing);
    next.setReadyReplicas(ready);
    BackupStatus lastBackup = lastBackup(store, seen.backupJobs()).orElse(previous == null ? null : previous.getLastBackup());
    next.setLastBackup(lastBackup);

    if (allReady) {
      conditions.set(ConditionType.READY, true, Reason.StoreReady,
          ready + "/" + target + " replicas ready; clients connect to " + MemoryStoreResources.endpoint(store) + ".");
    } else if (ready == 0) {
      conditions.set(ConditionType.READY, false, Reason.WorkloadPending,
          "The database StatefulSet has no ready replica yet (0/" + target + ").");
    } else {
      conditions.set(ConditionType.READY, false, Reason.ReplicasNotReady, ready + "/" + target + " replicas ready.");
    }

    MemoryStoreScaling.StoragePlan storage = seen.storage();
    if (!allReady) {
      conditions.set(ConditionType.PROGRESSING, true, Reason.Provisioning,
          "Waiting for " + target + " ready replicas of StatefulSet " + MemoryStoreResources.statefulSet(store)
              + " (" + ready + " ready).");
    } else if (!storage.grow().isEmpty() || !storage.resizing().isEmpty()) {
      List<String> claims = new ArrayList<>(storage.grow());
      claims.addAll(storage.resizing());
      conditions.set(ConditionType.PROGRESSING, true, Reason.StorageResizing,
          "Growing claims " + String.join(", ", claims) + " to " + storage.size() + ".");
    } else {
      conditions.set(ConditionType.PROGRESSING, false, Reason.Reconciled, "Every child matches the spec.");
    }

    Optional<Problem> problem = degradation(store, seen, previous, allReady, ready, lastBackup);
    conditions.set(ConditionType.DEGRADED, problem.isPresent(), problem.map(Problem::reason).orElse(Reason.Healthy),
        problem.map(Problem::message).orElse("Serving as specified."));
    reportBackup(store, lastBackup, conditions);

    next.setPhase(problem.isPresent() ? MemoryStorePhase.DEGRADED
        : allReady ? MemoryStorePhase.READY : MemoryStorePhase.PROVISIONING);
  }

  record Problem(Reason reason, String message) {}

  /** The first of: failing children, a refused shrink, a failed resize, a refused scale-down, lost replicas, a failed backup. */
  static Optional<Problem> degradation(MemoryStore store, Observation seen, MemoryStoreStatus previous, boolean allReady,
      int ready, BackupStatus lastBackup) {
    if (!seen.childFailures().isEmpty()) {
      return Optional.of(new Problem(Reason.ReconcileFailed, "Children could not be reconciled: "
          + String.join("; ", seen.childFailures()) + "."));
    }
    if (!seen.storage().tooLarge().isEmpty()) {
      return Optional.of(new Problem(Reason.StorageShrinkRefused, "spec.storage.size " + seen.storage().size()
          + " is smaller than claims " + String.join(", ", seen.storage().tooLarge())
          + ": volumes cannot shrink; set spec.storage.size back to at least their size."));
    }
    if (!seen.resizeFailures().isEmpty()) {
      return Optional.of(new Problem(Reason.StorageResizeFailed, "Claims could not grow to " + seen.storage().size()
          + ": " + String.join("; ", seen.resizeFailures()) + "."));
    }
    if (seen.scaleDownRefused()) {
      return Optional.of(new Problem(Reason.ScaleDownRefused, "spec.replicas " + store.getSpec().getReplicas() + " < "
          + seen.targetReplicas() + " running Qdrant peers: a removed peer takes its shards with it. Move them to "
          + "lower peers with Qdrant's API, then annotate the MemoryStore " + MemoryStoreScaling.CONFIRM_SCALE_DOWN
          + "=\"" + store.getSpec().getReplicas() + "\"."));
    }
    boolean wasServing = previous != null && (previous.getPhase() == MemoryStorePhase.READY
        && previous.getReadyReplicas() != null && ready < previous.getReadyReplicas());
    boolean stillLost = previous != null && ConditionSet.find(previous.getConditions(), ConditionType.DEGRADED)
        .map(c -> ConditionStatus.TRUE.value().equals(c.getStatus()) && Reason.ReplicasNotReady.name().equals(c.getReason()))
        .orElse(false);
    if (!allReady && (wasServing || stillLost)) {
      return Optional.of(new Problem(Reason.ReplicasNotReady, ready + "/" + seen.targetReplicas()
          + " replicas ready after the store was ready."));
    }
    if (MemoryStoreBackupFactory.enabled(store) && lastBackup != null && lastBackup.getResult() == BackupResult.FAILED) {
      return Optional.of(new Problem(Reason.BackupFailed, "The last backup failed: " + lastBackup.getMessage()));
    }
    return Optional.empty();
  }

  static void reportBackup(MemoryStore store, BackupStatus last, ConditionSet conditions) {
    if (!MemoryStoreBackupFactory.enabled(store)) {
      conditions.set(ConditionType.BACKUP_SUCCEEDED, ConditionStatus.UNKNOWN, Reason.BackupDisabled, "spec.backup is not enabled.");
    } else if (last == null) {
      conditions.set(ConditionType.BACKUP_SUCCEEDED, ConditionStatus.UNKNOWN, Reason.BackupPending,
          "No backup has finished yet (schedule \"" + store.getSpec().getBackup().getSchedule() + "\").");
    } else if (last.getResult() == BackupResult.SUCCEEDED) {
      conditions.set(ConditionType.BACKUP_SUCCEEDED, true, Reason.BackupSucceeded, last.getMessage());
    } else {
      conditions.set(ConditionType.BACKUP_SUCCEEDED, false, Reason.BackupFailed, last.getMessage());
    }
  }

  /** The most recently finished backup Job, as {@code status.lastBackup}. */
  public static Optional<BackupStatus> lastBackup(MemoryStore store, Collection<Job> jobs) {
    return jobs.stream().map(job -> finished(job).map(c -> new Finished(job, c))).flatMap(Optional::stream)
        .max(Comparator.comparing(Finished::time))
        .map(f -> {
          BackupStatus status = new BackupStatus();
          boolean ok = "Complete".equals(f.condition().getType());
          status.setTime(f.time());
          status.setResult(ok ? BackupResult.SUCCEEDED : BackupResult.FAILED);
          status.setLocation(MemoryStoreBackupFactory.location(store));
          status.setMessage(ok ? "Job " + f.job().getMetadata().getName() + " wrote a backup to " + status.getLocation() + "."
              : "Job " + f.job().getMetadata().getName() + " failed at " + f.time() + ": "
                  + Objects.requireNonNullElse(f.condition().getMessage(), f.condition().getReason()));
          return status;
        });
  }

  record Finished(Job job, JobCondition condition) {
    String time() {
      String completion = "Complete".equals(condition.getType()) ? job.getStatus().getCompletionTime() : null;
      return completion != null ? completion : Objects.requireNonNullElse(condition.getLastTransitionTime(), "");
    }
  }

  static Optional<JobCondition> finished(Job job) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return job.getStatus().getConditions().stream()
        .filter(c -> ("Complete".equals(c.getType()) || "Failed".equals(c.getType())) && "True".equals(c.getStatus()))
        .findFirst();
  }
}
